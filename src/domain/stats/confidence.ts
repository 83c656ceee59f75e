/*
 * Confidence levels, and the two-sided normal quantile z for each.
 *
 * Definition: z = Φ⁻¹(level + (1 − level) / 2), written as PHEindicatormethods
 * writes it (`qnorm(confidence + (1 - confidence) / 2)`): 1.959963985 at 95% and
 * 3.090232306 at 99.8%.
 *
 * Source: PHEindicatormethods 2.1.0 (R/utils.R, byars_lower and wilson_lower).
 * England's public health profiles publish intervals at these two levels only,
 * so the type admits only these two; any other number reaching a statistic is a
 * programmer error and throws.
 */
import normalQuantile from '@stdlib/stats-base-dists-normal-quantile';

export type ConfidenceLevel = 0.95 | 0.998;

export const CONFIDENCE_LEVELS: readonly ConfidenceLevel[] = Object.freeze([0.95, 0.998] as const);

const Z_BY_LEVEL: ReadonlyMap<number, number> = new Map(CONFIDENCE_LEVELS.map((level) => [level, normalQuantile(level + (1 - level) / 2, 0, 1)]));

export function isConfidenceLevel(value: number): value is ConfidenceLevel {
  return Z_BY_LEVEL.has(value);
}

function notALevel(level: number): RangeError {
  return new RangeError(`confidence level must be 0.95 or 0.998, not ${String(level)}`);
}

/** Throws for a level outside ConfidenceLevel (one that got past the type). */
export function requireConfidenceLevel(level: ConfidenceLevel): void {
  if (!isConfidenceLevel(level)) throw notALevel(level);
}

/** The two-sided standard normal quantile for a confidence level. */
export function zFor(level: ConfidenceLevel): number {
  const z = Z_BY_LEVEL.get(level);
  if (z === undefined) throw notALevel(level);
  return z;
}
