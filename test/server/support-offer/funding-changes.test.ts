// Changing the improvement budget over the API on the real app and store:
// only the provider that holds a budget changes it or its allocations; a
// budget below what is allocated, an allocation that would take the budget
// over, an end before the start, an unknown council and another budget's
// theme and year are refused by field, storing nothing; a change and an
// allocation at once cannot together spend more than the budget (its row is
// locked); each field changed is kept with who, when, from and to, and the
// history cannot be rewritten by the application's role. A change is made
// from the revision its changer read: two people editing at once, the
// second to save is refused with 409 naming what the first changed, storing
// nothing, and a change without a revision is refused by field.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Browser, user } from '../../support/access.ts';
import { DURHAM, openWorld, type Who, type World } from '../access/world.ts';

interface Change {
  allocationId: number | null;
  field: string;
  from: string | null;
  to: string | null;
  changedBy: string;
  changedAt: string;
  revision: number;
}
interface BudgetJson {
  id: number;
  amount: number;
  carriedForward: number;
  unallocated: number;
  revision: number;
  allocations: { id: number; amount: number; decision: string; revision: number }[];
  changes: Change[];
  code?: string;
  message?: string;
  details?: { problems?: { field: string; message: string }[]; open?: { id: number; href: string }; revision?: number; changes?: Change[] };
}

describe('changing budgets and allocations over the API', () => {
  let world: World;
  let budgetId: number;
  let allocationId: number;
  before(async () => {
    world = await openWorld();
  });
  after(() => world.close());

  const as = (who: Who | 'hartlepoolOfficer') => world.browsers[who];
  const read = async (response: Response) => (await response.json()) as BudgetJson;
  const fields = async (response: Response) => (await read(response)).details?.problems?.map((p) => p.field);
  const kept = async () => (await world.store.sql`select id from funding_change`).length;
  const budgetNow = async (id: number) => read(await as('public').fetch(`/api/funding/budgets/${id}`));
  /** A change from the revision read just before: one person's ordinary edit. */
  const patchBudget = async (id: number, body: object, who: Who = 'regional_partner') => as(who).json('PATCH', `/api/funding/budgets/${id}`, { ...body, revision: (await budgetNow(id)).revision });
  const patchAllocation = async (id: number, body: object, budget = budgetId) =>
    as('regional_partner').json('PATCH', `/api/funding/allocations/${id}`, { ...body, revision: (await budgetNow(budget)).allocations.find((a) => a.id === id)!.revision });
  const allocation = { recipient: { kind: 'council', name: 'County Durham', councilCode: DURHAM }, amount: 600, decidedBy: 'Theme Management Group', decidedOn: '2009-07-01', decision: 'Agreed' };

  it('lets the provider that holds a budget change it, and no one else', async () => {
    const added = await read(await as('regional_partner').json('POST', '/api/funding/budgets', { theme: 'Performance Improvement', year: '2009/10', amount: 1000 }));
    budgetId = added.id;
    const made = (await (await as('regional_partner').json('POST', `/api/funding/budgets/${budgetId}/allocations`, allocation)).json()) as { allocation: { id: string } };
    allocationId = Number(made.allocation.id);
    for (const [who, status] of [
      ['public', 401],
      ['performance_officer', 403],
      ['council_member', 403],
      ['administrator', 403],
      ['principal_adviser', 403],
      ['peer_challenge_manager', 403],
    ] as const) {
      assert.equal((await as(who).json('PATCH', `/api/funding/budgets/${budgetId}`, { amount: 2000 })).status, status, `${who} changes the budget`);
      assert.equal((await as(who).json('PATCH', `/api/funding/allocations/${allocationId}`, { amount: 10 })).status, status, `${who} changes the allocation`);
    }
    assert.equal((await as('regional_partner').json('PATCH', '/api/funding/budgets/999999', { amount: 2000 })).status, 404);
    assert.equal((await as('regional_partner').json('PATCH', '/api/funding/allocations/999999', { amount: 10 })).status, 404);
    assert.equal(await kept(), 0);
  });

  it('refuses a budget below what is allocated, a bad sum, and another budget’s theme and year, by field, storing nothing', async () => {
    const below = await patchBudget(budgetId, { amount: 500, carriedForward: 50 });
    const belowBody = await read(below);
    assert.equal(below.status, 400);
    assert.deepEqual(
      belowBody.details?.problems?.map((p) => [p.field, p.message]),
      [['amount', "'amount': £500 with £50 carried forward is £550, less than the £600 allocated from it"]],
    );
    const negative = await patchBudget(budgetId, { carriedForward: -1, year: '2009' });
    assert.deepEqual([negative.status, await fields(negative)], [400, ['year', 'carriedForward']]);
    const other = await read(await as('regional_partner').json('POST', '/api/funding/budgets', { theme: 'Capacity', year: '2010/11', amount: 10 }));
    const clash = await patchBudget(budgetId, { theme: 'capacity', year: '2010/11' });
    const clashBody = await read(clash);
    assert.equal(clash.status, 409);
    assert.deepEqual(clashBody.details?.open, { id: other.id, href: `/support-offer/funding/${other.id}` });
    const noRevision = await as('regional_partner').json('PATCH', `/api/funding/budgets/${budgetId}`, { amount: 2000 });
    assert.deepEqual([noRevision.status, await fields(noRevision)], [400, ['revision']]);
    const notANumber = await as('regional_partner').json('PATCH', `/api/funding/allocations/${allocationId}`, { amount: 10, revision: 'latest' });
    assert.deepEqual([notANumber.status, await fields(notANumber)], [400, ['revision']]);
    const unchanged = await budgetNow(budgetId);
    assert.deepEqual([unchanged.amount, unchanged.carriedForward, unchanged.changes, unchanged.revision], [1000, 0, [], 1]);
  });

  it('keeps each field changed with who, when, from and to, the latest first', async () => {
    const nothing = await read(await patchBudget(budgetId, { amount: '1,000' }));
    assert.deepEqual([nothing.changes, nothing.revision], [[], 1], 'a change to the same figure is no change, and no revision');
    const changed = await patchBudget(budgetId, { amount: '£1,200', carriedForward: 300 });
    const body = await read(changed);
    assert.equal(changed.status, 200, body.message);
    assert.deepEqual([body.amount, body.carriedForward, body.unallocated, body.revision], [1200, 300, 900, 2]);
    assert.deepEqual(
      body.changes.map((c) => c.revision),
      [2, 2],
    );
    const partner = world.users.regional_partner.name;
    assert.deepEqual(
      body.changes.map((c) => [c.allocationId, c.field, c.from, c.to, c.changedBy]),
      // one change's fields, the last written first
      [
        [null, 'carriedForward', '£0', '£300', partner],
        [null, 'amount', '£1,000', '£1,200', partner],
      ],
    );
    assert.ok(body.changes.every((c) => /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/.test(c.changedAt)));
  });

  it('refuses an allocation changed over the budget, backwards in time or to an unknown council, by field, storing nothing', async () => {
    const before = await kept();
    const path = `/api/funding/allocations/${allocationId}`;
    const over = await patchAllocation(allocationId, { amount: 1500.01 });
    assert.deepEqual([over.status, await fields(over)], [400, ['amount']]);
    assert.match((await read(await patchAllocation(allocationId, { amount: 1500.01 }))).message!, /£1,500.01 is over the budget: £1,500 of Performance Improvement's 2009\/10 budget is unallocated/);
    const backwards = await patchAllocation(allocationId, { startsOn: '2009-09-01', endsOn: '2009-08-01' });
    assert.deepEqual([backwards.status, await fields(backwards)], [400, ['endsOn']]);
    const nowhere = await patchAllocation(allocationId, { recipient: { kind: 'council', name: 'Nowhere', councilCode: 'E06999999' } });
    assert.deepEqual([nowhere.status, await fields(nowhere)], [400, ['recipient.councilCode']]);
    const noDecision = await as('regional_partner').json('PATCH', path, { decision: ' ', revision: 1 });
    assert.deepEqual([noDecision.status, await fields(noDecision)], [400, ['decision']]);
    assert.equal(await kept(), before);
  });

  it('changes an allocation up to all that is unallocated, keeping the history of each field', async () => {
    const changed = await patchAllocation(allocationId, { amount: 1500, decision: 'Agreed, with the rest of the year’s money' });
    const body = await read(changed);
    assert.equal(changed.status, 200, body.message);
    assert.deepEqual([body.unallocated, body.allocations[0]?.amount], [0, 1500]);
    assert.deepEqual(
      body.changes.filter((c) => c.allocationId === allocationId).map((c) => [c.field, c.from, c.to]),
      [
        ['decision', 'Agreed', 'Agreed, with the rest of the year’s money'],
        ['amount', '£600', '£1,500'],
      ],
    );
  });

  it('lets one of a change and an allocation at once win where both would take the budget over', async () => {
    for (let round = 0; round < 5; round++) {
      const added = await read(await as('regional_partner').json('POST', '/api/funding/budgets', { theme: `Race ${round}`, year: '2011/12', amount: 1000 }));
      const first = (await (await as('regional_partner').json('POST', `/api/funding/budgets/${added.id}/allocations`, allocation)).json()) as { allocation: { id: string } };
      const [grown, another] = await Promise.all([
        as('regional_partner').json('PATCH', `/api/funding/allocations/${first.allocation.id}`, { amount: 900, revision: 1 }),
        as('regional_partner').json('POST', `/api/funding/budgets/${added.id}/allocations`, { ...allocation, amount: 300 }),
      ]);
      assert.equal([grown.status === 200, another.status === 201].filter(Boolean).length, 1, `round ${round}: one of ${grown.status} and ${another.status} wins`);
      assert.equal((grown.status === 200 ? another : grown).status, 400, `round ${round}: the other is refused by field`);
      const after = await read(await as('public').fetch(`/api/funding/budgets/${added.id}`));
      assert.ok(after.unallocated >= 0, `round ${round}: £${after.unallocated} unallocated`);
    }
  });

  it('refuses the second of two people editing a budget at once, naming what the first changed and who, storing nothing', async () => {
    const colleague = await user(world.store.sql, 'colleague@region.example', 'regional_partner', world.organisations.region.id, 'Casey Colleague');
    const second = new Browser(world.base);
    assert.equal((await second.signIn(colleague.email)).status, 303);
    const added = await read(await as('regional_partner').json('POST', '/api/funding/budgets', { theme: 'Both at once', year: '2012/13', amount: 5000 }));
    const made = (await (await as('regional_partner').json('POST', `/api/funding/budgets/${added.id}/allocations`, allocation)).json()) as { allocation: { id: string } };
    const allocated = Number(made.allocation.id);
    // both read revision 1; the colleague saves first
    const first = await second.json('PATCH', `/api/funding/budgets/${added.id}`, { amount: 6000, revision: 1 });
    assert.equal(first.status, 200);
    const late = await as('regional_partner').json('PATCH', `/api/funding/budgets/${added.id}`, { amount: 4000, carriedForward: 10, revision: 1 });
    const lateBody = await read(late);
    assert.deepEqual([late.status, lateBody.code], [409, 'stale']);
    assert.match(lateBody.message!, /^'revision': budget \d+ was changed by Casey Colleague since you read it \(revision 1, now 2\): amount from £5,000 to £6,000 \(Casey Colleague, \d{4}-/);
    assert.deepEqual(
      lateBody.details?.changes?.map((c) => [c.field, c.from, c.to, c.changedBy, c.revision]),
      [['amount', '£5,000', '£6,000', 'Casey Colleague', 2]],
    );
    assert.equal(lateBody.details?.revision, 2);
    const kept = await budgetNow(added.id);
    assert.deepEqual([kept.amount, kept.carriedForward, kept.revision], [6000, 0, 2], 'the later save stored nothing');
    // read again, the change goes through
    assert.equal((await as('regional_partner').json('PATCH', `/api/funding/budgets/${added.id}`, { amount: 4000, revision: 2 })).status, 200);
    // an allocation: each of two saves from revision 1, at once: one wins, the other names it
    const [a, b] = await Promise.all([
      second.json('PATCH', `/api/funding/allocations/${allocated}`, { amount: 700, revision: 1 }),
      as('regional_partner').json('PATCH', `/api/funding/allocations/${allocated}`, { decision: 'Agreed again', revision: 1 }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [200, 409]);
    const loser = await read(a.status === 409 ? a : b);
    const winner = a.status === 409 ? world.users.regional_partner.name : 'Casey Colleague';
    assert.equal(loser.code, 'stale');
    assert.ok((loser.details?.changes?.length ?? 0) > 0);
    assert.ok(loser.details!.changes!.every((c) => c.allocationId === allocated && c.changedBy === winner && c.revision === 2));
    const after = (await budgetNow(added.id)).allocations[0]!;
    assert.equal(after.revision, 2);
    assert.ok((after.amount === 700) !== (after.decision === 'Agreed again'), 'only the winner’s field changed');
  });

  it('keeps the history beyond the application’s reach to rewrite or remove', async () => {
    await assert.rejects(world.store.sql`update funding_change set to_value = 'nothing'`, /permission denied/);
    await assert.rejects(world.store.sql`delete from funding_change`, /permission denied/);
  });
});
