// End of agreement: each outcome by polarity, the share of improvement, the
// reasons a target is not assessable, and a reward rule read as data.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkRewardRule, describeRewardRule, outcomeOf, rewardOf, type RewardRule } from '../../../src/domain/targets/index.ts';

const SIXTY: RewardRule = Object.freeze({ version: 1, partFromShare: 0.6 });

describe('outcomeOf(input)', () => {
  it('is achieved on the target or beyond it, either polarity', () => {
    assert.deepEqual(outcomeOf({ baseline: 40, target: 50, actual: 50, polarity: 'higher_is_better' }), { outcome: 'achieved', share: 1, reason: null });
    assert.equal(outcomeOf({ baseline: 40, target: 50, actual: 53, polarity: 'higher_is_better' }).outcome, 'achieved');
    assert.equal(outcomeOf({ baseline: 20, target: 15, actual: 14, polarity: 'lower_is_better' }).outcome, 'achieved');
  });

  it('is partly achieved with the share of the improvement sought', () => {
    assert.deepEqual(outcomeOf({ baseline: 20, target: 15, actual: 17, polarity: 'lower_is_better' }), { outcome: 'partly_achieved', share: 0.6, reason: null });
    assert.deepEqual(outcomeOf({ baseline: 40, target: 50, actual: 44, polarity: 'higher_is_better' }), { outcome: 'partly_achieved', share: 0.4, reason: null });
  });

  it('is not achieved without improvement on the baseline', () => {
    assert.equal(outcomeOf({ baseline: 40, target: 50, actual: 40, polarity: 'higher_is_better' }).outcome, 'not_achieved');
    assert.equal(outcomeOf({ baseline: 20, target: 15, actual: 22, polarity: 'lower_is_better' }).outcome, 'not_achieved');
    assert.equal(outcomeOf({ baseline: 20, target: 20, actual: 19, polarity: 'higher_is_better' }).outcome, 'not_achieved');
  });

  it('is not assessable without a final actual, with the reason', () => {
    assert.deepEqual(outcomeOf({ baseline: 1, target: 2, actual: null, polarity: 'higher_is_better', reason: 'suppressed' }), { outcome: 'not_assessable', share: null, reason: 'suppressed' });
    assert.equal(outcomeOf({ baseline: 1, target: 2, actual: null, polarity: 'higher_is_better' }).reason, 'no_data');
  });
});

describe('rewardOf(outcome, rule)', () => {
  it('pays the whole for a target achieved, pro rata from the threshold, nothing below it', () => {
    const reward = (actual: number): number => rewardOf(outcomeOf({ baseline: 40, target: 50, actual, polarity: 'higher_is_better' }), SIXTY);
    assert.equal(reward(51), 1);
    assert.equal(reward(46), 0.6);
    assert.equal(reward(45.9), 0);
    assert.equal(reward(30), 0);
    assert.equal(rewardOf({ outcome: 'not_assessable', share: null, reason: 'no_data' }, SIXTY), 0);
  });

  it('is written in words', () => assert.equal(describeRewardRule(SIXTY), 'The whole reward for a target achieved; from 60% of the improvement sought, the share of the reward made; nothing below'));
});

describe('checkRewardRule(json)', () => {
  it('reads a rule back from its JSON', () => assert.deepEqual(checkRewardRule({ version: 1, partFromShare: 0.6 }), { kind: 'valid', rule: SIXTY }));

  it('refuses a share as a percentage, and no version, naming the fields', () => {
    const check = checkRewardRule({ partFromShare: 60 });
    assert.deepEqual(check.kind === 'invalid' ? check.problems.map((p) => p.field) : [], ['rewardRule.version', 'rewardRule.partFromShare']);
    assert.equal(checkRewardRule(null).kind, 'invalid');
  });
});
