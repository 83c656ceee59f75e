// moderate(state, step, reason): draft → submitted → published, or returned
// with a reason and submitted again; nothing else.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classificationOf, isEditable, MODERATION_STATES, MODERATION_STEPS, moderate, type ModerationState, type ModerationStep } from '../../../src/domain/good-practice/index.ts';

const ALLOWED: Readonly<Record<string, ModerationState>> = {
  'draft submit': 'submitted',
  'returned submit': 'submitted',
  'submitted publish': 'published',
  'submitted return': 'returned',
};

describe('moderate(state, step, reason)', () => {
  it('takes exactly the steps of the diagram, and refuses every other naming the state', () => {
    for (const state of MODERATION_STATES) {
      for (const step of MODERATION_STEPS) {
        const moved = moderate(state, step as ModerationStep, 'Figures need their source');
        const expected = ALLOWED[`${state} ${step}`];
        if (expected) assert.deepEqual(moved, { kind: 'ok', state: expected }, `${state} ${step}`);
        else assert.equal(moved.kind === 'refused' && moved.field, 'state', `${state} ${step}`);
      }
    }
  });

  it('returns a case study only with a reason', () => {
    for (const reason of ['  ', null]) {
      const moved = moderate('submitted', 'return', reason);
      assert.equal(moved.kind === 'refused' && moved.field, 'reason');
    }
  });

  it('lets its writer change it only while it is theirs', () => {
    assert.deepEqual(
      MODERATION_STATES.filter((s) => isEditable(s)),
      ['draft', 'returned'],
    );
  });

  it('classifies a draft as confidential, moderation as restricted, a published one as public', () => {
    assert.deepEqual(
      MODERATION_STATES.map((s) => classificationOf(s)),
      ['confidential', 'restricted', 'restricted', 'public'],
    );
  });
});
