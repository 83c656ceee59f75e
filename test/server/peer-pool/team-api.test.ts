// A challenge's team over HTTP on the real app and store: the manager sees
// the free peers ranked with their reasons and books a team that meets the
// composition rule; a conflicted, double-booked or away peer is refused
// with 409 naming the clash; ten bookings of one peer at once, one wins; the
// council's users read who is on its team, and so does a peer on it; every
// role is probed on every route, with ids guessed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { declareConflict } from '../../../src/store/peer-pool.ts';
import { apiToken, bearer } from '../../support/access.ts';
import { EVERYONE, type Who } from '../access/world.ts';
import { addTestPeer, bookedChallenge, HARTLEPOOL, openPeerWorld, WEEK, type PeerWorld } from './peer-world.ts';

interface Team {
  team: { peerId: number; name: string; lead: boolean }[];
  meetsComposition: boolean;
  problems: { field: string; message: string }[];
  suggestion: null | { byRole: Record<string, { peerId: number; name: string; reasons: string[] }[]>; proposed: { peerId: number; role: string }[]; excluded: number };
}

describe("a challenge's team over the API", () => {
  let world: PeerWorld;
  before(async () => {
    world = await openPeerWorld();
  });
  after(() => world.close());

  const as = (who: Who | 'hartlepoolOfficer') => world.browsers[who];
  const team = (who: Who | 'hartlepoolOfficer', id = world.challengeId) => as(who).json('GET', `/api/peer-challenges/${id}/team`);
  const book = (peerId: number, lead = false, id = world.challengeId) => as('peer_challenge_manager').json('POST', `/api/peer-challenges/${id}/team`, { peerId, lead });

  it('ranks the free peers with their reasons, leaving out the conflicted', async () => {
    const response = await team('peer_challenge_manager');
    assert.equal(response.status, 200);
    const read = (await response.json()) as Team;
    assert.deepEqual(read.team, []);
    assert.equal(read.meetsComposition, false);
    const ceos = read.suggestion!.byRole.chief_executive!;
    assert.deepEqual(
      ceos.map((c) => c.peerId),
      [world.peers.ceo],
    );
    assert.match(ceos[0]!.reasons[0]!, /covers 2 of 5 focus areas/);
    assert.equal(read.suggestion!.excluded, 1, 'the Durham chief executive is left out');
    assert.deepEqual(read.suggestion!.proposed.map((m) => m.role).sort(), ['chief_executive', 'councillor', 'manager']);
  });

  it('books a team that meets the composition rule', async () => {
    assert.equal((await book(world.peers.ceo, true)).status, 201);
    let read = (await (await team('peer_challenge_manager')).json()) as Team;
    assert.equal(read.meetsComposition, false);
    assert.match(read.problems.map((p) => p.message).join(' '), /a member peer, a peer challenge manager: missing/);
    assert.equal((await book(world.peers.member)).status, 201);
    assert.equal((await book(world.peers.manager)).status, 201);
    read = (await (await team('peer_challenge_manager')).json()) as Team;
    assert.equal(read.meetsComposition, true);
    assert.deepEqual(read.problems, []);
    assert.deepEqual(
      read.team.map((m) => [m.name, m.lead]),
      [
        ['Ada Invented', true],
        ['Cllr Cora Sample', false],
        ['Esme Fictional', false],
      ],
    );
  });

  it('refuses a second lead and a peer already on the team with 409', async () => {
    const second = await addTestPeer(world.store.sql, { name: 'Hal Unreal' });
    assert.equal((await book(second, true)).status, 409);
    assert.equal((await book(world.peers.member)).status, 409);
  });

  it('refuses a conflicted peer with 409 naming the kind of conflict and the council', async () => {
    const response = await book(world.peers.durhamCeo);
    const body = (await response.json()) as { message: string; details: { clash: { kind: string; conflict: string } } };
    assert.equal(response.status, 409);
    assert.match(body.message, /^'peer': [^']*own council.*County Durham/);
    assert.deepEqual([body.details.clash.kind, body.details.clash.conflict], ['conflict', 'own_council']);
  });

  it('refuses a declared conflict and a double booking, naming the other challenge and its dates', async () => {
    const hartlepool = await bookedChallenge(world.store.sql, HARTLEPOOL, { from: '2026-03-11', to: '2026-03-13' }, world.users.peer_challenge_manager.id);
    const declared = await declareConflict(world.store.sql, world.peers.otherMember, HARTLEPOOL, 'Their partner works there', null);
    assert.equal(declared.kind, 'ok');
    const conflicted = await book(world.peers.otherMember, false, hartlepool);
    assert.equal(conflicted.status, 409);
    assert.match(((await conflicted.json()) as { message: string }).message, /declared a conflict with Hartlepool: Their partner works there/);
    const double = await book(world.peers.ceo, false, hartlepool);
    const body = (await double.json()) as { message: string; details: { clash: { kind: string; challengeId: number } } };
    assert.equal(double.status, 409);
    assert.match(body.message, new RegExp(`booked from ${WEEK.from} to ${WEEK.to} for County Durham's corporate peer challenge \\(challenge ${world.challengeId}\\)`));
    assert.deepEqual([body.details.clash.kind, body.details.clash.challengeId], ['double_booked', world.challengeId]);
  });

  it('lets one of ten bookings of one peer at once win, the rest told of the clash', async () => {
    const free = await addTestPeer(world.store.sql, { name: 'Ivo Contested', role: 'specialist', councilCode: null });
    const weeks = Array.from({ length: 10 }, (_, i) => ({ from: `2026-06-${String(8 + (i % 3)).padStart(2, '0')}`, to: '2026-06-11' }));
    const ids = [];
    for (const week of weeks) ids.push(await bookedChallenge(world.store.sql, HARTLEPOOL, week, world.users.peer_challenge_manager.id));
    const statuses = await Promise.all(ids.map((id) => book(free, false, id).then((r) => r.status)));
    assert.deepEqual(
      statuses.filter((s) => s === 201),
      [201],
    );
    assert.deepEqual(
      statuses.filter((s) => s !== 201),
      Array(9).fill(409),
    );
  });

  it('releases a peer only with a reason, freeing them', async () => {
    const noReason = await as('peer_challenge_manager').json('POST', `/api/peer-challenges/${world.challengeId}/team/release`, { peerId: world.peers.manager });
    assert.equal(noReason.status, 400);
    assert.match(((await noReason.json()) as { message: string }).message, /^'reason'/);
    const released = await as('peer_challenge_manager').json('POST', `/api/peer-challenges/${world.challengeId}/team/release`, { peerId: world.peers.manager, reason: 'Ill' });
    assert.equal(released.status, 200);
    const read = (await (await team('peer_challenge_manager')).json()) as Team;
    assert.equal(read.meetsComposition, false);
    assert.equal((await book(world.peers.manager)).status, 201);
  });

  it("shows the council's users and a peer on the team who is on it, without the suggestions", async () => {
    assert.equal((await book(world.peers.partnerPeer)).status, 201);
    for (const who of ['performance_officer', 'council_member', 'regional_partner', 'principal_adviser'] as const) {
      const response = await team(who);
      assert.equal(response.status, 200, who);
      const read = (await response.json()) as Team;
      assert.ok(
        read.team.some((m) => m.name === 'Ada Invented'),
        who,
      );
      assert.equal(read.suggestion, null, who);
    }
  });

  it('answers every role on every route as the policy says, and the same 404 for a guessed id', async () => {
    const expected: Record<Who, [read: number, book: number, release: number]> = {
      public: [404, 401, 401],
      author: [200, 403, 403],
      performance_officer: [200, 403, 403],
      council_member: [200, 403, 403],
      principal_adviser: [200, 403, 403],
      regional_partner: [200, 403, 403],
      panel_member: [404, 403, 403],
      government_officer: [404, 403, 403],
      inspector: [404, 403, 403],
      peer_challenge_manager: [200, 400, 400],
      administrator: [404, 403, 403],
    };
    for (const who of EVERYONE) {
      const got = [
        (await team(who)).status,
        (await as(who).json('POST', `/api/peer-challenges/${world.challengeId}/team`, { peerId: 2_000_000 })).status,
        (await as(who).json('POST', `/api/peer-challenges/${world.challengeId}/team/release`, { peerId: 2_000_000, reason: 'probe' })).status,
      ];
      assert.deepEqual(got, expected[who], who);
    }
    assert.equal((await team('hartlepoolOfficer')).status, 404);
    const guessed = await team('peer_challenge_manager', 999_999);
    const hidden = await team('hartlepoolOfficer');
    assert.equal(guessed.status, 404);
    assert.equal(((await guessed.json()) as { message: string }).message, 'there is no peer challenge 999999 that you may see');
    assert.equal(((await hidden.json()) as { message: string }).message, `there is no peer challenge ${world.challengeId} that you may see`);
  });

  it("refuses a manager's read-only token a booking, naming the scope", async () => {
    const token = await apiToken(world.store.sql, world.users.peer_challenge_manager.id, ['read']);
    const headers = { ...bearer(token), 'Content-Type': 'application/json' };
    const read = await fetch(`${world.base}/api/peer-challenges/${world.challengeId}/team`, { headers });
    assert.equal(read.status, 200);
    const booked = await fetch(`${world.base}/api/peer-challenges/${world.challengeId}/team`, { method: 'POST', headers, body: JSON.stringify({ peerId: world.peers.otherMember }) });
    assert.equal(booked.status, 403);
    assert.equal(((await booked.json()) as { details: { missing: string } }).details.missing, 'token_scope');
  });
});
