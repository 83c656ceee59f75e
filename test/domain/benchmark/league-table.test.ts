// League tables from the benchmark index: ranks, quartiles, group figures and
// benchmarks checked against the pure functions they are made of
// (rankWithTies, quantileOf, summariseGroup, proportion, compareToBenchmark),
// then the edge cases one at a time.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { IndexArea, IndexMetric } from '../../../src/domain/benchmark/benchmark-index.ts';
import { groupFigures, intervalOf, leagueTable, rankIn, rowFigures, type GroupSpec, type LeagueTable } from '../../../src/domain/benchmark/benchmark-queries.ts';
import { compareToBenchmark, quantileOf, rankWithTies, summariseGroup } from '../../../src/domain/benchmark/index.ts';
import type { Polarity } from '../../../src/domain/metric/index.ts';
import { byarsInterval, exactPoissonInterval, proportion, rate, type ConfidenceLevel } from '../../../src/domain/stats/index.ts';
import { areaOf, buildIndex, indexArea, indexMetric, type Row } from '../../support/benchmark-index.ts';

const ENGLAND = 'E92000001';
const NORTH_EAST = 'E12000001';
const NORTH_WEST = 'E12000002';
const ALLERDALE = 'E07000026';
const CARLISLE = 'E07000028';
const DURHAM = 'E06000047';
const NEWCASTLE = 'E08000021';
const LIVERPOOL = 'E08000012';
const CUMBRIA = 'E10000006';
const MANCHESTER_CA = 'E47000001';
const CARDIFF = 'W06000015';

const AREAS: readonly IndexArea[] = Object.freeze([
  indexArea(ENGLAND, 'England', 'england'),
  indexArea(NORTH_EAST, 'North East', 'region'),
  indexArea(NORTH_WEST, 'North West', 'region'),
  indexArea(ALLERDALE, 'Allerdale', 'district', { regionCode: NORTH_WEST, countyCode: CUMBRIA }),
  indexArea(CARLISLE, 'Carlisle', 'district', { regionCode: NORTH_WEST, countyCode: CUMBRIA }),
  indexArea(DURHAM, 'County Durham', 'unitary', { regionCode: NORTH_EAST }),
  indexArea(NEWCASTLE, 'Newcastle upon Tyne', 'metropolitan_district', { regionCode: NORTH_EAST }),
  indexArea(LIVERPOOL, 'Liverpool', 'metropolitan_district', { regionCode: NORTH_WEST }),
  indexArea(CUMBRIA, 'Cumbria', 'county', { regionCode: NORTH_WEST }),
  indexArea(MANCHESTER_CA, 'Greater Manchester', 'combined_authority', { regionCode: NORTH_WEST }),
  indexArea(CARDIFF, 'Cardiff', 'welsh_council'),
]);

/** The league table of a metric's rows at a period, for an area and group. */
function tableOf(metric: IndexMetric, rows: readonly Row[], period: string, areaCode: string, spec: GroupSpec, level: ConfidenceLevel = 0.95): LeagueTable {
  const index = buildIndex(AREAS, [[metric, rows]]);
  const series = index.metric(metric.code);
  const slice = series?.slice(period);
  assert.ok(series && slice, `no slice ${period} of ${metric.code}`);
  return leagueTable(index, series, slice, areaOf(index, areaCode), spec, level);
}

/** The rows of a table as [area, value, rank, quartile, significance], to keep the cases short. */
function rowsOf(table: LeagueTable): readonly (readonly [string, number | null, number | null, number | null, string])[] {
  return table.rows.map((r) => [r.area, r.value, r.rank, r.quartile, r.significance] as const);
}

const ENGLAND_GROUP: GroupSpec = Object.freeze({ kind: 'england' });
// Against the group's own benchmark (its region's value, else its mean); England's is the default.
const REGION_GROUP: GroupSpec = Object.freeze({ kind: 'region', benchmark: 'group' });
const TYPE_GROUP: GroupSpec = Object.freeze({ kind: 'type', benchmark: 'group' });
const POLARITIES: readonly Polarity[] = Object.freeze(['higher_is_better', 'lower_is_better', 'neutral']);

describe('leagueTable(...) against rankWithTies, quantileOf and summariseGroup, for any values', () => {
  /** Councils of every single-tier and lower-tier type, in two regions, with a county and non-members beside them. */
  const COUNCILS: readonly IndexArea[] = Object.freeze(
    Array.from({ length: 24 }, (_, i) =>
      indexArea(
        `E0${['7', '6', '8', '9'][i % 4]}${String(100 + i).padStart(6, '0')}`,
        `Council ${String.fromCharCode(65 + ((i * 7) % 24))}`,
        (['district', 'unitary', 'metropolitan_district', 'london_borough'] as const)[i % 4]!,
        { regionCode: i % 3 === 0 ? NORTH_EAST : NORTH_WEST },
      ),
    ),
  );
  const PLACES: readonly IndexArea[] = Object.freeze([...AREAS, ...COUNCILS]);
  const CUMBRIA_COUNCIL = AREAS.find((area) => area.code === CUMBRIA)!;

  /** Each council's row: none, suppressed (null) or a value; small integers, so ties are common. */
  const ENTRY = fc.oneof(
    { weight: 1, arbitrary: fc.constant('absent' as const) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 6, arbitrary: fc.integer({ min: -4, max: 4 }) },
    { weight: 2, arbitrary: fc.double({ min: -1e6, max: 1e6, noNaN: true }) },
  );
  /** Each council's entry; in half the cases no district has a row, so that a county row makes the metric upper tier. */
  const ENTRIES = fc
    .tuple(fc.array(ENTRY, { minLength: COUNCILS.length, maxLength: COUNCILS.length }), fc.boolean())
    .map(([entries, districts]) => entries.map((entry, i) => (districts || COUNCILS[i]?.type !== 'district' ? entry : ('absent' as const))));
  const CASE = fc.record({
    entries: ENTRIES,
    others: fc.array(fc.option(fc.integer({ min: -4, max: 4 }), { nil: 'absent' as const }), { minLength: 5, maxLength: 5 }),
    polarity: fc.constantFrom(...POLARITIES),
    level: fc.constantFrom<ConfidenceLevel>(0.95, 0.998),
  });

  it("ranks each member as rankWithTies does, leaves out suppressed rows and non-members, summarises the group as summariseGroup does, and takes England's or the region's own value as the benchmark where it has one", () => {
    fc.assert(
      fc.property(CASE, ({ entries, others, polarity, level }) => {
        const rows: Row[] = [];
        COUNCILS.forEach((council, i) => {
          const entry = entries[i];
          if (entry !== 'absent' && entry !== undefined) rows.push(['2022', council.code, entry]);
        });
        // England, a region, a county, a combined authority and a Welsh council: rows that are never members.
        [ENGLAND, NORTH_WEST, CUMBRIA, MANCHESTER_CA, CARDIFF].forEach((code, i) => {
          const value = others[i];
          if (value !== 'absent' && value !== undefined) rows.push(['2022', code, value]);
        });
        const metric = indexMetric('any', { polarity });
        const index = buildIndex(PLACES, [[metric, Object.freeze(rows)]]);
        const series = index.metric('any');
        const slice = series?.latest();
        assert.ok(series && slice);
        // Upper tier when the county has a row and no district has one: then the county is a member.
        const upperTier = others[2] !== 'absent' && COUNCILS.every((council, i) => council.type !== 'district' || entries[i] === 'absent');
        // England's group, asked for England; the North West's, asked for one of its councils.
        const checks = [
          { asker: ENGLAND, spec: ENGLAND_GROUP, inGroup: () => true, own: others[0], source: 'England' },
          { asker: COUNCILS[1]!.code, spec: REGION_GROUP, inGroup: (c: IndexArea) => c.regionCode === NORTH_WEST, own: others[1], source: 'North West' },
        ] as const;
        for (const { asker, spec, inGroup, own, source } of checks) {
          const table = leagueTable(index, series, slice, areaOf(index, asker), spec, level);
          const members = [...COUNCILS, CUMBRIA_COUNCIL].flatMap((council, i) => {
            const entry = council === CUMBRIA_COUNCIL ? (upperTier ? others[2] : 'absent') : entries[i];
            return typeof entry === 'number' && inGroup(council) ? [{ code: council.code, name: council.name, value: entry }] : [];
          });
          const ranks = rankWithTies(
            members.map((m) => m.value),
            polarity,
          );
          const expected = members
            .map((member, i) => {
              const rank = ranks[i];
              assert.ok(rank?.kind === 'ok');
              const quartile = quantileOf(rank.rank, members.length, 4);
              return { code: member.code, name: member.name, row: [member.code, member.value, rank.rank, quartile.kind === 'ok' ? quartile.quantile : null] as const };
            })
            .sort((a, b) => a.row[2] - b.row[2] || a.name.localeCompare(b.name))
            .map((e) => e.row);
          assert.deepEqual(
            table.rows.map((r) => [r.area, r.value, r.rank, r.quartile] as const),
            expected,
          );

          const summary = summariseGroup(members.map((m) => m.value));
          assert.equal(table.group.size, members.length);
          assert.equal(table.group.mean, summary.kind === 'ok' ? summary.mean : null);
          assert.equal(table.group.median, summary.kind === 'ok' ? summary.median : null);
          const benchmark = typeof own === 'number' ? { value: own, source } : summary.kind === 'ok' ? { value: summary.mean, source: 'group mean' } : null;
          assert.deepEqual(table.group.benchmark, benchmark);
          for (const row of table.rows) assert.equal(row.significance, 'not_compared'); // no intervals in these rows
        }
      }),
    );
  });
});

describe('rankIn(group, value, polarity)', () => {
  const METRIC = indexMetric('rank-in');
  const ROWS = Object.freeze<Row[]>([
    ['2022', ALLERDALE, 9],
    ['2022', CARLISLE, 7],
    ['2022', DURHAM, 7],
    ['2022', NEWCASTLE, 3],
  ]);
  type Case = readonly [title: string, polarity: Polarity, value: number, rank: number];
  const CASES: readonly Case[] = Object.freeze([
    ['higher_is_better: the best value is 1', 'higher_is_better', 9, 1],
    ['higher_is_better: a tie shares the better rank', 'higher_is_better', 7, 2],
    ['higher_is_better: the worst value is last', 'higher_is_better', 3, 4],
    ['higher_is_better: a value between members takes 1 + the number better', 'higher_is_better', 8, 2],
    ['higher_is_better: a value above all is 1', 'higher_is_better', 10, 1],
    ['higher_is_better: a value below all is one past the last', 'higher_is_better', 1, 5],
    ['lower_is_better: the lowest value is 1', 'lower_is_better', 3, 1],
    ['lower_is_better: a tie shares the better rank', 'lower_is_better', 7, 2],
    ['lower_is_better: a value below all is 1', 'lower_is_better', 0, 1],
    ['lower_is_better: the highest value is last', 'lower_is_better', 9, 4],
    ['neutral: ranks from the highest, as higher_is_better', 'neutral', 9, 1],
    ['neutral: the lowest is last', 'neutral', 3, 4],
  ]);
  for (const [title, polarity, value, rank] of CASES) {
    it(title, () => {
      const metric = { ...METRIC, polarity };
      const index = buildIndex(AREAS, [[metric, ROWS]]);
      const series = index.metric(metric.code)!;
      const group = groupFigures(index, series, series.latest()!, areaOf(index, ENGLAND), ENGLAND_GROUP);
      assert.equal(rankIn(group, value, polarity), rank);
    });
  }
});

describe('leagueTable(...): the group and its benchmark', () => {
  const METRIC = indexMetric('satisfaction');
  const ROWS = Object.freeze<Row[]>([
    ['2022', ENGLAND, 6],
    ['2022', NORTH_WEST, 5.5],
    ['2022', ALLERDALE, 4],
    ['2022', CARLISLE, 8],
    ['2022', DURHAM, 2],
    ['2022', NEWCASTLE, 10],
    ['2022', LIVERPOOL, 6],
    ['2022', CUMBRIA, 100],
    ['2022', MANCHESTER_CA, 100],
    ['2022', CARDIFF, 100],
  ]);

  it("england: English districts and single-tier councils, against England's own value", () => {
    const table = tableOf(METRIC, ROWS, '2022', ALLERDALE, ENGLAND_GROUP);
    assert.deepEqual(rowsOf(table), [
      [NEWCASTLE, 10, 1, 1, 'not_compared'],
      [CARLISLE, 8, 2, 1, 'not_compared'],
      [LIVERPOOL, 6, 3, 2, 'not_compared'],
      [ALLERDALE, 4, 4, 3, 'not_compared'],
      [DURHAM, 2, 5, 4, 'not_compared'],
    ]);
    assert.deepEqual(table.group, {
      key: 'england:lower:',
      label: 'English districts and single-tier councils',
      mean: 6,
      median: 6,
      size: 5,
      benchmark: { value: 6, source: 'England' },
    });
    assert.equal(table.period, '2022');
    assert.equal(table.metric, METRIC);
  });

  it('england: the group mean is the benchmark when England has no row', () => {
    const table = tableOf(
      METRIC,
      ROWS.filter(([, area]) => area !== ENGLAND),
      '2022',
      ALLERDALE,
      ENGLAND_GROUP,
    );
    assert.deepEqual(table.group.benchmark, { value: 6, source: 'group mean' });
  });

  it("england: the group mean is the benchmark when England's value is suppressed", () => {
    const rows = ROWS.map((row): Row => (row[1] === ENGLAND ? ['2022', ENGLAND, null] : row));
    const table = tableOf(METRIC, rows, '2022', ALLERDALE, ENGLAND_GROUP);
    assert.deepEqual(table.group.benchmark, { value: 6, source: 'group mean' });
  });

  it("region: the tier set in the area's region, against the region's own value", () => {
    const table = tableOf(METRIC, ROWS, '2022', CARLISLE, REGION_GROUP);
    assert.deepEqual(
      table.rows.map((r) => [r.area, r.rank]),
      [
        [CARLISLE, 1],
        [LIVERPOOL, 2],
        [ALLERDALE, 3],
      ],
    );
    assert.deepEqual(table.group, {
      key: `region:lower:${NORTH_WEST}:against-group`,
      label: 'Districts and single-tier councils in North West',
      mean: 6,
      median: 6,
      size: 3,
      benchmark: { value: 5.5, source: 'North West' },
    });
  });

  it('region: the group mean is the benchmark when the region has no row', () => {
    const table = tableOf(METRIC, ROWS, '2022', DURHAM, REGION_GROUP);
    assert.deepEqual(
      table.rows.map((r) => r.area),
      [NEWCASTLE, DURHAM],
    );
    assert.deepEqual(table.group.benchmark, { value: 6, source: 'group mean' });
    assert.equal(table.group.label, 'Districts and single-tier councils in North East');
  });

  it("England is the benchmark by default, whichever group ranks the figure, and the group's own when asked", () => {
    const neighbours = { kind: 'neighbours', key: `${DURHAM}:2`, label: 'County Durham and its 2 nearest neighbours', members: [DURHAM, NEWCASTLE, LIVERPOOL] } as const;
    for (const spec of [{ kind: 'region' }, { kind: 'type' }, neighbours] as const) {
      const table = tableOf(METRIC, ROWS, '2022', CARLISLE, spec);
      assert.deepEqual(table.group.benchmark, { value: 6, source: 'England' }, spec.kind);
    }
    assert.deepEqual(tableOf(METRIC, ROWS, '2022', CARLISLE, { kind: 'region', benchmark: 'group' }).group.benchmark, { value: 5.5, source: 'North West' });
    assert.deepEqual(tableOf(METRIC, ROWS, '2022', DURHAM, { ...neighbours, benchmark: 'group' }).group.benchmark?.source, 'group mean');
  });

  it('type: areas of the same type, against their mean', () => {
    const table = tableOf(METRIC, ROWS, '2022', LIVERPOOL, TYPE_GROUP);
    assert.deepEqual(
      table.rows.map((r) => [r.area, r.rank, r.quartile]),
      [
        [NEWCASTLE, 1, null],
        [LIVERPOOL, 2, null],
      ],
    );
    assert.deepEqual(table.group, {
      key: 'type:lower:metropolitan_district:against-group',
      label: 'Areas of the same type (metropolitan district)',
      mean: 8,
      median: 8,
      size: 2,
      benchmark: { value: 8, source: 'group mean' },
    });
  });

  it('custom: the listed areas that have values, whatever their type, against their mean', () => {
    const spec: GroupSpec = Object.freeze({
      kind: 'custom',
      key: '7',
      label: 'Cumbrian councils',
      members: Object.freeze([ALLERDALE, CUMBRIA, ENGLAND, 'E07000999', CARLISLE]),
      benchmark: 'group',
    });
    const table = tableOf(METRIC, ROWS, '2022', ALLERDALE, spec);
    assert.deepEqual(
      table.rows.map((r) => [r.area, r.rank]),
      [
        [CUMBRIA, 1],
        [CARLISLE, 2],
        [ENGLAND, 3],
        [ALLERDALE, 4],
      ],
    );
    assert.deepEqual(table.group, {
      key: 'custom:7:against-group',
      label: 'Cumbrian councils',
      mean: 29.5,
      median: 7,
      size: 4,
      benchmark: { value: 29.5, source: 'group mean' },
    });
  });

  it('neighbours: the area and its neighbours by member list, against their mean', () => {
    const spec: GroupSpec = Object.freeze({
      kind: 'neighbours',
      key: `${DURHAM}:2`,
      label: 'County Durham and its 2 nearest neighbours',
      members: Object.freeze([DURHAM, NEWCASTLE, LIVERPOOL]),
      benchmark: 'group',
    });
    const table = tableOf(METRIC, ROWS, '2022', DURHAM, spec);
    assert.deepEqual(
      table.rows.map((r) => [r.area, r.rank]),
      [
        [NEWCASTLE, 1],
        [LIVERPOOL, 2],
        [DURHAM, 3],
      ],
    );
    assert.deepEqual(table.group, {
      key: `neighbours:${DURHAM}:2:against-group`,
      label: 'County Durham and its 2 nearest neighbours',
      mean: 6,
      median: 6,
      size: 3,
      benchmark: { value: 6, source: 'group mean' },
    });
  });

  it('an upper-tier metric compares counties and single-tier councils, a unitary among them', () => {
    const rows = Object.freeze<Row[]>([
      ['2022', CUMBRIA, 3],
      ['2022', DURHAM, 5],
      ['2022', LIVERPOOL, 4],
      ['2022', ENGLAND, 4],
    ]);
    const table = tableOf(METRIC, rows, '2022', DURHAM, ENGLAND_GROUP);
    assert.deepEqual(
      table.rows.map((r) => r.area),
      [DURHAM, LIVERPOOL, CUMBRIA],
    );
    assert.equal(table.group.label, 'English counties and single-tier councils');
    assert.equal(table.group.key, 'england:upper:');
  });

  it('works a group out once per slice and keeps it', () => {
    const index = buildIndex(AREAS, [[METRIC, ROWS]]);
    const series = index.metric(METRIC.code)!;
    const slice = series.latest()!;
    const first = groupFigures(index, series, slice, areaOf(index, ALLERDALE), ENGLAND_GROUP);
    assert.equal(groupFigures(index, series, slice, areaOf(index, DURHAM), ENGLAND_GROUP), first);
    assert.notEqual(groupFigures(index, series, slice, areaOf(index, DURHAM), REGION_GROUP), first);
  });
});

describe('leagueTable(...): polarity', () => {
  const ROWS = Object.freeze<Row[]>([
    ['2022', ENGLAND, 50],
    ['2022', ALLERDALE, 40, 35, 45],
    ['2022', CARLISLE, 50, 45, 55],
    ['2022', DURHAM, 60, 55, 65],
    ['2022', NEWCASTLE, 50, 30, 70],
  ]);
  type Case = readonly [polarity: Polarity, rows: readonly (readonly [string, number | null, number | null, number | null, string])[]];
  const CASES: readonly Case[] = Object.freeze([
    [
      'higher_is_better',
      [
        [DURHAM, 60, 1, 1, 'better'],
        [CARLISLE, 50, 2, 2, 'similar'],
        [NEWCASTLE, 50, 2, 2, 'similar'],
        [ALLERDALE, 40, 4, 4, 'worse'],
      ],
    ],
    [
      'lower_is_better',
      [
        [ALLERDALE, 40, 1, 1, 'better'],
        [CARLISLE, 50, 2, 2, 'similar'],
        [NEWCASTLE, 50, 2, 2, 'similar'],
        [DURHAM, 60, 4, 4, 'worse'],
      ],
    ],
    [
      'neutral',
      [
        [DURHAM, 60, 1, 1, 'higher'],
        [CARLISLE, 50, 2, 2, 'similar'],
        [NEWCASTLE, 50, 2, 2, 'similar'],
        [ALLERDALE, 40, 4, 4, 'lower'],
      ],
    ],
  ]);
  for (const [polarity, expected] of CASES) {
    it(`${polarity}: ${polarity === 'lower_is_better' ? 'lowest' : 'highest'} first, ties by name, significance by polarity`, () => {
      assert.deepEqual(rowsOf(tableOf(indexMetric('p', { polarity }), ROWS, '2022', ENGLAND, ENGLAND_GROUP)), expected);
    });
  }
});

describe('intervalOf(metric, slice, position, level) and significance', () => {
  const PERCENT = indexMetric('pupils-percent', { valueKind: 'proportion', multiplier: 100 });

  /** The interval of one area's row at a level. */
  function intervalAt(metric: IndexMetric, rows: readonly Row[], code: string, level: ConfidenceLevel) {
    const index = buildIndex(AREAS, [[metric, rows]]);
    const slice = index.metric(metric.code)!.latest()!;
    const position = slice.position(index.areaNumber(code)!);
    assert.ok(position >= 0);
    return intervalOf(metric, slice, position, level);
  }

  /** A proportion row from its counts, its value as the counts say. */
  function counted(code: string, numerator: number, denominator: number): Row {
    return ['2022', code, (numerator / denominator) * 100, null, null, numerator, denominator];
  }

  const ROWS = Object.freeze<Row[]>([
    ['2022', ENGLAND, 50],
    counted(ALLERDALE, 60, 100),
    counted(CARLISLE, 90, 100),
    counted(DURHAM, 10, 100),
    counted(NEWCASTLE, 50, 100),
    counted(LIVERPOOL, 45, 100),
  ]);

  for (const level of [0.95, 0.998] as const) {
    it(`proportions with counts: Wilson's interval from proportion() at ${level * 100}%, and significance from it against England`, () => {
      const table = tableOf(PERCENT, ROWS, '2022', ENGLAND, ENGLAND_GROUP, level);
      for (const row of table.rows) {
        const source = ROWS.find(([, area]) => area === row.area)!;
        const p = proportion(source[5]!, source[6]!, { level, multiplier: 100 });
        assert.ok(p.kind === 'ok');
        assert.deepEqual(row.interval, { lower: p.lower, upper: p.upper });
        assert.equal(row.significance, compareToBenchmark({ value: row.value, lower: p.lower, upper: p.upper, benchmark: 50, polarity: 'higher_is_better' }));
      }
    });
  }

  it('proportions: 60 of 100 is better than 50% at 95% (lower 50.2) and similar at 99.8% (lower 44.6)', () => {
    const at95 = tableOf(PERCENT, ROWS, '2022', ENGLAND, ENGLAND_GROUP, 0.95);
    const at998 = tableOf(PERCENT, ROWS, '2022', ENGLAND, ENGLAND_GROUP, 0.998);
    assert.deepEqual(
      at95.rows.map((r) => [r.area, r.significance]),
      [
        [CARLISLE, 'better'],
        [ALLERDALE, 'better'],
        [NEWCASTLE, 'similar'],
        [LIVERPOOL, 'similar'],
        [DURHAM, 'worse'],
      ],
    );
    assert.deepEqual(
      at998.rows.map((r) => [r.area, r.significance]),
      [
        [CARLISLE, 'better'],
        [ALLERDALE, 'similar'],
        [NEWCASTLE, 'similar'],
        [LIVERPOOL, 'similar'],
        [DURHAM, 'worse'],
      ],
    );
    assert.ok(Math.abs(at95.rows[1]!.interval!.lower - 50.2003) < 1e-4);
    assert.ok(Math.abs(at998.rows[1]!.interval!.lower - 44.6379) < 1e-4);
  });

  it('a proportion of 1 (no multiplier) is on the scale of 1', () => {
    const metric = indexMetric('share', { valueKind: 'proportion' });
    const p = proportion(3, 12, { level: 0.95, multiplier: 1 });
    assert.ok(p.kind === 'ok');
    assert.deepEqual(intervalAt(metric, [['2022', DURHAM, 0.25, null, null, 3, 12]], DURHAM, 0.95), { lower: p.lower, upper: p.upper });
  });

  it('rates with counts: rate() per 100,000 when the metric has no multiplier, at either level', () => {
    const metric = indexMetric('admissions', { valueKind: 'rate', polarity: 'lower_is_better' });
    for (const level of [0.95, 0.998] as const) {
      const r = rate(25, 50_000, { level, multiplier: 100_000 });
      assert.ok(r.kind === 'ok');
      assert.deepEqual(intervalAt(metric, [['2022', DURHAM, 50, null, null, 25, 50_000]], DURHAM, level), { lower: r.lower, upper: r.upper });
    }
  });

  it('counts below 10: the exact Poisson interval of the numerator, 0 included', () => {
    const metric = indexMetric('rare-incidents', { valueKind: 'count' });
    for (const count of [0, 3, 9]) {
      const c = exactPoissonInterval(count, 0.95);
      assert.ok(c.kind === 'ok');
      assert.deepEqual(intervalAt(metric, [['2022', DURHAM, count, null, null, count, 1]], DURHAM, 0.95), { lower: c.lower, upper: c.upper });
    }
  });

  it("counts of 10 or more: Byar's interval of the numerator", () => {
    const metric = indexMetric('incidents', { valueKind: 'count' });
    const c = byarsInterval(30, 0.998);
    assert.ok(c.kind === 'ok');
    assert.deepEqual(intervalAt(metric, [['2022', DURHAM, 30, null, null, 30, 1]], DURHAM, 0.998), { lower: c.lower, upper: c.upper });
  });

  type Case = readonly [title: string, metric: IndexMetric, row: Row, level: ConfidenceLevel, interval: { lower: number; upper: number } | undefined];
  const MEAN = indexMetric('mean-score');
  const CASES: readonly Case[] = Object.freeze([
    ['stored bounds are taken as 95%', MEAN, ['2022', DURHAM, 10, 8, 12], 0.95, { lower: 8, upper: 12 }],
    ['stored bounds give no interval at 99.8%', MEAN, ['2022', DURHAM, 10, 8, 12], 0.998, undefined],
    ['a lower bound alone is no interval', MEAN, ['2022', DURHAM, 10, 8, null], 0.95, undefined],
    ['stored bounds that do not hold the value are dropped', MEAN, ['2022', DURHAM, 5, 6, 7], 0.95, undefined],
    ['a value on a stored bound is held', MEAN, ['2022', DURHAM, 6, 6, 7], 0.95, { lower: 6, upper: 7 }],
    ['counts come before stored bounds', PERCENT, ['2022', DURHAM, 50, 0, 100, 50, 100], 0.95, { lower: 40.38315303659956, upper: 59.61684696340044 }],
    ['counts that do not match the value are dropped, and stored bounds do not stand in', PERCENT, ['2022', DURHAM, 50, 40, 60, 10, 100], 0.95, undefined],
    ['a zero denominator gives no interval from counts', PERCENT, ['2022', DURHAM, 0, null, null, 0, 0], 0.95, undefined],
    ['a zero denominator falls back on stored bounds at 95%', PERCENT, ['2022', DURHAM, 0, 0, 5, 0, 0], 0.95, { lower: 0, upper: 5 }],
    ['a zero denominator with stored bounds at 99.8%: none', PERCENT, ['2022', DURHAM, 0, 0, 5, 0, 0], 0.998, undefined],
    ['a missing denominator gives no interval from counts', PERCENT, ['2022', DURHAM, 30, null, null, 3, null], 0.95, undefined],
    ['a missing denominator falls back on stored bounds', PERCENT, ['2022', DURHAM, 30, 20, 40, 3, null], 0.95, { lower: 20, upper: 40 }],
    ['a numerator above its denominator gives no interval from counts', PERCENT, ['2022', DURHAM, 120, null, null, 12, 10], 0.95, undefined],
    ['a mean with counts has no interval from them (only proportions, rates and counts do)', MEAN, ['2022', DURHAM, 10, null, null, 10, 1], 0.95, undefined],
  ]);
  for (const [title, metric, row, level, interval] of CASES) {
    it(title, () => {
      // A second row with counts, so that the slice has counts arrays whatever this row has.
      const rows = Object.freeze<Row[]>([row, ['2022', NEWCASTLE, 50, null, null, 50, 100]]);
      assert.deepEqual(intervalAt(metric, rows, DURHAM, level), interval);
    });
  }

  it('a row whose interval is dropped is not compared, but is ranked', () => {
    const rows = Object.freeze<Row[]>([['2022', ENGLAND, 50], ['2022', DURHAM, 50, 40, 60, 10, 100], counted(NEWCASTLE, 90, 100)]);
    assert.deepEqual(rowsOf(tableOf(PERCENT, rows, '2022', ENGLAND, ENGLAND_GROUP)), [
      [NEWCASTLE, 90, 1, null, 'better'],
      [DURHAM, 50, 2, null, 'not_compared'],
    ]);
  });
});

describe('leagueTable(...): edge cases', () => {
  const METRIC = indexMetric('edge', { valueKind: 'proportion', multiplier: 100 });

  it('suppressed values are left out of the group, its ranks, its size and its mean', () => {
    const rows = Object.freeze<Row[]>([
      ['2022', ALLERDALE, null, null, null, 1, 4],
      ['2022', CARLISLE, 20, null, null, 2, 10],
      ['2022', DURHAM, 30, null, null, 3, 10],
    ]);
    const table = tableOf(METRIC, rows, '2022', ALLERDALE, ENGLAND_GROUP);
    assert.deepEqual(
      table.rows.map((r) => [r.area, r.rank]),
      [
        [DURHAM, 1],
        [CARLISLE, 2],
      ],
    );
    assert.deepEqual([table.group.size, table.group.mean, table.group.median], [2, 25, 25]);
  });

  it("a suppressed row's own figures are empty and not compared", () => {
    const index = buildIndex(AREAS, [
      [
        METRIC,
        [
          ['2022', ALLERDALE, null, 1, 9, 1, 4],
          ['2022', CARLISLE, 20, null, null, 2, 10],
        ],
      ],
    ]);
    const series = index.metric(METRIC.code)!;
    const slice = series.latest()!;
    const group = groupFigures(index, series, slice, areaOf(index, ALLERDALE), ENGLAND_GROUP);
    assert.deepEqual(rowFigures(series, slice, slice.position(index.areaNumber(ALLERDALE)!), group, 0.95), {
      value: null,
      interval: undefined,
      rank: null,
      quartile: null,
      significance: 'not_compared',
    });
    assert.deepEqual(rowFigures(series, slice, -1, group, 0.95), {
      value: null,
      interval: undefined,
      rank: null,
      quartile: null,
      significance: 'not_compared',
    });
  });

  it('zero denominators: the value is ranked; there is no interval to compare', () => {
    const rows = Object.freeze<Row[]>([
      ['2022', ENGLAND, 10],
      ['2022', ALLERDALE, 0, null, null, 0, 0],
      ['2022', CARLISLE, 20, null, null, 20, 100],
    ]);
    assert.deepEqual(rowsOf(tableOf(METRIC, rows, '2022', ALLERDALE, ENGLAND_GROUP)), [
      [CARLISLE, 20, 1, null, 'better'],
      [ALLERDALE, 0, 2, null, 'not_compared'],
    ]);
  });

  it('missing denominators: the value is ranked; there is no interval to compare', () => {
    const rows = Object.freeze<Row[]>([
      ['2022', ENGLAND, 10],
      ['2022', ALLERDALE, 5, null, null, 5, null],
      ['2022', CARLISLE, 20, null, null, 20, 100],
    ]);
    assert.deepEqual(rowsOf(tableOf(METRIC, rows, '2022', ALLERDALE, ENGLAND_GROUP)), [
      [CARLISLE, 20, 1, null, 'better'],
      [ALLERDALE, 5, 2, null, 'not_compared'],
    ]);
  });

  it('a group of one: rank 1, no quartile, its own value the mean, median and benchmark', () => {
    const rows = Object.freeze<Row[]>([
      ['2022', ALLERDALE, 25, null, null, 25, 100],
      ['2022', CARLISLE, null],
    ]);
    const table = tableOf(METRIC, rows, '2022', ALLERDALE, ENGLAND_GROUP);
    assert.deepEqual(rowsOf(table), [[ALLERDALE, 25, 1, null, 'similar']]);
    assert.deepEqual(table.group, {
      key: 'england:lower:',
      label: 'English districts and single-tier councils',
      mean: 25,
      median: 25,
      size: 1,
      benchmark: { value: 25, source: 'group mean' },
    });
  });

  it('quartiles start at four members: three have none, four have one each', () => {
    const three = Object.freeze<Row[]>([
      ['2022', ALLERDALE, 1],
      ['2022', CARLISLE, 2],
      ['2022', DURHAM, 3],
    ]);
    const four = Object.freeze<Row[]>([...three, ['2022', NEWCASTLE, 4]]);
    assert.deepEqual(
      tableOf(METRIC, three, '2022', ALLERDALE, ENGLAND_GROUP).rows.map((r) => r.quartile),
      [null, null, null],
    );
    assert.deepEqual(
      tableOf(METRIC, four, '2022', ALLERDALE, ENGLAND_GROUP).rows.map((r) => [r.rank, r.quartile]),
      [
        [1, 1],
        [2, 2],
        [3, 3],
        [4, 4],
      ],
    );
  });

  it('ties share a rank and so a quartile (five members: ranks 1 and 2 fall in quartile 1)', () => {
    const rows = Object.freeze<Row[]>([
      ['2022', ALLERDALE, 5],
      ['2022', CARLISLE, 5],
      ['2022', DURHAM, 5],
      ['2022', NEWCASTLE, 1],
      ['2022', LIVERPOOL, 9],
    ]);
    assert.deepEqual(
      tableOf(METRIC, rows, '2022', ALLERDALE, ENGLAND_GROUP).rows.map((r) => [r.area, r.rank, r.quartile]),
      [
        [LIVERPOOL, 1, 1],
        [ALLERDALE, 2, 1],
        [CARLISLE, 2, 1],
        [DURHAM, 2, 1],
        [NEWCASTLE, 5, 4],
      ],
    );
  });

  it('a group with no values has no mean, median or benchmark', () => {
    const table = tableOf(
      METRIC,
      [
        ['2022', ALLERDALE, null],
        ['2022', CUMBRIA, 5],
      ],
      '2022',
      ALLERDALE,
      ENGLAND_GROUP,
    );
    assert.deepEqual(table.rows, []);
    assert.deepEqual(table.group, { key: 'england:lower:', label: 'English districts and single-tier councils', mean: null, median: null, size: 0, benchmark: null });
  });

  it('missing periods: a series has no slice for a period it has no rows for', () => {
    const index = buildIndex(AREAS, [
      [
        METRIC,
        [
          ['2019', ALLERDALE, 1],
          ['2021', ALLERDALE, 2],
        ],
      ],
    ]);
    const series = index.metric(METRIC.code)!;
    assert.deepEqual(
      series.slices.map((s) => s.period),
      ['2019', '2021'],
    );
    assert.equal(series.slice('2020'), undefined);
  });

  it('a metric with a single area: a table of one, whichever council asks', () => {
    const rows = Object.freeze<Row[]>([['2022', NEWCASTLE, 30, null, null, 30, 100]]);
    for (const asker of [NEWCASTLE, DURHAM, ENGLAND]) {
      const table = tableOf(METRIC, rows, '2022', asker, ENGLAND_GROUP);
      assert.deepEqual(rowsOf(table), [[NEWCASTLE, 30, 1, null, 'similar']]);
      assert.deepEqual(table.group.benchmark, { value: 30, source: 'group mean' });
    }
  });
});
