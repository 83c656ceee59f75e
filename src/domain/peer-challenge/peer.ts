// The peer pool: member and officer peers who "join peer support and review
// exercises and respond positively if they're asked to lend their expertise
// to others" (001, "Giving and taking"). A peer has a role, skills, the kinds
// of council they know, days they cannot give, and councils they have
// declared a conflict with.
import type { AreaType } from '../area/index.ts';

export const PEER_ROLES = ['chief_executive', 'director', 'councillor', 'specialist', 'manager'] as const;
export type PeerRole = (typeof PEER_ROLES)[number];

export const PEER_ROLE_LABELS: Readonly<Record<PeerRole, string>> = {
  chief_executive: 'Chief executive',
  director: 'Director',
  councillor: 'Councillor (member peer)',
  specialist: 'Specialist',
  manager: 'Peer challenge manager',
};

/** Days from and to, both inclusive, as ISO days. */
export interface DateSpan {
  readonly from: string;
  readonly to: string;
}

export interface DeclaredConflict {
  readonly councilCode: string;
  readonly reason: string;
}

export interface Peer {
  readonly id: string;
  readonly name: string;
  readonly role: PeerRole;
  /** A member peer's party; null for officers. */
  readonly party: string | null;
  /** The council the peer serves or served, whose conflicts they carry; null for one with none (an independent specialist). */
  readonly councilCode: string | null;
  readonly skills: readonly string[];
  /** Kinds of council the peer has worked in. */
  readonly sectorExperience: readonly AreaType[];
  readonly unavailable: readonly DateSpan[];
  readonly declaredConflicts: readonly DeclaredConflict[];
  /** Peer days given so far, for "Giving and taking". */
  readonly peerDaysGiven: number;
}

/** A member peer is a councillor; every other peer is an officer. */
export function isMemberPeer(peer: Pick<Peer, 'role'>): boolean {
  return peer.role === 'councillor';
}

/** Whether two spans share a day. */
export function overlaps(a: DateSpan, b: DateSpan): boolean {
  return a.from <= b.to && b.from <= a.to;
}
