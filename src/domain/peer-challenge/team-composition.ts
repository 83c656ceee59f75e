// Who a peer team must hold. A review team is "made up of [a] Chief
// Executive, [a] Councillor, [a] local government expert and a … review
// manager", each supported by "a UK Chief Executive, a UK Councillor and a UK
// peer review manager" (004, item 1(c) §5): so a corporate team needs a lead
// chief executive, a member peer and a manager. Other kinds need a manager
// and one more peer. Kept as data, so that a change of rule is a new version.
import type { ChallengeKind } from './focus.ts';
import type { PeerRole } from './peer.ts';
import { problem, type Problem } from './problem.ts';

export interface TeamMember {
  readonly peerId: string;
  readonly name: string;
  readonly role: PeerRole;
  readonly lead: boolean;
}

export interface Place {
  readonly role: PeerRole;
  /** Whether the place is the team's lead. */
  readonly lead: boolean;
  readonly label: string;
}

export interface CompositionRule {
  readonly version: number;
  readonly kinds: Readonly<Record<ChallengeKind, readonly Place[]>>;
  readonly source: string;
}

const MANAGER: Place = { role: 'manager', lead: false, label: 'a peer challenge manager' };

export const COMPOSITION_RULE: CompositionRule = Object.freeze<CompositionRule>({
  version: 1,
  kinds: {
    corporate: [{ role: 'chief_executive', lead: true, label: 'a lead chief executive' }, { role: 'councillor', lead: false, label: 'a member peer' }, MANAGER],
    safeguarding: [{ role: 'director', lead: false, label: "a director of children's services" }, MANAGER],
    adults: [{ role: 'director', lead: false, label: 'a director of adult social services' }, MANAGER],
    childrens: [{ role: 'director', lead: false, label: "a director of children's services" }, MANAGER],
  },
  source: '004 item 1(c) §5: a chief executive, a councillor, a local government expert and a review manager.',
});

/** The places a team leaves empty, each named; none when it may be confirmed. */
export function checkComposition(kind: ChallengeKind, team: readonly TeamMember[], rule: CompositionRule = COMPOSITION_RULE): Problem[] {
  if (team.length === 0) return [problem('team', 'a team needs peers')];
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const member of team) {
    if (seen.has(member.peerId)) problems.push(problem('team', `${member.name} is on the team twice`));
    seen.add(member.peerId);
  }
  const missing = rule.kinds[kind].filter((place) => !team.some((m) => m.role === place.role && (!place.lead || m.lead)));
  if (missing.length > 0) problems.push(problem('team', `a ${kind} team needs ${missing.map((p) => p.label).join(', ')}: missing`));
  if (team.filter((m) => m.lead).length > 1) problems.push(problem('team', 'a team has one lead'));
  return problems;
}
