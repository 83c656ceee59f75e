import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkArrangement, checkReview, checkSession, mentorConflicts, type ArrangementDraft } from '../../../src/domain/mentoring/index.ts';
import { PLACES, peer } from '../peer-challenge/pool.ts';

const DRAFT: ArrangementDraft = {
  menteeName: 'Sam Ward',
  menteeRole: 'chief_executive',
  councilCode: 'E07000202',
  objectives: ['Settle the senior team', 'A medium-term financial plan members own'],
  startOn: '2026-01-12',
  endOn: '2026-07-10',
};
const fields = (problems: readonly { field: string }[]) => problems.map((p) => p.field);

describe('checkArrangement(draft)', () => {
  it('makes an arrangement of a named mentee in one of the three roles, with objectives and dates', () => {
    assert.deepEqual(checkArrangement(DRAFT), []);
    assert.deepEqual(checkArrangement({ ...DRAFT, menteeRole: 'lead_member', startOn: '2026-03-01', endOn: '2026-03-01' }), []);
  });

  it('refuses an end before the start, naming both days', () => {
    const problems = checkArrangement({ ...DRAFT, endOn: '2026-01-11' });
    assert.deepEqual(fields(problems), ['endOn']);
    assert.match(problems[0]!.message, /2026-01-11.*before.*2026-01-12/);
  });

  it('names each missing or malformed field', () => {
    assert.deepEqual(fields(checkArrangement({ menteeName: ' ', menteeRole: 'director', councilCode: '', objectives: ['', '  '], startOn: '12/01/2026', endOn: '2026-02-30' })), [
      'menteeName',
      'menteeRole',
      'council',
      'objectives',
      'startOn',
      'endOn',
    ]);
  });
});

describe('mentorConflicts(mentor, council, places)', () => {
  const ipswich = PLACES.get('E07000202')!;
  it('clears a mentor from a council far away', () => {
    assert.deepEqual(mentorConflicts(peer('1', { councilCode: 'E10000016' }), ipswich, PLACES), []);
    assert.deepEqual(mentorConflicts(peer('2', { councilCode: null }), ipswich, PLACES), []);
  });

  it('refuses a mentor of the same council, county or border, or one declared, naming each conflict', () => {
    const own = mentorConflicts(peer('3', { councilCode: 'E07000202' }), ipswich, PLACES);
    assert.deepEqual(fields(own), ['mentor']);
    assert.match(own[0]!.message, /Peer 3 serves Ipswich, so they may not mentor at Ipswich/);
    const neighbour = mentorConflicts(peer('4', { councilCode: 'E07000200' }), ipswich, PLACES);
    assert.equal(neighbour.length, 2, 'same county and a shared boundary');
    const declared = mentorConflicts(peer('5', { declaredConflicts: [{ councilCode: 'E07000202', reason: 'former monitoring officer' }] }), ipswich, PLACES);
    assert.match(declared[0]!.message, /declared a conflict with Ipswich: former monitoring officer/);
  });
});

describe('checkSession(session, arrangement)', () => {
  it('takes a session within the dates, of a length in minutes', () => {
    assert.deepEqual(checkSession({ heldOn: '2026-02-03', minutes: 90, notes: 'Talked through the budget' }, DRAFT), []);
  });
  it('refuses a day outside the arrangement and a length that is not whole minutes', () => {
    assert.deepEqual(fields(checkSession({ heldOn: '2026-08-01', minutes: 1.5, notes: '' }, DRAFT)), ['heldOn', 'minutes']);
    assert.deepEqual(fields(checkSession({ heldOn: 'soon', minutes: 601, notes: 'x'.repeat(5001) }, DRAFT)), ['heldOn', 'minutes', 'notes']);
  });
});

describe('checkReview(review)', () => {
  it('takes yes, partly or no, and what changed', () => {
    assert.deepEqual(checkReview({ helpful: 'partly', whatChanged: 'The cabinet meets on the plan monthly' }), []);
    assert.deepEqual(fields(checkReview({ helpful: 'maybe', whatChanged: ' ' })), ['helpful', 'whatChanged']);
  });
});
