import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { meanWithInterval } from '../../../src/domain/stats/index.ts';
import type { ConfidenceLevel, MeanWithInterval } from '../../../src/domain/stats/index.ts';
import { assertClose, cell, filledCell, readReferenceTable } from '../../support/reference-table.ts';

type Case = readonly [title: string, values: readonly number[], level: ConfidenceLevel, expected: MeanWithInterval];

const CASES = Object.freeze<readonly Case[]>([
  [
    '30, 40, 50 and 60 at 95% have mean 45, standard deviation 12.9099445 and interval 45 ∓ 3.182446305 × 12.9099445 / 2',
    Object.freeze([30, 40, 50, 60]),
    0.95,
    { kind: 'ok', mean: 45, standardDeviation: 12.909944487, count: 4, lower: 24.457397432, upper: 65.542602568 },
  ],
  [
    '1 and 3 at 95% have mean 2, standard deviation √2 and interval 2 ∓ 12.7062 (t with 1 degree of freedom)',
    Object.freeze([1, 3]),
    0.95,
    { kind: 'ok', mean: 2, standardDeviation: Math.SQRT2, count: 2, lower: 2 - 12.706204736, upper: 2 + 12.706204736 },
  ],
  ['7, 7 and 7 have standard deviation 0 and an interval of exactly 7 to 7', Object.freeze([7, 7, 7]), 0.998, { kind: 'ok', mean: 7, standardDeviation: 0, count: 3, lower: 7, upper: 7 }],
  ['a single value is not computed: fewer than two values have no standard deviation', Object.freeze([42]), 0.95, { kind: 'not_computed', reason: 'fewer_than_two_values' }],
  ['no values are not computed: fewer than two values', Object.freeze([]), 0.95, { kind: 'not_computed', reason: 'fewer_than_two_values' }],
]);

describe('meanWithInterval(values, level)', () => {
  for (const [title, values, level, expected] of CASES) {
    it(title, () => {
      const actual = meanWithInterval(values, level);
      if (expected.kind === 'not_computed' || actual.kind === 'not_computed') {
        assert.deepEqual(actual, expected);
        return;
      }
      assert.equal(actual.count, expected.count);
      for (const key of ['mean', 'standardDeviation', 'lower', 'upper'] as const) {
        assert.ok(Math.abs(actual[key] - expected[key]) <= 1e-8 * Math.max(1, Math.abs(expected[key])), `${key} ${actual[key]}`);
      }
    });
  }

  it('reads frozen values without changing them, and returns a frozen result', () => {
    const values = Object.freeze([3, 1, 2]);
    assert.ok(Object.isFrozen(meanWithInterval(values, 0.95)));
    assert.deepEqual(values, [3, 1, 2]);
  });

  it('throws a RangeError for NaN or Infinity among the values, or a level other than 0.95 or 0.998', () => {
    assert.throws(() => meanWithInterval(Object.freeze([1, Number.NaN, 3]), 0.95), RangeError);
    assert.throws(() => meanWithInterval(Object.freeze([1, Number.POSITIVE_INFINITY]), 0.95), RangeError);
    assert.throws(() => meanWithInterval(Object.freeze([1, 2, 3]), 95 as ConfidenceLevel), RangeError);
  });
});

describe('meanWithInterval(values, level) has the shape of an interval', () => {
  it('contains the mean and is at least as wide at 99.8% as at 95%', () => {
    const values = fc.array(fc.double({ min: -1e6, max: 1e6, noNaN: true }), { minLength: 2, maxLength: 50 });
    fc.assert(
      fc.property(values, (sample) => {
        const frozen = Object.freeze([...sample]);
        const narrow = meanWithInterval(frozen, 0.95);
        const wide = meanWithInterval(frozen, 0.998);
        return narrow.kind === 'ok' && wide.kind === 'ok' && wide.lower <= narrow.lower && narrow.lower <= narrow.mean && narrow.mean <= narrow.upper && narrow.upper <= wide.upper;
      }),
    );
  });
});

describe('meanWithInterval(values, level) reproduces testdata_Mean__testdata_Mean_results.csv from testdata_Mean__testdata_Mean.csv', () => {
  const INPUT = 'testdata_Mean__testdata_Mean.csv';
  const RESULTS = 'testdata_Mean__testdata_Mean_results.csv';
  const inputs = readReferenceTable(INPUT);
  const results = readReferenceTable(RESULTS);

  /** Each area's values, and every value for the row 'No grouping'. */
  function valuesFor(area: string): readonly number[] {
    const rows = area === 'No grouping' ? inputs : inputs.filter((row) => cell(row, 'area') === area);
    return Object.freeze(rows.map((row) => filledCell(row, 'values')));
  }

  it('checks all 3 result rows (Area1, Area2, No grouping) over all 26 input values', () => {
    assert.equal(inputs.length, 26);
    assert.deepEqual(
      results.map((row) => cell(row, 'area')),
      ['Area1', 'Area2', 'No grouping'],
    );
  });

  for (const row of results) {
    const area = cell(row, 'area');
    it(`${area}: ${cell(row, 'value_count')} values have mean ${cell(row, 'value')}, sd ${cell(row, 'stdev')}, 95% ${cell(row, 'lower95_0cl')} to ${cell(row, 'upper95_0cl')}, 99.8% ${cell(row, 'lower99_8cl')} to ${cell(row, 'upper99_8cl')} (${RESULTS})`, () => {
      assert.equal(cell(row, 'method'), "Student's t-distribution");
      const values = valuesFor(area);
      const at95 = meanWithInterval(values, 0.95);
      const at998 = meanWithInterval(values, 0.998);
      assert.ok(at95.kind === 'ok' && at998.kind === 'ok');
      assert.equal(at95.count, filledCell(row, 'value_count'));
      assertClose(at95.mean * at95.count, filledCell(row, 'value_sum'), 'value_sum');
      assertClose(at95.standardDeviation, filledCell(row, 'stdev'), 'stdev');
      assertClose(at95.mean, filledCell(row, 'value'), 'value');
      assertClose(at95.lower, filledCell(row, 'lower95_0cl'), 'lower 95%');
      assertClose(at95.upper, filledCell(row, 'upper95_0cl'), 'upper 95%');
      assert.equal(at998.mean, at95.mean);
      assertClose(at998.lower, filledCell(row, 'lower99_8cl'), 'lower 99.8%');
      assertClose(at998.upper, filledCell(row, 'upper99_8cl'), 'upper 99.8%');
    });
  }
});
