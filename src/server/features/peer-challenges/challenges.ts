// A council's peer challenge, from its enquiry to its close (issue 21, build
// item 4): opening an enquiry (one open challenge of a kind for a council: a
// second answers 409 naming the first), scoping it, booking the week and
// taking each later step with its day, closing with a reason. The domain's
// lifecycle (`advance`) decides every step; the store takes it against the
// revision the form was read at, so that a stale form is refused (409). A
// challenge is held by the sector body of the manager who opened it: its
// scoping and drafts are restricted to that body, the council and the team
// (the policy's 'peer_challenge'); each read of it is audited.
import type { GuardedRecord } from '../../../domain/access/index.ts';
import { STAGE_LABELS, FOCUS_AREA_LABELS, type Problem } from '../../../domain/peer-challenge/index.ts';
import { holdingOf, openEnquiry, takeStep, type ChallengeHolding } from '../../../store/peer-challenge-records.ts';
import { readChallenge, type ChallengeMove, type StoredChallenge } from '../../../store/peer-challenges.ts';
import { dueUnderRulesNow } from '../../../store/peer-deadline-rules.ts';
import type { Sql } from '../../../store/store.ts';
import { notSeen, type RequestAccess } from '../../platform/access/index.ts';
import { challengeRecord as platformRecord } from '../../platform/access/peer-records.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { pathId } from '../../platform/http/request-body.ts';

type Body = Readonly<Record<string, unknown>>;

/**
 * The policy's record of a challenge (the platform's, which the team's pages
 * read too): restricted to its holder, the council and the team until its
 * report is published; `draft` for what stays restricted after (findings
 * not yet published).
 */
export function challengeRecord(holding: ChallengeHolding, reportPublishedOn: string | null, draft = false): GuardedRecord {
  return platformRecord({
    councilCode: holding.councilCode,
    ownerOrganisationId: holding.heldBy,
    teamUserIds: [...holding.teamUsers, ...holding.sharedWithUsers],
    reportPublishedOn: draft ? null : reportPublishedOn,
  });
}

export interface FoundChallenge {
  readonly challenge: StoredChallenge;
  readonly holding: ChallengeHolding;
}

/** The challenge the path names, if the viewer may `action` it: otherwise the one not-found answer (403 when readable but not theirs to change). */
export async function findChallenge(sql: Sql, access: RequestAccess, idText: unknown, action: 'read' | 'change'): Promise<FoundChallenge> {
  const id = pathId(idText, 'peer challenge');
  const [challenge, holding] = await Promise.all([readChallenge(sql, id), holdingOf(sql, id)]);
  if (!challenge || !holding) throw notSeen(`peer challenge ${id}`);
  const record = challengeRecord(holding, challenge.reportPublishedOn);
  access.require(action, record, `peer challenge ${id}`);
  const read = access.decide('read', record);
  if (action === 'read' && read.allowed && read.audited) {
    await access.auditReads('peer_challenge', [String(id)], `read the peer challenge of ${challenge.councilName}`);
  }
  return { challenge, holding };
}

/** Opens an enquiry for a council, held by the manager's organisation. */
export async function enquire(sql: Sql, access: RequestAccess, body: Body): Promise<StoredChallenge> {
  const viewer = access.viewer;
  if (viewer.kind !== 'user') throw new HttpError(401, 'sign_in_required', 'Sign in to open a peer challenge.');
  const councilCode = text(body.councilCode);
  const kind = text(body.kind);
  access.require('change', challengeRecord({ heldBy: viewer.organisationId, councilCode, teamUsers: [], sharedWithUsers: [], sharedWithOrganisations: [] }, null), 'peer challenge');
  return sql.begin(async (tx) => {
    const opened = await openEnquiry(tx, { councilCode, kind, enquiredOn: text(body.enquiredOn), managedBy: viewer.userId, heldBy: viewer.organisationId });
    if (opened.kind === 'refused') throw invalidInput([opened.problem]);
    if (opened.kind === 'already_open') {
      const o = opened.open;
      throw new HttpError(
        409,
        'conflict',
        `'kind': the council already has an open ${kind} peer challenge, number ${o.id}, enquired about on ${o.enquiredOn} and now at '${STAGE_LABELS[o.stage].toLowerCase()}' (/peer-challenges/${o.id}); close it before opening another`,
        { open: o },
      );
    }
    await access.audit(tx, 'change', 'peer_challenge', String(opened.id), `opened a ${kind} peer challenge enquiry for ${councilCode}`);
    return (await readChallenge(tx, opened.id))!;
  });
}

/** Agrees the focus areas. */
export function scope(sql: Sql, access: RequestAccess, idText: unknown, body: Body): Promise<StoredChallenge> {
  const focusAreas = listOf(body.focusAreas);
  return step(sql, access, idText, body, { kind: 'scope', focusAreas }, focusAreas.map((a) => FOCUS_AREA_LABELS[a] ?? a).join('; '));
}

/** Books the team's days on site; the due dates follow the week. */
export function bookWeek(sql: Sql, access: RequestAccess, idText: unknown, body: Body): Promise<StoredChallenge> {
  const onSite = { from: text(body.from), to: text(body.to) };
  return step(sql, access, idText, body, { kind: 'book', onSite }, `on site ${onSite.from} to ${onSite.to}`);
}

export const LATER_STEPS = [
  'confirm_team',
  'arrive',
  'give_feedback',
  'send_report_for_fact_check',
  'publish_report',
  'publish_action_plan',
  'hold_progress_review',
  'publish_progress_review_report',
  'close',
] as const;
export type LaterStep = (typeof LATER_STEPS)[number];

/** Any step after booking, with its day; closing needs a reason before the progress review. */
export function laterStep(sql: Sql, access: RequestAccess, idText: unknown, body: Body): Promise<StoredChallenge> {
  const kind = text(body.step);
  if (!(LATER_STEPS as readonly string[]).includes(kind)) throw invalidInput([{ field: 'step', message: `'step': choose one of ${LATER_STEPS.join(', ')}` }]);
  const on = text(body.on);
  const reason = text(body.reason);
  const move: ChallengeMove = kind === 'confirm_team' ? { kind } : kind === 'close' ? { kind, on, reason } : { kind: kind as Exclude<LaterStep, 'confirm_team' | 'close'>, on };
  return step(sql, access, idText, body, move, kind === 'close' ? reason : '');
}

/** The changes a challenge takes after its enquiry, by the path each is posted to: the API and the forms post to the same ones. */
export const CHALLENGE_CHANGES = [
  ['scope', scope],
  ['week', bookWeek],
  ['steps', laterStep],
] as const;

async function step(sql: Sql, access: RequestAccess, idText: unknown, body: Body, move: ChallengeMove, detail: string): Promise<StoredChallenge> {
  const revision = Number(text(body.revision));
  if (!Number.isInteger(revision) || revision < 1) throw invalidInput([{ field: 'revision', message: `'revision': send the revision the challenge was read at` }]);
  const { challenge } = await findChallenge(sql, access, idText, 'change');
  const by = access.userId;
  return sql.begin(async (tx) => {
    const moved = await takeStep(tx, Number(challenge.id), move, detail, by, revision);
    if (moved.kind === 'refused') throw refusal(moved.problem);
    if (move.kind === 'book') await dueUnderRulesNow(tx, moved.challenge);
    await access.audit(tx, 'change', 'peer_challenge', challenge.id, `${move.kind.replaceAll('_', ' ')}: ${STAGE_LABELS[moved.challenge.stage].toLowerCase()}${detail ? `; ${detail}` : ''}`);
    return (await readChallenge(tx, Number(challenge.id)))!;
  });
}

/** A refusal of a step: a stale revision or a step out of order conflicts with the challenge as it stands (409); anything else is the input's fault. */
function refusal(problem: Problem): HttpError {
  if (problem.field === 'revision' || problem.field === 'stage') return new HttpError(409, 'conflict', problem.message, { problems: [problem] });
  return invalidInput([problem]);
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : typeof value === 'number' ? String(value) : '';
}

function listOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.filter((v): v is string => typeof v === 'string');
  return typeof value === 'string' && value !== '' ? [value] : [];
}
