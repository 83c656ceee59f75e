import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { byarsInterval } from '../../../src/domain/stats/index.ts';
import type { ByarsInterval, ConfidenceLevel } from '../../../src/domain/stats/index.ts';
import { assertClose, cell, filledCell, levelOf, numberCell, readReferenceTable } from '../../support/reference-table.ts';

type Case = readonly [title: string, count: number, level: ConfidenceLevel, expected: ByarsInterval];

const CASES = Object.freeze<readonly Case[]>([
  ['65 events at 95% are 50.16318771 to 82.84913855', 65, 0.95, { kind: 'ok', lower: 50.16318771, upper: 82.84913855 }],
  ['65 events at 99.8% are wider, 42.88026147 to 94.00029084', 65, 0.998, { kind: 'ok', lower: 42.88026147, upper: 94.00029084 }],
  ['1 event at 95% is 0.013072133 to 5.563755582', 1, 0.95, { kind: 'ok', lower: 0.013072133, upper: 5.563755582 }],
  ['1 event at 99.8% has only an upper limit, 9.362180218: the lower formula is negative, NA in R', 1, 0.998, { kind: 'upper_only', upper: 9.362180218, reason: 'count_too_small' }],
  ['0 events at 95% have only an upper limit, (1 − 1/9 + z/3)³ = 3.668011832: the lower formula divides by zero', 0, 0.95, { kind: 'upper_only', upper: 3.668011832, reason: 'count_too_small' }],
  ['-4 events are not computed (R stops: observed events must be >= 0): a negative input', -4, 0.95, { kind: 'not_computed', reason: 'negative_input' }],
]);

function assertInterval(actual: ByarsInterval, expected: ByarsInterval): void {
  assert.equal(actual.kind, expected.kind);
  if (actual.kind === 'not_computed' || expected.kind === 'not_computed') {
    assert.deepEqual(actual, expected);
    return;
  }
  assert.ok(Math.abs(actual.upper - expected.upper) <= 1e-6 * expected.upper, `upper ${actual.upper}`);
  if (actual.kind === 'ok' && expected.kind === 'ok') {
    assert.ok(Math.abs(actual.lower - expected.lower) <= 1e-6 * expected.lower, `lower ${actual.lower}`);
  }
  if (actual.kind === 'upper_only' && expected.kind === 'upper_only') assert.equal(actual.reason, expected.reason);
}

describe('byarsInterval(count, level)', () => {
  for (const [title, count, level, expected] of CASES) {
    it(title, () => assertInterval(byarsInterval(count, level), expected));
  }

  it('has both limits for every count from 2 up at 99.8%, and from 1 up at 95%', () => {
    assert.equal(byarsInterval(2, 0.998).kind, 'ok');
    assert.equal(byarsInterval(1, 0.95).kind, 'ok');
  });

  it('returns a frozen result', () => {
    for (const count of [65, 0, -1]) assert.ok(Object.isFrozen(byarsInterval(count, 0.95)));
  });

  it('throws a RangeError for NaN, Infinity or a level other than 0.95 or 0.998', () => {
    assert.throws(() => byarsInterval(Number.NaN, 0.95), RangeError);
    assert.throws(() => byarsInterval(Number.POSITIVE_INFINITY, 0.95), RangeError);
    assert.throws(() => byarsInterval(65, 99.8 as ConfidenceLevel), RangeError);
  });
});

describe('byarsInterval(count, level) has the shape of an interval', () => {
  it('contains the count, and is wider at 99.8% than at 95%, for counts of 10 or more', () => {
    fc.assert(
      fc.property(fc.integer({ min: 10, max: 100_000_000 }), (count) => {
        const narrow = byarsInterval(count, 0.95);
        const wide = byarsInterval(count, 0.998);
        return narrow.kind === 'ok' && wide.kind === 'ok' && 0 < wide.lower && wide.lower < narrow.lower && narrow.lower < count && count < narrow.upper && narrow.upper < wide.upper;
      }),
    );
  });
});

describe('byarsInterval(count, level) reproduces testdata_Byars_Wilson__testdata_B_W.csv', () => {
  const FILE = 'testdata_Byars_Wilson__testdata_B_W.csv';
  const table = readReferenceTable(FILE);
  const rows = table.filter((row) => cell(row, 'method') === 'Byars');

  it('checks the 7 Byars rows of the table, and the table has no method but Byars and Wilson', () => {
    assert.equal(rows.length, 7);
    assert.deepEqual([...new Set(table.map((row) => cell(row, 'method')))].sort(), ['Byars', 'Wilson']);
  });

  for (const row of rows) {
    const x = filledCell(row, 'x');
    const confidence = cell(row, 'confidence');
    const expectedLower = numberCell(row, 'lowercl');
    const title =
      expectedLower === undefined
        ? `${x} events at ${confidence} have only an upper limit, ${cell(row, 'uppercl')}; the table leaves the lower empty (${FILE})`
        : `${x} events at ${confidence} are ${cell(row, 'lowercl')} to ${cell(row, 'uppercl')} (${FILE})`;
    it(title, () => {
      const interval = byarsInterval(x, levelOf(confidence));
      assert.equal(interval.kind, expectedLower === undefined ? 'upper_only' : 'ok');
      assertClose(interval.upper, filledCell(row, 'uppercl'), 'upper');
      if (interval.kind === 'ok' && expectedLower !== undefined) assertClose(interval.lower, expectedLower, 'lower');
    });
  }
});
