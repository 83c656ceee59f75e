// Reminders: what is overdue on a day (one query per kind, reading the cases,
// packages and Panel tables of migration 027), each reminder recorded once
// (the table's unique key on kind, thing and due date), a user's reminders,
// and the email of each, claimed for one attempt a day.
//
// A thing is overdue the day after its due date, until it is done (a step
// done, a milestone met, an action done) or, for an outcome's review and next
// discussion, until a newer outcome supersedes it or the case closes. The
// owner is told where they are a user of Lantern whose account is enabled;
// otherwise the case's lead adviser, and the reminder keeps whom it was for.
// A peer challenge's reminders share the table, its pages and its email
// (made by peer-challenge-reminders.ts, migration 043).
import type { OverdueKind, ReminderKind, ReminderMoment } from '../domain/reminders/index.ts';
import { DONE_ON } from './peer-challenges.ts';
import type { Db } from './store.ts';

/** Something overdue and not yet reminded of, with whom to tell. */
export interface Overdue {
  readonly kind: ReminderKind;
  readonly thingId: number;
  /** YYYY-MM-DD. */
  readonly dueOn: string;
  readonly userId: number;
  readonly insteadOf: string | null;
  readonly subject: string;
  readonly areaCode: string | null;
  readonly caseId: number | null;
  readonly packageId: number | null;
  readonly panelMeetingId: number | null;
}

export interface Reminder extends Overdue {
  readonly id: number;
  /** The peer challenge a reminder of its due item is about; null for a case's. */
  readonly peerChallengeId: number | null;
  readonly moment: ReminderMoment;
  readonly areaName: string | null;
  /** The London day the job found it overdue. */
  readonly remindedOn: string;
  readonly shownAt: Date;
  readonly readAt: Date | null;
  readonly emailedAt: Date | null;
}

/** A reminder whose email is claimed: to whom it goes. */
export interface ReminderToEmail extends Reminder {
  readonly email: string;
  readonly userName: string;
}

/** Everything of `kind` overdue on `day` (YYYY-MM-DD) and not yet reminded of at its due date. */
export function overdueOn(sql: Db, kind: OverdueKind, day: string): Promise<Overdue[]> {
  switch (kind) {
    case 'outcome_review':
    case 'next_discussion':
      return overdueOutcomes(sql, kind, day);
    case 'next_step':
      return sql<Overdue[]>`
        select 'next_step' as kind, s.id as "thingId", s.due_on::text as "dueOn",
          coalesce(o.id, c.lead_adviser_id) as "userId", case when o.id is null then s.owner_name end as "insteadOf",
          s.action as subject, c.area_code as "areaCode", c.id as "caseId", null::integer as "packageId", null::integer as "panelMeetingId"
        from case_next_step s
        join improvement_case c on c.id = s.case_id and c.closure is null
        left join user_account o on o.id = s.owner_user_id and o.disabled_at is null
        where s.done_on is null and s.due_on < ${day}::date
          and not exists (select from reminder r where r.kind = 'next_step' and r.thing_id = s.id and r.due_on = s.due_on)
        order by s.due_on, s.id`;
    case 'milestone':
      return sql<Overdue[]>`
        select 'milestone' as kind, m.id as "thingId", m.due_on::text as "dueOn",
          coalesce(o.id, c.lead_adviser_id) as "userId", case when o.id is null then m.owner_name end as "insteadOf",
          m.title as subject, c.area_code as "areaCode", c.id as "caseId", p.id as "packageId", null::integer as "panelMeetingId"
        from package_milestone m
        join support_package p on p.id = m.package_id and p.status = 'active'
        join improvement_case c on c.id = p.case_id and c.closure is null
        left join user_account o on o.id = m.owner_user_id and o.disabled_at is null
        where m.met_on is null and m.due_on < ${day}::date
          and not exists (select from reminder r where r.kind = 'milestone' and r.thing_id = m.id and r.due_on = m.due_on)
        order by m.due_on, m.id`;
    case 'panel_action':
      // An action carried forward to a later meeting is reminded of there, as the new action; one
      // whose owner is not a user and that concerns no case has no one to tell.
      return sql<Overdue[]>`
        select 'panel_action' as kind, a.id as "thingId", a.due_on::text as "dueOn",
          coalesce(o.id, c.lead_adviser_id) as "userId", case when o.id is null then a.action_by end as "insteadOf",
          a.action as subject, c.area_code as "areaCode", c.id as "caseId", null::integer as "packageId", a.meeting_id as "panelMeetingId"
        from panel_action a
        left join panel_agenda_item i on i.id = a.agenda_item_id
        left join improvement_case c on c.id = i.case_id
        left join user_account o on o.id = a.owner_user_id and o.disabled_at is null
        where a.done_on is null and a.due_on < ${day}::date
          and coalesce(o.id, c.lead_adviser_id) is not null
          and not exists (select from panel_action later where later.carried_from = a.id)
          and not exists (select from reminder r where r.kind = 'panel_action' and r.thing_id = a.id and r.due_on = a.due_on)
        order by a.due_on, a.id`;
  }
}

/** Only the case's latest outcome counts, and only while the case is open; its lead adviser owns it. */
function overdueOutcomes(sql: Db, kind: 'outcome_review' | 'next_discussion', day: string): Promise<Overdue[]> {
  const due = sql.unsafe(kind === 'outcome_review' ? 'o.review_on' : 'o.next_discussion_on');
  const subject = sql.unsafe(kind === 'outcome_review' ? 'o.reason' : 'coalesce(o.difference_of_view, o.reason)');
  return sql<Overdue[]>`
    select ${kind}::text as kind, o.id as "thingId", ${due}::text as "dueOn",
      c.lead_adviser_id as "userId", null::text as "insteadOf",
      ${subject} as subject, c.area_code as "areaCode", c.id as "caseId", null::integer as "packageId", null::integer as "panelMeetingId"
    from improvement_case c
    join lateral (select * from case_outcome latest where latest.case_id = c.id order by latest.id desc limit 1) o on true
    where c.closure is null and ${due} < ${day}::date
      and not exists (select from reminder r where r.kind = ${kind} and r.thing_id = o.id and r.due_on = ${due})
    order by ${due}, o.id`;
}

/**
 * Records the reminders, each once: the ids of those made now, leaving out
 * any made already (by an earlier run or another server). One statement for
 * the lot, so that a day of thousands is one round trip.
 */
export async function recordReminders(sql: Db, overdue: readonly Overdue[], day: string): Promise<number[]> {
  if (overdue.length === 0) return [];
  const rows = await sql<{ id: number }[]>`
    insert into reminder (kind, thing_id, due_on, user_id, instead_of, subject, area_code, case_id, package_id, panel_meeting_id, reminded_on)
    select o.kind, o."thingId", o."dueOn", o."userId", o."insteadOf", o.subject, o."areaCode", o."caseId", o."packageId", o."panelMeetingId", ${day}::date
    from jsonb_to_recordset(${sql.json(overdue as never)}) as o(kind text, "thingId" integer, "dueOn" date, "userId" integer, "insteadOf" text,
      subject text, "areaCode" text, "caseId" integer, "packageId" integer, "panelMeetingId" integer)
    order by o."dueOn", o."thingId"
    on conflict (kind, thing_id, due_on) where peer_challenge_id is null do nothing
    returning id`;
  return rows.map((r) => r.id);
}

const SELECT = `r.id, r.kind, r.thing_id as "thingId", r.due_on::text as "dueOn", r.user_id as "userId", r.instead_of as "insteadOf",
  r.subject, r.area_code as "areaCode", a.name as "areaName", r.case_id as "caseId", r.package_id as "packageId",
  r.panel_meeting_id as "panelMeetingId", r.reminded_on::text as "remindedOn", r.shown_at as "shownAt", r.read_at as "readAt",
  r.emailed_at as "emailedAt", r.peer_challenge_id as "peerChallengeId", r.moment`;

export async function getReminder(sql: Db, id: number): Promise<Reminder | undefined> {
  const [row] = await sql<Reminder[]>`select ${sql.unsafe(SELECT)} from reminder r left join area a on a.code = r.area_code where r.id = ${id}`;
  return row;
}

/** A user's reminders: those not yet read first, each part the longest overdue first. */
export function remindersOf(sql: Db, userId: number, limit = 200): Promise<Reminder[]> {
  return sql<Reminder[]>`
    select ${sql.unsafe(SELECT)} from reminder r left join area a on a.code = r.area_code
    where r.user_id = ${userId}
    order by r.read_at is not null, r.due_on, r.id
    limit ${limit}`;
}

/** How many of a user's reminders they have not read: the home page's count. */
export async function unreadReminderCount(sql: Db, userId: number): Promise<number> {
  const [row] = await sql<{ n: number }[]>`select count(*)::int as n from reminder where user_id = ${userId} and read_at is null`;
  return row!.n;
}

/** Marks it read (the first reading stands): the reminder as it is now. */
export async function markReminderRead(sql: Db, id: number): Promise<Reminder | undefined> {
  await sql`update reminder set read_at = coalesce(read_at, now()) where id = ${id}`;
  return getReminder(sql, id);
}

/**
 * Claims the emails to try on `day`: reminders not yet emailed, nor read in
 * Lantern, nor tried today, nor tried `maxAttempts` times already. The claim
 * is the attempt: a run stopped after it sends nothing again until the next
 * day, so no run sends a reminder twice. A peer challenge's reminder is
 * emailed only while it still holds: its item not done, its challenge open
 * and its due date not moved since (a moved date has reminders of its own).
 */
export function claimEmails(sql: Db, day: string, maxAttempts: number): Promise<ReminderToEmail[]> {
  return sql<ReminderToEmail[]>`
    with claimed as (
      update reminder set email_tried_on = ${day}::date, email_attempts = email_attempts + 1
      where id in (
        select id from reminder
        where emailed_at is null and read_at is null and (email_tried_on is null or email_tried_on < ${day}::date) and email_attempts < ${maxAttempts}
          and user_id in (select u.id from user_account u where u.disabled_at is null)
          and (peer_challenge_id is null or exists (
            select from peer_challenge_due d join peer_challenge c on c.id = d.challenge_id
            where d.challenge_id = reminder.peer_challenge_id and 'peer_' || d.item = reminder.kind and d.due_on = reminder.due_on
              and c.stage <> 'closed' and ${sql.unsafe(DONE_ON)} is null))
        order by id for update skip locked)
      returning *)
    select ${sql.unsafe(SELECT)}, u.email, u.name as "userName"
    from claimed r join user_account u on u.id = r.user_id left join area a on a.code = r.area_code
    order by r.user_id, r.due_on, r.id`;
}

export async function markEmailed(sql: Db, ids: readonly number[]): Promise<void> {
  await sql`update reminder set emailed_at = now(), email_error = null where id = any(${ids as number[]}::integer[])`;
}

export async function markEmailFailed(sql: Db, ids: readonly number[], message: string): Promise<void> {
  await sql`update reminder set email_error = ${message.slice(0, 2000)} where id = any(${ids as number[]}::integer[])`;
}
