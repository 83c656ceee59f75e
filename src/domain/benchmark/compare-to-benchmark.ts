/*
 * Compare to benchmark: whether an area's value is significantly better, worse,
 * higher or lower than a benchmark (England, its region, its comparator group's
 * average), or similar to it.
 *
 * Rule: the area's confidence interval, at the level the caller computed it
 * (95% or 99.8%), is set against the benchmark value:
 *   lower > benchmark              significantly higher
 *   upper < benchmark              significantly lower
 *   lower ≤ benchmark ≤ upper      similar (an interval that touches the benchmark is similar)
 * and higher or lower becomes better or worse by the metric's polarity; a neutral
 * metric stays higher or lower. The benchmark is taken as known exactly (its own
 * interval, if any, is not used), as the profiles do.
 *
 * Source: the public health profiles' (Fingertips) "compare to benchmark" method
 * for values with confidence intervals: fingertips-open, SingleOverlappingCIsComparer
 * (PholioVisualisationWS/Analysis), which calls a benchmark inside the interval,
 * ends included, "Same"; its words are those of the profiles' compared_to_England
 * column (Better, Similar, Worse, Higher, Lower, Not compared).
 *
 * not_compared exists because a comparison needs all three figures: a value that is
 * suppressed or missing, a value published without an interval (a count, a local
 * figure) or a benchmark that is itself missing gives no answer, and saying
 * "similar" instead would claim a test that was never made.
 *
 * An interval the wrong way round, or a value outside its own interval, is a
 * programmer error (ingest rejects such rows) and throws, as does NaN or Infinity.
 */
import type { Polarity } from '../metric/index.ts';

export type Significance = 'better' | 'similar' | 'worse' | 'higher' | 'lower' | 'not_compared';

export interface BenchmarkComparison {
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly benchmark: number | null;
  readonly polarity: Polarity;
}

export function compareToBenchmark({ value, lower, upper, benchmark, polarity }: BenchmarkComparison): Significance {
  if (value === null || lower === null || upper === null || benchmark === null) return 'not_compared';
  requireFinite('value', value);
  requireFinite('lower', lower);
  requireFinite('upper', upper);
  requireFinite('benchmark', benchmark);
  if (lower > upper) throw new RangeError(`the interval is the wrong way round: lower ${lower} is above upper ${upper}`);
  if (value < lower || value > upper) throw new RangeError(`the value ${value} lies outside its interval ${lower} to ${upper}`);

  if (lower > benchmark) return byPolarity('higher', polarity);
  if (upper < benchmark) return byPolarity('lower', polarity);
  return 'similar';
}

/** The profiles' word for a significance: the compared_to_England column's vocabulary. */
export function significanceLabel(significance: Significance): string {
  switch (significance) {
    case 'better':
      return 'Better';
    case 'similar':
      return 'Similar';
    case 'worse':
      return 'Worse';
    case 'higher':
      return 'Higher';
    case 'lower':
      return 'Lower';
    case 'not_compared':
      return 'Not compared';
    default: {
      const unknown: never = significance;
      throw new RangeError(`unknown significance: ${String(unknown)}`);
    }
  }
}

/** The significance as a phrase about the benchmark, for display: 'Better than England'. */
export function describeSignificance(significance: Significance, benchmarkName: string): string {
  switch (significance) {
    case 'better':
    case 'worse':
    case 'higher':
    case 'lower':
      return `${significanceLabel(significance)} than ${benchmarkName}`;
    case 'similar':
      return `Similar to ${benchmarkName}`;
    case 'not_compared':
      return `Not compared with ${benchmarkName}`;
    default: {
      const unknown: never = significance;
      throw new RangeError(`unknown significance: ${String(unknown)}`);
    }
  }
}

function byPolarity(side: 'higher' | 'lower', polarity: Polarity): Significance {
  switch (polarity) {
    case 'higher_is_better':
      return side === 'higher' ? 'better' : 'worse';
    case 'lower_is_better':
      return side === 'higher' ? 'worse' : 'better';
    case 'neutral':
      return side;
    default: {
      const unknown: never = polarity;
      throw new RangeError(`unknown polarity: ${String(unknown)}`);
    }
  }
}

function requireFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number or null, not ${String(value)}`);
}
