/*
 * The guard every statistic here puts on its inputs: each is a finite number.
 *
 * A missing figure is absence upstream (an observation without a numerator), not
 * NaN; NaN or Infinity reaching a statistic is a programmer error, so it throws
 * rather than travel on as a number. Internal to the stats folder.
 */
export function requireFinite(name: string, value: number): void {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, not ${String(value)}`);
}

/** A multiplier scales a result (1 for a proportion of 1, 100 for a percentage, 100000 for a rate). */
export function requireMultiplier(multiplier: number): void {
  requireFinite('multiplier', multiplier);
  if (multiplier <= 0) throw new RangeError(`multiplier must be greater than zero, not ${multiplier}`);
}
