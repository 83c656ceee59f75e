// The benchmarking API's part of the OpenAPI document: league tables,
// profiles, series, neighbours and saved comparator groups.
import { VERDICT_RULES } from '../../../domain/benchmark/index.ts';
import { nullable, ref, query, path, json, list, errors, jsonOrCsv, format, getOperation } from '../../platform/service/openapi-parts.ts';

const rowFigures = {
  value: nullable('number'),
  interval: { type: 'object', properties: { lower: { type: 'number' }, upper: { type: 'number' } } },
  rank: nullable('integer'), quartile: nullable('integer'),
  significance: { type: 'string', enum: ['better', 'similar', 'worse', 'higher', 'lower', 'not_compared'] },
  verdict: { $ref: '#/components/schemas/Verdict' },
};
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

/** A table of figures against a comparator group: what it is of, then the group, the confidence level and the format. */
const groupTable = (operationId: string, summary: string, parameters: readonly object[], answer: { description: string; content: object }) =>
  getOperation(operationId, summary, [...parameters, ...benchmarkGroupParameters, format('json or csv.')], answer);

export const paths = {
  '/api/benchmark/league-table': groupTable(
    'leagueTable', 'Every council of a group on one metric and period: value, interval, rank, quartile, significance',
    [{ ...query('metric', 'Metric code.'), required: true }, query('period', "Period label (default: the metric's latest)."),
      query('area', 'The council whose group it is (needed for region, type, neighbours); default England.')],
    { description: 'The league table, best first.', content: jsonOrCsv(ref('LeagueTable')) },
  ),
  '/api/benchmark/profile': groupTable(
    'areaProfile', "A council's every metric against its group: value, rank, quartile, group mean and median, significance, trend",
    [{ ...query('area', 'GSS code of the council.'), required: true }, query('period', "Period label (default: each metric's latest)."),
      query('metrics', 'Only these metric codes, separated by commas.')],
    { description: 'The profile, by metric title.', content: jsonOrCsv(ref('AreaProfile')) },
  ),
  '/api/benchmark/series': getOperation('timeSeries', 'A metric over every period for chosen areas', [
    { ...query('metric', 'Metric code.'), required: true },
    { ...query('areas', 'GSS codes, separated by commas (1 to 50).'), required: true },
    format('json or csv.'),
  ], { description: 'One point per area and period.', content: jsonOrCsv({ type: 'object' }) }),
  '/api/benchmark/neighbours': getOperation('neighbours', "A council's statistical neighbours, with distances and what drives each", [
    { ...query('area', 'GSS code of the council.'), required: true },
    ...neighbourParameters,
    format('json or csv.'),
  ], { description: 'Nearest first.', content: jsonOrCsv(ref('Neighbours')) }),
  '/api/benchmark/published-neighbours': getOperation('publishedNeighbours', "The neighbour sets the ONS and DfE published for a council, to start a group from", [{ ...query('area', 'GSS code of the council.'), required: true }], { description: 'Each set named, nearest first; none for a council no publisher covers.', content: json({ type: 'object' }) }),
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
};

export const schemas = {
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
};
