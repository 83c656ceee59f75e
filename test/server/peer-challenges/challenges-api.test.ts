// Peer challenges over HTTP on the real app and store: a peer challenge
// manager opens an enquiry (a second open one of the kind answers 409 naming
// the first), scopes it, books the week and takes its steps against the
// revision read (a stale one answers 409); every refusal names its field.
// Every role reads and changes a challenge as the policy says, a guessed id
// answers as an unreadable one, the team's peer reads it, and the programme
// and its CSV say where each council stands.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FIVE_CORE_ELEMENTS } from '../../../src/domain/peer-challenge/index.ts';
import { bookPeer } from '../../../src/store/peer-bookings.ts';
import { addPeer } from '../../../src/store/peer-pool.ts';
import { DURHAM, EVERYONE, HARTLEPOOL, openWorld, type Who, type World } from '../access/world.ts';

interface Challenge {
  id: string;
  stage: string;
  revision: number;
  focusAreas: string[];
  due: { item: string; dueOn: string; sentence: string }[];
}

describe('peer challenges over the API', () => {
  let world: World;
  let id: string;
  let revision: number;
  before(async () => {
    world = await openWorld();
  });
  after(() => world.close());

  const as = (who: Who | 'hartlepoolOfficer') => world.browsers[who];
  const manager = () => as('peer_challenge_manager');
  const fieldsOf = async (response: Response) => ((await response.json()) as { details?: { problems?: { field: string }[] } }).details?.problems?.map((p) => p.field);
  const read = async (who: Who | 'hartlepoolOfficer' = 'peer_challenge_manager') => (await as(who).json('GET', `/api/peer-challenges/${id}`)).json() as Promise<Challenge>;

  it('opens an enquiry for a peer challenge manager alone', async () => {
    const body = { councilCode: DURHAM, kind: 'corporate', enquiredOn: '2025-09-01' };
    assert.equal((await as('public').json('POST', '/api/peer-challenges', body)).status, 401);
    for (const who of ['principal_adviser', 'performance_officer', 'council_member', 'regional_partner', 'administrator'] as const) {
      assert.equal((await as(who).json('POST', '/api/peer-challenges', body)).status, 403, who);
    }
    const response = await manager().json('POST', '/api/peer-challenges', body);
    const made = (await response.json()) as Challenge;
    assert.equal(response.status, 201);
    assert.deepEqual([made.stage, made.revision], ['enquiry', 1]);
    id = made.id;
    revision = made.revision;
  });

  it('refuses a second open enquiry of the kind for the council, naming the open one', async () => {
    const response = await manager().json('POST', '/api/peer-challenges', { councilCode: DURHAM, kind: 'corporate', enquiredOn: '2025-10-01' });
    const body = (await response.json()) as { message: string };
    assert.equal(response.status, 409);
    assert.match(body.message, new RegExp(`number ${id}, enquired about on 2025-09-01`));
    const other = await manager().json('POST', '/api/peer-challenges', { councilCode: DURHAM, kind: 'adults', enquiredOn: '2025-10-01' });
    assert.equal(other.status, 201, 'another kind is another challenge');
  });

  it('names the field of an enquiry it refuses', async () => {
    for (const [body, field] of [
      [{ councilCode: 'E99999999', kind: 'corporate', enquiredOn: '2025-09-01' }, 'councilCode'],
      [{ councilCode: HARTLEPOOL, kind: 'finance', enquiredOn: '2025-09-01' }, 'kind'],
      [{ councilCode: HARTLEPOOL, kind: 'corporate', enquiredOn: '2025-02-30' }, 'enquiredOn'],
    ] as const) {
      const response = await manager().json('POST', '/api/peer-challenges', body);
      assert.equal(response.status, 400);
      assert.deepEqual(await fieldsOf(response), [field]);
    }
  });

  it('scopes it: the core elements cannot be dropped', async () => {
    const dropped = await manager().json('POST', `/api/peer-challenges/${id}/scope`, { focusAreas: FIVE_CORE_ELEMENTS.slice(1), revision });
    assert.equal(dropped.status, 400);
    assert.deepEqual(await fieldsOf(dropped), ['focusAreas']);
    const none = await manager().json('POST', `/api/peer-challenges/${id}/scope`, { focusAreas: [], revision });
    assert.deepEqual(await fieldsOf(none), ['focusAreas']);
    const scoped = await manager().json('POST', `/api/peer-challenges/${id}/scope`, { focusAreas: [...FIVE_CORE_ELEMENTS], revision });
    const body = (await scoped.json()) as Challenge;
    assert.equal(scoped.status, 200);
    assert.deepEqual([body.stage, body.focusAreas.length], ['scoping', 5]);
    revision = body.revision;
  });

  it('refuses a stale revision with 409, and a week that ends before it starts naming the field', async () => {
    const stale = await manager().json('POST', `/api/peer-challenges/${id}/week`, { from: '2026-01-27', to: '2026-01-30', revision: revision - 1 });
    assert.equal(stale.status, 409);
    assert.match(((await stale.json()) as { message: string }).message, /changed since it was read/);
    const backwards = await manager().json('POST', `/api/peer-challenges/${id}/week`, { from: '2026-01-30', to: '2026-01-27', revision });
    assert.equal(backwards.status, 400);
    assert.deepEqual(await fieldsOf(backwards), ['onSite.to']);
    const booked = await manager().json('POST', `/api/peer-challenges/${id}/week`, { from: '2026-01-27', to: '2026-01-30', revision });
    const body = (await booked.json()) as Challenge;
    assert.equal(booked.status, 200);
    assert.equal(body.stage, 'booked');
    assert.deepEqual(
      body.due.map((d) => [d.item, d.dueOn]),
      [
        ['report', '2026-04-30'],
        ['action_plan', '2026-04-30'],
        ['progress_review', '2026-11-30'],
        ['progress_review_report', '2027-01-30'],
      ],
    );
    revision = body.revision;
  });

  it('refuses a step out of order with 409, and closing early without a reason naming the field', async () => {
    const early = await manager().json('POST', `/api/peer-challenges/${id}/steps`, { step: 'give_feedback', on: '2026-01-30', revision });
    assert.equal(early.status, 409);
    const noReason = await manager().json('POST', `/api/peer-challenges/${id}/steps`, { step: 'close', on: '2026-01-05', reason: ' ', revision });
    assert.equal(noReason.status, 400);
    assert.deepEqual(await fieldsOf(noReason), ['reason']);
  });

  it('lets a peer on the team read it: joining the team shares it', async () => {
    assert.equal((await as('regional_partner').json('GET', `/api/peer-challenges/${id}`)).status, 404);
    const added = await addPeer(world.store.sql, { name: 'Pat Partner', role: 'manager', party: null, councilCode: null, skills: [], sectorExperience: [], unavailable: [] }, null);
    const peerId = (added as { id: number }).id;
    await world.store.sql`update peer set user_id = ${world.users.regional_partner.id} where id = ${peerId}`;
    assert.equal((await bookPeer(world.store.sql, Number(id), peerId, false, null)).kind, 'booked');
    assert.equal((await as('regional_partner').json('GET', `/api/peer-challenges/${id}`)).status, 200);
  });

  it('lets each role read and change a challenge as the policy says, and answers a guessed id as an unreadable one', async () => {
    const readers: Record<Who | 'hartlepoolOfficer', number> = {
      public: 404,
      author: 200,
      principal_adviser: 200,
      peer_challenge_manager: 200,
      performance_officer: 200,
      council_member: 200,
      regional_partner: 200,
      panel_member: 404,
      government_officer: 404,
      inspector: 404,
      administrator: 404,
      hartlepoolOfficer: 404,
    };
    for (const who of [...EVERYONE, 'hartlepoolOfficer'] as const) {
      const response = await as(who).json('GET', `/api/peer-challenges/${id}`);
      assert.equal(response.status, readers[who], `${who} reads`);
      const guessed = await as(who).json('GET', '/api/peer-challenges/999999');
      assert.equal(guessed.status, 404, `${who} guesses`);
      if (response.status === 404) {
        assert.equal(((await response.json()) as { message: string }).message.replace(id, 'N'), ((await guessed.json()) as { message: string }).message.replace('999999', 'N'));
      }
      const change = await as(who).json('POST', `/api/peer-challenges/${id}/steps`, { step: 'close', on: '2026-01-05', reason: 'probe', revision: 1 });
      const expected = who === 'public' ? 401 : who === 'peer_challenge_manager' ? 409 : 403;
      assert.equal(change.status, expected, `${who} changes`);
    }
    assert.equal((await manager().json('GET', '/api/peer-challenges/abc')).status, 400);
  });

  it('closes with a reason and keeps the history of its steps', async () => {
    const closed = await manager().json('POST', `/api/peer-challenges/${id}/steps`, { step: 'close', on: '2026-01-05', reason: 'the council asked to wait', revision });
    assert.equal(closed.status, 200);
    const body = (await read()) as Challenge & { steps: { label: string; detail: string }[] };
    assert.equal(body.stage, 'closed');
    assert.deepEqual(
      body.steps.map((s) => s.label),
      ['Enquiry opened', 'Scoped', 'Week booked', 'Closed'],
    );
    assert.equal(body.steps.at(-1)!.detail, 'the council asked to wait');
    const again = await manager().json('POST', '/api/peer-challenges', { councilCode: DURHAM, kind: 'corporate', enquiredOn: '2026-02-01' });
    assert.equal(again.status, 201, 'once closed, a new enquiry of the kind may open');
  });

  it("gives the programme to signed-in readers, each council's last challenge with its stage, and the same as CSV", async () => {
    assert.equal((await as('public').json('GET', '/api/peer-challenges')).status, 404);
    const response = await as('council_member').json('GET', '/api/peer-challenges?council=durham');
    const body = (await response.json()) as { rows: { councilCode: string; kind: string; stage: string }[]; counts: Record<string, { inDiscussion: number }> };
    assert.equal(response.status, 200);
    assert.deepEqual(
      body.rows.map((r) => [r.councilCode, r.kind, r.stage]),
      [[DURHAM, 'corporate', 'Enquiry']],
    );
    assert.equal(body.counts.corporate!.inDiscussion + body.counts.adults!.inDiscussion, 2);
    const csv = await manager().fetch('/peer-challenges/programme.csv?council=hartlepool');
    const text = await csv.text();
    assert.equal(csv.status, 200);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    const lines = text.trim().split('\r\n');
    assert.equal(lines[0], 'council_code,council,challenge,kind,stage,enquired_on,on_site_from,on_site_to,next_due,next_due_on,next_due_rule,overdue_items,overdue');
    assert.deepEqual(
      lines.slice(1).map((l) => l.split(',').slice(0, 5)),
      [[HARTLEPOOL, 'Hartlepool', '', '', '']],
    );
    assert.equal((await as('public').fetch('/peer-challenges/programme.csv')).status, 404);
  });

  it("answers every role alike on the programme's two views, in the API, the page and the CSV; a view it does not know is refused by the API", async () => {
    const views = ['', '?show=attention', '?show=all'];
    let seen: string | undefined;
    for (const who of EVERYONE) {
      for (const view of views) {
        const api = await as(who).json('GET', `/api/peer-challenges${view}`);
        const csv = await as(who).fetch(`/peer-challenges/programme.csv${view}`);
        const page = await as(who).fetch(`/peer-challenges${view}`);
        if (who === 'public') {
          assert.deepEqual([api.status, csv.status], [404, 404], `the public, ${view}`);
          assert.equal(page.status, 200);
          assert.match(await page.text(), /Sign in<\/a> to see it/);
          continue;
        }
        assert.deepEqual([api.status, csv.status, page.status], [200, 200, 200], `${who} ${view}`);
        const body = (await api.json()) as { rows: { councilCode: string; attention: unknown[] }[]; shown: { attention: number; all: number } };
        assert.equal(body.rows.length, view === '?show=attention' ? body.shown.attention : body.shown.all, `${who} ${view}: the API's default is every council`);
        if (view === '?show=attention') assert.ok(body.rows.every((r) => r.attention.length > 0));
        const key = `${view}|${JSON.stringify(body.rows)}`;
        if (view === '?show=all') {
          if (seen === undefined) seen = key;
          assert.equal(key, seen, `${who} reads what every signed-in reader reads`);
        }
        assert.equal((await csv.text()).trim().split('\r\n').length, body.rows.length + 1, `${who} ${view}: the CSV holds the API's rows`);
      }
      if (who === 'public') continue;
      const bad = await as(who).json('GET', '/api/peer-challenges?show=overdue');
      assert.equal(bad.status, 400, who);
      assert.match(((await bad.json()) as { message: string }).message, /show/);
    }
  });
});
