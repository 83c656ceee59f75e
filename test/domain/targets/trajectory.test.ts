// Trajectories: the straight line and the stepped line from baseline to
// target, the value expected at a period, and every refusal of a bad
// trajectory naming its field.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkTrajectory, expectedAt, steppedTrajectory, straightTrajectory, type TrajectoryDraft } from '../../../src/domain/targets/index.ts';

const PLAN = Object.freeze({ first: '2008/09', last: '2010/11' });

function draft(change: Partial<TrajectoryDraft> = {}): TrajectoryDraft {
  return Object.freeze({
    baseline: { period: '2007/08', value: 40 },
    trajectory: [
      { period: '2008/09', value: 42 },
      { period: '2009/10', value: 44 },
      { period: '2010/11', value: 46 },
    ],
    targetValue: 46,
    targetPeriod: '2010/11',
    polarity: 'higher_is_better',
    plan: PLAN,
    ...change,
  });
}

function fields(change: Partial<TrajectoryDraft>): string[] {
  return checkTrajectory(draft(change)).map((problem) => problem.field);
}

describe('straightTrajectory(baseline, target)', () => {
  it('draws a point a year from the year after the baseline, the last exactly the target', () => {
    assert.deepEqual(straightTrajectory({ period: '2007/08', value: 40 }, { period: '2010/11', value: 46 }), [
      { period: '2008/09', value: 42 },
      { period: '2009/10', value: 44 },
      { period: '2010/11', value: 46 },
    ]);
  });

  it('draws quarters across a year end, falling where lower is better', () => {
    const line = straightTrajectory({ period: '2023/24 Q3', value: 10 }, { period: '2024/25 Q1', value: 7 });
    assert.deepEqual(line, [
      { period: '2023/24 Q4', value: 8.5 },
      { period: '2024/25 Q1', value: 7 },
    ]);
  });

  it('refuses a target that is not after the baseline', () => {
    assert.throws(() => straightTrajectory({ period: '2010/11', value: 1 }, { period: '2010/11', value: 2 }), RangeError);
  });
});

describe('steppedTrajectory(baseline, steps)', () => {
  it('holds the baseline, then each step, for every period', () => {
    const line = steppedTrajectory({ period: '2007/08', value: 40 }, [
      { period: '2009/10', value: 45 },
      { period: '2011/12', value: 50 },
    ]);
    assert.deepEqual(
      line.map((p) => [p.period, p.value]),
      [
        ['2008/09', 40],
        ['2009/10', 45],
        ['2010/11', 45],
        ['2011/12', 50],
      ],
    );
  });
});

describe('expectedAt(trajectory, period)', () => {
  it('reads a point, and nothing where a profiled trajectory skips a non-survey year', () => {
    const profiled = [
      { period: '2008/09', value: 30 },
      { period: '2010/11', value: 34 },
    ];
    assert.equal(expectedAt(profiled, '2010/11'), 34);
    assert.equal(expectedAt(profiled, '2009/10'), undefined);
  });
});

describe('checkTrajectory(draft)', () => {
  it('passes a good trajectory', () => assert.deepEqual(checkTrajectory(draft()), []));

  it('reads periods as periods, however they are written', () => {
    assert.deepEqual(checkTrajectory(draft({ targetPeriod: 'FY2010-11' })), []);
  });

  it('refuses a target period that is a month once, not at every point', () => {
    assert.deepEqual(fields({ targetPeriod: '2010-11' }), ['targetPeriod', 'trajectory']);
    assert.match(checkTrajectory(draft({ targetPeriod: '2010-11' }))[0]!.message, /must be a year or a quarter, not 2010-11/);
  });

  it('refuses a trajectory period of the wrong kind, naming the point', () => {
    const problems = checkTrajectory(draft({ trajectory: [{ period: '2009', value: 43 }, ...draft().trajectory.slice(1)] }));
    assert.deepEqual(
      problems.map((p) => p.field),
      ['trajectory[0].period'],
    );
    assert.match(problems[0]!.message, /2009 is not of the trajectory's kind/);
  });

  it('refuses a period outside the plan', () => {
    const problems = checkTrajectory(
      draft({
        trajectory: [...draft().trajectory, { period: '2011/12', value: 48 }],
        targetPeriod: '2011/12',
        targetValue: 48,
      }),
    );
    assert.deepEqual(
      problems.map((p) => p.field),
      ['trajectory[3].period'],
    );
    assert.match(problems[0]!.message, /outside the plan \(2008\/09 to 2010\/11\)/);
  });

  it('refuses a last value that is not the target, and a last period that is not the target period', () => {
    assert.deepEqual(fields({ targetValue: 47 }), ['trajectory']);
    assert.match(checkTrajectory(draft({ targetValue: 47 }))[0]!.message, /last value of 'trajectory' \(46\) must be the target \(47\)/);
    assert.deepEqual(fields({ targetPeriod: '2009/10', targetValue: 44 }), ['trajectory']);
  });

  it('refuses a target worse than the baseline without a reason, by polarity', () => {
    const falling = { trajectory: [{ period: '2010/11', value: 38 }], targetValue: 38 };
    assert.deepEqual(fields(falling), ['worseThanBaselineReason']);
    assert.deepEqual(fields({ ...falling, worseThanBaselineReason: 'the downturn' }), []);
    assert.deepEqual(fields({ ...falling, polarity: 'lower_is_better' }), []);
    assert.deepEqual(fields({ ...falling, polarity: 'neutral' }), []);
    assert.deepEqual(fields({ polarity: 'lower_is_better' }), ['worseThanBaselineReason']);
  });

  it('refuses points out of order or not after the baseline', () => {
    assert.deepEqual(fields({ baseline: { period: '2008/09', value: 40 } }), ['trajectory[0].period']);
    const swapped = [draft().trajectory[1]!, draft().trajectory[0]!, draft().trajectory[2]!];
    assert.deepEqual(fields({ trajectory: swapped }), ['trajectory[1].period']);
  });

  it('refuses periods that are not periods, a target period that is not a year or quarter, and values that are not numbers', () => {
    assert.deepEqual(fields({ baseline: { period: '2007/09', value: 40 } }), ['baseline.period']);
    assert.deepEqual(fields({ baseline: { period: '2007/08', value: Number.NaN } }), ['baseline.value']);
    assert.deepEqual(fields({ trajectory: [] }), ['trajectory']);
    assert.deepEqual(fields({ plan: { first: '2010/11', last: '2008/09' } }), ['plan.last']);
  });

  it('allows a quarterly trajectory inside a plan of years', () => {
    const quarterly = draft({
      baseline: { period: '2009/10 Q4', value: 10 },
      trajectory: [
        { period: '2010/11 Q1', value: 11 },
        { period: '2010/11 Q2', value: 12 },
      ],
      targetPeriod: '2010/11 Q2',
      targetValue: 12,
    });
    assert.deepEqual(checkTrajectory(quarterly), []);
  });
});
