// The benchmarking API's part of the OpenAPI document: league tables,
// profiles, concerns, series, neighbours and saved comparator groups. Each operation's
// parameters and body come from the schema its route checks them with
// (api-inputs.ts).
import { VERDICT_RULES } from '../../../domain/benchmark/index.ts';
import { list, jsonOrCsv, errors, getOperation, answer, operation } from '../../platform/service/openapi-parts.ts';
import { nullable, ref, text, nullableText, integer, number, instant, anyObject, object, codeAndName, textList, objectList } from '../../platform/service/openapi-types.ts';
import { queryParameters } from '../../platform/service/openapi-input.ts';
import { concernsQuery, groupPath, leagueTableQuery, neighboursQuery, newGroupBody, profileQuery, publishedNeighboursQuery, seriesQuery } from './api-inputs.ts';

const rowFigures = {
  value: nullable('number'),
  interval: { type: 'object', properties: { lower: number, upper: number } },
  rank: nullable('integer'),
  quartile: {
    ...nullable('integer'),
    deprecated: true,
    description:
      "Deprecated: kept for consumers written before verdicts, and left out of the CSV. The quartile of the group, 1 the best (or highest). Read `verdict`: its `label` and `words` are what the pages say ('Best fifth of North East councils'), and its `fifth` the fifth they colour.",
  },
  significance: {
    type: 'string',
    enum: ['better', 'similar', 'worse', 'higher', 'lower', 'not_compared'],
    description: 'Against the benchmark named with the table (England unless benchmark=group); `verdict.words` says it as the pages do.',
  },
  verdict: { $ref: '#/components/schemas/Verdict' },
};
export const paths = {
  '/api/benchmark/league-table': getOperation(
    'leagueTable',
    "Every council of a group on one metric and period: value, interval, rank, and the verdict in the pages' words, named with its benchmark",
    queryParameters(leagueTableQuery),
    {
      description:
        "The league table, best first. The CSV's columns: metric, period, area, area_name, value, lower_ci, upper_ci, rank, verdict, verdict_sentence, verdict_rule, source_verdict, group, benchmark_name, benchmark.",
      content: jsonOrCsv(ref('LeagueTable')),
    },
  ),
  '/api/benchmark/profile': getOperation(
    'areaProfile',
    "A council's every metric against its group: value, rank, the verdict in the pages' words, group mean and median, trend",
    queryParameters(profileQuery),
    { description: 'The profile, by metric title.', content: jsonOrCsv(ref('AreaProfile')) },
  ),
  '/api/benchmark/concerns': getOperation(
    'areaConcerns',
    "A council's metrics significantly worse than the benchmark and getting worse, each with its two tests and their figures",
    queryParameters(concernsQuery),
    {
      description:
        "By metric title; none is an empty list. No score: each finding stands alone. The CSV's columns: area, area_name, metric, title, period, value, lower_ci, upper_ci, benchmark_name, benchmark, significance_test, trend_from, trend_to, trend_slope, trend_chi_squared, trend_test, via.",
      content: jsonOrCsv(ref('AreaConcerns')),
    },
  ),
  '/api/benchmark/series': getOperation('timeSeries', 'A metric over every period for chosen areas', queryParameters(seriesQuery), {
    description: 'One point per area and period.',
    content: jsonOrCsv(anyObject),
  }),
  '/api/benchmark/neighbours': getOperation('neighbours', "A council's statistical neighbours, with distances and what drives each", queryParameters(neighboursQuery), {
    description: 'Nearest first.',
    content: jsonOrCsv(ref('Neighbours')),
  }),
  '/api/benchmark/published-neighbours': getOperation(
    'publishedNeighbours',
    'The neighbour sets the ONS and DfE published for a council, to start a group from',
    queryParameters(publishedNeighboursQuery),
    answer('Each set named, nearest first; none for a council no publisher covers.', anyObject),
  ),
  '/api/benchmark/groups': {
    get: operation('listGroups', 'Saved comparator groups', {}, { 200: answer('Groups, by name.', list('ComparatorGroup')) }),
    post: operation('createGroup', 'Save a comparator group: a name and its councils', { body: newGroupBody }, { 201: answer('Saved.', ref('ComparatorGroup')), 400: errors[400] }),
  },
  '/api/benchmark/groups/{id}': {
    get: operation('getGroup', 'One saved comparator group', { path: groupPath }, { 200: answer('The group.', ref('ComparatorGroup')), ...errors }),
  },
};

export const schemas = {
  LeagueTable: object(['metric', 'period', 'group', 'rows'], {
    metric: ref('Metric'),
    period: text,
    group: ref('GroupFigures'),
    benchmark: {
      type: ['object', 'null'],
      description: "What each council's verdict is against, named as the pages name it: England, or the group's median.",
      properties: { name: text, value: number },
    },
    rows: {
      type: 'array',
      items: object(['area', 'name', 'value', 'rank', 'verdict'], { area: text, name: text, ...rowFigures, sourceVerdict: ref('SourceVerdict') }),
    },
  }),
  Verdict: {
    type: 'object',
    required: ['kind', 'label', 'words', 'sentence', 'rule', 'figures'],
    description:
      'What Lantern says of the figure, as its pages, reports and CSV say it: where it has an interval and there is a benchmark, ' +
      'better, similar or worse than the benchmark (higher or lower where the metric has no polarity); otherwise its fifth of the group, ' +
      'best to worst (highest to lowest where the metric has no polarity). Rules: ' +
      Object.values(VERDICT_RULES)
        .map((r) => `${r.id} v${r.version}: ${r.statement}`)
        .join(' '),
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
        type: ['object', 'null'],
        required: ['id', 'version'],
        description: 'The rule that made it; null for no value.',
        properties: { id: { type: 'string', enum: Object.keys(VERDICT_RULES) }, version: integer },
      },
      figures: { type: ['object', 'null'], description: 'What it was made from: value, interval and benchmark, or rank and how many are ranked.' },
    },
  },
  SourceVerdict: {
    type: ['object', 'null'],
    description: "The publisher's own verdict on the figure, where it gave one (Fingertips' compared to England), beside Lantern's; null where it gave none",
    properties: { verdict: { type: 'string', enum: ['better', 'similar', 'worse', 'higher', 'lower'] }, benchmark: text, words: text },
  },
  GroupFigures: object(['key', 'label', 'size'], {
    key: text,
    label: text,
    size: integer,
    mean: nullable('number'),
    median: nullable('number'),
    benchmark: { type: ['object', 'null'], properties: { value: number, source: text } },
  }),
  AreaProfile: object(['area', 'items'], {
    area: anyObject,
    items: {
      type: 'array',
      items: object(['metric', 'period', 'value', 'significance'], {
        metric: ref('Metric'),
        period: text,
        ...rowFigures,
        via: { type: ['object', 'null'], properties: { code: text, name: text } },
        groupLabel: text,
        groupSize: integer,
        groupMean: nullable('number'),
        groupMedian: nullable('number'),
        benchmark: { type: ['object', 'null'] },
        sourceVerdict: ref('SourceVerdict'),
        trend: {
          type: 'object',
          required: ['direction', 'recent'],
          description: 'The direction of travel from the period before, and the recent trend over the last five periods, as judgements',
          properties: {
            direction: { enum: ['improving', 'worsening', 'increasing', 'decreasing', 'no_significant_change', 'not_compared', 'not_computed'] },
            recent: { enum: ['getting_better', 'getting_worse', 'increasing', 'decreasing', 'no_significant_change', 'not_computed'] },
          },
        },
      }),
    },
  }),
  AreaConcerns: object(['area', 'items'], {
    area: codeAndName,
    items: {
      type: 'array',
      items: object(['metric', 'period', 'value', 'significance', 'trend'], {
        metric: { type: 'object', properties: { code: text, title: text, polarity: { enum: ['higher_is_better', 'lower_is_better'] }, decimals: integer } },
        period: text,
        value: number,
        via: { type: ['object', 'null'], properties: { code: text, name: text } },
        significance: {
          type: 'object',
          description: "The area page's test: the confidence interval, at `level`, wholly on the worse side of the benchmark's value.",
          properties: {
            test: { const: 'confidence_interval_against_benchmark' },
            level: { enum: [0.95, 0.998] },
            interval: { type: 'object', properties: { lower: number, upper: number } },
            benchmark: { type: 'object', properties: { value: number, source: text } },
            words: text,
          },
        },
        trend: {
          type: 'object',
          description: "The area page's recent trend over the last five periods, significant at 99.8% and not resting on any one point, in the metric's worse direction.",
          properties: {
            test: { enum: ['chi_squared_for_trend', 'weighted_least_squares'] },
            level: { const: 0.998 },
            periods: textList,
            slope: { type: 'number', description: 'Change per period: in the proportion of 1 for chi_squared_for_trend, in the value’s units otherwise.' },
            statistic: { type: 'number', description: 'χ² on 1 degree of freedom.' },
            pValue: number,
            words: text,
          },
        },
      }),
    },
  }),
  Neighbours: object(['kind', 'area', 'neighbours'], {
    kind: text,
    area: text,
    variables: objectList,
    neighbours: {
      type: 'array',
      items: object(['code', 'name', 'distance', 'reason'], { code: text, name: text, distance: number, reason: text, contributions: objectList }),
    },
  }),
  ComparatorGroup: object(['id', 'name', 'areaCodes'], {
    id: integer,
    name: text,
    areaCodes: textList,
    createdBy: { ...nullableText, description: 'Who saved it, by name and organisation: null for the public.' },
    createdAt: instant,
  }),
};
