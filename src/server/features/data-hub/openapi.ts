// The data hub's part of the OpenAPI document: areas, metrics, observations
// and import batches. Each operation's parameters come from the schema its
// route checks them with (api-inputs.ts).
import { AREA_TYPES } from '../../../domain/area/index.ts';
import { METRIC_STATUSES, POLARITIES, VALUE_KINDS } from '../../../domain/metric/index.ts';
import { OBSERVATION_FLAGS } from '../../../domain/observation/index.ts';
import { PERIOD_KINDS } from '../../../domain/period/index.ts';
import { nullable, ref, json, list, errors, jsonOrCsv, getOperation } from '../../platform/service/openapi-parts.ts';
import { pathParameters, queryParameters } from '../../platform/service/openapi-input.ts';
import { areaPath, areasQuery, batchPath, historyQuery, importQuery, importsQuery, metricPath, metricsQuery, observationsQuery, rejectionsQuery } from './api-inputs.ts';

export const paths = {
  '/api/areas': getOperation('listAreas', 'Areas: councils, regions and England', queryParameters(areasQuery), { description: 'Areas, by name.', content: json(list('Area')) }, { 400: errors[400] }),
  '/api/areas/{code}': getOperation('getArea', 'One area', pathParameters(areaPath), { description: 'The area.', content: json(ref('Area')) }),
  '/api/areas/{code}/history': getOperation('areaHistory', 'Every change to an area, with the batch that made it', pathParameters(areaPath), {
    description: 'Changes, oldest first.',
    content: json(list('DefinitionChange')),
  }),
  '/api/metrics': getOperation(
    'listMetrics',
    'The metric library, searchable',
    queryParameters(metricsQuery),
    { description: 'Metrics, by title.', content: json(list('Metric')) },
    { 400: errors[400] },
  ),
  '/api/metrics/{code}': getOperation('getMetric', 'One metric', pathParameters(metricPath), { description: 'The metric.', content: json(ref('Metric')) }),
  '/api/metrics/{code}/history': getOperation('metricHistory', "Every change to a metric's definition, with the batch that made it", pathParameters(metricPath), {
    description: 'Changes, oldest first.',
    content: json(list('DefinitionChange')),
  }),
  '/api/observations': getOperation(
    'listObservations',
    'Current observations by metric, area and period range, as JSON or CSV',
    queryParameters(observationsQuery),
    { description: 'Observations, by metric, area and period.', content: jsonOrCsv(list('Observation')) },
    { 400: errors[400] },
  ),
  '/api/observations/history': getOperation(
    'observationHistory',
    'Every value a metric has had for an area, superseded ones included',
    queryParameters(historyQuery),
    { description: 'Current and superseded values, by period.', content: json(list('HistoryEntry')) },
    { 400: errors[400] },
  ),
  '/api/imports': {
    get: {
      operationId: 'listImports',
      summary: 'Import batches, newest first',
      parameters: queryParameters(importsQuery),
      responses: { 200: { description: 'Batches, with their total, limit and offset.', content: json(list('Batch')) }, 400: errors[400] },
    },
    post: {
      operationId: 'importFile',
      summary: 'Import a CSV (observations, metric definitions or areas) as one batch',
      parameters: queryParameters(importQuery),
      requestBody: {
        required: true,
        content: {
          'text/csv': { schema: { type: 'string' } },
          'application/json': { schema: {} },
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
      operationId: 'getImport',
      summary: 'One import batch',
      parameters: pathParameters(batchPath),
      responses: { 200: { description: 'The batch.', content: json(ref('Batch')) }, ...errors },
    },
  },
  '/api/imports/{id}/rejections': getOperation('listRejections', "A batch's rejected rows, by line", [...pathParameters(batchPath), ...queryParameters(rejectionsQuery)], {
    description: 'Rejections, with their total, limit and offset.',
    content: json(list('Rejection')),
  }),
};

export const schemas = {
  Area: {
    type: 'object',
    required: ['code', 'name', 'type'],
    properties: {
      code: { type: 'string' },
      name: { type: 'string' },
      officialName: nullable('string'),
      type: { type: 'string', enum: AREA_TYPES },
      registerCode: nullable('string'),
      nation: nullable('string'),
      regionCode: nullable('string'),
      countyCode: nullable('string'),
      startDate: { type: ['string', 'null'], format: 'date' },
      endDate: { type: ['string', 'null'], format: 'date' },
      successorCodes: { type: 'array', items: { type: 'string' } },
      formerCodes: { type: 'array', items: { type: 'string' } },
      otherNames: { type: 'array', items: { type: 'string' }, description: 'Other names it is known by, which search finds: Welsh names (Caerdydd), common forms' },
    },
  },
  Metric: {
    type: 'object',
    required: ['code', 'title', 'polarity', 'valueKind', 'periodKind'],
    properties: {
      code: { type: 'string' },
      title: { type: 'string' },
      definition: nullable('string'),
      unit: nullable('string'),
      polarity: { type: 'string', enum: POLARITIES },
      valueKind: { type: 'string', enum: VALUE_KINDS },
      multiplier: nullable('number'),
      periodKind: { type: 'string', enum: PERIOD_KINDS },
      source: nullable('string'),
      themes: { type: 'array', items: { type: 'string' } },
      decimals: { type: 'integer' },
      ciMethod: nullable('string'),
      status: { type: 'string', enum: METRIC_STATUSES },
    },
  },
  Observation: {
    type: 'object',
    required: ['metric', 'area', 'period', 'value', 'flags'],
    properties: {
      metric: { type: 'string' },
      area: { type: 'string' },
      areaName: { type: 'string' },
      period: { type: 'string' },
      periodStart: { type: 'string', format: 'date' },
      periodEnd: { type: 'string', format: 'date' },
      value: nullable('number'),
      numerator: nullable('number'),
      denominator: nullable('number'),
      lowerCi: nullable('number'),
      upperCi: nullable('number'),
      flags: { type: 'array', items: { type: 'string', enum: OBSERVATION_FLAGS } },
      batchId: { type: 'integer' },
    },
  },
  HistoryEntry: {
    type: 'object',
    required: ['period', 'value', 'batchId'],
    properties: {
      period: { type: 'string' },
      value: nullable('number'),
      flags: { type: 'array', items: { type: 'string' } },
      batchId: { type: 'integer' },
      supersededBy: nullable('integer'),
      supersededAt: { type: ['string', 'null'], format: 'date-time' },
    },
  },
  DefinitionChange: {
    type: 'object',
    required: ['changes', 'batchId', 'supersededBy', 'supersededAt'],
    description: 'One change to an area or a metric: each field that changed, what it was and what it became.',
    properties: {
      changes: {
        type: 'object',
        description: 'By field name (regionCode, title, ...).',
        additionalProperties: { type: 'object', required: ['was', 'became'], properties: { was: {}, became: {} } },
      },
      batchId: { ...nullable('integer'), description: "The batch that had brought the old definition; null for Lantern's own reference data." },
      supersededBy: { ...nullable('integer'), description: 'The batch that made the change; null for a change no batch made.' },
      supersededAt: { type: 'string', format: 'date-time' },
    },
  },
  Batch: {
    type: 'object',
    required: ['id', 'kind', 'status', 'fileName'],
    properties: {
      id: { type: 'integer' },
      kind: { type: 'string', enum: ['observations', 'metrics', 'areas', 'groups'] },
      status: { type: 'string', enum: ['received', 'validating', 'rejected', 'loaded'] },
      fileName: { type: 'string' },
      fileSha256: nullable('string'),
      source: nullable('string'),
      importedBy: {
        ...nullable('string'),
        description: 'Who imported it, by name and organisation: null for the public. E-mail addresses are never shown; a server path in source only to administrators.',
      },
      skipInvalid: { type: 'boolean' },
      receivedAt: { type: 'string', format: 'date-time' },
      finishedAt: { type: ['string', 'null'], format: 'date-time' },
      rowsRead: { type: 'integer' },
      inserted: { type: 'integer' },
      revised: { type: 'integer' },
      unchanged: { type: 'integer' },
      rejected: { type: 'integer' },
      message: nullable('string'),
    },
  },
  Rejection: {
    type: 'object',
    required: ['line', 'reason'],
    properties: { line: { type: 'integer' }, column: { type: 'string' }, value: { type: 'string' }, reason: { type: 'string' }, suggestion: { type: 'string' }, message: { type: 'string' } },
  },
  ImportResult: {
    type: 'object',
    required: ['batchId', 'status', 'kind'],
    properties: {
      batchId: { type: 'integer' },
      status: { type: 'string', enum: ['loaded', 'rejected'] },
      kind: { type: 'string' },
      rowsRead: { type: 'integer' },
      inserted: { type: 'integer' },
      revised: { type: 'integer' },
      unchanged: { type: 'integer' },
      rejected: { type: 'integer' },
      seconds: { type: 'number' },
      notices: { type: 'array', items: { type: 'string' } },
      rejections: { type: 'array', items: ref('Rejection') },
    },
  },
};
