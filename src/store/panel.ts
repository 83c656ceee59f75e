// The Performance Support Panel as kept: its meetings, each meeting's agenda
// (drafted from the cases or added by hand; an item may be confidential,
// taken in private), its decisions (append-only: a later decision
// supersedes) and its action monitor ("Action by", progress, done; an action
// carried to the next meeting names the one it carries).
import type { AgendaDraftItem, AgendaKind, MonitoredAction } from '../domain/support/index.ts';
import type { Db } from './store.ts';

export interface PanelMeeting {
  readonly id: number;
  readonly ownerOrganisationId: number;
  readonly heldOn: string;
  readonly title: string;
  readonly createdBy: string;
}

export interface AgendaItem {
  readonly id: number;
  readonly meetingId: number;
  readonly position: number;
  readonly kind: AgendaKind;
  readonly caseId: number | null;
  readonly title: string;
  readonly confidential: boolean;
}

export interface PanelDecision {
  readonly id: number;
  readonly meetingId: number;
  readonly agendaItemId: number | null;
  readonly decision: string;
  readonly recordedBy: string;
  readonly recordedAt: Date;
}

export interface PanelAction extends MonitoredAction {
  readonly meetingId: number;
  readonly agendaItemId: number | null;
}

const MEETING = `id, owner_organisation_id as "ownerOrganisationId", to_char(held_on, 'YYYY-MM-DD') as "heldOn", title, created_by as "createdBy"`;
const ITEM = `id, meeting_id as "meetingId", position, kind, case_id as "caseId", title, confidential`;
const DECISION = `id, meeting_id as "meetingId", agenda_item_id as "agendaItemId", decision, recorded_by as "recordedBy", recorded_at as "recordedAt"`;
const ACTION = `id, meeting_id as "meetingId", agenda_item_id as "agendaItemId", action, action_by as "actionBy", owner_user_id as "ownerUserId",
  to_char(due_on, 'YYYY-MM-DD') as "dueOn", progress, to_char(done_on, 'YYYY-MM-DD') as "doneOn", carried_from as "carriedFrom"`;

export async function createMeeting(sql: Db, meeting: { ownerOrganisationId: number; heldOn: string; title: string }, by: string): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    insert into panel_meeting (owner_organisation_id, held_on, title, created_by) values (${meeting.ownerOrganisationId}, ${meeting.heldOn}, ${meeting.title}, ${by}) returning id`;
  return row!.id;
}

export async function getMeeting(sql: Db, id: number): Promise<PanelMeeting | undefined> {
  const [row] = await sql<PanelMeeting[]>`select ${sql.unsafe(MEETING)} from panel_meeting where id = ${id}`;
  return row;
}

/** The meetings, the latest first. */
export function listMeetings(sql: Db, paging: { limit: number; offset: number } = { limit: 100, offset: 0 }): Promise<PanelMeeting[]> {
  return sql<PanelMeeting[]>`select ${sql.unsafe(MEETING)} from panel_meeting order by held_on desc, id desc limit ${paging.limit} offset ${paging.offset}`;
}

/** The meeting held by the same body before this one, if any: its actions are carried to this one. */
export async function meetingBefore(sql: Db, meeting: PanelMeeting): Promise<PanelMeeting | undefined> {
  const [row] = await sql<PanelMeeting[]>`
    select ${sql.unsafe(MEETING)} from panel_meeting
    where owner_organisation_id = ${meeting.ownerOrganisationId} and (held_on, id) < (${meeting.heldOn}::date, ${meeting.id})
    order by held_on desc, id desc limit 1`;
  return row;
}

export function agendaOf(sql: Db, meetingId: number): Promise<AgendaItem[]> {
  return sql<AgendaItem[]>`select ${sql.unsafe(ITEM)} from panel_agenda_item where meeting_id = ${meetingId} order by position`;
}

/** Adds items after the last one; returns their ids in order. */
export async function appendAgenda(sql: Db, meetingId: number, items: readonly AgendaDraftItem[]): Promise<number[]> {
  if (items.length === 0) return [];
  // One meeting's agenda is numbered by one writer at a time.
  await sql`select id from panel_meeting where id = ${meetingId} for update`;
  const [last] = await sql<{ position: number }[]>`select coalesce(max(position), 0) as position from panel_agenda_item where meeting_id = ${meetingId}`;
  const rows = await sql<{ id: number }[]>`insert into panel_agenda_item ${sql(
    items.map((item, i) => ({ meeting_id: meetingId, position: last!.position + i + 1, kind: item.kind, case_id: item.caseId, title: item.title, confidential: item.confidential })),
  )} returning id`;
  return rows.map((r) => r.id);
}

export function decisionsOf(sql: Db, meetingId: number): Promise<PanelDecision[]> {
  return sql<PanelDecision[]>`select ${sql.unsafe(DECISION)} from panel_decision where meeting_id = ${meetingId} order by id`;
}

/** The decisions the Panel made about a case, every meeting, with whether the item was taken in private. */
export function decisionsAboutCase(sql: Db, caseId: number): Promise<(PanelDecision & { heldOn: string; confidential: boolean; ownerOrganisationId: number })[]> {
  return sql`
    select d.id, d.meeting_id as "meetingId", d.agenda_item_id as "agendaItemId", d.decision, d.recorded_by as "recordedBy", d.recorded_at as "recordedAt",
      to_char(m.held_on, 'YYYY-MM-DD') as "heldOn", i.confidential, m.owner_organisation_id as "ownerOrganisationId"
    from panel_decision d join panel_agenda_item i on i.id = d.agenda_item_id join panel_meeting m on m.id = d.meeting_id
    where i.case_id = ${caseId} order by m.held_on, d.id`;
}

export async function createDecision(sql: Db, meetingId: number, agendaItemId: number | null, decision: string, by: string): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    insert into panel_decision (meeting_id, agenda_item_id, decision, recorded_by) values (${meetingId}, ${agendaItemId}, ${decision}, ${by}) returning id`;
  return row!.id;
}

export function actionsOf(sql: Db, meetingId: number): Promise<PanelAction[]> {
  return sql<PanelAction[]>`select ${sql.unsafe(ACTION)} from panel_action where meeting_id = ${meetingId} order by id`;
}

export async function getAction(sql: Db, id: number): Promise<PanelAction | undefined> {
  const [row] = await sql<PanelAction[]>`select ${sql.unsafe(ACTION)} from panel_action where id = ${id}`;
  return row;
}

export interface ActionDraft {
  readonly agendaItemId: number | null;
  readonly action: string;
  readonly actionBy: string;
  readonly ownerUserId: number | null;
  readonly dueOn: string;
  readonly progress: string | null;
  readonly carriedFrom: number | null;
}

export async function createActions(sql: Db, meetingId: number, actions: readonly ActionDraft[]): Promise<number[]> {
  if (actions.length === 0) return [];
  const rows = await sql<{ id: number }[]>`insert into panel_action ${sql(
    actions.map((a) => ({
      meeting_id: meetingId,
      agenda_item_id: a.agendaItemId,
      action: a.action,
      action_by: a.actionBy,
      owner_user_id: a.ownerUserId,
      due_on: a.dueOn,
      progress: a.progress,
      carried_from: a.carriedFrom,
    })),
  )} returning id`;
  return rows.map((r) => r.id);
}

/** The ids of a meeting's actions already carried to any later meeting. */
export async function carriedAlready(sql: Db, actionIds: readonly number[]): Promise<Set<number>> {
  const rows = await sql<{ carriedFrom: number }[]>`select carried_from as "carriedFrom" from panel_action where carried_from = any(${actionIds as number[]})`;
  return new Set(rows.map((r) => r.carriedFrom));
}

export async function updateProgress(sql: Db, id: number, progress: string, doneOn: string | null): Promise<void> {
  await sql`update panel_action set progress = ${progress}, done_on = ${doneOn} where id = ${id}`;
}
