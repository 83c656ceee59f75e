// Improvement cases as kept: the case itself (at most one open a council, by
// the table's unique index), the flags and items it cites, its meetings,
// notes, next steps, outcomes (append-only: the latest is current) and
// events. What the access policy needs of a case (holder, lead adviser,
// council, current shares) comes with every row, as it does for items.
import type { ClosureEvidence, Closure, EventKind, LightTouch, OpenedFrom, Outcome, Stage, Strand } from '../domain/improvement/index.ts';
import type { Classification } from '../domain/access/index.ts';
import type { Db } from './store.ts';

export interface Liaison {
  readonly name: string;
  readonly role: string;
}

export interface ImprovementCase {
  readonly id: number;
  readonly areaCode: string;
  readonly areaName: string;
  readonly strands: readonly Strand[];
  readonly openedFrom: OpenedFrom;
  readonly councilRequest: string | null;
  readonly stage: Stage;
  readonly leadAdviserId: number;
  readonly leadAdviserName: string;
  readonly ownerOrganisationId: number;
  readonly ownerOrganisationName: string;
  readonly liaisedWith: readonly Liaison[];
  readonly summary: string;
  readonly closure: Closure | null;
  readonly closureReason: string | null;
  readonly closureEvidence: readonly ClosureEvidence[];
  readonly closedOn: string | null;
  readonly revision: number;
  readonly openedBy: string;
  readonly openedAt: Date;
  readonly updatedBy: string;
  readonly updatedAt: Date;
  readonly evidenceCount: number;
  readonly sharedWithOrganisations: readonly number[];
  readonly sharedWithUsers: readonly number[];
}

const SHARED = (column: string) => `coalesce((select array_agg(s.${column} order by s.${column}) from share s
    where s.record_kind = 'improvement_case' and s.record_id = c.id::text and s.revoked_at is null and s.${column} is not null), '{}')`;
const SELECT = `c.id, c.area_code as "areaCode", a.name as "areaName", c.strands, c.opened_from as "openedFrom", c.council_request as "councilRequest",
  c.stage, c.lead_adviser_id as "leadAdviserId", u.name as "leadAdviserName", c.owner_organisation_id as "ownerOrganisationId",
  o.name as "ownerOrganisationName", c.liaised_with as "liaisedWith", c.summary, c.closure, c.closure_reason as "closureReason",
  c.closure_evidence as "closureEvidence", to_char(c.closed_on, 'YYYY-MM-DD') as "closedOn", c.revision, c.opened_by as "openedBy",
  c.opened_at as "openedAt", c.updated_by as "updatedBy", c.updated_at as "updatedAt",
  (select count(*)::int from case_evidence e where e.case_id = c.id) as "evidenceCount",
  ${SHARED('with_organisation_id')} as "sharedWithOrganisations", ${SHARED('with_user_id')} as "sharedWithUsers"`;
const FROM = `improvement_case c join area a on a.code = c.area_code join user_account u on u.id = c.lead_adviser_id join organisation o on o.id = c.owner_organisation_id`;

export interface CaseDraft {
  readonly areaCode: string;
  readonly strands: readonly Strand[];
  readonly openedFrom: OpenedFrom;
  readonly councilRequest: string | null;
  readonly leadAdviserId: number;
  readonly ownerOrganisationId: number;
  readonly liaisedWith: readonly Liaison[];
  readonly summary: string;
}

export async function createCase(sql: Db, draft: CaseDraft, by: string): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    insert into improvement_case (area_code, strands, opened_from, council_request, lead_adviser_id, owner_organisation_id, liaised_with, summary, opened_by, updated_by)
    values (${draft.areaCode}, ${draft.strands as string[]}, ${draft.openedFrom}, ${draft.councilRequest}, ${draft.leadAdviserId}, ${draft.ownerOrganisationId},
      ${sql.json(draft.liaisedWith as never)}, ${draft.summary}, ${by}, ${by})
    returning id`;
  return row!.id;
}

export async function getCase(sql: Db, id: number): Promise<ImprovementCase | undefined> {
  const [row] = await sql.unsafe<ImprovementCase[]>(`select ${SELECT} from ${FROM} where c.id = $1`, [id]);
  return row;
}

/** The council's open case, if it has one: the single conversation. */
export async function openCaseOf(sql: Db, areaCode: string): Promise<ImprovementCase | undefined> {
  const [row] = await sql.unsafe<ImprovementCase[]>(`select ${SELECT} from ${FROM} where c.area_code = $1 and c.closure is null`, [areaCode]);
  return row;
}

/** Every case about a council, newest first. */
export function casesOfArea(sql: Db, areaCode: string): Promise<ImprovementCase[]> {
  return sql.unsafe<ImprovementCase[]>(`select ${SELECT} from ${FROM} where c.area_code = $1 order by c.opened_at desc, c.id desc`, [areaCode]);
}

/** Cases, open first and newest first, a page at a time. */
export function listCases(sql: Db, paging: { limit: number; offset: number }): Promise<ImprovementCase[]> {
  return sql.unsafe<ImprovementCase[]>(`select ${SELECT} from ${FROM} order by (c.closure is null) desc, c.opened_at desc, c.id desc limit $1 offset $2`, [paging.limit, paging.offset]);
}

export interface CaseChange {
  readonly strands?: readonly Strand[] | undefined;
  readonly summary?: string | undefined;
  readonly liaisedWith?: readonly Liaison[] | undefined;
  readonly leadAdviserId?: number | undefined;
  readonly stage?: Stage | undefined;
}

/** Changes what is given and counts the change, so that an edit from an older reading is refused. */
export async function updateCase(sql: Db, id: number, change: CaseChange, by: string): Promise<void> {
  await sql`
    update improvement_case set
      strands = coalesce(${(change.strands as string[] | undefined) ?? null}::text[], strands),
      summary = coalesce(${change.summary ?? null}, summary),
      liaised_with = coalesce(${change.liaisedWith ? sql.json(change.liaisedWith as never) : null}::jsonb, liaised_with),
      lead_adviser_id = coalesce(${change.leadAdviserId ?? null}::int, lead_adviser_id),
      stage = coalesce(${change.stage ?? null}, stage),
      revision = revision + 1, updated_by = ${by}, updated_at = now()
    where id = ${id}`;
}

export async function closeCaseRow(sql: Db, id: number, closing: { closure: Closure; reason: string; evidence: readonly ClosureEvidence[]; closedOn: string }, by: string): Promise<void> {
  await sql`
    update improvement_case set stage = 'closed', closure = ${closing.closure}, closure_reason = ${closing.reason},
      closure_evidence = ${sql.json(closing.evidence as never)}, closed_on = ${closing.closedOn},
      revision = revision + 1, updated_by = ${by}, updated_at = now()
    where id = ${id}`;
}

// ---- evidence --------------------------------------------------------------

export interface CitedFlag {
  readonly id: number;
  readonly areaCode: string;
  readonly rule: string;
  readonly metric: string | null;
  readonly period: string | null;
  readonly sentence: string;
  readonly raisedAt: Date;
  readonly clearedAt: Date | null;
}

export interface CitedItem {
  readonly id: number;
  readonly areaCode: string;
  readonly title: string;
  readonly classification: Classification;
  readonly evidenceCount: number;
  readonly authorId: number;
  readonly ownerOrganisationId: number;
  readonly sharedWithOrganisations: readonly number[];
  readonly sharedWithUsers: readonly number[];
}

export function flagsById(sql: Db, ids: readonly number[]): Promise<CitedFlag[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return sql<CitedFlag[]>`
    select id::int as id, area_code as "areaCode", rule, metric_code as metric, period, sentence, raised_at as "raisedAt", cleared_at as "clearedAt"
    from flag where id = any(${ids as number[]}::bigint[]) order by id`;
}

const ITEM_SHARED = (column: string) => `coalesce((select array_agg(s.${column}) from share s
    where s.record_kind = 'intelligence_item' and s.record_id = i.id::text and s.revoked_at is null and s.${column} is not null), '{}')`;

export function itemsById(sql: Db, ids: readonly number[]): Promise<CitedItem[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return sql.unsafe<CitedItem[]>(
    `select i.id, i.subject_area as "areaCode", i.title, i.classification, jsonb_array_length(i.evidence) as "evidenceCount", i.author_id as "authorId",
      i.owner_organisation_id as "ownerOrganisationId", ${ITEM_SHARED('with_organisation_id')} as "sharedWithOrganisations", ${ITEM_SHARED('with_user_id')} as "sharedWithUsers"
     from intelligence_item i where i.id = any($1::int[]) order by i.id`,
    [ids as number[]],
  );
}

export async function citeEvidence(sql: Db, caseId: number, cited: { flags: readonly number[]; items: readonly number[] }, by: string): Promise<void> {
  for (const flagId of cited.flags) {
    await sql`insert into case_evidence (case_id, flag_id, cited_by) values (${caseId}, ${flagId}, ${by}) on conflict do nothing`;
  }
  for (const itemId of cited.items) {
    await sql`insert into case_evidence (case_id, intelligence_item_id, cited_by) values (${caseId}, ${itemId}, ${by}) on conflict do nothing`;
  }
}

/** The flags and items a case cites. */
export async function evidenceOf(sql: Db, caseId: number): Promise<{ flags: CitedFlag[]; items: CitedItem[] }> {
  const rows = await sql<{ flagId: number | null; itemId: number | null }[]>`
    select flag_id::int as "flagId", intelligence_item_id as "itemId" from case_evidence where case_id = ${caseId} order by id`;
  const [flags, items] = await Promise.all([
    flagsById(
      sql,
      rows.flatMap((r) => (r.flagId === null ? [] : [r.flagId])),
    ),
    itemsById(
      sql,
      rows.flatMap((r) => (r.itemId === null ? [] : [r.itemId])),
    ),
  ]);
  return { flags, items };
}

/** The case's support packages, for the council's page and the case page: objectives and status. */
export function packagesOfCase(sql: Db, caseId: number): Promise<{ id: number; objectives: string[]; status: string; agreedOn: string }[]> {
  return sql`select id, objectives, status, to_char(agreed_on, 'YYYY-MM-DD') as "agreedOn" from support_package where case_id = ${caseId} order by id`;
}

// ---- the conversation: meetings, notes, next steps -------------------------

export interface Attendee {
  readonly name: string;
  readonly role: string;
  readonly organisation: string;
}

export interface CaseMeeting {
  readonly id: number;
  readonly caseId: number;
  readonly heldOn: string;
  readonly attendees: readonly Attendee[];
  readonly chiefExecutiveLevel: boolean;
  readonly recordedBy: string;
  readonly recordedAt: Date;
}

export async function createMeeting(sql: Db, caseId: number, meeting: { heldOn: string; attendees: readonly Attendee[]; chiefExecutiveLevel: boolean }, by: string): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    insert into case_meeting (case_id, held_on, attendees, chief_executive_level, recorded_by)
    values (${caseId}, ${meeting.heldOn}, ${sql.json(meeting.attendees as never)}, ${meeting.chiefExecutiveLevel}, ${by}) returning id`;
  return row!.id;
}

export function meetingsOf(sql: Db, caseId: number): Promise<CaseMeeting[]> {
  return sql<CaseMeeting[]>`
    select id, case_id as "caseId", to_char(held_on, 'YYYY-MM-DD') as "heldOn", attendees, chief_executive_level as "chiefExecutiveLevel",
      recorded_by as "recordedBy", recorded_at as "recordedAt"
    from case_meeting where case_id = ${caseId} order by held_on, id`;
}

export interface CaseNote {
  readonly id: number;
  readonly caseId: number;
  readonly meetingId: number | null;
  readonly classification: 'restricted' | 'confidential';
  readonly body: string;
  readonly authorId: number;
  readonly authorName: string;
  readonly readers: readonly number[];
  readonly readerNames: readonly string[];
  readonly writtenAt: Date;
}

export async function createNote(
  sql: Db,
  note: { caseId: number; meetingId: number | null; classification: 'restricted' | 'confidential'; body: string; authorId: number; readers: readonly number[] },
): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    insert into case_note (case_id, meeting_id, classification, body, author_id, readers)
    values (${note.caseId}, ${note.meetingId}, ${note.classification}, ${note.body}, ${note.authorId}, ${note.readers as number[]}) returning id`;
  return row!.id;
}

export function notesOf(sql: Db, caseId: number): Promise<CaseNote[]> {
  return sql<CaseNote[]>`
    select n.id, n.case_id as "caseId", n.meeting_id as "meetingId", n.classification, n.body, n.author_id as "authorId", u.name as "authorName", n.readers,
      coalesce((select array_agg(r.name order by r.name) from user_account r where r.id = any(n.readers)), '{}') as "readerNames", n.written_at as "writtenAt"
    from case_note n join user_account u on u.id = n.author_id where n.case_id = ${caseId} order by n.written_at, n.id`;
}

export interface NextStep {
  readonly id: number;
  readonly caseId: number;
  readonly meetingId: number | null;
  readonly action: string;
  readonly ownerName: string;
  readonly ownerUserId: number | null;
  readonly dueOn: string;
  readonly doneOn: string | null;
}

const STEP = `id, case_id as "caseId", meeting_id as "meetingId", action, owner_name as "ownerName", owner_user_id as "ownerUserId",
  to_char(due_on, 'YYYY-MM-DD') as "dueOn", to_char(done_on, 'YYYY-MM-DD') as "doneOn"`;

export async function createStep(sql: Db, step: Omit<NextStep, 'id' | 'doneOn'>, by: string): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    insert into case_next_step (case_id, meeting_id, action, owner_name, owner_user_id, due_on, created_by)
    values (${step.caseId}, ${step.meetingId}, ${step.action}, ${step.ownerName}, ${step.ownerUserId}, ${step.dueOn}, ${by}) returning id`;
  return row!.id;
}

export async function getStep(sql: Db, id: number): Promise<NextStep | undefined> {
  const [row] = await sql.unsafe<NextStep[]>(`select ${STEP} from case_next_step where id = $1`, [id]);
  return row;
}

export function stepsOf(sql: Db, caseId: number): Promise<NextStep[]> {
  return sql.unsafe<NextStep[]>(`select ${STEP} from case_next_step where case_id = $1 order by due_on, id`, [caseId]);
}

export async function markStep(sql: Db, id: number, doneOn: string): Promise<void> {
  await sql`update case_next_step set done_on = ${doneOn} where id = ${id}`;
}

/** Whether a meeting belongs to the case. */
export async function meetingOfCase(sql: Db, caseId: number, meetingId: number): Promise<boolean> {
  const [row] = await sql`select 1 from case_meeting where id = ${meetingId} and case_id = ${caseId}`;
  return row !== undefined;
}

// ---- outcomes and events ---------------------------------------------------

export interface CaseOutcome {
  readonly id: number;
  readonly caseId: number;
  readonly outcome: Outcome;
  readonly reason: string;
  readonly correction: string | null;
  readonly reviewOn: string | null;
  readonly lightTouch: LightTouch | null;
  readonly differenceOfView: string | null;
  readonly nextDiscussionOn: string | null;
  readonly councilView: string | null;
  readonly decidedOn: string;
  readonly recordedBy: string;
  readonly recordedAt: Date;
}

export type OutcomeDraft = Omit<CaseOutcome, 'id' | 'caseId' | 'recordedBy' | 'recordedAt'>;

export async function createOutcome(sql: Db, caseId: number, o: OutcomeDraft, by: string): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    insert into case_outcome (case_id, outcome, reason, correction, review_on, light_touch, difference_of_view, next_discussion_on, council_view, decided_on, recorded_by)
    values (${caseId}, ${o.outcome}, ${o.reason}, ${o.correction}, ${o.reviewOn}, ${o.lightTouch}, ${o.differenceOfView}, ${o.nextDiscussionOn}, ${o.councilView}, ${o.decidedOn}, ${by})
    returning id`;
  return row!.id;
}

/** Every outcome of the case, newest first: the first is current. */
export function outcomesOf(sql: Db, caseId: number): Promise<CaseOutcome[]> {
  return sql<CaseOutcome[]>`
    select id, case_id as "caseId", outcome, reason, correction, to_char(review_on, 'YYYY-MM-DD') as "reviewOn", light_touch as "lightTouch",
      difference_of_view as "differenceOfView", to_char(next_discussion_on, 'YYYY-MM-DD') as "nextDiscussionOn", council_view as "councilView",
      to_char(decided_on, 'YYYY-MM-DD') as "decidedOn", recorded_by as "recordedBy", recorded_at as "recordedAt"
    from case_outcome where case_id = ${caseId} order by id desc`;
}

export interface CaseEvent {
  readonly id: number;
  readonly caseId: number;
  readonly kind: EventKind;
  readonly description: string;
  readonly startsOn: string;
  readonly endsOn: string | null;
  readonly renewsEventId: number | null;
  readonly recordedBy: string;
}

const EVENT = `id, case_id as "caseId", kind, description, to_char(starts_on, 'YYYY-MM-DD') as "startsOn", to_char(ends_on, 'YYYY-MM-DD') as "endsOn",
  renews_event_id as "renewsEventId", recorded_by as "recordedBy"`;

export async function createEvent(sql: Db, event: Omit<CaseEvent, 'id' | 'recordedBy'>, by: string): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    insert into case_event (case_id, kind, description, starts_on, ends_on, renews_event_id, recorded_by)
    values (${event.caseId}, ${event.kind}, ${event.description}, ${event.startsOn}, ${event.endsOn}, ${event.renewsEventId}, ${by}) returning id`;
  return row!.id;
}

export async function getEvent(sql: Db, id: number): Promise<CaseEvent | undefined> {
  const [row] = await sql.unsafe<CaseEvent[]>(`select ${EVENT} from case_event where id = $1`, [id]);
  return row;
}

export function eventsOf(sql: Db, caseId: number): Promise<CaseEvent[]> {
  return sql.unsafe<CaseEvent[]>(`select ${EVENT} from case_event where case_id = $1 order by starts_on, id`, [caseId]);
}
