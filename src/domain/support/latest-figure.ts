// The figure a package's metric is judged by: the council's latest value of
// the metric in the benchmark index (its stand-in's, where the council was
// reorganised whole), with its 95% confidence interval where the data give
// one. Read from the index, never by SQL over observations, so that a
// package, a case page and the Panel's pack say the same as the benchmarks.
import type { BenchmarkIndex } from '../benchmark/benchmark-index.ts';
import { intervalOf, resolveArea } from '../benchmark/benchmark-queries.ts';
import type { LatestFigure } from './metric-progress.ts';

/** The latest figure of `metricCode` for `areaCode`, or null when the index holds none (or only suppressed values). */
export function latestFigure(index: BenchmarkIndex, metricCode: string, areaCode: string): LatestFigure | null {
  const series = index.metric(metricCode);
  const area = index.area(areaCode);
  if (!series || !area) return null;
  for (let i = series.slices.length - 1; i >= 0; i--) {
    const slice = series.slices[i]!;
    const { position } = resolveArea(index, slice, area);
    const value = position < 0 ? null : slice.value(position);
    if (value === null) continue;
    const interval = intervalOf(series.metric, slice, position, 0.95);
    return { period: slice.period, value, lower: interval?.lower ?? null, upper: interval?.upper ?? null };
  }
  return null;
}

/** The metric's title in the index, for sentences; its code when the index does not know it. */
export function metricTitle(index: BenchmarkIndex, metricCode: string): string {
  return index.metric(metricCode)?.metric.title ?? metricCode;
}
