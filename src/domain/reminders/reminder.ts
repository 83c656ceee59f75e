// A reminder: what fell due and was not done, told once to the person who
// owns it (issue 19, item 8). Five things fall due in an improvement case:
// the review of an outcome kept under review, the next discussion with a
// council that does not accept its challenge, a next step agreed at a
// meeting, a milestone of a support package, and an action of the Panel's
// action monitor. A thing is overdue from the day after its due date.
//
// An owner who is not a user of Lantern cannot be told; the case's lead
// adviser is told instead, and the reminder says whom it was for.
//
// A peer challenge's due items (issue 21, item 7) are reminded of before they
// are late: a fortnight before the due date and on the day
// (peer-challenge-reminder.ts).
import { formatDate } from '../format/index.ts';

/** What falls due in an improvement case, reminded of once overdue. */
export const OVERDUE_KINDS = ['outcome_review', 'next_discussion', 'next_step', 'milestone', 'panel_action'] as const;
export type OverdueKind = (typeof OVERDUE_KINDS)[number];

/** A peer challenge's due items, reminded of a fortnight before and on the day. */
export const PEER_CHALLENGE_REMINDER_KINDS = ['peer_report', 'peer_action_plan', 'peer_progress_review', 'peer_progress_review_report'] as const;
export type PeerChallengeReminderKind = (typeof PEER_CHALLENGE_REMINDER_KINDS)[number];

export const REMINDER_KINDS = [...OVERDUE_KINDS, ...PEER_CHALLENGE_REMINDER_KINDS] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** When a reminder is made: once overdue (a case's things), or a fortnight before and on the due date (a peer challenge's items). */
export const REMINDER_MOMENTS = ['overdue', 'fortnight_before', 'on_the_day'] as const;
export type ReminderMoment = (typeof REMINDER_MOMENTS)[number];

export const REMINDER_KIND_LABELS: Readonly<Record<ReminderKind, string>> = {
  outcome_review: 'Review of an outcome kept under review',
  next_discussion: 'Next discussion of a difference of view',
  next_step: 'Next step',
  milestone: 'Support package milestone',
  panel_action: 'Panel action',
  peer_report: 'Peer challenge report',
  peer_action_plan: 'Peer challenge action plan',
  peer_progress_review: 'Peer challenge progress review',
  peer_progress_review_report: 'Peer challenge progress review report',
};

/** What a reminder tells, whatever shows it: a page, the API or an email. */
export interface ReminderFacts {
  readonly kind: ReminderKind;
  /** The thing's own words: the step's action, the milestone's title, the outcome's reason. */
  readonly subject: string;
  /** YYYY-MM-DD. */
  readonly dueOn: string;
  /** The council's name, when it is about one. */
  readonly areaName: string | null;
  /** The owner as named, when the lead adviser is told instead. */
  readonly insteadOf: string | null;
  /** When it was made; absent or 'overdue' for a case's thing. */
  readonly moment?: ReminderMoment;
}

/** "Next step for Barnsley, due 3 March 2027: send the budget plan." and, when told instead, whom it was for. */
export function reminderSentence(reminder: ReminderFacts): string {
  const council = reminder.areaName === null ? '' : ` for ${reminder.areaName}`;
  const notice = reminder.moment === 'fortnight_before' ? ', a fortnight from this reminder' : reminder.moment === 'on_the_day' ? ', the day of this reminder' : '';
  const when = `, due ${dueDay(reminder.dueOn)}${notice}`;
  const main = `${REMINDER_KIND_LABELS[reminder.kind]}${council}${when}: ${reminder.subject}`;
  return reminder.insteadOf === null ? main : `${main} (owned by ${reminder.insteadOf}, who is not a user of Lantern: you are told as the case's lead adviser)`;
}

/** The due date as GOV.UK writes dates. */
export function dueDay(dueOn: string): string {
  return formatDate(new Date(`${dueOn}T12:00:00Z`));
}

/** The day (YYYY-MM-DD) a thing due on `dueOn` is overdue from: the day after. */
export function overdueFrom(dueOn: string): string {
  const day = new Date(`${dueOn}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + 1);
  return day.toISOString().slice(0, 10);
}
