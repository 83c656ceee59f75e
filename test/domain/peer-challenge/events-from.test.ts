// eventsFrom(stage): the events a challenge at a stage may take, which the
// challenge's page offers as its next steps; each one `advance` would not
// refuse for being out of order, and nothing after closing.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { advance, enquiry, eventsFrom, STAGES, type ChallengeEvent } from '../../../src/domain/peer-challenge/index.ts';

const EVERY: readonly ChallengeEvent[] = [
  { kind: 'scope', focusAreas: [] },
  { kind: 'book', onSite: { from: '', to: '' } },
  { kind: 'confirm_team', team: [] },
  { kind: 'arrive', on: '' },
  { kind: 'give_feedback', on: '' },
  { kind: 'send_report_for_fact_check', on: '' },
  { kind: 'publish_report', on: '' },
  { kind: 'publish_action_plan', on: '' },
  { kind: 'hold_progress_review', on: '' },
  { kind: 'publish_progress_review_report', on: '' },
  { kind: 'close', on: '', reason: '' },
];

describe('eventsFrom(stage)', () => {
  it('offers at each stage exactly the events advance takes from it', () => {
    for (const stage of STAGES) {
      const challenge = { ...enquiry('1', 'E06000047', 'corporate', '2025-01-01'), stage, onSite: { from: '2025-03-03', to: '2025-03-06' } };
      const taken = EVERY.filter((event) => {
        const step = advance(challenge, event);
        return step.kind === 'ok' || step.problem.field !== 'stage';
      }).map((e) => e.kind);
      assert.deepEqual(eventsFrom(stage), taken, stage);
    }
  });

  it('offers scoping again until the team is confirmed, and nothing once closed', () => {
    assert.deepEqual(eventsFrom('enquiry'), ['scope', 'close']);
    assert.deepEqual(eventsFrom('booked'), ['scope', 'book', 'confirm_team', 'close']);
    assert.deepEqual(eventsFrom('closed'), []);
  });
});
