// Withdrawing a peer's days away and declared conflicts, and the pool a page
// at a time, over HTTP on the real app and store. Days away are withdrawn
// from today on and kept as withdrawn, with who, when and (if given) why
// (days past stay standing; a span wholly past, or withdrawn already, is
// refused, 409); the application may not delete them. A conflict is
// withdrawn with a reason and stays on record, and one that does not stand
// (never declared, withdrawn already, the peer's own council) is refused,
// naming the council; declaring it again is a new record, the old
// withdrawal kept. Each withdrawal moves the pool's generation, so the
// team suggestion a server keeps sees it on its next read. The pool's pages
// count every peer the viewer may read. Every role is probed on the new
// routes, with ids guessed. Migration 051 hashes the feed tokens kept before
// it, and their addresses go on working.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { londonDay } from '../../../src/domain/format/index.ts';
import { peerOfFeed } from '../../../src/store/peer-teams.ts';
import { EVERYONE, type Who } from '../access/world.ts';
import { addTestPeer, bookedChallenge, DURHAM, HARTLEPOOL, openPeerWorld, SUNDERLAND, type PeerWorld } from './peer-world.ts';

interface PeerJson {
  id: number;
  conflicts: { councilCode: string; reason: string }[];
  unavailable: { id: number; from: string; to: string }[];
  withdrawnAway: { id: number; from: string; to: string; cutFrom: number | null; withdrawnBy: string | null; withdrawReason: string | null; withdrawnAt: string }[];
  withdrawnConflicts: { councilCode: string; reason: string; withdrawnBy: string | null; withdrawReason: string }[];
}

const DAY = 86_400_000;
const dayFrom = (days: number) => londonDay(new Date(Date.now() + days * DAY));
/** A Monday about half a year ahead, and its Thursday: a week on site still to come. */
function weekAhead(): { from: string; to: string } {
  const start = new Date(Date.now() + 180 * DAY);
  start.setUTCDate(start.getUTCDate() + ((8 - start.getUTCDay()) % 7));
  const from = start.toISOString().slice(0, 10);
  return { from, to: new Date(start.getTime() + 3 * DAY).toISOString().slice(0, 10) };
}

describe('withdrawing days away and conflicts, and the pool a page at a time', () => {
  let world: PeerWorld;
  let future: number;
  const week = weekAhead();
  before(async () => {
    world = await openPeerWorld();
    future = await bookedChallenge(world.store.sql, HARTLEPOOL, week, world.users.peer_challenge_manager.id);
  });
  after(() => world.close());

  const as = (who: Who | 'hartlepoolOfficer') => world.browsers[who];
  const manager = () => as('peer_challenge_manager');
  const messageOf = async (response: Response) => ((await response.json()) as { message: string }).message;
  const suggested = async () => {
    const reading = (await (await manager().json('GET', `/api/peer-challenges/${future}/team`)).json()) as { suggestion: { byRole: Record<string, { peerId: number }[]> } };
    return new Set(Object.values(reading.suggestion.byRole).flatMap((candidates) => candidates.map((c) => c.peerId)));
  };
  const awayOf = async (peerId: number, from: string, to: string) => {
    const response = await manager().json('POST', `/api/peers/${peerId}/unavailable`, { from, to });
    assert.equal(response.status, 201);
    return ((await response.json()) as PeerJson).unavailable.find((u) => u.from === from)!.id;
  };

  it('withdraws days away still to come, and the kept suggestion sees the peer free again', async () => {
    const esme = world.peers.manager;
    assert.ok((await suggested()).has(esme), 'free before');
    const span = await awayOf(esme, week.from, week.to);
    assert.ok(!(await suggested()).has(esme), 'away for the week');
    assert.ok(!(await suggested()).has(esme), 'and so from the kept pool');
    const tooLong = await manager().json('POST', `/api/peers/${esme}/unavailable/${span}/withdraw`, { reason: 'x'.repeat(501) });
    assert.equal(tooLong.status, 400);
    assert.match(await messageOf(tooLong), /'reason' is longer than 500 characters/);
    assert.ok(!(await suggested()).has(esme), 'a refused withdrawal changes nothing');
    const withdrawn = await manager().json('POST', `/api/peers/${esme}/unavailable/${span}/withdraw`, { reason: 'The leave was cancelled' });
    assert.equal(withdrawn.status, 200);
    const after = (await withdrawn.json()) as PeerJson;
    assert.deepEqual(after.unavailable, [], 'no longer standing');
    assert.deepEqual(
      after.withdrawnAway.map((u) => [u.id, u.from, u.to, u.cutFrom, u.withdrawnBy, u.withdrawReason]),
      [[span, week.from, week.to, null, world.users.peer_challenge_manager.name, 'The leave was cancelled']],
      'kept as withdrawn, with who and why',
    );
    assert.ok((await suggested()).has(esme), 'the generation moved: the suggestion reads the peer again');
    const again = await manager().json('POST', `/api/peers/${esme}/unavailable/${span}/withdraw`);
    assert.equal(again.status, 409, 'withdrawn once already');
    assert.match(await messageOf(again), new RegExp(`^'span': the days away from ${week.from} to ${week.to} were withdrawn on ${dayFrom(0)}`));
    const trail = await world.store.sql<{ summary: string }[]>`
      select summary from audit_event where record_kind = 'peer' and record_id = ${String(esme)} and summary like 'withdrew%'`;
    assert.deepEqual(
      trail.map((t) => t.summary),
      [`withdrew days away from ${week.from} to ${week.to}: The leave was cancelled`],
    );
    await assert.rejects(world.store.sql`delete from peer_unavailable where id = ${span}`, /permission denied/, 'Lantern may not delete days away');
  });

  it('refuses days away wholly past, and keeps the past days of a span under way', async () => {
    const ada = world.peers.ceo;
    const past = await awayOf(ada, dayFrom(-40), dayFrom(-30));
    const refused = await manager().json('POST', `/api/peers/${ada}/unavailable/${past}/withdraw`);
    assert.equal(refused.status, 409);
    assert.match(await messageOf(refused), new RegExp(`^'span': the days away from ${dayFrom(-40)} to ${dayFrom(-30)} are past`));
    const underWay = await awayOf(ada, dayFrom(-2), dayFrom(5));
    const trimmed = await manager().json('POST', `/api/peers/${ada}/unavailable/${underWay}/withdraw`);
    assert.equal(trimmed.status, 200);
    const after = (await trimmed.json()) as PeerJson;
    assert.deepEqual(
      after.unavailable.map((u) => [u.from, u.to]),
      [
        [dayFrom(-40), dayFrom(-30)],
        [dayFrom(-2), dayFrom(-1)],
      ],
    );
    assert.deepEqual(
      after.withdrawnAway.map((u) => [u.from, u.to, u.cutFrom, u.withdrawReason]),
      [[dayFrom(0), dayFrom(5), underWay, null]],
      'the days withdrawn are kept, naming the span they were cut from; no reason given',
    );
    const bad = await manager().json('POST', `/api/peers/${ada}/unavailable/abc/withdraw`);
    assert.equal(bad.status, 400);
    assert.match(await messageOf(bad), /days away/);
  });

  it('withdraws a declared conflict with a reason, refusing one that does not stand', async () => {
    const dev = world.peers.otherMember;
    assert.ok((await suggested()).has(dev), 'free for Hartlepool before');
    assert.equal((await manager().json('POST', `/api/peers/${dev}/conflicts`, { councilCode: HARTLEPOOL, reason: 'Spouse in post' })).status, 201);
    assert.ok(!(await suggested()).has(dev), 'conflicted');
    const address = `/api/peers/${dev}/conflicts/${HARTLEPOOL}/withdraw`;
    const noReason = await manager().json('POST', address, {});
    assert.equal(noReason.status, 400);
    assert.match(await messageOf(noReason), /reason/);
    const withdrawn = await manager().json('POST', address, { reason: 'The spouse retired' });
    assert.equal(withdrawn.status, 200);
    assert.deepEqual(((await withdrawn.json()) as PeerJson).conflicts, []);
    assert.ok((await suggested()).has(dev), 'the kept suggestion sees the conflict gone');
    const kept = await world.store.sql`select withdraw_reason from peer_conflict where peer_id = ${dev} and area_code = ${HARTLEPOOL}`;
    assert.deepEqual([...kept], [{ withdraw_reason: 'The spouse retired' }], 'it stays on record as withdrawn');

    const twice = await manager().json('POST', address, { reason: 'again' });
    assert.equal(twice.status, 409);
    assert.match(await messageOf(twice), /^'councilCode': the conflict with Hartlepool was withdrawn on \d{4}-\d{2}-\d{2}/);
    const never = await manager().json('POST', `/api/peers/${dev}/conflicts/${DURHAM}/withdraw`, { reason: 'x' });
    assert.equal(never.status, 409);
    assert.match(await messageOf(never), new RegExp(`declared no conflict with ${DURHAM}`));
    const own = await manager().json('POST', `/api/peers/${world.peers.director}/conflicts/${HARTLEPOOL}/withdraw`, { reason: 'x' });
    assert.equal(own.status, 409);
    assert.match(await messageOf(own), /own council conflicts them by Lantern's rules/);
    const badCode = await manager().json('POST', `/api/peers/${dev}/conflicts/nowhere/withdraw`, { reason: 'x' });
    assert.equal(badCode.status, 400);
    assert.match(await messageOf(badCode), /councilCode/);
    const redeclared = await manager().json('POST', `/api/peers/${dev}/conflicts`, { councilCode: HARTLEPOOL, reason: 'Back in post' });
    const now = (await redeclared.json()) as PeerJson;
    assert.deepEqual(
      now.conflicts.map((c) => [c.councilCode, c.reason]),
      [[HARTLEPOOL, 'Back in post']],
      'declaring it again stands a new conflict',
    );
    assert.deepEqual(
      now.withdrawnConflicts.map((c) => [c.councilCode, c.reason, c.withdrawnBy, c.withdrawReason]),
      [[HARTLEPOOL, 'Spouse in post', world.users.peer_challenge_manager.name, 'The spouse retired']],
      'and the old withdrawal is kept, who, when and why',
    );
    assert.ok(!(await suggested()).has(dev), 'conflicted again');
    const rows = await world.store.sql`select reason, withdraw_reason from peer_conflict where peer_id = ${dev} and area_code = ${HARTLEPOOL} order by id`;
    assert.deepEqual(
      [...rows],
      [
        { reason: 'Spouse in post', withdraw_reason: 'The spouse retired' },
        { reason: 'Back in post', withdraw_reason: null },
      ],
    );
    const changed = await manager().json('POST', `/api/peers/${dev}/conflicts`, { councilCode: HARTLEPOOL, reason: 'Back in post, as director' });
    assert.equal(changed.status, 201);
    assert.equal(
      (await world.store.sql`select 1 from peer_conflict where peer_id = ${dev} and area_code = ${HARTLEPOOL}`).length,
      2,
      'declaring a standing one again changes its reason, one standing at a time',
    );
    await assert.rejects(world.store.sql`insert into peer_conflict (peer_id, area_code, reason) values (${dev}, ${HARTLEPOOL}, 'a second')`, /peer_conflict_standing/);
  });

  it('withdraws through the forms without script, the refusal shown on the form', async () => {
    const own = world.peers.partnerPeer;
    const partner = as('regional_partner');
    assert.equal((await partner.json('POST', `/api/peers/${own}/conflicts`, { councilCode: SUNDERLAND, reason: 'Former employer' })).status, 201);
    const form = `/peers/${own}/conflicts/${SUNDERLAND}/withdrawal/new`;
    const page = await partner.fetch(form);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /declared a conflict with Sunderland: Former employer/);
    const post = (body: Record<string, string>) => partner.fetch(form, { method: 'POST', body: new URLSearchParams({ ...body, _csrf: partner.csrfToken }) });
    const refused = await post({ reason: '' });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /govuk-error-summary[\s\S]*reason/i);
    const done = await post({ reason: 'Left in 2015' });
    assert.deepEqual([done.status, done.headers.get('location')], [303, `/peers/${own}`]);
    assert.equal((await post({ reason: 'Left in 2015' })).status, 409, 'a second time is refused on the form');

    const span = ((await (await partner.json('POST', `/api/peers/${own}/unavailable`, { from: dayFrom(20), to: dayFrom(22) })).json()) as PeerJson).unavailable[0]!.id;
    const own_page = await (await partner.fetch(`/peers/${own}`)).text();
    assert.ok(own_page.includes(`/peers/${own}/unavailable/${span}/withdrawal/new`), 'the peer page offers the withdrawal');
    const spanForm = await (await partner.fetch(`/peers/${own}/unavailable/${span}/withdrawal/new`)).text();
    assert.match(spanForm, /Why the days are free again \(optional\)/);
    const tooLong = await partner.fetch(`/peers/${own}/unavailable/${span}/withdrawal/new`, { method: 'POST', body: new URLSearchParams({ reason: 'y'.repeat(501), _csrf: partner.csrfToken }) });
    assert.equal(tooLong.status, 400);
    const refusedText = await tooLong.text();
    assert.match(refusedText, /govuk-error-summary[\s\S]*longer than 500 characters/);
    assert.ok(refusedText.includes('y'.repeat(501)), 'what was typed is kept');
    const withdrawSpan = await partner.fetch(`/peers/${own}/unavailable/${span}/withdrawal/new`, { method: 'POST', body: new URLSearchParams({ reason: 'Back early', _csrf: partner.csrfToken }) });
    assert.equal(withdrawSpan.status, 303);
    assert.equal((await partner.fetch(`/peers/${own}/unavailable/${span}/withdrawal/new`)).status, 404, 'no longer standing, so no form');
    const shown = await (await partner.fetch(`/peers/${own}`)).text();
    assert.match(shown, /<h3 class="govuk-heading-s">Days away withdrawn<\/h3>/);
    assert.match(shown, /withdrawn on [^<]* by [^<]*, Back early/);
    assert.match(shown, /<h3 class="govuk-heading-s">Conflicts withdrawn<\/h3>[\s\S]*Sunderland: Former employer \(declared [^)]*\); withdrawn on [^<]*: Left in 2015/);
  });

  it('answers every role on the withdrawals as the policy says, the same 404 for a guessed id', async () => {
    const target = await addTestPeer(world.store.sql, { name: 'Hal Probe', councilCode: null });
    const spans: number[] = [];
    for (let i = 0; i < 3; i++) spans.push(await awayOf(target, dayFrom(60 + i * 10), dayFrom(61 + i * 10)));
    await world.store.sql`insert into peer_conflict (peer_id, area_code, reason) values (${target}, ${SUNDERLAND}, 'Probe')`;
    const expected = (who: Who) => (who === 'public' ? 401 : who === 'peer_challenge_manager' ? 200 : 404);
    for (const who of EVERYONE) {
      const span = `/api/peers/${target}/unavailable/${spans[0]}/withdraw`;
      const got = (await as(who).json('POST', span)).status;
      assert.equal(got, expected(who), `${who} days away`);
      if (got === 200) spans.shift();
      const conflict = (await as(who).json('POST', `/api/peers/${target}/conflicts/${SUNDERLAND}/withdraw`, { reason: 'Probe over' })).status;
      assert.equal(conflict, who === 'peer_challenge_manager' ? 200 : expected(who), `${who} conflict`);
      const page = (await as(who).fetch(`/peers/${target}/unavailable/${spans[0]}/withdrawal/new`)).status;
      assert.equal(page, who === 'public' ? 303 : who === 'peer_challenge_manager' ? 200 : 404, `${who} form: the public is sent to sign in`);
    }
    const partnerSpan = await awayOf(world.peers.partnerPeer, dayFrom(90), dayFrom(91));
    const guesses = [
      `/api/peers/${target}/unavailable/${partnerSpan}/withdraw`,
      `/api/peers/${world.peers.partnerPeer}/unavailable/${spans[0]}/withdraw`,
      `/api/peers/999999/unavailable/${spans[0]}/withdraw`,
      `/api/peers/${target}/unavailable/999999/withdraw`,
    ];
    for (const address of guesses) assert.equal((await manager().json('POST', address)).status, 404, address);
    for (const address of guesses.slice(0, 3)) assert.equal((await as('regional_partner').json('POST', address)).status, 404, `the peer: ${address}`);
    assert.equal((await as('regional_partner').json('POST', `/api/peers/${world.peers.partnerPeer}/unavailable/${partnerSpan}/withdraw`)).status, 200, 'the peer withdraws their own');
  });

  it('lists the pool a page at a time, counting every peer the viewer may read', async () => {
    type Listed = { items: { name: string }[]; total: number; page: number; pageSize: number; pages: number };
    const list = async (who: Who, query: string) => {
      const response = await as(who).json('GET', `/api/peers${query}`);
      assert.equal(response.status, 200, query);
      return (await response.json()) as Listed;
    };
    const all = await list('peer_challenge_manager', '?pageSize=200');
    assert.equal(all.items.length, all.total);
    const first = await list('peer_challenge_manager', '?pageSize=3');
    const second = await list('peer_challenge_manager', '?pageSize=3&page=2');
    assert.deepEqual([first.total, first.pages, first.page, first.items.length], [all.total, Math.ceil(all.total / 3), 1, 3]);
    assert.deepEqual(
      [...first.items, ...second.items].map((p) => p.name),
      all.items.slice(0, 6).map((p) => p.name),
      'pages follow on by name',
    );
    const beyond = await list('peer_challenge_manager', `?pageSize=3&page=${first.pages + 1}`);
    assert.deepEqual([beyond.items.length, beyond.total], [0, all.total]);
    const councillors = await list('peer_challenge_manager', '?role=councillor&pageSize=1');
    assert.deepEqual([councillors.total, councillors.pages, councillors.items.length], [2, 2, 1]);
    assert.deepEqual([(await list('regional_partner', '?pageSize=1')).total, (await list('council_member', '')).total], [1, 0]);
    for (const bad of ['?pageSize=0', '?pageSize=500', '?page=0', '?page=two']) {
      const response = await manager().json('GET', `/api/peers${bad}`);
      assert.equal(response.status, 400, bad);
      assert.match(await messageOf(response), bad.startsWith('?pageSize') ? /pageSize/ : /page/);
    }
    const page = await (await manager().fetch('/peers?role=councillor&pageSize=1&page=2')).text();
    assert.match(page, /Peers 2 to 2 of 2, page 2 of 2/);
    assert.ok(page.includes('href="/peers?role=councillor&amp;pageSize=1"'), 'the way back keeps the filter');
    const firstPage = await (await manager().fetch('/peers?pageSize=3')).text();
    assert.ok(firstPage.includes('href="/peers?pageSize=3&amp;page=2"'), 'and the way on');
  });
});

describe('migration 051 on the feed tokens kept before it', () => {
  let world: PeerWorld;
  before(async () => {
    world = await openPeerWorld();
  });
  after(() => world.close());

  it('keeps only their hashes, and their addresses go on opening the feed', async () => {
    const token = 'a'.repeat(20) + 'B'.repeat(23);
    await world.store.asOwner(async (owner) => {
      // Migration 055's reference to a span's id goes with it; 051 makes the id again.
      await owner`alter table peer_unavailable drop column id cascade`;
      await owner`alter table peer_conflict drop constraint peer_conflict_withdrawn_with_reason, drop column withdrawn_at, drop column withdrawn_by, drop column withdraw_reason`;
      await owner`alter table peer_feed drop column token_hash, add column token text unique check (token ~ '^[A-Za-z0-9_-]{43}$')`;
      await owner`insert into peer_feed (peer_id, token) values (${world.peers.partnerPeer}, ${token})`;
      await owner`delete from schema_migration where version = 51`;
    });
    assert.ok((await world.store.migrate()).some((name) => name.startsWith('051-')));
    const [kept] = await world.store.sql<{ tokenHash: Buffer }[]>`select token_hash as "tokenHash" from peer_feed where peer_id = ${world.peers.partnerPeer}`;
    assert.equal(kept!.tokenHash.toString('hex'), createHash('sha256').update(token).digest('hex'));
    assert.equal((await peerOfFeed(world.store.sql, createHash('sha256').update(token).digest()))?.id, world.peers.partnerPeer);
    const feed = await world.browsers.public.fetch(`/peers/feed/${token}.ics`);
    assert.equal(feed.status, 200, 'the old address still opens the feed');
    assert.match(await feed.text(), /BEGIN:VCALENDAR/);
    const renewed = (await (await world.browsers.regional_partner.json('POST', `/api/peers/${world.peers.partnerPeer}/feed`)).json()) as { address: string };
    assert.equal((await world.browsers.public.fetch(`/peers/feed/${token}.ics`)).status, 404, 'until the peer makes a new one');
    assert.equal((await world.browsers.public.fetch(renewed.address)).status, 200);
  });
});
