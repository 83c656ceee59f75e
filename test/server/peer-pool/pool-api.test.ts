// The peer pool over HTTP on the real app and store: managers add peers,
// every bad field named at once; each peer reads and keeps only their own
// record; conflicts and days away recorded by the peer or a manager, days
// on which the peer is booked refused with 409; the calendars read back by
// ical.js: a challenge's week for its readers, and a peer's private feed at
// a token only they see, which a renewal closes; "Giving and taking" as
// JSON and CSV. Every role is probed on each route, with ids guessed.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import ICAL from 'ical.js';
import { EVERYONE, type Who } from '../access/world.ts';
import { DURHAM, HARTLEPOOL, openPeerWorld, SUNDERLAND, WEEK, type PeerWorld } from './peer-world.ts';

interface PeerJson {
  id: number;
  name: string;
  userId: number | null;
  conflicts?: { councilCode: string; reason: string }[];
  unavailable: { id: number; from: string; to: string; reason?: string | null }[];
}

function eventsOf(text: string): ICAL.Event[] {
  return new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
}

describe('the peer pool over the API', () => {
  let world: PeerWorld;
  before(async () => {
    world = await openPeerWorld();
    for (const [peerId, lead] of [
      [world.peers.ceo, true],
      [world.peers.member, false],
      [world.peers.manager, false],
      [world.peers.partnerPeer, false],
    ] as const) {
      const booked = await world.browsers.peer_challenge_manager.json('POST', `/api/peer-challenges/${world.challengeId}/team`, { peerId, lead });
      assert.equal(booked.status, 201);
    }
  });
  after(() => world.close());

  const as = (who: Who | 'hartlepoolOfficer') => world.browsers[who];
  const fieldsOf = async (response: Response) => ((await response.json()) as { details?: { problems?: { field: string }[] } }).details?.problems?.map((p) => p.field);

  it('adds a peer for a manager, naming every bad field at once', async () => {
    const bad = await as('peer_challenge_manager').json('POST', '/api/peers', { name: ' ', role: 'director', party: 'Labour', councilCode: 'E99999999', sectorExperience: ['moon'] });
    assert.equal(bad.status, 400);
    assert.deepEqual(await fieldsOf(bad), ['name', 'party', 'councilCode', 'sectorExperience']);
    const noParty = await as('peer_challenge_manager').json('POST', '/api/peers', { name: 'Cllr Jo Sample', role: 'councillor' });
    assert.deepEqual(await fieldsOf(noParty), ['party']);
    const added = await as('peer_challenge_manager').json('POST', '/api/peers', { name: 'Kit Invented', role: 'director', councilCode: HARTLEPOOL.toLowerCase(), skills: ['governance_and_culture'] });
    assert.equal(added.status, 201);
    assert.equal(((await added.json()) as { councilName: string }).councilName, 'Hartlepool');
    for (const who of ['performance_officer', 'regional_partner', 'administrator'] as const) {
      assert.equal((await as(who).json('POST', '/api/peers', { name: 'Sly', role: 'director' })).status, 403, who);
    }
    assert.equal((await as('public').json('POST', '/api/peers', { name: 'Sly', role: 'director' })).status, 401);
  });

  it('lists every peer for a manager and only their own for a peer, with filters', async () => {
    const names = async (who: Who, query = '') => ((await (await as(who).json('GET', `/api/peers${query}${query ? '&' : '?'}pageSize=200`)).json()) as { items: PeerJson[] }).items.map((p) => p.name);
    assert.ok((await names('peer_challenge_manager')).length >= 8);
    assert.deepEqual(await names('regional_partner'), ['Finn Partner']);
    assert.deepEqual(await names('council_member'), []);
    assert.deepEqual(await names('peer_challenge_manager', '?role=councillor'), ['Cllr Cora Sample', 'Cllr Dev Example']);
    assert.deepEqual(await names('peer_challenge_manager', '?party=green'), ['Cllr Dev Example']);
    assert.deepEqual(await names('peer_challenge_manager', `?council=${DURHAM}`), ['Bram Madeup']);
    const free = await names('peer_challenge_manager', `?role=chief_executive&freeFrom=${WEEK.to}&freeTo=2026-03-20`);
    assert.deepEqual(free, ['Bram Madeup'], 'the booked chief executive is not free');
    assert.equal((await as('peer_challenge_manager').json('GET', '/api/peers?freeFrom=2026-13-45')).status, 200);
    assert.equal((await as('peer_challenge_manager').json('GET', '/api/peers?role=mayor')).status, 400);
  });

  it("shows a peer's page to the managers and the peer alone, the same 404 for a guessed id", async () => {
    const address = `/api/peers/${world.peers.partnerPeer}`;
    const expected: Record<Who, number> = {
      public: 401,
      author: 404,
      performance_officer: 404,
      council_member: 404,
      principal_adviser: 404,
      regional_partner: 200,
      panel_member: 404,
      government_officer: 404,
      inspector: 404,
      peer_challenge_manager: 200,
      administrator: 404,
    };
    for (const who of EVERYONE) assert.equal((await as(who).json('GET', address)).status, expected[who], who);
    const own = (await (await as('regional_partner').json('GET', address)).json()) as PeerJson & { bookings: { challengeId: number }[] };
    assert.deepEqual(
      own.bookings.map((b) => b.challengeId),
      [world.challengeId],
    );
    const guessed = await as('regional_partner').json('GET', `/api/peers/${world.peers.ceo}`);
    const missing = await as('regional_partner').json('GET', '/api/peers/999999');
    assert.deepEqual([guessed.status, missing.status], [404, 404]);
  });

  it('lets the peer and a manager declare conflicts and days away, no one else', async () => {
    const own = `/api/peers/${world.peers.partnerPeer}`;
    const declared = await as('regional_partner').json('POST', `${own}/conflicts`, { councilCode: SUNDERLAND, reason: 'Former employer' });
    assert.equal(declared.status, 201);
    assert.deepEqual(
      (((await declared.json()) as PeerJson).conflicts ?? []).map((c) => [c.councilCode, c.reason]),
      [[SUNDERLAND, 'Former employer']],
    );
    const unknown = await as('regional_partner').json('POST', `${own}/conflicts`, { councilCode: 'E99999999', reason: 'x' });
    assert.deepEqual([unknown.status, await fieldsOf(unknown)], [400, ['councilCode']]);
    for (const who of ['performance_officer', 'principal_adviser', 'administrator'] as const) {
      assert.equal((await as(who).json('POST', `${own}/conflicts`, { councilCode: SUNDERLAND, reason: 'x' })).status, 404, who);
    }
    const backwards = await as('peer_challenge_manager').json('POST', `/api/peers/${world.peers.ceo}/unavailable`, { from: '2026-05-10', to: '2026-05-01' });
    assert.deepEqual([backwards.status, await fieldsOf(backwards)], [400, ['to']]);
    const booked = await as('peer_challenge_manager').json('POST', `/api/peers/${world.peers.ceo}/unavailable`, { from: '2026-03-01', to: WEEK.from });
    assert.equal(booked.status, 409);
    // The field is named once, at the start, as every refusal names it.
    assert.match(((await booked.json()) as { message: string }).message, new RegExp(`^'from': [^']*booked from ${WEEK.from} to ${WEEK.to} for County Durham's peer challenge`));
    const away = await as('peer_challenge_manager').json('POST', `/api/peers/${world.peers.ceo}/unavailable`, { from: '2026-05-01', to: '2026-05-10', reason: 'Leave' });
    assert.equal(away.status, 201);
    assert.deepEqual(
      ((await away.json()) as PeerJson).unavailable.map(({ from, to, reason }) => ({ from, to, reason })),
      [{ from: '2026-05-01', to: '2026-05-10', reason: 'Leave' }],
    );
    assert.equal((await as('regional_partner').json('POST', `/api/peers/${world.peers.ceo}/unavailable`, { from: '2026-05-01', to: '2026-05-02' })).status, 404);
  });

  it("serves the challenge's week on site to its readers, parsed back by ical.js", async () => {
    const address = `/peer-challenges/${world.challengeId}/on-site.ics`;
    const response = await as('council_member').fetch(address);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /^text\/calendar/);
    const [event, ...rest] = eventsOf(await response.text());
    assert.equal(rest.length, 0);
    assert.deepEqual([event!.startDate.toString(), event!.endDate.toString(), event!.summary], [WEEK.from, '2026-03-13', 'Corporate peer challenge: County Durham']);
    assert.match(event!.description, /^Team: Ada Invented; /);
    assert.equal((await as('hartlepoolOfficer').fetch(address)).status, 404);
    assert.equal((await as('public').fetch(address)).status, 404);
    assert.equal((await as('council_member').fetch('/peer-challenges/999999/on-site.ics')).status, 404);
  });

  it('gives each peer a private feed that only they see and renew, a renewal closing the old address', async () => {
    const own = `/api/peers/${world.peers.partnerPeer}`;
    assert.equal((await as('peer_challenge_manager').json('POST', `${own}/feed`)).status, 403);
    const first = (await (await as('regional_partner').json('POST', `${own}/feed`)).json()) as { token: string; address: string };
    const feed = await as('public').fetch(first.address);
    assert.equal(feed.status, 200);
    const events = eventsOf(await feed.text());
    assert.deepEqual(
      events.map((e) => [e.startDate.toString(), e.summary]),
      [[WEEK.from, 'Corporate peer challenge: County Durham']],
    );
    const page = await (await as('regional_partner').fetch(`/peers/${world.peers.partnerPeer}`)).text();
    assert.ok(!page.includes(first.token), 'the address is shown once, as it is made, never read back');
    assert.match(page, /Make a new address/);
    const kept = await world.store.sql<{ tokenHash: Buffer }[]>`select token_hash as "tokenHash" from peer_feed where peer_id = ${world.peers.partnerPeer}`;
    assert.equal(kept.length, 1);
    assert.equal(kept[0]!.tokenHash.toString('hex'), createHash('sha256').update(first.token).digest('hex'), 'the store keeps only the hash');
    const columns = await world.store.sql`select column_name from information_schema.columns where table_name = 'peer_feed' and column_name = 'token'`;
    assert.equal(columns.length, 0, 'no column holds the token itself');
    const second = (await (await as('regional_partner').json('POST', `${own}/feed`)).json()) as { token: string; address: string };
    assert.notEqual(second.token, first.token);
    assert.equal((await as('public').fetch(first.address)).status, 404);
    assert.equal((await as('public').fetch(second.address)).status, 200);
    const guessed = `/peers/feed/${second.token.slice(0, -1)}${second.token.endsWith('A') ? 'B' : 'A'}.ics`;
    assert.equal((await as('public').fetch(guessed)).status, 404);
    assert.equal((await as('public').fetch('/peers/feed/short.ics')).status, 404);
  });

  it('gives peer days by council beside challenges received, as JSON and CSV', async () => {
    const response = await as('performance_officer').json('GET', '/api/peers/giving-and-taking');
    assert.equal(response.status, 200);
    const body = (await response.json()) as { councils: { councilCode: string; daysGiven: number; challengesReceived: number; daysReceived: number }[] };
    const byCode = new Map(body.councils.map((c) => [c.councilCode, c]));
    assert.deepEqual(
      [byCode.get(DURHAM)?.challengesReceived, byCode.get(DURHAM)?.daysReceived, byCode.get(SUNDERLAND)?.daysGiven],
      [1, 16, 8],
      'four peers for four days; Ada and Cora of Sunderland gave four each',
    );
    const csv = await as('performance_officer').fetch('/api/peers/giving-and-taking?format=csv');
    const lines = (await csv.text()).trim().split('\r\n');
    assert.equal(lines[0], 'council_code,council,peer_days_given,challenges_received,peer_days_received');
    assert.ok(lines.includes(`${DURHAM},County Durham,0,1,16`), lines.join('\n'));
    assert.equal((await as('public').json('GET', '/api/peers/giving-and-taking')).status, 401);
    const page = await as('performance_officer').fetch('/peers/giving-and-taking.csv');
    assert.match(page.headers.get('content-disposition') ?? '', /attachment; filename="?giving-and-taking-\d{4}-\d{2}-\d{2}\.csv"?/);
    assert.equal((await page.text()).split('\r\n')[0], lines[0], 'the page offers the same file');
  });

  it('answers every role on every pool route as the policy says', async () => {
    const own = `/api/peers/${world.peers.partnerPeer}`;
    const routes: [string, string, unknown][] = [
      ['GET', '/api/peers', undefined],
      ['POST', '/api/peers', {}],
      ['GET', own, undefined],
      ['POST', `${own}/conflicts`, {}],
      ['POST', `${own}/unavailable`, {}],
      ['POST', `${own}/feed`, undefined],
      ['GET', '/api/peers/giving-and-taking', undefined],
      ['GET', `/peer-challenges/${world.challengeId}/on-site.ics`, undefined],
    ];
    const outsider = [200, 403, 404, 404, 404, 404, 200, 404];
    const councilUser = [200, 403, 404, 404, 404, 404, 200, 200];
    const expected: Record<Who, number[]> = {
      public: [401, 401, 401, 401, 401, 401, 401, 404],
      author: [200, 403, 404, 404, 404, 404, 200, 200],
      performance_officer: councilUser,
      council_member: councilUser,
      principal_adviser: [200, 403, 404, 404, 404, 404, 200, 200],
      regional_partner: [200, 403, 200, 400, 400, 201, 200, 200],
      panel_member: outsider,
      government_officer: outsider,
      inspector: outsider,
      peer_challenge_manager: [200, 400, 200, 400, 400, 403, 200, 200],
      administrator: outsider,
    };
    for (const who of EVERYONE) {
      const got = [];
      for (const [method, address, body] of routes) got.push((await as(who).json(method, address, body)).status);
      assert.deepEqual(got, expected[who], who);
    }
  });
});
