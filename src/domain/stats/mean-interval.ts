/*
 * The mean of a set of values, with its standard deviation, count and Student's t
 * confidence interval.
 *
 * Definition, for n values with sum S:
 *   mean = S / n
 *   standardDeviation = √(Σ(v − mean)² / (n − 1))     (the sample standard deviation, R's sd)
 *   lower, upper = mean ∓ |qt((1 − level)/2, n − 1)| × standardDeviation / √n
 * The interval needs at least two values (a standard deviation of one value does
 * not exist), so fewer than two is not_computed.
 *
 * Source: PHEindicatormethods 2.1.0, phe_mean (R/Means.R). Checked against
 * testdata_Mean and testdata_Mean_results.
 */
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import { requireConfidenceLevel } from './confidence.ts';
import type { ConfidenceLevel } from './confidence.ts';
import { requireFinite } from './finite-input.ts';

export type MeanWithInterval =
  | {
      readonly kind: 'ok';
      readonly mean: number;
      readonly standardDeviation: number;
      readonly count: number;
      readonly lower: number;
      readonly upper: number;
    }
  | { readonly kind: 'not_computed'; readonly reason: 'fewer_than_two_values' };

export function meanWithInterval(values: readonly number[], level: ConfidenceLevel): MeanWithInterval {
  requireConfidenceLevel(level);
  values.forEach((value, index) => requireFinite(`values[${index}]`, value));
  const count = values.length;
  if (count < 2) return Object.freeze({ kind: 'not_computed', reason: 'fewer_than_two_values' });

  const mean = values.reduce((sum, value) => sum + value, 0) / count;
  const squares = values.reduce((sum, value) => sum + (value - mean) ** 2, 0);
  const standardDeviation = Math.sqrt(squares / (count - 1));
  const halfWidth = (Math.abs(tQuantile((1 - level) / 2, count - 1)) * standardDeviation) / Math.sqrt(count);
  return Object.freeze({
    kind: 'ok',
    mean,
    standardDeviation,
    count,
    lower: mean - halfWidth,
    upper: mean + halfWidth,
  });
}
