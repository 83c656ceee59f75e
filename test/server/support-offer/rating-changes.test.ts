// Changing and withdrawing one's own rating of delivered support, over the
// API and the pages, on the real app and store: the person who gave a rating
// alone changes or withdraws it (not a colleague of the same council, not the
// provider, not the public); a guessed rating id, one of another request, or
// one on a request the viewer may not read, is not found; a bad answer is
// refused naming its field, storing nothing; every earlier answer is kept,
// beyond the application's reach to rewrite; the verdict reads the ratings
// that stand, and a request whose every rating is withdrawn is delivered
// again, then rated once more when someone rates it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setProviderOrganisation } from '../../../src/store/support-requests.ts';
import type { Browser } from '../../support/access.ts';
import { EVERYONE, openWorld, type Who, type World } from '../access/world.ts';

type Anyone = Who | 'hartlepoolOfficer';
const ALL: readonly Anyone[] = [...EVERYONE, 'hartlepoolOfficer'];

interface RequestJson {
  id: number;
  state: string;
  ratings: { by: string; helpful: string }[];
  ownRatings: { id: number; userId: number; helpful: string }[];
  ratingChanges: { by: string; from: string | null; to: string | null; at: string }[];
  verdict: { kind: string; agreeing: number; ratings: number } | null;
  message?: string;
  details?: { problems?: { field: string; message: string }[]; open?: { id: number; href: string } };
}

describe("changing and withdrawing one's own rating of support", () => {
  let world: World;
  let requestId: number;
  let otherRequestId: number;
  let memberRating: number;
  let officerRating: number;
  before(async () => {
    world = await openWorld();
    await setProviderOrganisation(world.store.sql, 'lga', world.organisations.sectorBody.id);
    requestId = await delivered('leadership-place');
    otherRequestId = await delivered('productivity-expert');
  });
  after(() => world.close());

  const as = (who: Anyone) => world.browsers[who];
  const read = async (response: Response) => (await response.json()) as RequestJson;
  const fields = async (response: Response) => (await read(response)).details?.problems?.map((p) => p.field);
  const post = (browser: Browser, address: string, form: Record<string, string>) => browser.fetch(address, { method: 'POST', body: new URLSearchParams({ _csrf: browser.csrfToken, ...form }) });
  const requestNow = async (id = requestId) => read(await as('council_member').fetch(`/api/support-requests/${id}`));
  const changesKept = async () => (await world.store.sql`select id from support_rating_change`).length;

  async function delivered(offerId: string): Promise<number> {
    const asked = await read(await world.browsers.council_member.json('POST', '/api/support-requests', { offerId }));
    assert.ok(asked.id, asked.message);
    assert.equal((await world.browsers.peer_challenge_manager.json('POST', `/api/support-requests/${asked.id}/accept`, {})).status, 200);
    assert.equal((await world.browsers.peer_challenge_manager.json('POST', `/api/support-requests/${asked.id}/deliver`, {})).status, 200);
    return asked.id;
  }

  it('gives each rater the id of their own rating, and a second rating links to it', async () => {
    const member = await read(await as('council_member').json('POST', `/api/support-requests/${requestId}/ratings`, { helpful: 'agree' }));
    const officer = await read(await as('performance_officer').json('POST', `/api/support-requests/${requestId}/ratings`, { helpful: 'strongly_agree' }));
    memberRating = member.ownRatings.find((r) => r.userId === world.users.council_member.id)!.id;
    officerRating = officer.ownRatings.find((r) => r.userId === world.users.performance_officer.id)!.id;
    assert.deepEqual(officer.verdict && [officer.verdict.kind, officer.verdict.agreeing, officer.verdict.ratings], ['helpful', 2, 2]);
    const again = await read(await as('council_member').json('POST', `/api/support-requests/${requestId}/ratings`, { helpful: 'disagree' }));
    assert.deepEqual(again.details?.open, { id: memberRating, href: `/support-offer/requests/${requestId}/ratings/${memberRating}/edit` });
  });

  it('lets the rater alone change or withdraw their rating, over the API and the pages; anyone else is refused, a guessed id not found', async () => {
    const path = `/api/support-requests/${requestId}/ratings/${memberRating}`;
    const page = `/support-offer/requests/${requestId}/ratings/${memberRating}`;
    const refused: Record<Anyone, number> = {
      public: 401,
      author: 403,
      performance_officer: 403, // a colleague of the same council: not theirs
      council_member: 0,
      principal_adviser: 403,
      regional_partner: 403,
      panel_member: 403,
      government_officer: 403,
      inspector: 403,
      peer_challenge_manager: 403,
      administrator: 403,
      hartlepoolOfficer: 404, // may not read the request at all
    };
    for (const who of ALL) {
      if (who === 'council_member') continue;
      const want = refused[who];
      assert.equal((await as(who).json('PATCH', path, { helpful: 'disagree' })).status, want, `${who} changes the member's rating`);
      assert.equal((await as(who).json('POST', `${path}/withdraw`, {})).status, want, `${who} withdraws the member's rating`);
      const form = await as(who).fetch(`${page}/edit`);
      if (who === 'public') assert.notEqual(form.status, 200, 'the public opens the form');
      else assert.equal(form.status, want, `${who} opens the form`);
      if (who !== 'public') {
        assert.equal((await post(as(who), `${page}/edit`, { helpful: 'disagree' })).status, want, `${who} posts the form`);
        assert.equal((await post(as(who), `${page}/withdraw`, {})).status, want, `${who} posts the withdrawal`);
      }
    }
    // guessed ids: a rating of another request, one that does not exist, a request that does not exist, not a number
    for (const guessed of [
      `/api/support-requests/${otherRequestId}/ratings/${memberRating}`,
      `/api/support-requests/${requestId}/ratings/999999`,
      `/api/support-requests/999999/ratings/${memberRating}`,
    ]) {
      assert.equal((await as('council_member').json('PATCH', guessed, { helpful: 'disagree' })).status, 404, guessed);
      assert.equal((await as('council_member').json('POST', `${guessed}/withdraw`, {})).status, 404, guessed);
    }
    assert.equal((await as('council_member').fetch(`/support-offer/requests/${otherRequestId}/ratings/${memberRating}/edit`)).status, 404);
    assert.equal((await as('council_member').fetch(`/support-offer/requests/${requestId}/ratings/999999/edit`)).status, 404);
    assert.notEqual((await as('council_member').json('PATCH', `/api/support-requests/${requestId}/ratings/mine`, { helpful: 'disagree' })).status, 200);
    assert.equal(await changesKept(), 0, 'no one changed anything');
    const now = await requestNow();
    assert.deepEqual(
      now.ratings.map((r) => r.helpful),
      ['agree', 'strongly_agree'],
    );
  });

  it('refuses an answer that is not one, naming the field, with the form again and nothing stored', async () => {
    const path = `/api/support-requests/${requestId}/ratings/${memberRating}`;
    for (const bad of [{}, { helpful: 'very' }, { helpful: 'AGREE' }]) {
      const response = await as('council_member').json('PATCH', path, bad);
      assert.deepEqual([response.status, await fields(response)], [400, ['helpful']], JSON.stringify(bad));
    }
    const form = await post(as('council_member'), `/support-offer/requests/${requestId}/ratings/${memberRating}/edit`, { helpful: 'hugely' });
    const html = await form.text();
    assert.equal(form.status, 400);
    assert.match(html, /<a href="#helpful">How far you agree: say how far you agree it has been helpful: one of strongly_agree, agree, neither, disagree, strongly_disagree<\/a>/);
    assert.match(html, /Your rating now: Agree\./);
    assert.equal(await changesKept(), 0);
  });

  it('changes a rating, keeping the answer before; the verdict reads the ratings that stand', async () => {
    const form = await as('council_member').fetch(`/support-offer/requests/${requestId}/ratings/${memberRating}/edit`);
    const formHtml = await form.text();
    assert.equal(form.status, 200);
    assert.match(formHtml, /<input class="govuk-radios__input" id="helpful-2" name="helpful" type="radio" value="agree" checked>/);
    const posted = await post(as('council_member'), `/support-offer/requests/${requestId}/ratings/${memberRating}/edit`, { helpful: 'strongly_disagree' });
    assert.equal(posted.status, 303);
    const officerChange = await read(await as('performance_officer').json('PATCH', `/api/support-requests/${requestId}/ratings/${officerRating}`, { helpful: 'disagree' }));
    assert.deepEqual(
      officerChange.ratings.map((r) => r.helpful),
      ['strongly_disagree', 'disagree'],
    );
    assert.deepEqual(officerChange.verdict && [officerChange.verdict.kind, officerChange.verdict.agreeing, officerChange.verdict.ratings], ['not_shown_helpful', 0, 2]);
    assert.deepEqual(
      officerChange.ratingChanges.map((c) => [c.by, c.from, c.to]),
      [
        [world.users.council_member.name, 'agree', 'strongly_disagree'],
        [world.users.performance_officer.name, 'strongly_agree', 'disagree'],
      ],
    );
    const same = await read(await as('performance_officer').json('PATCH', `/api/support-requests/${requestId}/ratings/${officerRating}`, { helpful: 'disagree' }));
    assert.equal(same.ratingChanges.length, 2, 'the same answer is no change');
    const page = await (await as('principal_adviser').fetch(`/support-offer/requests/${requestId}`)).text();
    assert.match(page, /<h3 class="govuk-heading-s">Ratings changed or withdrawn<\/h3>/);
    assert.match(page, new RegExp(`${world.users.council_member.name} changed their rating from Agree to Strongly disagree`));
    const own = await (await as('council_member').fetch(`/support-offer/requests/${requestId}`)).text();
    assert.match(
      own,
      new RegExp(
        `You have rated it \\(Strongly disagree\\); each person rates it once\\. <a class="govuk-link" href="/support-offer/requests/${requestId}/ratings/${memberRating}/edit">Change or withdraw your rating</a>`,
      ),
    );
  });

  it('withdraws a rating, kept with its answer; with every rating withdrawn the request is delivered again, and rating again restores it', async () => {
    const withdrawn = await post(as('council_member'), `/support-offer/requests/${requestId}/ratings/${memberRating}/withdraw`, {});
    assert.equal(withdrawn.status, 303);
    const one = await requestNow();
    assert.deepEqual([one.state, one.ratings.map((r) => r.helpful), one.verdict?.ratings], ['rated', ['disagree'], 1]);
    const twice = await as('council_member').json('POST', `/api/support-requests/${requestId}/ratings/${memberRating}/withdraw`, {});
    assert.deepEqual([twice.status, await fields(twice)], [409, ['rating']]);
    const last = await read(await as('performance_officer').json('POST', `/api/support-requests/${requestId}/ratings/${officerRating}/withdraw`, {}));
    assert.deepEqual([last.state, last.ratings, last.verdict?.kind], ['delivered', [], 'not_rated']);
    const memberPage = await (await as('council_member').fetch(`/support-offer/requests/${requestId}`)).text();
    assert.match(memberPage, /Give your rating<\/a>/, 'a withdrawn rating may be given again');
    const again = await read(await as('council_member').json('POST', `/api/support-requests/${requestId}/ratings`, { helpful: 'neither' }));
    assert.deepEqual([again.state, again.ratings.map((r) => r.helpful), again.ownRatings.map((r) => r.id)], ['rated', ['neither'], [memberRating]]);
    assert.deepEqual(again.ratingChanges.map((c) => [c.by, c.from, c.to]).slice(2), [
      [world.users.council_member.name, 'strongly_disagree', null],
      [world.users.performance_officer.name, 'disagree', null],
      [world.users.council_member.name, null, 'neither'],
    ]);
    const audited = await world.store.sql<{ summary: string }[]>`
      select summary from audit_event where record_kind = 'support_rating' and record_id = ${String(requestId)} order by id`;
    assert.ok(audited.some((a) => a.summary === 'withdrew their rating (strongly disagree)'));
    assert.ok(audited.some((a) => a.summary === 'changed their rating from agree to strongly disagree'));
  });

  it('keeps every earlier rating beyond the application’s reach to rewrite or remove', async () => {
    await assert.rejects(world.store.sql`update support_rating_change set to_helpful = 'agree'`, /permission denied/);
    await assert.rejects(world.store.sql`delete from support_rating_change`, /permission denied/);
    await assert.rejects(world.store.sql`delete from support_request_rating`, /permission denied/);
  });
});
