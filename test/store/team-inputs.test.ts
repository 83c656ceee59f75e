// The team suggestion's reads (teamInputs) on a real store: the same peers,
// bookings and places as peerPool, bookingsAround and placesOf read, before
// and after each kind of change (a booking, a release, a declared conflict, a
// new peer with days away, another server's booking, a new day); the pool
// kept while nothing changes, and only the peers touched read again; and the
// pool's generation moved once by a transaction that changes many rows, at
// its commit, after which the whole pool is read again.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FIVE_CORE_ELEMENTS, suggestTeam, type Booking, type DateSpan } from '../../src/domain/peer-challenge/index.ts';
import { bookPeer, releasePeer } from '../../src/store/peer-bookings.ts';
import { moveChallenge, openChallenge } from '../../src/store/peer-challenges.ts';
import { addBorder, addPeer, bookingsAround, declareConflict, peerPool, placesOf, type PeerDraft } from '../../src/store/peer-pool.ts';
import type { Db, Sql } from '../../src/store/store.ts';
import { teamInputs } from '../../src/store/team-inputs.ts';
import { openSiblingStore } from '../support/jobs.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const KENT = 'E10000016';
const MAIDSTONE = 'E07000110';
const LEEDS = 'E08000035';
const DURHAM = 'E06000047';
const WEEK: DateSpan = Object.freeze({ from: '2026-01-26', to: '2026-01-29' });
const LATER: DateSpan = Object.freeze({ from: '2026-06-01', to: '2026-06-04' });

const DRAFT: PeerDraft = Object.freeze<PeerDraft>({ name: 'Peer', role: 'chief_executive', party: null, councilCode: LEEDS, skills: ['finance'], sectorExperience: ['county'], unavailable: [] });

async function peer(sql: Db, draft: Partial<PeerDraft>): Promise<number> {
  const added = await addPeer(sql, { ...DRAFT, ...draft }, null);
  assert.equal(added.kind, 'ok', JSON.stringify(added));
  return (added as { id: number }).id;
}

async function bookedChallenge(sql: Db, council: string, week: DateSpan): Promise<number> {
  const opened = await openChallenge(sql, { councilCode: council, kind: 'corporate', enquiredOn: '2025-08-01', managedBy: null });
  const id = (opened as { id: number }).id;
  for (const move of [
    { kind: 'scope', focusAreas: FIVE_CORE_ELEMENTS },
    { kind: 'book', onSite: week },
  ] as const)
    assert.equal((await moveChallenge(sql, id, move, null)).kind, 'ok');
  return id;
}

const byKey = (bookings: readonly Booking[]) => [...bookings].sort((a, b) => `${a.peerId} ${a.challengeId}`.localeCompare(`${b.peerId} ${b.challengeId}`));

/** teamInputs reads what the three reads of peer-pool.ts read. */
async function assertSameAsFresh(sql: Sql, week: DateSpan, today: string): Promise<void> {
  const inputs = await teamInputs(sql, week, today);
  assert.deepEqual([...inputs.peers], [...(await peerPool(sql, today))]);
  assert.deepEqual(byKey(inputs.bookings), byKey(await bookingsAround(sql, week)));
  assert.deepEqual(inputs.places, await placesOf(sql));
}

const generation = async (sql: Sql) => (await sql<{ g: string }[]>`select generation::text as g from peer_pool_generation`)[0]!.g;

describe("the team suggestion's reads", () => {
  let store: TestStore;
  let ids: { ann: number; bob: number; cat: number; challenge: number; other: number };

  before(async () => {
    store = await openTestStore();
    const sql = store.sql;
    await addBorder(sql, KENT, 'E06000035', 'test');
    ids = {
      ann: await peer(sql, { name: 'Ann', unavailable: [{ from: '2026-06-02', to: '2026-06-03' }] }),
      bob: await peer(sql, { name: 'Bob', role: 'councillor', party: 'Labour', councilCode: MAIDSTONE }),
      cat: await peer(sql, { name: 'Cat', role: 'manager', councilCode: null }),
      challenge: await bookedChallenge(sql, DURHAM, LATER),
      other: await bookedChallenge(sql, KENT, WEEK),
    };
  });
  after(() => store.close());

  it('reads what peerPool, bookingsAround and placesOf read, and keeps the pool while nothing changes', async () => {
    await assertSameAsFresh(store.sql, LATER, '2026-02-01');
    const first = await teamInputs(store.sql, LATER, '2026-02-01');
    const again = await teamInputs(store.sql, LATER, '2026-02-01');
    assert.equal(again.peers, first.peers, 'the same pool, kept');
    const nextDay = await teamInputs(store.sql, LATER, '2026-02-02');
    assert.notEqual(nextDay.peers, first.peers, 'read again for a new day');
    assert.ok(nextDay.places.get(KENT)!.borders.size > 0, "Kent's borders");
  });

  it('reads the pool again after a booking, a release, a conflict declared and a new peer', async () => {
    const before = await teamInputs(store.sql, WEEK, '2026-02-01');
    assert.equal(before.peers.find((p) => p.id === String(ids.cat))!.peerDaysGiven, 0);
    assert.equal((await bookPeer(store.sql, ids.other, ids.cat, false, null)).kind, 'booked');
    const booked = await teamInputs(store.sql, WEEK, '2026-02-01');
    assert.equal(booked.peers.find((p) => p.id === String(ids.cat))!.peerDaysGiven, 4, "Kent's four days given");
    assert.equal(
      booked.peers.find((p) => p.id === String(ids.ann)),
      before.peers.find((p) => p.id === String(ids.ann)),
      'a peer not touched is kept, not read again',
    );
    assert.deepEqual(
      booked.bookings.map((b) => b.peerId),
      [String(ids.cat)],
    );
    await assertSameAsFresh(store.sql, WEEK, '2026-02-01');

    assert.equal((await releasePeer(store.sql, ids.other, ids.cat, 'taken ill', null)).kind, 'booked');
    const released = await teamInputs(store.sql, WEEK, '2026-02-01');
    assert.deepEqual([released.peers.find((p) => p.id === String(ids.cat))!.peerDaysGiven, released.bookings.length], [0, 0]);

    assert.equal((await declareConflict(store.sql, ids.ann, DURHAM, 'former employer', null)).kind, 'ok');
    const declared = await teamInputs(store.sql, LATER, '2026-02-01');
    assert.deepEqual(declared.peers.find((p) => p.id === String(ids.ann))!.declaredConflicts, [{ councilCode: DURHAM, reason: 'former employer' }]);

    const dee = await peer(store.sql, { name: 'Dee', role: 'director', unavailable: [{ from: '2026-06-01', to: '2026-06-01' }] });
    const added = await teamInputs(store.sql, LATER, '2026-02-01');
    assert.deepEqual(added.peers.find((p) => p.id === String(dee))!.unavailable, [{ from: '2026-06-01', to: '2026-06-01' }]);
    await assertSameAsFresh(store.sql, LATER, '2026-02-01');

    // The suggestion from these reads leaves out the conflicted, the unavailable and the same county's member peer.
    const suggestion = suggestTeam({ id: String(ids.challenge), councilCode: DURHAM, kind: 'corporate', onSite: LATER, focusAreas: ['finance'], team: [] }, added.peers, added.bookings, added.places);
    const left = new Set(suggestion.excluded.map((e) => e.peer.name));
    assert.ok(left.has('Ann') && left.has('Dee'), [...left].join(', '));
  });

  it("sees another server's booking at once", async () => {
    const other = await openSiblingStore(store);
    try {
      const eve = await peer(store.sql, { name: 'Eve', role: 'specialist', councilCode: null });
      await teamInputs(store.sql, WEEK, '2026-03-01');
      assert.equal((await bookPeer(other.sql, ids.other, eve, false, null)).kind, 'booked');
      const seen = await teamInputs(store.sql, WEEK, '2026-03-01');
      assert.equal(seen.peers.find((p) => p.id === String(eve))!.peerDaysGiven, 4);
      assert.deepEqual(
        seen.bookings.map((b) => b.peerId),
        [String(eve)],
      );
    } finally {
      await other.close();
    }
  });

  it('moves the generation once for a transaction of many changes, when it commits', async () => {
    const was = BigInt(await generation(store.sql));
    await store.sql.begin(async (tx) => {
      await tx`insert into peer (name, role) select 'Bulk ' || n, 'specialist' from generate_series(1, 250) n`;
      await tx`update peer set skills = '{housing}' where name like 'Bulk %'`;
      assert.equal(BigInt(await generation(store.sql)), was, 'not before the commit');
    });
    assert.equal(BigInt(await generation(store.sql)), was + 1n);
    const [touched] = await store.sql<{ n: number }[]>`select count(*)::int as n from peer_pool_touched where generation = ${String(was + 1n)}::bigint`;
    assert.equal(touched!.n, 250);
    const read = await teamInputs(store.sql, WEEK, '2026-03-01');
    assert.equal(read.peers.filter((p) => p.name.startsWith('Bulk ') && p.skills.includes('housing')).length, 250);
    await assertSameAsFresh(store.sql, WEEK, '2026-03-01');
  });

  it('keeps the touched peers of the last 10,000 generations, and reads whole a pool older than that', async () => {
    const kept = await teamInputs(store.sql, WEEK, '2026-03-01');
    const now = BigInt(await generation(store.sql));
    await store.sql`update peer_pool_generation set generation = ${String(now + 10_000n)}::bigint`;
    await peer(store.sql, { name: 'Fay', role: 'director' });
    assert.equal((await store.sql`select 1 from peer_pool_touched where generation <= ${String(now)}::bigint`).length, 0, 'older generations let go');
    const read = await teamInputs(store.sql, WEEK, '2026-03-01');
    assert.notEqual(
      read.peers.find((p) => p.name === 'Ann'),
      kept.peers.find((p) => p.name === 'Ann'),
      'Ann read again, though not touched',
    );
    await assertSameAsFresh(store.sql, WEEK, '2026-03-01');
  });
});
