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
import { byarsInterval } from './byars-interval.ts';
import type { ConfidenceLevel } from './confidence.ts';
import { exactPoissonInterval } from './exact-poisson-interval.ts';
import { requireFinite, requireMultiplier } from './finite-input.ts';

/** Numerators below this use the exact Poisson interval; from it up, Byar's. */
export const EXACT_POISSON_BELOW = 10;

export type RateMethod = 'exact_poisson' | 'byars';

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

  const method: RateMethod = numerator < EXACT_POISSON_BELOW ? 'exact_poisson' : 'byars';
  const count = countInterval(numerator, level, method);
  return Object.freeze({
    kind: 'ok',
    value: (numerator / denominator) * multiplier,
    lower: (count.lower / denominator) * multiplier,
    upper: (count.upper / denominator) * multiplier,
    method,
  });
}

function countInterval(count: number, level: ConfidenceLevel, method: RateMethod): { lower: number; upper: number } {
  const interval = method === 'exact_poisson' ? exactPoissonInterval(count, level) : byarsInterval(count, level);
  if (interval.kind !== 'ok') {
    // A count of 10 or more has both Byar's limits at either level, and a count of
    // zero or more has both exact limits; rate() has already refused negatives.
    throw new Error(`unreachable: no ${method} interval for a count of ${count}`);
  }
  return interval;
}
