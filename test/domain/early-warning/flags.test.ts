// The hard-data rules: each fires on a series made to fire it, stays silent
// on one made not to, and says why where it cannot look; every flag names its
// rule, version, figures and a sentence, and an acknowledgement mutes a flag
// only while what it read is unchanged.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CAUSES,
  FLAG_RULES,
  RULES,
  fingerprintOf,
  flagSentence,
  inYearSpecialCause,
  isFlag,
  missingReturn,
  offTrajectoryFlag,
  positionAmong,
  reservesFlag,
  reservesHorizon,
  withMuting,
  worseAndWorseningFlag,
  type Flag,
  type FlagMetric,
} from '../../../src/domain/early-warning/index.ts';
import type { PeriodValue } from '../../../src/domain/targets/index.ts';
import type { MetricConcern } from '../../../src/domain/benchmark/worse-and-worsening.ts';
import { indexArea } from '../../support/benchmark-index.ts';

const DURHAM = 'E06000047';
const delayed: FlagMetric = { code: 'delayed-transfers', title: 'Delayed transfers of care', polarity: 'lower_is_better', decimals: 1, unit: '%' };

function monthly(values: readonly number[]): PeriodValue[] {
  return values.map((value, i) => ({ period: `${2021 + Math.floor((i + 3) / 12)}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`, value }));
}

function yearEnds(values: readonly number[]): PeriodValue[] {
  return values.map((value, i) => ({ period: `${2019 + i}-03-31`, value }));
}

function flag(finding: ReturnType<typeof inYearSpecialCause>): Flag {
  assert.ok(isFlag(finding), `expected a flag, got ${JSON.stringify(finding)}`);
  return finding;
}

describe('the rules', () => {
  it('each has a version, a cause of failure, a theme and its test in words', () => {
    for (const id of FLAG_RULES) {
      const rule = RULES[id];
      assert.equal(rule.id, id);
      assert.ok(rule.version >= 1);
      assert.ok(CAUSES.includes(rule.cause));
      assert.match(rule.test, /\w{4,}.*\./);
    }
  });
});

describe('inYearSpecialCause', () => {
  const steady = [10, 11, 10, 9, 10, 11, 10, 9, 10, 11, 10, 9, 10, 11];

  it('flags a latest point above the upper limit on a lower-is-better series, naming the signal and limits', () => {
    const found = flag(inYearSpecialCause(DURHAM, delayed, monthly([...steady, 20])));
    assert.equal(found.rule, 'in_year_special_cause');
    assert.equal(found.version, 1);
    assert.equal(found.period, '2022-06');
    assert.equal(found.values.signal, 'outside_limits');
    assert.equal(found.values.points, 15);
    assert.match(flagSentence(found, delayed), /^Delayed transfers of care: 20\.0% in 2022-06, special-cause concern \(.+\); process limits .+% to .+%\.$/);
  });

  it('is silent when the same jump is an improvement, or there is only common cause', () => {
    assert.equal(inYearSpecialCause(DURHAM, { ...delayed, polarity: 'higher_is_better' }, monthly([...steady, 20])), null);
    assert.equal(inYearSpecialCause(DURHAM, delayed, monthly(steady)), null);
  });

  it('does not look below 13 points, and says how many it had', () => {
    const found = inYearSpecialCause(DURHAM, delayed, monthly([10, 11, 10, 9, 10, 11, 10, 30]));
    assert.deepEqual(found, { rule: 'in_year_special_cause', area: DURHAM, metric: 'delayed-transfers', reason: 'too_few_points', detail: '8 points; 13 are needed' });
    assert.equal((inYearSpecialCause(DURHAM, delayed, []) as { reason: string }).reason, 'no_data');
  });

  it('never flags a neutral metric', () => {
    assert.equal(inYearSpecialCause(DURHAM, { ...delayed, polarity: 'neutral' }, monthly([...steady, 20])), null);
  });
});

describe('reservesHorizon and reservesFlag', () => {
  it('divides the reserves by the average fall over the last three years', () => {
    const horizon = reservesHorizon(yearEnds([100, 90, 70, 40]))!;
    assert.equal(horizon.yearlyUse, 20);
    assert.equal(horizon.horizon, 2);
    assert.equal(horizon.years, 3);
    assert.equal(reservesHorizon(yearEnds([100, 90, 70, 40, 40]))!.yearlyUse, 50 / 3);
  });

  it('flags under three years, with the position among neighbours in the sentence', () => {
    const found = flag(reservesFlag(DURHAM, yearEnds([100, 90, 70, 40]), [5, 1.5, null, 10]));
    assert.equal(found.values.horizon, 2);
    assert.equal(found.values.place, 4, 'three neighbours last longer: 5 and 10 years, and one whose reserves are not falling');
    assert.equal(found.values.of, 5);
    assert.equal(
      flagSentence(found, null),
      'Usable reserves of 40 at 2022-03-31 would run out in 2.0 years at the average use of 20 a year over the last 3 years; 4th best of 5 with its nearest neighbours.',
    );
  });

  it('is silent at exactly three years, when reserves grow, and does not look with one year-end', () => {
    assert.equal(reservesFlag(DURHAM, yearEnds([120, 90])), null, '90 at 30 a year is exactly three years');
    assert.ok(isFlag(reservesFlag(DURHAM, yearEnds([120, 89]))), 'a little under three years is flagged');
    assert.equal(reservesFlag(DURHAM, yearEnds([40, 50, 60])), null);
    assert.deepEqual(reservesFlag(DURHAM, yearEnds([40])), {
      rule: 'reserves_horizon',
      area: DURHAM,
      metric: 'usable-reserves',
      reason: 'too_few_points',
      detail: '1 year-end; 2 are needed for a rate of use',
    });
  });
});

describe('positionAmong', () => {
  it('places by polarity, ties sharing the better place', () => {
    assert.deepEqual(positionAmong(5, [1, 5, 9], 'higher_is_better'), { place: 2, of: 4, words: '2nd best of 4 with its nearest neighbours' });
    assert.equal(positionAmong(5, [1, 5, 9], 'lower_is_better').place, 2);
    assert.equal(positionAmong(0, [1, 5, 9], 'lower_is_better').place, 1);
  });
});

describe('missingReturn', () => {
  const due = { collection: 'ASC-FR', title: 'adult social care finance', period: '2011/12', due: '2012-07-31' };
  const most = { sent: false, ofType: 56, sentOfType: 41, typeName: 'unitary authorities' };

  it('flags a return past due that most councils of its type have sent', () => {
    const found = flag(missingReturn(DURHAM, due, most, '2012-08-15'));
    assert.equal(flagSentence(found, null), 'No adult social care finance return for 2011/12, due 31 July 2012; 41 of 56 unitary authorities have sent theirs.');
  });

  it('is silent before the due date, once sent, or while half or fewer have sent theirs', () => {
    assert.equal(missingReturn(DURHAM, due, most, '2012-07-31'), null);
    assert.equal(missingReturn(DURHAM, due, { ...most, sent: true }, '2012-08-15'), null);
    assert.equal(missingReturn(DURHAM, due, { ...most, sentOfType: 28 }, '2012-08-15'), null);
  });
});

describe('worseAndWorseningFlag and offTrajectoryFlag', () => {
  const metric = { code: 'excess-weight', title: 'Excess weight in adults', polarity: 'lower_is_better', decimals: 1, unit: '%' } as const;
  const concern: MetricConcern = {
    area: indexArea(DURHAM, 'County Durham', 'unitary'),
    period: '2022/23',
    value: 27.1,
    interval: { lower: 26.0, upper: 28.2 },
    benchmark: { value: 21.4, source: 'group mean' },
    trendPeriods: ['2018/19', '2019/20', '2020/21', '2021/22', '2022/23'],
  };

  it('says the figure, the comparator and the run of periods', () => {
    const found = worseAndWorseningFlag(concern, metric.code);
    assert.equal(flagSentence(found, metric), 'Excess weight in adults: 27.1% in 2022/23, worse than the group mean (21.4%), and getting worse over 5 periods (2018/19 to 2022/23).');
    assert.equal(found.values.benchmark, 21.4);
  });

  it('names the band, the expected value and the rule of an off-trajectory target', () => {
    const found = offTrajectoryFlag(DURHAM, {
      targetId: '7',
      metricCode: 'delayed-transfers',
      band: 'red',
      period: '2009/10',
      actual: 12.5,
      expected: 9,
      rule: 'red when more than 10% worse',
    });
    assert.equal(flagSentence(found, delayed), 'Delayed transfers of care: Red against its agreed trajectory, 12.5% in 2009/10 where 9.0% was expected (red when more than 10% worse).');
  });
});

describe('withMuting', () => {
  const steady = [10, 11, 10, 9, 10, 11, 10, 9, 10, 11, 10, 9, 10, 11];

  it('mutes a flag while what it read is unchanged, and unmutes it when a figure changes', () => {
    const before = flag(inYearSpecialCause(DURHAM, delayed, monthly([...steady, 20])));
    const ack = { fingerprint: fingerprintOf(before), reason: 'Known: winter pressures plan agreed', by: 'adviser@example.org', on: '2022-07-04' };
    assert.equal(withMuting([before], [ack])[0]!.muted, ack);
    const revised = flag(inYearSpecialCause(DURHAM, delayed, monthly([...steady, 21])));
    assert.equal(withMuting([revised], [ack])[0]!.muted, null);
  });
});
