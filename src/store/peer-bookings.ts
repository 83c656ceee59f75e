// Peers booked for a challenge's week, which is what puts them on its team
// (migration 038). Two managers must never both win a peer for days that
// overlap, nor book a conflicted one, so the store refuses it where the
// writes meet: a booking locks the peer's row (select … for update), so that
// bookings of one peer take turns and each sees the one before; under that
// lock it looks for the clash (another challenge's week, days the peer cannot
// give, a conflict with the council by the domain's `conflictsOf`) and names
// it. The exclusion constraint
// on (peer, dates) stands behind the lock: a writer that forgot the lock is
// still refused.
import type postgres from 'postgres';
import { conflictsOf, problem, STAGE_LABELS, type ConflictKind, type DateSpan, type Problem, type Stage, type TeamMember } from '../domain/peer-challenge/index.ts';
import { peerPool, placesOf } from './peer-pool.ts';
import type { Db, Sql } from './store.ts';

/** What stands in a booking's way. */
export type BookingClash =
  | { readonly kind: 'double_booked'; readonly challengeId: number; readonly councilCode: string; readonly councilName: string; readonly onSite: DateSpan }
  | { readonly kind: 'unavailable'; readonly days: DateSpan; readonly reason: string | null }
  | { readonly kind: 'conflict'; readonly conflict: ConflictKind; readonly sentence: string };

export type Booked = { readonly kind: 'booked'; readonly bookingId: number } | { readonly kind: 'refused'; readonly problem: Problem; readonly clash?: BookingClash };

export interface BookedMember extends TeamMember {
  readonly bookingId: number;
  readonly councilCode: string | null;
  readonly onSite: DateSpan;
  readonly bookedAt: Date;
}

/** The stages a team may change in: once the week is booked, until the team arrives. */
const TEAM_CHANGES: readonly Stage[] = ['booked', 'team_confirmed'];

/** Runs `work` in a transaction: a savepoint inside the caller's, or one of its own on the pool. */
export function inTransaction<T>(sql: Db, work: (tx: postgres.TransactionSql) => Promise<T>): Promise<T> {
  if ('savepoint' in sql) return sql.savepoint(work) as Promise<T>;
  return (sql as Sql).begin(work) as Promise<T>;
}

/**
 * Books a peer for the challenge's week, on its team (its lead, if `lead`);
 * refused, naming the clash, if the peer is taken those days, cannot give
 * them, or is conflicted with the council.
 */
export function bookPeer(sql: Db, challengeId: number, peerId: number, lead: boolean, by: number | null): Promise<Booked> {
  return inTransaction(sql, async (tx) => {
    const [challenge] = await tx<{ councilCode: string; stage: Stage; onSite: DateSpan | null }[]>`
      select c.area_code as "councilCode", c.stage, ${tx.unsafe(SPAN)} as "onSite" from peer_challenge c where c.id = ${challengeId} for share`;
    if (!challenge) return refused(problem('challenge', `no peer challenge has the id ${challengeId}`));
    if (!TEAM_CHANGES.includes(challenge.stage) || challenge.onSite === null) {
      return refused(problem('challenge', `peers are booked once the week is booked and until the team arrives; this challenge is at '${STAGE_LABELS[challenge.stage].toLowerCase()}'`));
    }
    const [peer] = await tx<{ name: string }[]>`select name from peer where id = ${peerId} for update`;
    if (!peer) return refused(problem('peer', `no peer has the id ${peerId}`));
    const onTeam = await tx<{ peerId: number; lead: boolean }[]>`select peer_id as "peerId", lead from peer_booking where challenge_id = ${challengeId} and released_at is null`;
    if (onTeam.some((m) => m.peerId === peerId)) return refused(problem('peer', `${peer.name} is already on the team`));
    if (lead && onTeam.some((m) => m.lead)) return refused(problem('lead', 'the team has a lead already: release them first'));
    const clash = (await clashOf(tx, peerId, peer.name, challenge.onSite, challengeId)) ?? (await conflictOf(tx, peerId, challenge.councilCode));
    if (clash) return clash;
    const [row] = await tx<{ id: number }[]>`
      insert into peer_booking (peer_id, challenge_id, during, lead, booked_by)
      values (${peerId}, ${challengeId}, ${spanRange(challenge.onSite)}::daterange, ${lead}, ${by}) returning id`;
    return { kind: 'booked', bookingId: row!.id };
  });
}

/** Takes a peer off the team and frees their days, keeping the booking with who released it and why. */
export function releasePeer(sql: Db, challengeId: number, peerId: number, reason: string, by: number | null): Promise<Booked> {
  return inTransaction(sql, async (tx) => {
    if (reason.trim() === '') return refused(problem('reason', 'say why the peer is released'));
    const [challenge] = await tx<{ stage: Stage }[]>`select stage from peer_challenge where id = ${challengeId} for share`;
    if (!challenge) return refused(problem('challenge', `no peer challenge has the id ${challengeId}`));
    if (!TEAM_CHANGES.includes(challenge.stage)) return refused(problem('challenge', `the team no longer changes at '${STAGE_LABELS[challenge.stage].toLowerCase()}'`));
    const [row] = await tx<{ id: number }[]>`
      update peer_booking set released_at = now(), released_by = ${by}, release_reason = ${reason.trim()}
      where challenge_id = ${challengeId} and peer_id = ${peerId} and released_at is null returning id`;
    if (!row) return refused(problem('peer', `peer ${peerId} is not on the team`));
    return { kind: 'booked', bookingId: row.id };
  });
}

/** The challenge's team: its peers booked, the lead first. */
export function teamOf(sql: Db, challengeId: number): Promise<BookedMember[]> {
  return sql<BookedMember[]>`
    select b.id as "bookingId", p.id::text as "peerId", p.name, p.role, b.lead, p.area_code as "councilCode",
      json_build_object('from', to_char(lower(b.during), 'YYYY-MM-DD'), 'to', to_char(upper(b.during) - 1, 'YYYY-MM-DD')) as "onSite", b.booked_at as "bookedAt"
    from peer_booking b join peer p on p.id = b.peer_id
    where b.challenge_id = ${challengeId} and b.released_at is null
    order by b.lead desc, p.name, p.id`;
}

/**
 * Moves the team's bookings to the challenge's new week, each peer locked in
 * turn (always in the order of their ids, so that two moves cannot wait on
 * each other); the first clash refuses the move.
 */
export async function rebookTeam(tx: Db, challengeId: number, onSite: DateSpan): Promise<Problem | null> {
  const team = await tx<{ peerId: number; name: string }[]>`
    select p.id as "peerId", p.name from peer p join peer_booking b on b.peer_id = p.id
    where b.challenge_id = ${challengeId} and b.released_at is null order by p.id for update of p`;
  for (const member of team) {
    const clash = await clashOf(tx, member.peerId, member.name, onSite, challengeId);
    if (clash) return clash.problem;
  }
  await tx`update peer_booking set during = ${spanRange(onSite)}::daterange where challenge_id = ${challengeId} and released_at is null`;
  return null;
}

/** Frees the days of a closed challenge's bookings that had not begun by the day it closed. */
export async function releaseTeamAfter(tx: Db, challengeId: number, closedOn: string, by: number | null, reason: string): Promise<void> {
  await tx`
    update peer_booking set released_at = now(), released_by = ${by}, release_reason = ${reason}
    where challenge_id = ${challengeId} and released_at is null and lower(during) > ${closedOn}::date`;
}

const SPAN = `case when c.on_site is null then null else json_build_object('from', to_char(lower(c.on_site), 'YYYY-MM-DD'), 'to', to_char(upper(c.on_site) - 1, 'YYYY-MM-DD')) end`;

/** The first thing that stops the peer giving the days, under the peer's lock. */
async function clashOf(tx: Db, peerId: number, name: string, days: DateSpan, challengeId: number): Promise<Extract<Booked, { kind: 'refused' }> | null> {
  const [other] = await tx<{ challengeId: number; councilCode: string; councilName: string; kind: string; onSite: DateSpan }[]>`
    select c.id as "challengeId", c.area_code as "councilCode", a.name as "councilName", c.kind, ${tx.unsafe(SPAN)} as "onSite"
    from peer_booking b join peer_challenge c on c.id = b.challenge_id join area a on a.code = c.area_code
    where b.peer_id = ${peerId} and b.released_at is null and b.challenge_id <> ${challengeId} and b.during && ${spanRange(days)}::daterange
    order by lower(b.during) limit 1`;
  if (other) {
    const message = `${name} is booked from ${other.onSite.from} to ${other.onSite.to} for ${other.councilName}'s ${other.kind} peer challenge (challenge ${other.challengeId})`;
    return refused(problem('peer', message), { kind: 'double_booked', challengeId: other.challengeId, councilCode: other.councilCode, councilName: other.councilName, onSite: other.onSite });
  }
  const [away] = await tx<{ days: DateSpan; reason: string | null }[]>`
    select json_build_object('from', to_char(lower(during), 'YYYY-MM-DD'), 'to', to_char(upper(during) - 1, 'YYYY-MM-DD')) as days, reason
    from peer_unavailable where peer_id = ${peerId} and withdrawn_at is null and during && ${spanRange(days)}::daterange order by lower(during) limit 1`;
  if (away) {
    const why = away.reason ? ` (${away.reason})` : '';
    return refused(problem('peer', `${name} cannot give ${away.days.from} to ${away.days.to}${why}`), { kind: 'unavailable', days: away.days, reason: away.reason });
  }
  return null;
}

/** The first of the peer's conflicts with the council, by the domain's rules, under the peer's lock. */
async function conflictOf(tx: Db, peerId: number, councilCode: string): Promise<Extract<Booked, { kind: 'refused' }> | null> {
  const [peer] = await peerPool(tx, '1970-01-01', [peerId]);
  const places = await placesOf(tx, peer!.councilCode === null ? [councilCode] : [councilCode, peer!.councilCode]);
  const [first] = conflictsOf(peer!, places.get(councilCode)!, places);
  if (!first) return null;
  return refused(problem('peer', `conflict (${first.kind.replaceAll('_', ' ')}): ${first.sentence}`), { kind: 'conflict', conflict: first.kind, sentence: first.sentence });
}

function spanRange(span: DateSpan): string {
  return `[${span.from},${span.to}]`;
}

function refused(p: Problem, clash?: BookingClash): Extract<Booked, { kind: 'refused' }> {
  return clash ? { kind: 'refused', problem: p, clash } : { kind: 'refused', problem: p };
}
