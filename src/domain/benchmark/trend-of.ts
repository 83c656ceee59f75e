// Which way an area's figure is heading on a metric, up to a given period:
// the direction of travel from the period before, and the recent trend over
// the last five periods (from counts for proportions that have them, else
// from values and their intervals). Each period's figure is the one the
// profile shows for it, a stand-in's where the council did not exist yet.
// Intervals are read at 95% whatever level the profile asks for: imported
// bounds are 95% ones, and the trend's own test sets its level (99.8%).
import type { BenchmarkIndex, IndexArea, MetricSeries, PeriodSlice } from './benchmark-index.ts';
import { intervalOf, resolveArea } from './benchmark-queries.ts';
import { directionOfTravel, type DirectionOfTravel, type TravelJudgement } from './direction-of-travel.ts';
import { RECENT_TREND_POINTS, recentTrend, type RecentTrend, type TrendJudgement } from './recent-trend.ts';

export interface Trend {
  readonly direction: DirectionOfTravel;
  readonly recent: RecentTrend;
}

/** What a profile shows of a trend: the two judgements, in words. */
export interface TrendSummary {
  readonly direction: TravelJudgement | 'not_computed';
  readonly recent: TrendJudgement | 'not_computed';
}

const DIRECTIONS = ['not_computed', 'improving', 'worsening', 'increasing', 'decreasing', 'no_significant_change', 'not_compared'] as const;
const RECENTS = ['not_computed', 'getting_better', 'getting_worse', 'increasing', 'decreasing', 'no_significant_change'] as const;

// Every summary there can be, made once: code 1 + direction × 6 + recent (0 means "not worked out yet").
const SUMMARIES: readonly TrendSummary[] = [
  Object.freeze({ direction: 'not_computed', recent: 'not_computed' }),
  ...DIRECTIONS.flatMap((direction) => RECENTS.map((recent) => Object.freeze({ direction, recent }))),
];

export function summariseTrend(trend: Trend): TrendSummary {
  return SUMMARIES[codeOf(trend)]!;
}

function codeOf({ direction, recent }: Trend): number {
  const d = direction.kind === 'ok' ? DIRECTIONS.indexOf(direction.judgement) : 0;
  const r = recent.kind === 'ok' ? RECENTS.indexOf(recent.judgement) : 0;
  return 1 + d * RECENTS.length + r;
}

/**
 * An area's trend summary at a slice. A trend only changes when the metric's
 * series is rebuilt (which makes new slices), so each row's is worked out once
 * and kept with the slice as a byte; `keepTrends` fills a whole slice ahead of
 * the first profile. An area standing in through another's row is not kept.
 */
export function trendSummaryOf(index: BenchmarkIndex, series: MetricSeries, slice: PeriodSlice, area: IndexArea, number: number): TrendSummary {
  const own = slice.position(number);
  const kept = own < 0 ? 0 : slice.trendCode(own);
  if (kept !== 0) return SUMMARIES[kept]!;
  const code = codeOf(trendOf(index, series, slice, area, number));
  if (own >= 0) slice.keepTrendCode(own, code);
  return SUMMARIES[code]!;
}

/** As trendSummaryOf, for the area at a position of the slice being walked: a kept trend is read without finding the area's row. */
export function trendSummaryAt(index: BenchmarkIndex, series: MetricSeries, slice: PeriodSlice, position: number): TrendSummary {
  const kept = slice.trendCode(position);
  if (kept !== 0) return SUMMARIES[kept]!;
  const number = slice.areas[position]!;
  return trendSummaryOf(index, series, slice, index.areas[number]!, number);
}

/** Works out and keeps the trend of every area with a row in the series' latest slice. */
export function keepTrends(index: BenchmarkIndex, series: MetricSeries): void {
  const slice = series.latest();
  if (!slice) return;
  for (let position = 0; position < slice.areas.length; position++) {
    const number = slice.areas[position]!;
    if (slice.trendCode(position) === 0) trendSummaryOf(index, series, slice, index.areas[number]!, number);
  }
}

const INTERVAL_LEVEL = 0.95;
const NO_FIGURE = Object.freeze({ value: null, lower: null, upper: null });

/**
 * `number`: the area's number in the index, when the caller has it. This runs
 * once per metric of every profile, so it reads the arrays directly and makes
 * only the points the tests take.
 */
export function trendOf(index: BenchmarkIndex, series: MetricSeries, slice: PeriodSlice, area: IndexArea, number = index.areaNumber(area.code)!): Trend {
  const { slices, metric } = series;
  const upTo = slices.indexOf(slice);
  const first = Math.max(0, upTo - RECENT_TREND_POINTS + 1);
  let fromCounts = metric.valueKind === 'proportion';
  for (let i = first; i <= upTo && fromCounts; i++) fromCounts = slices[i]!.counts !== undefined;
  const points = [];
  for (let i = first; i <= upTo; i++) {
    const s = slices[i]!;
    const position = positionIn(index, s, area, number);
    points.push(fromCounts ? countsAt(s, position) : pointAt(series, s, position));
  }
  const previous = slices[upTo - 1];
  return {
    direction: directionOfTravel({
      latest: figureAt(series, slice, positionIn(index, slice, area, number)),
      previous: previous ? figureAt(series, previous, positionIn(index, previous, area, number)) : NO_FIGURE,
      polarity: metric.polarity,
    }),
    recent: recentTrend(
      fromCounts ? { kind: 'proportions', points: points as ReturnType<typeof countsAt>[] } : { kind: 'values_with_intervals', level: INTERVAL_LEVEL, points: points as ReturnType<typeof pointAt>[] },
      metric.polarity,
    ),
  };
}

/** Where the period's figure is: the council's own row, or its stand-in's. */
function positionIn(index: BenchmarkIndex, slice: PeriodSlice, area: IndexArea, number: number): number {
  const own = slice.position(number);
  return own >= 0 ? own : resolveArea(index, slice, area, number).position;
}

function figureAt(series: MetricSeries, slice: PeriodSlice, position: number) {
  return pointAt(series, slice, position) ?? NO_FIGURE;
}

/** A value with its 95% interval, where it has one. */
function pointAt(series: MetricSeries, slice: PeriodSlice, position: number) {
  const value = position < 0 ? null : slice.value(position);
  if (value === null) return null;
  const interval = intervalOf(series.metric, slice, position, INTERVAL_LEVEL);
  return { value, lower: interval?.lower ?? null, upper: interval?.upper ?? null };
}

function countsAt(slice: PeriodSlice, position: number) {
  if (position < 0) return null;
  const numerator = slice.counts!.numerator[position]!;
  const denominator = slice.counts!.denominator[position]!;
  return Number.isNaN(numerator) || Number.isNaN(denominator) ? { numerator: null, denominator: null } : { numerator, denominator };
}
