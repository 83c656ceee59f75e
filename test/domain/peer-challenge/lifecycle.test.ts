import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { FIVE_CORE_ELEMENTS, STAGES, advance, enquiry, type Challenge, type ChallengeEvent, type ChallengeStep, type TeamMember } from '../../../src/domain/peer-challenge/index.ts';

const TEAM: readonly TeamMember[] = Object.freeze([
  { peerId: 'p1', name: 'Ann Chief', role: 'chief_executive', lead: true },
  { peerId: 'p2', name: 'Cllr Bell', role: 'councillor', lead: false },
  { peerId: 'p3', name: 'Cy Manager', role: 'manager', lead: false },
]);

/** Every step of a corporate challenge in order, as a council lives it. */
const JOURNEY: readonly ChallengeEvent[] = Object.freeze([
  { kind: 'scope', focusAreas: [...FIVE_CORE_ELEMENTS, 'Housing'] },
  { kind: 'book', onSite: { from: '2026-03-10', to: '2026-03-13' } },
  { kind: 'confirm_team', team: TEAM },
  { kind: 'arrive', on: '2026-03-10' },
  { kind: 'give_feedback', on: '2026-03-13' },
  { kind: 'send_report_for_fact_check', on: '2026-04-20' },
  { kind: 'publish_report', on: '2026-05-15' },
  { kind: 'publish_action_plan', on: '2026-06-01' },
  { kind: 'hold_progress_review', on: '2027-01-12' },
  { kind: 'publish_progress_review_report', on: '2027-02-20' },
  { kind: 'close', on: '2027-03-01', reason: '' },
]);

const START: Challenge = Object.freeze(enquiry('c1', 'E10000029', 'corporate', '2025-10-01'));

function ok(step: ChallengeStep): Challenge {
  assert.equal(step.kind, 'ok', JSON.stringify(step));
  return step.kind === 'ok' ? step.challenge : START;
}

function refusal(step: ChallengeStep): { field: string; message: string } {
  assert.equal(step.kind, 'refused');
  return step.kind === 'refused' ? step.problem : { field: '', message: '' };
}

function walk(events: readonly ChallengeEvent[]): Challenge {
  return events.reduce((c, e) => ok(advance(c, e)), START);
}

describe('advance(challenge, event)', () => {
  it('walks a corporate challenge from enquiry to closed, keeping every day', () => {
    const seen = [START.stage];
    let challenge = START;
    for (const event of JOURNEY) {
      challenge = ok(advance(challenge, event));
      seen.push(challenge.stage);
    }
    assert.deepEqual([...new Set(seen)], STAGES);
    assert.equal(challenge.reportPublishedOn, '2026-05-15');
    assert.equal(challenge.progressReviewReportOn, '2027-02-20');
    assert.equal(challenge.closeReason, null);
  });

  it('refuses a step out of order, saying where the challenge must be', () => {
    const problem = refusal(advance(START, { kind: 'publish_report', on: '2026-05-15' }));
    assert.equal(problem.field, 'stage');
    assert.match(problem.message, /at 'enquiry' cannot take 'publish report'; it must be at report with the council for fact-check/);
  });

  it('refuses a scope that drops the core component', () => {
    assert.equal(refusal(advance(START, { kind: 'scope', focusAreas: ['Housing'] })).field, 'focusAreas');
  });

  it('refuses on-site days that end before they start, run past four days or precede the enquiry', () => {
    const scoped = walk(JOURNEY.slice(0, 1));
    assert.match(refusal(advance(scoped, { kind: 'book', onSite: { from: '2026-03-13', to: '2026-03-10' } })).message, /^'onSite.to': the last day on site \(2026-03-10\) is before the first/);
    assert.match(refusal(advance(scoped, { kind: 'book', onSite: { from: '2026-03-09', to: '2026-03-13' } })).message, /up to 4 days, not 5/);
    assert.equal(refusal(advance(scoped, { kind: 'book', onSite: { from: '2025-09-01', to: '2025-09-02' } })).field, 'onSite.from');
    assert.equal(refusal(advance(scoped, { kind: 'book', onSite: { from: 'March', to: '2026-03-10' } })).field, 'onSite.from');
  });

  it('lets scoping and booking be redone until the team is confirmed', () => {
    const booked = walk(JOURNEY.slice(0, 2));
    const rebooked = ok(advance(booked, { kind: 'book', onSite: { from: '2026-04-14', to: '2026-04-16' } }));
    assert.equal(rebooked.onSite?.from, '2026-04-14');
    assert.equal(ok(advance(rebooked, { kind: 'scope', focusAreas: [...FIVE_CORE_ELEMENTS] })).stage, 'booked');
    const confirmed = walk(JOURNEY.slice(0, 3));
    assert.equal(refusal(advance(confirmed, JOURNEY[1]!)).field, 'stage');
  });

  it('refuses a team without its lead chief executive', () => {
    const booked = walk(JOURNEY.slice(0, 2));
    assert.match(refusal(advance(booked, { kind: 'confirm_team', team: TEAM.slice(1) })).message, /needs a lead chief executive: missing/);
  });

  it('refuses a day before the step it follows', () => {
    const onSite = walk(JOURNEY.slice(0, 4));
    assert.match(refusal(advance(onSite, { kind: 'give_feedback', on: '2026-03-01' })).message, /before the first day on site \(2026-03-10\)/);
  });

  it('closes early only with a reason', () => {
    assert.equal(refusal(advance(START, { kind: 'close', on: '2025-11-01', reason: ' ' })).field, 'reason');
    const withdrawn = ok(advance(START, { kind: 'close', on: '2025-11-01', reason: 'Council chose an external review' }));
    assert.equal(withdrawn.closeReason, 'Council chose an external review');
    assert.equal(refusal(advance(withdrawn, { kind: 'scope', focusAreas: [...FIVE_CORE_ELEMENTS] })).field, 'stage');
  });

  it('never moves a stage backwards, whatever the events', () => {
    const event = fc.constantFrom(...JOURNEY, { kind: 'close', on: '2027-06-01', reason: 'withdrawn' } as const);
    fc.assert(
      fc.property(fc.array(event, { maxLength: 15 }), (events) => {
        let challenge = START;
        for (const e of events) {
          const step = advance(challenge, e);
          if (step.kind === 'ok') {
            const back = STAGES.indexOf(step.challenge.stage) < STAGES.indexOf(challenge.stage);
            assert.ok(!back, `${challenge.stage} went back to ${step.challenge.stage}`);
            challenge = step.challenge;
          }
        }
      }),
    );
  });
});
