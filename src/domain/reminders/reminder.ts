// A reminder: what fell due and was not done, told once to the person who
// owns it (issue 19, item 8). Five things fall due in an improvement case:
// the review of an outcome kept under review, the next discussion with a
// council that does not accept its challenge, a next step agreed at a
// meeting, a milestone of a support package, and an action of the Panel's
// action monitor. A thing is overdue from the day after its due date.
//
// An owner who is not a user of Lantern cannot be told; the case's lead
// adviser is told instead, and the reminder says whom it was for.
import { formatDate } from '../format/index.ts';

export const REMINDER_KINDS = ['outcome_review', 'next_discussion', 'next_step', 'milestone', 'panel_action'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export const REMINDER_KIND_LABELS: Readonly<Record<ReminderKind, string>> = {
  outcome_review: 'Review of an outcome kept under review',
  next_discussion: 'Next discussion of a difference of view',
  next_step: 'Next step',
  milestone: 'Support package milestone',
  panel_action: 'Panel action',
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
}

/** "Next step for Barnsley, due 3 March 2027: send the budget plan." and, when told instead, whom it was for. */
export function reminderSentence(reminder: ReminderFacts): string {
  const council = reminder.areaName === null ? '' : ` for ${reminder.areaName}`;
  const main = `${REMINDER_KIND_LABELS[reminder.kind]}${council}, due ${dueDay(reminder.dueOn)}: ${reminder.subject}`;
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
