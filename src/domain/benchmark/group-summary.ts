/*
 * Group summary: how a comparator group's values are spread, for the averages,
 * ranges and box plots set beside an area's value.
 *
 * Definition, over the N values that are present (missing ones, null, are counted
 * apart and otherwise ignored), sorted x(1) ≤ … ≤ x(N):
 *   count          N
 *   mean           Σx / N
 *   min, max       x(1), x(N)
 *   lowerQuartile, median, upperQuartile
 *                  the quantiles at p = 0.25, 0.5 and 0.75 by Hyndman and Fan's
 *                  definition 7, the default of R's quantile() (and of numpy, Excel's
 *                  QUARTILE.INC and d3.quantile): with h = (N − 1)p, j = ⌊h⌋,
 *                  Q(p) = x(j+1) + (h − j)·(x(j+2) − x(j+1)), interpolating between
 *                  the two order statistics either side; the median is the usual one
 *                  (the middle value, or the mean of the middle two).
 *
 * Source: Hyndman RJ and Fan Y, Sample quantiles in statistical packages, The
 * American Statistician 50(4), 1996, 361-365 (definition 7); R's quantile(type = 7).
 *
 * Two guards against floating point, neither of which changes a value by more than
 * the last bit: the interpolated quantile is kept within its two order statistics,
 * and the mean within [min, max] (three values of 0.1 sum to 0.30000000000000004,
 * whose third is above 0.1). R writes the interpolation (1 − h′)·a + h′·b; this file
 * writes a + h′·(b − a), which is the same number to rounding and, unlike R's form,
 * never decreases as p grows, so min ≤ lowerQuartile ≤ median ≤ upperQuartile ≤ max
 * holds exactly. The mean is summed over the sorted values, so the order the values
 * come in cannot change it in the last bit; a sum too large for a double is summed
 * as Σ(x / N) instead.
 *
 * A group with no values has no summary: not_computed, 'no_values'. NaN or Infinity
 * is a programmer error (absence is null) and throws.
 */

export type GroupSummary =
  | {
      readonly kind: 'ok';
      readonly count: number;
      readonly missingCount: number;
      readonly mean: number;
      readonly min: number;
      readonly lowerQuartile: number;
      readonly median: number;
      readonly upperQuartile: number;
      readonly max: number;
    }
  | { readonly kind: 'not_computed'; readonly reason: 'no_values'; readonly missingCount: number };

export function summariseGroup(values: readonly (number | null)[]): GroupSummary {
  const present: number[] = [];
  values.forEach((value, index) => {
    if (value === null) return;
    if (!Number.isFinite(value)) throw new RangeError(`values must be finite numbers or null, not ${String(value)} (at ${index})`);
    present.push(value === 0 ? 0 : value); // −0 as 0, so that the order given cannot show
  });
  const missingCount = values.length - present.length;
  if (present.length === 0) return Object.freeze({ kind: 'not_computed', reason: 'no_values', missingCount });

  const sorted = present.sort((a, b) => a - b);
  const min = at(sorted, 0);
  const max = at(sorted, sorted.length - 1);
  return Object.freeze({
    kind: 'ok',
    count: sorted.length,
    missingCount,
    mean: Math.min(max, Math.max(min, meanOf(sorted))),
    min,
    lowerQuartile: quantileType7(sorted, 0.25),
    median: quantileType7(sorted, 0.5),
    upperQuartile: quantileType7(sorted, 0.75),
    max,
  });
}

/** Hyndman and Fan's definition 7 on values sorted ascending (at least one). */
function quantileType7(sorted: readonly number[], p: number): number {
  const h = (sorted.length - 1) * p;
  const j = Math.floor(h);
  const below = at(sorted, j);
  if (j === h) return below;
  const above = at(sorted, j + 1);
  const share = h - j;
  const gap = above - below;
  if (!Number.isFinite(gap)) return (1 - share) * below + share * above; // values near ±1.8e308
  return Math.min(above, below + share * gap);
}

function meanOf(values: readonly number[]): number {
  const count = values.length;
  const sum = values.reduce((total, value) => total + value, 0);
  if (Number.isFinite(sum)) return sum / count;
  return values.reduce((total, value) => total + value / count, 0);
}

function at(values: readonly number[], index: number): number {
  const value = values[index];
  if (value === undefined) throw new RangeError(`no value at ${index} of ${values.length}`);
  return value;
}
