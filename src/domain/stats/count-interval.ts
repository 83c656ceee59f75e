/*
 * The confidence interval of a count of events, as the public health
 * profiles take it for rates and standardised ratios: the exact Poisson
 * interval below 10 events, Byar's approximation from 10 up (Byar's is less
 * accurate for small counts). The threshold is PHEindicatormethods'
 * `if_else(x < 10, ...)` (phe_rate, phe_isr), confirmed by the 'method'
 * column of its testdata_Rate ('Exact' for 1 and 5, 'Byars' from 10).
 */
import { byarsInterval } from './byars-interval.ts';
import type { ConfidenceLevel } from './confidence.ts';
import { exactPoissonInterval } from './exact-poisson-interval.ts';

/** Counts below this use the exact Poisson interval; from it up, Byar's. */
export const EXACT_POISSON_BELOW = 10;

export type CountIntervalMethod = 'exact_poisson' | 'byars';

/** The interval of a count that is zero or more (callers refuse negatives first). */
export function countInterval(count: number, level: ConfidenceLevel): { lower: number; upper: number; method: CountIntervalMethod } {
  const method: CountIntervalMethod = count < EXACT_POISSON_BELOW ? 'exact_poisson' : 'byars';
  const interval = method === 'exact_poisson' ? exactPoissonInterval(count, level) : byarsInterval(count, level);
  if (interval.kind !== 'ok') {
    // A count of zero or more has both exact limits, and from 10 up Byar's lower limit exists at either level.
    throw new Error(`unreachable: no ${method} interval for a count of ${count}`);
  }
  return { lower: interval.lower, upper: interval.upper, method };
}
