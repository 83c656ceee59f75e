// The spread of a group's values for a spine chart: lowest, lower quartile,
// median, upper quartile, highest. Quartiles by linear interpolation between
// order statistics (Hyndman and Fan's type 7, R's and Excel's default), which
// is for drawing only: ranks and quartile membership come from the engine.
export interface Spread {
  readonly min: number;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly max: number;
}

/** `sorted`: the group's values in ascending order. */
export function spreadOf(sorted: ArrayLike<number>): Spread | null {
  const n = sorted.length;
  if (n === 0) return null;
  const at = (p: number) => {
    const h = (n - 1) * p;
    const low = Math.floor(h);
    const high = Math.min(low + 1, n - 1);
    return sorted[low]! + (h - low) * (sorted[high]! - sorted[low]!);
  };
  return { min: sorted[0]!, q1: at(0.25), median: at(0.5), q3: at(0.75), max: sorted[n - 1]! };
}
