// Why a peer may not challenge a council (issue 21, build item 3): their own
// council; a council of the same county (a county and its districts, or two
// districts of one county); a council that shares a boundary with theirs; a
// council that shares their council's chief executive; and any the peer has
// declared. Each conflict is named with a sentence, so a refusal says which.
import type { AreaType } from '../area/index.ts';
import type { Peer } from './peer.ts';

export const CONFLICT_KINDS = ['own_council', 'same_county', 'shared_boundary', 'shared_chief_executive', 'declared'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

/** A council as the peer pool needs to know it. */
export interface CouncilPlace {
  readonly code: string;
  readonly name: string;
  readonly type: AreaType;
  /** A district's county, or null. A county's own code is its county. */
  readonly county: string | null;
  /** Councils that share a boundary with this one. */
  readonly borders: ReadonlySet<string>;
  /** Who is chief executive, where councils share one; null otherwise. */
  readonly sharedChiefExecutive: string | null;
}

export type Places = ReadonlyMap<string, CouncilPlace>;

export interface Conflict {
  readonly kind: ConflictKind;
  readonly sentence: string;
}

function countyOf(place: CouncilPlace): string | null {
  return place.type === 'county' ? place.code : place.county;
}

/** Every conflict of a peer with a council, each named; none when the peer may challenge it. */
export function conflictsOf(peer: Peer, council: CouncilPlace, places: Places): Conflict[] {
  const conflicts: Conflict[] = [];
  const home = peer.councilCode === null ? undefined : places.get(peer.councilCode);
  if (peer.councilCode === council.code) conflicts.push({ kind: 'own_council', sentence: `${peer.name} serves ${council.name}` });
  else if (home) {
    const county = countyOf(council);
    if (county !== null && county === countyOf(home)) conflicts.push({ kind: 'same_county', sentence: `${peer.name}'s council, ${home.name}, is in the same county as ${council.name}` });
    if (council.borders.has(home.code) || home.borders.has(council.code))
      conflicts.push({ kind: 'shared_boundary', sentence: `${peer.name}'s council, ${home.name}, shares a boundary with ${council.name}` });
    if (home.sharedChiefExecutive !== null && home.sharedChiefExecutive === council.sharedChiefExecutive) {
      conflicts.push({ kind: 'shared_chief_executive', sentence: `${peer.name}'s council, ${home.name}, shares its chief executive with ${council.name}` });
    }
  }
  for (const declared of peer.declaredConflicts) {
    if (declared.councilCode === council.code) conflicts.push({ kind: 'declared', sentence: `${peer.name} declared a conflict with ${council.name}: ${declared.reason}` });
  }
  return conflicts;
}
