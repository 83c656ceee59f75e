/*
 * The Wilson score interval for a proportion, as a proportion of 1.
 *
 * Definition, for x cases in a sample of n and z = zFor(level):
 *   lower = (2x + z² − z·√(z² + 4x(1 − x/n))) / 2 / (n + z²)
 *   upper = (2x + z² + z·√(z² + 4x(1 − x/n))) / 2 / (n + z²)
 * evaluated in that order, as the R package does. With 0 cases the lower limit is
 * exactly 0, and with n cases the upper limit is exactly 1; the formula's value,
 * which floating point can miss in the last bit (1 − 2⁻⁵³ for 4055461 of 4055461
 * at 99.8%), so those two are set rather than computed.
 *
 * Source: PHEindicatormethods 2.1.0, wilson_lower and wilson_upper (R/utils.R);
 * Wilson EB, J Am Stat Assoc 1927; Newcombe RG and Altman DG, Statistics with
 * confidence (2nd edn), 2000, pp 46-48. Checked against testdata_Byars_Wilson.
 *
 * Where the R package stops (a negative count or sample, more cases than the
 * sample, a sample of zero) the result is not_computed with the reason.
 */
import { zFor } from './confidence.ts';
import type { ConfidenceLevel } from './confidence.ts';
import { requireFinite } from './finite-input.ts';

export type WilsonNotComputedReason = 'zero_denominator' | 'negative_input' | 'numerator_above_denominator';

export type WilsonInterval = { readonly kind: 'ok'; readonly lower: number; readonly upper: number } | { readonly kind: 'not_computed'; readonly reason: WilsonNotComputedReason };

export function wilsonInterval(numerator: number, denominator: number, level: ConfidenceLevel): WilsonInterval {
  requireFinite('numerator', numerator);
  requireFinite('denominator', denominator);
  const z = zFor(level);
  if (numerator < 0 || denominator < 0) return Object.freeze({ kind: 'not_computed', reason: 'negative_input' });
  if (denominator === 0) return Object.freeze({ kind: 'not_computed', reason: 'zero_denominator' });
  if (numerator > denominator) return Object.freeze({ kind: 'not_computed', reason: 'numerator_above_denominator' });

  const zSquared = z * z;
  const spread = z * Math.sqrt(zSquared + 4 * numerator * (1 - numerator / denominator));
  const lower = (2 * numerator + zSquared - spread) / 2 / (denominator + zSquared);
  const upper = (2 * numerator + zSquared + spread) / 2 / (denominator + zSquared);
  return Object.freeze({
    kind: 'ok',
    lower: numerator === 0 ? 0 : lower,
    upper: numerator === denominator ? 1 : upper,
  });
}
