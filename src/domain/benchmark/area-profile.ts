// An area profile: one council, every metric, each against the chosen group
// at the metric's latest period (or the period asked for): value, interval,
// rank and quartile in the group, the group's mean and median, whether the
// difference from the benchmark is significant, and which way it is heading.
// Where the council has no value for a period because it did not exist yet
// (or no longer does), the council it replaced (or that replaced it) stands
// in, and the row says so.
import type { ConfidenceLevel } from '../stats/index.ts';
import type { BenchmarkIndex, IndexArea, IndexMetric, MetricSeries, PeriodSlice } from './benchmark-index.ts';
import { groupFigures, resolveArea, rowFigures, type GroupSpec, type RowFigures } from './benchmark-queries.ts';
import { trendSummaryOf, type TrendSummary } from './trend-of.ts';

export interface ProfileItem extends RowFigures {
  readonly metric: IndexMetric;
  readonly period: string;
  /** Set when another area's figure stands in (a predecessor or successor). */
  readonly via: { readonly code: string; readonly name: string } | null;
  readonly groupLabel: string;
  readonly groupSize: number;
  readonly groupMean: number | null;
  readonly groupMedian: number | null;
  readonly benchmark: { readonly value: number; readonly source: string } | null;
  readonly trend: TrendSummary;
}

export interface AreaProfile {
  readonly area: IndexArea;
  readonly items: readonly ProfileItem[];
}

export interface ProfileRequest {
  /** A period label, or undefined for each metric's latest. */
  readonly period?: string | undefined;
  readonly group: GroupSpec;
  readonly level: ConfidenceLevel;
  /** Only these metrics (codes); every metric when undefined. */
  readonly metrics?: readonly string[] | undefined;
}

export function areaProfile(index: BenchmarkIndex, area: IndexArea, request: ProfileRequest): AreaProfile {
  const items: ProfileItem[] = [];
  const number = index.areaNumber(area.code)!;
  const wanted = request.metrics ? new Set(request.metrics) : undefined;
  for (const series of index.metricsByTitle()) {
    if (wanted && !wanted.has(series.metric.code)) continue;
    const slice = request.period === undefined ? series.latest() : series.slice(request.period);
    if (slice) items.push(profileItem(index, series, slice, area, number, request));
  }
  return { area, items };
}

/** One metric's row of an area's profile at a slice: what the profile shows, without walking every other metric. */
export function profileItem(index: BenchmarkIndex, series: MetricSeries, slice: PeriodSlice, area: IndexArea, number: number, request: ProfileRequest): ProfileItem {
  const resolved = resolveArea(index, slice, area, number);
  const group = groupFigures(index, series, slice, resolved.area, request.group);
  // Named fields rather than a spread: one object shape for a thousand rows keeps them fast to make.
  const row = rowFigures(series, slice, resolved.position, group, request.level);
  return {
    metric: series.metric,
    period: slice.period,
    via: resolved.area.code === area.code ? null : { code: resolved.area.code, name: resolved.area.name },
    value: row.value,
    interval: row.interval,
    rank: row.rank,
    quartile: row.quartile,
    significance: row.significance,
    groupLabel: group.label,
    groupSize: group.members.length,
    groupMean: group.mean,
    groupMedian: group.median,
    benchmark: group.benchmark,
    trend: trendSummaryOf(index, series, slice, area, number),
  };
}
