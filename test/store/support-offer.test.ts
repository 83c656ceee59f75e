// The support offer's store on a real PostgreSQL: a second open enquiry of
// one kind for a council is refused by the store itself, however many ask at
// once (one wins, the rest are told which request is open); the entitlement
// counts what was had and asked for, never what was declined; a request
// moves only as the domain allows; and an allocation over the budget is
// refused in its transaction, so that of ten at once only those that fit win.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { checkRequest, type Offer, type OfferCouncil } from '../../src/domain/peer-challenge/index.ts';
import { keptSupportOffer } from '../../src/ingest/support-offer.ts';
import { addBudget, allocate, allocationsOf, readBudget, recordSpend, type AllocationInput } from '../../src/store/funding.ts';
import { createOrganisation } from '../../src/store/organisations.ts';
import { askForSupport, offerUsesOf, readRequest, stepRequest, type Asked, type RequestDraft } from '../../src/store/support-requests.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DURHAM: OfferCouncil = Object.freeze({ code: 'E06000047', name: 'County Durham', type: 'unitary', region: 'E12000001' });
const offers = keptSupportOffer().offers;
const offer = (id: string): Offer => offers.find((o) => o.id === id)!;

describe('the support offer in the store', () => {
  let store: TestStore;
  let holder: number;
  before(async () => {
    store = await openTestStore();
    holder = (await createOrganisation(store.sql, { name: 'Sector improvement body', kind: 'sector_body', areaCode: null })).id;
  });
  after(() => store.close());

  const draft = (offerId: string, requestedOn: string): RequestDraft => ({
    councilCode: DURHAM.code,
    offerId,
    offerKind: offer(offerId).kind,
    providerId: offer(offerId).providerId,
    organisationId: holder,
    requestedOn,
    note: null,
  });
  const ask = (offerId: string, requestedOn: string) => askForSupport(store.sql, draft(offerId, requestedOn), null, (uses) => checkRequest({ offerId, requestedOn }, DURHAM, offers, uses));
  const idOf = (asked: Asked) => {
    assert.equal(asked.kind, 'ok', JSON.stringify(asked));
    return (asked as { id: number }).id;
  };

  it('lets one of 30 asking at once open an enquiry; the rest are told which is open', async () => {
    const results = await Promise.all(Array.from({ length: 30 }, () => ask('leadership-place', '2026-01-10')));
    const won = results.filter((r) => r.kind === 'ok');
    assert.equal(won.length, 1);
    const id = (won[0] as { id: number }).id;
    for (const r of results.filter((x) => x.kind !== 'ok')) assert.deepEqual(r, { kind: 'open', open: { id, offerId: 'leadership-place', requestedOn: '2026-01-10' } });
    const rows = await store.sql`select id from support_request where offer_id = 'leadership-place'`;
    assert.equal(rows.length, 1);
  });

  it('refuses a second open enquiry in the table itself, whoever writes around the lock', async () => {
    const id = idOf(await ask('productivity-expert', '2026-01-11'));
    await assert.rejects(
      store.sql`insert into support_request (area_code, offer_id, offer_kind, provider_id, organisation_id, requested_on, state)
        values (${DURHAM.code}, 'productivity-expert', 'productivity_expert', 'lga', ${holder}, '2026-01-12', 'requested')`,
      /support_request_one_open/,
    );
    // once declined, the kind is open to a new enquiry
    assert.equal((await stepRequest(store.sql, id, { kind: 'decline', on: '2026-01-12', reason: 'Not this year' }, null)).kind, 'ok');
    idOf(await ask('productivity-expert', '2026-01-13'));
  });

  it('counts the entitlement from what was had, never what was declined', async () => {
    const first = idOf(await ask('corporate-peer-challenge', '2025-03-01'));
    assert.equal((await stepRequest(store.sql, first, { kind: 'accept', on: '2025-03-02' }, null)).kind, 'ok');
    assert.equal((await stepRequest(store.sql, first, { kind: 'deliver', on: '2025-09-30' }, null)).kind, 'ok');
    const again = await ask('corporate-peer-challenge', '2026-02-01');
    assert.equal(again.kind, 'refused');
    assert.equal((again as { problem: { field: string } }).problem.field, 'offerId');
    assert.match(
      (again as { problem: { message: string } }).problem.message,
      /entitlement exceeded: County Durham has had 1 of 1 Corporate peer challenge within 36 months .* may ask again from 2028-03-01/,
    );
    // three years on, it may ask again
    idOf(await ask('corporate-peer-challenge', '2028-03-02'));
    const uses = await offerUsesOf(store.sql, DURHAM.code);
    assert.ok(
      uses.every((u) => u.offerId !== 'productivity-expert' || u.on !== '2026-01-11'),
      'the declined request is not a use',
    );
  });

  it('moves a request only as the domain allows, and keeps its ratings', async () => {
    const id = idOf(await ask('adults-peer-challenge', '2026-01-05'));
    const early = await stepRequest(store.sql, id, { kind: 'deliver', on: '2026-01-06' }, null);
    assert.deepEqual(early.kind === 'refused' && early.problem.field, 'state');
    assert.deepEqual((await stepRequest(store.sql, id, { kind: 'accept', on: '2026-01-04' }, null)).kind === 'refused', true, 'accepted before it was asked');
    assert.equal((await stepRequest(store.sql, id, { kind: 'accept', on: '2026-01-06' }, null)).kind, 'ok');
    assert.equal((await stepRequest(store.sql, id, { kind: 'deliver', on: '2026-03-01' }, null)).kind, 'ok');
    const rated = await stepRequest(
      store.sql,
      id,
      {
        kind: 'rate',
        ratings: [
          { by: 'Chief executive', helpful: 'agree' },
          { by: 'Leader', helpful: 'disagree' },
        ],
      },
      null,
    );
    assert.equal(rated.kind, 'ok');
    const read = await readRequest(store.sql, id);
    assert.deepEqual([read?.state, read?.ratings.length, read?.decidedOn, read?.deliveredOn], ['rated', 2, '2026-01-06', '2026-03-01']);
  });

  const allocation = (amount: number, name: string): AllocationInput => ({
    theme: 'Performance Improvement',
    year: '2009/10',
    recipient: { kind: 'project', name, councilCode: null },
    amount,
    decidedBy: 'Theme Management Group',
    decidedOn: '2009-06-01',
    decision: 'Agreed',
    startsOn: null,
    endsOn: null,
  });

  it('refuses an allocation over the budget, and lets only those that fit win when ten come at once', async () => {
    const added = await addBudget(store.sql, holder, { theme: 'Performance Improvement', year: '2009/10', amount: 900, carriedForward: 100 }, null);
    assert.equal(added.kind, 'ok');
    const budgetId = (added as { id: number }).id;
    assert.deepEqual(await addBudget(store.sql, holder, { theme: 'performance improvement', year: '2009/10', amount: 1, carriedForward: 0 }, null), { kind: 'exists', id: budgetId });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => allocate(store.sql, budgetId, allocation(300, `Project ${i}`), null)));
    assert.equal(results.filter((r) => r.kind === 'ok').length, 3);
    for (const r of results.filter((x) => x.kind === 'refused')) {
      const [p] = (r as { problems: readonly { field: string; message: string }[] }).problems;
      assert.equal(p?.field, 'amount');
      assert.match(p!.message, /£300 is over the budget: £100 of Performance Improvement's 2009\/10 budget is unallocated/);
    }
    assert.equal((await allocate(store.sql, budgetId, allocation(100, 'The last hundred'), null)).kind, 'ok');
    const over = await allocate(store.sql, budgetId, allocation(0.01, 'A penny more'), null);
    assert.equal(over.kind, 'refused');
    const [first] = await allocationsOf(store.sql, [budgetId]);
    await recordSpend(store.sql, Number(first!.id), 350.5, '2009-09-01', null, null);
    const [after] = await allocationsOf(store.sql, [budgetId]);
    assert.equal(after!.spent, 350.5);
    assert.equal((await readBudget(store.sql, budgetId))!.carriedForward, 100);
  });
});
