// A challenge's team: who is booked, whether the team meets the composition
// rule, and, for those who run the challenge, the free peers ranked by the
// domain's suggestion with their reasons; booking and releasing peers. The
// store refuses a double booking, days a peer cannot give and a conflicted
// peer under the peer's lock (peer-bookings.ts), so two managers can never
// both win a peer; a refusal names the clash and answers 409. The council's
// users read the team, since joining it shares the challenge with the council;
// and a booking of a peer who signs in is a share of the challenge with them,
// in the council's share log, revoked when they are released (team-shares.ts).
import type { GuardedRecord } from '../../../domain/access/index.ts';
import { londonDay } from '../../../domain/format/index.ts';
import { checkComposition, checkTeam, suggestTeam, type Problem, type TeamSuggestion } from '../../../domain/peer-challenge/index.ts';
import { bookPeer, releasePeer, teamOf, type BookedMember, type BookingClash } from '../../../store/peer-bookings.ts';
import { holdingOf } from '../../../store/peer-challenge-records.ts';
import { teamChallenge, type TeamChallengeRow } from '../../../store/peer-teams.ts';
import { teamInputs } from '../../../store/team-inputs.ts';
import { shareBookingWithPeer, unshareReleasedBooking } from '../../../store/team-shares.ts';
import type { Sql } from '../../../store/store.ts';
import { notSeen, type RequestAccess } from '../../platform/access/index.ts';
import { challengeRecord } from '../../platform/access/peer-records.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { pathId } from '../../platform/http/request-body.ts';
import { bookingBody, releaseBody } from './api-inputs.ts';

export interface TeamReading {
  readonly challenge: GuardedChallenge;
  readonly team: readonly BookedMember[];
  /** The composition rule's empty places, and conflicts or clashes found since a peer was booked. */
  readonly problems: readonly Problem[];
  /** Whether the viewer runs the challenge: books and releases peers, and sees the suggestions. */
  readonly mayChange: boolean;
  readonly suggestion: TeamSuggestion | null;
}

export interface GuardedChallenge extends TeamChallengeRow {
  readonly record: GuardedRecord;
}

/**
 * The challenge the path names, if the viewer may `action` it; otherwise the
 * one not-found answer (or 403 when readable). It is held as the challenge's
 * own pages hold it: by its holder's sector body, read by its council, its
 * team and those it is shared with.
 */
export async function findChallenge(sql: Sql, access: RequestAccess, idText: unknown, action: 'read' | 'change'): Promise<GuardedChallenge> {
  const id = pathId(idText, 'peer challenge');
  const [found, holding] = await Promise.all([teamChallenge(sql, id), holdingOf(sql, id)]);
  if (!found || !holding) throw notSeen(`peer challenge ${id}`);
  const record = challengeRecord({
    councilCode: found.councilCode,
    ownerOrganisationId: holding.heldBy,
    teamUserIds: [...holding.teamUsers, ...holding.sharedWithUsers],
    sharedWithOrganisations: holding.sharedWithOrganisations,
    reportPublishedOn: found.reportPublishedOn,
  });
  access.require(action, record, `peer challenge ${id}`);
  return { ...found, record };
}

/** The team, its problems and, for those who run the challenge, the suggestions; each read of a restricted challenge audited. */
export async function readTeam(sql: Sql, access: RequestAccess, idText: unknown, limit = 5, action: 'read' | 'change' = 'read'): Promise<TeamReading> {
  const challenge = await findChallenge(sql, access, idText, action);
  const record = challenge.record;
  const decision = access.decide('read', record);
  if (decision.allowed && decision.audited) await access.auditReads('peer_challenge', [String(challenge.id)], 'read the team');
  const team = await teamOf(sql, challenge.id);
  const members = team.map((m) => ({ peerId: m.peerId, name: m.name, role: m.role, lead: m.lead }));
  const mayChange = access.may('change', record);
  let problems: Problem[] = members.length === 0 ? [] : checkComposition(challenge.kind, members);
  let suggestion: TeamSuggestion | null = null;
  if (mayChange && challenge.onSite !== null) {
    const today = londonDay(new Date(access.now));
    const { peers, bookings, places } = await teamInputs(sql, challenge.onSite, today);
    if (places.has(challenge.councilCode)) {
      const teamChallenge = { id: String(challenge.id), councilCode: challenge.councilCode, kind: challenge.kind, onSite: challenge.onSite, focusAreas: challenge.focusAreas, team: members };
      suggestion = suggestTeam(teamChallenge, peers, bookings, places, limit);
      if (members.length > 0) problems = checkTeam(teamChallenge, peers, bookings, places);
    }
  }
  return { challenge, team, problems, mayChange, suggestion };
}

/** Books a peer on the team (its lead, if `lead`); a clash answers 409 naming it, a bad field 400. */
export async function bookToTeam(sql: Sql, access: RequestAccess, idText: unknown, body: Readonly<Record<string, unknown>>): Promise<BookedMember> {
  const challenge = await findChallenge(sql, access, idText, 'change');
  const { peerId, lead } = checked(bookingBody, body);
  const by = access.userId;
  return sql.begin(async (tx) => {
    const booked = await bookPeer(tx, challenge.id, peerId, lead, by);
    if (booked.kind === 'refused') throw refusalOf(booked.problem, booked.clash);
    await access.audit(tx, 'change', 'peer_challenge', String(challenge.id), `booked peer ${peerId}${lead ? ' as lead' : ''} for the week on site`);
    const shared = await shareBookingWithPeer(tx, booked.bookingId, by);
    if (shared) await access.audit(tx, 'share', 'peer_challenge', String(challenge.id), `shared with ${shared.withUserName} (share ${shared.id}): ${shared.reason}`);
    return (await teamOf(tx, challenge.id)).find((m) => m.bookingId === booked.bookingId)!;
  });
}

/** Takes a peer off the team, saying why; their days are freed and the booking kept. */
export async function releaseFromTeam(sql: Sql, access: RequestAccess, idText: unknown, body: Readonly<Record<string, unknown>>): Promise<{ bookingId: number }> {
  const challenge = await findChallenge(sql, access, idText, 'change');
  const { peerId, reason } = checked(releaseBody, body);
  const by = access.userId;
  return sql.begin(async (tx) => {
    const released = await releasePeer(tx, challenge.id, peerId, reason, by);
    if (released.kind === 'refused') throw refusalOf(released.problem);
    await access.audit(tx, 'change', 'peer_challenge', String(challenge.id), `released peer ${peerId} from the team: ${reason}`);
    const revoked = await unshareReleasedBooking(tx, released.bookingId, by, reason);
    if (revoked) await access.audit(tx, 'unshare', 'peer_challenge', String(challenge.id), `un-shared from ${revoked.withUserName} (share ${revoked.id}): ${revoked.revokeReason}`);
    return { bookingId: released.bookingId };
  });
}

/** A clash is a conflict with what is kept (409, naming it); anything else a bad field (400). */
function refusalOf(problem: Problem, clash?: BookingClash): HttpError {
  const message = problem.message; // the store's problem names its field already
  if (clash) return new HttpError(409, 'conflict', message, { problems: [{ field: problem.field, message }], clash });
  if (problem.field === 'challenge' || problem.field === 'lead' || problem.message.includes('already'))
    return new HttpError(409, 'conflict', message, { problems: [{ field: problem.field, message }] });
  return invalidInput([{ field: problem.field, message }]);
}
