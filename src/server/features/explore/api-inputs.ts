// The benchmarking API's inputs, one schema each: the routes
// (benchmark-api.ts) read their checked values from these, and the OpenAPI
// document (openapi.ts) describes the parameters and bodies from them.
import type { ConfidenceLevel } from '../../../domain/stats/index.ts';
import { fromQuery, fromQueryOr, gssCode, metricCode, oneOf, requiredInQuery, wholeNumber, z } from '../../platform/http/input-schema.ts';

/** Words separated by commas, each trimmed; none empty. */
const commaList = () =>
  z.string().transform((text) =>
    text
      .split(',')
      .map((word) => word.trim())
      .filter((word) => word !== ''),
  );

const format = fromQueryOr(oneOf(['json', 'csv']), 'json').describe('json or csv.');

const neighbourQuery = {
  count: fromQuery(wholeNumber(1, 100)).describe('How many neighbours (default 15).'),
  variables: fromQuery(commaList()).describe("Metric codes to find neighbours by, separated by commas (default: the metrics themed 'context')."),
  weights: fromQuery(
    commaList()
      .transform((words) => words.map(Number))
      .refine((weights) => weights.every((w) => w > 0 && Number.isFinite(w)), 'must be positive numbers, separated by commas'),
  ).describe('A weight per variable, separated by commas (default 1 each).'),
};

const level = oneOf(['95', '99.8']).transform((text): ConfidenceLevel => (text === '95' ? 0.95 : 0.998));

/** What a table is compared against: the group (with its saved list or neighbours) and the confidence level. */
const groupQuery = {
  group: fromQuery(oneOf(['england', 'region', 'type', 'neighbours', 'custom'], 'england, region, type, neighbours or custom')).describe(
    'The comparator group (default: neighbours for a profile, england for a league table).',
  ),
  groupId: fromQuery(wholeNumber(1, 2_147_483_647)).describe('The saved group, with group=custom.'),
  benchmark: fromQuery(oneOf(['england', 'group'], 'england or group')).describe(
    "What a figure with an interval is tested against: england (the default) or group (its region's value, else the group's mean).",
  ),
  level: fromQueryOr(level, 0.95).describe('Confidence level of intervals and significance: 95 or 99.8 (default 95).'),
  ...neighbourQuery,
};

export const leagueTableQuery = z.object({
  metric: requiredInQuery(metricCode()).describe('Metric code.'),
  period: fromQuery(z.string()).describe("Period label (default: the metric's latest)."),
  area: fromQuery(gssCode()).describe('The council whose group it is (needed for region, type, neighbours); default England.'),
  ...groupQuery,
  format,
});

export const profileQuery = z.object({
  area: requiredInQuery(gssCode(), 'is required: the GSS code of the council to profile').describe('GSS code of the council.'),
  period: fromQuery(z.string()).describe("Period label (default: each metric's latest)."),
  metrics: fromQuery(commaList()).describe('Only these metric codes, separated by commas.'),
  ...groupQuery,
  format,
});

/** Worse than comparators and getting worse: England the group unless another is asked for. */
export const concernsQuery = z.object({
  area: requiredInQuery(gssCode(), 'is required: the GSS code of the council whose concerns to find').describe('GSS code of the council.'),
  metrics: fromQuery(commaList()).describe('Only these metric codes, separated by commas.'),
  ...groupQuery,
  group: groupQuery.group.describe('The comparator group (default: england).'),
  format,
});

const areasMissing = 'must list 1 to 50 GSS codes, separated by commas';
export const seriesQuery = z.object({
  metric: requiredInQuery(metricCode()).describe('Metric code.'),
  areas: requiredInQuery(
    commaList()
      .transform((codes) => codes.map((code) => code.toUpperCase()))
      .refine((codes) => codes.length >= 1 && codes.length <= 50, areasMissing),
    areasMissing,
  ).describe('GSS codes, separated by commas (1 to 50).'),
  format,
});

export const neighboursQuery = z.object({
  area: requiredInQuery(gssCode(), 'is required: the GSS code of the council whose neighbours to find').describe('GSS code of the council.'),
  ...neighbourQuery,
  format,
});

export const publishedNeighboursQuery = z.object({
  area: requiredInQuery(gssCode(), 'is required: the GSS code of the council whose published neighbour sets to list').describe('GSS code of the council.'),
});

const nameWords = 'is required: 1 to 200 characters';
const codesWords = "'areaCodes' must be a list of 1 to 1000 GSS codes";
export const newGroupBody = z.object({
  name: z.string({ error: nameWords }).trim().min(1, nameWords).max(200, nameWords),
  areaCodes: z
    .array(z.string({ error: codesWords }), { error: codesWords })
    .min(1, codesWords)
    .max(1000, codesWords),
});

export const groupPath = z.object({ id: wholeNumber(1, 2_147_483_647).describe('Group id.') });
