import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { rankWithTies } from '../../../src/domain/benchmark/index.ts';
import type { Rank } from '../../../src/domain/benchmark/index.ts';
import type { Polarity } from '../../../src/domain/metric/index.ts';

/** Ranks as numbers, null where not ranked, to keep the cases short. */
function ranksOf(values: readonly (number | null)[], polarity: Polarity): readonly (number | null)[] {
  return rankWithTies(values, polarity).map((rank) => (rank.kind === 'ok' ? rank.rank : null));
}

type Case = readonly [title: string, values: readonly (number | null)[], polarity: Polarity, ranks: readonly (number | null)[]];

const CASES: readonly Case[] = Object.freeze([
  ['for higher_is_better, the highest value is rank 1', Object.freeze([3, 1, 2]), 'higher_is_better', [1, 3, 2]],
  ['for lower_is_better, the lowest value is rank 1', Object.freeze([3, 1, 2]), 'lower_is_better', [3, 1, 2]],
  ['for neutral, the highest value is rank 1, as for higher_is_better', Object.freeze([3, 1, 2]), 'neutral', [1, 3, 2]],
  ['equal values share the lowest rank they occupy, and the next rank is skipped: 1, 2, 2, 4', Object.freeze([10, 8, 8, 6]), 'higher_is_better', [1, 2, 2, 4]],
  ['a tie for first is 1, 1, 3', Object.freeze([2, 5, 5]), 'higher_is_better', [3, 1, 1]],
  ['a tie for last under lower_is_better is 1, 2, 2', Object.freeze([1, 9, 9]), 'lower_is_better', [1, 2, 2]],
  ['missing values are not ranked and do not count', Object.freeze([null, 4, null, 9]), 'higher_is_better', [null, 2, null, 1]],
  ['zero and negative values rank like any other', Object.freeze([0, -2.5, 1e-9]), 'higher_is_better', [2, 3, 1]],
  ['-0 and 0 are the same value', Object.freeze([-0, 0]), 'lower_is_better', [1, 1]],
  ['a group of one is rank 1', Object.freeze([42]), 'lower_is_better', [1]],
  ['when every value is equal, every value is rank 1', Object.freeze([7, 7, 7, 7]), 'higher_is_better', [1, 1, 1, 1]],
  ['an empty group has no ranks', Object.freeze([]), 'higher_is_better', []],
  ['a group with only missing values has no ranks', Object.freeze([null, null]), 'higher_is_better', [null, null]],
]);

describe('rankWithTies(values, polarity)', () => {
  for (const [title, values, polarity, ranks] of CASES) {
    it(title, () => assert.deepEqual(ranksOf(values, polarity), ranks));
  }

  it('says why a value has no rank', () => {
    assert.deepEqual(rankWithTies(Object.freeze([null, 1]), 'higher_is_better'), [
      { kind: 'not_computed', reason: 'missing_value' },
      { kind: 'ok', rank: 1 },
    ]);
  });

  it('throws a RangeError for NaN or Infinity, which are not values (absence is null)', () => {
    assert.throws(() => rankWithTies(Object.freeze([1, Number.NaN]), 'higher_is_better'), RangeError);
    assert.throws(() => rankWithTies(Object.freeze([Number.NEGATIVE_INFINITY]), 'lower_is_better'), RangeError);
  });

  it('returns frozen ranks and leaves its frozen input alone', () => {
    const ranks = rankWithTies(Object.freeze([3, null, 1]), 'higher_is_better');
    assert.ok(Object.isFrozen(ranks));
    for (const rank of ranks) assert.ok(Object.isFrozen(rank));
  });
});

const POLARITY = fc.constantFrom<Polarity>('higher_is_better', 'lower_is_better', 'neutral');
/** Small integers, so that ties are common, with some missing values. */
const VALUES = fc.array(fc.option(fc.integer({ min: -20, max: 20 }), { nil: null, freq: 5 }), { maxLength: 40 });
/** Values and an order to shuffle them into: order[position] is the index of the value that moves there. */
const SHUFFLED = VALUES.chain((values) => fc.tuple(fc.constant(values), fc.shuffledSubarray([...values.keys()], { minLength: values.length })));
const DISTINCT = fc.uniqueArray(fc.double({ noNaN: true, noDefaultInfinity: true }), {
  maxLength: 40,
  comparator: (a, b) => a === b,
});

function rankNumber(rank: Rank | undefined): number {
  assert.ok(rank !== undefined && rank.kind === 'ok');
  return rank.rank;
}

describe('rankWithTies(values, polarity) for any values', () => {
  it('gives each value 1 + the number of values strictly better than it', () => {
    fc.assert(
      fc.property(VALUES, POLARITY, (values, polarity) => {
        const ranks = rankWithTies(values, polarity);
        values.forEach((value, index) => {
          if (value === null) return assert.equal(ranks[index]?.kind, 'not_computed');
          const better = values.filter((other) => other !== null && (polarity === 'lower_is_better' ? other < value : other > value)).length;
          assert.equal(rankNumber(ranks[index]), 1 + better);
        });
      }),
    );
  });

  it('does not depend on the order the values come in', () => {
    fc.assert(
      fc.property(SHUFFLED, POLARITY, ([values, order], polarity) => {
        const ranks = rankWithTies(values, polarity);
        const shuffled = rankWithTies(
          order.map((index) => values[index] ?? null),
          polarity,
        );
        order.forEach((index, position) => assert.deepEqual(shuffled[position], ranks[index]));
      }),
    );
  });

  it('gives equal values the same rank', () => {
    fc.assert(
      fc.property(VALUES, POLARITY, (values, polarity) => {
        const ranks = rankWithTies(values, polarity);
        values.forEach((a, i) =>
          values.forEach((b, j) => {
            if (a !== null && a === b) assert.deepEqual(ranks[i], ranks[j]);
          }),
        );
      }),
    );
  });

  it('reverses the order for distinct values when polarity flips between higher and lower is better', () => {
    fc.assert(
      fc.property(DISTINCT, (values) => {
        const higher = rankWithTies(values, 'higher_is_better');
        const lower = rankWithTies(values, 'lower_is_better');
        values.forEach((_, index) => assert.equal(rankNumber(lower[index]), values.length + 1 - rankNumber(higher[index])));
      }),
    );
  });

  it('ranks neutral metrics as higher_is_better', () => {
    fc.assert(
      fc.property(VALUES, (values) => {
        assert.deepEqual(rankWithTies(values, 'neutral'), rankWithTies(values, 'higher_is_better'));
      }),
    );
  });

  it('ignores missing values: the others rank as they would without them', () => {
    fc.assert(
      fc.property(VALUES, POLARITY, (values, polarity) => {
        const present = values.filter((value): value is number => value !== null);
        const withoutMissing = rankWithTies(present, polarity);
        const ranks = rankWithTies(values, polarity).filter((rank) => rank.kind === 'ok');
        assert.deepEqual(ranks, withoutMissing);
      }),
    );
  });
});
