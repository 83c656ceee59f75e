// A conflicted peer is refused in the booking's own transaction, under the
// peer's lock, not only by a check before it: a conflict declared while a
// booking is under way either waits for the booking or is seen by it, so
// two managers (one declaring, one booking) can never both win.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { FIVE_CORE_ELEMENTS } from '../../src/domain/peer-challenge/index.ts';
import { bookPeer, teamOf, type Booked } from '../../src/store/peer-bookings.ts';
import { moveChallenge, openChallenge } from '../../src/store/peer-challenges.ts';
import { addPeer, declareConflict } from '../../src/store/peer-pool.ts';
import type { Db } from '../../src/store/store.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const KENT = 'E10000016';
const LEEDS = 'E08000035';
const WEEK = { from: '2026-04-20', to: '2026-04-23' };

async function peer(sql: Db, name: string): Promise<number> {
  const added = await addPeer(sql, { name, role: 'specialist', party: null, councilCode: LEEDS, skills: [], sectorExperience: [], unavailable: [] }, null);
  assert.equal(added.kind, 'ok');
  return (added as { id: number }).id;
}

async function kentChallenge(sql: Db): Promise<number> {
  const opened = await openChallenge(sql, { councilCode: KENT, kind: 'corporate', enquiredOn: '2025-10-01', managedBy: null });
  const id = (opened as { id: number }).id;
  for (const move of [
    { kind: 'scope', focusAreas: FIVE_CORE_ELEMENTS },
    { kind: 'book', onSite: WEEK },
  ] as const)
    assert.equal((await moveChallenge(sql, id, move, null)).kind, 'ok');
  return id;
}

/** Whether the promise has settled within `ms`. */
async function settledWithin(promise: Promise<unknown>, ms: number): Promise<boolean> {
  return Promise.race([promise.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms))]);
}

describe('a conflict declared while a booking is under way', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());

  it('makes the booking wait for the declaration, then refuses it naming the conflict', async () => {
    const peerId = await peer(store.sql, 'Lena Invented');
    const challengeId = await kentChallenge(store.sql);
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let declaredInside!: () => void;
    const declaredYet = new Promise<void>((resolve) => (declaredInside = resolve));
    const declaring = store.sql.begin(async (tx) => {
      assert.equal((await declareConflict(tx, peerId, KENT, 'Her brother is its leader', null)).kind, 'ok');
      declaredInside();
      await held;
    });
    await declaredYet;
    const booking = bookPeer(store.sql, challengeId, peerId, false, null);
    assert.equal(await settledWithin(booking, 300), false, 'the booking waits for the declaring transaction');
    commit();
    await declaring;
    const booked: Booked = await booking;
    assert.equal(booked.kind, 'refused');
    assert.deepEqual((booked as Extract<Booked, { kind: 'refused' }>).clash, {
      kind: 'conflict',
      conflict: 'declared',
      sentence: 'Lena Invented declared a conflict with Kent: Her brother is its leader',
    });
    assert.equal((await teamOf(store.sql, challengeId)).length, 0);
  });

  it('makes the declaration wait for a booking under way, which it then follows', async () => {
    const peerId = await peer(store.sql, 'Moss Madeup');
    const challengeId = await kentChallenge(store.sql);
    let commit!: () => void;
    const held = new Promise<void>((resolve) => (commit = resolve));
    let bookedInside!: () => void;
    const bookedYet = new Promise<void>((resolve) => (bookedInside = resolve));
    const booking = store.sql.begin(async (tx) => {
      assert.equal((await bookPeer(tx, challengeId, peerId, false, null)).kind, 'booked');
      bookedInside();
      await held;
    });
    await bookedYet;
    const declaring = declareConflict(store.sql, peerId, KENT, 'Took a post there', null);
    assert.equal(await settledWithin(declaring, 300), false, 'the declaration waits for the booking');
    commit();
    await booking;
    assert.equal((await declaring).kind, 'ok');
    assert.deepEqual(
      (await teamOf(store.sql, challengeId)).map((m) => m.name),
      ['Moss Madeup'],
    );
  });
});
