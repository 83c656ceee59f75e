// The support offer's pages on the real app and store, without script, role
// by role: each page and form answered as the policy says for every role and
// another council, a guessed id answered as one that may not be read; a
// refused form shows each problem by its field with what was typed kept, and
// stores nothing; a second open enquiry answers 409 linking to the open one.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setProviderOrganisation } from '../../../src/store/support-requests.ts';
import type { Browser } from '../../support/access.ts';
import { DURHAM, EVERYONE, openWorld, type Who, type World } from '../access/world.ts';

type Anyone = Who | 'hartlepoolOfficer';
const ALL: readonly Anyone[] = [...EVERYONE, 'hartlepoolOfficer'];

describe('the support offer pages', () => {
  let world: World;
  let requestId: number;
  let budgetId: number;
  before(async () => {
    world = await openWorld();
    await setProviderOrganisation(world.store.sql, 'lga', world.organisations.sectorBody.id);
  });
  after(() => world.close());

  const as = (who: Anyone) => world.browsers[who];
  const post = (browser: Browser, address: string, fields: Record<string, string>) => browser.fetch(address, { method: 'POST', body: new URLSearchParams({ _csrf: browser.csrfToken, ...fields }) });
  const count = async (table: string) => (await world.store.sql`select id from ${world.store.sql(table)}`).length;

  it('refuses an enquiry by its field, keeping the note, and stores nothing', async () => {
    const response = await post(as('council_member'), '/support-offer/requests/new', { offerId: 'chief-executive-mentor', note: 'A mentor for the new chief executive' });
    const html = await response.text();
    assert.equal(response.status, 400);
    assert.match(html, /<a href="#offerId">What the council asks for: County Durham may not have Chief Executive mentor: it is offered in East of England \(E12000006\) alone<\/a>/);
    assert.match(html, />A mentor for the new chief executive<\/textarea>/);
    const badDay = await post(as('council_member'), '/support-offer/requests/new', { offerId: 'leadership-place', requestedOn: '2026-02-30' });
    assert.match(await badDay.text(), /<a href="#requestedOn">The day: give the day of the request as YYYY-MM-DD<\/a>/);
    assert.equal(await count('support_request'), 0);
  });

  it('sends an enquiry, then answers a second of the kind with 409 linking to the open one', async () => {
    const sent = await post(as('council_member'), '/support-offer/requests/new', { offerId: 'corporate-peer-challenge', note: 'Before the budget' });
    assert.equal(sent.status, 303);
    requestId = Number(/\/support-offer\/requests\/(\d+)$/.exec(sent.headers.get('location') ?? '')?.[1]);
    assert.ok(requestId > 0);
    const again = await post(as('performance_officer'), '/support-offer/requests/new', { offerId: 'corporate-peer-challenge' });
    const html = await again.text();
    assert.equal(again.status, 409);
    assert.match(html, new RegExp(`<a class="govuk-link" href="/support-offer/requests/${requestId}">Request ${requestId}</a> is open`));
    assert.equal(await count('support_request'), 1);
  });

  it("answers each role and another council on the request's pages as the policy says, and a guessed id as an unreadable one", async () => {
    const readers = new Set<Anyone>(['council_member', 'performance_officer', 'principal_adviser', 'peer_challenge_manager', 'author']);
    const answerers = new Set<Anyone>(['principal_adviser', 'peer_challenge_manager', 'author']);
    for (const who of ALL) {
      const page = (await as(who).fetch(`/support-offer/requests/${requestId}`)).status;
      const edit = (await as(who).fetch(`/support-offer/requests/${requestId}/edit`)).status;
      const rating = (await as(who).fetch(`/support-offer/requests/${requestId}/ratings/new`)).status;
      if (who === 'public') {
        assert.notEqual(page, 200);
        assert.notEqual(edit, 200);
        continue;
      }
      assert.equal(page, readers.has(who) ? 200 : 404, `${who} reads the request`);
      const changeRole = ['council_member', 'performance_officer', 'principal_adviser', 'peer_challenge_manager', 'regional_partner', 'author', 'hartlepoolOfficer'].includes(who);
      const wantEdit = answerers.has(who) ? 200 : !changeRole ? 403 : readers.has(who) ? 403 : 404;
      assert.equal(edit, wantEdit, `${who} opens the answer form`);
      // the council's people rate it (the policy's 'support_rating'); another council cannot read it at all
      const wantRating = who === 'council_member' || who === 'performance_officer' ? 200 : who === 'hartlepoolOfficer' ? 404 : 403;
      assert.equal(rating, wantRating, `${who} opens the rating form`);
    }
    const guessed = await (await as('hartlepoolOfficer').fetch(`/support-offer/requests/${requestId}`)).text();
    const missing = await as('hartlepoolOfficer').fetch('/support-offer/requests/987654');
    assert.equal(missing.status, 404);
    const message = (html: string) => /there is no request \d+ that you may see/.exec(html)?.[0].replace(/\d+/, 'N');
    assert.equal(message(guessed), message(await missing.text()));
    assert.equal((await post(as('hartlepoolOfficer'), `/support-offer/requests/${requestId}/accept`, {})).status, 404);
    assert.equal((await post(as('council_member'), `/support-offer/requests/${requestId}/accept`, {})).status, 403);
  });

  it('refuses a decline without its reason on the form, and a change without its CSRF token', async () => {
    const refused = await post(as('principal_adviser'), `/support-offer/requests/${requestId}/decline`, { reason: '' });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /<a href="#reason">The reason: a declined request says why<\/a>/);
    const forged = await as('principal_adviser').fetch(`/support-offer/requests/${requestId}/accept`, { method: 'POST', body: new URLSearchParams({}) });
    assert.equal(forged.status, 403);
    const [row] = await world.store.sql`select state from support_request where id = ${requestId}`;
    assert.equal(row?.state, 'requested');
  });

  it('shows the budget to anyone and its forms to the provider alone, refusing bad sums by field with input kept', async () => {
    for (const who of ALL) {
      assert.equal((await as(who).fetch('/support-offer/funding')).status, 200, `${who} reads the budgets`);
      const form = (await as(who).fetch('/support-offer/funding/new')).status;
      const provider = ['principal_adviser', 'peer_challenge_manager', 'regional_partner', 'author'].includes(who);
      if (who === 'public') assert.notEqual(form, 200);
      else assert.equal(form, provider ? 200 : 403, `${who} opens the budget form`);
    }
    const negative = await post(as('regional_partner'), '/support-offer/funding/new', { theme: 'Performance Improvement', year: '2009/10', amount: '-10', carriedForward: 'lots' });
    const html = await negative.text();
    assert.equal(negative.status, 400);
    assert.match(html, /<a href="#amount">The budget: give the budget in pounds, 0 or more<\/a>/);
    assert.match(html, /<a href="#carriedForward">The sum carried forward: give the sum carried forward in pounds, 0 or more<\/a>/);
    assert.match(html, /value="Performance Improvement"/);
    assert.equal(await count('funding_budget'), 0);
    const added = await post(as('regional_partner'), '/support-offer/funding/new', { theme: 'Performance Improvement', year: '2009/10', amount: '1000', carriedForward: '' });
    assert.equal(added.status, 303);
    budgetId = Number(/(\d+)$/.exec(added.headers.get('location') ?? '')?.[1]);
    assert.equal((await as('principal_adviser').fetch(`/support-offer/funding/${budgetId}/allocations/new`)).status, 403, 'another provider');
    assert.equal((await as('public').fetch('/support-offer/funding/424242')).status, 404);
    const over = await post(as('regional_partner'), `/support-offer/funding/${budgetId}/allocations/new`, {
      recipientKind: 'project',
      recipientName: 'Data quality',
      amount: '1000.01',
      decidedBy: 'Theme Management Group',
      decidedOn: '2009-07-01',
      decision: 'Agreed',
      startsOn: '2009-08-01',
      endsOn: '2009-07-31',
    });
    const overHtml = await over.text();
    assert.equal(over.status, 400);
    assert.match(overHtml, /<a href="#endsOn">The end: 2009-07-31 is before the start, 2009-08-01<\/a>/);
    assert.match(overHtml, /value="Data quality"/);
    const justOver = await post(as('regional_partner'), `/support-offer/funding/${budgetId}/allocations/new`, {
      recipientKind: 'council',
      recipientName: 'County Durham',
      councilCode: DURHAM,
      amount: '1000.01',
      decidedBy: 'Theme Management Group',
      decidedOn: '2009-07-01',
      decision: 'Agreed',
    });
    assert.match(await justOver.text(), /<a href="#amount">The amount: £1,000.01 is over the budget: £1,000 of Performance Improvement&#39;s 2009\/10 budget is unallocated<\/a>/);
    assert.equal(await count('funding_allocation'), 0);
  });

  it('shows the change forms to the holder alone, refuses a budget below its allocations with input kept, and shows each change', async () => {
    const allocated = await post(as('regional_partner'), `/support-offer/funding/${budgetId}/allocations/new`, {
      recipientKind: 'project',
      recipientName: 'Data quality',
      amount: '600',
      decidedBy: 'Theme Management Group',
      decidedOn: '2009-07-01',
      decision: 'Agreed',
    });
    assert.equal(allocated.status, 303);
    const [row] = await world.store.sql<{ id: number }[]>`select id from funding_allocation where budget_id = ${budgetId}`;
    const allocationId = row!.id;
    for (const who of ALL) {
      const budgetForm = (await as(who).fetch(`/support-offer/funding/${budgetId}/edit`)).status;
      const allocationForm = (await as(who).fetch(`/support-offer/funding/allocations/${allocationId}/edit`)).status;
      if (who === 'public') {
        assert.notEqual(budgetForm, 200);
        assert.notEqual(allocationForm, 200);
        continue;
      }
      const want = who === 'regional_partner' ? 200 : 403;
      assert.deepEqual([budgetForm, allocationForm], [want, want], `${who} opens the change forms`);
    }
    assert.equal((await as('regional_partner').fetch('/support-offer/funding/424242/edit')).status, 404);
    assert.equal((await as('regional_partner').fetch('/support-offer/funding/allocations/424242/edit')).status, 404);
    assert.equal((await post(as('principal_adviser'), `/support-offer/funding/${budgetId}/edit`, { theme: 'Taken', year: '2009/10', amount: '1' })).status, 403);
    assert.match(await (await as('regional_partner').fetch(`/support-offer/funding/${budgetId}/edit`)).text(), /<input type="hidden" name="revision" value="1">/);
    const below = await post(as('regional_partner'), `/support-offer/funding/${budgetId}/edit`, {
      theme: 'Performance Improvement (revised)',
      year: '2009/10',
      amount: '500',
      carriedForward: '',
      revision: '1',
    });
    const html = await below.text();
    assert.equal(below.status, 400);
    assert.match(html, /<a href="#amount">The budget: £500 with £0 carried forward is £500, less than the £600 allocated from it<\/a>/);
    assert.match(html, /value="Performance Improvement \(revised\)"/);
    assert.equal(await count('funding_change'), 0);
    const over = await post(as('regional_partner'), `/support-offer/funding/allocations/${allocationId}/edit`, {
      recipientKind: 'project',
      recipientName: 'Data quality and returns',
      amount: '1000.01',
      decidedBy: 'Theme Management Group',
      decidedOn: '2009-07-01',
      decision: 'Agreed',
      revision: '1',
    });
    const overHtml = await over.text();
    assert.equal(over.status, 400);
    assert.match(overHtml, /<a href="#amount">The amount: £1,000.01 is over the budget: £1,000 of Performance Improvement&#39;s 2009\/10 budget is unallocated<\/a>/);
    assert.match(overHtml, /value="Data quality and returns"/);
    assert.equal(await count('funding_change'), 0);
    const changed = await post(as('regional_partner'), `/support-offer/funding/${budgetId}/edit`, {
      theme: 'Performance Improvement',
      year: '2009/10',
      amount: '1200',
      carriedForward: '',
      revision: '1',
    });
    assert.equal(changed.status, 303);
    const page = await (await as('public').fetch(`/support-offer/funding/${budgetId}`)).text();
    assert.match(
      page,
      /<td class="govuk-table__cell">partner<\/td>\s*<td class="govuk-table__cell">The year&#39;s new money<\/td>\s*<td class="govuk-table__cell">£1,000<\/td>\s*<td class="govuk-table__cell">£1,200<\/td>/,
    );
    // a form opened at revision 1 and saved after that change: the form again, what was typed kept, what changed and who, the revision now
    const changes = await count('funding_change');
    const stale = await post(as('regional_partner'), `/support-offer/funding/${budgetId}/edit`, {
      theme: 'Improvement (typed late)',
      year: '2009/10',
      amount: '1300',
      carriedForward: '5',
      revision: '1',
    });
    const staleHtml = await stale.text();
    assert.equal(stale.status, 409);
    assert.match(staleHtml, /<a href="#changed-since">Partner changed this budget since you opened the form: what changed is listed below\./);
    assert.match(
      staleHtml,
      /<table class="govuk-table" id="changed-since">[\s\S]*<td class="govuk-table__cell">partner<\/td><td class="govuk-table__cell">The year&#39;s new money<\/td><td class="govuk-table__cell">£1,000<\/td><td class="govuk-table__cell">£1,200<\/td>/,
    );
    assert.match(staleHtml, /value="Improvement \(typed late\)"/);
    assert.match(staleHtml, /name="amount"[^>]*value="1300"|value="1300"[^>]*name="amount"/);
    assert.match(staleHtml, /<input type="hidden" name="revision" value="2">/);
    assert.equal(await count('funding_change'), changes, 'a stale save stores nothing');
    const staleAllocation = await post(as('regional_partner'), `/support-offer/funding/allocations/${allocationId}/edit`, {
      recipientKind: 'project',
      recipientName: 'Data quality',
      amount: '700',
      decidedBy: 'Theme Management Group',
      decidedOn: '2009-07-01',
      decision: 'Agreed',
      revision: '7',
    });
    assert.equal(staleAllocation.status, 409);
    assert.match(await staleAllocation.text(), /<input type="hidden" name="revision" value="1">/);
  });

  it('lets an administrator alone name who answers for a provider, refusing a form without its choices by field', async () => {
    for (const who of ALL) {
      const status = (await as(who).fetch('/support-offer/providers/edit')).status;
      if (who === 'public') assert.notEqual(status, 200);
      else assert.equal(status, who === 'administrator' ? 200 : 403, `${who} opens the providers form`);
    }
    assert.equal((await post(as('regional_partner'), '/support-offer/providers/edit', { provider: 'iese', organisation: String(world.organisations.region.id) })).status, 403);
    const empty = await post(as('administrator'), '/support-offer/providers/edit', {});
    const html = await empty.text();
    assert.equal(empty.status, 400);
    assert.match(html, /<a href="#provider">The provider: choose the provider<\/a>/);
    assert.match(html, /<a href="#organisation">The organisation: choose the organisation that answers for it<\/a>/);
    const council = await post(as('administrator'), '/support-offer/providers/edit', { provider: 'iese', organisation: String(world.organisations.durham.id) });
    assert.equal(council.status, 400);
    assert.match(await council.text(), /The organisation: Durham County Council is a council; a sector body or a regional partnership answers for a provider/);
    assert.equal((await world.store.sql`select provider_id from support_provider`).length, 1, 'only the one set before');
    const named = await post(as('administrator'), '/support-offer/providers/edit', { provider: 'iese', organisation: String(world.organisations.region.id) });
    assert.equal(named.status, 303);
    for (const who of ALL) {
      if (who === 'administrator' || who === 'public') continue;
      assert.equal((await post(as(who), '/support-offer/providers/remove', { removeProvider: 'iese' })).status, 403, `${who} removes`);
    }
    assert.notEqual((await as('public').fetch('/support-offer/providers/remove', { method: 'POST' })).status, 303);
    const noChoice = await post(as('administrator'), '/support-offer/providers/remove', {});
    assert.equal(noChoice.status, 400);
    assert.match(await noChoice.text(), /<a href="#removeProvider">The provider: choose the provider<\/a>/);
    const unknown = await post(as('administrator'), '/support-offer/providers/remove', { removeProvider: 'nobody' });
    assert.equal(unknown.status, 400);
    assert.match(await unknown.text(), /<a href="#removeProvider">The provider: no provider has the id &#39;nobody&#39;; the providers are lga, improvement-east, iese<\/a>/);
    const mapped = await (await as('administrator').fetch('/support-offer/providers/edit')).text();
    assert.match(mapped, /<input class="govuk-radios__input" id="removeProvider" name="removeProvider" type="radio" value="lga"/);
    const removed = await post(as('administrator'), '/support-offer/providers/remove', { removeProvider: 'iese' });
    assert.equal(removed.status, 303);
    const [gone] = await world.store.sql`select 1 from support_provider where provider_id = 'iese'`;
    assert.equal(gone, undefined);
    assert.equal((await post(as('administrator'), '/support-offer/providers/edit', { provider: 'iese', organisation: String(world.organisations.region.id) })).status, 303);
    const page = await (await as('administrator').fetch('/support-offer/providers/edit')).text();
    assert.match(page, /Improvement and Efficiency South East, Performance Improvement Theme<\/th><td class="govuk-table__cell">North East improvement partnership<\/td>/);
    const link = '<a class="govuk-link" href="/support-offer/providers/edit">Who answers for each provider</a>';
    assert.ok((await (await as('administrator').fetch('/support-offer/requests')).text()).includes(link), 'the administrator finds the page');
    assert.ok(!(await (await as('principal_adviser').fetch('/support-offer/requests')).text()).includes(link), 'a provider does not');
  });
});
