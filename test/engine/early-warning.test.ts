// Early warning's flag book over hand-made series: worse and worsening on an
// annual metric, special-cause concern on a monthly one (and, under thirteen
// points, the reason it could not look), and a target off its trajectory;
// working out a batch's metrics again gives what working out every metric
// gives, and a metric gone from the index takes its flags with it. Usable
// reserves running out within three years are flagged with the council's
// place among its neighbours, and a return most councils of a type have sent
// is flagged missing for the others; CIPFA's measures are positions.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fingerprintOf, flagSentence, type Flag } from '../../src/domain/early-warning/index.ts';
import type { Target, ToleranceRule } from '../../src/domain/targets/index.ts';
import { FlagBook, financialResilience, metricFlags, notFlaggedOf } from '../../src/engine/early-warning.ts';
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

describe('the reserves horizon, missing returns and financial resilience on the index', () => {
  const [FALLING, GROWING, NEW, HIDDEN, LATE, DISTRICT] = ['E06000011', 'E06000012', 'E06000013', 'E06000014', 'E06000015', 'E07000001'];
  const councils = [FALLING, GROWING, NEW, HIDDEN, LATE].map((code, i) => indexArea(code, `Unitary ${i + 1}`, 'unitary'));
  const areas = Object.freeze([indexArea(ENGLAND_CODE, 'England', 'england'), ...councils, indexArea(DISTRICT, 'District 1', 'district')]);
  const years = ['2019/20', '2020/21', '2021/22', '2022/23'];
  const reserves = indexMetric('usable-reserves', { title: 'Usable reserves', polarity: 'higher_is_better', valueKind: 'currency', periodKind: 'financial_year', decimals: 0 });
  const level = indexMetric('level-of-reserves', { title: 'Level of reserves', periodKind: 'financial_year' });
  /** Falling by 20 a year to 40 (two years left); growing; one year-end only; suppressed at the latest; the late council sent none in 2022/23, nor the district. */
  const reserveRows: Row[] = [
    ...years.map((year, i): Row => [year, FALLING, [100, 90, 70, 40][i]!]),
    ...years.map((year, i): Row => [year, GROWING, 50 + 10 * i]),
    ['2022/23', NEW, 80],
    ...years.map((year, i): Row => [year, HIDDEN, i === 3 ? null : 60]),
    ...years.slice(0, 3).map((year): Row => [year, LATE, 70]),
    ...years.slice(0, 3).map((year): Row => [year, DISTRICT, 5]),
  ];
  const levels: Row[] = [
    ['2022/23', FALLING, 5],
    ['2022/23', GROWING, 10],
    ['2022/23', NEW, 2],
  ];
  const finance = buildIndex(areas, [
    [reserves, reserveRows],
    [level, levels],
  ]);
  const context = { neighbours: (code: string) => (code === FALLING ? [GROWING, NEW, LATE] : []), today: '2023-06-01' };
  const found = metricFlags(finance, finance.metric('usable-reserves')!, [], context);
  const flagsOf = (rule: string) => found.flags.filter((f) => f.rule === rule);

  it('flags reserves that run out within three years, placed among the neighbours that have a horizon', () => {
    const [flag] = flagsOf('reserves_horizon');
    assert.deepEqual([flag!.area, flag!.metric, flag!.period, flag!.values.horizon, flag!.values.place, flag!.values.of], [FALLING, 'usable-reserves', '2022/23', 2, 2, 2]);
    assert.equal(flagsOf('reserves_horizon').length, 1, 'growing reserves are silent');
    assert.match(flagSentence(flag!, reserves), /^Usable reserves of 40 at 2022\/23 would run out in 2\.0 years at the average use of 20 a year over the last 3 years; 2nd best of 2/);
  });

  it('says why it could not look: one year-end, or a suppressed figure', () => {
    assert.deepEqual(
      found.notFlagged.map((n) => [n.rule, n.area, n.reason]),
      [
        ['reserves_horizon', NEW, 'too_few_points'],
        ['reserves_horizon', HIDDEN, 'suppressed'],
      ],
    );
  });

  it("flags the return most of a council's type have sent, not a type that sent none, and not before the period ends", () => {
    const missing = flagsOf('missing_return');
    assert.deepEqual(
      missing.map((f) => [f.area, f.metric, f.period, f.values.sentOfType, f.values.ofType]),
      [[LATE, 'usable-reserves', '2022/23', 4, 5]],
      'the district is the only one of its type, and none of its type sent it',
    );
    assert.equal(flagSentence(missing[0]!, reserves), 'No Usable reserves return for 2022/23, due 31 March 2023; 4 of 5 unitary authorities have sent theirs.');
    assert.deepEqual(
      metricFlags(finance, finance.metric('usable-reserves')!, [], { ...context, today: '2023-03-31' }).flags.filter((f) => f.rule === 'missing_return'),
      [],
    );
    assert.deepEqual(
      metricFlags(finance, finance.metric('usable-reserves')!, [], { neighbours: context.neighbours }).flags.filter((f) => f.rule === 'missing_return'),
      [],
      'no day, no judgement',
    );
  });

  it('is silent on a return half or fewer of the type have sent', () => {
    const half = buildIndex(areas, [[reserves, reserveRows.filter(([period, area]) => period !== '2022/23' || area === FALLING || area === GROWING)]]);
    assert.deepEqual(
      metricFlags(half, half.metric('usable-reserves')!, [], context).flags.filter((f) => f.rule === 'missing_return'),
      [],
    );
  });

  it("places each resilience measure among the council's neighbours, never summed", () => {
    const positions = financialResilience(finance, FALLING, [GROWING, NEW, LATE]);
    assert.deepEqual(
      positions.map((p) => [p.measure.code, p.period, p.value, p.position.place, p.position.of]),
      [['level-of-reserves', '2022/23', 5, 2, 3]],
      'the late council has no figure to place',
    );
    assert.deepEqual(financialResilience(finance, LATE, [FALLING]), []);
  });

  it('works out the same flags for a batch as for every metric, with the context', () => {
    const whole = new FlagBook(() => [], context);
    whole.recomputeAll(finance);
    const part = new FlagBook(() => [], context);
    part.recomputeAll(finance);
    part.recomputeMetrics(finance, ['usable-reserves']);
    assert.deepEqual([...part.flags()].sort(byPrint), [...whole.flags()].sort(byPrint));
    assert.equal([...whole.flags()].length, 2);
  });

  it("gives one council's reasons for not looking, as the book keeps them, on either index", () => {
    for (const [shown, on, given] of [
      [finance, areas, context],
      [index, AREAS, {}],
    ] as const) {
      const book = new FlagBook(() => [], given);
      book.recomputeAll(shown);
      for (const area of on) assert.deepEqual(notFlaggedOf(shown, area.code, given), book.ofArea(area.code).notFlagged, area.code);
    }
    assert.equal(notFlaggedOf(finance, NEW, context)[0]?.reason, 'too_few_points');
    assert.equal(notFlaggedOf(index, SHORT)[0]?.detail, '8 points; 13 are needed');
  });
});
