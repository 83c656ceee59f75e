/*
 * A proportion with its Wilson score confidence interval, scaled by a multiplier
 * (1 for a proportion of 1, 100 for a percentage).
 *
 * Definition: value = numerator / denominator × multiplier; lower and upper are
 * wilsonInterval(numerator, denominator, level) × multiplier.
 *
 * Source: PHEindicatormethods 2.1.0, phe_proportion (R/Proportions.R). Checked
 * against testdata_Proportion (testdata_Prop, testdata_Prop_g).
 *
 * Where phe_proportion stops (a negative numerator, a denominator of zero or less,
 * a numerator above its denominator) the result is not_computed with the reason.
 */
import type { ConfidenceLevel } from './confidence.ts';
import { requireMultiplier } from './finite-input.ts';
import { wilsonInterval } from './wilson-interval.ts';
import type { WilsonNotComputedReason } from './wilson-interval.ts';

export interface ProportionOptions {
  readonly level: ConfidenceLevel;
  readonly multiplier: number;
}

export type Proportion = { readonly kind: 'ok'; readonly value: number; readonly lower: number; readonly upper: number } | { readonly kind: 'not_computed'; readonly reason: WilsonNotComputedReason };

export function proportion(numerator: number, denominator: number, options: ProportionOptions): Proportion {
  const { level, multiplier } = options;
  requireMultiplier(multiplier);
  const interval = wilsonInterval(numerator, denominator, level);
  switch (interval.kind) {
    case 'not_computed':
      return interval;
    case 'ok':
      return Object.freeze({
        kind: 'ok',
        value: (numerator / denominator) * multiplier,
        lower: interval.lower * multiplier,
        upper: interval.upper * multiplier,
      });
  }
}
