// The data hub's part of the OpenAPI document: areas, metrics, observations
// and import batches.
import { AREA_TYPES } from '../../../domain/area/index.ts';
import { METRIC_STATUSES, POLARITIES, VALUE_KINDS } from '../../../domain/metric/index.ts';
import { OBSERVATION_FLAGS } from '../../../domain/observation/index.ts';
import { PERIOD_KINDS } from '../../../domain/period/index.ts';
import { nullable, ref, query, path, json, list, errors, paging, jsonOrCsv, format, getOperation } from '../../platform/service/openapi-parts.ts';

export const paths = {
  '/api/areas': getOperation('listAreas', 'Areas: councils, regions and England', [
    query('type', 'Only areas of this type.', { type: 'string', enum: AREA_TYPES }),
    query('region', 'Only areas in this region (GSS code).'),
    query('parent', 'Only areas whose county or region is this (GSS code).'),
    query('q', 'Name contains, or exact code.'),
    query('current', 'Only areas that have not ended.', { type: 'boolean' }),
    ...paging,
  ], { description: 'Areas, by name.', content: json(list('Area')) }, { 400: errors[400] }),
  '/api/areas/{code}': getOperation('getArea', 'One area', [path('code', 'GSS code, such as E06000047.')], { description: 'The area.', content: json(ref('Area')) }),
  '/api/areas/{code}/history': getOperation(
    'areaHistory', 'Every change to an area, with the batch that made it', [path('code', 'GSS code, such as E06000047.')],
    { description: 'Changes, oldest first.', content: json(list('DefinitionChange')) },
  ),
  '/api/metrics': getOperation('listMetrics', 'The metric library, searchable', [query('q', 'Words that the title, code or definition contain.'), query('theme', 'Only metrics with this theme.'), ...paging], { description: 'Metrics, by title.', content: json(list('Metric')) }, { 400: errors[400] }),
  '/api/metrics/{code}': getOperation('getMetric', 'One metric', [path('code', 'Metric code.')], { description: 'The metric.', content: json(ref('Metric')) }),
  '/api/metrics/{code}/history': getOperation(
    'metricHistory', "Every change to a metric's definition, with the batch that made it", [path('code', 'Metric code.')],
    { description: 'Changes, oldest first.', content: json(list('DefinitionChange')) },
  ),
  '/api/observations': {
    get: {
      operationId: 'listObservations', summary: 'Current observations by metric, area and period range, as JSON or CSV',
      parameters: [
        query('metric', 'Metric code.'),
        query('area', 'Area GSS code.'),
        query('from', 'Periods ending on or after this period ends (a period label, such as 2015/16).'),
        query('to', 'Periods ending on or before this period ends.'),
        format('csv for every matching row as CSV in the import format (no paging).'),
        ...paging,
      ],
      responses: {
        200: {
          description: 'Observations, by metric, area and period.',
          content: jsonOrCsv(list('Observation')),
        },
        400: errors[400],
      },
    },
  },
  '/api/observations/history': getOperation('observationHistory', 'Every value a metric has had for an area, superseded ones included', [{ ...query('metric', 'Metric code.'), required: true }, { ...query('area', 'Area GSS code.'), required: true }], { description: 'Current and superseded values, by period.', content: json(list('HistoryEntry')) }, { 400: errors[400] }),
  '/api/imports': {
    get: {
      operationId: 'listImports', summary: 'Import batches, newest first', parameters: paging,
      responses: { 200: { description: 'Batches, with their total, limit and offset.', content: json(list('Batch')) }, 400: errors[400] },
    },
    post: {
      operationId: 'importFile', summary: 'Import a CSV (observations, metric definitions or areas) as one batch',
      parameters: [
        query('fileName', 'The name kept with the batch and used in messages (default upload.csv).'),
        query('skipInvalid', 'Load the valid rows and keep the rejections, instead of rejecting the whole batch.', { type: 'boolean' }),
        query('addAreas', "Keep the areas an observation file names that Lantern does not hold (wards, parishes, small areas, constituencies), " +
          "typed by their GSS code's entity and named from the file's area_name column; recorded as added by the batch.", { type: 'boolean' }),
        query('mapping', "A column mapping, as JSON text (the saved mapping file's content), for observations in a publisher's own layout: " +
          '{"area": "areacd", "period": "period", "metric": ["indicator", "measure"], "value": "value", "lower_ci": "lci_95", "upper_ci": "uci_95", ' +
          '"status": "status", "status_codes": {"x": "no_value", "u": "estimated"}, "missing": ["NA", ".."], "breakdowns": ["sex"], ' +
          '"metrics": {"Adult obesity prevalence / Percentage": {"title": "Adults living with obesity", "polarity": "lower_is_better", "themes": ["health"]}}}. ' +
          "Wide files name 'value_columns' or 'period_columns' instead of 'value' or 'period'. A mapping sent here gives its metric definitions inline: it may not name a 'metadata' file."),
        query('sheet', "The sheet of a spreadsheet (XLSX or ODS) to read; else the mapping's 'sheet', else the first. The batch's notices name the sheet read and the others."),
        query('dryRun', 'Read the file as an import would and answer what it would do (200), storing nothing: the layout, the column each cell is read from, ' +
          'the metrics and areas it would create, the periods found, unknown area codes, rejections and the counts it would insert, revise and leave unchanged.', { type: 'boolean' }),
      ],
      requestBody: {
        required: true,
        content: {
          'text/csv': { schema: { type: 'string' } }, 'application/json': { schema: {} },
          'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
          'application/vnd.oasis.opendocument.spreadsheet': { schema: { type: 'string', format: 'binary' } },
        },
      },
      responses: {
        200: { description: 'A dry run (dryRun=true): what an import would do; nothing was stored.', content: json({ type: 'object' }) },
        201: { description: 'Loaded.', content: json(ref('ImportResult')) },
        400: errors[400],
        422: { description: 'Rejected: nothing was stored; the rejections say why.', content: json(ref('ImportResult')) },
      },
    },
  },
  '/api/imports/{id}': {
    get: {
      operationId: 'getImport', summary: 'One import batch', parameters: [path('id', 'Batch id.', { type: 'integer' })],
      responses: { 200: { description: 'The batch.', content: json(ref('Batch')) }, ...errors },
    },
  },
  '/api/imports/{id}/rejections': getOperation('listRejections', "A batch's rejected rows, by line", [path('id', 'Batch id.', { type: 'integer' }), ...paging], { description: 'Rejections, with their total, limit and offset.', content: json(list('Rejection')) }),
};

export const schemas = {
  Area: {
    type: 'object', required: ['code', 'name', 'type'],
    properties: {
      code: { type: 'string' }, name: { type: 'string' }, officialName: nullable('string'), type: { type: 'string', enum: AREA_TYPES },
      registerCode: nullable('string'), nation: nullable('string'), regionCode: nullable('string'), countyCode: nullable('string'),
      startDate: { type: ['string', 'null'], format: 'date' }, endDate: { type: ['string', 'null'], format: 'date' },
      successorCodes: { type: 'array', items: { type: 'string' } }, formerCodes: { type: 'array', items: { type: 'string' } },
    },
  },
  Metric: {
    type: 'object', required: ['code', 'title', 'polarity', 'valueKind', 'periodKind'],
    properties: {
      code: { type: 'string' }, title: { type: 'string' }, definition: nullable('string'), unit: nullable('string'),
      polarity: { type: 'string', enum: POLARITIES }, valueKind: { type: 'string', enum: VALUE_KINDS }, multiplier: nullable('number'),
      periodKind: { type: 'string', enum: PERIOD_KINDS }, source: nullable('string'), themes: { type: 'array', items: { type: 'string' } },
      decimals: { type: 'integer' }, ciMethod: nullable('string'), status: { type: 'string', enum: METRIC_STATUSES },
    },
  },
  Observation: {
    type: 'object', required: ['metric', 'area', 'period', 'value', 'flags'],
    properties: {
      metric: { type: 'string' }, area: { type: 'string' }, areaName: { type: 'string' }, period: { type: 'string' },
      periodStart: { type: 'string', format: 'date' }, periodEnd: { type: 'string', format: 'date' },
      value: nullable('number'), numerator: nullable('number'), denominator: nullable('number'),
      lowerCi: nullable('number'), upperCi: nullable('number'),
      flags: { type: 'array', items: { type: 'string', enum: OBSERVATION_FLAGS } }, batchId: { type: 'integer' },
    },
  },
  HistoryEntry: {
    type: 'object', required: ['period', 'value', 'batchId'],
    properties: {
      period: { type: 'string' }, value: nullable('number'), flags: { type: 'array', items: { type: 'string' } }, batchId: { type: 'integer' },
      supersededBy: nullable('integer'), supersededAt: { type: ['string', 'null'], format: 'date-time' },
    },
  },
  DefinitionChange: {
    type: 'object', required: ['changes', 'batchId', 'supersededBy', 'supersededAt'],
    description: 'One change to an area or a metric: each field that changed, what it was and what it became.',
    properties: {
      changes: {
        type: 'object', description: 'By field name (regionCode, title, ...).',
        additionalProperties: { type: 'object', required: ['was', 'became'], properties: { was: {}, became: {} } },
      },
      batchId: { ...nullable('integer'), description: "The batch that had brought the old definition; null for Lantern's own reference data." },
      supersededBy: { ...nullable('integer'), description: 'The batch that made the change; null for a change no batch made.' },
      supersededAt: { type: 'string', format: 'date-time' },
    },
  },
  Batch: {
    type: 'object', required: ['id', 'kind', 'status', 'fileName'],
    properties: {
      id: { type: 'integer' }, kind: { type: 'string', enum: ['observations', 'metrics', 'areas', 'groups'] },
      status: { type: 'string', enum: ['received', 'validating', 'rejected', 'loaded'] },
      fileName: { type: 'string' }, fileSha256: nullable('string'), source: nullable('string'), importedBy: { ...nullable('string'), description: 'Who imported it, by name and organisation: null for the public. E-mail addresses are never shown; a server path in source only to administrators.' },
      skipInvalid: { type: 'boolean' }, receivedAt: { type: 'string', format: 'date-time' }, finishedAt: { type: ['string', 'null'], format: 'date-time' },
      rowsRead: { type: 'integer' }, inserted: { type: 'integer' }, revised: { type: 'integer' }, unchanged: { type: 'integer' },
      rejected: { type: 'integer' }, message: nullable('string'),
    },
  },
  Rejection: {
    type: 'object', required: ['line', 'reason'],
    properties: { line: { type: 'integer' }, column: { type: 'string' }, value: { type: 'string' }, reason: { type: 'string' }, suggestion: { type: 'string' }, message: { type: 'string' } },
  },
  ImportResult: {
    type: 'object', required: ['batchId', 'status', 'kind'],
    properties: {
      batchId: { type: 'integer' }, status: { type: 'string', enum: ['loaded', 'rejected'] }, kind: { type: 'string' },
      rowsRead: { type: 'integer' }, inserted: { type: 'integer' }, revised: { type: 'integer' }, unchanged: { type: 'integer' },
      rejected: { type: 'integer' }, seconds: { type: 'number' }, notices: { type: 'array', items: { type: 'string' } },
      rejections: { type: 'array', items: ref('Rejection') },
    },
  },
};
