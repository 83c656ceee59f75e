// Peer challenge reminders, made by the daily reminders job (reminders.ts)
// beside a case's overdue things: each due item of an open challenge (the
// report, the action plan, the progress review, its report) is told a
// fortnight before its due date and on the day, once each, to the
// challenge's manager and to the council's own users, each only if the
// access policy lets them read the challenge in scoping (restricted to the
// sector body, its manager and the council). They go to the same outbox: the
// reminders page and the email.
//
// A due date moved (a change of the deadline rules) is a new date to be told
// of, a fortnight before and on the day; the reminders of the old date stay
// as they were shown, naming it, and their email is no longer sent.
import { decide, guardedRecord, SESSION_ACTIONS, type UserViewer } from '../domain/access/index.ts';
import { formatDate } from '../domain/format/index.ts';
import { dueDatesRemindedOn, PEER_CHALLENGE_REMINDER_KIND, reminderMomentOn } from '../domain/reminders/index.ts';
import { itemsDueBetween, recordPeerChallengeReminders, type ItemDueFor, type PeerChallengeReminder } from '../store/peer-challenge-reminders.ts';
import type { Db } from '../store/store.ts';

/** Records the day's peer challenge reminders; returns how many were made now. */
export async function remindOfPeerChallenges(sql: Db, day: string): Promise<number> {
  const window = dueDatesRemindedOn(day);
  const now = Date.parse(`${day}T12:00:00Z`);
  const reminders: PeerChallengeReminder[] = [];
  for (const due of await itemsDueBetween(sql, window.from, window.to)) {
    const moment = reminderMomentOn(due.dueOn, day);
    if (moment === null || !mayBeTold(due, now)) continue;
    reminders.push({ kind: PEER_CHALLENGE_REMINDER_KIND[due.item], challengeId: due.challengeId, dueOn: due.dueOn, moment, userId: due.userId, subject: subjectOf(due), areaCode: due.areaCode });
  }
  return (await recordPeerChallengeReminders(sql, reminders, day)).length;
}

/**
 * Whether the person may read the challenge as it stands before publication,
 * as the policy says: held by its manager's organisation and read by the
 * council it is about (as the platform's challengeRecord describes it).
 */
function mayBeTold(due: ItemDueFor, now: number): boolean {
  const viewer: UserViewer = { kind: 'user', userId: due.userId, role: due.role, organisationId: due.organisationId, councilArea: due.councilArea, actions: SESSION_ACTIONS };
  const challenge = guardedRecord('peer_challenge', 'restricted', { subjectArea: due.areaCode, subjectReads: true, ownerOrganisation: due.ownerOrganisationId });
  return decide(viewer, 'read', challenge, now).allowed;
}

/** "Corporate peer challenge of Barnsley, on site 1 December 2026 to 4 December 2026." */
function subjectOf(due: ItemDueFor): string {
  const day = (d: string) => formatDate(new Date(`${d}T12:00:00Z`));
  const kind = due.challengeKind === 'childrens' ? "Children's" : due.challengeKind[0]!.toUpperCase() + due.challengeKind.slice(1);
  return `${kind} peer challenge of ${due.councilName}, on site ${day(due.onSiteFrom)} to ${day(due.onSiteTo)}`;
}
