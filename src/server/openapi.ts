// The OpenAPI 3.1 description of Lantern's JSON API, served at /api/openapi.json.
// Kept beside the routes it describes; a test checks that every route is here
// and that a standard validator accepts the document.
import { AREA_TYPES } from '../domain/area/index.ts';
import { METRIC_STATUSES, POLARITIES, VALUE_KINDS } from '../domain/metric/index.ts';
import { OBSERVATION_FLAGS } from '../domain/observation/index.ts';
import { PERIOD_KINDS } from '../domain/period/index.ts';

const nullable = (type: string) => ({ type: [type, 'null'] });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const query = (name: string, description: string, schema: object = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema });
const path = (name: string, description: string, schema: object = { type: 'string' }) => ({ name, in: 'path', required: true, description, schema });
const json = (schema: object) => ({ 'application/json': { schema } });
const errors = {
  400: { description: 'A parameter was wrong; the message says which and why.', content: json(ref('Error')) },
  404: { description: 'No such thing.', content: json(ref('Error')) },
};
const paging = [
  query('limit', 'How many to return (default 100).', { type: 'integer', minimum: 1, maximum: 10000 }),
  query('offset', 'How many to skip.', { type: 'integer', minimum: 0 }),
];
const list = (item: string) => ({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref(item) } } });

export const openApiDocument = {
  openapi: '3.1.0',
  info: {
    title: 'Lantern',
    version: '0.1.0',
    description: 'Performance data for English local government: areas, metrics, observations and the import batches that brought them.',
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [{ url: '/' }],
  paths: {
    '/api/areas': {
      get: {
        operationId: 'listAreas', summary: 'Areas: councils, regions and England',
        parameters: [
          query('type', 'Only areas of this type.', { type: 'string', enum: AREA_TYPES }),
          query('region', 'Only areas in this region (GSS code).'),
          query('parent', 'Only areas whose county or region is this (GSS code).'),
          query('q', 'Name contains, or exact code.'),
          query('current', 'Only areas that have not ended.', { type: 'boolean' }),
          ...paging,
        ],
        responses: { 200: { description: 'Areas, by name.', content: json(list('Area')) }, 400: errors[400] },
      },
    },
    '/api/areas/{code}': {
      get: {
        operationId: 'getArea', summary: 'One area', parameters: [path('code', 'GSS code, such as E06000047.')],
        responses: { 200: { description: 'The area.', content: json(ref('Area')) }, ...errors },
      },
    },
    '/api/metrics': {
      get: {
        operationId: 'listMetrics', summary: 'The metric library, searchable',
        parameters: [query('q', 'Words that the title, code or definition contain.'), query('theme', 'Only metrics with this theme.'), ...paging],
        responses: { 200: { description: 'Metrics, by title.', content: json(list('Metric')) }, 400: errors[400] },
      },
    },
    '/api/metrics/{code}': {
      get: {
        operationId: 'getMetric', summary: 'One metric', parameters: [path('code', 'Metric code.')],
        responses: { 200: { description: 'The metric.', content: json(ref('Metric')) }, ...errors },
      },
    },
    '/api/observations': {
      get: {
        operationId: 'listObservations', summary: 'Current observations by metric, area and period range, as JSON or CSV',
        parameters: [
          query('metric', 'Metric code.'),
          query('area', 'Area GSS code.'),
          query('from', 'Periods ending on or after this period ends (a period label, such as 2015/16).'),
          query('to', 'Periods ending on or before this period ends.'),
          query('format', 'csv for every matching row as CSV in the import format (no paging).', { type: 'string', enum: ['json', 'csv'] }),
          ...paging,
        ],
        responses: {
          200: {
            description: 'Observations, by metric, area and period.',
            content: { ...json(list('Observation')), 'text/csv': { schema: { type: 'string' } } },
          },
          400: errors[400],
        },
      },
    },
    '/api/observations/history': {
      get: {
        operationId: 'observationHistory', summary: 'Every value a metric has had for an area, superseded ones included',
        parameters: [{ ...query('metric', 'Metric code.'), required: true }, { ...query('area', 'Area GSS code.'), required: true }],
        responses: { 200: { description: 'Current and superseded values, by period.', content: json(list('HistoryEntry')) }, 400: errors[400] },
      },
    },
    '/api/imports': {
      get: {
        operationId: 'listImports', summary: 'Import batches, newest first', parameters: paging,
        responses: { 200: { description: 'Batches.', content: json(list('Batch')) }, 400: errors[400] },
      },
      post: {
        operationId: 'importFile', summary: 'Import a CSV (observations, metric definitions or areas) as one batch',
        parameters: [
          query('fileName', 'The name kept with the batch and used in messages (default upload.csv).'),
          query('skipInvalid', 'Load the valid rows and keep the rejections, instead of rejecting the whole batch.', { type: 'boolean' }),
        ],
        requestBody: { required: true, content: { 'text/csv': { schema: { type: 'string' } }, 'application/json': { schema: {} } } },
        responses: {
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
    '/api/imports/{id}/rejections': {
      get: {
        operationId: 'listRejections', summary: "A batch's rejected rows, by line",
        parameters: [path('id', 'Batch id.', { type: 'integer' }), ...paging],
        responses: { 200: { description: 'Rejections.', content: json(list('Rejection')) }, ...errors },
      },
    },
    '/api/openapi.json': {
      get: { operationId: 'openApi', summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1.', content: json({ type: 'object' }) } } },
    },
  },
  components: {
    schemas: {
      Error: {
        type: 'object', required: ['status', 'code', 'message'],
        properties: { status: { type: 'integer' }, code: { type: 'string' }, message: { type: 'string' }, details: {} },
      },
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
      Batch: {
        type: 'object', required: ['id', 'kind', 'status', 'fileName'],
        properties: {
          id: { type: 'integer' }, kind: { type: 'string', enum: ['observations', 'metrics', 'areas'] },
          status: { type: 'string', enum: ['received', 'validating', 'rejected', 'loaded'] },
          fileName: { type: 'string' }, fileSha256: nullable('string'), source: nullable('string'), importedBy: { type: 'string' },
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
    },
  },
} as const;
