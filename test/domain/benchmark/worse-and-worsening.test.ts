// Worse than comparators and getting worse, on hand-made series: a finding
// only where the latest interval is wholly on the worse side of the benchmark
// and the recent trend is getting worse; never for a neutral metric, a
// suppressed figure, or either test alone.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { recentTrend, type IntervalPoint } from '../../../src/domain/benchmark/index.ts';
import { areaConcerns, metricConcerns, worseAndWorsening, type ConcernCandidate } from '../../../src/domain/benchmark/worse-and-worsening.ts';
import type { Polarity } from '../../../src/domain/metric/index.ts';
import { areaOf, buildIndex, indexArea, indexMetric, type Row } from '../../support/benchmark-index.ts';

const PERIODS = ['2019/20', '2020/21', '2021/22', '2022/23', '2023/24'];
const ENGLAND = { value: 12, source: 'England' };

/** Five values, each with a 95% interval of ±0.5 around it. */
function pointsOf(values: readonly (number | null)[]): (IntervalPoint | null)[] {
  return values.map((value) => (value === null ? null : { value, lower: value - 0.5, upper: value + 0.5 }));
}

function candidate(values: readonly (number | null)[], polarity: Polarity, benchmark: { value: number; source: string } | null = ENGLAND): ConcernCandidate {
  const latest = values[values.length - 1]!;
  return {
    metric: { code: 'smoking', title: 'Smoking prevalence', polarity, decimals: 1 },
    period: PERIODS[PERIODS.length - 1]!,
    value: latest,
    interval: latest === null ? undefined : { lower: latest - 0.5, upper: latest + 0.5 },
    level: 0.95,
    benchmark,
    recent: recentTrend({ kind: 'values_with_intervals', level: 0.95, points: pointsOf(values) }, polarity),
    trendPeriods: PERIODS,
  };
}

describe('worse than comparators and getting worse', () => {
  it('flags a figure above the benchmark on a lower-is-better metric that keeps rising, naming both tests and their figures', () => {
    const finding = worseAndWorsening(candidate([10, 12, 14, 16, 18], 'lower_is_better'));
    assert.ok(finding);
    assert.equal(finding.value, 18);
    assert.equal(finding.period, '2023/24');
    assert.deepEqual(finding.significance.interval, { lower: 17.5, upper: 18.5 });
    assert.deepEqual(finding.significance.benchmark, ENGLAND);
    assert.equal(finding.significance.words, '95% confidence interval 17.5 to 18.5 wholly above the benchmark (England, 12.0)');
    assert.equal(finding.trend.test, 'weighted_least_squares');
    assert.deepEqual(finding.trend.periods, PERIODS);
    assert.ok(Math.abs(finding.trend.slope - 2) < 1e-9, `slope ${finding.trend.slope}`);
    assert.ok(finding.trend.statistic > 9.5495);
    assert.match(finding.trend.words, /^getting worse over 2019\/20 to 2023\/24: weighted least squares/);
  });

  it('flags a higher-is-better figure below the benchmark that keeps falling, as below', () => {
    const finding = worseAndWorsening(candidate([9, 8, 7, 6, 5], 'higher_is_better'));
    assert.ok(finding);
    assert.match(finding.significance.words, /wholly below the benchmark/);
  });

  it('leaves out a figure that is worse but getting better', () => {
    assert.equal(worseAndWorsening(candidate([26, 24, 22, 20, 18], 'lower_is_better')), null);
  });

  it('leaves out a figure that is getting worse but still better than the benchmark', () => {
    assert.equal(worseAndWorsening(candidate([10, 12, 14, 16, 18], 'lower_is_better', { value: 25, source: 'England' })), null);
  });

  it('leaves out a figure whose interval reaches the benchmark', () => {
    assert.equal(worseAndWorsening(candidate([10, 12, 14, 16, 18], 'lower_is_better', { value: 18.5, source: 'England' })), null);
  });

  it('leaves out a worse figure whose trend is not significant', () => {
    assert.equal(worseAndWorsening(candidate([18, 17.9, 18.1, 18, 18], 'lower_is_better')), null);
  });

  it('never flags a neutral metric, however far it moves', () => {
    assert.equal(worseAndWorsening(candidate([10, 12, 14, 16, 18], 'neutral')), null);
  });

  it('skips a suppressed latest figure, and a series with a suppressed year has no trend to judge', () => {
    assert.equal(worseAndWorsening(candidate([10, 12, 14, 16, null], 'lower_is_better')), null);
    assert.equal(worseAndWorsening(candidate([10, 12, null, 16, 18], 'lower_is_better')), null);
  });

  it('has nothing to say without a benchmark', () => {
    assert.equal(worseAndWorsening(candidate([10, 12, 14, 16, 18], 'lower_is_better', null)), null);
  });

  it('names the chi-squared test for proportions tested from their counts', () => {
    const counts = [100, 120, 140, 160, 180].map((numerator) => ({ numerator, denominator: 1000 }));
    const finding = worseAndWorsening({
      ...candidate([10, 12, 14, 16, 18], 'lower_is_better'),
      recent: recentTrend({ kind: 'proportions', points: counts }, 'lower_is_better'),
    });
    assert.ok(finding);
    assert.equal(finding.trend.test, 'chi_squared_for_trend');
    assert.match(finding.trend.words, /chi-squared test for trend in proportions/);
  });
});

describe('areaConcerns(index, area, request)', () => {
  const COUNTY = 'E10000021';
  const UNITARY = 'E06000099';
  const YEARS = ['2017/18', '2018/19', '2019/20', '2020/21', '2021/22'];
  const areas = [
    indexArea('E92000001', 'England', 'england'),
    indexArea(COUNTY, 'Old County', 'county', { endDate: '2021-03-31', successorCodes: [UNITARY] }),
    indexArea(UNITARY, 'New Unitary', 'unitary', { startDate: '2021-04-01' }),
  ];
  // The county's last four years and the unitary that replaced it whole: one rising series of means, ±0.5.
  const rows: Row[] = [
    ...YEARS.map((year): Row => [year, 'E92000001', 22, 21.9, 22.1]),
    ...[20, 22, 24, 26].map((value, i): Row => [YEARS[i]!, COUNTY, value, value - 0.5, value + 0.5]),
    [YEARS[4]!, UNITARY, 28, 27.5, 28.5],
  ];
  const index = buildIndex(areas, [
    [indexMetric('inactive', { polarity: 'lower_is_better', valueKind: 'mean' }), rows],
    [indexMetric('movement', { polarity: 'neutral', valueKind: 'mean' }), rows],
  ]);
  const request = { group: { kind: 'england' }, level: 0.95 } as const;

  it("finds the unitary's rising figure, its trend read through the county it replaced, and never the neutral metric", () => {
    const found = areaConcerns(index, areaOf(index, UNITARY), request);
    assert.deepEqual(
      found.map((f) => [f.metric.code, f.period, f.value, f.via, f.significance.benchmark.value]),
      [['inactive', '2021/22', 28, null, 22]],
    );
    assert.deepEqual(found[0]!.trend.periods, YEARS);
  });

  it('says whose figure stands in, for the county that no longer exists', () => {
    const [finding] = areaConcerns(index, areaOf(index, COUNTY), request);
    assert.deepEqual(finding?.via, { code: UNITARY, name: 'New Unitary' });
  });

  it('looks only at the metrics asked for', () => {
    assert.deepEqual(areaConcerns(index, areaOf(index, UNITARY), { ...request, metrics: ['movement'] }), []);
  });

  it('finds, one metric at a time, what each area with a row finds on its own profile', () => {
    const byMetric = metricConcerns(index, index.metric('inactive')!, request);
    assert.deepEqual(
      byMetric.map(({ area }) => area.code),
      [UNITARY],
      'England holds steady, and the county has no row of its own at the latest period',
    );
    const own = areaConcerns(index, areaOf(index, UNITARY), request)[0]!;
    const { period, value, interval, benchmark, trendPeriods } = byMetric[0]!;
    assert.deepEqual(
      { period, value, interval, benchmark, trendPeriods },
      { period: own.period, value: own.value, interval: own.significance.interval, benchmark: own.significance.benchmark, trendPeriods: own.trend.periods },
    );
    assert.deepEqual(metricConcerns(index, index.metric('movement')!, request), []);
  });
});
