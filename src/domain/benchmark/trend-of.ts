// Which way an area's figure is heading on a metric, up to a given period:
// the direction of travel from the period before, and the recent trend over
// the last five periods (from counts for proportions that have them, else
// from values and their intervals). Each period's figure is the one the
// profile shows for it, a stand-in's where the council did not exist yet.
// Intervals are read at 95% whatever level the profile asks for: imported
// bounds are 95% ones, and the trend's own test sets its level (99.8%).
import type { BenchmarkIndex, IndexArea, MetricSeries, PeriodSlice } from './benchmark-index.ts';
import { intervalOf, resolveArea } from './benchmark-queries.ts';
import { directionOfTravel, type DirectionOfTravel } from './direction-of-travel.ts';
import { RECENT_TREND_POINTS, recentTrend, type RecentTrend, type TrendSeries } from './recent-trend.ts';

export interface Trend {
  readonly direction: DirectionOfTravel;
  readonly recent: RecentTrend;
}

const INTERVAL_LEVEL = 0.95;

interface Figure {
  readonly slice: PeriodSlice;
  readonly position: number;
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

export function trendOf(index: BenchmarkIndex, series: MetricSeries, slice: PeriodSlice, area: IndexArea): Trend {
  const upTo = series.slices.indexOf(slice);
  const figure = (s: PeriodSlice): Figure => {
    const { position } = resolveArea(index, s, area);
    const value = position < 0 ? null : s.value(position);
    const interval = value === null ? undefined : intervalOf(series.metric, s, position, INTERVAL_LEVEL);
    return { slice: s, position, value, lower: interval?.lower ?? null, upper: interval?.upper ?? null };
  };
  const previous = series.slices[upTo - 1];
  const none = { value: null, lower: null, upper: null };
  const window = series.slices.slice(Math.max(0, upTo - RECENT_TREND_POINTS + 1), upTo + 1).map(figure);
  return {
    direction: directionOfTravel({ latest: figure(slice), previous: previous ? figure(previous) : none, polarity: series.metric.polarity }),
    recent: recentTrend(trendSeries(series, window), series.metric.polarity),
  };
}

function trendSeries(series: MetricSeries, window: readonly Figure[]): TrendSeries {
  if (series.metric.valueKind === 'proportion' && window.every((f) => f.slice.counts)) {
    return {
      kind: 'proportions',
      points: window.map(({ slice, position }) => {
        if (position < 0) return null;
        const numerator = slice.counts!.numerator[position]!;
        const denominator = slice.counts!.denominator[position]!;
        return Number.isNaN(numerator) || Number.isNaN(denominator) ? { numerator: null, denominator: null } : { numerator, denominator };
      }),
    };
  }
  return {
    kind: 'values_with_intervals',
    level: INTERVAL_LEVEL,
    points: window.map((f) => (f.value === null ? null : { value: f.value, lower: f.lower, upper: f.upper })),
  };
}
