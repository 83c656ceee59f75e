// Compare to benchmark: case tables per polarity, boundary cases, every row of
// PHEindicatormethods' testdata_Proportion (testdata_Prop.csv, in
// ../shared/data/pheindicatormethods-reference) against its pooled proportion, the
// words of the Fingertips extracts' compared_to_England column
// (../shared/data/fingertips-extracts), and properties.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { compareToBenchmark, describeSignificance, significanceLabel } from '../../../src/domain/benchmark/index.ts';
import type { BenchmarkComparison, Significance } from '../../../src/domain/benchmark/index.ts';
import type { Polarity } from '../../../src/domain/metric/index.ts';
import { proportion } from '../../../src/domain/stats/index.ts';
import type { ConfidenceLevel } from '../../../src/domain/stats/index.ts';
import { sharedFile } from '../../support/data.ts';
import { cell, numberCell, readReferenceTable } from '../../support/reference-table.ts';

type Interval = readonly [value: number | null, lower: number | null, upper: number | null, benchmark: number | null];
type Case = readonly [title: string, interval: Interval, expected: Significance];

/** The same seven situations, worded for each polarity. */
function casesFor(above: Significance, below: Significance): readonly Case[] {
  return Object.freeze<readonly Case[]>([
    [`an interval wholly above the benchmark (12, 11 to 13 against 10) is ${above}`, [12, 11, 13, 10], above],
    [`an interval wholly below the benchmark (8, 7 to 9 against 10) is ${below}`, [8, 7, 9, 10], below],
    ['an interval around the benchmark (10.5, 9 to 12 against 10) is similar', [10.5, 9, 12, 10], 'similar'],
    ['an interval whose lower limit touches the benchmark (12, 10 to 14 against 10) is similar', [12, 10, 14, 10], 'similar'],
    ['an interval whose upper limit touches the benchmark (8, 6 to 10 against 10) is similar', [8, 6, 10, 10], 'similar'],
    [`an interval a hair above the benchmark (lower limit 10 + 1e-12) is ${above}`, [12, 10 + 1e-12, 14, 10], above],
    [`a zero-width interval away from the benchmark (an exact 12 against 10) is ${above}`, [12, 12, 12, 10], above],
    ['a zero-width interval at the benchmark (an exact 10 against 10) is similar', [10, 10, 10, 10], 'similar'],
  ]);
}

const MISSING_CASES = Object.freeze<readonly Case[]>([
  ['a missing value is not_compared', [null, 11, 13, 10], 'not_compared'],
  ['a missing lower limit is not_compared', [12, null, 13, 10], 'not_compared'],
  ['a missing upper limit is not_compared', [12, 11, null, 10], 'not_compared'],
  ['a value published without an interval is not_compared', [12, null, null, 10], 'not_compared'],
  ['a missing benchmark is not_compared', [12, 11, 13, null], 'not_compared'],
]);

const TABLES = Object.freeze<readonly (readonly [Polarity, readonly Case[]])[]>([
  ['higher_is_better', casesFor('better', 'worse')],
  ['lower_is_better', casesFor('worse', 'better')],
  ['neutral', casesFor('higher', 'lower')],
]);

function comparison([value, lower, upper, benchmark]: Interval, polarity: Polarity): BenchmarkComparison {
  return Object.freeze({ value, lower, upper, benchmark, polarity });
}

describe('compareToBenchmark({ value, lower, upper, benchmark, polarity })', () => {
  for (const [polarity, cases] of TABLES) {
    describe(`for a ${polarity} metric`, () => {
      for (const [title, interval, expected] of [...cases, ...MISSING_CASES]) {
        it(title, () => {
          assert.equal(compareToBenchmark(comparison(interval, polarity)), expected);
        });
      }
    });
  }

  it('decides from the interval alone: a value near the benchmark with a narrow interval above it is significant', () => {
    assert.equal(compareToBenchmark(comparison([10.01, 10.005, 10.02, 10], 'higher_is_better')), 'better');
  });

  it('works on negative values (a gap, a change) as on positive ones', () => {
    assert.equal(compareToBenchmark(comparison([-5, -6, -4, 0], 'higher_is_better')), 'worse');
    assert.equal(compareToBenchmark(comparison([-5, -6, -4, -7], 'lower_is_better')), 'worse');
  });

  it('throws a RangeError for an interval the wrong way round, a value outside its interval, NaN or Infinity', () => {
    const bad: readonly Interval[] = [
      [12, 13, 11, 10],
      [14, 11, 13, 10],
      [10, 11, 13, 10],
      [Number.NaN, 11, 13, 10],
      [12, 11, Number.POSITIVE_INFINITY, 10],
      [12, 11, 13, Number.NaN],
    ];
    for (const interval of bad) assert.throws(() => compareToBenchmark(comparison(interval, 'neutral')), RangeError, String(interval));
  });

  it('throws a RangeError for a polarity outside Polarity (one that got past the type)', () => {
    assert.throws(() => compareToBenchmark(comparison([12, 11, 13, 10], 'sideways' as Polarity)), RangeError);
  });
});

describe('compareToBenchmark against testdata_Prop.csv and its pooled proportion', () => {
  const FILE = 'testdata_Proportion__testdata_Prop.csv';
  const rows = readReferenceTable(FILE);
  const ofOne = rows.filter((row) => cell(row, 'statistic') === 'proportion of 1');
  const counted = ofOne.flatMap((row) => {
    const numerator = numberCell(row, 'Numerator');
    const denominator = numberCell(row, 'Denominator');
    return numerator === undefined || denominator === undefined ? [] : [{ area: cell(row, 'Area'), numerator, denominator }];
  });
  // England-like: every area's numerator over every area's denominator (Area1 to Area8).
  const pooled = counted.reduce((sum, row) => sum + row.numerator, 0) / counted.reduce((sum, row) => sum + row.denominator, 0);

  function compareAt(numerator: number, denominator: number, level: ConfidenceLevel, multiplier: number, polarity: Polarity): Significance {
    const result = proportion(numerator, denominator, { level, multiplier });
    assert.equal(result.kind, 'ok');
    if (result.kind !== 'ok') return 'not_compared';
    return compareToBenchmark({ value: result.value, lower: result.lower, upper: result.upper, benchmark: pooled * multiplier, polarity });
  }

  it("reads eight counted areas and a pooled proportion of about 0.00103 (Area6's 7.6 billion denominator dominates)", () => {
    assert.equal(counted.length, 8);
    assert.ok(Math.abs(pooled - 0.0010295) < 1e-7, `pooled ${pooled}`);
  });

  // Worked out from the table's interval columns: Area1's 95% interval (0.00177 to 0.0545) clears
  // 0.00103, its 99.8% interval (0.000873 to 0.105) does not; Area6's intervals lie just below.
  const EXPECTED = Object.freeze<Readonly<Record<string, readonly [at95: Significance, at998: Significance]>>>({
    Area1: ['higher', 'similar'],
    Area2: ['higher', 'higher'],
    Area3: ['higher', 'higher'],
    Area4: ['higher', 'higher'],
    Area5: ['higher', 'higher'],
    Area6: ['lower', 'lower'],
    Area7: ['higher', 'higher'],
    Area8: ['higher', 'higher'],
  });

  it('finds Area1 higher at 95% but similar at 99.8%, Area6 lower at both, and every other area higher at both', () => {
    for (const { area, numerator, denominator } of counted) {
      const expected = EXPECTED[area];
      assert.ok(expected, area);
      assert.deepEqual([compareAt(numerator, denominator, 0.95, 1, 'neutral'), compareAt(numerator, denominator, 0.998, 1, 'neutral')], expected, area);
    }
  });

  it('words the same rows by polarity: Area6 is better for lower_is_better and worse for higher_is_better', () => {
    const area6 = counted.find((row) => row.area === 'Area6');
    assert.ok(area6);
    assert.equal(compareAt(area6.numerator, area6.denominator, 0.998, 1, 'lower_is_better'), 'better');
    assert.equal(compareAt(area6.numerator, area6.denominator, 0.998, 1, 'higher_is_better'), 'worse');
  });

  it("agrees with the table's own interval columns for every counted row, at 95% and 99.8%", () => {
    for (const row of ofOne) {
      const value = numberCell(row, 'value') ?? null;
      for (const [lowerColumn, upperColumn, level] of [
        ['lower95_0cl', 'upper95_0cl', 0.95],
        ['lower99_8cl', 'upper99_8cl', 0.998],
      ] as const) {
        const fromTable = compareToBenchmark({
          value,
          lower: numberCell(row, lowerColumn) ?? null,
          upper: numberCell(row, upperColumn) ?? null,
          benchmark: pooled,
          polarity: 'neutral',
        });
        const numerator = numberCell(row, 'Numerator');
        const denominator = numberCell(row, 'Denominator');
        const recomputed = numerator === undefined || denominator === undefined ? 'not_compared' : compareAt(numerator, denominator, level, 1, 'neutral');
        assert.equal(fromTable, recomputed, `${cell(row, 'Area')} at ${level}`);
      }
    }
  });

  it('is not_compared for the rows with a missing numerator or denominator (Area09, Area10, Area11)', () => {
    const missing = ofOne.filter((row) => numberCell(row, 'value') === undefined);
    assert.deepEqual(
      missing.map((row) => cell(row, 'Area')),
      ['Area09', 'Area10', 'Area11'],
    );
    for (const row of missing) {
      assert.equal(compareToBenchmark({ value: null, lower: null, upper: null, benchmark: pooled, polarity: 'higher_is_better' }), 'not_compared');
      assert.equal(numberCell(row, 'lower95_0cl'), undefined);
    }
  });

  it('never finds a row significant at 99.8% that is not significant, the same way, at 95%', () => {
    for (const { area, numerator, denominator } of counted) {
      for (const polarity of ['higher_is_better', 'lower_is_better', 'neutral'] as const) {
        const strict = compareAt(numerator, denominator, 0.998, 1, polarity);
        const loose = compareAt(numerator, denominator, 0.95, 1, polarity);
        if (strict !== 'similar') assert.equal(loose, strict, `${area}, ${polarity}`);
      }
    }
  });

  it('gives each percentage row the answer of its proportion-of-1 row (the scale does not matter)', () => {
    for (const { area, numerator, denominator } of counted) {
      for (const level of [0.95, 0.998] as const) {
        assert.equal(compareAt(numerator, denominator, level, 100, 'lower_is_better'), compareAt(numerator, denominator, level, 1, 'lower_is_better'), area);
      }
    }
  });
});

describe('significanceLabel(significance) and describeSignificance(significance, benchmarkName)', () => {
  const WORDS = Object.freeze<readonly (readonly [Significance, string, string])[]>([
    ['better', 'Better', 'Better than England'],
    ['similar', 'Similar', 'Similar to England'],
    ['worse', 'Worse', 'Worse than England'],
    ['higher', 'Higher', 'Higher than England'],
    ['lower', 'Lower', 'Lower than England'],
    ['not_compared', 'Not compared', 'Not compared with England'],
  ]);
  for (const [significance, label, phrase] of WORDS) {
    it(`words ${significance} as '${label}' and, against England, '${phrase}'`, () => {
      assert.equal(significanceLabel(significance), label);
      assert.equal(describeSignificance(significance, 'England'), phrase);
    });
  }

  it("names whichever benchmark it is given: 'Worse than North West region'", () => {
    assert.equal(describeSignificance('worse', 'North West region'), 'Worse than North West region');
  });

  it("has a label for every word in the Fingertips extracts' compared_to_England column", () => {
    const labels = new Set(WORDS.map(([significance]) => significanceLabel(significance)));
    const seen = new Set<string>();
    for (const file of readdirSync(sharedFile('fingertips-extracts')).filter((name) => name.endsWith('.csv'))) {
      const parsed = Papa.parse<Record<string, string>>(readFileSync(sharedFile('fingertips-extracts', file), 'utf8'), { header: true, skipEmptyLines: true });
      for (const row of parsed.data) {
        const word = row.compared_to_England;
        if (word !== undefined && word !== 'NA') seen.add(word);
      }
    }
    assert.deepEqual([...seen].sort(), ['Better', 'Higher', 'Lower', 'Not compared', 'Similar', 'Worse']);
    for (const word of seen) assert.ok(labels.has(word), word);
  });
});

describe('compareToBenchmark properties', () => {
  const finite = fc.double({ min: -1e6, max: 1e6, noNaN: true });
  const sorted3 = fc.tuple(finite, finite, finite).map((three) => [...three].sort((a, b) => a - b) as [number, number, number]);
  const polarity = fc.constantFrom<Polarity>('higher_is_better', 'lower_is_better', 'neutral');

  it('is similar whenever the benchmark lies inside the interval, ends included', () => {
    fc.assert(
      fc.property(sorted3, fc.double({ min: 0, max: 1, noNaN: true }), polarity, ([lower, value, upper], share, metricPolarity) => {
        const benchmark = Math.min(upper, Math.max(lower, lower + share * (upper - lower)));
        return compareToBenchmark({ value, lower, upper, benchmark, polarity: metricPolarity }) === 'similar';
      }),
    );
  });

  it("gives opposite answers for higher_is_better and lower_is_better, and neutral's higher/lower otherwise", () => {
    const opposite: Readonly<Record<Significance, Significance>> = Object.freeze({
      better: 'worse',
      worse: 'better',
      similar: 'similar',
      higher: 'lower',
      lower: 'higher',
      not_compared: 'not_compared',
    });
    const neutralFor: Readonly<Record<Significance, Significance>> = Object.freeze({
      better: 'higher',
      worse: 'lower',
      similar: 'similar',
      higher: 'higher',
      lower: 'lower',
      not_compared: 'not_compared',
    });
    fc.assert(
      fc.property(sorted3, finite, ([lower, value, upper], benchmark) => {
        const input = { value, lower, upper, benchmark };
        const higherBetter = compareToBenchmark({ ...input, polarity: 'higher_is_better' });
        return compareToBenchmark({ ...input, polarity: 'lower_is_better' }) === opposite[higherBetter] && compareToBenchmark({ ...input, polarity: 'neutral' }) === neutralFor[higherBetter];
      }),
    );
  });

  it('never reverses when the interval widens (a wider interval, as at 99.8%, is the same answer or similar)', () => {
    fc.assert(
      fc.property(sorted3, finite, fc.double({ min: 0, max: 1e3, noNaN: true }), polarity, ([lower, value, upper], benchmark, widen, metricPolarity) => {
        const narrow = compareToBenchmark({ value, lower, upper, benchmark, polarity: metricPolarity });
        const wide = compareToBenchmark({ value, lower: lower - widen, upper: upper + widen, benchmark, polarity: metricPolarity });
        return wide === narrow || wide === 'similar';
      }),
    );
  });
});
