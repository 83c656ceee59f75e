/*
 * A rate per multiplier (per 100,000 people, say) with its confidence interval.
 *
 * Definition: value = numerator / denominator × multiplier. The interval is the
 * interval for the count, divided by the denominator and times the multiplier:
 * the exact Poisson interval when the numerator is below 10, Byar's approximation
 * from 10 up (Byar's is less accurate for small counts). The threshold is the R
 * package's `if_else(x < 10, ...)`, and the 'method' column of testdata_Rate
 * confirms it: 'Exact' for 1 and 5, 'Byars' for 10 and above.
 *
 * Source: PHEindicatormethods 2.1.0, phe_rate (R/Rates.R). Checked against
 * testdata_Rate (testdata_Rate, testdata_Rate_g). A numerator may exceed its
 * denominator (a rate is not a proportion).
 *
 * Where phe_rate stops (a negative numerator, a denominator of zero or less) the
 * result is not_computed with the reason.
 */
import type { ConfidenceLevel } from './confidence.ts';
import { countInterval, type CountIntervalMethod } from './count-interval.ts';
import { requireFinite, requireMultiplier } from './finite-input.ts';

export { EXACT_POISSON_BELOW } from './count-interval.ts';

export type RateMethod = CountIntervalMethod;

export interface RateOptions {
  readonly level: ConfidenceLevel;
  readonly multiplier: number;
}

export type Rate =
  | {
      readonly kind: 'ok';
      readonly value: number;
      readonly lower: number;
      readonly upper: number;
      readonly method: RateMethod;
    }
  | { readonly kind: 'not_computed'; readonly reason: 'zero_denominator' | 'negative_input' };

export function rate(numerator: number, denominator: number, options: RateOptions): Rate {
  const { level, multiplier } = options;
  requireFinite('numerator', numerator);
  requireFinite('denominator', denominator);
  requireMultiplier(multiplier);
  if (numerator < 0 || denominator < 0) return Object.freeze({ kind: 'not_computed', reason: 'negative_input' });
  if (denominator === 0) return Object.freeze({ kind: 'not_computed', reason: 'zero_denominator' });

  const count = countInterval(numerator, level);
  return Object.freeze({
    kind: 'ok',
    value: (numerator / denominator) * multiplier,
    lower: (count.lower / denominator) * multiplier,
    upper: (count.upper / denominator) * multiplier,
    method: count.method,
  });
}
