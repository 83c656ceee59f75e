// Which way an area's figure is heading on a metric, up to a given period:
// the direction of travel from the period before, and the recent trend over
// the last five periods (from counts for proportions that have them, else
// from values and their intervals).
import type { ConfidenceLevel } from '../stats/index.ts';
import type { BenchmarkIndex, IndexArea, MetricSeries, PeriodSlice } from './benchmark-index.ts';
import { intervalOf } from './benchmark-queries.ts';
import { directionOfTravel, type DirectionOfTravel } from './direction-of-travel.ts';
import { RECENT_TREND_POINTS, recentTrend, type RecentTrend } from './recent-trend.ts';

export interface Trend {
  readonly direction: DirectionOfTravel;
  readonly recent: RecentTrend;
}

export function trendOf(index: BenchmarkIndex, series: MetricSeries, slice: PeriodSlice, area: IndexArea, level: ConfidenceLevel): Trend {
  const number = index.areaNumber(area.code)!;
  const upTo = series.slices.indexOf(slice);
  const figure = (s: PeriodSlice | undefined) => {
    const position = s ? s.position(number) : -1;
    const value = position < 0 ? null : s!.value(position);
    const interval = value === null ? undefined : intervalOf(series.metric, s!, position, level);
    return { value, lower: interval?.lower ?? null, upper: interval?.upper ?? null, position };
  };
  const last = series.slices.slice(Math.max(0, upTo - RECENT_TREND_POINTS + 1), upTo + 1);
  return {
    direction: directionOfTravel({ latest: figure(slice), previous: figure(series.slices[upTo - 1]), polarity: series.metric.polarity }),
    recent: recentTrend(trendSeries(series, last, number, level, figure), series.metric.polarity),
  };
}

function trendSeries(
  series: MetricSeries, slices: readonly PeriodSlice[], number: number, level: ConfidenceLevel,
  figure: (s: PeriodSlice) => { value: number | null; lower: number | null; upper: number | null; position: number },
) {
  if (series.metric.valueKind === 'proportion' && slices.every((s) => s.counts)) {
    return {
      kind: 'proportions' as const,
      points: slices.map((s) => {
        const position = s.position(number);
        if (position < 0) return null;
        const numerator = s.counts!.numerator[position]!;
        const denominator = s.counts!.denominator[position]!;
        return Number.isNaN(numerator) || Number.isNaN(denominator) ? { numerator: null, denominator: null } : { numerator, denominator };
      }),
    };
  }
  return {
    kind: 'values_with_intervals' as const,
    level,
    points: slices.map((s) => {
      const f = figure(s);
      return f.value === null ? null : { value: f.value, lower: f.lower, upper: f.upper };
    }),
  };
}
