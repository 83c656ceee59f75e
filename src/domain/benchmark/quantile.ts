/*
 * Quantiles within a group: quartiles (n = 4), quintiles (5), deciles (10), or
 * any number n of equal-sized bands, quantile 1 holding the best values.
 *
 * Definition, as PHEindicatormethods' phe_quantile assigns them: rank the N
 * values that are present with rankWithTies (1 = best, ties share the lowest
 * rank); the value of rank r falls in
 *   q = floor((n + 1) − ceiling((N + 1 − r) / (N / n)))
 * and in quantile 1 where floating point makes that 0 (at r = 1). Values that tie
 * share a rank and so a quantile, even across a natural boundary; the guidance
 * advises reviewing such cases by hand. A group with fewer values than quantiles
 * has none (R: NA, with a warning).
 *
 * Direction: phe_quantile's `invert` says which end of the scale is quantile 1:
 * invert = TRUE the highest values, FALSE the lowest. Lantern puts the best end
 * first, as rank does, so phe_quantile with invert = TRUE is assignQuantiles with
 * higher_is_better (or neutral, which ranks highest first), and invert = FALSE is
 * lower_is_better. Fingertips uses the other end for quantile 1 (decile 1 of
 * deprivation is the most deprived), which is why its test data label invert =
 * TRUE 'RAG - Low is good'.
 *
 * Source: PHEindicatormethods 2.1.0, phe_quantile (R/Quantiles.R); OHID technical
 * guide, Assigning deprivation categories. Checked against testdata_Quantiles.
 */
import type { Polarity } from '../metric/index.ts';
import { rankWithTies } from './rank.ts';

export type QuantileOf = { readonly kind: 'ok'; readonly quantile: number } | { readonly kind: 'not_computed'; readonly reason: 'too_few_values' };

export type Quantile =
  | { readonly kind: 'ok'; readonly rank: number; readonly quantile: number }
  | { readonly kind: 'not_computed'; readonly reason: 'too_few_values'; readonly rank: number }
  | { readonly kind: 'not_computed'; readonly reason: 'missing_value' };

const MISSING: Quantile = Object.freeze({ kind: 'not_computed', reason: 'missing_value' });

/** The quantile (of n) that rank r (1 = best) out of rankedCount values falls in. */
export function quantileOf(rank: number, rankedCount: number, n: number): QuantileOf {
  requireCount(n, 'n');
  requireCount(rankedCount, 'rankedCount');
  if (!Number.isInteger(rank) || rank < 1 || rank > rankedCount) {
    throw new RangeError(`rank must be a whole number from 1 to ${rankedCount}, not ${rank}`);
  }
  if (rankedCount < n) return Object.freeze({ kind: 'not_computed', reason: 'too_few_values' });
  const quantile = Math.floor(n + 1 - Math.ceil((rankedCount + 1 - rank) / (rankedCount / n)));
  return Object.freeze({ kind: 'ok', quantile: quantile === 0 ? 1 : quantile });
}

/** Each value's rank and quantile (of n) in the group, in the order given. */
export function assignQuantiles(values: readonly (number | null)[], n: number, polarity: Polarity): readonly Quantile[] {
  requireCount(n, 'n');
  const ranks = rankWithTies(values, polarity);
  const rankedCount = ranks.filter((rank) => rank.kind === 'ok').length;
  return Object.freeze(
    ranks.map((rank): Quantile => {
      if (rank.kind !== 'ok') return MISSING;
      const quantile = quantileOf(rank.rank, rankedCount, n);
      return quantile.kind === 'ok' ? Object.freeze({ kind: 'ok', rank: rank.rank, quantile: quantile.quantile }) : Object.freeze({ kind: 'not_computed', reason: quantile.reason, rank: rank.rank });
    }),
  );
}

function requireCount(value: number, name: string): void {
  if (!Number.isInteger(value) || value < 1) throw new RangeError(`${name} must be a whole number of 1 or more, not ${value}`);
}
