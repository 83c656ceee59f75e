import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { exactPoissonInterval } from '../../../src/domain/stats/index.ts';
import type { ConfidenceLevel, ExactPoissonInterval } from '../../../src/domain/stats/index.ts';
import { assertClose, cell, filledCell, levelOf, readReferenceTable } from '../../support/reference-table.ts';

type Case = readonly [title: string, count: number, level: ConfidenceLevel, expected: ExactPoissonInterval];

const CASES = Object.freeze<readonly Case[]>([
  ['1 event at 95% is 0.025317808 to 5.571643391', 1, 0.95, { kind: 'ok', lower: 0.025317808, upper: 5.571643391 }],
  ['1 event at 99.8% is −ln(0.999) = 0.001000500334 to 9.233413476', 1, 0.998, { kind: 'ok', lower: -Math.log(0.999), upper: 9.233413476 }],
  ['5 events at 95% are 1.62348639 to 11.66833208', 5, 0.95, { kind: 'ok', lower: 1.62348639, upper: 11.66833208 }],
  ['0 events at 95% have a lower limit of exactly 0 and an upper limit of −ln(0.025) = 3.688879454', 0, 0.95, { kind: 'ok', lower: 0, upper: -Math.log(0.025) }],
  ['-1 events are not computed (R stops: numerators must be >= 0): a negative input', -1, 0.95, { kind: 'not_computed', reason: 'negative_input' }],
]);

describe('exactPoissonInterval(count, level)', () => {
  for (const [title, count, level, expected] of CASES) {
    it(title, () => {
      const actual = exactPoissonInterval(count, level);
      if (expected.kind === 'not_computed' || actual.kind === 'not_computed') {
        assert.deepEqual(actual, expected);
        return;
      }
      if (expected.lower === 0) assert.equal(actual.lower, 0);
      assert.ok(Math.abs(actual.lower - expected.lower) <= 1e-8 * expected.lower, `lower ${actual.lower}`);
      assert.ok(Math.abs(actual.upper - expected.upper) <= 1e-8 * expected.upper, `upper ${actual.upper}`);
    });
  }

  it('returns a frozen result', () => {
    for (const count of [5, 0, -1]) assert.ok(Object.isFrozen(exactPoissonInterval(count, 0.95)));
  });

  it('throws a RangeError for NaN, Infinity or a level other than 0.95 or 0.998', () => {
    assert.throws(() => exactPoissonInterval(Number.NaN, 0.95), RangeError);
    assert.throws(() => exactPoissonInterval(Number.NEGATIVE_INFINITY, 0.95), RangeError);
    assert.throws(() => exactPoissonInterval(5, 0.99 as ConfidenceLevel), RangeError);
  });
});

describe('exactPoissonInterval(count, level) has the shape of an interval', () => {
  it('contains the count, and is wider at 99.8% than at 95%', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), (count) => {
        const narrow = exactPoissonInterval(count, 0.95);
        const wide = exactPoissonInterval(count, 0.998);
        return narrow.kind === 'ok' && wide.kind === 'ok' && 0 < wide.lower && wide.lower < narrow.lower && narrow.lower < count && count < narrow.upper && narrow.upper < wide.upper;
      }),
    );
  });
});

describe('exactPoissonInterval(count, level) reproduces the Exact rows of testdata_Rate__testdata_Rate.csv and testdata_Rate__testdata_Rate_g.csv', () => {
  // The rate tables give the interval as a rate: the count's limits / denominator × multiplier.
  const cases = [
    {
      file: 'testdata_Rate__testdata_Rate.csv',
      columns: [
        ['lower95_0cl', 'upper95_0cl', '95%'],
        ['lower99_8cl', 'upper99_8cl', '99.8%'],
      ],
    },
    { file: 'testdata_Rate__testdata_Rate_g.csv', columns: [['lowercl', 'uppercl', 'confidence']] },
  ] as const;

  for (const { file, columns } of cases) {
    const rows = readReferenceTable(file).filter((row) => cell(row, 'method') === 'Exact');
    it(`finds Exact rows in ${file}`, () => assert.ok(rows.length > 0));
    for (const row of rows) {
      const count = filledCell(row, 'Numerator');
      const denominator = filledCell(row, 'Denominator');
      const multiplier = filledCell(row, 'multiplier');
      for (const [lowerColumn, upperColumn, levelLabel] of columns) {
        const label = levelLabel === 'confidence' ? cell(row, 'confidence') : levelLabel;
        it(`${cell(row, 'Area')}: ${count} events at ${label}, per ${denominator} × ${multiplier}, are ${cell(row, lowerColumn)} to ${cell(row, upperColumn)} (${file})`, () => {
          const interval = exactPoissonInterval(count, levelOf(label));
          assert.equal(interval.kind, 'ok');
          if (interval.kind !== 'ok') return;
          assertClose((interval.lower / denominator) * multiplier, filledCell(row, lowerColumn), 'lower');
          assertClose((interval.upper / denominator) * multiplier, filledCell(row, upperColumn), 'upper');
        });
      }
    }
  }
});
