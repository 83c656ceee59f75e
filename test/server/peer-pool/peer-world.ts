// The peer pool's world for HTTP tests: the access tests' world (a user of
// every role, County Durham and Hartlepool) with a third council in County
// Durham's county-less North East, a pool of peers in every role, and a
// corporate challenge of County Durham run by the world's peer challenge
// manager, booked for a week. The regional partner is also a peer, who
// signs in for their own page and feed.
import assert from 'node:assert/strict';
import { FIVE_CORE_ELEMENTS, type DateSpan } from '../../../src/domain/peer-challenge/index.ts';
import { moveChallenge, openChallenge } from '../../../src/store/peer-challenges.ts';
import { addPeer, type PeerDraft } from '../../../src/store/peer-pool.ts';
import type { Db } from '../../../src/store/store.ts';
import { importText } from '../../support/import.ts';
import { DURHAM, HARTLEPOOL, openWorld, type World } from '../access/world.ts';

export { DURHAM, HARTLEPOOL };
export const SUNDERLAND = 'E08000024';
export const WEEK: DateSpan = Object.freeze({ from: '2026-03-09', to: '2026-03-12' });

export interface PeerWorld extends World {
  readonly peers: Readonly<Record<'ceo' | 'durhamCeo' | 'member' | 'otherMember' | 'manager' | 'partnerPeer' | 'director', number>>;
  readonly challengeId: number;
}

const BASE: PeerDraft = { name: '', role: 'chief_executive', party: null, councilCode: SUNDERLAND, skills: [], sectorExperience: ['unitary'], unavailable: [] };

export async function addTestPeer(sql: Db, draft: Partial<PeerDraft>): Promise<number> {
  const added = await addPeer(sql, { ...BASE, ...draft }, null);
  assert.equal(added.kind, 'ok', JSON.stringify(added));
  return (added as { id: number }).id;
}

/** A corporate challenge of the council, scoped and booked for the week, run by the manager. */
export async function bookedChallenge(sql: Db, council: string, week: DateSpan, managedBy: number | null): Promise<number> {
  const opened = await openChallenge(sql, { councilCode: council, kind: 'corporate', enquiredOn: '2025-09-01', managedBy });
  assert.equal(opened.kind, 'ok', JSON.stringify(opened));
  const id = (opened as { id: number }).id;
  for (const move of [
    { kind: 'scope', focusAreas: FIVE_CORE_ELEMENTS },
    { kind: 'book', onSite: week },
  ] as const) {
    const moved = await moveChallenge(sql, id, move, managedBy);
    assert.equal(moved.kind, 'ok', JSON.stringify(moved));
  }
  return id;
}

export async function openPeerWorld(): Promise<PeerWorld> {
  const world = await openWorld();
  const sql = world.store.sql;
  const areas = await importText(sql, 'more-areas.csv', `code,name,type,region_code\n${SUNDERLAND},Sunderland,metropolitan_district,E12000001\n`);
  assert.equal(areas.status, 'loaded', JSON.stringify(areas.rejections));
  const peers = {
    ceo: await addTestPeer(sql, { name: 'Ada Invented', skills: ['governance_and_culture', 'financial_planning_and_management'] }),
    durhamCeo: await addTestPeer(sql, { name: 'Bram Madeup', councilCode: DURHAM }),
    member: await addTestPeer(sql, { name: 'Cllr Cora Sample', role: 'councillor', party: 'Independent', skills: ['local_priorities_and_outcomes'] }),
    otherMember: await addTestPeer(sql, { name: 'Cllr Dev Example', role: 'councillor', party: 'Green' }),
    manager: await addTestPeer(sql, { name: 'Esme Fictional', role: 'manager', councilCode: null }),
    partnerPeer: await addTestPeer(sql, { name: 'Finn Partner', role: 'specialist', councilCode: null, userId: world.users.regional_partner.id }),
    director: await addTestPeer(sql, { name: 'Gail Notreal', role: 'director', councilCode: HARTLEPOOL }),
  };
  const challengeId = await bookedChallenge(sql, DURHAM, WEEK, world.users.peer_challenge_manager.id);
  return { ...world, peers, challengeId };
}
