// The five outcomes of appendix 1, each refused without the parts it needs.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { OUTCOMES, OUTCOME_LABELS, outcomeProblems, stageAfter } from '../../../src/domain/improvement/index.ts';

const base = { reason: 'Discussed with the Chief Executive', decidedOn: '2026-11-02' };
const fields = (input: Parameters<typeof outcomeProblems>[0]) => outcomeProblems(input).map((p) => p.field);

describe('the five outcomes', () => {
  it('are five, labelled in the words of the approach', () => {
    assert.equal(OUTCOMES.length, 5);
    assert.match(OUTCOME_LABELS.support_package, /bigger degree of support/);
    assert.match(OUTCOME_LABELS.not_accepted, /does not accept/);
  });

  it('refuses an outcome not among the five, naming the field', () => {
    const [problem] = outcomeProblems({ ...base, outcome: 'monitor' });
    assert.equal(problem?.field, 'outcome');
    assert.match(problem!.message, /one of the five/);
  });

  it('asks each outcome for its own parts', () => {
    assert.deepEqual(fields({ ...base, outcome: 'satisfactory_explanation' }), ['correction']);
    assert.deepEqual(fields({ ...base, outcome: 'steps_in_place' }), ['reviewOn']);
    assert.deepEqual(fields({ ...base, outcome: 'steps_in_place', reviewOn: '2026-10-01' }), ['reviewOn']);
    assert.deepEqual(fields({ ...base, outcome: 'light_touch_support', lightTouch: 'a chat' }), ['lightTouch']);
    assert.deepEqual(fields({ ...base, outcome: 'not_accepted', differenceOfView: 'Not a priority locally' }), ['nextDiscussionOn']);
    assert.deepEqual(fields({ outcome: 'support_package' }), ['reason', 'decidedOn']);
  });

  it('takes each outcome with its parts', () => {
    assert.deepEqual(fields({ ...base, outcome: 'satisfactory_explanation', correction: 'Republish the corrected return' }), []);
    assert.deepEqual(fields({ ...base, outcome: 'steps_in_place', reviewOn: '2027-02-01' }), []);
    assert.deepEqual(fields({ ...base, outcome: 'light_touch_support', lightTouch: 'mentoring' }), []);
    assert.deepEqual(fields({ ...base, outcome: 'support_package' }), []);
    assert.deepEqual(fields({ ...base, outcome: 'not_accepted', differenceOfView: 'Members decided it is no longer a priority', nextDiscussionOn: '2027-01-10' }), []);
  });

  it('moves the case to support only for a package', () => {
    assert.equal(stageAfter('support_package'), 'support');
    assert.equal(stageAfter('not_accepted'), 'outcome_agreed');
  });
});
