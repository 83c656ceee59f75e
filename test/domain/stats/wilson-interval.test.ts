import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { wilsonInterval } from '../../../src/domain/stats/index.ts';
import type { ConfidenceLevel, WilsonInterval } from '../../../src/domain/stats/index.ts';
import { assertClose, cell, filledCell, levelOf, readReferenceTable } from '../../support/reference-table.ts';

type Case = readonly [title: string, numerator: number, denominator: number, level: ConfidenceLevel, expected: WilsonInterval];

const CASES = Object.freeze<readonly Case[]>([
  ['65 of 100 at 95% is 0.552544433 to 0.736357518', 65, 100, 0.95, { kind: 'ok', lower: 0.552544433, upper: 0.736357518 }],
  ['65 of 100 at 99.8% is wider, 0.495494657 to 0.778354061', 65, 100, 0.998, { kind: 'ok', lower: 0.495494657, upper: 0.778354061 }],
  ['0 of 100 at 95% has a lower limit of exactly 0 and an upper limit of 0.036994', 0, 100, 0.95, { kind: 'ok', lower: 0, upper: 0.0369935 }],
  ['100 of 100 at 95% has an upper limit of exactly 1 and a lower limit of 0.963006', 100, 100, 0.95, { kind: 'ok', lower: 0.9630065, upper: 1 }],
  ['0 of 0 is not computed: a zero denominator', 0, 0, 0.95, { kind: 'not_computed', reason: 'zero_denominator' }],
  ['5 of 0 is not computed: a zero denominator', 5, 0, 0.95, { kind: 'not_computed', reason: 'zero_denominator' }],
  ['-1 of 100 is not computed (R stops: observed events must be >= 0): a negative input', -1, 100, 0.95, { kind: 'not_computed', reason: 'negative_input' }],
  ['5 of -100 is not computed (R stops: sample sizes must be > 0): a negative input', 5, -100, 0.95, { kind: 'not_computed', reason: 'negative_input' }],
  ['101 of 100 is not computed (R stops: numerators must be <= denominator): the numerator is above the denominator', 101, 100, 0.95, { kind: 'not_computed', reason: 'numerator_above_denominator' }],
]);

function assertInterval(actual: WilsonInterval, expected: WilsonInterval): void {
  if (expected.kind === 'not_computed' || actual.kind === 'not_computed') {
    assert.deepEqual(actual, expected);
    return;
  }
  if (expected.lower === 0 || expected.upper === 1) {
    // The boundaries are exact, not approximately 0 or 1.
    if (expected.lower === 0) assert.equal(actual.lower, 0);
    if (expected.upper === 1) assert.equal(actual.upper, 1);
  }
  assert.ok(Math.abs(actual.lower - expected.lower) < 5e-7, `lower ${actual.lower}`);
  assert.ok(Math.abs(actual.upper - expected.upper) < 5e-7, `upper ${actual.upper}`);
}

describe('wilsonInterval(numerator, denominator, level)', () => {
  for (const [title, numerator, denominator, level, expected] of CASES) {
    it(title, () => assertInterval(wilsonInterval(numerator, denominator, level), expected));
  }

  it('returns a frozen result', () => {
    assert.ok(Object.isFrozen(wilsonInterval(65, 100, 0.95)));
    assert.ok(Object.isFrozen(wilsonInterval(0, 0, 0.95)));
  });

  it('throws a RangeError for NaN or Infinity, which are programmer errors and not missing data', () => {
    assert.throws(() => wilsonInterval(Number.NaN, 100, 0.95), RangeError);
    assert.throws(() => wilsonInterval(5, Number.POSITIVE_INFINITY, 0.95), RangeError);
  });

  it('throws a RangeError for a confidence level other than 0.95 or 0.998', () => {
    assert.throws(() => wilsonInterval(65, 100, 0.9 as ConfidenceLevel), RangeError);
  });
});

describe('wilsonInterval(numerator, denominator, level) has the shape of an interval', () => {
  // Numerators anywhere from 0 to the denominator, and often at the two ends.
  const sample = fc
    .integer({ min: 1, max: 10_000_000 })
    .chain((denominator) => fc.tuple(fc.oneof(fc.integer({ min: 0, max: denominator }), fc.constantFrom(0, 1, denominator - 1, denominator)), fc.constant(denominator)));

  it('lies within [0, 1] and contains numerator / denominator, at either level', () => {
    fc.assert(
      fc.property(sample, fc.constantFrom<ConfidenceLevel>(0.95, 0.998), ([numerator, denominator], level) => {
        const interval = wilsonInterval(numerator, denominator, level);
        const p = numerator / denominator;
        return interval.kind === 'ok' && interval.lower >= 0 && interval.lower <= p && p <= interval.upper && interval.upper <= 1;
      }),
    );
  });

  it('is wider at 99.8% than at 95%, containing it', () => {
    fc.assert(
      fc.property(sample, ([numerator, denominator]) => {
        const narrow = wilsonInterval(numerator, denominator, 0.95);
        const wide = wilsonInterval(numerator, denominator, 0.998);
        return narrow.kind === 'ok' && wide.kind === 'ok' && wide.lower <= narrow.lower && narrow.upper <= wide.upper;
      }),
    );
  });
});

describe('wilsonInterval(numerator, denominator, level) reproduces testdata_Byars_Wilson__testdata_B_W.csv', () => {
  const FILE = 'testdata_Byars_Wilson__testdata_B_W.csv';
  const rows = readReferenceTable(FILE).filter((row) => cell(row, 'method') === 'Wilson');

  it('checks the 6 Wilson rows of the table (x of n at 95% and 99.8%)', () => {
    assert.equal(rows.length, 6);
  });

  for (const row of rows) {
    const x = filledCell(row, 'x');
    const n = filledCell(row, 'n');
    const confidence = cell(row, 'confidence');
    it(`${x} of ${n} at ${confidence} is ${cell(row, 'lowercl')} to ${cell(row, 'uppercl')} (${FILE})`, () => {
      const interval = wilsonInterval(x, n, levelOf(confidence));
      assert.equal(interval.kind, 'ok');
      if (interval.kind !== 'ok') return;
      assertClose(interval.lower, filledCell(row, 'lowercl'), 'lower');
      assertClose(interval.upper, filledCell(row, 'uppercl'), 'upper');
    });
  }
});
