// Which way an area's figure is heading on a metric, up to a given period:
// the direction of travel from the period before, and the recent trend over
// the last five points.
import type { ConfidenceLevel } from '../stats/index.ts';
import type { BenchmarkIndex, IndexArea, MetricSeries, PeriodSlice } from './benchmark-index.ts';
import { intervalOf } from './benchmark-queries.ts';
import { directionOfTravel, type DirectionOfTravel } from './direction-of-travel.ts';

export interface Trend {
  readonly direction: DirectionOfTravel;
}

export function trendOf(index: BenchmarkIndex, series: MetricSeries, slice: PeriodSlice, area: IndexArea, level: ConfidenceLevel): Trend {
  const number = index.areaNumber(area.code)!;
  const upTo = series.slices.indexOf(slice);
  const figure = (s: PeriodSlice | undefined) => {
    const position = s ? s.position(number) : -1;
    const value = position < 0 ? null : s!.value(position);
    const interval = value === null ? undefined : intervalOf(series.metric, s!, position, level);
    return { value, lower: interval?.lower ?? null, upper: interval?.upper ?? null };
  };
  return {
    direction: directionOfTravel({ latest: figure(slice), previous: figure(series.slices[upTo - 1]), polarity: series.metric.polarity }),
  };
}
