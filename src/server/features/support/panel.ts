// The Performance Support Panel, each use-case once: its meetings held by the
// sector body; an agenda drafted from the cases (or an item added by hand);
// decisions, never changed (a later one supersedes); and the action monitor,
// "Action by" and progress, an action not done carried to the next meeting.
// The Panel and the advisers read and change a meeting; an item taken in
// private is read only by those the policy opens it to, each read audited,
// and so are its decisions and actions.
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import { carriedActions, draftAgenda as draftItems, type AgendaDraftItem, type PackageOnCase } from '../../../domain/support/index.ts';
import {
  actionsOf,
  agendaOf,
  appendAgenda,
  carriedAlready,
  createActions,
  createDecision,
  createMeeting,
  decisionsOf,
  getAction,
  getMeeting,
  listMeetings,
  meetingBefore,
  updateProgress,
  type AgendaItem,
  type PanelAction,
  type PanelDecision,
  type PanelMeeting,
} from '../../../store/panel.ts';
import type { Sql } from '../../../store/store.ts';
import { activePackages, casesHeld, type CaseHeld } from '../../../store/support-packages.ts';
import { findRecord } from '../../platform/access/find-record.ts';
import { notSeen, type RequestAccess } from '../../platform/access/index.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { pathId } from '../../platform/http/request-body.ts';
import { actionBody, agendaBody, decisionBody, meetingBody, progressBody } from './api-inputs.ts';
import { packageOnCase } from './package-progress.ts';
import { meetingRecord, packageRecord, privateItemRecord } from './support-records.ts';

export interface MeetingRead {
  readonly meeting: PanelMeeting;
  /** The items the viewer may read, in order; a private one only for those it is open to. */
  readonly agenda: readonly AgendaItem[];
  readonly withheld: number;
  readonly decisions: readonly PanelDecision[];
  readonly actions: readonly PanelAction[];
  /** The last meeting's actions not done and not yet carried here. */
  readonly toCarry: readonly PanelAction[];
  readonly before: PanelMeeting | null;
  readonly helds: ReadonlyMap<number, CaseHeld>;
}

export async function listPanelMeetings(sql: Sql, access: RequestAccess, paging?: { limit: number; offset: number }): Promise<PanelMeeting[]> {
  return access.reveal(await listMeetings(sql, paging), meetingRecord, (m) => String(m.id), 'the list of Panel meetings');
}

export async function findMeeting(sql: Sql, access: RequestAccess, idText: unknown, action: 'read' | 'change'): Promise<PanelMeeting> {
  return findRecord(access, idText, 'Panel meeting', action, (id) => getMeeting(sql, id), meetingRecord);
}

/** A meeting as the viewer may read it: items in private left out for those they are not open to, each private read audited. */
export async function readMeeting(sql: Sql, access: RequestAccess, idText: unknown): Promise<MeetingRead> {
  const meeting = await findMeeting(sql, access, idText, 'read');
  await access.reveal([meeting], meetingRecord, (m) => String(m.id), `Panel meeting ${meeting.id}`);
  const all = await agendaOf(sql, meeting.id);
  const helds = new Map((await casesHeld(sql, [...new Set(all.flatMap((i) => (i.caseId === null ? [] : [i.caseId])))])).map((h) => [h.caseId, h]));
  const open = all.filter((i) => !i.confidential);
  const secret = await access.reveal(
    all.filter((i) => i.confidential),
    (i) => privateItemRecord(meeting, i.caseId === null ? undefined : helds.get(i.caseId)),
    (i) => `${meeting.id}:${i.id}`,
    `an item taken in private at Panel meeting ${meeting.id}`,
  );
  const agenda = [...open, ...secret].sort((a, b) => a.position - b.position);
  const shown = new Set(agenda.map((i) => i.id));
  const seen = <T extends { agendaItemId: number | null }>(rows: readonly T[]) => rows.filter((r) => r.agendaItemId === null || shown.has(r.agendaItemId));
  const before = (await meetingBefore(sql, meeting)) ?? null;
  const toCarry = before ? await openActionsOf(sql, before) : [];
  return {
    meeting,
    agenda,
    withheld: all.length - agenda.length,
    decisions: seen(await decisionsOf(sql, meeting.id)),
    actions: seen(await actionsOf(sql, meeting.id)),
    toCarry: seen(toCarry),
    before,
    helds,
  };
}

/** Records a meeting, held by the viewer's organisation. */
export async function addPanelMeeting(sql: Sql, access: RequestAccess, body: unknown): Promise<PanelMeeting> {
  const organisationId = access.viewer.kind === 'user' ? access.viewer.organisationId : 0;
  access.require('change', meetingRecord({ ownerOrganisationId: organisationId }), 'Panel meeting');
  const given = checked(meetingBody, body);
  return sql.begin(async (tx) => {
    const id = await createMeeting(tx, { ownerOrganisationId: organisationId, ...given }, access.actor.actor);
    await access.audit(tx, 'change', 'panel_meeting', String(id), `recorded the Panel meeting '${given.title}' on ${given.heldOn}`);
    return (await getMeeting(tx, id))!;
  });
}

/**
 * Drafts the agenda from the cases the viewer may read: the action monitor,
 * new packages, overdue milestones, unmoved metrics, proposed closures. Items
 * already on the agenda are not drafted twice, so drafting again after a
 * package changes adds only what is new. An item given by hand is added as it is.
 */
export async function draftAgenda(sql: Sql, access: RequestAccess, index: BenchmarkIndex, idText: unknown, body: unknown): Promise<readonly AgendaItem[]> {
  const meeting = await findMeeting(sql, access, idText, 'change');
  const given = checked(agendaBody, body);
  const items = given.item ? [await handItem(sql, access, given.item)] : await drafted(sql, access, index, meeting, new Set(given.confidentialCases ?? []));
  const existing = await agendaOf(sql, meeting.id);
  const fresh = items.filter((i) => i.kind === 'other' || !existing.some((e) => e.kind === i.kind && e.caseId === i.caseId));
  await sql.begin(async (tx) => {
    await appendAgenda(tx, meeting.id, fresh);
    await access.audit(tx, 'change', 'panel_meeting', String(meeting.id), `added ${fresh.length} agenda items (${fresh.filter((i) => i.confidential).length} in private)`);
  });
  // The agenda as the viewer may read it: items others put in private stay theirs.
  return (await readMeeting(sql, access, meeting.id)).agenda;
}

async function drafted(sql: Sql, access: RequestAccess, index: BenchmarkIndex, meeting: PanelMeeting, confidentialCases: ReadonlySet<number>): Promise<AgendaDraftItem[]> {
  const packages = await activePackages(sql);
  const helds = new Map((await casesHeld(sql, [...new Set(packages.map((p) => p.caseId))])).map((h) => [h.caseId, h]));
  const onCases: PackageOnCase[] = packages.flatMap((p) => {
    const held = helds.get(p.caseId);
    return held && held.closure === null && access.may('read', packageRecord(held)) ? [packageOnCase(index, held, p)] : [];
  });
  const before = await meetingBefore(sql, meeting);
  const open = before ? await openActionsOf(sql, before) : [];
  return draftItems({ heldOn: meeting.heldOn, lastHeldOn: before?.heldOn ?? null, packages: onCases, openActions: open.length, confidentialCases });
}

async function handItem(sql: Sql, access: RequestAccess, item: { title: string; case?: number | undefined; confidential?: boolean | undefined }): Promise<AgendaDraftItem> {
  if (item.case !== undefined) {
    const [held] = await casesHeld(sql, [item.case]);
    if (!held || !access.may('read', packageRecord(held))) throw invalidInput([{ field: 'item.case', message: `'item.case': there is no improvement case ${item.case} that you may see` }]);
  }
  return { kind: 'other', caseId: item.case ?? null, title: item.title, confidential: item.confidential ?? false };
}

/** The actions of a meeting not done and not carried already. */
async function openActionsOf(sql: Sql, meeting: PanelMeeting): Promise<PanelAction[]> {
  const actions = await actionsOf(sql, meeting.id);
  const carried = await carriedAlready(
    sql,
    actions.map((a) => a.id),
  );
  return carriedActions(actions, carried) as PanelAction[];
}

/** The meeting's agenda item the body names, if the viewer may read it; refused naming the field otherwise. */
async function itemOf(sql: Sql, access: RequestAccess, meeting: PanelMeeting, itemId: number | undefined): Promise<number | null> {
  if (itemId === undefined) return null;
  const item = (await agendaOf(sql, meeting.id)).find((i) => i.id === itemId);
  const held = item?.caseId == null ? undefined : (await casesHeld(sql, [item.caseId]))[0];
  if (!item || (item.confidential && !access.may('read', privateItemRecord(meeting, held)))) {
    throw invalidInput([{ field: 'agendaItem', message: `'agendaItem': Panel meeting ${meeting.id} has no agenda item ${itemId} that you may see` }]);
  }
  return item.id;
}

export async function recordDecision(sql: Sql, access: RequestAccess, idText: unknown, body: unknown): Promise<PanelDecision> {
  const meeting = await findMeeting(sql, access, idText, 'change');
  const given = checked(decisionBody, body);
  const itemId = await itemOf(sql, access, meeting, given.agendaItem);
  return sql.begin(async (tx) => {
    const id = await createDecision(tx, meeting.id, itemId, given.decision, access.actor.actor);
    await access.audit(tx, 'change', 'panel_meeting', String(meeting.id), `recorded decision ${id}${itemId === null ? '' : ` on agenda item ${itemId}`}`);
    return (await decisionsOf(tx, meeting.id)).find((d) => d.id === id)!;
  });
}

export async function recordAction(sql: Sql, access: RequestAccess, idText: unknown, body: unknown): Promise<PanelAction> {
  const meeting = await findMeeting(sql, access, idText, 'change');
  const given = checked(actionBody, body);
  const itemId = await itemOf(sql, access, meeting, given.agendaItem);
  return sql.begin(async (tx) => {
    const [id] = await createActions(tx, meeting.id, [
      { agendaItemId: itemId, action: given.action, actionBy: given.actionBy, ownerUserId: given.ownerUser ?? null, dueOn: given.dueOn, progress: null, carriedFrom: null },
    ]);
    await access.audit(tx, 'change', 'panel_meeting', String(meeting.id), `recorded action ${id} for ${given.actionBy}, due ${given.dueOn}`);
    return (await getAction(tx, id!))!;
  });
}

/** Carries the last meeting's actions not done to this one, with their progress; each is carried once. */
export async function carryForward(sql: Sql, access: RequestAccess, idText: unknown): Promise<PanelAction[]> {
  const meeting = await findMeeting(sql, access, idText, 'change');
  const before = await meetingBefore(sql, meeting);
  const open = before ? await openActionsOf(sql, before) : [];
  return sql.begin(async (tx) => {
    await createActions(
      tx,
      meeting.id,
      open.map((a) => ({ agendaItemId: null, action: a.action, actionBy: a.actionBy, ownerUserId: a.ownerUserId, dueOn: a.dueOn, progress: a.progress, carriedFrom: a.id })),
    );
    await access.audit(tx, 'change', 'panel_meeting', String(meeting.id), `carried ${open.length} actions from Panel meeting ${before?.id ?? 'none'}`);
    return actionsOf(tx, meeting.id);
  });
}

export async function updateActionProgress(sql: Sql, access: RequestAccess, idText: unknown, actionIdText: unknown, body: unknown): Promise<PanelAction> {
  const meeting = await findMeeting(sql, access, idText, 'change');
  const actionId = pathId(actionIdText, 'Panel action');
  const action = await getAction(sql, actionId);
  if (!action || action.meetingId !== meeting.id) throw notSeen(`action ${actionId} of Panel meeting ${meeting.id}`);
  await itemOf(sql, access, meeting, action.agendaItemId ?? undefined).catch(() => {
    throw notSeen(`action ${actionId} of Panel meeting ${meeting.id}`);
  });
  const given = checked(progressBody, body);
  return sql.begin(async (tx) => {
    await updateProgress(tx, action.id, given.progress, given.doneOn ?? null);
    await access.audit(tx, 'change', 'panel_meeting', String(meeting.id), `progress on action ${action.id}${given.doneOn ? `, done on ${given.doneOn}` : ''}`);
    return (await getAction(tx, action.id))!;
  });
}
