// Reminders, daily: each overdue review of an outcome, next discussion, next
// step, milestone and Panel action is told once to its owner (or the case's
// lead adviser, when the owner is not a user of Lantern), in Lantern and, when
// SMTP is configured, by email (issue 19, item 8).
//
// Once, however the job runs: a reminder is one row per thing and due date
// (src/store/reminders.ts), inserted only if absent, so a second run the same
// day, a run on another server or a run after a restart mid-way finds it
// made and tells no one again. An email is claimed for the day before it is
// sent: a run stopped between the claim and the send sends it the next day,
// never twice in a day. A failed email is logged and tried again the next
// day, for a week; the reminder in Lantern stands whatever the email does.
//
// The day is London's, from the clock the job is given (a fake one in tests):
// a thing due on the 3rd is overdue from midnight of the 4th in London.
//
// The same run tells of peer challenges' due items before they are late, a
// fortnight before and on the day (peer-challenge-reminders.ts), in the same
// outbox and the same email.
import { londonDay } from '../domain/format/index.ts';
import { dueDay, OVERDUE_KINDS, reminderSentence, REMINDER_KIND_LABELS } from '../domain/reminders/index.ts';
import { claimEmails, markEmailed, markEmailFailed, overdueOn, recordReminders, type ReminderToEmail } from '../store/reminders.ts';
import type { Sql } from '../store/store.ts';
import type { JobDefinition, JobQueue } from './job-runner.ts';
import type { Mailer } from './mailer.ts';
import { remindOfPeerChallenges } from './peer-challenge-reminders.ts';

export const REMINDERS: JobQueue = {
  queue: 'reminders',
  // Early in the working day, London time: the job runner reads schedules in Europe/London.
  every: '0 7 * * *',
  // A run is a few queries and an email per person reminded; a killed run is retried after 600 + 15 + 300 + 60 s.
  expireInSeconds: 600,
  retryLimit: 3,
  retryDelaySeconds: 300,
  pollSeconds: 60,
};

/** Days a failed email is tried, one attempt a day. */
export const EMAIL_ATTEMPTS = 7;

export interface ReminderOptions {
  /** Null when no SMTP server is configured: reminders are shown in Lantern only. */
  readonly mailer: Mailer | null;
  readonly clock: () => Date;
  readonly log: (line: string) => void;
}

export interface RemindersSent {
  readonly day: string;
  readonly reminded: number;
  readonly emailed: number;
  readonly failed: number;
}

export function remindersJob(sql: Sql, options: ReminderOptions): JobDefinition {
  return {
    ...REMINDERS,
    async run() {
      await sendReminders(sql, options);
    },
  };
}

/** One day's reminders: records each new one, then emails what is due an email. */
export async function sendReminders(sql: Sql, options: ReminderOptions): Promise<RemindersSent> {
  const day = londonDay(options.clock());
  let reminded = 0;
  for (const kind of OVERDUE_KINDS) reminded += (await recordReminders(sql, await overdueOn(sql, kind, day), day)).length;
  reminded += await remindOfPeerChallenges(sql, day);
  const { emailed, failed } = options.mailer ? await emailReminders(sql, options.mailer, day, options.log) : { emailed: 0, failed: 0 };
  if (reminded + emailed + failed > 0) {
    options.log(`Lantern: reminders on ${day}: ${reminded} new, ${emailed} emailed${failed > 0 ? `, ${failed} email(s) failed (tried again tomorrow)` : ''}`);
  }
  return { day, reminded, emailed, failed };
}

/** One email a person, listing their reminders claimed today. */
async function emailReminders(sql: Sql, mailer: Mailer, day: string, log: (line: string) => void): Promise<{ emailed: number; failed: number }> {
  let emailed = 0;
  let failed = 0;
  for (const reminders of byPerson(await claimEmails(sql, day, EMAIL_ATTEMPTS))) {
    const ids = reminders.map((r) => r.id);
    try {
      await mailer.send(emailOf(reminders));
      await markEmailed(sql, ids);
      emailed += ids.length;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await markEmailFailed(sql, ids, message);
      failed += ids.length;
      log(`Lantern: reminders: could not email user ${reminders[0]!.userId} (${ids.length} reminder(s)): ${message}`);
    }
  }
  return { emailed, failed };
}

function byPerson(reminders: readonly ReminderToEmail[]): ReminderToEmail[][] {
  const people = new Map<number, ReminderToEmail[]>();
  for (const reminder of reminders) people.set(reminder.userId, [...(people.get(reminder.userId) ?? []), reminder]);
  return [...people.values()];
}

/** The email: each reminder's sentence, what is overdue apart from what falls due, and where to find them all in Lantern. */
export function emailOf(reminders: readonly ReminderToEmail[]): { to: string; subject: string; text: string } {
  const [first] = reminders;
  const overdue = reminders.filter((r) => r.moment === 'overdue');
  const coming = reminders.filter((r) => r.moment !== 'overdue');
  const subject =
    reminders.length === 1
      ? `Lantern reminder: ${REMINDER_KIND_LABELS[first!.kind]}, due ${dueDay(first!.dueOn)}`
      : coming.length === 0
        ? `Lantern reminders: ${reminders.length} things overdue`
        : `Lantern reminders: ${reminders.length} things due or overdue`;
  const part = (list: readonly ReminderToEmail[], heading: string) => (list.length === 0 ? [] : [heading, '', ...list.map((r) => `- ${reminderSentence(r)}`), '']);
  const text = [
    `Dear ${first!.userName},`,
    '',
    ...part(overdue, `${overdue.length === 1 ? 'This is' : 'These are'} overdue in Lantern:`),
    ...part(coming, `${coming.length === 1 ? 'This falls' : 'These fall'} due:`),
    'Your reminders page in Lantern (/reminders) links to each.',
    '',
  ].join('\n');
  return { to: first!.email, subject, text };
}
