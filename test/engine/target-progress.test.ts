// Target progress read through the benchmark index: each area's latest
// actual rated by its target's rule, every reason a target is not rated, and
// the property that recomputing a batch's metrics gives what recomputing
// every target gives.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TargetProgressBook, rateTargets, targetProjection, targetSpc, type AreaProgress, type TargetProgress } from '../../src/engine/target-progress.ts';
import { projectTrend } from '../../src/domain/targets/index.ts';
import type { Target, ToleranceRule } from '../../src/domain/targets/index.ts';
import { buildIndex, buildSlices, indexArea, indexMetric, type Row } from '../support/benchmark-index.ts';

const HAVERING: ToleranceRule = Object.freeze({ kind: 'relative', version: 1, greenWithinPercent: 10, amberWithinPercent: null, amberIfImproved: true });
const STATISTICAL: ToleranceRule = Object.freeze({ kind: 'statistical', version: 1 });
const AREAS = Object.freeze(['E06000001', 'E06000002', 'E06000003', 'E06000004'].map((code, i) => indexArea(code, `Council ${i + 1}`, 'unitary')));
const FY = { periodKind: 'financial_year' } as const;

function target(more: Partial<Target> = {}): Target {
  return Object.freeze({
    id: 't1',
    metricCode: 'NI 1',
    areaCodes: ['E06000001'],
    polarity: 'higher_is_better',
    baseline: { period: '2008/09', value: 40 },
    trajectory: [
      { period: '2009/10', value: 45 },
      { period: '2010/11', value: 50 },
    ],
    shape: 'straight',
    targetValue: 50,
    targetPeriod: '2010/11',
    role: 'performance',
    kind: 'designated',
    rule: HAVERING,
    placeholderDue: null,
    ...more,
  });
}

function only(index: Parameters<typeof rateTargets>[0], one: Target): AreaProgress {
  return rateTargets(index, [one])[0]!.areas[0]!;
}

function band(progress: AreaProgress): string {
  return 'band' in progress.rating ? progress.rating.band : `not rated: ${progress.rating.notRated}`;
}

describe('rateTargets(index, targets)', () => {
  const rows: Row[] = [
    ['2008/09', 'E06000001', 40],
    ['2009/10', 'E06000001', 41],
    ['2010/11', 'E06000001', 44],
    ['2008/09', 'E06000002', 40],
    ['2009/10', 'E06000002', 46],
    ['2010/11', 'E06000002', null],
    ['2009/10', 'E06000003', 39],
    ['2010/11', 'E06000003', 38],
  ];
  const index = buildIndex(AREAS, [[indexMetric('NI 1', FY), rows]]);

  it('rates the latest actual against the trajectory, with progress, gap and the rule in words', () => {
    const progress = only(index, target());
    assert.deepEqual({ ...progress, rating: band(progress) }, { area: 'E06000001', period: '2010/11', actual: 44, expected: 50, progress: 0.4, gap: -6, rating: 'amber' });
    assert.match(progress.rating.rule, /^Green: on or within 10% of the trajectory/);
    assert.equal(band(only(index, target({ areaCodes: ['E06000003'] }))), 'red');
  });

  it('says why a target is not rated', () => {
    assert.equal(band(only(index, target({ areaCodes: ['E06000002'] }))), 'not rated: suppressed');
    assert.equal(band(only(index, target({ areaCodes: ['E06000004'] }))), 'not rated: no_data');
    assert.equal(band(only(index, target({ areaCodes: ['E09999999'] }))), 'not rated: no_data');
    assert.equal(band(only(index, target({ metricCode: 'NI 2' }))), 'not rated: no_data');
    assert.equal(band(only(index, target({ baseline: { period: '2010/11', value: 40 }, trajectory: [{ period: '2011/12', value: 50 }], targetPeriod: '2011/12' }))), 'not rated: no_data');
    assert.equal(band(only(index, target({ placeholderDue: '2009-03-31', baseline: null, trajectory: [] }))), 'not rated: placeholder');
    assert.equal(band(only(index, target({ seriesBreaks: ['2010/11'] }))), 'not rated: break_in_series');
    assert.equal(band(only(index, target({ seriesBreaks: ['2008/09'] }))), 'amber');
    const survey = only(
      index,
      target({
        trajectory: [
          { period: '2009/10', value: 45 },
          { period: '2011/12', value: 50 },
        ],
        targetPeriod: '2011/12',
      }),
    );
    assert.equal(band(survey), 'not rated: non_survey_year');
    assert.equal(survey.actual, 44);
  });

  it('rates an actual after the target period against the target', () => {
    const ended = only(index, target({ trajectory: [{ period: '2009/10', value: 42 }], targetPeriod: '2009/10', targetValue: 42 }));
    assert.deepEqual([ended.expected, band(ended)], [42, 'green']);
  });

  it("reads the actual's 95% interval from the index for a statistical rule", () => {
    const bounded = buildIndex(AREAS, [
      [
        indexMetric('NI 1', FY),
        [
          ['2009/10', 'E06000001', 47, 43, 51],
          ['2010/11', 'E06000001', 30],
        ],
      ],
    ]);
    const rule = { rule: STATISTICAL, trajectory: [{ period: '2009/10', value: 50 }], targetPeriod: '2009/10' };
    assert.equal(band(only(bounded, target(rule))), 'not rated: no_interval');
    const earlier = buildIndex(AREAS, [[indexMetric('NI 1', FY), [['2009/10', 'E06000001', 47, 43, 51]]]]);
    assert.equal(band(only(earlier, target(rule))), 'amber');
  });

  it('rates each area of a target apart', () => {
    const [result] = rateTargets(index, [target({ areaCodes: ['E06000001', 'E06000003'] })]);
    assert.deepEqual(
      result!.areas.map((a) => [a.area, band(a)]),
      [
        ['E06000001', 'amber'],
        ['E06000003', 'red'],
      ],
    );
  });
});

describe('TargetProgressBook', () => {
  const YEARS = ['2008/09', '2009/10', '2010/11'];
  const METRICS = ['M1', 'M2', 'M3'];
  const value = fc.option(fc.integer({ min: 0, max: 100 }), { nil: null, freq: 8 });
  const rowsOf = fc.array(fc.tuple(fc.constantFrom(...YEARS), fc.constantFrom(...AREAS.map((a) => a.code)), value), { maxLength: 12 });
  const targetsOf = fc.array(
    fc.record({
      metric: fc.constantFrom(...METRICS),
      area: fc.constantFrom(...AREAS.map((a) => a.code)),
      polarity: fc.constantFrom('higher_is_better' as const, 'lower_is_better' as const),
      goal: fc.integer({ min: 0, max: 100 }),
    }),
    { minLength: 1, maxLength: 15 },
  );

  function unique(rows: readonly (readonly [string, string, number | null])[]): Row[] {
    return [...new Map(rows.map((row) => [`${row[0]} ${row[1]}`, row])).values()];
  }

  function sorted(results: Iterable<TargetProgress>): TargetProgress[] {
    return [...results].sort((a, b) => (a.targetId < b.targetId ? -1 : 1));
  }

  it('recomputing only the changed metrics gives what recomputing every target gives', () => {
    fc.assert(
      fc.property(fc.array(rowsOf, { minLength: 3, maxLength: 3 }), fc.array(rowsOf, { minLength: 3, maxLength: 3 }), fc.subarray(METRICS), targetsOf, (before, after, changed, specs) => {
        const metrics = METRICS.map((code) => indexMetric(code, FY));
        const index = buildIndex(
          AREAS,
          metrics.map((metric, i) => [metric, unique(before[i]!)]),
        );
        const targets = specs.map((spec, i) =>
          target({
            id: `t${i}`,
            metricCode: spec.metric,
            areaCodes: [spec.area],
            polarity: spec.polarity,
            trajectory: [
              { period: '2009/10', value: spec.goal },
              { period: '2010/11', value: spec.goal },
            ],
          }),
        );
        const book = new TargetProgressBook(targets);
        book.recomputeAll(index);
        for (const code of changed) {
          const i = METRICS.indexOf(code);
          index.put(metrics[i]!, buildSlices(AREAS, unique(after[i]!), metrics[i]!));
        }
        book.recomputeMetrics(index, changed);
        const fresh = new TargetProgressBook(targets);
        fresh.recomputeAll(index);
        assert.deepEqual(sorted(book.all()), sorted(fresh.all()));
      }),
    );
  });

  it('puts, replaces and removes a target, and lists one metric’s targets', () => {
    const index = buildIndex(AREAS, [[indexMetric('NI 1', FY), [['2010/11', 'E06000001', 50]]]]);
    const book = new TargetProgressBook([target(), target({ id: 't2', metricCode: 'NI 2' })]);
    book.recomputeAll(index);
    assert.equal(book.ofMetric('NI 1').length, 1);
    assert.equal(band(book.progress('t1')!.areas[0]!), 'green');
    book.put(index, target({ id: 't2', metricCode: 'NI 1' }));
    assert.deepEqual(
      book.ofMetric('NI 1').map((p) => p.targetId),
      ['t1', 't2'],
    );
    assert.deepEqual(book.ofMetric('NI 2'), []);
    book.remove('t1');
    assert.equal(book.progress('t1'), undefined);
    assert.deepEqual(
      book.ofMetric('NI 1').map((p) => p.targetId),
      ['t2'],
    );
  });
});

describe('targetSpc(index, target, area, rebases)', () => {
  const QUARTERS = Array.from({ length: 14 }, (_, i) => `${2021 + Math.floor(i / 4)}/${String((22 + Math.floor(i / 4)) % 100).padStart(2, '0')} Q${(i % 4) + 1}`);
  const quarterly = indexMetric('NI 1', { periodKind: 'quarter' });

  it('charts an in-year series, with the target for assurance', () => {
    const rows: Row[] = QUARTERS.map((quarter, i) => [quarter, 'E06000001', 60 + (i % 3)]);
    const index = buildIndex(AREAS, [[quarterly, rows]]);
    const chart = targetSpc(index, target({ targetValue: 50 }), 'E06000001');
    assert.equal(chart.kind, 'chart');
    assert.equal(chart.kind === 'chart' ? chart.points.length : 0, 14);
    assert.equal(chart.kind === 'chart' ? chart.assurance : null, 'consistently_pass');
  });

  it('leaves out suppressed quarters, and shows nothing below 13 points', () => {
    const rows: Row[] = QUARTERS.map((quarter, i) => [quarter, 'E06000001', i < 2 ? null : 60]);
    const chart = targetSpc(buildIndex(AREAS, [[quarterly, rows]]), target(), 'E06000001');
    assert.equal(chart.kind, 'too_few_points');
  });

  it("charts a proportion with counts on Laney's P′ chart, in the metric's percent", () => {
    const proportion = indexMetric('NI 1', { periodKind: 'quarter', valueKind: 'proportion', multiplier: 100 });
    const rows: Row[] = QUARTERS.map((quarter, i) => {
      const denominator = 1000 + 500 * (i % 4);
      const numerator = Math.round(denominator * (0.6 + 0.01 * (i % 3)));
      return [quarter, 'E06000001', (100 * numerator) / denominator, null, null, numerator, denominator];
    });
    const chart = targetSpc(buildIndex(AREAS, [[proportion, rows]]), target({ targetValue: 50 }), 'E06000001');
    assert.equal(chart.kind, 'chart');
    const points = chart.kind === 'chart' ? chart.points : [];
    assert.ok(Math.abs(points[0]!.value - 60) < 1e-9);
    assert.notEqual(points[0]!.limits.upper, points[1]!.limits.upper);
    const withoutCounts = rows.map(([quarter, area, value]) => [quarter, area, value] as Row);
    const xmr = targetSpc(buildIndex(AREAS, [[proportion, withoutCounts]]), target(), 'E06000001');
    assert.equal(xmr.kind === 'chart' ? xmr.points[0]!.limits.upper : 0, xmr.kind === 'chart' ? xmr.points[1]!.limits.upper : 1);
  });

  it('has no chart for an annual series, and says why', () => {
    const index = buildIndex(AREAS, [[indexMetric('NI 1', FY), [['2010/11', 'E06000001', 1]]]]);
    const chart = targetSpc(index, target(), 'E06000001');
    assert.equal(chart.kind, 'not_in_year');
    assert.match(chart.kind === 'not_in_year' ? chart.reason : '', /monthly and quarterly/);
  });
});

describe('targetProjection(index, target, area)', () => {
  const rows: Row[] = [
    ['2007/08', 'E06000001', 10],
    ['2008/09', 'E06000001', 40],
    ['2009/10', 'E06000001', 42],
    ['2010/11', 'E06000001', null],
    ['2011/12', 'E06000001', 45],
  ];
  const index = buildIndex(AREAS, [[indexMetric('NI 1', FY), rows]]);

  it("projects the area's actuals from the baseline's period on, leaving out suppressed ones", () => {
    const expected = projectTrend(
      [
        { period: '2008/09', value: 40 },
        { period: '2009/10', value: 42 },
        { period: '2011/12', value: 45 },
      ],
      '2012/13',
      50,
      'higher_is_better',
    );
    assert.equal(expected.kind, 'projected');
    assert.deepEqual(targetProjection(index, target({ targetPeriod: '2012/13' }), 'E06000001'), expected);
  });

  it('does not project a placeholder', () => {
    assert.equal(targetProjection(index, target({ baseline: null }), 'E06000001').kind, 'not_projected');
  });
});
