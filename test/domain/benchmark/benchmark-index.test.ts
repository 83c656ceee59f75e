// The benchmark index: how SeriesBuilder lays rows out in period slices, how a
// slice finds an area, what the index holds and how big it is.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BenchmarkIndex, PeriodSlice, SeriesBuilder } from '../../../src/domain/benchmark/benchmark-index.ts';
import type { IndexArea, SliceRow } from '../../../src/domain/benchmark/benchmark-index.ts';
import { buildIndex, buildSlices, indexArea, indexMetric, type Row } from '../../support/benchmark-index.ts';

const AREAS: readonly IndexArea[] = Object.freeze([
  indexArea('E92000001', 'England', 'england'),
  indexArea('E12000001', 'North East', 'region'),
  indexArea('E10000006', 'Cumbria', 'county', { regionCode: 'E12000002', endDate: '2023-03-31', successorCodes: ['E06000063', 'E06000064'] }),
  indexArea('E07000026', 'Allerdale', 'district', { regionCode: 'E12000002', endDate: '2023-03-31', successorCodes: ['E06000063'] }),
  indexArea('E07000028', 'Carlisle', 'district', { regionCode: 'E12000002', endDate: '2023-03-31', successorCodes: ['E06000063'] }),
  indexArea('E06000063', 'Cumberland', 'unitary', { regionCode: 'E12000002', startDate: '2023-04-01' }),
  indexArea('E06000064', 'Westmorland and Furness', 'unitary', { regionCode: 'E12000002', startDate: '2023-04-01' }),
  indexArea('E10000027', 'Somerset', 'county', { regionCode: 'E12000009', endDate: '2023-03-31', successorCodes: ['E06000066'] }),
  indexArea('E06000066', 'Somerset', 'unitary', { regionCode: 'E12000009', startDate: '2023-04-01' }),
]);

/** A slice row with no bounds or counts. */
function valueRow(area: number, value: number | null): SliceRow {
  return Object.freeze({ area, value, lowerCi: null, upperCi: null, numerator: null, denominator: null });
}

describe('SeriesBuilder', () => {
  it('orders slices by end date, and a longer span ending on the same day first', () => {
    const slices = buildSlices(
      AREAS,
      Object.freeze<Row[]>([
        ['2020/21', 'E06000063', 3],
        ['2019', 'E06000063', 1],
        ['2019/20', 'E06000063', 2],
        ['2017 - 19', 'E06000063', 0],
        ['2020/21 Q1', 'E06000063', 2.5],
      ]),
    );
    assert.deepEqual(
      slices.map((s) => [s.period, s.start, s.end]),
      [
        ['2017 - 19', '2017-01-01', '2019-12-31'],
        ['2019', '2019-01-01', '2019-12-31'],
        ['2019/20', '2019-04-01', '2020-03-31'],
        ['2020/21 Q1', '2020-04-01', '2020-06-30'],
        ['2020/21', '2020-04-01', '2021-03-31'],
      ],
    );
  });

  it('orders the areas of a slice ascending, each with its own figures', () => {
    const builder = new SeriesBuilder();
    builder.add('2020', '2020-01-01', '2020-12-31', Object.freeze({ area: 5, value: 50, lowerCi: 45, upperCi: 55, numerator: 5, denominator: 10 }));
    builder.add('2020', '2020-01-01', '2020-12-31', Object.freeze({ area: 0, value: 0.5, lowerCi: null, upperCi: null, numerator: null, denominator: null }));
    builder.add('2020', '2020-01-01', '2020-12-31', Object.freeze({ area: 3, value: null, lowerCi: 1, upperCi: 2, numerator: 3, denominator: null }));
    const [slice] = builder.build();
    assert.ok(slice);
    assert.deepEqual([...slice.areas], [0, 3, 5]);
    assert.deepEqual([...slice.values], [0.5, Number.NaN, 50]);
    assert.deepEqual([...(slice.bounds?.lower ?? [])], [Number.NaN, 1, 45]);
    assert.deepEqual([...(slice.bounds?.upper ?? [])], [Number.NaN, 2, 55]);
    assert.deepEqual([...(slice.counts?.numerator ?? [])], [Number.NaN, 3, 5]);
    assert.deepEqual([...(slice.counts?.denominator ?? [])], [Number.NaN, Number.NaN, 10]);
  });

  it('makes no slices from no rows', () => assert.deepEqual(new SeriesBuilder().build(), []));

  it('refuses a slice of more rows than there can be areas, rather than misfile them', () => {
    const builder = new SeriesBuilder();
    for (let i = 0; i <= 0x10000; i++) builder.add('2020', '2020-01-01', '2020-12-31', valueRow((0x10000 - i) % 0x10000, i));
    assert.throws(() => builder.build(), /a period slice holds one row per area, at most 65,536 rows, not 65,537/);
  });

  /** Distinct years, each with distinct area numbers and values: every row of a series. */
  const SERIES = fc
    .uniqueArray(fc.integer({ min: 1990, max: 2030 }), { minLength: 1, maxLength: 8 })
    .chain((years) =>
      fc.tuple(
        ...years.map((year) =>
          fc
            .uniqueArray(fc.integer({ min: 0, max: 65_534 }), { minLength: 1, maxLength: 12 })
            .map((areas) => areas.map((area, i) => ({ year, area, value: i % 3 === 0 ? null : year + area / 100_000 }))),
        ),
      ),
    )
    .map((byYear) => byYear.flat());
  const SHUFFLED = SERIES.chain((rows) => fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length }).map((order) => [rows, order] as const));

  it('makes the same slices whatever order the rows come in: periods by end date, areas ascending', () => {
    fc.assert(
      fc.property(SHUFFLED, ([rows, order]) => {
        const builder = new SeriesBuilder();
        for (const { year, area, value } of order) builder.add(String(year), `${year}-01-01`, `${year}-12-31`, valueRow(area, value));
        const slices = builder.build();
        const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
        assert.deepEqual(
          slices.map((s) => s.period),
          years.map(String),
        );
        for (const slice of slices) {
          const expected = rows.filter((r) => String(r.year) === slice.period).sort((a, b) => a.area - b.area);
          assert.deepEqual(
            [...slice.areas],
            expected.map((r) => r.area),
          );
          assert.deepEqual(
            expected.map((_, p) => slice.value(p)),
            expected.map((r) => r.value),
          );
          assert.equal(slice.bounds, undefined);
          assert.equal(slice.counts, undefined);
        }
      }),
    );
  });
});

describe('SeriesBuilder: bounds and counts arrays', () => {
  type Case = readonly [title: string, rows: readonly SliceRow[], bounds: boolean, counts: boolean];
  const ROW = Object.freeze({ area: 1, value: 5, lowerCi: null, upperCi: null, numerator: null, denominator: null });
  const CASES: readonly Case[] = Object.freeze([
    ['no row has bounds or counts: neither array', Object.freeze([ROW, { ...ROW, area: 2 }]), false, false],
    ['one row has both bounds: bounds arrays', Object.freeze([ROW, { ...ROW, area: 2, lowerCi: 4, upperCi: 6 }]), true, false],
    ['one row has a lower bound only: bounds arrays all the same', Object.freeze([ROW, { ...ROW, area: 2, lowerCi: 4 }]), true, false],
    ['one row has an upper bound only: bounds arrays all the same', Object.freeze([{ ...ROW, upperCi: 6 }]), true, false],
    ['one row has a numerator and a denominator: counts arrays', Object.freeze([ROW, { ...ROW, area: 2, numerator: 1, denominator: 20 }]), false, true],
    [
      'numerators without any denominator: no counts arrays',
      Object.freeze([
        { ...ROW, numerator: 1 },
        { ...ROW, area: 2, numerator: 2 },
      ]),
      false,
      false,
    ],
    ['denominators without any numerator: no counts arrays', Object.freeze([{ ...ROW, denominator: 10 }]), false, false],
    [
      'a numerator on one row and a denominator on another: no counts arrays, for no row has both',
      Object.freeze([
        { ...ROW, numerator: 1 },
        { ...ROW, area: 2, denominator: 9 },
      ]),
      false,
      false,
    ],
    ['a suppressed row with every figure: both', Object.freeze([{ area: 3, value: null, lowerCi: 1, upperCi: 2, numerator: 3, denominator: 4 }]), true, true],
  ]);
  for (const [title, rows, bounds, counts] of CASES) {
    it(title, () => {
      const builder = new SeriesBuilder();
      for (const row of rows) builder.add('2021', '2021-01-01', '2021-12-31', row);
      const [slice] = builder.build();
      assert.equal(slice?.bounds !== undefined, bounds);
      assert.equal(slice?.counts !== undefined, counts);
    });
  }

  it('decides per slice: a period without bounds has no bounds arrays though another period has them', () => {
    const slices = buildSlices(
      AREAS,
      Object.freeze<Row[]>([
        ['2019', 'E06000063', 10, 9, 11],
        ['2020', 'E06000063', 12],
      ]),
    );
    assert.deepEqual(
      slices.map((s) => [s.period, s.bounds !== undefined]),
      [
        ['2019', true],
        ['2020', false],
      ],
    );
  });
});

describe('PeriodSlice.position(area) and value(position)', () => {
  const SLICE = new PeriodSlice('2020', '2020-01-01', '2020-12-31', Uint16Array.from([2, 5, 7, 40, 65_534]), Float64Array.from([1, Number.NaN, 3, 4, 5]), undefined, undefined);
  type Case = readonly [title: string, area: number, position: number];
  const CASES: readonly Case[] = Object.freeze([
    ['finds the first area', 2, 0],
    ['finds an area in the middle', 7, 2],
    ['finds the last area, numbered 65,534', 65_534, 4],
    ['finds an area whose value is suppressed', 5, 1],
    ['says -1 for an area below the first', 0, -1],
    ['says -1 for an area between two', 6, -1],
    ['says -1 for an area above the last', 65_535, -1],
    ['says -1 for a negative number', -1, -1],
  ]);
  for (const [title, area, position] of CASES) {
    it(title, () => assert.equal(SLICE.position(area), position));
  }

  it('says -1 for any area of an empty slice', () => {
    const empty = new PeriodSlice('2020', '2020-01-01', '2020-12-31', new Uint16Array(0), new Float64Array(0), undefined, undefined);
    assert.equal(empty.position(0), -1);
  });

  it('gives a value, or null for a suppressed one', () => {
    assert.equal(SLICE.value(0), 1);
    assert.equal(SLICE.value(1), null);
  });

  it('finds every area it holds and no other, for any areas', () => {
    fc.assert(
      fc.property(fc.uniqueArray(fc.integer({ min: 0, max: 65_535 }), { maxLength: 200 }), fc.integer({ min: 0, max: 65_535 }), (areas, probe) => {
        const sorted = [...areas].sort((a, b) => a - b);
        const slice = new PeriodSlice('2020', '2020-01-01', '2020-12-31', Uint16Array.from(sorted), new Float64Array(sorted.length), undefined, undefined);
        sorted.forEach((area, i) => assert.equal(slice.position(area), i));
        assert.equal(slice.position(probe), sorted.indexOf(probe));
      }),
    );
  });

  it('works out a group figure once and keeps it', () => {
    const slice = new PeriodSlice('2020', '2020-01-01', '2020-12-31', new Uint16Array(0), new Float64Array(0), undefined, undefined);
    let made = 0;
    const first = slice.cached('england:lower:', () => ({ made: ++made }));
    const second = slice.cached('england:lower:', () => ({ made: ++made }));
    const other = slice.cached('region:lower:E12000001', () => ({ made: ++made }));
    assert.equal(second, first);
    assert.deepEqual([first, other, made], [{ made: 1 }, { made: 2 }, 2]);
  });
});

describe('BenchmarkIndex', () => {
  it('numbers areas by their place in the list and finds them by code', () => {
    const index = new BenchmarkIndex(AREAS);
    assert.equal(index.areaNumber('E92000001'), 0);
    assert.equal(index.areaNumber('E06000066'), 8);
    assert.equal(index.areaNumber('W06000015'), undefined);
    assert.equal(index.area('E07000028')?.name, 'Carlisle');
    assert.equal(index.area('W06000015'), undefined);
  });

  it('follows successorCodes back: predecessorsOf gives the areas a council replaced, in area order', () => {
    const index = new BenchmarkIndex(AREAS);
    assert.deepEqual(index.predecessorsOf('E06000063'), ['E10000006', 'E07000026', 'E07000028']);
    assert.deepEqual(index.predecessorsOf('E06000064'), ['E10000006']);
    assert.deepEqual(index.predecessorsOf('E06000066'), ['E10000027']);
    assert.deepEqual(index.predecessorsOf('E10000027'), []);
    assert.deepEqual(index.predecessorsOf('W06000015'), []);
  });

  it('holds 65,535 areas, numbered 0 to 65,534 in two bytes', () => {
    const areas = Array.from({ length: 65_535 }, (_, i) => indexArea(`E0${String(i).padStart(7, '0')}`, `Area ${i}`, 'district'));
    assert.equal(new BenchmarkIndex(areas).areaNumber('E00065534'), 65_534);
  });

  it('refuses more than 65,535 areas with a RangeError', () => {
    const areas = Array.from({ length: 65_536 }, (_, i) => indexArea(`E0${String(i).padStart(7, '0')}`, `Area ${i}`, 'district'));
    assert.throws(() => new BenchmarkIndex(areas), { name: 'RangeError', message: 'the index numbers areas in two bytes: at most 65,535' });
  });

  it('put() replaces what the index held for a metric, and remove() drops it', () => {
    const metric = indexMetric('household-waste');
    const index = buildIndex(AREAS, [
      [
        metric,
        Object.freeze<Row[]>([
          ['2019', 'E10000027', 1],
          ['2020', 'E10000027', 2],
        ]),
      ],
    ]);
    assert.deepEqual(
      index.metric('household-waste')?.slices.map((s) => s.period),
      ['2019', '2020'],
    );
    assert.equal(index.metric('household-waste')?.tierSet, 'upper');

    const replaced = index.put(metric, buildSlices(AREAS, Object.freeze<Row[]>([['2021', 'E07000026', 3]])));
    assert.equal(index.metric('household-waste'), replaced);
    assert.deepEqual(
      replaced.slices.map((s) => s.period),
      ['2021'],
    );
    assert.equal(replaced.tierSet, 'lower');
    assert.deepEqual(
      [...index.metrics()].map((s) => s.metric.code),
      ['household-waste'],
    );
    assert.deepEqual(index.size(), { observations: 1, bytes: 10 });

    index.remove('household-waste');
    assert.equal(index.metric('household-waste'), undefined);
    assert.deepEqual(index.size(), { observations: 0, bytes: 0 });
  });
});

describe('MetricSeries', () => {
  const ROWS = Object.freeze<Row[]>([
    ['2021', 'E06000066', 5],
    ['2019', 'E10000027', 3],
    ['2019', 'E07000026', 2],
    ['2020', 'E10000027', 4],
  ]);
  const index = buildIndex(AREAS, [[indexMetric('recycling'), ROWS]]);
  const series = index.metric('recycling');

  it('gives its latest slice, a slice by period, and its observations', () => {
    assert.equal(series?.latest()?.period, '2021');
    assert.equal(series?.slice('2019')?.areas.length, 2);
    assert.equal(series?.slice('2018'), undefined);
    assert.equal(series?.observations(), 4);
  });

  it('takes its tier set from the types with rows in its latest slice', () => {
    const upper = buildIndex(AREAS, [
      [
        indexMetric('roads'),
        Object.freeze<Row[]>([
          ['2019', 'E07000026', 1],
          ['2020', 'E10000027', 1],
          ['2020', 'E06000066', 1],
        ]),
      ],
    ]);
    assert.equal(upper.metric('roads')?.tierSet, 'upper');
    assert.equal(series?.tierSet, 'lower');
  });

  it('has no latest slice and a lower tier set when it has no rows', () => {
    const index = new BenchmarkIndex(AREAS);
    const empty = index.put(indexMetric('nothing'), []);
    assert.equal(empty.latest(), undefined);
    assert.equal(empty.tierSet, 'lower');
    assert.equal(empty.observations(), 0);
  });
});

describe('BenchmarkIndex.size()', () => {
  const PLAIN = Object.freeze<Row[]>([
    ['2019', 'E06000063', 1],
    ['2019', 'E06000064', 2],
    ['2020', 'E06000063', 3],
  ]);
  const BOUNDED = Object.freeze<Row[]>([
    ['2019', 'E06000063', 1, 0.5, 1.5],
    ['2020', 'E06000063', 2, 1.5, 2.5],
  ]);
  const COUNTED = Object.freeze<Row[]>([['2019', 'E06000063', 0.5, null, null, 5, 10]]);
  const BOTH = Object.freeze<Row[]>([
    ['2019', 'E06000063', 0.5, 0.2, 0.8, 5, 10],
    ['2019', 'E06000064', 0.25, 0.1, 0.5, 2, 8],
    ['2020', 'E06000063', 0.4, 0.1, 0.7, 4, 10],
    ['2020', 'E06000064', null, null, null, null, null],
  ]);

  type Case = readonly [title: string, rows: readonly Row[], observations: number, bytesEach: number];
  const CASES: readonly Case[] = Object.freeze([
    ['values alone: 2 bytes of area number and 8 of value, 10 an observation', PLAIN, 3, 10],
    ['with bounds: 16 bytes more, 26 an observation', BOUNDED, 2, 26],
    ['with counts: 16 bytes more, 26 an observation', COUNTED, 1, 26],
    ['with bounds and counts, for a metric whose intervals counts cannot give (a mean): 42 an observation', BOTH, 4, 42],
  ]);
  for (const [title, rows, observations, bytesEach] of CASES) {
    it(title, () => {
      const index = buildIndex(AREAS, [[indexMetric('m'), rows]]);
      assert.deepEqual(index.size(), { observations, bytes: observations * bytesEach });
    });
  }

  it('adds up every metric and every period', () => {
    const index = buildIndex(AREAS, [
      [indexMetric('a'), PLAIN],
      [indexMetric('b'), BOTH],
      [indexMetric('c'), COUNTED],
    ]);
    assert.deepEqual(index.size(), { observations: 3 + 4 + 1, bytes: 3 * 10 + 4 * 42 + 26 });
  });

  it('does not count group figures, which are made on demand', () => {
    const index = buildIndex(AREAS, [[indexMetric('a'), PLAIN]]);
    index
      .metric('a')
      ?.latest()
      ?.cached('england:lower:', () => new Float64Array(1000));
    assert.deepEqual(index.size(), { observations: 3, bytes: 30 });
  });

  it('keeps a proportion with bounds and counts within 40 bytes, its intervals worked from its counts', () => {
    const index = buildIndex(AREAS, [[indexMetric('m', { valueKind: 'proportion' }), BOTH]]);
    assert.equal(index.metric('m')?.latest()?.bounds, undefined);
    const { observations, bytes } = index.size();
    assert.ok(bytes / observations <= 40, `${bytes / observations} bytes an observation`);
  });
});
