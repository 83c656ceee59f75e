// What has happened about one council, read for its timeline: its flags
// (raised, and cleared where they were; the newest of them, with how many
// there are), its improvement cases with their
// outcomes and events, and the Panel's decisions on agenda items about its
// cases. One query per kind, however long the council's history; each row
// carries what the access policy needs (holder, lead adviser, current
// shares), and the caller passes every row through the policy before any of
// it is shown. Intelligence items and shares are read by their own
// repositories.
import type { Db } from './store.ts';

export interface TimelineFlag {
  readonly id: number;
  readonly rule: string;
  readonly metric: string | null;
  readonly metricTitle: string | null;
  readonly sentence: string;
  readonly raisedAt: Date;
  readonly clearedAt: Date | null;
}

/** The council's flags that say the most recent things, and how many things its flags say in all. */
export interface FlagHistory {
  readonly flags: readonly TimelineFlag[];
  /** Every raising and every clearing, of every flag about the council. */
  readonly events: number;
}

/**
 * The `newest` flags whose last event (raised, or cleared) is latest: among
 * them are the flags of the newest `newest` events, since each flag with an
 * event among those has its last event no earlier. All of a council's flags
 * are open to the same readers, so a page of the timeline needs no more.
 */
export async function flagHistoryOf(sql: Db, area: string, newest: number): Promise<FlagHistory> {
  const rows = await sql<(TimelineFlag & { events: number })[]>`
    select f.id::int as id, f.rule, f.metric_code as metric, m.title as "metricTitle", f.sentence, f.raised_at as "raisedAt", f.cleared_at as "clearedAt",
      (count(*) over () + count(f.cleared_at) over ())::int as events
    from flag f left join metric m on m.code = f.metric_code
    where f.area_code = ${area}
    order by coalesce(f.cleared_at, f.raised_at) desc, f.id desc
    limit ${newest}`;
  const flags = rows.map((r) => ({ id: r.id, rule: r.rule, metric: r.metric, metricTitle: r.metricTitle, sentence: r.sentence, raisedAt: r.raisedAt, clearedAt: r.clearedAt }));
  return { flags, events: rows[0]?.events ?? 0 };
}

/** What the policy reads of a case, and what a timeline says of it. */
export interface TimelineCase {
  readonly id: number;
  readonly strands: readonly string[];
  readonly openedFrom: string;
  readonly leadAdviserId: number;
  readonly ownerOrganisationId: number;
  readonly openedAt: Date;
  readonly closure: string | null;
  readonly closureReason: string | null;
  readonly closedOn: Date | null;
  readonly sharedWithOrganisations: readonly number[];
  readonly sharedWithUsers: readonly number[];
}

/** Every improvement case about the council, with whom it is shared now (a referral to the Panel, a region or a department). */
export function casesAbout(sql: Db, area: string): Promise<TimelineCase[]> {
  return sql<TimelineCase[]>`
    select c.id, c.strands, c.opened_from as "openedFrom", c.lead_adviser_id as "leadAdviserId", c.owner_organisation_id as "ownerOrganisationId",
      c.opened_at as "openedAt", c.closure, c.closure_reason as "closureReason", c.closed_on::timestamptz as "closedOn",
      coalesce((select array_agg(s.with_organisation_id order by s.with_organisation_id) from share s
        where s.record_kind = 'improvement_case' and s.record_id = c.id::text and s.revoked_at is null and s.with_organisation_id is not null), '{}') as "sharedWithOrganisations",
      coalesce((select array_agg(s.with_user_id order by s.with_user_id) from share s
        where s.record_kind = 'improvement_case' and s.record_id = c.id::text and s.revoked_at is null and s.with_user_id is not null), '{}') as "sharedWithUsers"
    from improvement_case c
    where c.area_code = ${area}
    order by c.opened_at desc, c.id desc`;
}

export interface TimelineOutcome {
  readonly id: number;
  readonly caseId: number;
  readonly outcome: string;
  readonly reason: string;
  readonly decidedOn: Date;
}

/** Every outcome recorded on the council's cases, the superseded ones too: each was agreed once. */
export function outcomesAbout(sql: Db, area: string): Promise<TimelineOutcome[]> {
  return sql<TimelineOutcome[]>`
    select o.id, o.case_id as "caseId", o.outcome, o.reason, o.decided_on::timestamptz as "decidedOn"
    from case_outcome o join improvement_case c on c.id = o.case_id
    where c.area_code = ${area}
    order by o.decided_on desc, o.id desc`;
}

export interface TimelineEvent {
  readonly id: number;
  readonly caseId: number;
  readonly kind: string;
  readonly description: string;
  readonly startsOn: Date;
  readonly endsOn: Date | null;
  readonly renews: boolean;
}

/** Statutory action on the council's cases: Best Value Notices (and their renewals), inspections, interventions. */
export function eventsAbout(sql: Db, area: string): Promise<TimelineEvent[]> {
  return sql<TimelineEvent[]>`
    select e.id, e.case_id as "caseId", e.kind, e.description, e.starts_on::timestamptz as "startsOn", e.ends_on::timestamptz as "endsOn",
      e.renews_event_id is not null as renews
    from case_event e join improvement_case c on c.id = e.case_id
    where c.area_code = ${area}
    order by e.starts_on desc, e.id desc`;
}

export interface TimelineDecision {
  readonly id: number;
  readonly meetingId: number;
  readonly meetingTitle: string;
  readonly ownerOrganisationId: number;
  readonly caseId: number;
  readonly agendaTitle: string;
  readonly confidential: boolean;
  readonly decision: string;
  readonly recordedAt: Date;
}

/** The Panel's decisions on agenda items about the council's cases. */
export function panelDecisionsAbout(sql: Db, area: string): Promise<TimelineDecision[]> {
  return sql<TimelineDecision[]>`
    select d.id, m.id as "meetingId", m.title as "meetingTitle", m.owner_organisation_id as "ownerOrganisationId", c.id as "caseId",
      i.title as "agendaTitle", i.confidential, d.decision, d.recorded_at as "recordedAt"
    from panel_decision d
      join panel_agenda_item i on i.id = d.agenda_item_id
      join panel_meeting m on m.id = d.meeting_id
      join improvement_case c on c.id = i.case_id
    where c.area_code = ${area}
    order by d.recorded_at desc, d.id desc`;
}
