// Group summary: cases worked by hand (each quartile checked against R's
// quantile(x), type 7, the default) and properties.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { summariseGroup } from '../../../src/domain/benchmark/index.ts';
import type { GroupSummary } from '../../../src/domain/benchmark/index.ts';

type Case = readonly [title: string, values: readonly (number | null)[], expected: GroupSummary];

type FiveFigures = readonly [min: number, lowerQuartile: number, median: number, upperQuartile: number, max: number];

function ok(count: number, missingCount: number, mean: number, [min, lowerQuartile, median, upperQuartile, max]: FiveFigures): GroupSummary {
  return { kind: 'ok', count, missingCount, mean, min, lowerQuartile, median, upperQuartile, max };
}

const CASES = Object.freeze<readonly Case[]>([
  // h = 3 × 0.25 = 0.75: 1 + 0.75 × (2 − 1) = 1.75; h = 1.5: 2.5; h = 2.25: 3 + 0.25 × (4 − 3) = 3.25.
  ['1, 2, 3, 4 has mean 2.5 and quartiles 1.75, 2.5, 3.25 (R: quantile(1:4))', Object.freeze([1, 2, 3, 4]), ok(4, 0, 2.5, [1, 1.75, 2.5, 3.25, 4])],
  // h = 9 × 0.25 = 2.25: 3 + 0.25 = 3.25; h = 4.5: 5.5; h = 6.75: 7 + 0.75 = 7.75.
  ['1 to 10 has mean 5.5 and quartiles 3.25, 5.5, 7.75 (R: quantile(1:10))', Object.freeze([10, 9, 8, 7, 6, 5, 4, 3, 2, 1]), ok(10, 0, 5.5, [1, 3.25, 5.5, 7.75, 10])],
  // Sorted 1, 3, 7: h = 0.5: 1 + 0.5 × 2 = 2; h = 1: 3; h = 1.5: 3 + 0.5 × 4 = 5; mean 11 / 3.
  ['7, null, 1, 3 counts 3 values and 1 missing, with quartiles 2, 3, 5 (R: quantile(c(7, NA, 1, 3), na.rm = TRUE))', Object.freeze([7, null, 1, 3]), ok(3, 1, 11 / 3, [1, 2, 3, 5, 7])],
  // n = 5: h = 1, 2, 3 fall on values: −1, 0, 2; mean 8 / 5.
  ['−3, −1, 0, 2, 10 has quartiles on the values themselves (h = 1, 2, 3): −1, 0, 2, and mean 1.6', Object.freeze([-3, -1, 0, 2, 10]), ok(5, 0, 1.6, [-3, -1, 0, 2, 10])],
  // h = 0.25, 0.5, 0.75: 10 + h × 10.
  ['10, 20 has quartiles 12.5, 15, 17.5', Object.freeze([20, 10]), ok(2, 0, 15, [10, 12.5, 15, 17.5, 20])],
  ['one value is its own mean, median, quartiles, minimum and maximum', Object.freeze([42.5]), ok(1, 0, 42.5, [42.5, 42.5, 42.5, 42.5, 42.5])],
  ['four equal values summarise to that value', Object.freeze([5, 5, 5, 5]), ok(4, 0, 5, [5, 5, 5, 5, 5])],
  ['three values of 0.1 have a mean of exactly 0.1 (the sum, 0.30000000000000004, would put it a bit above)', Object.freeze([0.1, 0.1, 0.1]), ok(3, 0, 0.1, [0.1, 0.1, 0.1, 0.1, 0.1])],
  ['an empty group is not computed: no values', Object.freeze([]), { kind: 'not_computed', reason: 'no_values', missingCount: 0 }],
  ['a group of missing values is not computed: no values, 2 missing', Object.freeze([null, null]), { kind: 'not_computed', reason: 'no_values', missingCount: 2 }],
]);

describe('summariseGroup(values)', () => {
  for (const [title, values, expected] of CASES) {
    it(title, () => {
      const actual = summariseGroup(values);
      if (actual.kind === 'ok' && expected.kind === 'ok') {
        const { mean, ...rest } = actual;
        const { mean: expectedMean, ...expectedRest } = expected;
        assert.deepEqual(rest, expectedRest);
        assert.ok(Math.abs(mean - expectedMean) <= 1e-12 * Math.max(1, Math.abs(expectedMean)), `mean ${mean}`);
        return;
      }
      assert.deepEqual(actual, expected);
    });
  }

  it('keeps the mean of three values of 0.1 at exactly 0.1, within [min, max]', () => {
    const summary = summariseGroup(Object.freeze([0.1, 0.1, 0.1]));
    assert.equal((0.1 + 0.1 + 0.1) / 3 > 0.1, true);
    assert.equal(summary.kind === 'ok' ? summary.mean : undefined, 0.1);
  });

  it('returns a frozen result', () => {
    assert.ok(Object.isFrozen(summariseGroup(Object.freeze([1, 2, 3]))));
    assert.ok(Object.isFrozen(summariseGroup(Object.freeze([]))));
  });

  it('means values near the largest double without overflowing: 1e308 and 1.6e308 have mean 1.3e308', () => {
    const summary = summariseGroup(Object.freeze([1e308, 1.6e308]));
    assert.equal(summary.kind, 'ok');
    if (summary.kind === 'ok') {
      assert.ok(Math.abs(summary.mean - 1.3e308) <= 1e-12 * 1.3e308, `mean ${summary.mean}`);
      assert.ok(Math.abs(summary.median - 1.3e308) <= 1e-12 * 1.3e308, `median ${summary.median}`);
    }
  });

  it('throws a RangeError for NaN or Infinity (absence is null)', () => {
    assert.throws(() => summariseGroup(Object.freeze([1, Number.NaN])), RangeError);
    assert.throws(() => summariseGroup(Object.freeze([Number.NEGATIVE_INFINITY, 1])), RangeError);
  });
});

describe('summariseGroup properties', () => {
  const value = fc.oneof(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.double({ min: -1e3, max: 1e3, noNaN: true }), fc.integer({ min: -100, max: 100 }));
  const values = fc.array(fc.option(value, { nil: null }), { maxLength: 40 });

  it('does not depend on the order of the values', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.option(value, { nil: null }), fc.nat()), { maxLength: 40 }), (keyed) => {
        const given = keyed.map(([entry]) => entry);
        const shuffled = [...keyed].sort((a, b) => a[1] - b[1]).map(([entry]) => entry);
        assert.deepEqual(summariseGroup(Object.freeze(shuffled)), summariseGroup(Object.freeze(given)));
      }),
    );
  });

  it('orders its figures: min ≤ lowerQuartile ≤ median ≤ upperQuartile ≤ max, with the mean within [min, max]', () => {
    fc.assert(
      fc.property(values, (group) => {
        const summary = summariseGroup(Object.freeze(group));
        if (summary.kind !== 'ok') return true;
        const { min, lowerQuartile, median, upperQuartile, max, mean } = summary;
        return min <= lowerQuartile && lowerQuartile <= median && median <= upperQuartile && upperQuartile <= max && min <= mean && mean <= max;
      }),
    );
  });

  it('counts every entry once, as a value or as missing, and is not computed only when nothing is present', () => {
    fc.assert(
      fc.property(values, (group) => {
        const summary = summariseGroup(group);
        const present = group.filter((entry) => entry !== null).length;
        return summary.kind === 'ok' ? summary.count === present && summary.count + summary.missingCount === group.length : present === 0 && summary.missingCount === group.length;
      }),
    );
  });

  it('ignores missing values: adding nulls changes only missingCount', () => {
    fc.assert(
      fc.property(values, fc.nat({ max: 5 }), (group, extra) => {
        const withNulls = summariseGroup([...group, ...Array.from({ length: extra }, () => null)]);
        const without = summariseGroup(group);
        assert.deepEqual({ ...withNulls, missingCount: 0 }, { ...without, missingCount: 0 });
        assert.equal(withNulls.missingCount, without.missingCount + extra);
      }),
    );
  });

  it('puts the median of an odd number of values on the middle value', () => {
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 21 }).filter((group) => group.length % 2 === 1),
        (group) => {
          const summary = summariseGroup(group);
          const sorted = [...group].map((entry) => (entry === 0 ? 0 : entry)).sort((a, b) => a - b);
          return summary.kind === 'ok' && summary.median === sorted[(sorted.length - 1) / 2];
        },
      ),
    );
  });
});
