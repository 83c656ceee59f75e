// The conversation on a case, each use-case once: a meeting ("normally … at
// Chief Executive level", 004) with its attendees, its notes and the next
// steps agreed; a note, restricted like its case or confidential to the
// readers it names; a next step and its completion; one of the five outcomes
// with the parts it asks for; an event of statutory action. Each checks,
// asks the policy of the case, writes and audits in one transaction.
import { eventEnd, eventProblems, outcomeProblems, stageAfter, type EventKind, type LightTouch, type Outcome } from '../../../domain/improvement/index.ts';
import {
  createEvent,
  createMeeting,
  createNote,
  createOutcome,
  createStep,
  getEvent,
  getStep,
  markStep,
  meetingOfCase,
  updateCase,
  type ImprovementCase,
  type NextStep,
} from '../../../store/cases.ts';
import type { Db, Sql } from '../../../store/store.ts';
import { getUser } from '../../../store/users.ts';
import { notSeen, type RequestAccess } from '../../platform/access/index.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';
import { badRequest, HttpError } from '../../platform/http/http-error.ts';
import { checked, type z } from '../../platform/http/input-schema.ts';
import { pathId } from '../../platform/http/request-body.ts';
import { eventBody, meetingBody, noteBody, outcomeBody, stepBody, stepDoneBody } from './api-inputs.ts';
import { findCase, refuseClosed, today } from './cases.ts';

type NoteInput = z.output<typeof noteBody>;
type StepInput = z.output<typeof stepBody>;

/** Records a meeting, with its note and next steps if given. */
export async function recordMeeting(sql: Sql, access: RequestAccess, idText: unknown, body: unknown): Promise<{ id: number }> {
  const found = await open(sql, access, idText);
  const input = checked(meetingBody, body);
  if (input.note) await checkReaders(sql, input.note, 'note.');
  for (const [i, step] of (input.nextSteps ?? []).entries()) await checkOwner(sql, step, `nextSteps[${i}].`);
  return sql.begin(async (tx) => {
    const by = access.actor.actor;
    const id = await createMeeting(tx, found.id, { heldOn: input.heldOn, attendees: input.attendees, chiefExecutiveLevel: input.chiefExecutiveLevel }, by);
    await access.audit(
      tx,
      'change',
      'improvement_case',
      String(found.id),
      `recorded the meeting of ${input.heldOn} (${input.attendees.length} attending${input.chiefExecutiveLevel ? ', at Chief Executive level' : ''})`,
    );
    if (input.note) await writeNote(tx, access, found, { ...input.note, meeting: id });
    for (const step of input.nextSteps ?? []) await writeStep(tx, access, found, { ...step, meeting: id });
    return { id };
  });
}

/** Adds a note to the case, or to one of its meetings. */
export async function addNote(sql: Sql, access: RequestAccess, idText: unknown, body: unknown): Promise<{ id: number }> {
  const found = await open(sql, access, idText);
  const input = checked(noteBody, body);
  await checkReaders(sql, input, '');
  await checkMeeting(sql, found, input.meeting);
  return sql.begin(async (tx) => ({ id: await writeNote(tx, access, found, input) }));
}

export async function addNextStep(sql: Sql, access: RequestAccess, idText: unknown, body: unknown): Promise<{ id: number }> {
  const found = await open(sql, access, idText);
  const input = checked(stepBody, body);
  await checkOwner(sql, input, '');
  await checkMeeting(sql, found, input.meeting);
  return sql.begin(async (tx) => ({ id: await writeStep(tx, access, found, input) }));
}

export async function markStepDone(sql: Sql, access: RequestAccess, idText: unknown, stepIdText: unknown, body: unknown): Promise<NextStep> {
  const found = await findCase(sql, access, idText, 'change');
  const stepId = pathId(stepIdText, 'next step');
  const step = await getStep(sql, stepId);
  if (!step || step.caseId !== found.id) throw notSeen(`next step ${stepId} of case ${found.id}`);
  if (step.doneOn !== null) throw new HttpError(409, 'done', `next step ${stepId} was already done on ${step.doneOn}`);
  const doneOn = checked(stepDoneBody, body).doneOn ?? today(access);
  return sql.begin(async (tx) => {
    await markStep(tx, stepId, doneOn);
    await access.audit(tx, 'change', 'improvement_case', String(found.id), `next step ${stepId} done on ${doneOn}`);
    return (await getStep(tx, stepId))!;
  });
}

/** Records one of the five outcomes; it supersedes the last, which stays in the history. */
export async function recordOutcome(sql: Sql, access: RequestAccess, idText: unknown, body: unknown): Promise<{ id: number }> {
  const found = await open(sql, access, idText);
  const input = checked(outcomeBody, body);
  const problems = outcomeProblems(input);
  if (problems.length > 0) throw invalidInput(problems);
  const outcome = input.outcome as Outcome;
  const only = <T>(when: boolean, value: T | undefined) => (when && value !== undefined && String(value).trim() !== '' ? value : null);
  return sql.begin(async (tx) => {
    const id = await createOutcome(
      tx,
      found.id,
      {
        outcome,
        reason: input.reason!.trim(),
        decidedOn: input.decidedOn!,
        correction: only(outcome === 'satisfactory_explanation', input.correction),
        reviewOn: only(outcome === 'steps_in_place', input.reviewOn),
        lightTouch: only(outcome === 'light_touch_support', input.lightTouch) as LightTouch | null,
        differenceOfView: only(outcome === 'not_accepted', input.differenceOfView),
        nextDiscussionOn: only(outcome === 'not_accepted', input.nextDiscussionOn),
        councilView: only(true, input.councilView),
      },
      access.actor.actor,
    );
    await updateCase(tx, found.id, { stage: stageAfter(outcome) }, access.actor.actor);
    await access.audit(tx, 'change', 'improvement_case', String(found.id), `outcome ${outcome} agreed on ${input.decidedOn}`);
    return { id };
  });
}

/** Records a Best Value Notice, an inspection or an intervention, or a renewal of one. */
export async function recordEvent(sql: Sql, access: RequestAccess, idText: unknown, body: unknown): Promise<{ id: number }> {
  const found = await open(sql, access, idText);
  const input = checked(eventBody, body);
  const renewed = input.renews === undefined ? undefined : await getEvent(sql, input.renews);
  if (input.renews !== undefined && (!renewed || renewed.caseId !== found.id)) throw badRequest(`'renews': case ${found.id} has no event ${input.renews}`);
  const given = { kind: input.kind, startsOn: input.startsOn, endsOn: input.endsOn, months: input.months, renews: renewed };
  const problems = eventProblems(given);
  if (problems.length > 0) throw invalidInput(problems);
  return sql.begin(async (tx) => {
    const id = await createEvent(
      tx,
      { caseId: found.id, kind: input.kind as EventKind, description: input.description, startsOn: input.startsOn, endsOn: eventEnd(given), renewsEventId: renewed?.id ?? null },
      access.actor.actor,
    );
    await access.audit(tx, 'change', 'improvement_case', String(found.id), `recorded ${input.kind} from ${input.startsOn}${renewed ? `, renewing event ${renewed.id}` : ''}`);
    return { id };
  });
}

async function open(sql: Db, access: RequestAccess, idText: unknown): Promise<ImprovementCase> {
  const found = await findCase(sql, access, idText, 'change');
  refuseClosed(found);
  return found;
}

async function writeNote(tx: Db, access: RequestAccess, c: ImprovementCase, note: NoteInput): Promise<number> {
  const viewer = access.viewer;
  if (viewer.kind !== 'user') throw new HttpError(403, 'forbidden', 'a note is written by someone signed in');
  const id = await createNote(tx, { caseId: c.id, meetingId: note.meeting ?? null, classification: note.classification, body: note.body, authorId: viewer.userId, readers: note.readers ?? [] });
  await access.audit(tx, 'change', 'case_note', String(id), `wrote a ${note.classification} note on case ${c.id}${note.readers?.length ? ` for ${note.readers.length} readers` : ''}`);
  return id;
}

async function writeStep(tx: Db, access: RequestAccess, c: ImprovementCase, step: StepInput): Promise<number> {
  const id = await createStep(
    tx,
    { caseId: c.id, meetingId: step.meeting ?? null, action: step.action, ownerName: step.owner, ownerUserId: step.ownerUser ?? null, dueOn: step.dueOn },
    access.actor.actor,
  );
  await access.audit(tx, 'change', 'improvement_case', String(c.id), `next step ${id} for ${step.owner}, due ${step.dueOn}`);
  return id;
}

/** A restricted note names no readers (its case's audience reads it); a confidential one's readers are active users. */
async function checkReaders(sql: Db, note: Pick<NoteInput, 'classification' | 'readers'>, prefix: string): Promise<void> {
  const readers = note.readers ?? [];
  if (note.classification === 'restricted' && readers.length > 0)
    throw badRequest(`'${prefix}readers': only a confidential note names its readers; a restricted note is read by everyone who reads the case`);
  for (const id of readers) {
    const user = await getUser(sql, id);
    if (!user || user.disabled) throw badRequest(`'${prefix}readers': there is no active user ${id}`);
  }
}

async function checkOwner(sql: Db, step: { ownerUser?: number | undefined }, prefix: string): Promise<void> {
  if (step.ownerUser === undefined) return;
  const user = await getUser(sql, step.ownerUser);
  if (!user || user.disabled) throw badRequest(`'${prefix}ownerUser': there is no active user ${step.ownerUser}`);
}

async function checkMeeting(sql: Db, c: ImprovementCase, meetingId: number | undefined): Promise<void> {
  if (meetingId !== undefined && !(await meetingOfCase(sql, c.id, meetingId))) throw badRequest(`'meeting': case ${c.id} has no meeting ${meetingId}`);
}
