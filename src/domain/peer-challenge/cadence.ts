// How often a council has a peer challenge of a kind, judged honestly
// (issue 21): "a peer challenge at least every 5 years" (IMPROVEMENT.md),
// children's safeguarding "once every three years" (004, appendix 1), as the
// deadline rules' cadence says. A Lantern can only say a council had no
// challenge when it holds that council's history of challenges of the kind:
// "no record held" is not "no challenge". So a council and kind is judged
// only when the programme holds its history:
//
// - from the day a manager declared it held (its challenges of the kind
//   imported, or known complete, from that day: `HistoryHeld`), or
// - from the first enquiry of the kind the programme holds for the council
//   (a council's challenges are kept here from its first record on).
//
// The earlier of the two is where its history begins. The last challenge
// whose team was on site sets when the next is due (its last day on site
// plus the cadence's years); with none on record since the history began,
// the next was due that many years after the history began. A council and
// kind whose history is not held is `not_held`: never overdue, and never
// flagged. A Lantern holding no challenge and no declaration judges no
// council at all.
import type { AreaType } from '../area/index.ts';
import { addMonths } from '../improvement/index.ts';
import { DEADLINE_RULES, type DeadlineRules } from './deadlines.ts';
import type { ChallengeKind } from './focus.ts';
import { STAGES, type Challenge } from './lifecycle.ts';

export interface CadenceCouncil {
  readonly code: string;
  readonly name: string;
  readonly type: AreaType;
}

/** That the programme holds every challenge of a kind of a council from a day on (declared by a manager). */
export interface HistoryHeld {
  readonly councilCode: string;
  readonly kind: ChallengeKind;
  readonly from: string;
}

export const CADENCE_STATUSES = ['not_held', 'in_time', 'due_within_year', 'overdue'] as const;
export type CadenceStatus = (typeof CADENCE_STATUSES)[number];

/** A council's place in one cadence rule on a day. */
export interface CadenceVerdict {
  readonly councilCode: string;
  readonly kind: ChallengeKind;
  readonly status: CadenceStatus;
  /** The last day on site of the council's latest challenge of the kind, or null for none on record. */
  readonly lastOn: string | null;
  /** From when the programme holds the council's challenges of the kind; null when it does not. */
  readonly heldFrom: string | null;
  /** When the next challenge is due by; null when the history is not held. */
  readonly dueBy: string | null;
  readonly everyYears: number;
  readonly sentence: string;
}

/** A council and kind without a challenge for longer than the rule allows: an early-warning signal. */
export type ChallengeGap = CadenceVerdict & { readonly status: 'overdue'; readonly dueBy: string; readonly heldFrom: string };

/** How far ahead a challenge falling due counts as needing attention: a year, as scoping starts 4 to 6 months ahead. */
export const DUE_AHEAD_MONTHS = 12;

/**
 * Every council's verdict under each cadence rule that applies to it, in the
 * rules' order then the councils'. A challenge counts once its team has been
 * on site; a challenge withdrawn before the week does not (but its enquiry
 * still shows the programme holds the council's history from then).
 */
export function councilCadence(
  councils: readonly CadenceCouncil[],
  challenges: readonly Challenge[],
  held: readonly HistoryHeld[],
  today: string,
  rules: DeadlineRules = DEADLINE_RULES,
): CadenceVerdict[] {
  const last = new Map<string, string>();
  const first = new Map<string, string>();
  const earlier = (map: Map<string, string>, key: string, day: string) => {
    const was = map.get(key);
    if (was === undefined || day < was) map.set(key, day);
  };
  for (const c of challenges) {
    const key = `${c.councilCode}|${c.kind}`;
    earlier(first, key, c.enquiredOn);
    if (c.onSite === null || !wasOnSite(c)) continue;
    if ((last.get(key) ?? '') < c.onSite.to) last.set(key, c.onSite.to);
  }
  for (const h of held) earlier(first, `${h.councilCode}|${h.kind}`, h.from);
  const soon = addMonths(today, DUE_AHEAD_MONTHS);
  return rules.cadence.flatMap((rule) =>
    councils.flatMap((council): CadenceVerdict[] => {
      if (rule.authorityTypes.length > 0 && !rule.authorityTypes.includes(council.type)) return [];
      const key = `${council.code}|${rule.kind}`;
      const heldFrom = first.get(key) ?? null;
      const lastOn = last.get(key) ?? null;
      const base = { councilCode: council.code, kind: rule.kind, lastOn, heldFrom, everyYears: rule.everyYears };
      if (heldFrom === null) {
        return [{ ...base, status: 'not_held', dueBy: null, sentence: `Lantern does not hold ${council.name}'s ${rule.kind} peer challenges, so it cannot say when the last was.` }];
      }
      const dueBy = addMonths(lastOn ?? heldFrom, rule.everyYears * 12);
      const status: CadenceStatus = today > dueBy ? 'overdue' : dueBy <= soon ? 'due_within_year' : 'in_time';
      return [{ ...base, status, dueBy, sentence: cadenceSentence(council.name, rule.kind, rule.everyYears, lastOn, heldFrom, dueBy, status) }];
    }),
  );
}

function cadenceSentence(name: string, kind: ChallengeKind, everyYears: number, lastOn: string | null, heldFrom: string, dueBy: string, status: CadenceStatus): string {
  const rule = `the rule is at least one every ${everyYears} years`;
  if (lastOn === null) {
    const none = `${name} has no ${kind} peer challenge on record since ${heldFrom}, when the programme's record of them begins; ${rule}`;
    return status === 'overdue' ? `${none} (one was due by ${dueBy}).` : `${none}, so one is due by ${dueBy}.`;
  }
  if (status === 'overdue') return `${name}'s last ${kind} peer challenge ended on ${lastOn}, more than ${everyYears} years ago (one was due by ${dueBy}).`;
  return `${name}'s last ${kind} peer challenge ended on ${lastOn}; ${rule}, so the next is due by ${dueBy}.`;
}

/** Councils without a challenge of a kind for longer than the rule allows, among those whose history the programme holds. */
export function councilsWithoutChallenge(
  councils: readonly CadenceCouncil[],
  challenges: readonly Challenge[],
  held: readonly HistoryHeld[],
  today: string,
  rules: DeadlineRules = DEADLINE_RULES,
): ChallengeGap[] {
  return councilCadence(councils, challenges, held, today, rules).filter((v): v is ChallengeGap => v.status === 'overdue');
}

function wasOnSite(challenge: Challenge): boolean {
  if (challenge.stage === 'closed') return challenge.feedbackOn !== null;
  return STAGES.indexOf(challenge.stage) >= STAGES.indexOf('on_site');
}

/** Why a council needs the programme's attention, by the programme's own verdicts. */
export type AttentionReason =
  | { readonly kind: 'challenge_overdue'; readonly challengeKind: ChallengeKind; readonly dueBy: string }
  | { readonly kind: 'challenge_due'; readonly challengeKind: ChallengeKind; readonly dueBy: string }
  | { readonly kind: 'items_overdue'; readonly count: number };

/**
 * What makes a council need attention: a challenge overdue or due within the
 * next year by its cadence (history held), or an item of an open challenge
 * (report, action plan, progress review) past its due date. None: it does not.
 */
export function attentionOf(cadence: readonly CadenceVerdict[], overdueItems: number): AttentionReason[] {
  const reasons: AttentionReason[] = [];
  for (const v of cadence) {
    if (v.status === 'overdue') reasons.push({ kind: 'challenge_overdue', challengeKind: v.kind, dueBy: v.dueBy! });
    else if (v.status === 'due_within_year') reasons.push({ kind: 'challenge_due', challengeKind: v.kind, dueBy: v.dueBy! });
  }
  if (overdueItems > 0) reasons.push({ kind: 'items_overdue', count: overdueItems });
  return reasons;
}
