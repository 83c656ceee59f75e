// A council's statistical neighbours from the benchmark index: the nearest
// councils of the same kind (districts among districts, counties among
// counties, single-tier councils among single-tier councils) on contextual
// metrics, each at its latest period. By default the variables are the
// metrics with the theme 'context' (population and density in the demo) and
// the place descriptors below wherever the index holds them, the size
// variables on a log scale, each standardised and all weighted equally.
// Size alone made County Durham's neighbours Buckinghamshire, Wiltshire and
// Dorset: large, spread-out councils, but not places like it.
//
// Early-sight metrics under embargo are read in full only by their named
// partners: a neighbour group made from one would let anyone who sees the
// group learn from it. So an early-sight metric is a variable only when the
// caller says the viewer may read it in full (`readableEarlySight`); a
// caller that does not know gives none, and the groups rest on published
// metrics alone.
import type { AreaType } from '../area/index.ts';
import { explainNeighbour, nearestNeighbours, type NeighbourVariable, type Neighbours } from '../neighbours/index.ts';
import { isContextual } from '../metric/index.ts';
import type { BenchmarkIndex, IndexArea, IndexMetric } from './benchmark-index.ts';
import type { GroupSpec } from './benchmark-queries.ts';

/**
 * Series that describe a place rather than judge its council, found among
 * the demo's Explore Local Statistics metrics (ONS): deprivation (children
 * in relative poverty before housing costs) and income (gross disposable
 * household income per head). Neither is a service's result, so neither
 * makes a council look like those that perform as it does. The data Lantern
 * holds offer no age structure or rurality classification yet; density
 * stands for rurality.
 */
export const PLACE_DESCRIPTORS: readonly string[] = ['children-in-relative-poverty-before-housing-costs', 'gross-disposable-household-income-per-head'];

export interface NeighbourChoice {
  /** Metric codes of the variables; the metrics themed 'context' and the place descriptors held when empty. */
  readonly variables: readonly string[];
  /** Weights in the order of the variables; 1 each when empty. */
  readonly weights: readonly number[];
  readonly count: number;
  /** Early-sight metrics the viewer may read in full: every other early-sight metric is never a variable. */
  readonly readableEarlySight: ReadonlySet<string>;
}

export type StatisticalNeighbours =
  | {
      readonly kind: 'ok';
      readonly area: string;
      readonly variables: readonly NeighbourVariable[];
      readonly neighbours: readonly {
        readonly code: string;
        readonly name: string;
        readonly distance: number;
        readonly reason: string;
        readonly contributions: Extract<Neighbours, { kind: 'ok' }>['neighbours'][number]['contributions'];
      }[];
    }
  | { readonly kind: 'not_computed'; readonly reason: string };

const FAMILY: Readonly<Partial<Record<AreaType, string>>> = {
  district: 'district',
  county: 'county',
  unitary: 'single',
  metropolitan_district: 'single',
  london_borough: 'single',
  city_corporation: 'single',
};

export function statisticalNeighbours(index: BenchmarkIndex, area: IndexArea, choice: NeighbourChoice): StatisticalNeighbours {
  const family = FAMILY[area.type];
  if (!family) return { kind: 'not_computed', reason: `${area.name} is not a council: neighbours are found for districts, counties and single-tier councils` };
  const readable = (metric: IndexMetric) => metric.status !== 'early_sight' || choice.readableEarlySight.has(metric.code);
  const codes =
    choice.variables.length > 0
      ? choice.variables
      : [...index.metrics()]
          .filter((s) => (isContextual(s.metric) || PLACE_DESCRIPTORS.includes(s.metric.code)) && readable(s.metric))
          .map((s) => s.metric.code)
          .sort();
  const series = codes.map((code) => index.metric(code));
  const missing = codes.filter((_, i) => !series[i] || !readable(series[i].metric));
  if (missing.length > 0) return { kind: 'not_computed', reason: `no such metric: ${missing.join(', ')}` };
  if (codes.length === 0) return { kind: 'not_computed', reason: 'no contextual metrics to find neighbours by: import some with the theme context' };

  const variables: NeighbourVariable[] = series.map((s, i) => ({
    id: s!.metric.code,
    label: s!.metric.title,
    weight: choice.weights[i] ?? 1,
    transform: s!.metric.valueKind === 'count' || s!.metric.valueKind === 'rate' ? 'log' : 'none',
  }));
  const latest = series.map((s) => s!.latest());
  const logged = variables.map((v) => v.transform === 'log');
  const candidates = index.areas
    .filter((a) => FAMILY[a.type] === family && a.endDate === null && a.code.startsWith('E'))
    .map((a) => {
      const n = index.areaNumber(a.code)!;
      return {
        code: a.code,
        values: latest.map((slice, i) => {
          const position = slice ? slice.position(n) : -1;
          const value = position < 0 ? null : slice!.value(position);
          return value !== null && value <= 0 && logged[i] ? null : value; // a log needs a positive value
        }),
      };
    });
  const found = nearestNeighbours(candidates, variables, area.code, choice.count);
  if (found.kind === 'not_computed') return { kind: 'not_computed', reason: found.reason.replace(/_/g, ' ') };
  return {
    kind: 'ok',
    area: area.code,
    variables,
    neighbours: found.neighbours.map((n) => ({
      code: n.code,
      name: index.area(n.code)!.name,
      distance: n.distance,
      reason: explainNeighbour(n, variables),
      contributions: n.contributions,
    })),
  };
}

/**
 * A council and its neighbours as a comparator group. Its figures are kept
 * with each period slice under its key, which names the variables, their
 * weights and the members: groups found on other variables, or after the
 * contextual metrics changed, never meet one kept before.
 */
export function neighbourGroup(
  area: IndexArea,
  found: Extract<StatisticalNeighbours, { kind: 'ok' }>,
): GroupSpec & { readonly kind: 'neighbours'; readonly key: string; readonly label: string; readonly members: readonly string[] } {
  const members = [area.code, ...found.neighbours.map((n) => n.code)];
  const variables = found.variables.map((v) => `${v.id}*${v.weight}`).join('+');
  return {
    kind: 'neighbours',
    key: `${area.code}:${found.neighbours.length}:${variables}:${members.join(',')}`,
    label: `${area.name} and its ${found.neighbours.length} nearest neighbours`,
    members,
  };
}
