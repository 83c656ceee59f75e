// Joining a team is a share the council sees: booking a peer who signs in
// writes a share of the challenge with them in the share log, in the
// booking's own transaction, and releasing them revokes it, saying why. The
// council reads both in its share log and on its page; the peer, while on the
// team, reads the challenge; people of other councils and bodies outside
// the rule see nothing, guessed ids included. A refused booking writes no
// share, and a peer with no sign-in is shared nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DURHAM, type Who } from '../access/world.ts';
import { openPeerWorld, type PeerWorld } from './peer-world.ts';

interface ShareJson {
  id: number;
  record: { kind: string; id: string };
  about: { code: string } | null;
  with: { kind: string; id: number; name: string };
  reason: string;
  sharedBy: { name: string };
  revoked: null | { reason: string };
}

const OUTSIDERS: readonly (Who | 'hartlepoolOfficer')[] = ['hartlepoolOfficer', 'government_officer', 'inspector', 'panel_member'];

describe('a booking on the team, in the share log', () => {
  let world: PeerWorld;
  before(async () => {
    world = await openPeerWorld();
  });
  after(() => world.close());

  const as = (who: Who | 'hartlepoolOfficer') => world.browsers[who];
  const manager = () => as('peer_challenge_manager');
  const book = (peerId: number) => manager().json('POST', `/api/peer-challenges/${world.challengeId}/team`, { peerId, lead: false });
  const release = (peerId: number, reason: string) => manager().json('POST', `/api/peer-challenges/${world.challengeId}/team/release`, { peerId, reason });
  const sharesSeen = async (who: Who | 'hartlepoolOfficer') => {
    const response = await as(who).fetch(`/api/shares?about=${DURHAM}&recordKind=peer_challenge`);
    return { status: response.status, body: (await response.json()) as { items: ShareJson[]; total: number } };
  };
  const kept = async () => [
    ...(await world.store.sql<{ id: number; revokedAt: Date | null }[]>`
      select id, revoked_at as "revokedAt" from share where record_kind = 'peer_challenge' and record_id = ${String(world.challengeId)} order by id`),
  ];

  it('writes no share for a peer with no sign-in, and none for a booking refused', async () => {
    assert.equal((await book(world.peers.ceo)).status, 201);
    assert.deepEqual(await kept(), [], 'the peer reads nothing in Lantern, so nothing is shared');
    const refused = await book(world.peers.ceo);
    assert.equal(refused.status, 409);
    assert.deepEqual(await kept(), []);
  });

  it('shares the challenge with a peer who signs in, as the council reads it in its share log', async () => {
    assert.equal((await as('regional_partner').fetch(`/api/peer-challenges/${world.challengeId}/team`)).status, 404, 'not yet on the team');
    assert.equal((await book(world.peers.partnerPeer)).status, 201);
    const rows = await kept();
    assert.equal(rows.length, 1);
    for (const who of ['council_member', 'performance_officer', 'peer_challenge_manager', 'regional_partner'] as const) {
      const { status, body } = await sharesSeen(who);
      assert.equal(status, 200, who);
      assert.equal(body.total, 1, who);
      const [share] = body.items;
      assert.deepEqual(
        [share!.record.kind, share!.record.id, share!.about?.code, share!.with.kind, share!.with.id],
        ['peer_challenge', String(world.challengeId), DURHAM, 'user', world.users.regional_partner.id],
      );
      assert.match(share!.reason, /^Joined the team of the corporate peer challenge for the week on site, 2026-03-09 to 2026-03-12/);
      assert.equal(share!.revoked, null);
    }
    const page = await (await as('council_member').fetch('/shares')).text();
    assert.match(page, /Joined the team of the corporate peer challenge/);
    const [audited] = await world.store.sql`select summary from audit_event where action = 'share' and record_kind = 'peer_challenge' and record_id = ${String(world.challengeId)}`;
    assert.match(String(audited?.summary), new RegExp(`share ${rows[0]!.id}\\)`));
    assert.equal((await as('regional_partner').fetch(`/api/peer-challenges/${world.challengeId}/team`)).status, 200, 'the peer reads the challenge while on the team');
  });

  it('is seen by no one outside: not in their log, and a guessed id answers as a missing one', async () => {
    const [{ id }] = (await kept()) as [{ id: number }, ...unknown[]];
    assert.equal((await sharesSeen('public')).status, 401);
    for (const who of OUTSIDERS) {
      const { status, body } = await sharesSeen(who);
      assert.equal(status, 200, who);
      assert.deepEqual([body.total, body.items], [0, []], who);
      const guessed = await as(who).fetch(`/api/shares/${id}`);
      const missing = await as(who).fetch(`/api/shares/${id + 1000}`);
      assert.deepEqual([guessed.status, missing.status], [404, 404], who);
    }
    assert.equal((await as('council_member').fetch(`/api/shares/${id}`)).status, 200);
  });

  it('revokes the share when the peer is released, saying why; the council still reads both', async () => {
    assert.equal((await release(world.peers.partnerPeer, 'Called away to their own council’s budget')).status, 200);
    const { body } = await sharesSeen('council_member');
    assert.equal(body.total, 1);
    assert.equal(body.items[0]!.revoked?.reason, 'Released from the team: Called away to their own council’s budget');
    assert.equal((await as('regional_partner').fetch(`/api/peer-challenges/${world.challengeId}/team`)).status, 404, 'a released peer reads the challenge no more');
    const [audited] = await world.store.sql`select summary from audit_event where action = 'unshare' and record_kind = 'peer_challenge' and record_id = ${String(world.challengeId)}`;
    assert.match(String(audited?.summary), /Released from the team/);
  });

  it('shares afresh when the peer is booked again, leaving the revoked share as it was', async () => {
    assert.equal((await book(world.peers.partnerPeer)).status, 201);
    const rows = await kept();
    assert.deepEqual(
      rows.map((r) => r.revokedAt === null),
      [false, true],
    );
    assert.equal((await sharesSeen('council_member')).body.total, 2);
  });
});
