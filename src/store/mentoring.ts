// Mentoring as kept (migration 040): arrangements between a mentor from the
// peer pool and a council's mentee, their objectives and sessions, the
// pair's notes and the mentee's closing review. One open arrangement per
// mentee of a council: a second is refused by the store, whoever wins.
import type { ArrangementDraft, HelpfulAnswer, MenteeRole, SessionDraft } from '../domain/mentoring/index.ts';
import type { Db } from './store.ts';

export interface Arrangement {
  readonly id: number;
  readonly mentorPeerId: number;
  readonly mentorName: string;
  /** The mentor's user, where the peer signs in to Lantern. */
  readonly mentorUserId: number | null;
  readonly menteeName: string;
  readonly menteeRole: MenteeRole;
  readonly councilCode: string;
  readonly councilName: string;
  readonly menteeUserId: number | null;
  readonly startOn: string;
  readonly endOn: string;
  readonly organisationId: number;
  readonly arrangedBy: number | null;
  readonly objectives: readonly string[];
  readonly sessions: readonly { readonly id: number; readonly heldOn: string; readonly minutes: number }[];
  readonly review: { readonly helpful: HelpfulAnswer; readonly whatChanged: string; readonly reviewedAt: string } | null;
}

export interface MentoringNote {
  readonly id: number;
  readonly sessionId: number | null;
  readonly objective: number | null;
  readonly note: string;
  readonly writtenBy: number;
  readonly writtenByName: string;
  readonly writtenAt: string;
}

const day = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

const SELECTED = (sql: Db) => sql`
  select m.id, m.mentor_peer_id as "mentorPeerId", p.name as "mentorName", p.user_id as "mentorUserId", m.mentee_name as "menteeName",
    m.mentee_role as "menteeRole", m.area_code as "councilCode", a.name as "councilName", m.mentee_user_id as "menteeUserId",
    ${sql.unsafe(day('m.start_on'))} as "startOn", ${sql.unsafe(day('m.end_on'))} as "endOn", m.organisation_id as "organisationId",
    m.arranged_by as "arrangedBy",
    array(select o.objective from mentoring_objective o where o.mentoring_id = m.id order by o.position) as objectives,
    coalesce((select json_agg(json_build_object('id', s.id, 'heldOn', ${sql.unsafe(day('s.held_on'))}, 'minutes', s.minutes) order by s.held_on, s.id)
      from mentoring_session s where s.mentoring_id = m.id), '[]') as sessions,
    case when m.reviewed_at is null then null else json_build_object('helpful', m.helpful, 'whatChanged', m.what_changed,
      'reviewedAt', to_char(m.reviewed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')) end as review
  from mentoring m join peer p on p.id = m.mentor_peer_id join area a on a.code = m.area_code`;

export type Made = { readonly kind: 'ok'; readonly id: number } | { readonly kind: 'open'; readonly open: Arrangement };

/** Makes an arrangement with its objectives; or names the mentee's arrangement still open. */
export async function createArrangement(
  sql: Db,
  draft: ArrangementDraft & { readonly mentorPeerId: number; readonly menteeUserId: number | null; readonly organisationId: number },
  by: number | null,
): Promise<Made> {
  const [row] = await sql<{ id: number }[]>`
    insert into mentoring (mentor_peer_id, mentee_name, mentee_role, area_code, mentee_user_id, start_on, end_on, organisation_id, arranged_by)
    values (${draft.mentorPeerId}, ${draft.menteeName.trim()}, ${draft.menteeRole}, ${draft.councilCode}, ${draft.menteeUserId}, ${draft.startOn}, ${draft.endOn},
      ${draft.organisationId}, ${by})
    on conflict do nothing
    returning id`;
  if (!row) {
    const [open] = await sql<Arrangement[]>`${SELECTED(sql)}
      where m.area_code = ${draft.councilCode} and m.mentee_role = ${draft.menteeRole} and lower(btrim(m.mentee_name)) = lower(btrim(${draft.menteeName})) and m.reviewed_at is null`;
    return { kind: 'open', open: open! };
  }
  const objectives = draft.objectives.map((o) => o.trim()).filter((o) => o !== '');
  await sql`insert into mentoring_objective ${sql(objectives.map((objective, i) => ({ mentoring_id: row.id, position: i + 1, objective })))}`;
  return { kind: 'ok', id: row.id };
}

export async function getArrangement(sql: Db, id: number): Promise<Arrangement | undefined> {
  const [row] = await sql<Arrangement[]>`${SELECTED(sql)} where m.id = ${id}`;
  return row;
}

/** Every arrangement, latest first: the caller shows those the viewer may read. */
export function arrangements(sql: Db): Promise<Arrangement[]> {
  return sql<Arrangement[]>`${SELECTED(sql)} order by m.start_on desc, m.id desc`;
}

/** Records a session and its notes (the session's, and a note on each objective named), written by one of the pair. */
export async function addSession(sql: Db, id: number, session: SessionDraft, objectiveNotes: readonly { objective: number; note: string }[], by: number | null): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    insert into mentoring_session (mentoring_id, held_on, minutes, recorded_by) values (${id}, ${session.heldOn}, ${session.minutes}, ${by}) returning id`;
  const notes = [
    ...(session.notes.trim() === '' ? [] : [{ mentoring_id: id, session_id: row!.id, objective: null, note: session.notes.trim(), written_by: by }]),
    ...objectiveNotes.filter((n) => n.note.trim() !== '').map((n) => ({ mentoring_id: id, session_id: row!.id, objective: n.objective, note: n.note.trim(), written_by: by })),
  ];
  // notes are always someone's: the demo's sessions, written by no one, have none
  if (notes.length > 0 && by !== null) await sql`insert into mentoring_note ${sql(notes)}`;
  return row!.id;
}

/** What the pair wrote, oldest first. */
export function notesOf(sql: Db, id: number): Promise<MentoringNote[]> {
  return sql<MentoringNote[]>`
    select n.id, n.session_id as "sessionId", n.objective, n.note, n.written_by as "writtenBy", u.name as "writtenByName",
      to_char(n.written_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "writtenAt"
    from mentoring_note n join user_account u on u.id = n.written_by
    where n.mentoring_id = ${id} order by n.written_at, n.id`;
}

/** The mentee's closing review; false when it was reviewed already. */
export async function recordReview(sql: Db, id: number, review: { helpful: HelpfulAnswer; whatChanged: string }): Promise<boolean> {
  const updated = await sql`
    update mentoring set helpful = ${review.helpful}, what_changed = ${review.whatChanged.trim()}, reviewed_at = now()
    where id = ${id} and reviewed_at is null`;
  return updated.count === 1;
}

/** Whether the user belongs to the council's organisation: a mentee is one of its people. */
export async function isCouncilUser(sql: Db, userId: number, areaCode: string): Promise<boolean> {
  const [row] = await sql`select 1 from user_account u join organisation o on o.id = u.organisation_id where u.id = ${userId} and o.area_code = ${areaCode}`;
  return row !== undefined;
}

export interface MentorChoice {
  readonly id: number;
  readonly name: string;
  readonly role: string;
  readonly councilName: string | null;
  readonly userId: number | null;
}

/** The peers who may be chosen as mentors, chief executives first, by name: the caller shows those the viewer may read. */
export function mentorChoices(sql: Db): Promise<MentorChoice[]> {
  return sql<MentorChoice[]>`
    select p.id, p.name, p.role, a.name as "councilName", p.user_id as "userId"
    from peer p left join area a on a.code = p.area_code
    order by p.role <> 'chief_executive', p.name, p.id`;
}

/** The user a peer signs in as, if any. */
export async function peerUser(sql: Db, peerId: number): Promise<number | null> {
  const [row] = await sql<{ userId: number | null }[]>`select user_id as "userId" from peer where id = ${peerId}`;
  return row?.userId ?? null;
}
