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
import { RECENT_TREND_POINTS, recentTrend, type RecentTrend } from './recent-trend.ts';

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

/** `number`: the area's number in the index, when the caller has it. */
export function trendOf(index: BenchmarkIndex, series: MetricSeries, slice: PeriodSlice, area: IndexArea, number = index.areaNumber(area.code)!): Trend {
  const upTo = series.slices.indexOf(slice);
  const previous = series.slices[upTo - 1];
  const window: Figure[] = [];
  for (let i = Math.max(0, upTo - RECENT_TREND_POINTS + 1); i <= upTo; i++) window.push(figureAt(index, series.slices[i]!, area, number));
  const fromCounts = series.metric.valueKind === 'proportion' && window.every(hasCounts);
  return {
    direction: directionOfTravel({
      latest: withInterval(series, window[window.length - 1]!),
      previous: previous ? withInterval(series, figureAt(index, previous, area, number)) : NO_FIGURE,
      polarity: series.metric.polarity,
    }),
    recent: recentTrend(
      fromCounts
        ? { kind: 'proportions', points: window.map(countsOf) }
        : { kind: 'values_with_intervals', level: INTERVAL_LEVEL, points: window.map((f) => intervalPointOf(withInterval(series, f))) },
      series.metric.polarity,
    ),
  };
}

const NO_FIGURE = Object.freeze({ value: null, lower: null, upper: null });

/** Where the figure the profile shows for a period comes from: the council's own row, or its stand-in's. */
function figureAt(index: BenchmarkIndex, slice: PeriodSlice, area: IndexArea, number: number): Figure {
  const { position } = resolveArea(index, slice, area, number);
  return { slice, position, value: position < 0 ? null : slice.value(position), lower: null, upper: null };
}

/** The figure with its interval: worked out only where a test needs it (proportions with counts need none for their trend). */
function withInterval(series: MetricSeries, figure: Figure): Figure {
  if (figure.value === null) return figure;
  const interval = intervalOf(series.metric, figure.slice, figure.position, INTERVAL_LEVEL);
  return interval ? { ...figure, lower: interval.lower, upper: interval.upper } : figure;
}

function hasCounts(figure: Figure): boolean {
  return figure.slice.counts !== undefined;
}

function countsOf({ slice, position }: Figure) {
  if (position < 0) return null;
  const numerator = slice.counts!.numerator[position]!;
  const denominator = slice.counts!.denominator[position]!;
  return Number.isNaN(numerator) || Number.isNaN(denominator) ? { numerator: null, denominator: null } : { numerator, denominator };
}

function intervalPointOf(figure: Figure) {
  return figure.value === null ? null : { value: figure.value, lower: figure.lower, upper: figure.upper };
}
