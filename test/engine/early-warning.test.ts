// Early warning's flag book over hand-made series: worse and worsening on an
// annual metric, special-cause concern on a monthly one (and, under thirteen
// points, the reason it could not look), and a target off its trajectory;
// working out a batch's metrics again gives what working out every metric
// gives, and a metric gone from the index takes its flags with it.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fingerprintOf, flagSentence, type Flag } from '../../src/domain/early-warning/index.ts';
import type { Target, ToleranceRule } from '../../src/domain/targets/index.ts';
import { FlagBook, metricFlags } from '../../src/engine/early-warning.ts';
import { rateTargets } from '../../src/engine/target-progress.ts';
import { ENGLAND_CODE, buildIndex, indexArea, indexMetric, type Row } from '../support/benchmark-index.ts';

const [RISING, STEADY, SHORT] = ['E06000001', 'E06000002', 'E06000003'];
const AREAS = Object.freeze([indexArea(ENGLAND_CODE, 'England', 'england'), ...[RISING, STEADY, SHORT].map((code, i) => indexArea(code, `Council ${i + 1}`, 'unitary'))]);
const YEARS = ['2017/18', '2018/19', '2019/20', '2020/21', '2021/22'];
const MONTHS = Array.from({ length: 15 }, (_, i) => `${['Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar'][i % 12]} ${2021 + Math.floor((i + 3) / 12)}`);

/** Inactivity: England steady at 22, the first council rising from 20 to 28 (each ±0.5), the second steady at 21. */
const annual: Row[] = YEARS.flatMap((year, i): Row[] => [
  [year, ENGLAND_CODE, 22, 21.9, 22.1],
  [year, RISING, 20 + 2 * i, 19.5 + 2 * i, 20.5 + 2 * i],
  [year, STEADY, 21, 20.5, 21.5],
]);
/** Delayed transfers, monthly: the second council jumps in its fifteenth month; the third has eight months only. */
const steady = [10, 11, 10, 9, 10, 11, 10, 9, 10, 11, 10, 9, 10, 11, 10];
const monthly: Row[] = MONTHS.flatMap((month, i): Row[] => [[month, STEADY, i === 14 ? 20 : steady[i]!], ...(i >= 7 ? [[month, SHORT, steady[i]!] as Row] : [])]);

const inactive = indexMetric('inactive', { title: 'Physically inactive adults', polarity: 'lower_is_better', valueKind: 'mean', periodKind: 'financial_year', decimals: 1, unit: '%' });
const delayed = indexMetric('delayed', { title: 'Delayed transfers of care', polarity: 'lower_is_better', valueKind: 'mean', periodKind: 'month', decimals: 0 });

const WITHIN_TEN_PERCENT: ToleranceRule = Object.freeze({ kind: 'relative', version: 1, greenWithinPercent: 10, amberWithinPercent: null, amberIfImproved: true });
/** Inactivity down to 18 by 2021/22 from 20 in 2017/18: the rising council is far off it. */
const target: Target = Object.freeze({
  id: '1',
  metricCode: 'inactive',
  areaCodes: [RISING],
  polarity: 'lower_is_better',
  baseline: { period: '2017/18', value: 20 },
  trajectory: [{ period: '2021/22', value: 18 }],
  shape: 'straight',
  targetValue: 18,
  targetPeriod: '2021/22',
  role: 'performance',
  kind: 'local',
  rule: WITHIN_TEN_PERCENT,
  placeholderDue: null,
});

const index = buildIndex(AREAS, [
  [inactive, annual],
  [delayed, monthly],
]);
const ratingsOf = (code: string) => rateTargets(index, [target]).filter((progress) => progress.metricCode === code);

describe('metricFlags(index, series, targets)', () => {
  it('flags the council worse than England and getting worse, and its target off trajectory, each with its sentence', () => {
    const found = metricFlags(index, index.metric('inactive')!, ratingsOf('inactive'));
    assert.deepEqual(
      found.flags.map((f) => [f.rule, f.area, f.period]),
      [
        ['worse_and_worsening', RISING, '2021/22'],
        ['off_trajectory', RISING, '2021/22'],
      ],
    );
    assert.equal(flagSentence(found.flags[0]!, inactive), 'Physically inactive adults: 28.0% in 2021/22, worse than England (22.0%), and getting worse over 5 periods (2017/18 to 2021/22).');
    assert.match(flagSentence(found.flags[1]!, inactive), /^Physically inactive adults: Red against its agreed trajectory, 28\.0% in 2021\/22 where 18\.0% was expected \(.+\)\.$/);
    assert.deepEqual(found.notFlagged, [], 'an annual series is not put on an SPC chart');
  });

  it('flags the in-year jump, and says the short series could not be judged', () => {
    const found = metricFlags(index, index.metric('delayed')!);
    assert.deepEqual(
      found.flags.map((f) => [f.rule, f.area, f.period, f.values.signal]),
      [['in_year_special_cause', STEADY, '2022-06', 'outside_limits']],
    );
    assert.deepEqual(found.notFlagged, [{ rule: 'in_year_special_cause', area: SHORT, metric: 'delayed', reason: 'too_few_points', detail: '8 points; 13 are needed' }]);
  });
});

describe('FlagBook', () => {
  it("keeps each council's flags, and a batch's metrics worked out again equal every metric worked out", () => {
    fc.assert(
      fc.property(fc.subarray(['inactive', 'delayed', 'gone']), (batch) => {
        const whole = new FlagBook(ratingsOf);
        whole.recomputeAll(index);
        const part = new FlagBook(ratingsOf);
        part.recomputeAll(index);
        part.recomputeMetrics(index, batch);
        assert.deepEqual([...part.flags()].sort(byPrint), [...whole.flags()].sort(byPrint));
      }),
    );
  });

  it('answers by council and by metric, and drops a metric the index no longer holds', () => {
    const book = new FlagBook(ratingsOf);
    book.recomputeAll(index);
    assert.deepEqual(
      book.ofArea(RISING).flags.map((f) => f.rule),
      ['worse_and_worsening', 'off_trajectory'],
    );
    assert.equal(book.ofArea(SHORT).notFlagged[0]?.reason, 'too_few_points');
    const without = buildIndex(AREAS, [[delayed, monthly]]);
    book.recomputeMetrics(without, ['inactive']);
    assert.deepEqual(book.ofMetric('inactive'), { flags: [], notFlagged: [] });
    assert.equal(book.ofArea(RISING).flags.length, 0);
  });
});

const byPrint = (a: Flag, b: Flag) => (a.area + fingerprintOf(a)).localeCompare(b.area + fingerprintOf(b));
