// When a peer challenge's due items are reminded of (issue 21, item 7): a
// fortnight before the due date and on the day, each once, to the
// challenge's manager and the council's contacts. A day the job did not run
// (every server down) is made up: the fortnight's reminder on any day of the
// fortnight before, the day's on any of the week from the due date. An item
// done, or a challenge closed, is reminded of no more.
import type { DueItem } from '../peer-challenge/index.ts';
import type { PeerChallengeReminderKind, ReminderMoment } from './reminder.ts';

/** Days before the due date of the first reminder. */
export const DAYS_NOTICE = 14;
/** Days from the due date on which the day's reminder is still made, when a run was missed. */
export const CATCH_UP_DAYS = 7;

export const PEER_CHALLENGE_REMINDER_KIND: Readonly<Record<DueItem, PeerChallengeReminderKind>> = {
  report: 'peer_report',
  action_plan: 'peer_action_plan',
  progress_review: 'peer_progress_review',
  progress_review_report: 'peer_progress_review_report',
};

/** The due item a peer challenge reminder is of. */
export function dueItemOf(kind: PeerChallengeReminderKind): DueItem {
  return (Object.keys(PEER_CHALLENGE_REMINDER_KIND) as DueItem[]).find((item) => PEER_CHALLENGE_REMINDER_KIND[item] === kind)!;
}

/** The reminder an item due on `dueOn` is owed on `day` (both YYYY-MM-DD), or null. */
export function reminderMomentOn(dueOn: string, day: string): Extract<ReminderMoment, 'fortnight_before' | 'on_the_day'> | null {
  if (day < dueOn) return day >= addDays(dueOn, -DAYS_NOTICE) ? 'fortnight_before' : null;
  return day < addDays(dueOn, CATCH_UP_DAYS) ? 'on_the_day' : null;
}

/** The due dates a run on `day` may owe a reminder of, both ends inclusive. */
export function dueDatesRemindedOn(day: string): { readonly from: string; readonly to: string } {
  return { from: addDays(day, 1 - CATCH_UP_DAYS), to: addDays(day, DAYS_NOTICE) };
}

function addDays(day: string, days: number): string {
  const date = new Date(`${day}T12:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}
