// The OpenAPI 3.1 description of Lantern's JSON API, served at /api/openapi.json.
// Kept beside the routes it describes; a test checks that every route is here
// and that a standard validator accepts the document.
import { AREA_TYPES } from '../domain/area/index.ts';
import { VERDICT_RULES } from '../domain/benchmark/index.ts';
import { METRIC_STATUSES, POLARITIES, VALUE_KINDS } from '../domain/metric/index.ts';
import { OBSERVATION_FLAGS } from '../domain/observation/index.ts';
import { PERIOD_KINDS } from '../domain/period/index.ts';
import { accessPaths, accessSchemas, accessSecuritySchemes } from './auth/openapi-access.ts';

const nullable = (type: string) => ({ type: [type, 'null'] });
const rowFigures = {
  value: nullable('number'),
  interval: { type: 'object', properties: { lower: { type: 'number' }, upper: { type: 'number' } } },
  rank: nullable('integer'), quartile: nullable('integer'),
  significance: { type: 'string', enum: ['better', 'similar', 'worse', 'higher', 'lower', 'not_compared'] },
  verdict: { $ref: '#/components/schemas/Verdict' },
};
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
const neighbourParameters = [
  query('count', 'How many neighbours (default 15).', { type: 'integer', minimum: 1, maximum: 100 }),
  query('variables', "Metric codes to find neighbours by, separated by commas (default: the metrics themed 'context')."),
  query('weights', 'A weight per variable, separated by commas (default 1 each).'),
];
const benchmarkGroupParameters = [
  query('group', 'The comparator group (default: neighbours for a profile, england for a league table).', { type: 'string', enum: ['england', 'region', 'type', 'neighbours', 'custom'] }),
  query('groupId', 'The saved group, with group=custom.', { type: 'integer' }),
  query('level', 'Confidence level of intervals and significance: 95 or 99.8 (default 95).', { type: 'string', enum: ['95', '99.8'] }),
  ...neighbourParameters,
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
    '/api/areas/{code}/history': {
      get: {
        operationId: 'areaHistory', summary: 'Every change to an area, with the batch that made it', parameters: [path('code', 'GSS code, such as E06000047.')],
        responses: { 200: { description: 'Changes, oldest first.', content: json(list('DefinitionChange')) }, ...errors },
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
    '/api/metrics/{code}/history': {
      get: {
        operationId: 'metricHistory', summary: "Every change to a metric's definition, with the batch that made it", parameters: [path('code', 'Metric code.')],
        responses: { 200: { description: 'Changes, oldest first.', content: json(list('DefinitionChange')) }, ...errors },
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
    '/api/imports/{id}/rejections': {
      get: {
        operationId: 'listRejections', summary: "A batch's rejected rows, by line",
        parameters: [path('id', 'Batch id.', { type: 'integer' }), ...paging],
        responses: { 200: { description: 'Rejections, with their total, limit and offset.', content: json(list('Rejection')) }, ...errors },
      },
    },
    '/api/benchmark/league-table': {
      get: {
        operationId: 'leagueTable', summary: 'Every council of a group on one metric and period: value, interval, rank, quartile, significance',
        parameters: [
          { ...query('metric', 'Metric code.'), required: true },
          query('period', "Period label (default: the metric's latest)."),
          query('area', 'The council whose group it is (needed for region, type, neighbours); default England.'),
          ...benchmarkGroupParameters,
          query('format', 'json or csv.', { type: 'string', enum: ['json', 'csv'] }),
        ],
        responses: { 200: { description: 'The league table, best first.', content: { ...json(ref('LeagueTable')), 'text/csv': { schema: { type: 'string' } } } }, ...errors },
      },
    },
    '/api/benchmark/profile': {
      get: {
        operationId: 'areaProfile', summary: "A council's every metric against its group: value, rank, quartile, group mean and median, significance, trend",
        parameters: [
          { ...query('area', 'GSS code of the council.'), required: true },
          query('period', "Period label (default: each metric's latest)."),
          query('metrics', 'Only these metric codes, separated by commas.'),
          ...benchmarkGroupParameters,
          query('format', 'json or csv.', { type: 'string', enum: ['json', 'csv'] }),
        ],
        responses: { 200: { description: 'The profile, by metric title.', content: { ...json(ref('AreaProfile')), 'text/csv': { schema: { type: 'string' } } } }, ...errors },
      },
    },
    '/api/benchmark/series': {
      get: {
        operationId: 'timeSeries', summary: 'A metric over every period for chosen areas',
        parameters: [
          { ...query('metric', 'Metric code.'), required: true },
          { ...query('areas', 'GSS codes, separated by commas (1 to 50).'), required: true },
          query('format', 'json or csv.', { type: 'string', enum: ['json', 'csv'] }),
        ],
        responses: { 200: { description: 'One point per area and period.', content: { ...json({ type: 'object' }), 'text/csv': { schema: { type: 'string' } } } }, ...errors },
      },
    },
    '/api/benchmark/neighbours': {
      get: {
        operationId: 'neighbours', summary: "A council's statistical neighbours, with distances and what drives each",
        parameters: [
          { ...query('area', 'GSS code of the council.'), required: true },
          ...neighbourParameters,
          query('format', 'json or csv.', { type: 'string', enum: ['json', 'csv'] }),
        ],
        responses: { 200: { description: 'Nearest first.', content: { ...json(ref('Neighbours')), 'text/csv': { schema: { type: 'string' } } } }, ...errors },
      },
    },
    '/api/benchmark/published-neighbours': {
      get: {
        operationId: 'publishedNeighbours', summary: "The neighbour sets the ONS and DfE published for a council, to start a group from",
        parameters: [{ ...query('area', 'GSS code of the council.'), required: true }],
        responses: { 200: { description: 'Each set named, nearest first; none for a council no publisher covers.', content: json({ type: 'object' }) }, ...errors },
      },
    },
    '/api/benchmark/groups': {
      get: {
        operationId: 'listGroups', summary: 'Saved comparator groups',
        responses: { 200: { description: 'Groups, by name.', content: json(list('ComparatorGroup')) } },
      },
      post: {
        operationId: 'createGroup', summary: 'Save a comparator group: a name and its councils',
        requestBody: {
          required: true,
          content: json({ type: 'object', required: ['name', 'areaCodes'], properties: { name: { type: 'string' }, areaCodes: { type: 'array', items: { type: 'string' } } } }),
        },
        responses: { 201: { description: 'Saved.', content: json(ref('ComparatorGroup')) }, 400: errors[400] },
      },
    },
    '/api/benchmark/groups/{id}': {
      get: {
        operationId: 'getGroup', summary: 'One saved comparator group', parameters: [path('id', 'Group id.', { type: 'integer' })],
        responses: { 200: { description: 'The group.', content: json(ref('ComparatorGroup')) }, ...errors },
      },
    },
    '/api/openapi.json': {
      get: { operationId: 'openApi', summary: 'This document', responses: { 200: { description: 'OpenAPI 3.1.', content: json({ type: 'object' }) } } },
    },
    // For load balancers and orchestrators: alive, and ready for traffic.
    '/health': {
      get: {
        operationId: 'health', summary: 'Whether Lantern answers, which is whether its store answers',
        responses: {
          200: { description: 'Alive.', content: json({ type: 'object', required: ['status'], properties: { status: { const: 'ok' } } }) },
          503: { description: "The store does not answer (code 'store_unavailable'); the message names it.", content: json(ref('Error')) },
        },
      },
    },
    '/ready': {
      get: {
        operationId: 'ready', summary: 'Whether this server should take traffic: store and replica answer, migrations applied, benchmark index built',
        responses: {
          200: { description: 'Ready.', content: json({ type: 'object', required: ['status'], properties: { status: { const: 'ready' } } }) },
          503: {
            description: "Not ready; the code says why, the first of: 'store_unavailable', 'replica_unavailable', 'migrations_pending', 'index_failed', " +
              "'index_building' (with Retry-After).",
            content: json(ref('Error')),
          },
        },
      },
    },
    // Who may see what: sign-in, tokens, intelligence, shares, the audit trail, administration.
    ...accessPaths,
  },
  components: {
    securitySchemes: accessSecuritySchemes,
    schemas: {
      ...accessSchemas,
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
      LeagueTable: {
        type: 'object', required: ['metric', 'period', 'group', 'rows'],
        properties: {
          metric: ref('Metric'), period: { type: 'string' }, group: ref('GroupFigures'),
          rows: { type: 'array', items: { type: 'object', required: ['area', 'name', 'value', 'rank'], properties: { area: { type: 'string' }, name: { type: 'string' }, ...rowFigures } } },
        },
      },
      Verdict: {
        type: 'object', required: ['kind', 'label', 'words', 'sentence', 'rule', 'figures'],
        description: 'What Lantern says of the figure, as its pages, reports and CSV say it: where it has an interval and there is a benchmark, '
          + 'better, similar or worse than the benchmark (higher or lower where the metric has no polarity); otherwise its fifth of the group, '
          + 'best to worst (highest to lowest where the metric has no polarity). Rules: '
          + Object.values(VERDICT_RULES).map((r) => `${r.id} v${r.version}: ${r.statement}`).join(' '),
        properties: {
          kind: { type: 'string', enum: ['significance', 'fifth', 'not_compared', 'no_value'] },
          label: { type: 'string', description: "A word or two: 'Better', 'Best fifth'." },
          words: { type: 'string', description: "The verdict naming what it is against: 'Better than England', 'Best fifth of North East councils'." },
          sentence: { type: 'string', description: 'Why, with the figures.' },
          significance: { type: 'string', enum: ['better', 'similar', 'worse', 'higher', 'lower'], description: 'With kind significance.' },
          fifth: { type: 'integer', minimum: 1, maximum: 5, description: 'With kind fifth: 1 is the best (or highest).' },
          scale: { type: 'string', enum: ['polar', 'neutral'], description: 'Best and worst, or highest and lowest.' },
          reason: { type: 'string', enum: ['not_ranked', 'too_few_values'], description: 'With kind not_compared.' },
          rule: {
            type: ['object', 'null'], required: ['id', 'version'], description: 'The rule that made it; null for no value.',
            properties: { id: { type: 'string', enum: Object.keys(VERDICT_RULES) }, version: { type: 'integer' } },
          },
          figures: { type: ['object', 'null'], description: 'What it was made from: value, interval and benchmark, or rank and how many are ranked.' },
        },
      },
      GroupFigures: {
        type: 'object', required: ['key', 'label', 'size'],
        properties: {
          key: { type: 'string' }, label: { type: 'string' }, size: { type: 'integer' }, mean: nullable('number'), median: nullable('number'),
          benchmark: { type: ['object', 'null'], properties: { value: { type: 'number' }, source: { type: 'string' } } },
        },
      },
      AreaProfile: {
        type: 'object', required: ['area', 'items'],
        properties: {
          area: { type: 'object' },
          items: {
            type: 'array',
            items: {
              type: 'object', required: ['metric', 'period', 'value', 'significance'],
              properties: {
                metric: ref('Metric'), period: { type: 'string' }, ...rowFigures,
                via: { type: ['object', 'null'], properties: { code: { type: 'string' }, name: { type: 'string' } } },
                groupLabel: { type: 'string' }, groupSize: { type: 'integer' }, groupMean: nullable('number'), groupMedian: nullable('number'),
                benchmark: { type: ['object', 'null'] }, trend: {
                  type: 'object', required: ['direction', 'recent'],
                  description: 'The direction of travel from the period before, and the recent trend over the last five periods, as judgements',
                  properties: {
                    direction: { enum: ['improving', 'worsening', 'increasing', 'decreasing', 'no_significant_change', 'not_compared', 'not_computed'] },
                    recent: { enum: ['getting_better', 'getting_worse', 'increasing', 'decreasing', 'no_significant_change', 'not_computed'] },
                  },
                },
              },
            },
          },
        },
      },
      Neighbours: {
        type: 'object', required: ['kind', 'area', 'neighbours'],
        properties: {
          kind: { type: 'string' }, area: { type: 'string' }, variables: { type: 'array', items: { type: 'object' } },
          neighbours: {
            type: 'array',
            items: {
              type: 'object', required: ['code', 'name', 'distance', 'reason'],
              properties: { code: { type: 'string' }, name: { type: 'string' }, distance: { type: 'number' }, reason: { type: 'string' }, contributions: { type: 'array', items: { type: 'object' } } },
            },
          },
        },
      },
      ComparatorGroup: {
        type: 'object', required: ['id', 'name', 'areaCodes'],
        properties: {
          id: { type: 'integer' }, name: { type: 'string' }, areaCodes: { type: 'array', items: { type: 'string' } },
          createdBy: { ...nullable('string'), description: 'Who saved it, by name and organisation: null for the public.' }, createdAt: { type: 'string', format: 'date-time' },
        },
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
