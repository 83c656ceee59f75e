/*
 * Byar's approximation to the Poisson confidence interval for a count of events.
 *
 * Definition, for a count x and z = zFor(level):
 *   lower = x · (1 − 1/(9x) − z/(3√x))³
 *   upper = (x + 1) · (1 − 1/(9(x + 1)) + z/(3√(x + 1)))³
 * The upper limit exists for every count of zero or more. The lower limit does not
 * exist for a count of 0 (the formula divides by zero) or where the bracket is
 * negative (a count of 1 at 99.8%): the R package gives NA there and its reference
 * table leaves the cell empty, so the result is 'upper_only'.
 *
 * Source: PHEindicatormethods 2.1.0, byars_lower and byars_upper (R/utils.R, which
 * sets negative lower limits to NA); Breslow NE and Day NE, Statistical methods in
 * cancer research, volume II, IARC 1987. Checked against testdata_Byars_Wilson.
 *
 * phe_rate uses the exact Poisson interval for counts below 10, where Byar's method
 * is less accurate (see rate.ts); this function does not switch methods itself.
 */
import { zFor } from './confidence.ts';
import type { ConfidenceLevel } from './confidence.ts';
import { requireFinite } from './finite-input.ts';

export type ByarsInterval =
  | { readonly kind: 'ok'; readonly lower: number; readonly upper: number }
  | { readonly kind: 'upper_only'; readonly upper: number; readonly reason: 'count_too_small' }
  | { readonly kind: 'not_computed'; readonly reason: 'negative_input' };

export function byarsInterval(count: number, level: ConfidenceLevel): ByarsInterval {
  requireFinite('count', count);
  const z = zFor(level);
  if (count < 0) return Object.freeze({ kind: 'not_computed', reason: 'negative_input' });

  const next = count + 1;
  const upper = next * (1 - 1 / (9 * next) + z / (3 * Math.sqrt(next))) ** 3;
  if (count === 0) return Object.freeze({ kind: 'upper_only', upper, reason: 'count_too_small' });

  const bracket = 1 - 1 / (9 * count) - z / (3 * Math.sqrt(count));
  if (bracket < 0) return Object.freeze({ kind: 'upper_only', upper, reason: 'count_too_small' });
  return Object.freeze({ kind: 'ok', lower: count * bracket ** 3, upper });
}
