// Quantiles within a group: cases worked by hand, every row of PHEindicatormethods'
// testdata_Quantiles (../shared/data/pheindicatormethods-reference), and properties.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import Papa from 'papaparse';
import { assignQuantiles, quantileOf } from '../../../src/domain/benchmark/index.ts';
import type { Quantile } from '../../../src/domain/benchmark/index.ts';
import type { Polarity } from '../../../src/domain/metric/index.ts';
import { sharedFile } from '../../support/data.ts';

function quantilesOf(values: readonly (number | null)[], n: number, polarity: Polarity): readonly (number | null)[] {
  return assignQuantiles(values, n, polarity).map((quantile) => (quantile.kind === 'ok' ? quantile.quantile : null));
}

function rankRange(count: number): readonly number[] {
  return Array.from({ length: count }, (_, index) => index + 1);
}

describe('quantileOf(rank, rankedCount, n)', () => {
  type Case = readonly [title: string, rankedCount: number, n: number, quantiles: readonly number[]];
  const CASES: readonly Case[] = Object.freeze([
    ['8 values fall two to each quartile', 8, 4, [1, 1, 2, 2, 3, 3, 4, 4]],
    ['10 values fall one to each decile', 10, 10, [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]],
    ['12 values in deciles: the two spare values go to deciles 1 and 6 (the North East in testdata_Quantiles)', 12, 10, [1, 1, 2, 3, 4, 5, 6, 6, 7, 8, 9, 10]],
    ['6 values in quintiles: the spare value goes to quintile 1', 6, 5, [1, 1, 2, 3, 4, 5]],
    ['a group of one in one quantile is quantile 1', 1, 1, [1]],
  ]);
  for (const [title, rankedCount, n, quantiles] of CASES) {
    it(title, () => {
      assert.deepEqual(
        rankRange(rankedCount).map((rank) => quantileOf(rank, rankedCount, n)),
        quantiles.map((quantile) => ({ kind: 'ok', quantile })),
      );
    });
  }

  it('puts rank 1 in quantile 1 where floating point takes the formula to 0: 17 values in septiles (17 / (17 / 7) rounds up past 7)', () => {
    assert.ok(Math.ceil(17 / (17 / 7)) > 7);
    assert.deepEqual(quantileOf(1, 17, 7), { kind: 'ok', quantile: 1 });
  });

  it('is not computed when the group has fewer values than quantiles', () => {
    assert.deepEqual(quantileOf(1, 9, 10), { kind: 'not_computed', reason: 'too_few_values' });
    assert.deepEqual(quantileOf(1, 1, 4), { kind: 'not_computed', reason: 'too_few_values' });
  });

  it('throws a RangeError for a rank outside 1..rankedCount, or counts that are not whole numbers of 1 or more', () => {
    assert.throws(() => quantileOf(0, 10, 4), RangeError);
    assert.throws(() => quantileOf(11, 10, 4), RangeError);
    assert.throws(() => quantileOf(1.5, 10, 4), RangeError);
    assert.throws(() => quantileOf(1, 10, 0), RangeError);
    assert.throws(() => quantileOf(1, 10, 2.5), RangeError);
    assert.throws(() => quantileOf(1, 0, 4), RangeError);
  });
});

describe('assignQuantiles(values, n, polarity)', () => {
  it('puts the best values in quantile 1: the highest for higher_is_better', () => {
    assert.deepEqual(quantilesOf(Object.freeze([10, 40, 20, 30]), 4, 'higher_is_better'), [4, 1, 3, 2]);
  });

  it('puts the best values in quantile 1: the lowest for lower_is_better', () => {
    assert.deepEqual(quantilesOf(Object.freeze([10, 40, 20, 30]), 4, 'lower_is_better'), [1, 4, 2, 3]);
  });

  it('treats neutral as higher_is_better: the highest values in quantile 1', () => {
    assert.deepEqual(quantilesOf(Object.freeze([10, 40, 20, 30]), 4, 'neutral'), [4, 1, 3, 2]);
  });

  it('keeps equal values together in the quantile of their shared rank', () => {
    // Ranks 1, 2, 2, 2, 5, 6, 7, 8: the three tied for 2nd all go to quartile 1.
    assert.deepEqual(quantilesOf(Object.freeze([9, 8, 8, 8, 5, 4, 3, 2]), 4, 'higher_is_better'), [1, 1, 1, 1, 3, 3, 4, 4]);
  });

  it('puts every value in quantile 1 when all values are equal', () => {
    assert.deepEqual(quantilesOf(Object.freeze([3, 3, 3, 3, 3]), 5, 'lower_is_better'), [1, 1, 1, 1, 1]);
  });

  it('gives a group of one a rank but no quartile', () => {
    assert.deepEqual(assignQuantiles(Object.freeze([12.5]), 4, 'higher_is_better'), [{ kind: 'not_computed', reason: 'too_few_values', rank: 1 }]);
  });

  it('leaves missing values out, and counts only the values present towards "too few"', () => {
    assert.deepEqual(assignQuantiles(Object.freeze([null, 2, 1, null, 4, 3]), 4, 'higher_is_better'), [
      { kind: 'not_computed', reason: 'missing_value' },
      { kind: 'ok', rank: 3, quantile: 3 },
      { kind: 'ok', rank: 4, quantile: 4 },
      { kind: 'not_computed', reason: 'missing_value' },
      { kind: 'ok', rank: 1, quantile: 1 },
      { kind: 'ok', rank: 2, quantile: 2 },
    ]);
    assert.deepEqual(quantilesOf(Object.freeze([null, 2, 1, null]), 4, 'higher_is_better'), [null, null, null, null]);
  });

  it('throws a RangeError for NaN among the values or a number of quantiles below 1', () => {
    assert.throws(() => assignQuantiles(Object.freeze([1, Number.NaN]), 4, 'higher_is_better'), RangeError);
    assert.throws(() => assignQuantiles(Object.freeze([1, 2]), 0, 'higher_is_better'), RangeError);
  });

  it('returns frozen results and leaves its frozen input alone', () => {
    const quantiles = assignQuantiles(Object.freeze([1, null, 3, 2]), 2, 'lower_is_better');
    assert.ok(Object.isFrozen(quantiles));
    for (const quantile of quantiles) assert.ok(Object.isFrozen(quantile));
  });
});

// ---------------------------------------------------------------------------
// testdata_Quantiles: real indicator values for English areas (two OHID
// indicators, plus made-up groups with ties), each with the rank and quantile
// phe_quantile gives it within its group. How the R tests form the groups
// (tests/testthat/testQuantiles.R, data-raw/LoadTestdata.R):
//   GroupSet 'IndSexReg'  within IndSexRef and ParentCode (region), deciles,
//                         invert from the Polarity column
//   GroupSet 'IndSex'     within IndSexRef (England), septiles (7), invert from Polarity
//   GroupSet 'None'       every such row in one group, quartiles, invert = TRUE
//                         (phe_quantile's default) whatever the Polarity column says
// Polarity 'RAG - Low is good' and 'TRUE' are invert = TRUE: highest values in
// quantile 1, which is Lantern's higher_is_better (see quantile.ts); 'RAG - High
// is good' and 'FALSE' are invert = FALSE, lower_is_better.
// Rows whose Test is 'Gooddata' or 'GooddataDups' (ties) are computed; the
// 'BadPolarity' rows are one group whose rows disagree on invert, which
// phe_quantile refuses ("invert field values must take the same logical value
// for each data grouping set").

type QuantileRow = Readonly<Record<string, string>>;

const QUANTILE_FILE = 'testdata_Quantiles__testdata_Quantiles.csv';
const QUANTILES_BY_NAME: ReadonlyMap<string, number> = new Map([
  ['Quartile', 4],
  ['Quintile', 5],
  ['Septile', 7],
  ['Decile', 10],
]);

function readQuantileRows(): readonly QuantileRow[] {
  const text = readFileSync(sharedFile('pheindicatormethods-reference', QUANTILE_FILE), 'utf8');
  const parsed = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true });
  assert.deepEqual(parsed.errors, []);
  return Object.freeze(parsed.data.map((row) => Object.freeze({ ...row })));
}

function field(row: QuantileRow, column: string): string {
  const text = row[column];
  if (text === undefined) throw new Error(`${QUANTILE_FILE} has no column '${column}'`);
  return text.trim();
}

function numberField(row: QuantileRow, column: string): number | null {
  const text = field(row, column);
  if (text === '') return null;
  const value = Number(text);
  assert.ok(Number.isFinite(value), `'${text}' in ${column} is a number`);
  return value;
}

function invertOf(row: QuantileRow): boolean {
  const polarity = field(row, 'Polarity');
  if (polarity === 'RAG - Low is good' || polarity === 'TRUE') return true;
  if (polarity === 'RAG - High is good' || polarity === 'FALSE') return false;
  throw new Error(`unexpected Polarity '${polarity}'`);
}

interface Group {
  readonly key: string;
  readonly rows: readonly QuantileRow[];
  readonly n: number;
  /** phe_quantile's invert for the group, or 'mixed' where its rows disagree. */
  readonly invert: boolean | 'mixed';
}

function groupsOf(rows: readonly QuantileRow[]): readonly Group[] {
  const byKey = new Map<string, QuantileRow[]>();
  for (const row of rows) {
    const groupSet = field(row, 'GroupSet');
    const key =
      groupSet === 'IndSexReg'
        ? `${groupSet} ${field(row, 'IndSexRef')} ${field(row, 'ParentCode')}`
        : groupSet === 'IndSex'
          ? `${groupSet} ${field(row, 'IndSexRef')}`
          : groupSet === 'None'
            ? groupSet
            : assert.fail(`unexpected GroupSet '${groupSet}'`);
    byKey.set(key, [...(byKey.get(key) ?? []), row]);
  }
  return [...byKey].map(([key, groupRows]) => {
    const names = new Set(groupRows.map((row) => field(row, 'QuantileNm')));
    assert.equal(names.size, 1, `${key} has one QuantileNm`);
    const n = QUANTILES_BY_NAME.get([...names][0] ?? '');
    if (n === undefined) throw new Error(`${key}: unexpected QuantileNm ${[...names].join()}`);
    const inverts = new Set(groupRows.map(invertOf));
    const invert = key === 'None' ? true : inverts.size === 1 ? ([...inverts][0] ?? 'mixed') : 'mixed';
    return { key, rows: groupRows, n, invert };
  });
}

function expectedQuantile(row: QuantileRow): Quantile {
  const quantile = numberField(row, 'QuantileInGrp');
  const rank = numberField(row, 'RankinGrp');
  if (numberField(row, 'Value') === null) return { kind: 'not_computed', reason: 'missing_value' };
  assert.ok(rank !== null, 'a row with a value has a RankinGrp');
  return quantile === null ? { kind: 'not_computed', reason: 'too_few_values', rank } : { kind: 'ok', rank, quantile };
}

describe(`assignQuantiles(values, n, polarity) reproduces ${QUANTILE_FILE}`, () => {
  const rows = readQuantileRows();
  const good = rows.filter((row) => field(row, 'Test').startsWith('Good'));
  const bad = rows.filter((row) => !field(row, 'Test').startsWith('Good'));

  it('has 1017 rows: 982 of good data in 22 groups and 35 BadPolarity rows in one', () => {
    assert.equal(rows.length, 1017);
    assert.equal(good.length, 982);
    assert.equal(bad.length, 35);
    assert.equal(groupsOf(good).length, 22);
    assert.deepEqual(new Set(bad.map((row) => field(row, 'Test'))), new Set(['BadPolarity']));
  });

  for (const group of groupsOf(good)) {
    const values = group.rows.map((row) => numberField(row, 'Value'));
    const present = values.filter((value) => value !== null).length;
    it(`${group.key}: ${group.rows.length} rows (${present} with values) in ${group.n} quantiles, invert = ${String(group.invert)}`, () => {
      assert.notEqual(group.invert, 'mixed');
      const polarity: Polarity = group.invert === true ? 'higher_is_better' : 'lower_is_better';
      const quantiles = assignQuantiles(values, group.n, polarity);
      group.rows.forEach((row, index) => {
        assert.deepEqual(quantiles[index], expectedQuantile(row), `${field(row, 'AreaCode')} (${field(row, 'Value') || 'no value'})`);
        const rowsInGroup = numberField(row, 'RowsInGrp');
        if (rowsInGroup !== null) assert.equal(rowsInGroup, present, 'RowsInGrp counts the values present');
      });
    });
  }

  it('has the BadPolarity group refused: its rows disagree on invert, so no one polarity can be given for it', () => {
    const groups = groupsOf(bad);
    assert.equal(groups.length, 1);
    assert.equal(groups[0]?.invert, 'mixed');
  });
});

// ---------------------------------------------------------------------------

const POLARITY = fc.constantFrom<Polarity>('higher_is_better', 'lower_is_better', 'neutral');
const N = fc.constantFrom(4, 5, 10);
const VALUES = fc.array(fc.option(fc.integer({ min: -30, max: 30 }), { nil: null, freq: 6 }), { maxLength: 60 });
const SHUFFLED = VALUES.chain((values) => fc.tuple(fc.constant(values), fc.shuffledSubarray([...values.keys()], { minLength: values.length })));
const DISTINCT = fc.uniqueArray(fc.double({ noNaN: true, noDefaultInfinity: true }), {
  minLength: 1,
  maxLength: 60,
  comparator: (a, b) => a === b,
});

function quantileNumber(quantile: Quantile | undefined): number {
  assert.ok(quantile !== undefined && quantile.kind === 'ok');
  return quantile.quantile;
}

describe('assignQuantiles(values, n, polarity) for any values', () => {
  it('does not depend on the order the values come in', () => {
    fc.assert(
      fc.property(SHUFFLED, N, POLARITY, ([values, order], n, polarity) => {
        const quantiles = assignQuantiles(values, n, polarity);
        const shuffled = assignQuantiles(
          order.map((index) => values[index] ?? null),
          n,
          polarity,
        );
        order.forEach((index, position) => assert.deepEqual(shuffled[position], quantiles[index]));
      }),
    );
  });

  it('gives equal values the same rank and the same quantile', () => {
    fc.assert(
      fc.property(VALUES, N, POLARITY, (values, n, polarity) => {
        const quantiles = assignQuantiles(values, n, polarity);
        values.forEach((a, i) =>
          values.forEach((b, j) => {
            if (a !== null && a === b) assert.deepEqual(quantiles[i], quantiles[j]);
          }),
        );
      }),
    );
  });

  it('numbers quantiles 1 to n, never a better value in a later quantile, when there are at least n values', () => {
    fc.assert(
      fc.property(VALUES, N, POLARITY, (values, n, polarity) => {
        const quantiles = assignQuantiles(values, n, polarity);
        const present = values.filter((value) => value !== null).length;
        quantiles.forEach((quantile, index) => {
          if (values[index] === null) return assert.deepEqual(quantile, { kind: 'not_computed', reason: 'missing_value' });
          if (present < n) return assert.equal(quantile.kind === 'not_computed' && quantile.reason, 'too_few_values');
          const q = quantileNumber(quantile);
          assert.ok(Number.isInteger(q) && q >= 1 && q <= n, `quantile ${q} of ${n}`);
          quantiles.forEach((other, j) => {
            if (other.kind === 'ok' && quantile.kind === 'ok' && other.rank < quantile.rank) {
              assert.ok(quantileNumber(quantiles[j]) <= q);
            }
          });
        });
      }),
    );
  });

  it('uses every quantile from 1 to n when the values are distinct and there are at least n of them', () => {
    fc.assert(
      fc.property(DISTINCT, N, POLARITY, (values, n, polarity) => {
        fc.pre(values.length >= n);
        const used = new Set(assignQuantiles(values, n, polarity).map(quantileNumber));
        assert.deepEqual(
          [...used].sort((a, b) => a - b),
          rankRange(n),
        );
      }),
    );
  });

  it('reverses the order for distinct values when polarity flips between higher and lower is better', () => {
    fc.assert(
      fc.property(DISTINCT, N, (values, n) => {
        fc.pre(values.length >= n);
        const higher = assignQuantiles(values, n, 'higher_is_better');
        const lower = assignQuantiles(values, n, 'lower_is_better');
        values.forEach((a, i) =>
          values.forEach((b, j) => {
            if (a > b) {
              assert.ok(quantileNumber(higher[i]) <= quantileNumber(higher[j]));
              assert.ok(quantileNumber(lower[i]) >= quantileNumber(lower[j]));
            }
          }),
        );
      }),
    );
  });

  it('gives a group of one a rank and, for quartiles, quintiles and deciles, no quantile', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), N, POLARITY, (value, n, polarity) => {
        assert.deepEqual(assignQuantiles([value], n, polarity), [{ kind: 'not_computed', reason: 'too_few_values', rank: 1 }]);
      }),
    );
  });

  it('puts every value in quantile 1 when all values are equal', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 10, max: 50 }), N, POLARITY, (value, count, n, polarity) => {
        const quantiles = assignQuantiles(
          Array.from({ length: count }, () => value),
          n,
          polarity,
        );
        for (const quantile of quantiles) assert.deepEqual(quantile, { kind: 'ok', rank: 1, quantile: 1 });
      }),
    );
  });

  it('ignores missing values: the others fall as they would without them', () => {
    fc.assert(
      fc.property(VALUES, N, POLARITY, (values, n, polarity) => {
        const present = values.filter((value): value is number => value !== null);
        const quantiles = assignQuantiles(values, n, polarity).filter((quantile) => quantile.kind !== 'not_computed' || quantile.reason !== 'missing_value');
        assert.deepEqual(quantiles, assignQuantiles(present, n, polarity));
      }),
    );
  });
});
