/*
 * Rank with ties: where each value stands in its comparator group, 1 being the best.
 *
 * Definition ("competition" ranking): a value's rank is 1 + the number of values
 * strictly better than it, so equal values share the lowest rank they occupy
 * together and the next rank is skipped: 1, 2, 2, 4. This is R's
 * rank(ties.method = "min") on the values ordered best first, which
 * PHEindicatormethods' phe_quantile ranks with (quantile.ts builds on it).
 *
 * Which value is best follows the metric's polarity:
 *   higher_is_better  the highest value is rank 1
 *   lower_is_better   the lowest value is rank 1
 *   neutral           neither is better; the highest value is rank 1, so a
 *                     neutral metric's rank reads as the position from the top
 *                     of the list, as for higher_is_better.
 *
 * A missing value (null) is not ranked and does not count towards anyone's rank.
 * NaN or Infinity is a programmer error (absence is null) and throws.
 */
import type { Polarity } from '../metric/index.ts';

export type Rank = { readonly kind: 'ok'; readonly rank: number } | { readonly kind: 'not_computed'; readonly reason: 'missing_value' };

const MISSING: Rank = Object.freeze({ kind: 'not_computed', reason: 'missing_value' });

/** Each value's rank in the group, in the order given. */
export function rankWithTies(values: readonly (number | null)[], polarity: Polarity): readonly Rank[] {
  const present: number[] = [];
  values.forEach((value, index) => {
    if (value === null) return;
    if (!Number.isFinite(value)) throw new RangeError(`values must be finite numbers or null, not ${value} (at ${index})`);
    present.push(index);
  });
  const better = betterFirst(polarity);
  const order = present.sort((a, b) => better(values[a] ?? 0, values[b] ?? 0));

  const ranks: Rank[] = values.map(() => MISSING);
  let previous: number | undefined;
  let previousRank = 0;
  order.forEach((index, position) => {
    const value = values[index] ?? 0;
    const rank = previous !== undefined && value === previous ? previousRank : position + 1;
    ranks[index] = Object.freeze({ kind: 'ok', rank });
    previous = value;
    previousRank = rank;
  });
  return Object.freeze(ranks);
}

/** A comparator that puts the better of two values first. */
function betterFirst(polarity: Polarity): (a: number, b: number) => number {
  switch (polarity) {
    case 'higher_is_better':
    case 'neutral':
      return (a, b) => b - a;
    case 'lower_is_better':
      return (a, b) => a - b;
    default: {
      const unknown: never = polarity;
      throw new RangeError(`unknown polarity: ${String(unknown)}`);
    }
  }
}
