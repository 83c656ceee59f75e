// Mentoring arrangements: a provider's staff (the sector body, a regional
// partnership) pair a mentor from the peer pool with a council's mentee,
// refused when the mentor is conflicted with the council, naming the
// conflict; the pair record sessions and notes, which only they read (the
// policy's 'mentoring_note', confidential to them: administrators and the
// provider never read it); the mentee closes it with a review. Who the pair
// are and their dates are the arrangement's ('mentoring'): restricted to the
// provider, the council and the pair. Each change is audited.
import { guardedRecord, type GuardedRecord, type UserViewer } from '../../../domain/access/index.ts';
import { checkArrangement, checkReview, checkSession, mentorConflicts, type HelpfulAnswer } from '../../../domain/mentoring/index.ts';
import { problem, type Problem } from '../../../domain/peer-challenge/index.ts';
import { addSession, arrangements, createArrangement, getArrangement, isCouncilUser, notesOf, peerUser, recordReview, type Arrangement, type MentoringNote } from '../../../store/mentoring.ts';
import { peerPool, placesOf } from '../../../store/peer-pool.ts';
import type { Sql } from '../../../store/store.ts';
import { findRecord } from '../../platform/access/find-record.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';

type Body = Readonly<Record<string, unknown>>;
type Pair = Pick<Arrangement, 'councilCode' | 'mentorUserId' | 'menteeUserId'>;

const pairOf = (a: Pair): number[] => [a.mentorUserId, a.menteeUserId].filter((u): u is number => u !== null);

/** The policy's record of an arrangement: who the pair are and their dates, for the provider that holds it, the council and the pair. */
export function arrangementRecord(a: Pair & Pick<Arrangement, 'organisationId' | 'arrangedBy'>): GuardedRecord {
  return guardedRecord('mentoring', 'restricted', { subjectArea: a.councilCode, subjectReads: true, ownerOrganisation: a.organisationId, author: a.arrangedBy, sharedWithUsers: pairOf(a) });
}

/** The policy's record of what one of the pair wrote: confidential to its writer and the other of the pair. */
export function noteRecord(a: Pair, writtenBy: number): GuardedRecord {
  return guardedRecord('mentoring_note', 'confidential', { subjectArea: a.councilCode, author: writtenBy, sharedWithUsers: pairOf(a).filter((u) => u !== writtenBy) });
}

/** Whether the viewer is one of the pair, as the policy reads the pair's notes. */
export function inPair(access: RequestAccess, a: Pair): boolean {
  const [first, ...rest] = pairOf(a);
  return first !== undefined && access.may('read', guardedRecord('mentoring_note', 'confidential', { subjectArea: a.councilCode, author: first, sharedWithUsers: rest }));
}

export async function findArrangement(sql: Sql, access: RequestAccess, idText: unknown, action: 'read' | 'change'): Promise<Arrangement> {
  return findRecord(access, idText, 'mentoring arrangement', action, (id) => getArrangement(sql, id), arrangementRecord);
}

function userOf(access: RequestAccess, doing: string): UserViewer {
  if (access.viewer.kind !== 'user') throw new HttpError(401, 'sign_in_required', `Sign in to ${doing}.`);
  return access.viewer;
}

const text = (value: unknown) => (typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '');

function objectivesOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.map(text);
  return text(value).split(/\r?\n/);
}

function wholeNumber(value: unknown): number | null {
  const typed = text(value);
  return /^\d{1,9}$/.test(typed) ? Number(typed) : null;
}

/** Pairs a mentor from the pool with a council's mentee; refused, naming each field, for a conflicted mentor, end before start, no objectives. */
export async function arrangeMentoring(sql: Sql, access: RequestAccess, body: Body): Promise<Arrangement> {
  const viewer = userOf(access, 'arrange mentoring');
  const draft = {
    menteeName: text(body.menteeName),
    menteeRole: text(body.menteeRole),
    councilCode: text(body.council),
    objectives: objectivesOf(body.objectives),
    startOn: text(body.startOn),
    endOn: text(body.endOn),
  };
  const problems: Problem[] = [];
  const mentorId = wholeNumber(body.mentor);
  const [mentor] = mentorId === null ? [] : await peerPool(sql, new Date(access.now).toISOString().slice(0, 10), [mentorId]);
  if (!mentor) problems.push(problem('mentor', mentorId === null ? 'choose the mentor from the peer pool' : `no peer in the pool has the number ${mentorId}`));
  problems.push(...checkArrangement(draft));
  const places = draft.councilCode === '' ? new Map() : await placesOf(sql, [draft.councilCode, ...(mentor?.councilCode ? [mentor.councilCode] : [])]);
  const council = places.get(draft.councilCode);
  if (draft.councilCode !== '' && !council) problems.push(problem('council', `no council has the code '${draft.councilCode}'`));
  if (mentor && council) problems.push(...mentorConflicts(mentor, council, places));
  const menteeUserId = text(body.menteeUser) === '' ? null : wholeNumber(body.menteeUser);
  if (text(body.menteeUser) !== '' && (menteeUserId === null || !(council && (await isCouncilUser(sql, menteeUserId, council.code)))))
    problems.push(problem('menteeUser', `no user of the mentee's council has the number '${text(body.menteeUser)}'`));
  if (problems.length > 0 || !mentor) throw invalidInput(problems);
  access.require(
    'change',
    arrangementRecord({ councilCode: draft.councilCode, organisationId: viewer.organisationId, arrangedBy: viewer.userId, mentorUserId: await peerUser(sql, mentorId!), menteeUserId }),
    'mentoring',
  );
  return sql.begin(async (tx) => {
    const made = await createArrangement(tx, { ...draft, mentorPeerId: mentorId!, menteeUserId, organisationId: viewer.organisationId }, viewer.userId);
    if (made.kind === 'open') {
      const o = made.open;
      throw new HttpError(
        409,
        'conflict',
        `'menteeName': ${o.menteeName} of ${o.councilName} has an open mentoring arrangement, ${o.id}, with ${o.mentorName} from ${o.startOn} to ${o.endOn}; close it with its review first`,
      );
    }
    await access.audit(tx, 'change', 'mentoring', String(made.id), `arranged mentoring for the ${draft.menteeRole.replace('_', ' ')} of ${draft.councilCode}`);
    return (await getArrangement(tx, made.id))!;
  });
}

export interface ArrangementReading {
  readonly arrangement: Arrangement;
  /** What the pair wrote: only for the pair, null for everyone else. */
  readonly notes: readonly MentoringNote[] | null;
  readonly inPair: boolean;
  readonly isMentee: boolean;
}

/** An arrangement as the viewer may read it: its notes only for the pair, each read of them audited. */
export async function readArrangement(sql: Sql, access: RequestAccess, idText: unknown): Promise<ArrangementReading> {
  const arrangement = await findArrangement(sql, access, idText, 'read');
  await access.auditReads('mentoring', [String(arrangement.id)], 'read a mentoring arrangement');
  const pair = inPair(access, arrangement);
  const notes = pair
    ? await access.reveal(
        await notesOf(sql, arrangement.id),
        (n) => noteRecord(arrangement, n.writtenBy),
        (n) => String(n.id),
        'read the pair’s notes',
      )
    : null;
  const viewer = access.viewer;
  return { arrangement, notes, inPair: pair, isMentee: viewer.kind === 'user' && viewer.userId === arrangement.menteeUserId };
}

/** The arrangements the viewer may read. */
export function listArrangements(sql: Sql, access: RequestAccess): Promise<Arrangement[]> {
  return arrangements(sql).then((all) => access.reveal(all, arrangementRecord, (a) => String(a.id), 'listed mentoring arrangements'));
}

/** One of the pair records a session: its day and length, its notes and a note on any objective. */
export async function recordSession(sql: Sql, access: RequestAccess, idText: unknown, body: Body): Promise<Arrangement> {
  const viewer = userOf(access, 'record a session');
  const found = await findArrangement(sql, access, idText, 'read');
  if (!inPair(access, found)) throw new HttpError(403, 'forbidden', 'only the mentor and the mentee record their sessions', { missing: 'not_in_audience', action: 'change', kind: 'mentoring_note' });
  if (found.review)
    throw new HttpError(409, 'conflict', `'heldOn': mentoring arrangement ${found.id} was closed with the mentee's review on ${found.review.reviewedAt.slice(0, 10)}; it takes no more sessions`);
  const minutes = wholeNumber(body.minutes);
  const session = { heldOn: text(body.heldOn), minutes: minutes ?? Number.NaN, notes: text(body.notes) };
  const problems = checkSession(session, found);
  const given = Array.isArray(body.objectiveNotes) ? (body.objectiveNotes as { objective?: unknown; note?: unknown }[]) : [];
  const objectiveNotes = given.map((n) => ({ objective: Number(n.objective), note: text(n.note) }));
  for (const [i, n] of objectiveNotes.entries()) {
    if (!(Number.isInteger(n.objective) && n.objective >= 1 && n.objective <= found.objectives.length))
      problems.push(problem(`objectiveNotes[${i}].objective`, `give an objective from 1 to ${found.objectives.length}`));
    if (n.note.length > 5000) problems.push(problem(`objectiveNotes[${i}].note`, 'at most 5,000 characters'));
  }
  if (problems.length > 0) throw invalidInput(problems);
  access.require('change', noteRecord(found, viewer.userId), `mentoring arrangement ${found.id}`);
  return sql.begin(async (tx) => {
    const id = await addSession(tx, found.id, session, objectiveNotes, viewer.userId);
    await access.audit(tx, 'change', 'mentoring_note', String(found.id), `recorded session ${id} of ${session.minutes} minutes`);
    return (await getArrangement(tx, found.id))!;
  });
}

/** The mentee closes the arrangement with a review: was it helpful, and what changed. Once. */
export async function reviewMentoring(sql: Sql, access: RequestAccess, idText: unknown, body: Body): Promise<Arrangement> {
  const viewer = userOf(access, 'review mentoring');
  const found = await findArrangement(sql, access, idText, 'read');
  if (found.menteeUserId !== viewer.userId) throw new HttpError(403, 'forbidden', 'only the mentee reviews the mentoring', { missing: 'not_author', action: 'change', kind: 'mentoring' });
  const review = { helpful: text(body.helpful), whatChanged: text(body.whatChanged) };
  const problems = checkReview(review);
  if (problems.length > 0) throw invalidInput(problems);
  return sql.begin(async (tx) => {
    if (!(await recordReview(tx, found.id, { helpful: review.helpful as HelpfulAnswer, whatChanged: review.whatChanged })))
      throw new HttpError(409, 'conflict', `'helpful': mentoring arrangement ${found.id} was reviewed and closed already`);
    await access.audit(tx, 'change', 'mentoring', String(found.id), `closed the mentoring with its review: helpful ${review.helpful}`);
    return (await getArrangement(tx, found.id))!;
  });
}
