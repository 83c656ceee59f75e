import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { EXACT_POISSON_BELOW, rate } from '../../../src/domain/stats/index.ts';
import type { ConfidenceLevel, Rate, RateMethod, RateOptions } from '../../../src/domain/stats/index.ts';
import { assertClose, cell, filledCell, levelOf, numberCell, readReferenceTable } from '../../support/reference-table.ts';
import type { ReferenceRow } from '../../support/reference-table.ts';

type Case = readonly [title: string, numerator: number, denominator: number, options: RateOptions, expected: Rate];

const PER_100 = Object.freeze({ level: 0.95, multiplier: 100 } as const);
const PER_100000 = Object.freeze({ level: 0.95, multiplier: 100_000 } as const);

const CASES = Object.freeze<readonly Case[]>([
  [
    '9 events in 1000 per 100 at 95% use the exact Poisson interval: 0.9, 0.4115373 to 1.7084803',
    9,
    1000,
    PER_100,
    { kind: 'ok', value: 0.9, lower: 0.4115373, upper: 1.7084803, method: 'exact_poisson' },
  ],
  ["10 events in 1000 per 100 at 95% use Byar's method: 1, 0.4787450 to 1.8391459", 10, 1000, PER_100, { kind: 'ok', value: 1, lower: 0.478745, upper: 1.8391459, method: 'byars' }],
  ['0 events in 100 per 100,000 at 95% are 0, from exactly 0 to 3688.879454', 0, 100, PER_100000, { kind: 'ok', value: 0, lower: 0, upper: 3688.879454, method: 'exact_poisson' }],
  [
    '250 events in 220 per 100,000 (more events than people) are 113636.3636, 99984.94739 to 128631.1449',
    250,
    220,
    PER_100000,
    { kind: 'ok', value: 113636.3636, lower: 99984.94739, upper: 128631.1449, method: 'byars' },
  ],
  ['65 events in 0 are not computed (R stops: denominators must be greater than zero): a zero denominator', 65, 0, PER_100000, { kind: 'not_computed', reason: 'zero_denominator' }],
  ['-65 events in 100 are not computed (R stops: numerators must be >= 0): a negative input', -65, 100, PER_100000, { kind: 'not_computed', reason: 'negative_input' }],
  ['65 events in -100 are not computed (R stops: denominators must be greater than zero): a negative input', 65, -100, PER_100000, { kind: 'not_computed', reason: 'negative_input' }],
]);

describe('rate(numerator, denominator, { level, multiplier })', () => {
  for (const [title, numerator, denominator, options, expected] of CASES) {
    it(title, () => {
      const actual = rate(numerator, denominator, options);
      if (expected.kind === 'not_computed' || actual.kind === 'not_computed') {
        assert.deepEqual(actual, expected);
        return;
      }
      assert.equal(actual.method, expected.method);
      if (expected.lower === 0) assert.equal(actual.lower, 0);
      for (const key of ['value', 'lower', 'upper'] as const) {
        assert.ok(Math.abs(actual[key] - expected[key]) <= 1e-6 * Math.max(1, expected[key]), `${key} ${actual[key]}`);
      }
    });
  }

  it(`switches from the exact Poisson interval to Byar's at a numerator of ${EXACT_POISSON_BELOW}, also for fractional numerators`, () => {
    assert.equal(EXACT_POISSON_BELOW, 10);
    const methodAt = (numerator: number): RateMethod | 'not_computed' => {
      const result = rate(numerator, 1000, PER_100);
      return result.kind === 'ok' ? result.method : result.kind;
    };
    assert.deepEqual([0, 9, 9.99, 10, 11].map(methodAt), ['exact_poisson', 'exact_poisson', 'exact_poisson', 'byars', 'byars']);
  });

  it('returns a frozen result', () => {
    assert.ok(Object.isFrozen(rate(65, 100, PER_100000)));
    assert.ok(Object.isFrozen(rate(65, 0, PER_100000)));
  });

  it('throws a RangeError for a multiplier of zero or less, NaN or Infinity inputs, or a level other than 0.95 or 0.998', () => {
    for (const multiplier of [0, -1, Number.NaN]) {
      assert.throws(() => rate(65, 100, { level: 0.95, multiplier }), RangeError);
    }
    assert.throws(() => rate(Number.NaN, 100, PER_100000), RangeError);
    assert.throws(() => rate(65, Number.POSITIVE_INFINITY, PER_100000), RangeError);
    assert.throws(() => rate(65, 100, { level: 0.99 as ConfidenceLevel, multiplier: 100 }), RangeError);
  });
});

describe('rate(numerator, denominator, { level, multiplier }) has the shape of an interval', () => {
  it('contains the rate and is wider at 99.8% than at 95%, on both sides of the switch of method', () => {
    const sample = fc.tuple(fc.integer({ min: 1, max: 1_000_000 }), fc.integer({ min: 1, max: 100_000_000 }));
    fc.assert(
      fc.property(sample, ([numerator, denominator]) => {
        const narrow = rate(numerator, denominator, PER_100000);
        const wide = rate(numerator, denominator, { level: 0.998, multiplier: 100_000 });
        return (
          narrow.kind === 'ok' &&
          wide.kind === 'ok' &&
          narrow.method === wide.method &&
          0 < wide.lower &&
          wide.lower < narrow.lower &&
          narrow.lower < narrow.value &&
          narrow.value < narrow.upper &&
          narrow.upper < wide.upper
        );
      }),
    );
  });
});

/** The reference's 'method' column, in Lantern's words. */
function methodOf(label: string): RateMethod {
  if (label === 'Exact') return 'exact_poisson';
  if (label === 'Byars') return 'byars';
  throw new Error(`'${label}' is not a rate method in the reference tables`);
}

/**
 * A row whose numerator or denominator is empty: R's NA propagates and phe_rate leaves
 * value and limits empty (and the method too when the numerator is missing). Lantern's
 * functions take numbers only; a missing figure never reaches them as NaN, and NaN throws.
 */
function assertMissingInputRow(row: ReferenceRow, outputColumns: readonly string[], multiplier: number): void {
  for (const column of outputColumns) assert.equal(cell(row, column), '', `${column} is empty`);
  const numerator = numberCell(row, 'Numerator');
  if (numerator === undefined) assert.equal(cell(row, 'method'), '');
  else assert.equal(methodOf(cell(row, 'method')), numerator < EXACT_POISSON_BELOW ? 'exact_poisson' : 'byars');
  const denominator = numberCell(row, 'Denominator') ?? Number.NaN;
  assert.throws(() => rate(numerator ?? Number.NaN, denominator, { level: 0.95, multiplier }), RangeError);
}

function missingTitle(row: ReferenceRow, file: string): string {
  return `${cell(row, 'Area')}: numerator '${cell(row, 'Numerator')}', denominator '${cell(row, 'Denominator')}': a missing input leaves the row empty in R (NA); Lantern is not called with one, and NaN throws (${file})`;
}

describe('rate(numerator, denominator, { level, multiplier }) reproduces testdata_Rate__testdata_Rate.csv', () => {
  const FILE = 'testdata_Rate__testdata_Rate.csv';
  const rows = readReferenceTable(FILE);
  const LEVELS = Object.freeze([
    ['lower95_0cl', 'upper95_0cl', '95%'],
    ['lower99_8cl', 'upper99_8cl', '99.8%'],
  ] as const);

  it('checks all 20 rows: 8 areas per 100, the same 8 per 100,000, 3 with a missing input, and more events than people', () => {
    assert.equal(rows.length, 20);
  });

  for (const row of rows) {
    const multiplier = filledCell(row, 'multiplier');
    const numerator = numberCell(row, 'Numerator');
    const denominator = numberCell(row, 'Denominator');
    if (numerator === undefined || denominator === undefined) {
      it(missingTitle(row, FILE), () => {
        assertMissingInputRow(row, ['value', 'lower95_0cl', 'upper95_0cl', 'lower99_8cl', 'upper99_8cl'], multiplier);
      });
      continue;
    }
    for (const [lowerColumn, upperColumn, label] of LEVELS) {
      it(`${cell(row, 'Area')}: ${numerator} in ${denominator} per ${multiplier} at ${label} is ${cell(row, 'value')}, ${cell(row, lowerColumn)} to ${cell(row, upperColumn)} by ${cell(row, 'method')} (${FILE})`, () => {
        const result = rate(numerator, denominator, { level: levelOf(label), multiplier });
        assert.equal(result.kind, 'ok');
        if (result.kind !== 'ok') return;
        assert.equal(result.method, methodOf(cell(row, 'method')));
        assertClose(result.value, filledCell(row, 'value'), 'value');
        assertClose(result.lower, filledCell(row, lowerColumn), 'lower');
        assertClose(result.upper, filledCell(row, upperColumn), 'upper');
      });
    }
  }
});

describe('rate(numerator, denominator, { level, multiplier }) reproduces testdata_Rate__testdata_Rate_g.csv', () => {
  // The grouped results: each row's Numerator and Denominator are already the group's sums.
  const FILE = 'testdata_Rate__testdata_Rate_g.csv';
  const rows = readReferenceTable(FILE);

  it('checks all 12 rows: 8 grouped areas, 3 with a missing input, and more events than people', () => {
    assert.equal(rows.length, 12);
  });

  for (const row of rows) {
    const multiplier = filledCell(row, 'multiplier');
    const numerator = numberCell(row, 'Numerator');
    const denominator = numberCell(row, 'Denominator');
    const confidence = cell(row, 'confidence');
    if (numerator === undefined || denominator === undefined) {
      it(missingTitle(row, FILE), () => assertMissingInputRow(row, ['value', 'lowercl', 'uppercl'], multiplier));
      continue;
    }
    it(`${cell(row, 'Area')}: ${numerator} in ${denominator} per ${multiplier} at ${confidence} is ${cell(row, 'value')}, ${cell(row, 'lowercl')} to ${cell(row, 'uppercl')} by ${cell(row, 'method')} (${FILE})`, () => {
      const result = rate(numerator, denominator, { level: levelOf(confidence), multiplier });
      assert.equal(result.kind, 'ok');
      if (result.kind !== 'ok') return;
      assert.equal(result.method, methodOf(cell(row, 'method')));
      assertClose(result.value, filledCell(row, 'value'), 'value');
      assertClose(result.lower, filledCell(row, 'lowercl'), 'lower');
      assertClose(result.upper, filledCell(row, 'uppercl'), 'upper');
    });
  }
});
