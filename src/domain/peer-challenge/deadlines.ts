// When a peer challenge's follow-up is due, as versioned data (issue 21,
// build item 4). Today's defaults (IMPROVEMENT.md): the report and the action
// plan published within 3 months of the week on site, the plan at the latest
// within 5; a progress review about 10 months after the week, its report
// within 12; every council challenged at least every five years, and
// children's safeguarding "once every three years" (004, appendix 1). "These
// timings have changed before", so a change of rules moves the due dates of
// open challenges and says which moved and why (`moveDueDates`).
//
// Months are calendar months counted from the last day on site, and a day
// past the end of a shorter month falls on its last day: a week ending on 31
// January has its one-month date on 28 February, or 29 in a leap year.
import type { AreaType } from '../area/index.ts';
import { addMonths } from '../improvement/index.ts';
import { CHILDRENS_AUTHORITIES } from './authorities.ts';
import type { ChallengeKind } from './focus.ts';
import type { Challenge } from './lifecycle.ts';

export const DUE_ITEMS = ['report', 'action_plan', 'progress_review', 'progress_review_report'] as const;
export type DueItem = (typeof DUE_ITEMS)[number];

export const DUE_ITEM_LABELS: Readonly<Record<DueItem, string>> = {
  report: 'Report published',
  action_plan: 'Action plan published',
  progress_review: 'Progress review',
  progress_review_report: 'Progress review report published',
};

export interface DueRule {
  readonly item: DueItem;
  /** Calendar months from the last day on site. */
  readonly months: number;
  /** The latest it may be, where the rule gives one beyond the due date. */
  readonly latestMonths: number | null;
  readonly kinds: readonly ChallengeKind[];
}

/** How often a council should have a challenge of a kind, and which councils it applies to. */
export interface CadenceRule {
  readonly kind: ChallengeKind;
  readonly everyYears: number;
  /** Empty for every council. */
  readonly authorityTypes: readonly AreaType[];
}

export interface DeadlineRules {
  readonly version: number;
  readonly from: string;
  readonly items: readonly DueRule[];
  readonly cadence: readonly CadenceRule[];
  readonly source: string;
}

const ALL_KINDS: readonly ChallengeKind[] = ['corporate', 'safeguarding', 'adults', 'childrens'];

export const DEADLINE_RULES: DeadlineRules = Object.freeze<DeadlineRules>({
  version: 1,
  from: '2023-01-01',
  items: [
    { item: 'report', months: 3, latestMonths: null, kinds: ALL_KINDS },
    { item: 'action_plan', months: 3, latestMonths: 5, kinds: ALL_KINDS },
    { item: 'progress_review', months: 10, latestMonths: null, kinds: ['corporate'] },
    { item: 'progress_review_report', months: 12, latestMonths: null, kinds: ['corporate'] },
  ],
  cadence: [
    { kind: 'corporate', everyYears: 5, authorityTypes: [] },
    { kind: 'safeguarding', everyYears: 3, authorityTypes: CHILDRENS_AUTHORITIES },
  ],
  source: "The LGA's corporate peer challenge today (IMPROVEMENT.md); safeguarding once every three years (004, item 1(a) appendix 1).",
});

export type DueStatus = 'done' | 'done_late' | 'due' | 'overdue' | 'past_latest' | 'not_needed';

export interface DueDate {
  readonly challengeId: string;
  readonly item: DueItem;
  readonly dueOn: string;
  readonly latestOn: string | null;
  readonly doneOn: string | null;
  readonly ruleVersion: number;
  readonly sentence: string;
}

const DONE_FIELD: Readonly<Record<DueItem, keyof Challenge>> = {
  report: 'reportPublishedOn',
  action_plan: 'actionPlanPublishedOn',
  progress_review: 'progressReviewOn',
  progress_review_report: 'progressReviewReportOn',
};

/** The challenge's due dates under the rules, from its last day on site; none before it is booked. */
export function dueDates(challenge: Challenge, rules: DeadlineRules = DEADLINE_RULES): DueDate[] {
  if (challenge.onSite === null) return [];
  const week = challenge.onSite.to;
  return rules.items
    .filter((rule) => rule.kinds.includes(challenge.kind))
    .map((rule) => ({
      challengeId: challenge.id,
      item: rule.item,
      dueOn: addMonths(week, rule.months),
      latestOn: rule.latestMonths === null ? null : addMonths(week, rule.latestMonths),
      doneOn: challenge[DONE_FIELD[rule.item]] as string | null,
      ruleVersion: rules.version,
      sentence: ruleSentence(rule, week),
    }));
}

function ruleSentence(rule: DueRule, week: string): string {
  const latest = rule.latestMonths === null ? '' : `, at the latest within ${rule.latestMonths}`;
  return `${DUE_ITEM_LABELS[rule.item]} within ${rule.months} months of the week on site (ending ${week})${latest}.`;
}

/** Where a due date stands on a day: a closed challenge needs nothing more. */
export function dueStatus(due: DueDate, challenge: Challenge, today: string): DueStatus {
  if (due.doneOn !== null) return due.doneOn > (due.latestOn ?? due.dueOn) ? 'done_late' : 'done';
  if (challenge.stage === 'closed') return 'not_needed';
  if (due.latestOn !== null && today > due.latestOn) return 'past_latest';
  return today > due.dueOn ? 'overdue' : 'due';
}

/** The items of a challenge not done by their due date, today. */
export function overdueItems(challenge: Challenge, today: string, rules: DeadlineRules = DEADLINE_RULES): DueDate[] {
  return dueDates(challenge, rules).filter((due) => {
    const status = dueStatus(due, challenge, today);
    return status === 'overdue' || status === 'past_latest';
  });
}

export interface DueDateMove {
  readonly challengeId: string;
  readonly item: DueItem;
  readonly from: string | null;
  readonly to: string | null;
  readonly sentence: string;
}

/** What a change of rules does to open challenges: each due date not yet met that moves, appears or goes, with why. */
export function moveDueDates(open: readonly Challenge[], oldRules: DeadlineRules, newRules: DeadlineRules): DueDateMove[] {
  return open
    .filter((c) => c.stage !== 'closed')
    .flatMap((challenge) => {
      const before = new Map(dueDates(challenge, oldRules).map((d) => [d.item, d]));
      const after = new Map(dueDates(challenge, newRules).map((d) => [d.item, d]));
      return DUE_ITEMS.flatMap((item) => {
        const was = before.get(item);
        const now = after.get(item);
        if ((was?.doneOn ?? now?.doneOn ?? null) !== null) return [];
        if (was?.dueOn === now?.dueOn && was?.latestOn === now?.latestOn) return [];
        return [{ challengeId: challenge.id, item, from: was?.dueOn ?? null, to: now?.dueOn ?? null, sentence: moveSentence(item, was, now, oldRules, newRules) }];
      });
    });
}

function moveSentence(item: DueItem, was: DueDate | undefined, now: DueDate | undefined, oldRules: DeadlineRules, newRules: DeadlineRules): string {
  const change = `rules version ${oldRules.version} became version ${newRules.version} on ${newRules.from}`;
  const label = DUE_ITEM_LABELS[item];
  if (!was) return `${label} is now due ${now!.dueOn}: ${change}, which asks for it (${now!.sentence})`;
  if (!now) return `${label} is no longer due (it was due ${was.dueOn}): ${change}, which does not ask for it.`;
  const latest = was.latestOn !== now.latestOn ? `; at the latest ${now.latestOn ?? 'no limit'} (was ${was.latestOn ?? 'no limit'})` : '';
  return `${label} is now due ${now.dueOn}, not ${was.dueOn}${latest}: ${change}. ${now.sentence}`;
}
