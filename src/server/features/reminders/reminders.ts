// Reminders, each use-case once, called by the API and the page alike: the
// signed-in person's own reminders, and marking one read. A reminder is its
// person's alone: confidential, with them as its author, so the policy opens
// it to no one else (not administrators either); another's id is not found.
import { guardedRecord, type GuardedRecord, type UserViewer } from '../../../domain/access/index.ts';
import { dueDay, overdueFrom, reminderSentence, REMINDER_KIND_LABELS } from '../../../domain/reminders/index.ts';
import { getReminder, markReminderRead, remindersOf, type Reminder } from '../../../store/reminders.ts';
import type { Sql } from '../../../store/store.ts';
import { notSeen, type RequestAccess } from '../../platform/access/index.ts';
import { pathId } from '../../platform/http/request-body.ts';

export const REMINDER_KIND = 'reminder';

export function reminderRecord(reminder: Pick<Reminder, 'userId'>): GuardedRecord {
  return guardedRecord(REMINDER_KIND, 'confidential', { author: reminder.userId });
}

/**
 * The viewer's reminders, not yet read first. Reading one's own notices is
 * not audited: no one else's confidence is read.
 */
export async function listReminders(sql: Sql, access: RequestAccess): Promise<ReminderJson[]> {
  const userId = (access.viewer as UserViewer).userId;
  const own = await remindersOf(sql, userId);
  return own.filter((r) => access.may('read', reminderRecord(r))).map(reminderJson);
}

/**
 * Marks one of the viewer's reminders read. Not audited: it changes nothing
 * but the person's own notice, as reading a page would.
 */
export async function markRead(sql: Sql, access: RequestAccess, idText: unknown): Promise<ReminderJson> {
  const id = pathId(idText, 'reminder');
  const reminder = await getReminder(sql, id);
  if (!reminder) throw notSeen(`reminder ${id}`);
  access.require('change', reminderRecord(reminder), `reminder ${id}`);
  return reminderJson((await markReminderRead(sql, id))!);
}

export interface ReminderJson {
  readonly id: number;
  readonly kind: Reminder['kind'];
  /** What fell due, in words: "Next step". */
  readonly what: string;
  readonly sentence: string;
  readonly subject: string;
  readonly dueOn: string;
  readonly dueDay: string;
  /** The day after its due date, from which it is overdue, as GOV.UK writes dates. */
  readonly overdueSince: string;
  /** When it was made: once overdue (a case's), or a fortnight before or on the due date (a peer challenge's). */
  readonly moment: Reminder['moment'];
  readonly area: { readonly code: string; readonly name: string | null } | null;
  readonly insteadOf: string | null;
  /** Where it is: the case (with its package), or the Panel meeting. */
  readonly href: string;
  readonly linkText: string;
  readonly remindedOn: string;
  readonly readAt: Date | null;
  readonly emailedAt: Date | null;
}

function reminderJson(r: Reminder): ReminderJson {
  return {
    id: r.id,
    kind: r.kind,
    what: REMINDER_KIND_LABELS[r.kind],
    sentence: reminderSentence(r),
    subject: r.subject,
    dueOn: r.dueOn,
    dueDay: dueDay(r.dueOn),
    overdueSince: dueDay(overdueFrom(r.dueOn)),
    moment: r.moment,
    area: r.areaCode === null ? null : { code: r.areaCode, name: r.areaName },
    insteadOf: r.insteadOf,
    ...whereItIs(r),
    remindedOn: r.remindedOn,
    readAt: r.readAt,
    emailedAt: r.emailedAt,
  };
}

/** A Panel action is found at its meeting, a milestone in its case's support package, a peer challenge's item on its challenge's page, everything else on its case's page. */
function whereItIs(r: Reminder): { href: string; linkText: string } {
  if (r.peerChallengeId !== null) return { href: `/peer-challenges/${r.peerChallengeId}`, linkText: 'the peer challenge' };
  if (r.kind === 'panel_action' && r.panelMeetingId !== null) return { href: `/panel/meetings/${r.panelMeetingId}`, linkText: 'the Panel meeting' };
  if (r.kind === 'milestone') return { href: `/cases/${r.caseId}/package`, linkText: 'the support package' };
  return { href: `/cases/${r.caseId}`, linkText: 'the case' };
}
