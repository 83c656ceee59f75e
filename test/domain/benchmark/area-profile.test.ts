// Area profiles from the benchmark index (every metric for one council, a
// predecessor or successor standing in where the council did not exist, the
// trend to each period), and statistical neighbours from the index.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { areaProfile, type ProfileItem, type ProfileRequest } from '../../../src/domain/benchmark/area-profile.ts';
import type { BenchmarkIndex, IndexArea } from '../../../src/domain/benchmark/benchmark-index.ts';
import type { GroupSpec } from '../../../src/domain/benchmark/benchmark-queries.ts';
import { statisticalNeighbours } from '../../../src/domain/benchmark/statistical-neighbours.ts';
import { keepTrends, summariseTrend, trendOf, type Trend } from '../../../src/domain/benchmark/trend-of.ts';
import { directionOfTravel, quantileOf, recentTrend, summariseGroup } from '../../../src/domain/benchmark/index.ts';
import { nearestNeighbours, type NeighbourVariable } from '../../../src/domain/neighbours/index.ts';
import { proportion, type ConfidenceLevel } from '../../../src/domain/stats/index.ts';
import { areaOf, buildIndex, indexArea, indexMetric, type Row } from '../../support/benchmark-index.ts';

const ENGLAND = 'E92000001';
const NO_EARLY_SIGHT: ReadonlySet<string> = Object.freeze(new Set<string>());
const SOUTH_WEST = 'E12000009';
const EAST_MIDLANDS = 'E12000004';
const SOMERSET_COUNTY = 'E10000027';
const MENDIP = 'E07000187';
const SEDGEMOOR = 'E07000188';
const SOMERSET = 'E06000066';
const DEVON = 'E10000008';
const EXETER = 'E07000041';
const BRISTOL = 'E06000023';
const PLYMOUTH = 'E06000026';
const NORTHAMPTONSHIRE = 'E10000021';
const NORTH_NORTHANTS = 'E06000061';
const WEST_NORTHANTS = 'E06000062';

const AREAS: readonly IndexArea[] = Object.freeze([
  indexArea(ENGLAND, 'England', 'england'),
  indexArea(SOUTH_WEST, 'South West', 'region'),
  indexArea(EAST_MIDLANDS, 'East Midlands', 'region'),
  indexArea(SOMERSET_COUNTY, 'Somerset', 'county', { regionCode: SOUTH_WEST, endDate: '2023-03-31', successorCodes: [SOMERSET] }),
  indexArea(MENDIP, 'Mendip', 'district', { regionCode: SOUTH_WEST, countyCode: SOMERSET_COUNTY, endDate: '2023-03-31', successorCodes: [SOMERSET] }),
  indexArea(SEDGEMOOR, 'Sedgemoor', 'district', { regionCode: SOUTH_WEST, countyCode: SOMERSET_COUNTY, endDate: '2023-03-31', successorCodes: [SOMERSET] }),
  indexArea(SOMERSET, 'Somerset', 'unitary', { regionCode: SOUTH_WEST, startDate: '2023-04-01' }),
  indexArea(DEVON, 'Devon', 'county', { regionCode: SOUTH_WEST }),
  indexArea(EXETER, 'Exeter', 'district', { regionCode: SOUTH_WEST, countyCode: DEVON }),
  indexArea(BRISTOL, 'Bristol, City of', 'unitary', { regionCode: SOUTH_WEST }),
  indexArea(PLYMOUTH, 'Plymouth', 'unitary', { regionCode: SOUTH_WEST }),
  indexArea(NORTHAMPTONSHIRE, 'Northamptonshire', 'county', {
    regionCode: EAST_MIDLANDS,
    endDate: '2021-03-31',
    successorCodes: [NORTH_NORTHANTS, WEST_NORTHANTS],
  }),
  indexArea(NORTH_NORTHANTS, 'North Northamptonshire', 'unitary', { regionCode: EAST_MIDLANDS, startDate: '2021-04-01' }),
  indexArea(WEST_NORTHANTS, 'West Northamptonshire', 'unitary', { regionCode: EAST_MIDLANDS, startDate: '2021-04-01' }),
]);

const YEARS = Object.freeze(['2018', '2019', '2020', '2021', '2022', '2023', '2024']);

/** A proportion row (per cent) from its counts. */
function counted(period: string, area: string, numerator: number, denominator: number): Row {
  return [period, area, (numerator / denominator) * 100, null, null, numerator, denominator];
}

/** An upper-tier proportion with counts: a county replaced by a unitary of the same name, and one split in two. */
const RECYCLING = indexMetric('recycling', { title: 'Household waste sent for recycling', valueKind: 'proportion', multiplier: 100 });
const DEVON_RECYCLED = Object.freeze([400, 450, 500, 550, 600, 620, 640]);
const RECYCLING_ROWS: readonly Row[] = Object.freeze([
  ...YEARS.map((year): Row => [year, ENGLAND, 45]),
  ...YEARS.map((year, i) => counted(year, DEVON, DEVON_RECYCLED[i]!, 1000)),
  ...YEARS.map((year) => counted(year, BRISTOL, 450, 1000)),
  ...YEARS.map((year) => counted(year, PLYMOUTH, 350, 1000)),
  ...YEARS.slice(0, 5).map((year) => counted(year, SOMERSET_COUNTY, 500, 1000)),
  counted('2023', SOMERSET, 520, 1000),
  counted('2024', SOMERSET, 530, 1000),
  ...YEARS.slice(0, 3).map((year) => counted(year, NORTHAMPTONSHIRE, 420, 1000)),
  ...YEARS.slice(3).map((year) => counted(year, NORTH_NORTHANTS, 430, 1000)),
  ...YEARS.slice(3).map((year) => counted(year, WEST_NORTHANTS, 410, 1000)),
]);

/** A mean with stored 95% bounds. */
const LIFE = indexMetric('life-expectancy', { title: 'Life expectancy at birth', unit: 'years' });
const LIFE_ROWS: readonly Row[] = Object.freeze([
  ...YEARS.map((year, i): Row => [year, DEVON, 80 + i / 2, 79.8 + i / 2, 80.2 + i / 2]),
  ...YEARS.map((year): Row => [year, BRISTOL, 79, 78.8, 79.2]),
  ...YEARS.map((year): Row => [year, ENGLAND, 81]),
  ...YEARS.slice(0, 5).map((year): Row => [year, SOMERSET_COUNTY, 82, 81.8, 82.2]),
  ['2023', SOMERSET, 82.5, 82.3, 82.7],
  ['2024', SOMERSET, 82.6, 82.4, 82.8],
]);

/** A lower-tier metric: Mendip and Sedgemoor both became part of Somerset; in 2022 only Mendip has a row. */
const PLANNING = indexMetric('planning', { title: 'Planning applications decided on time' });
const PLANNING_ROWS: readonly Row[] = Object.freeze([
  ['2021', MENDIP, 80],
  ['2021', SEDGEMOOR, 90],
  ['2021', EXETER, 70],
  ['2021', BRISTOL, 60],
  ['2022', MENDIP, 82],
  ['2022', EXETER, 72],
  ['2022', BRISTOL, 62],
  ['2023', SOMERSET, 85],
  ['2023', EXETER, 74],
  ['2023', BRISTOL, 64],
]);

/** A count for two years only, long ago. */
const HOMES = indexMetric('affordable-homes', { title: 'Affordable homes delivered', valueKind: 'count' });
const HOMES_ROWS: readonly Row[] = Object.freeze([
  ['2019', DEVON, 300],
  ['2020', DEVON, 320],
  ['2020', BRISTOL, 500],
]);

function profileIndex(): BenchmarkIndex {
  return buildIndex(AREAS, [
    [RECYCLING, RECYCLING_ROWS],
    [PLANNING, PLANNING_ROWS],
    [LIFE, LIFE_ROWS],
    [HOMES, HOMES_ROWS],
  ]);
}

const ENGLAND_GROUP: GroupSpec = Object.freeze({ kind: 'england' });

function request(more: Partial<ProfileRequest> = {}): ProfileRequest {
  return Object.freeze({ group: ENGLAND_GROUP, level: 0.95, ...more });
}

function itemOf(items: readonly ProfileItem[], metricCode: string): ProfileItem {
  const item = items.find((i) => i.metric.code === metricCode);
  assert.ok(item, `no item for ${metricCode}`);
  return item;
}

/** [metric, period, value, via] of each item. */
function summaryOf(items: readonly ProfileItem[]): readonly (readonly [string, string, number | null, string | null])[] {
  return items.map((i) => [i.metric.code, i.period, i.value, i.via?.code ?? null] as const);
}

describe('areaProfile(index, area, request): which metrics and periods', () => {
  it("lists every metric at its latest period, sorted by title, with or without the council's value", () => {
    const index = profileIndex();
    const profile = areaProfile(index, areaOf(index, DEVON), request());
    assert.equal(profile.area.code, DEVON);
    assert.deepEqual(summaryOf(profile.items), [
      ['affordable-homes', '2020', 320, null],
      ['recycling', '2024', 64, null],
      ['life-expectancy', '2024', 83, null],
      ['planning', '2023', null, null],
    ]);
  });

  it('lists the metrics at the period asked, leaving out those without it', () => {
    const index = profileIndex();
    assert.deepEqual(summaryOf(areaProfile(index, areaOf(index, DEVON), request({ period: '2020' })).items), [
      ['affordable-homes', '2020', 320, null],
      ['recycling', '2020', 50, null],
      ['life-expectancy', '2020', 81, null],
    ]);
    assert.deepEqual(areaProfile(index, areaOf(index, DEVON), request({ period: '2030' })).items, []);
  });

  it('lists only the metrics asked for, ignoring codes it does not know', () => {
    const index = profileIndex();
    const profile = areaProfile(index, areaOf(index, EXETER), request({ metrics: Object.freeze(['planning', 'no-such-metric', 'affordable-homes']) }));
    assert.deepEqual(summaryOf(profile.items), [
      ['affordable-homes', '2020', null, null],
      ['planning', '2023', 74, null],
    ]);
  });

  it("gives each item the council's figures in the group: value, interval, rank, quartile, the group's figures and significance", () => {
    const index = profileIndex();
    const item = itemOf(areaProfile(index, areaOf(index, DEVON), request()).items, 'recycling');
    const p = proportion(640, 1000, { level: 0.95, multiplier: 100 });
    assert.ok(p.kind === 'ok');
    const groupValues = [640, 450, 350, 530, 430, 410].map((n) => (n / 1000) * 100);
    const summary = summariseGroup(groupValues);
    assert.ok(summary.kind === 'ok');
    const quartile = quantileOf(1, 6, 4);
    assert.ok(quartile.kind === 'ok');
    assert.deepEqual(
      {
        period: item.period,
        value: item.value,
        interval: item.interval,
        rank: item.rank,
        quartile: item.quartile,
        significance: item.significance,
        via: item.via,
        groupLabel: item.groupLabel,
        groupSize: item.groupSize,
        groupMean: item.groupMean,
        groupMedian: item.groupMedian,
        benchmark: item.benchmark,
      },
      {
        period: '2024',
        value: 64,
        interval: { lower: p.lower, upper: p.upper },
        rank: 1,
        quartile: quartile.quantile,
        significance: 'better',
        via: null,
        groupLabel: 'English counties and single-tier councils',
        groupSize: 6,
        groupMean: summary.mean,
        groupMedian: summary.median,
        benchmark: { value: 45, source: 'England' },
      },
    );
  });

  it('compares with the group asked for: the region, against England by default, or its mean when the region has no row', () => {
    const index = profileIndex();
    const item = itemOf(areaProfile(index, areaOf(index, PLYMOUTH), request({ group: Object.freeze({ kind: 'region' }) })).items, 'recycling');
    assert.deepEqual([item.groupLabel, item.groupSize, item.rank, item.benchmark?.source], ['Counties and single-tier councils in South West', 4, 4, 'England']);
    const own = itemOf(areaProfile(index, areaOf(index, PLYMOUTH), request({ group: Object.freeze({ kind: 'region', benchmark: 'group' }) })).items, 'recycling');
    assert.equal(own.benchmark?.source, 'group mean');
  });
});

describe('areaProfile(index, area, request): a predecessor or successor standing in', () => {
  it('uses the county a unitary of the same name replaced, before the unitary existed, and says so in via', () => {
    const index = profileIndex();
    const profile = areaProfile(index, areaOf(index, SOMERSET), request({ period: '2021', metrics: Object.freeze(['recycling', 'life-expectancy']) }));
    assert.deepEqual(summaryOf(profile.items), [
      ['recycling', '2021', 50, SOMERSET_COUNTY],
      ['life-expectancy', '2021', 82, SOMERSET_COUNTY],
    ]);
    const recycling = itemOf(profile.items, 'recycling');
    assert.deepEqual(recycling.via, { code: SOMERSET_COUNTY, name: 'Somerset' });
    // Devon 55%, Somerset 50%, Bristol 45%, North and West Northamptonshire 43% and 41%, Plymouth 35%.
    assert.deepEqual([recycling.rank, recycling.groupSize, recycling.groupLabel], [2, 6, 'English counties and single-tier councils']);
    assert.equal(itemOf(profile.items, 'life-expectancy').significance, 'better');
  });

  it("uses the council's own value once it exists", () => {
    const index = profileIndex();
    const profile = areaProfile(index, areaOf(index, SOMERSET), request({ metrics: Object.freeze(['recycling', 'planning']) }));
    assert.deepEqual(summaryOf(profile.items), [
      ['recycling', '2024', 53, null],
      ['planning', '2023', 85, null],
    ]);
  });

  it('uses the unitary that replaced a county for a period after the county ended', () => {
    const index = profileIndex();
    const profile = areaProfile(index, areaOf(index, SOMERSET_COUNTY), request({ metrics: Object.freeze(['recycling']) }));
    assert.deepEqual(summaryOf(profile.items), [['recycling', '2024', 53, SOMERSET]]);
  });

  it('does not add up several predecessors: two districts with values give no value', () => {
    const index = profileIndex();
    const item = itemOf(areaProfile(index, areaOf(index, SOMERSET), request({ period: '2021' })).items, 'planning');
    assert.deepEqual([item.value, item.via, item.rank, item.quartile, item.interval, item.significance], [null, null, null, null, undefined, 'not_compared']);
  });

  it('does not stand one of several predecessors in for the whole: one district with a row of two gives no value', () => {
    const index = profileIndex();
    const item = itemOf(areaProfile(index, areaOf(index, SOMERSET), request({ period: '2022' })).items, 'planning');
    assert.deepEqual([item.value, item.via], [null, null]);
  });

  it('does not stand a county split in two in for either half', () => {
    const index = profileIndex();
    const item = itemOf(areaProfile(index, areaOf(index, NORTH_NORTHANTS), request({ period: '2020' })).items, 'recycling');
    assert.deepEqual([item.value, item.via], [null, null]);
  });

  it('ranks a council outside a custom group without throwing', () => {
    const index = profileIndex();
    const spec: GroupSpec = Object.freeze({ kind: 'custom', key: '1', label: 'Big cities', members: Object.freeze([BRISTOL, DEVON]) });
    assert.doesNotThrow(() => areaProfile(index, areaOf(index, PLYMOUTH), request({ group: spec, metrics: Object.freeze(['recycling']) })));
  });

  it('profiles England for a metric only England has without throwing', () => {
    const index = buildIndex(AREAS, [[indexMetric('national'), [['2024', ENGLAND, 5]]]]);
    assert.doesNotThrow(() => areaProfile(index, areaOf(index, ENGLAND), request()));
  });
});

describe('trendOf(index, series, slice, area): the trend behind a profile row', () => {
  /** The trend of a council's row for a metric at a period (the latest when none). */
  function trendAt(index: BenchmarkIndex, metric: string, code: string, period?: string): Trend {
    const series = index.metric(metric)!;
    return trendOf(index, series, period === undefined ? series.latest()! : series.slice(period)!, areaOf(index, code));
  }

  /** The council's [value, lower, upper] for a metric at a period, at a level, as the profile gives them. */
  function figureAt(index: BenchmarkIndex, metric: string, period: string, level: ConfidenceLevel) {
    const item = itemOf(areaProfile(index, areaOf(index, DEVON), request({ period, level })).items, metric);
    return { value: item.value, lower: item.interval?.lower ?? null, upper: item.interval?.upper ?? null };
  }

  it('gives proportions with counts a recent trend by the chi-squared test over the last five periods', () => {
    const index = profileIndex();
    const trend = trendAt(index, 'recycling', DEVON);
    const points = DEVON_RECYCLED.slice(-5).map((numerator) => ({ numerator, denominator: 1000 }));
    assert.deepEqual(trend.recent, recentTrend({ kind: 'proportions', points }, 'higher_is_better'));
    assert.ok(trend.recent.kind === 'ok');
    assert.deepEqual([trend.recent.method, trend.recent.trend, trend.recent.judgement], ['chi_squared_for_trend', 'increasing', 'getting_better']);
  });

  it('gives the direction of travel from the previous period: 62% to 64% is up, not significant', () => {
    const index = profileIndex();
    const trend = trendAt(index, 'recycling', DEVON);
    const expected = directionOfTravel({ latest: figureAt(index, 'recycling', '2024', 0.95), previous: figureAt(index, 'recycling', '2023', 0.95), polarity: 'higher_is_better' });
    assert.deepEqual(trend.direction, expected);
    assert.ok(trend.direction.kind === 'ok');
    assert.deepEqual([trend.direction.direction, trend.direction.judgement], ['up', 'no_significant_change']);
  });

  it('gives values with bounds a recent trend by weighted least squares, and a direction of travel', () => {
    const index = profileIndex();
    const trend = trendAt(index, 'life-expectancy', DEVON);
    const points = LIFE_ROWS.filter(([, area]) => area === DEVON)
      .slice(-5)
      .map(([, , value, lower, upper]) => ({ value: value!, lower: lower!, upper: upper! }));
    assert.deepEqual(trend.recent, recentTrend({ kind: 'values_with_intervals', level: 0.95, points }, 'higher_is_better'));
    assert.ok(trend.recent.kind === 'ok' && trend.direction.kind === 'ok');
    assert.deepEqual([trend.recent.method, trend.recent.trend, trend.direction.judgement], ['weighted_least_squares', 'increasing', 'improving']);
  });

  it('gives the trend to the period asked, from the periods up to it', () => {
    const index = profileIndex();
    const trend = trendAt(index, 'recycling', DEVON, '2022');
    const points = DEVON_RECYCLED.slice(0, 5).map((numerator) => ({ numerator, denominator: 1000 }));
    assert.deepEqual(trend.recent, recentTrend({ kind: 'proportions', points }, 'higher_is_better'));
    assert.ok(trend.direction.kind === 'ok');
    assert.equal(trend.direction.change, (600 / 1000) * 100 - (550 / 1000) * 100);
  });

  it('does not compute a recent trend from fewer than five periods', () => {
    const index = profileIndex();
    const trend = trendAt(index, 'life-expectancy', DEVON, '2021');
    assert.deepEqual(trend.recent, { kind: 'not_computed', reason: 'fewer_than_five_points' });
    assert.ok(trend.direction.kind === 'ok');
  });

  it('has no direction of travel at the first period', () => {
    const index = profileIndex();
    const trend = trendAt(index, 'life-expectancy', DEVON, '2018');
    assert.deepEqual(trend, {
      direction: { kind: 'not_computed', reason: 'missing_previous_value' },
      recent: { kind: 'not_computed', reason: 'fewer_than_five_points' },
    });
  });

  it('has no recent trend across a period the council has no row for', () => {
    const index = buildIndex(AREAS, [[LIFE, LIFE_ROWS.filter(([period, area]) => !(area === DEVON && period === '2022'))]]);
    const trend = trendAt(index, 'life-expectancy', DEVON);
    assert.deepEqual(trend.recent, { kind: 'not_computed', reason: 'break_in_series' });
  });

  it('has no recent trend for values without intervals', () => {
    const index = buildIndex(AREAS, [[PLANNING, YEARS.map((year, i): Row => [year, EXETER, 70 + i])]]);
    const trend = trendAt(index, 'planning', EXETER);
    assert.deepEqual(trend.recent, { kind: 'not_computed', reason: 'missing_interval' });
    assert.ok(trend.direction.kind === 'ok');
    assert.deepEqual([trend.direction.significant, trend.direction.judgement], ['not_tested', 'not_compared']);
  });

  it('gives the trend of the area that stands in, as it gives its value', () => {
    const index = profileIndex();
    const item = itemOf(areaProfile(index, areaOf(index, SOMERSET), request({ period: '2021' })).items, 'recycling');
    assert.equal(item.via?.code, SOMERSET_COUNTY);
    const trend = trendAt(index, 'recycling', SOMERSET, '2021');
    assert.ok(trend.direction.kind === 'ok', JSON.stringify(trend.direction));
    assert.equal(trend.direction.direction, 'same');
    assert.deepEqual(item.trend, summariseTrend(trend));
  });
});

describe('areaProfile(index, area, request): trend', () => {
  /** Every (metric, council) row of the profile index, with its trend worked out afresh. */
  function expectedSummaries(index: BenchmarkIndex, period?: string) {
    return [DEVON, EXETER, SOMERSET, BRISTOL, PLYMOUTH].flatMap((code) =>
      areaProfile(index, areaOf(index, code), request({ period })).items.map((item) => {
        const series = index.metric(item.metric.code)!;
        return { code, metric: item.metric.code, shown: item.trend, fresh: summariseTrend(trendOf(index, series, series.slice(item.period)!, areaOf(index, code))) };
      }),
    );
  }

  it('shows each row the judgements of its trend, in words', () => {
    const index = profileIndex();
    const rows = expectedSummaries(index);
    for (const row of rows) assert.deepEqual(row.shown, row.fresh, `${row.code} ${row.metric}`);
    const devon = itemOf(areaProfile(index, areaOf(index, DEVON), request()).items, 'recycling');
    assert.deepEqual(devon.trend, { direction: 'no_significant_change', recent: 'getting_better' });
  });

  it('shows the same judgements from trends kept ahead of time, at the latest period and at earlier ones', () => {
    const index = profileIndex();
    for (const series of index.metrics()) keepTrends(index, series);
    for (const period of [undefined, '2021']) {
      for (const row of expectedSummaries(index, period)) assert.deepEqual(row.shown, row.fresh, `${row.code} ${row.metric} ${period}`);
    }
    assert.ok(index.metric('recycling')!.latest()!.trendCode(0) > 0, 'the latest slice keeps its trends');
  });

  it('gives proportions with counts the same recent trend at either level', () => {
    const index = profileIndex();
    const at = (level: ConfidenceLevel) => itemOf(areaProfile(index, areaOf(index, DEVON), request({ level })).items, 'recycling').trend.recent;
    assert.deepEqual(at(0.998), at(0.95));
  });

  it('gives values with stored 95% bounds the same recent trend at 99.8% as at 95%', () => {
    const index = profileIndex();
    const at = (level: ConfidenceLevel) => itemOf(areaProfile(index, areaOf(index, DEVON), request({ level })).items, 'life-expectancy').trend.recent;
    assert.deepEqual(at(0.998), at(0.95));
  });
});

describe('statisticalNeighbours(index, area, choice)', () => {
  const NEIGHBOUR_AREAS: readonly IndexArea[] = Object.freeze([
    indexArea(ENGLAND, 'England', 'england'),
    indexArea(SOUTH_WEST, 'South West', 'region'),
    indexArea('E07000001', 'Target', 'district', { regionCode: SOUTH_WEST }),
    indexArea('E07000002', 'Near', 'district', { regionCode: SOUTH_WEST }),
    indexArea('E07000003', 'Middling', 'district', { regionCode: SOUTH_WEST }),
    indexArea('E07000004', 'Far', 'district', { regionCode: SOUTH_WEST }),
    indexArea('E07000005', 'Farthest', 'district', { regionCode: SOUTH_WEST }),
    indexArea('E07000006', 'Ended', 'district', { regionCode: SOUTH_WEST, endDate: '2023-03-31' }),
    indexArea('W07000007', 'Not English', 'district'),
    indexArea('E06000001', 'Unitary twin', 'unitary', { regionCode: SOUTH_WEST }),
    indexArea('E08000001', 'Metropolitan', 'metropolitan_district', { regionCode: SOUTH_WEST }),
    indexArea('E09000001', 'London borough', 'london_borough', { regionCode: SOUTH_WEST }),
    indexArea('E10000001', 'County twin', 'county', { regionCode: SOUTH_WEST }),
    indexArea('W06000015', 'Cardiff', 'welsh_council'),
  ]);
  const POPULATION = indexMetric('population', { title: 'Population', valueKind: 'count', themes: ['context'] });
  const DENSITY = indexMetric('density', { title: 'People per hectare', valueKind: 'mean', themes: ['context', 'place'] });
  const RECYCLED = indexMetric('recycled', { title: 'Waste recycled', valueKind: 'proportion', themes: ['environment'] });
  /** Population: the target has 100,000; an ended district, a Welsh district and councils of other families have as many. */
  const POPULATION_ROWS: readonly Row[] = Object.freeze([
    ['2020', 'E07000001', 1], // an older period, which the latest replaces
    ['2021', 'E07000001', 100_000],
    ['2021', 'E07000002', 110_000],
    ['2021', 'E07000003', 150_000],
    ['2021', 'E07000004', 50_000],
    ['2021', 'E07000005', 1_000_000],
    ['2021', 'E07000006', 100_000],
    ['2021', 'W07000007', 100_000],
    ['2021', 'E06000001', 100_000],
    ['2021', 'E08000001', 300_000],
    ['2021', 'E09000001', 200_000],
    ['2021', 'E10000001', 100_000],
    ['2021', 'W06000015', 100_000],
  ]);
  const DENSITY_ROWS: readonly Row[] = Object.freeze([
    ['2021', 'E07000001', 2],
    ['2021', 'E07000002', 9],
    ['2021', 'E07000003', 2.5],
    ['2021', 'E07000004', 2],
    ['2021', 'E07000005', 1],
    ['2021', 'E07000006', 2],
    ['2021', 'W07000007', 2],
    ['2021', 'E06000001', 2],
    ['2021', 'E08000001', 30],
    ['2021', 'E09000001', 100],
    ['2021', 'E10000001', 2],
    ['2021', 'W06000015', 2],
  ]);
  /** Not themed context, and the target has no value: were it a variable by default, there would be no neighbours. */
  const RECYCLED_ROWS: readonly Row[] = Object.freeze([
    ['2021', 'E07000004', 40],
    ['2021', 'E07000002', 10],
    ['2021', 'E07000003', 90],
    ['2021', 'E07000005', 5],
  ]);
  const index = buildIndex(NEIGHBOUR_AREAS, [
    [POPULATION, POPULATION_ROWS],
    [DENSITY, DENSITY_ROWS],
    [RECYCLED, RECYCLED_ROWS],
  ]);

  function codesOf(found: ReturnType<typeof statisticalNeighbours>): readonly string[] {
    assert.equal(found.kind, 'ok', JSON.stringify(found));
    return found.kind === 'ok' ? found.neighbours.map((n) => n.code) : [];
  }

  it('finds the nearest open English councils of the same family on one variable, at its latest period, the size on a log scale', () => {
    const found = statisticalNeighbours(
      index,
      areaOf(index, 'E07000001'),
      Object.freeze({ variables: Object.freeze(['population']), weights: Object.freeze([]), count: 4, readableEarlySight: NO_EARLY_SIGHT }),
    );
    assert.deepEqual(codesOf(found), ['E07000002', 'E07000003', 'E07000004', 'E07000005']);
    assert.ok(found.kind === 'ok');
    assert.deepEqual(found.variables, [{ id: 'population', label: 'Population', weight: 1, transform: 'log' }]);
    assert.deepEqual(
      found.neighbours.map((n) => n.name),
      ['Near', 'Middling', 'Far', 'Farthest'],
    );
    assert.equal(found.neighbours[0]?.reason, 'compared on Population alone: 0.1 SD more');
  });

  it("uses the metrics themed 'context' by default, in code order, each with weight 1", () => {
    const found = statisticalNeighbours(index, areaOf(index, 'E07000001'), Object.freeze({ variables: Object.freeze([]), weights: Object.freeze([]), count: 4, readableEarlySight: NO_EARLY_SIGHT }));
    const variables: readonly NeighbourVariable[] = [
      { id: 'density', label: 'People per hectare', weight: 1, transform: 'none' },
      { id: 'population', label: 'Population', weight: 1, transform: 'log' },
    ];
    assert.ok(found.kind === 'ok');
    assert.deepEqual(found.variables, variables);
    const candidates = ['E07000001', 'E07000002', 'E07000003', 'E07000004', 'E07000005'].map((code) => ({
      code,
      values: [DENSITY_ROWS, POPULATION_ROWS].map((rows) => rows.find(([period, area]) => period === '2021' && area === code)?.[2] ?? null),
    }));
    const expected = nearestNeighbours(candidates, variables, 'E07000001', 4);
    assert.ok(expected.kind === 'ok');
    assert.deepEqual(
      found.neighbours.map((n) => [n.code, n.distance, n.contributions]),
      expected.neighbours.map((n) => [n.code, n.distance, n.contributions]),
    );
    assert.deepEqual(codesOf(found), ['E07000003', 'E07000004', 'E07000005', 'E07000002']); // Near is far on density
  });

  it('leaves an early-sight contextual metric out unless the viewer may read it in full', () => {
    const EMBARGOED = indexMetric('households', { title: 'Households', valueKind: 'mean', themes: ['context'], status: 'early_sight' });
    const withEarly = buildIndex(NEIGHBOUR_AREAS, [
      [POPULATION, POPULATION_ROWS],
      [DENSITY, DENSITY_ROWS],
      [EMBARGOED, DENSITY_ROWS.map(([p, a, v]) => [p, a, -v!] as const)],
    ]);
    const choice = (readable: readonly string[]) => Object.freeze({ variables: Object.freeze([]), weights: Object.freeze([]), count: 4, readableEarlySight: Object.freeze(new Set(readable)) });
    const withheld = statisticalNeighbours(withEarly, areaOf(withEarly, 'E07000001'), choice([]));
    assert.ok(withheld.kind === 'ok');
    assert.deepEqual(
      withheld.variables.map((v) => v.id),
      ['density', 'population'],
    );
    const read = statisticalNeighbours(withEarly, areaOf(withEarly, 'E07000001'), choice(['households']));
    assert.ok(read.kind === 'ok');
    assert.deepEqual(
      read.variables.map((v) => v.id),
      ['density', 'households', 'population'],
    );
    const named = statisticalNeighbours(withEarly, areaOf(withEarly, 'E07000001'), Object.freeze({ ...choice([]), variables: Object.freeze(['households']) }));
    assert.deepEqual(named, { kind: 'not_computed', reason: 'no such metric: households' });
  });

  it('takes the weights in the order of the variables', () => {
    const found = statisticalNeighbours(
      index,
      areaOf(index, 'E07000001'),
      Object.freeze({ variables: Object.freeze(['population', 'density']), weights: Object.freeze([3]), count: 1, readableEarlySight: NO_EARLY_SIGHT }),
    );
    assert.ok(found.kind === 'ok');
    assert.deepEqual(
      found.variables.map((v) => [v.id, v.weight]),
      [
        ['population', 3],
        ['density', 1],
      ],
    );
  });

  it('finds single-tier councils among single-tier councils only', () => {
    const found = statisticalNeighbours(
      index,
      areaOf(index, 'E06000001'),
      Object.freeze({ variables: Object.freeze(['population']), weights: Object.freeze([]), count: 2, readableEarlySight: NO_EARLY_SIGHT }),
    );
    assert.deepEqual(codesOf(found), ['E09000001', 'E08000001']);
  });

  it('finds counties among counties only: none here, so too few', () => {
    const found = statisticalNeighbours(
      index,
      areaOf(index, 'E10000001'),
      Object.freeze({ variables: Object.freeze(['population']), weights: Object.freeze([]), count: 1, readableEarlySight: NO_EARLY_SIGHT }),
    );
    assert.deepEqual(found, { kind: 'not_computed', reason: 'too few candidates' });
  });

  type Case = readonly [title: string, area: string, variables: readonly string[], count: number, reason: string];
  const REFUSALS: readonly Case[] = Object.freeze([
    ['refuses an unknown variable, naming it', 'E07000001', Object.freeze(['population', 'no-such-metric']), 3, 'no such metric: no-such-metric'],
    ['refuses an area that is not a council', SOUTH_WEST, Object.freeze([]), 3, 'South West is not a council: neighbours are found for districts, counties and single-tier councils'],
    ['refuses a Welsh council', 'W06000015', Object.freeze([]), 3, 'Cardiff is not a council: neighbours are found for districts, counties and single-tier councils'],
    ['refuses more neighbours than there are candidates', 'E07000001', Object.freeze(['population']), 5, 'too few candidates'],
    ['refuses an ended council, which is not a candidate', 'E07000006', Object.freeze(['population']), 1, 'unknown area'],
    ['refuses a council with no value for a variable', 'E07000001', Object.freeze(['population', 'recycled']), 1, 'target has missing values'],
  ]);
  for (const [title, code, variables, count, reason] of REFUSALS) {
    it(title, () => {
      assert.deepEqual(statisticalNeighbours(index, areaOf(index, code), Object.freeze({ variables, weights: Object.freeze([]), count, readableEarlySight: NO_EARLY_SIGHT })), {
        kind: 'not_computed',
        reason,
      });
    });
  }

  it('refuses when no metric is themed context', () => {
    const bare = buildIndex(NEIGHBOUR_AREAS, [[RECYCLED, RECYCLED_ROWS]]);
    assert.deepEqual(
      statisticalNeighbours(bare, areaOf(bare, 'E07000001'), Object.freeze({ variables: Object.freeze([]), weights: Object.freeze([]), count: 1, readableEarlySight: NO_EARLY_SIGHT })),
      {
        kind: 'not_computed',
        reason: 'no contextual metrics to find neighbours by: import some with the theme context',
      },
    );
  });

  it('leaves out a council whose value cannot be logged (zero)', () => {
    const zero = buildIndex(NEIGHBOUR_AREAS, [[POPULATION, POPULATION_ROWS.map((row): Row => (row[1] === 'E07000002' ? [row[0], row[1], 0] : row))]]);
    const found = statisticalNeighbours(
      zero,
      areaOf(zero, 'E07000001'),
      Object.freeze({ variables: Object.freeze(['population']), weights: Object.freeze([]), count: 3, readableEarlySight: NO_EARLY_SIGHT }),
    );
    assert.deepEqual(codesOf(found), ['E07000003', 'E07000004', 'E07000005']);
  });

  it('keeps zero and negative values of a variable that is not logged', () => {
    const change = indexMetric('population-change', { title: 'Population change', valueKind: 'mean', themes: ['context'] });
    const rows = Object.freeze<Row[]>([
      ['2021', 'E07000001', -0.5],
      ['2021', 'E07000002', 0],
      ['2021', 'E07000003', 1.5],
      ['2021', 'E07000004', -2],
    ]);
    const signed = buildIndex(NEIGHBOUR_AREAS, [[change, rows]]);
    const found = statisticalNeighbours(signed, areaOf(signed, 'E07000001'), Object.freeze({ variables: Object.freeze([]), weights: Object.freeze([]), count: 3, readableEarlySight: NO_EARLY_SIGHT }));
    assert.deepEqual(codesOf(found), ['E07000002', 'E07000004', 'E07000003']);
  });
});
