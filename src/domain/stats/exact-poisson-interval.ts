/*
 * The exact Poisson confidence interval for a count of events, from the
 * chi-square distribution.
 *
 * Definition, for a count x and α = 1 − level:
 *   lower = qchisq(α/2, 2x) / 2          (0 when x = 0)
 *   upper = qchisq(1 − α/2, 2x + 2) / 2
 * with the tail probabilities written as the R package writes them:
 * (1 − level)/2 and level + (1 − level)/2.
 *
 * Source: PHEindicatormethods 2.1.0, phe_rate (R/Rates.R), which uses this interval
 * for numerators below 10; Armitage P and Berry G, Statistical methods in medical
 * research (4th edn), Blackwell 2002. Checked against the 'Exact' rows of
 * testdata_Rate.
 */
import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import { requireConfidenceLevel } from './confidence.ts';
import type { ConfidenceLevel } from './confidence.ts';
import { requireFinite } from './finite-input.ts';

export type ExactPoissonInterval = { readonly kind: 'ok'; readonly lower: number; readonly upper: number } | { readonly kind: 'not_computed'; readonly reason: 'negative_input' };

export function exactPoissonInterval(count: number, level: ConfidenceLevel): ExactPoissonInterval {
  requireFinite('count', count);
  requireConfidenceLevel(level);
  if (count < 0) return Object.freeze({ kind: 'not_computed', reason: 'negative_input' });

  const lower = count === 0 ? 0 : chisquareQuantile((1 - level) / 2, 2 * count) / 2;
  const upper = chisquareQuantile(level + (1 - level) / 2, 2 * count + 2) / 2;
  return Object.freeze({ kind: 'ok', lower, upper });
}
