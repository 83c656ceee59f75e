/*
 * Indirectly standardised ratio and rate (ISR): comparing an area's events
 * with those its population would have at the reference population's
 * (England's, say) band rates: expected events E = Σ (reference count /
 * reference population · n) and observed events O = Σ x;
 *   ratio = O / E × reference value (1, or 100 for "SMR × 100")
 *   rate  = O / E × reference rate,  reference rate = Σ reference counts / Σ reference populations × multiplier
 * and the limits are O's interval in place of O: exact Poisson below 10 events,
 * Byar's from 10, as for a crude rate (rate.ts).
 *
 * A missing count (null) counts as zero, as the R package's na.zero does. What
 * the R package stops on is a typed not_computed here: negative counts,
 * populations below zero (a band with no people expects no events), reference
 * populations of zero or less. Where R would carry on to Inf or NaN (no bands,
 * no population, nothing expected) the result is not_computed too. Each band
 * carries its own count, population and reference figures.
 *
 * Source: PHEindicatormethods 2.1.0 (UKHSA/OHID), calculate_ISRatio
 * (R/ISRatio.R) and calculate_ISRate (R/ISRate.R). Checked against
 * testdata_DSR_ISR. Direct standardisation: directly-standardised-rate.ts.
 */
import type { ConfidenceLevel } from './confidence.ts';
import { countInterval, type CountIntervalMethod } from './count-interval.ts';
import { requireFinite, requireMultiplier } from './finite-input.ts';

/** One age band of an area beside the reference population's same band. */
export interface IsrBand {
  /** Observed events in the band; null where not recorded, counted as zero. */
  readonly count: number | null;
  readonly population: number;
  /** Events in the reference population's band; null counts as zero. */
  readonly referenceCount: number | null;
  readonly referencePopulation: number;
}

export interface IsrRatioOptions {
  /** What the ratio is times: 1, or 100 to show a ratio of 1 as 100. */
  readonly referenceValue: number;
  readonly level: ConfidenceLevel;
}

export interface IsrRateOptions {
  /** The rate is per this many people: 100000 for a rate per 100,000. */
  readonly multiplier: number;
  readonly level: ConfidenceLevel;
}

/** How the observed count's interval was found: exact Poisson below 10 events, Byar's from 10. */
export type IsrMethod = CountIntervalMethod;

export type IsrNotComputedReason = 'no_bands' | 'negative_count' | 'negative_population' | 'negative_reference_count' | 'non_positive_reference_population' | 'zero_population' | 'zero_expected';

export type IsrRatio =
  | {
      readonly kind: 'ok';
      readonly value: number;
      readonly lower: number;
      readonly upper: number;
      readonly observed: number;
      readonly expected: number;
      readonly method: IsrMethod;
    }
  | { readonly kind: 'not_computed'; readonly reason: IsrNotComputedReason };

export type IsrRate =
  | {
      readonly kind: 'ok';
      readonly value: number;
      readonly lower: number;
      readonly upper: number;
      readonly observed: number;
      readonly expected: number;
      readonly referenceRate: number;
      readonly method: IsrMethod;
    }
  | { readonly kind: 'not_computed'; readonly reason: IsrNotComputedReason };

/** Indirectly standardised ratio (the standardised mortality ratio when the events are deaths). */
export function indirectlyStandardisedRatio(bands: readonly IsrBand[], options: IsrRatioOptions): IsrRatio {
  requireFinite('referenceValue', options.referenceValue);
  if (options.referenceValue <= 0) throw new RangeError(`referenceValue must be greater than zero, not ${options.referenceValue}`);
  const totals = isrTotals(bands);
  if (totals.kind === 'not_computed') return totals;
  const { observed, expected } = totals;
  const interval = countInterval(observed, options.level);
  return Object.freeze({
    kind: 'ok',
    value: (observed / expected) * options.referenceValue,
    lower: (interval.lower / expected) * options.referenceValue,
    upper: (interval.upper / expected) * options.referenceValue,
    observed,
    expected,
    method: interval.method,
  });
}

/** Indirectly standardised rate: the ratio of observed to expected events times the reference population's rate. */
export function indirectlyStandardisedRate(bands: readonly IsrBand[], options: IsrRateOptions): IsrRate {
  requireMultiplier(options.multiplier);
  const totals = isrTotals(bands);
  if (totals.kind === 'not_computed') return totals;
  const { observed, expected } = totals;
  let referenceCount = 0;
  let referencePopulation = 0;
  for (const band of bands) {
    referenceCount += band.referenceCount ?? 0;
    referencePopulation += band.referencePopulation;
  }
  const referenceRate = (referenceCount / referencePopulation) * options.multiplier;
  const interval = countInterval(observed, options.level);
  return Object.freeze({
    kind: 'ok',
    value: (observed / expected) * referenceRate,
    lower: (interval.lower / expected) * referenceRate,
    upper: (interval.upper / expected) * referenceRate,
    observed,
    expected,
    referenceRate,
    method: interval.method,
  });
}

function notComputed<Reason extends string>(reason: Reason): { readonly kind: 'not_computed'; readonly reason: Reason } {
  return Object.freeze({ kind: 'not_computed', reason });
}

function isrTotals(
  bands: readonly IsrBand[],
): { readonly kind: 'ok'; readonly observed: number; readonly expected: number } | { readonly kind: 'not_computed'; readonly reason: IsrNotComputedReason } {
  for (const band of bands) {
    requireFinite('count', band.count ?? 0);
    requireFinite('population', band.population);
    requireFinite('referenceCount', band.referenceCount ?? 0);
    requireFinite('referencePopulation', band.referencePopulation);
  }
  if (bands.length === 0) return notComputed('no_bands');
  if (bands.some((band) => (band.count ?? 0) < 0)) return notComputed('negative_count');
  if (bands.some((band) => band.population < 0)) return notComputed('negative_population');
  if (bands.some((band) => (band.referenceCount ?? 0) < 0)) return notComputed('negative_reference_count');
  if (bands.some((band) => band.referencePopulation <= 0)) return notComputed('non_positive_reference_population');
  if (bands.every((band) => band.population === 0)) return notComputed('zero_population');
  let observed = 0;
  let expected = 0;
  for (const band of bands) {
    observed += band.count ?? 0;
    expected += ((band.referenceCount ?? 0) / band.referencePopulation) * band.population;
  }
  if (expected === 0) return notComputed('zero_expected');
  return { kind: 'ok', observed, expected };
}
