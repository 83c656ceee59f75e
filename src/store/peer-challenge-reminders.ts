// Peer challenge reminders as kept (migrations 038 and 043): the due items of
// open challenges whose due date falls in a run's window, each with the
// people who might be told (the challenge's manager and the users of the
// council's own organisation, enabled), for the job to decide on by the
// domain's moments and the access policy; and the reminders made, each once
// (the unique key on challenge, kind, due date, moment and person).
import type { ChallengeKind, DueItem } from '../domain/peer-challenge/index.ts';
import type { PeerChallengeReminderKind, ReminderMoment } from '../domain/reminders/index.ts';
import type { Role } from '../domain/access/index.ts';
import { DONE_ON } from './peer-challenges.ts';
import type { Db } from './store.ts';

/** A due item not yet done, of an open challenge, and one person who might be told of it. */
export interface ItemDueFor {
  readonly challengeId: number;
  readonly item: DueItem;
  /** YYYY-MM-DD. */
  readonly dueOn: string;
  readonly challengeKind: ChallengeKind;
  readonly areaCode: string;
  readonly councilName: string;
  /** The week on site, YYYY-MM-DD both ends. */
  readonly onSiteFrom: string;
  readonly onSiteTo: string;
  readonly managedBy: number | null;
  /** The organisation of the manager, which holds the challenge. */
  readonly ownerOrganisationId: number | null;
  readonly userId: number;
  readonly role: Role;
  readonly organisationId: number;
  /** The user's council, when their organisation is one. */
  readonly councilArea: string | null;
}

/** What the job made of an item due: a reminder to one person. */
export interface PeerChallengeReminder {
  readonly kind: PeerChallengeReminderKind;
  readonly challengeId: number;
  readonly dueOn: string;
  readonly moment: Extract<ReminderMoment, 'fortnight_before' | 'on_the_day'>;
  readonly userId: number;
  readonly subject: string;
  readonly areaCode: string;
}

/**
 * Every item due from `from` to `to` (inclusive) and not done, of a challenge
 * not closed, once per person who might be told: its manager and the enabled
 * users of the council's organisation.
 */
export function itemsDueBetween(sql: Db, from: string, to: string): Promise<ItemDueFor[]> {
  return sql<ItemDueFor[]>`
    select d.challenge_id as "challengeId", d.item, d.due_on::text as "dueOn", c.kind as "challengeKind", c.area_code as "areaCode", a.name as "councilName",
      lower(c.on_site)::text as "onSiteFrom", (upper(c.on_site) - 1)::text as "onSiteTo", c.managed_by as "managedBy",
      (select m.organisation_id from user_account m where m.id = c.managed_by) as "ownerOrganisationId",
      u.id as "userId", u.role, u.organisation_id as "organisationId", case when o.kind = 'council' then o.area_code end as "councilArea"
    from peer_challenge_due d
    join peer_challenge c on c.id = d.challenge_id and c.stage <> 'closed' and c.on_site is not null
    join area a on a.code = c.area_code
    join user_account u on u.disabled_at is null
      and (u.id = c.managed_by or u.organisation_id in (select m.id from organisation m where m.kind = 'council' and m.area_code = c.area_code))
    join organisation o on o.id = u.organisation_id
    where d.due_on between ${from}::date and ${to}::date and ${sql.unsafe(DONE_ON)} is null
    order by d.due_on, d.challenge_id, d.item, u.id`;
}

/**
 * Records the reminders, each once: the ids of those made now, leaving out
 * any made already (by an earlier run, a retry or another server). One
 * statement for the lot.
 */
export async function recordPeerChallengeReminders(sql: Db, reminders: readonly PeerChallengeReminder[], day: string): Promise<number[]> {
  if (reminders.length === 0) return [];
  const rows = await sql<{ id: number }[]>`
    insert into reminder (kind, thing_id, peer_challenge_id, moment, due_on, user_id, subject, area_code, reminded_on)
    select r.kind, r."challengeId", r."challengeId", r.moment, r."dueOn", r."userId", r.subject, r."areaCode", ${day}::date
    from jsonb_to_recordset(${sql.json(reminders as never)}) as r(kind text, "challengeId" integer, moment text, "dueOn" date, "userId" integer, subject text, "areaCode" text)
    order by r."dueOn", r."challengeId", r."userId"
    on conflict (peer_challenge_id, kind, due_on, moment, user_id) where peer_challenge_id is not null do nothing
    returning id`;
  return rows.map((r) => r.id);
}
