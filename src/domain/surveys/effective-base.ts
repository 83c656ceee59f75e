/*
 * The effective base of a weighted sample: the size of a simple random sample
 * that would give estimates as precise as the weighted one.
 *
 * Definition (Kish's approximation, for weights w₁ … wₙ):
 *   effective base = (Σw)² ÷ Σw²
 * which is n when every weight is equal and falls as the weights spread; the
 * design effect of weighting is n ÷ effective base. Scaling every weight by one
 * number leaves it unchanged.
 *
 * Source: Kish L, Survey sampling, Wiley 1965, §11.7; Kish L, Weighting for
 * unequal Pᵢ, Journal of Official Statistics 8(2), 1992, 183-200, equation (2).
 * IMPROVEMENT.md asks for weighted results on this base.
 *
 * No weights, or weights that are all 0, have no effective base (not_computed). A
 * negative or non-finite weight is a programmer error (a weight is a count of
 * people a respondent stands for) and throws.
 */
export type EffectiveBase = { readonly kind: 'ok'; readonly value: number } | { readonly kind: 'not_computed'; readonly reason: 'no_weights' | 'all_weights_zero' };

export function effectiveBase(weights: readonly number[]): EffectiveBase {
  if (weights.length === 0) return Object.freeze({ kind: 'not_computed', reason: 'no_weights' });
  let sum = 0;
  let sumOfSquares = 0;
  for (const weight of weights) {
    if (!Number.isFinite(weight) || weight < 0) throw new RangeError(`a weight must be a finite number, 0 or more, not ${String(weight)}`);
    sum += weight;
    sumOfSquares += weight * weight;
  }
  if (sumOfSquares === 0) return Object.freeze({ kind: 'not_computed', reason: 'all_weights_zero' });
  return Object.freeze({ kind: 'ok', value: (sum * sum) / sumOfSquares });
}
