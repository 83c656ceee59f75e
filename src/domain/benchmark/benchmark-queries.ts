// The questions the benchmark index answers: a league table (one metric, one
// period, a group of councils), an area profile (one council, every metric)
// and a time series. Each figure is worked from the index's arrays; group
// figures are made once per slice and group and kept.
import type { Polarity } from '../metric/index.ts';
import { countInterval, proportion, rate, type ConfidenceLevel } from '../stats/index.ts';
import type { BenchmarkIndex, IndexArea, IndexMetric, MetricSeries, PeriodSlice } from './benchmark-index.ts';
import { ENGLAND_CODE } from '../area/index.ts';
import { benchmarkAreaOf, describeGroup, inGroup, tierSetFor, type GroupRule } from './comparator-group.ts';
import { compareToBenchmark, type Significance } from './compare-to-benchmark.ts';
import { summariseGroup } from './group-summary.ts';
import { quantileOf } from './quantile.ts';

/**
 * What a figure with an interval is tested against: England's value (the
 * default, so that a verdict means the same whichever group is chosen), or
 * the group's own (its region's value, else its mean).
 */
export type BenchmarkChoice = 'england' | 'group';

/** A group by rule (England, region, type), or by a list of members (neighbours, a saved group); England the benchmark unless it says otherwise. */
export type GroupSpec = (
  { readonly kind: 'england' | 'region' | 'type' } | { readonly kind: 'neighbours' | 'custom'; readonly key: string; readonly label: string; readonly members: readonly string[] }
) & { readonly benchmark?: BenchmarkChoice };

export interface Interval {
  readonly lower: number;
  readonly upper: number;
}

export interface GroupFigures {
  readonly key: string;
  readonly label: string;
  /** Positions in the slice of the members that have a value. */
  readonly members: Int32Array;
  /** Their values, best first by the metric's polarity (highest first when neutral). */
  readonly ordered: Float64Array;
  readonly mean: number | null;
  readonly median: number | null;
  readonly benchmark: { readonly value: number; readonly source: string } | null;
}

/**
 * The confidence interval of a row at the level asked: from its counts where
 * it has them, else as imported (taken as 95%); none where the interval would
 * not hold the published value (counts that do not match it).
 */
export function intervalOf(metric: IndexMetric, slice: PeriodSlice, position: number, level: ConfidenceLevel): Interval | undefined {
  const interval = rawIntervalOf(metric, slice, position, level);
  const value = slice.values[position]!;
  return interval && interval.lower <= value && value <= interval.upper ? interval : undefined;
}

/** The kinds of metric whose intervals are worked from numerators and denominators. */
export function countsGiveIntervals(metric: Pick<IndexMetric, 'valueKind'>): boolean {
  return metric.valueKind === 'proportion' || metric.valueKind === 'rate' || metric.valueKind === 'count';
}

function rawIntervalOf(metric: IndexMetric, slice: PeriodSlice, position: number, level: ConfidenceLevel): Interval | undefined {
  if (slice.counts && countsGiveIntervals(metric)) {
    const numerator = slice.counts.numerator[position]!;
    const denominator = slice.counts.denominator[position]!;
    if (!Number.isNaN(numerator) && !Number.isNaN(denominator)) {
      const multiplier = metric.multiplier ?? (metric.valueKind === 'rate' ? 100_000 : 1);
      if (metric.valueKind === 'proportion') {
        const p = proportion(numerator, denominator, { level, multiplier });
        if (p.kind === 'ok') return { lower: p.lower, upper: p.upper };
      } else if (metric.valueKind === 'rate') {
        const r = rate(numerator, denominator, { level, multiplier });
        if (r.kind === 'ok') return { lower: r.lower, upper: r.upper };
      } else if (metric.valueKind === 'count' && numerator >= 0) {
        const c = countInterval(numerator, level);
        return { lower: c.lower, upper: c.upper };
      }
    }
  }
  if (slice.bounds && level === 0.95) {
    const lower = slice.bounds.lower[position]!;
    const upper = slice.bounds.upper[position]!;
    if (!Number.isNaN(lower) && !Number.isNaN(upper)) return { lower, upper };
  }
  return undefined;
}

/** A group's figures for a slice: its members with values, in order, and its benchmark. */
export function groupFigures(index: BenchmarkIndex, series: MetricSeries, slice: PeriodSlice, area: IndexArea, spec: GroupSpec): GroupFigures {
  const rule: GroupRule | undefined = spec.kind === 'neighbours' || spec.kind === 'custom' ? undefined : { kind: spec.kind, area, tierSet: tierSetFor(area.type, series.tierSet) };
  const key =
    (rule ? `${rule.kind}:${rule.tierSet}:${rule.kind === 'region' ? area.regionCode : rule.kind === 'type' ? area.type : ''}` : `${spec.kind}:${(spec as { key: string }).key}`) +
    (spec.benchmark === 'group' ? ':against-group' : '');
  return slice.cached(key, makeGroupFigures, index, series, slice, area, spec, rule, key);
}

function makeGroupFigures(index: BenchmarkIndex, series: MetricSeries, slice: PeriodSlice, area: IndexArea, spec: GroupSpec, rule: GroupRule | undefined, key: string): GroupFigures {
  const listed = rule ? undefined : new Set((spec as { members: readonly string[] }).members);
  const members: number[] = [];
  for (let position = 0; position < slice.areas.length; position++) {
    const candidate = index.areas[slice.areas[position]!]!;
    const belongs = rule ? inGroup(rule, candidate) : listed!.has(candidate.code);
    if (belongs && !Number.isNaN(slice.values[position]!)) members.push(position);
  }
  const ordered = Float64Array.from(members, (p) => slice.values[p]!).sort();
  // Given in order, the summary's own sort is one pass rather than a second full sort.
  const summary = summariseGroup(Array.from(ordered));
  if (series.metric.polarity !== 'lower_is_better') ordered.reverse();
  const mean = summary.kind === 'ok' ? summary.mean : null;
  const own = spec.benchmark === 'group' ? (rule ? benchmarkAreaOf(rule) : undefined) : ENGLAND_CODE;
  const ownPosition = own === undefined ? -1 : slice.position(index.areaNumber(own) ?? -1);
  const ownValue = ownPosition < 0 ? null : slice.value(ownPosition);
  const regionName = area.regionCode ? index.area(area.regionCode)?.name : undefined;
  return {
    key,
    label: rule ? describeGroup(rule, regionName) : (spec as { label: string }).label,
    members: Int32Array.from(members),
    ordered,
    mean,
    median: summary.kind === 'ok' ? summary.median : null,
    benchmark: ownValue !== null ? { value: ownValue, source: index.area(own!)!.name } : groupBenchmark(index, slice, rule, mean),
  };
}

/** The group's own benchmark: its region's (or England's) value where the index holds one, else its mean. */
function groupBenchmark(index: BenchmarkIndex, slice: PeriodSlice, rule: GroupRule | undefined, mean: number | null): GroupFigures['benchmark'] {
  const own = rule ? benchmarkAreaOf(rule) : undefined;
  const position = own === undefined ? -1 : slice.position(index.areaNumber(own) ?? -1);
  const value = position < 0 ? null : slice.value(position);
  if (value !== null) return { value, source: index.area(own!)!.name };
  return mean !== null ? { value: mean, source: 'group mean' } : null;
}

/** Rank 1 is best; equal values share the better rank (1, 2, 2, 4). */
export function rankIn(group: GroupFigures, value: number, polarity: Polarity): number {
  const ordered = group.ordered;
  const lowerIsBetter = polarity === 'lower_is_better';
  let low = 0;
  let high = ordered.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    const v = ordered[middle]!;
    if (lowerIsBetter ? v < value : v > value) low = middle + 1;
    else high = middle;
  }
  return low + 1;
}

export interface RowFigures {
  readonly value: number | null;
  readonly interval: Interval | undefined;
  readonly rank: number | null;
  readonly quartile: number | null;
  readonly significance: Significance;
}

/** Whether the row at `position` is one of the group's members (members are in position order). */
function isMember(group: GroupFigures, position: number): boolean {
  let low = 0;
  let high = group.members.length - 1;
  while (low <= high) {
    const middle = (low + high) >>> 1;
    const here = group.members[middle]!;
    if (here === position) return true;
    if (here < position) low = middle + 1;
    else high = middle - 1;
  }
  return false;
}

/** A row's figures against a group; rank and quartile only for a member (a council outside its chosen group has neither). */
export function rowFigures(series: MetricSeries, slice: PeriodSlice, position: number, group: GroupFigures, level: ConfidenceLevel): RowFigures {
  const metric = series.metric;
  const value = position < 0 ? null : slice.value(position);
  const interval = value === null ? undefined : intervalOf(metric, slice, position, level);
  const rank = value === null || !isMember(group, position) ? null : rankIn(group, value, metric.polarity);
  const quartile = rank === null ? null : quantileOf(rank, group.ordered.length, 4);
  return {
    value,
    interval,
    rank,
    quartile: quartile?.kind === 'ok' ? quartile.quantile : null,
    significance: compareToBenchmark({
      value,
      lower: interval?.lower ?? null,
      upper: interval?.upper ?? null,
      benchmark: group.benchmark?.value ?? null,
      polarity: metric.polarity,
    }),
  };
}

export interface LeagueTableRow extends RowFigures {
  readonly area: string;
  readonly name: string;
}

export interface LeagueTable {
  readonly metric: IndexMetric;
  readonly period: string;
  readonly group: Omit<GroupFigures, 'members' | 'ordered'> & { readonly size: number };
  readonly rows: readonly LeagueTableRow[];
}

/** Every member of the group with its figures, best first. */
export function leagueTable(index: BenchmarkIndex, series: MetricSeries, slice: PeriodSlice, area: IndexArea, spec: GroupSpec, level: ConfidenceLevel): LeagueTable {
  const group = groupFigures(index, series, slice, area, spec);
  const rows: LeagueTableRow[] = [];
  for (const position of group.members) {
    const member = index.areas[slice.areas[position]!]!;
    rows.push({ area: member.code, name: member.name, ...rowFigures(series, slice, position, group, level) });
  }
  rows.sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity) || a.name.localeCompare(b.name));
  return {
    metric: series.metric,
    period: slice.period,
    rows,
    group: { key: group.key, label: group.label, mean: group.mean, median: group.median, benchmark: group.benchmark, size: group.members.length },
  };
}

/**
 * The area a council's figure comes from for a slice: its own, or else the
 * one it replaced or that replaced it, but only where that one stands for it
 * whole: a county become a unitary of the same ground, never one of several
 * districts merged into a unitary, nor a county split in two.
 */
export function resolveArea(index: BenchmarkIndex, slice: PeriodSlice, area: IndexArea, number = index.areaNumber(area.code)!): { area: IndexArea; position: number } {
  const own = slice.position(number);
  if (own >= 0) return { area, position: own };
  const wholes = [
    ...area.successorCodes.filter((code) => standsWhole(index, area.code, code)).map((code) => index.area(code)!),
    ...index
      .predecessorsOf(area.code)
      .filter((code) => standsWhole(index, code, area.code))
      .map((code) => index.area(code)!),
  ];
  for (const whole of wholes) {
    const position = slice.position(index.areaNumber(whole.code)!);
    if (position >= 0) return { area: whole, position };
  }
  return { area, position: -1 };
}

/** A council's value at a slice, its stand-in's where it had no row of its own (see resolveArea); null for none. */
export function areaValueAt(index: BenchmarkIndex, slice: PeriodSlice, area: IndexArea): number | null {
  const { position } = resolveArea(index, slice, area);
  return position < 0 ? null : slice.value(position);
}

/** Whether `before` was replaced by `after` alone, and `after` replaced no other area of `before`'s type. */
function standsWhole(index: BenchmarkIndex, before: string, after: string): boolean {
  const old = index.area(before);
  const successor = index.area(after);
  if (!old || !successor || old.successorCodes.length !== 1 || old.successorCodes[0] !== after) return false;
  return index.predecessorsOf(after).filter((code) => index.area(code)?.type === old.type).length === 1;
}
