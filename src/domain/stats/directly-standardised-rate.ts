/*
 * Directly standardised rates: comparing areas whose populations have
 * different age structures, by weighting each age band's crude rate by a
 * standard population w (such as the European Standard Population 2013),
 * with counts x and populations n per band and X = Σ x events in all:
 *   DSR      = Σ (x · w / n) / Σ w × multiplier
 *   var(DSR) = Σ (x · (w / n)²) / (Σ w)²
 *   limits   = DSR + √(var(DSR) / X) · (Byar's limit for X − X) × multiplier
 * (Dobson A et al. Confidence intervals for weighted sums of Poisson parameters.
 * Stat Med 1991;10:457-62.) Below 10 events in all the rate is not computed.
 *
 * Non-independent events: when a person can have the event more than once, each
 * band gives the number of people who had it f times. The rate counts events
 * (x = Σ f · people); the variance counts people, each weighing f²:
 *   var(DSR) = Σ_f f² · Σ_bands (people_f · (w / n)²) / (Σ w)²
 * (Fingertips public health technical guidance, DSR chapter.)
 *
 * A missing count (null) counts as zero, as the R package's na.zero does. What
 * the R package stops on is a typed not_computed here: negative counts,
 * negative standard populations, populations of zero or less (every band's
 * crude rate must exist). Where R would carry on to Inf or NaN (no bands, no
 * standard population) the result is not_computed too. Band lengths cannot
 * mismatch as they can in R: each band carries its own count, population and
 * standard population.
 *
 * Source: PHEindicatormethods 2.1.0 (UKHSA/OHID), calculate_dsr (R/DSR.R, with
 * independent_events = FALSE for the second kind). Checked against
 * testdata_DSR_ISR. Indirect standardisation: indirectly-standardised-rate.ts.
 */
import { byarsInterval } from './byars-interval.ts';
import type { ConfidenceLevel } from './confidence.ts';
import { requireFinite, requireMultiplier } from './finite-input.ts';

/** The European Standard Population 2013, 19 bands: 0-4, 5-9, ... 85-89, 90+ (PHEindicatormethods' esp2013). */
export const EUROPEAN_STANDARD_POPULATION_2013: readonly number[] = Object.freeze([5000, 5500, 5500, 5500, 6000, 6000, 6500, 7000, 7000, 7000, 7000, 6500, 6000, 5500, 5000, 4000, 2500, 1500, 1000]);

/** A DSR needs at least this many events in all. */
export const DSR_MINIMUM_EVENTS = 10;

/** One age band (or other standardisation category) of an area. */
export interface DsrBand {
  /** Events in the band; null where not recorded, counted as zero. */
  readonly count: number | null;
  readonly population: number;
  readonly standardPopulation: number;
}

/** One age band when a person can have the event more than once. */
export interface NonIndependentDsrBand {
  readonly population: number;
  readonly standardPopulation: number;
  /** How many people had the event how many times: { frequency: 2, people: 16 } is 16 people with 2 events each. */
  readonly peopleByEventFrequency: readonly { readonly frequency: number; readonly people: number | null }[];
}

export interface DsrOptions {
  /** The rate is per this many people: 100000 for a rate per 100,000. */
  readonly multiplier: number;
  readonly level: ConfidenceLevel;
}

export type DsrMethod = 'dobson' | 'dobson_non_independent_events';

export type DsrNotComputedReason = 'no_bands' | 'negative_count' | 'negative_event_frequency' | 'non_positive_population' | 'negative_standard_population' | 'zero_standard_population';

export type Dsr =
  | {
      readonly kind: 'ok';
      readonly value: number;
      readonly lower: number;
      readonly upper: number;
      readonly totalCount: number;
      readonly totalPopulation: number;
      readonly method: DsrMethod;
    }
  | {
      readonly kind: 'not_computed';
      readonly reason: 'fewer_than_10_events';
      readonly totalCount: number;
      readonly totalPopulation: number;
    }
  | { readonly kind: 'not_computed'; readonly reason: DsrNotComputedReason };

/** Directly standardised rate with Dobson's confidence interval. */
export function directlyStandardisedRate(bands: readonly DsrBand[], options: DsrOptions): Dsr {
  requireMultiplier(options.multiplier);
  const counts = bands.map((band) => band.count ?? 0);
  const refused = refuseDsr(bands, counts);
  if (refused !== null) return refused;
  let variance = 0;
  bands.forEach((band, index) => {
    variance += (counts[index] ?? 0) * (band.standardPopulation / band.population) ** 2;
  });
  return dobson(bands, counts, variance, options, 'dobson');
}

/** Directly standardised rate of events a person can have more than once, its interval widened for that. */
export function directlyStandardisedRateNonIndependent(bands: readonly NonIndependentDsrBand[], options: DsrOptions): Dsr {
  requireMultiplier(options.multiplier);
  const entries = bands.flatMap((band) => band.peopleByEventFrequency);
  for (const entry of entries) requireFinite('frequency', entry.frequency);
  const refused = refuseDsr(
    bands,
    entries.map((entry) => entry.people ?? 0),
  );
  if (refused !== null) return refused;
  if (entries.some((entry) => entry.frequency < 0)) return notComputed('negative_event_frequency');
  let variance = 0;
  const events = bands.map((band) => {
    let bandEvents = 0;
    for (const { frequency, people } of band.peopleByEventFrequency) {
      bandEvents += frequency * (people ?? 0);
      variance += frequency ** 2 * (people ?? 0) * (band.standardPopulation / band.population) ** 2;
    }
    return bandEvents;
  });
  return dobson(bands, events, variance, options, 'dobson_non_independent_events');
}

function notComputed<Reason extends string>(reason: Reason): { readonly kind: 'not_computed'; readonly reason: Reason } {
  return Object.freeze({ kind: 'not_computed', reason });
}

/** What the R package stops on, in its order (counts, populations, standard populations), and what it has no answer for. */
function refuseDsr(
  bands: readonly { readonly population: number; readonly standardPopulation: number }[],
  counts: readonly number[],
): { readonly kind: 'not_computed'; readonly reason: DsrNotComputedReason } | null {
  for (const count of counts) requireFinite('count', count);
  for (const band of bands) {
    requireFinite('population', band.population);
    requireFinite('standardPopulation', band.standardPopulation);
  }
  if (bands.length === 0) return notComputed('no_bands');
  if (counts.some((count) => count < 0)) return notComputed('negative_count');
  if (bands.some((band) => band.population <= 0)) return notComputed('non_positive_population');
  if (bands.some((band) => band.standardPopulation < 0)) return notComputed('negative_standard_population');
  if (bands.every((band) => band.standardPopulation === 0)) return notComputed('zero_standard_population');
  return null;
}

/** The DSR and Dobson's limits, from each band's events and Σ x · (w / n)², the variance before dividing by (Σ w)². */
function dobson(
  bands: readonly { readonly population: number; readonly standardPopulation: number }[],
  events: readonly number[],
  weightedSquares: number,
  options: DsrOptions,
  method: DsrMethod,
): Dsr {
  let totalCount = 0;
  let totalPopulation = 0;
  let standardTotal = 0;
  let weightedRates = 0;
  bands.forEach((band, index) => {
    const count = events[index] ?? 0;
    totalCount += count;
    totalPopulation += band.population;
    standardTotal += band.standardPopulation;
    weightedRates += (count * band.standardPopulation) / band.population;
  });
  if (totalCount < DSR_MINIMUM_EVENTS) {
    return Object.freeze({ kind: 'not_computed', reason: 'fewer_than_10_events', totalCount, totalPopulation });
  }
  const value = (weightedRates / standardTotal) * options.multiplier;
  const variance = weightedSquares / standardTotal ** 2;
  const spread = Math.sqrt(variance / totalCount) * options.multiplier;
  const interval = byarsInterval(totalCount, options.level);
  if (interval.kind !== 'ok') {
    // From 10 events up Byar's lower limit exists at either level.
    throw new Error(`unreachable: no Byar's interval for ${totalCount} events`);
  }
  return Object.freeze({
    kind: 'ok',
    value,
    lower: value + spread * (interval.lower - totalCount),
    upper: value + spread * (interval.upper - totalCount),
    totalCount,
    totalPopulation,
    method,
  });
}
