// The support offer over the API on the real app and store, role by role:
// a council asks for support for itself alone; a second open enquiry of one
// kind answers 409 naming the open one; an offer the council may not have is
// refused saying why. A request is read by the provider asked, the council
// and whoever asked, and by no one else, with the same not-found answer for
// an id that does not exist; the provider's staff answer it (accepting a
// peer challenge opens its enquiry); each of the council's people rates it
// once. The
// budget is read by anyone and changed by the provider that holds it; an
// allocation over the budget, a negative sum and an end before the start
// are refused naming the field.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setProviderOrganisation } from '../../../src/store/support-requests.ts';
import { DURHAM, EVERYONE, openWorld, type Who, type World } from '../access/world.ts';

type Anyone = Who | 'hartlepoolOfficer';
const ALL: readonly Anyone[] = [...EVERYONE, 'hartlepoolOfficer'];

describe('the support offer over the API', () => {
  let world: World;
  let corporate: number;
  before(async () => {
    world = await openWorld();
    await setProviderOrganisation(world.store.sql, 'lga', world.organisations.sectorBody.id);
    await setProviderOrganisation(world.store.sql, 'improvement-east', world.organisations.region.id);
  });
  after(() => world.close());

  const as = (who: Anyone) => world.browsers[who];
  const bodyOf = async (response: Response) =>
    (await response.json()) as { message?: string; details?: { problems?: { field: string; message: string }[]; open?: { id: number; href: string } } } & Record<string, unknown>;
  const fields = async (response: Response) => (await bodyOf(response)).details?.problems?.map((p) => p.field);

  it("lets the council's chief executive ask for a corporate peer challenge, and refuses a second open one with 409 naming it", async () => {
    const response = await as('council_member').json('POST', '/api/support-requests', { offerId: 'corporate-peer-challenge', note: 'Ahead of the budget round' });
    const made = await bodyOf(response);
    assert.equal(response.status, 201, made.message);
    assert.equal(made.state, 'requested');
    corporate = made.id as number;
    const again = await as('performance_officer').json('POST', '/api/support-requests', { offerId: 'corporate-peer-challenge' });
    const refused = await bodyOf(again);
    assert.equal(again.status, 409);
    assert.match(refused.message!, new RegExp(`^'offerId': County Durham already has an open enquiry of this kind: request ${corporate}, Corporate peer challenge`));
    assert.deepEqual(refused.details?.open, { id: corporate, href: `/support-offer/requests/${corporate}` });
  });

  it('refuses what the council may not have, saying why, and what is not on the menu', async () => {
    const mentor = await as('council_member').json('POST', '/api/support-requests', { offerId: 'chief-executive-mentor' });
    assert.equal(mentor.status, 400);
    const problem = (await bodyOf(mentor)).details!.problems![0]!;
    assert.equal(problem.field, 'offerId');
    assert.match(problem.message, /County Durham may not have Chief Executive mentor: it is offered in East of England \(E12000006\) alone/);
    const unknown = await as('council_member').json('POST', '/api/support-requests', { offerId: 'a-yacht' });
    assert.deepEqual([unknown.status, await fields(unknown)], [400, ['offerId']]);
    const badDay = await as('council_member').json('POST', '/api/support-requests', { offerId: 'leadership-place', requestedOn: '31/01/2026' });
    assert.deepEqual([badDay.status, await fields(badDay)], [400, ['requestedOn']]);
  });

  it('lets a council ask for itself alone, and no one else ask', async () => {
    const expected: Partial<Record<Anyone, number>> = { public: 401, hartlepoolOfficer: 403, regional_partner: 403, principal_adviser: 403, peer_challenge_manager: 403, author: 403 };
    for (const who of ALL) {
      const want = expected[who] ?? (who === 'council_member' || who === 'performance_officer' ? undefined : 403);
      if (want === undefined) continue;
      const response = await as(who).json('POST', '/api/support-requests', { offerId: 'productivity-expert', council: DURHAM });
      assert.equal(response.status, want, `${who} asks for Durham`);
    }
    const count = await world.store.sql`select 1 from support_request where offer_id = 'productivity-expert'`;
    assert.equal(count.length, 0);
  });

  it('shows a request to the provider, the council and whoever asked; to anyone else, as to a guessed id, the same 404', async () => {
    const readers = new Set<Anyone>(['council_member', 'performance_officer', 'principal_adviser', 'peer_challenge_manager', 'author']);
    for (const who of ALL) {
      const response = await as(who).fetch(`/api/support-requests/${corporate}`);
      const want = who === 'public' ? 401 : readers.has(who) ? 200 : 404;
      assert.equal(response.status, want, `${who} reads the request`);
    }
    const guessed = await as('hartlepoolOfficer').fetch(`/api/support-requests/${corporate}`);
    const missing = await as('hartlepoolOfficer').fetch('/api/support-requests/999999');
    assert.equal(missing.status, 404);
    assert.equal((await bodyOf(guessed)).message!.replace(String(corporate), 'N'), (await bodyOf(missing)).message!.replace('999999', 'N'));
    const listed = (await (await as('regional_partner').fetch('/api/support-requests')).json()) as { items: unknown[] };
    assert.equal(listed.items.length, 0, 'the regional partnership lists none of the sector body’s');
  });

  it("lets only the provider's staff answer, refuses a decline without a reason, and opens the peer challenge on acceptance", async () => {
    const refusedBy: Partial<Record<Anyone, number>> = {
      public: 401,
      council_member: 403,
      performance_officer: 403,
      regional_partner: 404,
      hartlepoolOfficer: 404,
      panel_member: 403,
      government_officer: 403,
      inspector: 403,
      administrator: 403,
    };
    for (const [who, status] of Object.entries(refusedBy) as [Anyone, number][]) {
      assert.equal((await as(who).json('POST', `/api/support-requests/${corporate}/accept`, {})).status, status, `${who} accepts`);
    }
    const noReason = await as('principal_adviser').json('POST', `/api/support-requests/${corporate}/decline`, { reason: ' ' });
    assert.deepEqual([noReason.status, await fields(noReason)], [400, ['reason']]);
    const accepted = await as('peer_challenge_manager').json('POST', `/api/support-requests/${corporate}/accept`, {});
    const body = await bodyOf(accepted);
    assert.equal(accepted.status, 200, body.message);
    const challenge = body.challenge as { id: number; href: string };
    assert.equal(challenge.href, `/peer-challenges/${challenge.id}`);
    const [opened] = await world.store.sql`select area_code, kind, stage from peer_challenge where id = ${challenge.id}`;
    assert.deepEqual({ ...opened }, { area_code: DURHAM, kind: 'corporate', stage: 'enquiry' });
    const twice = await as('peer_challenge_manager').json('POST', `/api/support-requests/${corporate}/accept`, {});
    assert.equal(twice.status, 409);
  });

  it("lets each of the council's people rate delivered support once, in their own name, judging the verdict over every rating", async () => {
    const path = `/api/support-requests/${corporate}/ratings`;
    assert.equal((await as('council_member').json('POST', path, { helpful: 'agree' })).status, 409, 'not yet delivered');
    assert.equal((await as('principal_adviser').json('POST', `/api/support-requests/${corporate}/deliver`, {})).status, 200);
    for (const [who, status] of [
      ['public', 401],
      ['peer_challenge_manager', 403],
      ['principal_adviser', 403],
      ['regional_partner', 403],
      ['administrator', 403],
      ['hartlepoolOfficer', 404],
    ] as const) {
      assert.equal((await as(who).json('POST', path, { helpful: 'agree' })).status, status, `${who} rates`);
    }
    for (const bad of [{}, { helpful: 'very' }, { ratings: [{ by: 'Leader', helpful: 'agree' }] }]) {
      const refused = await as('performance_officer').json('POST', path, bad);
      assert.deepEqual([refused.status, await fields(refused)], [400, ['helpful']], JSON.stringify(bad));
    }
    const first = await as('council_member').json('POST', path, { helpful: 'agree' });
    const firstBody = await bodyOf(first);
    assert.equal(first.status, 200, firstBody.message);
    assert.deepEqual(firstBody.verdict && (firstBody.verdict as { kind: string }).kind, 'helpful');
    const again = await as('council_member').json('POST', path, { helpful: 'strongly_disagree' });
    const againBody = await bodyOf(again);
    assert.equal(again.status, 409);
    assert.match(
      againBody.message!,
      new RegExp(`^'helpful': you rated request ${corporate} already, on \\d{4}-\\d{2}-\\d{2} \\(agree\\); each person rates it once, and may change or withdraw their rating$`),
    );
    // a colleague who did not ask rates it too: one of two agree, which is not most
    const second = await as('performance_officer').json('POST', path, { helpful: 'disagree' });
    const body = await bodyOf(second);
    assert.equal(second.status, 200, body.message);
    const verdict = body.verdict as { kind: string; agreeing: number; ratings: number; sentence: string; rule: { version: number } };
    assert.deepEqual([verdict.kind, verdict.agreeing, verdict.ratings, verdict.rule.version], ['not_shown_helpful', 1, 2, 1]);
    assert.equal(verdict.sentence, 'Not shown to be helpful: 1 of 2 agree it has been helpful (the rule asks for most).');
    const kept = await world.store.sql<{ rater: string; helpful: string; ratedBy: number }[]>`
      select rater, helpful, rated_by as "ratedBy" from support_request_rating where request_id = ${corporate} order by id`;
    assert.deepEqual(
      kept.map((r) => [r.rater, r.helpful, r.ratedBy]),
      [
        [world.users.council_member.name, 'agree', world.users.council_member.id],
        [world.users.performance_officer.name, 'disagree', world.users.performance_officer.id],
      ],
    );
  });

  it('refuses an ask over the entitlement by its field, saying when the council may ask again', async () => {
    const first = await bodyOf(await as('performance_officer').json('POST', '/api/support-requests', { offerId: 'leadership-place', requestedOn: '2026-01-12' }));
    assert.equal((await as('peer_challenge_manager').json('POST', `/api/support-requests/${first.id}/accept`, { on: '2026-01-13' })).status, 200);
    assert.equal((await as('peer_challenge_manager').json('POST', `/api/support-requests/${first.id}/deliver`, { on: '2026-03-02' })).status, 200);
    const again = await as('council_member').json('POST', '/api/support-requests', { offerId: 'leadership-place', requestedOn: '2026-06-01' });
    const problem = (await bodyOf(again)).details!.problems![0]!;
    assert.equal(again.status, 400);
    assert.equal(problem.field, 'offerId');
    assert.match(
      problem.message,
      /entitlement exceeded: County Durham has had 1 of 1 Subsidised place on a leadership programme within 12 months \(the last on 2026-01-12\); it may ask again from 2027-01-12/,
    );
  });

  it('shows the entitlement left to the council and to the provider for its own offers, and to no one else', async () => {
    const menuAs = async (who: Anyone) => {
      const response = await as(who).fetch(`/api/support-offer/councils/${DURHAM}`);
      assert.equal(response.status, 200, who);
      const menu = (await response.json()) as { providers: { provider: { id: string }; offers: { id: string; left: string | null }[] }[] };
      return Object.fromEntries(menu.providers.flatMap((p) => p.offers.map((o) => [o.id, o.left])));
    };
    assert.equal((await menuAs('council_member'))['corporate-peer-challenge'], '0 of 1 within 36 months');
    assert.equal((await menuAs('peer_challenge_manager'))['corporate-peer-challenge'], '0 of 1 within 36 months');
    assert.equal((await menuAs('hartlepoolOfficer'))['corporate-peer-challenge'], null);
    assert.equal((await menuAs('public'))['leadership-place'], null);
    assert.equal((await as('public').fetch('/api/support-offer/councils/E99999999')).status, 404);
  });

  it('keeps the budget in the open, changed by the provider that holds it, refusing bad sums by field', async () => {
    const budget = { theme: 'Performance Improvement', year: '2009/10', amount: 1_500_000, carriedForward: 200_000 };
    for (const [who, status] of [
      ['public', 401],
      ['performance_officer', 403],
      ['council_member', 403],
      ['administrator', 403],
    ] as const) {
      assert.equal((await as(who).json('POST', '/api/funding/budgets', budget)).status, status, `${who} adds a budget`);
    }
    const negative = await as('regional_partner').json('POST', '/api/funding/budgets', { ...budget, amount: -1, year: '2009' });
    assert.deepEqual([negative.status, await fields(negative)], [400, ['year', 'amount']]);
    const added = await as('regional_partner').json('POST', '/api/funding/budgets', budget);
    const made = await bodyOf(added);
    assert.equal(added.status, 201, made.message);
    assert.equal((await as('regional_partner').json('POST', '/api/funding/budgets', budget)).status, 409);
    const allocation = {
      recipient: { kind: 'council', name: 'County Durham', councilCode: DURHAM },
      amount: 250_000,
      decidedBy: 'Theme Management Group',
      decidedOn: '2009-07-01',
      decision: 'Agreed',
    };
    const path = `/api/funding/budgets/${made.id}/allocations`;
    assert.equal((await as('principal_adviser').json('POST', path, allocation)).status, 403, 'another provider');
    const over = await as('regional_partner').json('POST', path, { ...allocation, amount: 1_700_000.01 });
    assert.deepEqual([over.status, await fields(over)], [400, ['amount']]);
    const backwards = await as('regional_partner').json('POST', path, { ...allocation, startsOn: '2009-09-01', endsOn: '2009-08-01' });
    assert.deepEqual([backwards.status, await fields(backwards)], [400, ['endsOn']]);
    const ok = await as('regional_partner').json('POST', path, allocation);
    const body = await bodyOf(ok);
    assert.equal(ok.status, 201, body.message);
    const allocationId = (body.allocation as { id: string }).id;
    const spendPath = `/api/funding/allocations/${allocationId}/spend`;
    assert.deepEqual(await fields(await as('regional_partner').json('POST', spendPath, { amount: -5 })), ['amount']);
    assert.equal((await as('regional_partner').json('POST', spendPath, { amount: 260_000, spentOn: '2009-12-01' })).status, 201);
    const read = (await (await as('public').fetch(`/api/funding/budgets/${made.id}`)).json()) as { unallocated: number; spent: number; allocations: { overspent: boolean }[] };
    assert.deepEqual([read.unallocated, read.spent, read.allocations[0]?.overspent], [1_450_000, 260_000, true]);
    assert.equal((await as('public').fetch('/api/funding/budgets/999999')).status, 404);
    assert.equal((await as('regional_partner').json('POST', '/api/funding/allocations/999999/spend', { amount: 1 })).status, 404);
  });
});
