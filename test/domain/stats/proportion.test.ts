import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { proportion } from '../../../src/domain/stats/index.ts';
import type { ConfidenceLevel, Proportion, ProportionOptions } from '../../../src/domain/stats/index.ts';
import { assertClose, cell, filledCell, levelOf, numberCell, readReferenceTable } from '../../support/reference-table.ts';
import type { ReferenceRow } from '../../support/reference-table.ts';

type Case = readonly [title: string, numerator: number, denominator: number, options: ProportionOptions, expected: Proportion];

const PERCENT_95 = Object.freeze({ level: 0.95, multiplier: 100 } as const);
const OF_ONE_95 = Object.freeze({ level: 0.95, multiplier: 1 } as const);

const CASES = Object.freeze<readonly Case[]>([
  ['65 of 100 as a percentage at 95% is 65, 55.2544433 to 73.63575176', 65, 100, PERCENT_95, { kind: 'ok', value: 65, lower: 55.2544433, upper: 73.63575176 }],
  ['65 of 100 as a proportion of 1 at 99.8% is 0.65, 0.495494657 to 0.778354061', 65, 100, { level: 0.998, multiplier: 1 }, { kind: 'ok', value: 0.65, lower: 0.495494657, upper: 0.778354061 }],
  ['0 of 100 as a percentage is 0, from exactly 0', 0, 100, PERCENT_95, { kind: 'ok', value: 0, lower: 0, upper: 3.69935 }],
  ['100 of 100 as a percentage is 100, up to exactly 100', 100, 100, PERCENT_95, { kind: 'ok', value: 100, lower: 96.30065, upper: 100 }],
  ['65 of 0 is not computed (R stops: denominators must be greater than zero): a zero denominator', 65, 0, OF_ONE_95, { kind: 'not_computed', reason: 'zero_denominator' }],
  ['-65 of 100 is not computed (R stops: numerators must be >= 0): a negative input', -65, 100, OF_ONE_95, { kind: 'not_computed', reason: 'negative_input' }],
  ['65 of -100 is not computed (R stops: denominators must be greater than zero): a negative input', 65, -100, OF_ONE_95, { kind: 'not_computed', reason: 'negative_input' }],
  [
    '101 of 100 is not computed (R stops: numerators must be <= denominator): the numerator is above the denominator',
    101,
    100,
    OF_ONE_95,
    { kind: 'not_computed', reason: 'numerator_above_denominator' },
  ],
]);

describe('proportion(numerator, denominator, { level, multiplier })', () => {
  for (const [title, numerator, denominator, options, expected] of CASES) {
    it(title, () => {
      const actual = proportion(numerator, denominator, options);
      if (expected.kind === 'not_computed' || actual.kind === 'not_computed') {
        assert.deepEqual(actual, expected);
        return;
      }
      assert.equal(actual.value, expected.value);
      if (expected.lower === 0) assert.equal(actual.lower, 0);
      if (expected.upper === options.multiplier) assert.equal(actual.upper, options.multiplier);
      assert.ok(Math.abs(actual.lower - expected.lower) <= 5e-7 * options.multiplier, `lower ${actual.lower}`);
      assert.ok(Math.abs(actual.upper - expected.upper) <= 5e-7 * options.multiplier, `upper ${actual.upper}`);
    });
  }

  it('returns a frozen result', () => {
    assert.ok(Object.isFrozen(proportion(65, 100, PERCENT_95)));
    assert.ok(Object.isFrozen(proportion(65, 0, PERCENT_95)));
  });

  it('throws a RangeError for a multiplier of zero, a negative or non-finite multiplier, or NaN counts', () => {
    for (const multiplier of [0, -100, Number.NaN, Number.POSITIVE_INFINITY]) {
      assert.throws(() => proportion(65, 100, { level: 0.95, multiplier }), RangeError);
    }
    assert.throws(() => proportion(Number.NaN, 100, PERCENT_95), RangeError);
    assert.throws(() => proportion(65, 100, { level: 0.9 as ConfidenceLevel, multiplier: 1 }), RangeError);
  });
});

/**
 * A row whose numerator or denominator is empty: R's NA propagates and phe_proportion
 * leaves value and limits empty. Lantern's functions take numbers only; a missing
 * figure never reaches them as NaN, and NaN throws.
 */
function assertMissingInputRow(row: ReferenceRow, outputColumns: readonly string[], multiplier: number): void {
  for (const column of outputColumns) assert.equal(cell(row, column), '', `${column} is empty`);
  const numerator = numberCell(row, 'Numerator') ?? Number.NaN;
  const denominator = numberCell(row, 'Denominator') ?? Number.NaN;
  assert.throws(() => proportion(numerator, denominator, { level: 0.95, multiplier }), RangeError);
}

describe('proportion(numerator, denominator, { level, multiplier }) reproduces testdata_Proportion__testdata_Prop.csv', () => {
  const FILE = 'testdata_Proportion__testdata_Prop.csv';
  const rows = readReferenceTable(FILE);
  const LEVELS = Object.freeze([
    ['lower95_0cl', 'upper95_0cl', '95%'],
    ['lower99_8cl', 'upper99_8cl', '99.8%'],
  ] as const);

  it('checks all 19 rows: 8 areas as proportions of 1, the same 8 as percentages, and 3 with a missing input', () => {
    assert.equal(rows.length, 19);
  });

  for (const row of rows) {
    const area = cell(row, 'Area');
    const multiplier = filledCell(row, 'multiplier');
    const numerator = numberCell(row, 'Numerator');
    const denominator = numberCell(row, 'Denominator');
    if (numerator === undefined || denominator === undefined) {
      it(`${area}: numerator '${cell(row, 'Numerator')}', denominator '${cell(row, 'Denominator')}': a missing input leaves the row empty in R (NA); Lantern is not called with one, and NaN throws (${FILE})`, () => {
        assertMissingInputRow(row, ['value', 'lower95_0cl', 'upper95_0cl', 'lower99_8cl', 'upper99_8cl'], multiplier);
      });
      continue;
    }
    for (const [lowerColumn, upperColumn, label] of LEVELS) {
      it(`${area}: ${numerator} of ${denominator} × ${multiplier} at ${label} is ${cell(row, 'value')}, ${cell(row, lowerColumn)} to ${cell(row, upperColumn)} (${FILE})`, () => {
        assert.equal(cell(row, 'method'), 'Wilson');
        const result = proportion(numerator, denominator, { level: levelOf(label), multiplier });
        assert.equal(result.kind, 'ok');
        if (result.kind !== 'ok') return;
        assertClose(result.value, filledCell(row, 'value'), 'value');
        assertClose(result.lower, filledCell(row, lowerColumn), 'lower');
        assertClose(result.upper, filledCell(row, upperColumn), 'upper');
      });
    }
  }
});

describe('proportion(numerator, denominator, { level, multiplier }) reproduces testdata_Proportion__testdata_Prop_g.csv', () => {
  // The grouped results: each row's Numerator and Denominator are already the group's sums.
  const FILE = 'testdata_Proportion__testdata_Prop_g.csv';
  const rows = readReferenceTable(FILE);

  it('checks all 11 rows: 8 grouped areas and 3 with a missing input', () => {
    assert.equal(rows.length, 11);
  });

  for (const row of rows) {
    const area = cell(row, 'Area');
    const multiplier = filledCell(row, 'multiplier');
    const numerator = numberCell(row, 'Numerator');
    const denominator = numberCell(row, 'Denominator');
    const confidence = cell(row, 'confidence');
    if (numerator === undefined || denominator === undefined) {
      it(`${area}: numerator '${cell(row, 'Numerator')}', denominator '${cell(row, 'Denominator')}': a missing input leaves the row empty in R (NA); Lantern is not called with one, and NaN throws (${FILE})`, () => {
        assertMissingInputRow(row, ['value', 'lowercl', 'uppercl'], multiplier);
      });
      continue;
    }
    it(`${area}: ${numerator} of ${denominator} × ${multiplier} at ${confidence} is ${cell(row, 'value')}, ${cell(row, 'lowercl')} to ${cell(row, 'uppercl')} (${FILE})`, () => {
      assert.equal(cell(row, 'method'), 'Wilson');
      const result = proportion(numerator, denominator, { level: levelOf(confidence), multiplier });
      assert.equal(result.kind, 'ok');
      if (result.kind !== 'ok') return;
      assertClose(result.value, filledCell(row, 'value'), 'value');
      assertClose(result.lower, filledCell(row, 'lowercl'), 'lower');
      assertClose(result.upper, filledCell(row, 'uppercl'), 'upper');
    });
  }
});
