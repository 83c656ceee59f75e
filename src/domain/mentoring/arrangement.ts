// Mentoring (issue 21, build item 8): "a Chief Executive mentor to any
// authority who wishes" (001). An arrangement pairs a mentor from the peer
// pool with a mentee (a chief executive, a leader or a lead member, 004
// item 2 §14.3) of a council, for objectives between a start and an end
// date, with sessions (a day, a length, notes) and a closing review by the
// mentee. A mentor is conflicted with a council as a peer is (conflictsOf):
// a conflicted mentor is refused, naming the conflict.
import { conflictsOf, problem, type Conflict, type CouncilPlace, type Peer, type Places, type Problem } from '../peer-challenge/index.ts';
import { isIsoDay } from '../period/index.ts';

export const MENTEE_ROLES = ['chief_executive', 'leader', 'lead_member'] as const;
export type MenteeRole = (typeof MENTEE_ROLES)[number];

export const MENTEE_ROLE_LABELS: Readonly<Record<MenteeRole, string>> = {
  chief_executive: 'Chief executive',
  leader: 'Leader of the council',
  lead_member: 'Lead member',
};

export const HELPFUL_ANSWERS = ['yes', 'partly', 'no'] as const;
export type HelpfulAnswer = (typeof HELPFUL_ANSWERS)[number];

export interface ArrangementDraft {
  readonly menteeName: string;
  readonly menteeRole: string;
  readonly councilCode: string;
  readonly objectives: readonly string[];
  readonly startOn: string;
  readonly endOn: string;
}

export interface SessionDraft {
  readonly heldOn: string;
  readonly minutes: number;
  readonly notes: string;
}

export interface ReviewDraft {
  readonly helpful: string;
  readonly whatChanged: string;
}

const MAX_TEXT = 5000;

/** Every problem of an arrangement, each naming its field; none when it may be made. */
export function checkArrangement(draft: ArrangementDraft): Problem[] {
  const problems: Problem[] = [];
  if (draft.menteeName.trim() === '') problems.push(problem('menteeName', "give the mentee's name"));
  else if (draft.menteeName.trim().length > 200) problems.push(problem('menteeName', 'at most 200 characters'));
  if (!(MENTEE_ROLES as readonly string[]).includes(draft.menteeRole)) problems.push(problem('menteeRole', `give one of ${MENTEE_ROLES.join(', ')}`));
  if (draft.councilCode.trim() === '') problems.push(problem('council', "name the mentee's council"));
  const objectives = draft.objectives.map((o) => o.trim()).filter((o) => o !== '');
  if (objectives.length === 0) problems.push(problem('objectives', 'give at least one objective'));
  if (objectives.some((o) => o.length > 1000)) problems.push(problem('objectives', 'an objective is at most 1,000 characters'));
  const start = isIsoDay(draft.startOn);
  const end = isIsoDay(draft.endOn);
  if (!start) problems.push(problem('startOn', 'give the first day as YYYY-MM-DD'));
  if (!end) problems.push(problem('endOn', 'give the last day as YYYY-MM-DD'));
  if (start && end && draft.endOn < draft.startOn) problems.push(problem('endOn', `the last day (${draft.endOn}) is before the first (${draft.startOn})`));
  return problems;
}

/** The mentor's conflicts with the mentee's council as problems of the field 'mentor', each naming the conflict. */
export function mentorConflicts(mentor: Peer, council: CouncilPlace, places: Places): Problem[] {
  return conflictsOf(mentor, council, places).map((c: Conflict) => problem('mentor', `${c.sentence}, so they may not mentor at ${council.name}`));
}

/** A session's problems: its day within the arrangement's dates, a length in minutes, notes of a fair length. */
export function checkSession(session: SessionDraft, arrangement: { readonly startOn: string; readonly endOn: string }): Problem[] {
  const problems: Problem[] = [];
  if (!isIsoDay(session.heldOn)) problems.push(problem('heldOn', 'give the day of the session as YYYY-MM-DD'));
  else if (session.heldOn < arrangement.startOn || session.heldOn > arrangement.endOn)
    problems.push(problem('heldOn', `the session (${session.heldOn}) is outside the arrangement, ${arrangement.startOn} to ${arrangement.endOn}`));
  if (!(Number.isInteger(session.minutes) && session.minutes >= 5 && session.minutes <= 600)) problems.push(problem('minutes', 'give the length in whole minutes, from 5 to 600'));
  if (session.notes.length > MAX_TEXT) problems.push(problem('notes', 'at most 5,000 characters'));
  return problems;
}

/** The mentee's closing review: was it helpful (yes, partly, no) and what changed. */
export function checkReview(review: ReviewDraft): Problem[] {
  const problems: Problem[] = [];
  if (!(HELPFUL_ANSWERS as readonly string[]).includes(review.helpful)) problems.push(problem('helpful', 'say whether the mentoring was helpful: yes, partly or no'));
  if (review.whatChanged.trim() === '') problems.push(problem('whatChanged', 'say what changed, or that nothing did'));
  else if (review.whatChanged.length > MAX_TEXT) problems.push(problem('whatChanged', 'at most 5,000 characters'));
  return problems;
}
