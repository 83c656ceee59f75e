// Suggesting a peer team (issue 21, build item 5). A peer is left out when
// they have a conflict with the council or cannot be there: booked on another
// challenge whose days overlap the week, or unavailable. The rest are ranked,
// per role, by these in turn, each shown as a reason rather than summed into a
// score: how many of the challenge's focus areas their skills cover; whether
// they have worked in the council's kind of authority; for member peers,
// whether their party is not yet on the team (political balance); and fewer
// peer days given first, so that giving is shared ("Giving and taking", 001).
// The proposed team fills the composition rule's places with the best of each.
//
// It is called while a manager waits, over thousands of peers and a
// programme's bookings, so bookings are first cut to those overlapping the
// week, and reasons are written only for the peers shown.
import { conflictsOf, type Conflict, type CouncilPlace, type Places } from './conflicts.ts';
import type { ChallengeKind } from './focus.ts';
import { isMemberPeer, overlaps, PEER_ROLES, type DateSpan, type Peer, type PeerRole } from './peer.ts';
import { problem, type Problem } from './problem.ts';
import { checkComposition, COMPOSITION_RULE, type CompositionRule, type TeamMember } from './team-composition.ts';

export interface Booking {
  readonly peerId: string;
  readonly challengeId: string;
  readonly onSite: DateSpan;
}

/** What the team is for: the council, the kind, the week, its focus and who is already on it. */
export interface TeamChallenge {
  readonly id: string;
  readonly councilCode: string;
  readonly kind: ChallengeKind;
  readonly onSite: DateSpan;
  readonly focusAreas: readonly string[];
  readonly team: readonly TeamMember[];
}

export type Clash = { readonly kind: 'booked'; readonly challengeId: string; readonly onSite: DateSpan } | { readonly kind: 'unavailable'; readonly span: DateSpan };

export interface Candidate {
  readonly peer: Peer;
  readonly skillsMatched: readonly string[];
  readonly knowsAuthorityType: boolean;
  /** For member peers: their party is not yet on the team. Null for officers. */
  readonly balancesParty: boolean | null;
  readonly reasons: readonly string[];
}

export interface Exclusion {
  readonly peer: Peer;
  readonly conflicts: readonly Conflict[];
  readonly clashes: readonly Clash[];
}

export interface TeamSuggestion {
  /** Per role, the best first, at most `limit` each. */
  readonly byRole: Readonly<Record<PeerRole, readonly Candidate[]>>;
  /** How many peers were free of conflicts and clashes, per role, before the limit. */
  readonly available: Readonly<Record<PeerRole, number>>;
  readonly excluded: readonly Exclusion[];
  /** The composition rule's places filled with the best free peer for each. */
  readonly proposed: readonly TeamMember[];
  /** The places no free peer can fill. */
  readonly unfilled: readonly Problem[];
}

interface Ranked {
  readonly peer: Peer;
  readonly matched: number;
  readonly knows: boolean;
  readonly balances: boolean | null;
}

/** Ranked, conflict-free, available peers per role, with reasons, and a proposed team. */
export function suggestTeam(challenge: TeamChallenge, peers: readonly Peer[], bookings: readonly Booking[], places: Places, limit = 10, rule: CompositionRule = COMPOSITION_RULE): TeamSuggestion {
  const council = placeOf(challenge.councilCode, places);
  const busy = bookingsOverlapping(bookings, challenge);
  const wanted = new Set(challenge.focusAreas);
  const onTeam = new Set(challenge.team.map((m) => m.peerId));
  const parties = partiesOn(challenge.team, peers);
  const ranked = emptyByRole<Ranked[]>(() => []);
  const excluded: Exclusion[] = [];
  for (const peer of peers) {
    if (onTeam.has(peer.id)) continue;
    const conflicts = conflictsOf(peer, council, places);
    const clashes = clashesOf(peer, challenge.onSite, busy.get(peer.id));
    if (conflicts.length > 0 || clashes.length > 0) {
      excluded.push({ peer, conflicts, clashes });
      continue;
    }
    let matched = 0;
    for (const skill of peer.skills) if (wanted.has(skill)) matched++;
    const balances = isMemberPeer(peer) ? peer.party !== null && !parties.has(peer.party) : null;
    ranked[peer.role].push({ peer, matched, knows: peer.sectorExperience.includes(council.type), balances });
  }
  const byRole = emptyByRole<Candidate[]>(() => []);
  const available = emptyByRole(() => 0);
  for (const role of PEER_ROLES) {
    available[role] = ranked[role].length;
    byRole[role] = topOf(ranked[role], limit).map((r) => candidate(r, wanted, council));
  }
  const { proposed, unfilled } = propose(challenge, byRole, rule);
  return { byRole, available, excluded, proposed, unfilled };
}

function placeOf(code: string, places: Places): CouncilPlace {
  const place = places.get(code);
  if (!place) throw new Error(`suggestTeam: no place for council ${code}`);
  return place;
}

function emptyByRole<T>(make: () => T): Record<PeerRole, T> {
  return Object.fromEntries(PEER_ROLES.map((r) => [r, make()])) as Record<PeerRole, T>;
}

function partiesOn(team: readonly TeamMember[], peers: readonly Peer[]): Set<string> {
  const ids = new Set(team.map((m) => m.peerId));
  return new Set(peers.filter((p) => ids.has(p.id) && p.party !== null).map((p) => p.party!));
}

/** The other challenges' bookings whose days overlap the week, by peer. */
function bookingsOverlapping(bookings: readonly Booking[], challenge: TeamChallenge): Map<string, Booking[]> {
  const busy = new Map<string, Booking[]>();
  for (const booking of bookings) {
    if (booking.challengeId === challenge.id || !overlaps(booking.onSite, challenge.onSite)) continue;
    const list = busy.get(booking.peerId);
    if (list) list.push(booking);
    else busy.set(booking.peerId, [booking]);
  }
  return busy;
}

function clashesOf(peer: Peer, week: DateSpan, booked: readonly Booking[] | undefined): Clash[] {
  const clashes: Clash[] = (booked ?? []).map((b) => ({ kind: 'booked', challengeId: b.challengeId, onSite: b.onSite }));
  for (const span of peer.unavailable) if (overlaps(span, week)) clashes.push({ kind: 'unavailable', span });
  return clashes;
}

/** Best first: skills matched, authority type known, party balance, fewer peer days given, then name. */
function compare(a: Ranked, b: Ranked): number {
  return (
    b.matched - a.matched ||
    Number(b.knows) - Number(a.knows) ||
    Number(b.balances ?? false) - Number(a.balances ?? false) ||
    a.peer.peerDaysGiven - b.peer.peerDaysGiven ||
    a.peer.name.localeCompare(b.peer.name) ||
    (a.peer.id < b.peer.id ? -1 : a.peer.id > b.peer.id ? 1 : 0)
  );
}

/** The best `limit` in order, without sorting the whole pool when it is large. */
function topOf(ranked: Ranked[], limit: number): Ranked[] {
  if (ranked.length <= limit * 4) return ranked.sort(compare).slice(0, limit);
  const top: Ranked[] = [];
  for (const r of ranked) {
    if (top.length === limit && compare(r, top[limit - 1]!) >= 0) continue;
    let at = top.length;
    while (at > 0 && compare(r, top[at - 1]!) < 0) at--;
    top.splice(at, 0, r);
    if (top.length > limit) top.pop();
  }
  return top;
}

function candidate(r: Ranked, wanted: ReadonlySet<string>, council: CouncilPlace): Candidate {
  const skillsMatched = r.peer.skills.filter((s) => wanted.has(s));
  const reasons = [
    skillsMatched.length > 0 ? `covers ${skillsMatched.length} of ${wanted.size} focus areas: ${skillsMatched.join(', ')}` : `covers none of the ${wanted.size} focus areas`,
    r.knows ? `has worked in a ${council.type.replaceAll('_', ' ')} council` : `has not worked in a ${council.type.replaceAll('_', ' ')} council`,
  ];
  if (r.balances !== null) reasons.push(r.balances ? `${r.peer.party}: a party not yet on the team` : `${r.peer.party ?? 'no party'}: already on the team`);
  reasons.push(`has given ${r.peer.peerDaysGiven} peer days`);
  return { peer: r.peer, skillsMatched, knowsAuthorityType: r.knows, balancesParty: r.balances, reasons };
}

function propose(challenge: TeamChallenge, byRole: Readonly<Record<PeerRole, readonly Candidate[]>>, rule: CompositionRule): { proposed: TeamMember[]; unfilled: Problem[] } {
  const proposed: TeamMember[] = [...challenge.team];
  const unfilled: Problem[] = [];
  for (const place of rule.kinds[challenge.kind]) {
    if (proposed.some((m) => m.role === place.role && (!place.lead || m.lead))) continue;
    const taken = new Set(proposed.map((m) => m.peerId));
    const best = byRole[place.role].find((c) => !taken.has(c.peer.id));
    if (best) proposed.push({ peerId: best.peer.id, name: best.peer.name, role: place.role, lead: place.lead });
    else unfilled.push(problem('team', `no free peer without a conflict can be ${place.label}`));
  }
  return { proposed, unfilled };
}

/** Every problem of a team for a challenge: empty places, conflicts and double bookings, each naming the peer and the clash. */
export function checkTeam(challenge: TeamChallenge, peers: readonly Peer[], bookings: readonly Booking[], places: Places, rule: CompositionRule = COMPOSITION_RULE): Problem[] {
  const problems = checkComposition(challenge.kind, challenge.team, rule);
  const council = placeOf(challenge.councilCode, places);
  const busy = bookingsOverlapping(bookings, challenge);
  const byId = new Map(peers.map((p) => [p.id, p]));
  challenge.team.forEach((member, i) => {
    const peer = byId.get(member.peerId);
    if (!peer) {
      problems.push(problem(`team[${i}]`, `no peer '${member.peerId}' in the pool`));
      return;
    }
    for (const conflict of conflictsOf(peer, council, places)) problems.push(problem(`team[${i}]`, `conflict (${conflict.kind.replaceAll('_', ' ')}): ${conflict.sentence}`));
    for (const clash of clashesOf(peer, challenge.onSite, busy.get(peer.id))) problems.push(problem(`team[${i}]`, clashSentence(peer, clash, challenge.onSite)));
  });
  return problems;
}

function clashSentence(peer: Peer, clash: Clash, week: DateSpan): string {
  if (clash.kind === 'booked')
    return `double booking: ${peer.name} is booked on challenge ${clash.challengeId} from ${clash.onSite.from} to ${clash.onSite.to}, which overlaps ${week.from} to ${week.to}`;
  return `${peer.name} is unavailable from ${clash.span.from} to ${clash.span.to}, which overlaps ${week.from} to ${week.to}`;
}
