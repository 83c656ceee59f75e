import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { advanceRequest, RATING_RULE, ratingVerdict, type OfferRequest, type Rating, type RequestStep } from '../../../src/domain/peer-challenge/index.ts';

const REQUESTED: OfferRequest = Object.freeze({
  offerId: 'chief-executive-mentor',
  councilCode: 'E10000029',
  state: 'requested',
  requestedOn: '2026-10-01',
  decidedOn: null,
  declineReason: null,
  deliveredOn: null,
  ratings: Object.freeze([]),
});

function stepped(step: RequestStep): OfferRequest {
  assert.equal(step.kind, 'ok', JSON.stringify(step));
  return step.kind === 'ok' ? step.request : REQUESTED;
}

function refusal(step: RequestStep): { field: string; message: string } {
  assert.equal(step.kind, 'refused');
  return step.kind === 'refused' ? step.problem : { field: '', message: '' };
}

const rate = (...helpful: Rating['helpful'][]): Rating[] => helpful.map((h, i) => ({ by: `rater ${i}`, helpful: h }));

describe('advanceRequest(request, event)', () => {
  it('goes from requested to accepted, delivered and rated', () => {
    const accepted = stepped(advanceRequest(REQUESTED, { kind: 'accept', on: '2026-10-05' }));
    assert.equal(accepted.state, 'accepted');
    const delivered = stepped(advanceRequest(accepted, { kind: 'deliver', on: '2026-11-20' }));
    assert.equal(delivered.deliveredOn, '2026-11-20');
    const rated = stepped(advanceRequest(delivered, { kind: 'rate', ratings: rate('agree') }));
    assert.equal(rated.state, 'rated');
    assert.equal(stepped(advanceRequest(rated, { kind: 'rate', ratings: rate('disagree') })).ratings.length, 2);
  });

  it('declines with a reason, and refuses a decline without one', () => {
    const declined = stepped(advanceRequest(REQUESTED, { kind: 'decline', on: '2026-10-02', reason: ' No mentor free until spring ' }));
    assert.equal(declined.declineReason, 'No mentor free until spring');
    assert.equal(refusal(advanceRequest(REQUESTED, { kind: 'decline', on: '2026-10-02', reason: '  ' })).field, 'reason');
  });

  it('refuses an impossible step, naming the state it must be in', () => {
    const problem = refusal(advanceRequest(REQUESTED, { kind: 'deliver', on: '2026-10-05' }));
    assert.equal(problem.field, 'state');
    assert.match(problem.message, /requested cannot be delivered; it must be accepted/);
    const declined = stepped(advanceRequest(REQUESTED, { kind: 'decline', on: '2026-10-02', reason: 'Out of region' }));
    assert.equal(refusal(advanceRequest(declined, { kind: 'accept', on: '2026-10-03' })).field, 'state');
  });

  it('refuses a day before the request and a day it cannot read', () => {
    assert.match(refusal(advanceRequest(REQUESTED, { kind: 'accept', on: '2026-09-30' })).message, /before the request was requested on 2026-10-01/);
    assert.equal(refusal(advanceRequest(REQUESTED, { kind: 'accept', on: 'tomorrow' })).field, 'on');
  });

  it('refuses a rating without ratings or with an answer off the scale', () => {
    const delivered = { ...REQUESTED, state: 'delivered' as const };
    assert.equal(refusal(advanceRequest(delivered, { kind: 'rate', ratings: [] })).field, 'ratings');
    assert.equal(refusal(advanceRequest(delivered, { kind: 'rate', ratings: [{ by: 'x', helpful: 'meh' as never }] })).field, 'ratings');
  });
});

describe('ratingVerdict(ratings, rule)', () => {
  it('is helpful when most agree, and names the rule', () => {
    const verdict = ratingVerdict(rate('agree', 'strongly_agree', 'disagree'));
    assert.equal(verdict.kind, 'helpful');
    assert.equal(verdict.rule, RATING_RULE);
    assert.equal(verdict.sentence, 'Helpful: 2 of 3 agree it has been helpful (the rule asks for most).');
  });

  it('is not shown helpful at exactly half: most is more than half', () => {
    assert.equal(ratingVerdict(rate('agree', 'neither')).kind, 'not_shown_helpful');
  });

  it('does not judge without enough ratings', () => {
    assert.equal(ratingVerdict([]).kind, 'not_rated');
    assert.equal(ratingVerdict(rate('agree'), { ...RATING_RULE, minimumRatings: 5 }).kind, 'not_rated');
  });
});
