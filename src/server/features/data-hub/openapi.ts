// The data hub's part of the OpenAPI document: areas, metrics, observations
// and import batches. Each operation's parameters come from the schema its
// route checks them with (api-inputs.ts).
import { AREA_TYPES } from '../../../domain/area/index.ts';
import { METRIC_STATUSES, POLARITIES, VALUE_KINDS } from '../../../domain/metric/index.ts';
import { OBSERVATION_FLAGS } from '../../../domain/observation/index.ts';
import { PERIOD_KINDS } from '../../../domain/period/index.ts';
import { list, jsonOrCsv, errors, getOperation, answer, operation } from '../../platform/service/openapi-parts.ts';
import { nullable, ref, text, nullableText, integer, number, boolean, day, instant, anyObject, object, textList, nullableInstant, nullableDay } from '../../platform/service/openapi-types.ts';
import { pathParameters, queryParameters } from '../../platform/service/openapi-input.ts';
import { areaPath, areasQuery, batchPath, historyQuery, importQuery, importsQuery, metricPath, metricsQuery, observationsQuery, rejectionsQuery } from './api-inputs.ts';

export const paths = {
  '/api/areas': getOperation('listAreas', 'Areas: councils, regions and England', queryParameters(areasQuery), answer('Areas, by name.', list('Area')), { 400: errors[400] }),
  '/api/areas/{code}': getOperation('getArea', 'One area', pathParameters(areaPath), answer('The area.', ref('Area'))),
  '/api/areas/{code}/history': getOperation(
    'areaHistory',
    'Every change to an area, with the batch that made it',
    pathParameters(areaPath),
    answer('Changes, oldest first.', list('DefinitionChange')),
  ),
  '/api/metrics': getOperation('listMetrics', 'The metric library, searchable', queryParameters(metricsQuery), answer('Metrics, by title.', list('Metric')), { 400: errors[400] }),
  '/api/metrics/{code}': getOperation('getMetric', 'One metric', pathParameters(metricPath), answer('The metric.', ref('Metric'))),
  '/api/metrics/{code}/history': getOperation(
    'metricHistory',
    "Every change to a metric's definition, with the batch that made it",
    pathParameters(metricPath),
    answer('Changes, oldest first.', list('DefinitionChange')),
  ),
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
    answer('Current and superseded values, by period.', list('HistoryEntry')),
    { 400: errors[400] },
  ),
  '/api/imports': {
    get: operation('listImports', 'Import batches, newest first', { query: importsQuery }, { 200: answer('Batches, with their total, limit and offset.', list('Batch')), 400: errors[400] }),
    post: operation(
      'importFile',
      'Import a CSV (observations, metric definitions or areas) as one batch',
      {
        query: importQuery,
        requestBody: {
          required: true,
          content: {
            'text/csv': { schema: text },
            'application/json': { schema: {} },
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: { type: 'string', format: 'binary' } },
            'application/vnd.oasis.opendocument.spreadsheet': { schema: { type: 'string', format: 'binary' } },
          },
        },
      },
      {
        200: answer('A dry run (dryRun=true): what an import would do; nothing was stored.', anyObject),
        201: answer('Loaded.', ref('ImportResult')),
        400: errors[400],
        422: answer('Rejected: nothing was stored; the rejections say why.', ref('ImportResult')),
      },
    ),
  },
  '/api/imports/{id}': {
    get: operation('getImport', 'One import batch', { path: batchPath }, { 200: answer('The batch.', ref('Batch')), ...errors }),
  },
  '/api/imports/{id}/rejections': getOperation(
    'listRejections',
    "A batch's rejected rows, by line",
    [...pathParameters(batchPath), ...queryParameters(rejectionsQuery)],
    answer('Rejections, with their total, limit and offset.', list('Rejection')),
  ),
};

export const schemas = {
  Area: object(['code', 'name', 'type'], {
    code: text,
    name: text,
    officialName: nullableText,
    type: { type: 'string', enum: AREA_TYPES },
    registerCode: nullableText,
    nation: nullableText,
    regionCode: nullableText,
    countyCode: nullableText,
    startDate: nullableDay,
    endDate: nullableDay,
    successorCodes: textList,
    formerCodes: textList,
    otherNames: { type: 'array', items: text, description: 'Other names it is known by, which search finds: Welsh names (Caerdydd), common forms' },
  }),
  Metric: object(['code', 'title', 'polarity', 'valueKind', 'periodKind'], {
    code: text,
    title: text,
    definition: nullableText,
    unit: nullableText,
    polarity: { type: 'string', enum: POLARITIES },
    valueKind: { type: 'string', enum: VALUE_KINDS },
    multiplier: nullable('number'),
    periodKind: { type: 'string', enum: PERIOD_KINDS },
    source: nullableText,
    themes: textList,
    decimals: integer,
    ciMethod: nullableText,
    status: { type: 'string', enum: METRIC_STATUSES },
  }),
  Observation: object(['metric', 'area', 'period', 'value', 'flags'], {
    metric: text,
    area: text,
    areaName: text,
    period: text,
    periodStart: day,
    periodEnd: day,
    value: nullable('number'),
    numerator: nullable('number'),
    denominator: nullable('number'),
    lowerCi: nullable('number'),
    upperCi: nullable('number'),
    flags: { type: 'array', items: { type: 'string', enum: OBSERVATION_FLAGS } },
    batchId: integer,
  }),
  HistoryEntry: object(['period', 'value', 'batchId'], {
    period: text,
    value: nullable('number'),
    flags: textList,
    batchId: integer,
    supersededBy: nullable('integer'),
    supersededAt: nullableInstant,
  }),
  DefinitionChange: {
    type: 'object',
    required: ['changes', 'batchId', 'supersededBy', 'supersededAt'],
    description: 'One change to an area or a metric: each field that changed, what it was and what it became.',
    properties: {
      changes: {
        type: 'object',
        description: 'By field name (regionCode, title, ...).',
        additionalProperties: object(['was', 'became'], { was: {}, became: {} }),
      },
      batchId: { ...nullable('integer'), description: "The batch that had brought the old definition; null for Lantern's own reference data." },
      supersededBy: { ...nullable('integer'), description: 'The batch that made the change; null for a change no batch made.' },
      supersededAt: instant,
    },
  },
  Batch: object(['id', 'kind', 'status', 'fileName'], {
    id: integer,
    kind: { type: 'string', enum: ['observations', 'metrics', 'areas', 'groups'] },
    status: { type: 'string', enum: ['received', 'validating', 'rejected', 'loaded'] },
    fileName: text,
    fileSha256: nullableText,
    source: nullableText,
    importedBy: {
      ...nullableText,
      description: 'Who imported it, by name and organisation: null for the public. E-mail addresses are never shown; a server path in source only to administrators.',
    },
    skipInvalid: boolean,
    receivedAt: instant,
    finishedAt: nullableInstant,
    rowsRead: integer,
    inserted: integer,
    revised: integer,
    unchanged: integer,
    rejected: integer,
    message: nullableText,
  }),
  Rejection: object(['line', 'reason'], { line: integer, column: text, value: text, reason: text, suggestion: text, message: text }),
  ImportResult: object(['batchId', 'status', 'kind'], {
    batchId: integer,
    status: { type: 'string', enum: ['loaded', 'rejected'] },
    kind: text,
    rowsRead: integer,
    inserted: integer,
    revised: integer,
    unchanged: integer,
    rejected: integer,
    seconds: number,
    notices: textList,
    rejections: { type: 'array', items: ref('Rejection') },
  }),
};
