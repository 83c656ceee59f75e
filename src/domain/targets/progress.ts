// Progress towards a target (IMPROVEMENT.md, "Targets and agreements"):
//   progress = (actual − baseline) ÷ (target − baseline)
// 0 at the baseline, 1 at the target, above 1 beyond it, below 0 when the
// actual moved away. The formula is polarity-aware by construction: target −
// baseline carries the direction the agreement sought, so the same share
// means the same whether lower or higher is better. The gap to the trajectory
// is signed by the metric's polarity so that a positive gap is always better.
import type { Polarity } from '../metric/index.ts';

/** The share of the change sought that the actual has made; null when the target is the baseline (no change was sought, so no share exists). */
export function progressOf(baseline: number, target: number, actual: number): number | null {
  const sought = target - baseline;
  return sought === 0 ? null : (actual - baseline) / sought;
}

/**
 * How far the actual is from the value expected at its period, positive when
 * better: actual − expected when higher is better, expected − actual when
 * lower is better. A neutral metric has no better, so its gap is actual −
 * expected, read as above or below.
 */
export function gapToTrajectory(expected: number, actual: number, polarity: Polarity): number {
  return polarity === 'lower_is_better' ? expected - actual : actual - expected;
}

/** Whether `a` is better than `b` by the polarity; never for a neutral metric. */
export function isBetter(a: number, b: number, polarity: Polarity): boolean {
  if (polarity === 'higher_is_better') return a > b;
  if (polarity === 'lower_is_better') return a < b;
  return false;
}
