// The peer pool as its pages read it: peers listed with filters (role,
// council, skill, kind of council known, party, free for a span), a page at
// a time with their count, one peer
// with their days away, declared conflicts and bookings, and days away
// recorded under the peer's lock, refused while the peer is booked on any of
// them. Adding a peer and declaring a conflict stay in peer-pool.ts.
import type { AreaType } from '../domain/area/index.ts';
import { problem, type DateSpan, type PeerRole, type Problem } from '../domain/peer-challenge/index.ts';
import type { Db } from './store.ts';

export interface PeerFilter {
  readonly role?: PeerRole | undefined;
  readonly council?: string | undefined;
  readonly skill?: string | undefined;
  readonly experience?: AreaType | undefined;
  readonly party?: string | undefined;
  /** Neither booked nor away on any day of the span. */
  readonly free?: DateSpan | undefined;
}

export interface PeerRow {
  readonly id: number;
  readonly name: string;
  readonly role: PeerRole;
  readonly party: string | null;
  readonly councilCode: string | null;
  readonly councilName: string | null;
  readonly skills: readonly string[];
  readonly sectorExperience: readonly AreaType[];
  readonly userId: number | null;
  /** Days of their bookings up to `today`. */
  readonly daysGiven: number;
  readonly unavailable: readonly (DateSpan & { readonly id: number; readonly reason: string | null })[];
}

export interface PeerBookingRow {
  readonly challengeId: number;
  readonly councilName: string;
  readonly kind: string;
  readonly onSite: DateSpan;
  readonly lead: boolean;
  readonly releasedAt: Date | null;
  readonly releaseReason: string | null;
}

/** Who withdrew a peer's days away or declared conflict, when and why (migrations 051 and 055). */
export interface Withdrawal {
  readonly withdrawnAt: Date;
  readonly withdrawnBy: string | null;
  readonly withdrawReason: string | null;
}

export interface PeerDetail extends PeerRow {
  readonly conflicts: readonly { readonly councilCode: string; readonly councilName: string; readonly reason: string; readonly declaredAt: Date }[];
  readonly bookings: readonly PeerBookingRow[];
  /** Days away withdrawn, kept whole: the days withdrawn, and the span they were cut from when it was under way. */
  readonly withdrawnAway: readonly (Withdrawal & { readonly id: number; readonly from: string; readonly to: string; readonly reason: string | null; readonly cutFrom: number | null })[];
  /** Declared conflicts withdrawn, each with its declaration; a conflict declared again is a standing one of its own. */
  readonly withdrawnConflicts: readonly (Withdrawal & { readonly councilCode: string; readonly councilName: string; readonly reason: string; readonly declaredAt: Date })[];
}

const DAY = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;
const SPAN_OF = (column: string) => `json_build_object('from', ${DAY(`lower(${column})`)}, 'to', ${DAY(`upper(${column}) - 1`)})`;

function rowSelect(sql: Db, today: string) {
  return sql`
    p.id, p.name, p.role, p.party, p.area_code as "councilCode", a.name as "councilName", p.skills, p.sector_experience as "sectorExperience",
    p.user_id as "userId",
    coalesce((select sum(least(upper(b.during), ${today}::date + 1) - lower(b.during)) from peer_booking b
      where b.peer_id = p.id and b.released_at is null and lower(b.during) <= ${today}::date), 0)::integer as "daysGiven",
    coalesce((select json_agg(json_build_object('id', u.id, 'from', ${sql.unsafe(DAY('lower(u.during)'))}, 'to', ${sql.unsafe(DAY('upper(u.during) - 1'))}, 'reason', u.reason) order by u.during)
      from peer_unavailable u where u.peer_id = p.id and u.withdrawn_at is null), '[]') as unavailable`;
}

/** The peers that pass the filter, by name; `page` the slice of them to read. */
export function listPeers(sql: Db, filter: PeerFilter, today: string, page?: { readonly limit: number; readonly offset: number }): Promise<PeerRow[]> {
  return sql<PeerRow[]>`
    select ${rowSelect(sql, today)}
    from peer p left join area a on a.code = p.area_code
    where ${filtered(sql, filter)}
    order by p.name, p.id
    ${page ? sql`limit ${page.limit} offset ${page.offset}` : sql``}`;
}

/** How many peers pass the filter. */
export async function countPeers(sql: Db, filter: PeerFilter): Promise<number> {
  const [row] = await sql<{ count: number }[]>`select count(*)::integer as count from peer p where ${filtered(sql, filter)}`;
  return row!.count;
}

function filtered(sql: Db, filter: PeerFilter) {
  const free = filter.free ? `[${filter.free.from},${filter.free.to}]` : null;
  return sql`true
      ${filter.role ? sql`and p.role = ${filter.role}` : sql``}
      ${filter.council ? sql`and p.area_code = ${filter.council}` : sql``}
      ${filter.skill ? sql`and ${filter.skill} = any(p.skills)` : sql``}
      ${filter.experience ? sql`and ${filter.experience} = any(p.sector_experience)` : sql``}
      ${filter.party ? sql`and lower(p.party) = lower(${filter.party})` : sql``}
      ${
        free
          ? sql`and not exists (select 1 from peer_booking b where b.peer_id = p.id and b.released_at is null and b.during && ${free}::daterange)
                and not exists (select 1 from peer_unavailable u where u.peer_id = p.id and u.withdrawn_at is null and u.during && ${free}::daterange)`
          : sql``
      }`;
}

export async function peerDetail(sql: Db, id: number, today: string): Promise<PeerDetail | undefined> {
  const [row] = await sql<PeerDetail[]>`
    select ${rowSelect(sql, today)},
      coalesce((select json_agg(json_build_object('councilCode', c.area_code, 'councilName', ca.name, 'reason', c.reason, 'declaredAt', c.declared_at) order by ca.name)
        from peer_conflict c join area ca on ca.code = c.area_code where c.peer_id = p.id and c.withdrawn_at is null), '[]') as conflicts,
      coalesce((select json_agg(json_build_object('challengeId', b.challenge_id, 'councilName', ba.name, 'kind', ch.kind, 'onSite', ${sql.unsafe(SPAN_OF('b.during'))},
          'lead', b.lead, 'releasedAt', b.released_at, 'releaseReason', b.release_reason) order by lower(b.during) desc, b.id desc)
        from peer_booking b join peer_challenge ch on ch.id = b.challenge_id join area ba on ba.code = ch.area_code where b.peer_id = p.id), '[]') as bookings,
      coalesce((select json_agg(json_build_object('id', u.id, 'from', ${sql.unsafe(DAY('lower(u.during)'))}, 'to', ${sql.unsafe(DAY('upper(u.during) - 1'))}, 'reason', u.reason,
          'cutFrom', u.cut_from, 'withdrawnAt', u.withdrawn_at, 'withdrawnBy', wu.name, 'withdrawReason', u.withdraw_reason) order by u.withdrawn_at desc, u.id desc)
        from peer_unavailable u left join user_account wu on wu.id = u.withdrawn_by where u.peer_id = p.id and u.withdrawn_at is not null), '[]') as "withdrawnAway",
      coalesce((select json_agg(json_build_object('councilCode', c.area_code, 'councilName', ca.name, 'reason', c.reason, 'declaredAt', c.declared_at,
          'withdrawnAt', c.withdrawn_at, 'withdrawnBy', wu.name, 'withdrawReason', c.withdraw_reason) order by c.withdrawn_at desc, c.id desc)
        from peer_conflict c join area ca on ca.code = c.area_code left join user_account wu on wu.id = c.withdrawn_by
        where c.peer_id = p.id and c.withdrawn_at is not null), '[]') as "withdrawnConflicts"
    from peer p left join area a on a.code = p.area_code
    where p.id = ${id}`;
  return row;
}

export type Recorded = { readonly kind: 'ok' } | { readonly kind: 'refused'; readonly problem: Problem; readonly clash: boolean };

/**
 * Records days the peer cannot give, under the peer's lock (as a booking
 * takes it), so that no booking lands on them between the check and the
 * write; refused while the peer is booked on any of them.
 */
export async function addUnavailable(tx: Db, peerId: number, span: DateSpan, reason: string | null): Promise<Recorded> {
  const [peer] = await tx<{ name: string }[]>`select name from peer where id = ${peerId} for update`;
  if (!peer) return { kind: 'refused', problem: problem('peer', `no peer has the id ${peerId}`), clash: false };
  const [booked] = await tx<{ challengeId: number; councilName: string; onSite: DateSpan }[]>`
    select b.challenge_id as "challengeId", a.name as "councilName", ${tx.unsafe(SPAN_OF('b.during'))} as "onSite"
    from peer_booking b join peer_challenge c on c.id = b.challenge_id join area a on a.code = c.area_code
    where b.peer_id = ${peerId} and b.released_at is null and b.during && ${`[${span.from},${span.to}]`}::daterange
    order by lower(b.during) limit 1`;
  if (booked) {
    const message = `${peer.name} is booked from ${booked.onSite.from} to ${booked.onSite.to} for ${booked.councilName}'s peer challenge (challenge ${booked.challengeId}): release them first`;
    return { kind: 'refused', problem: problem('from', message), clash: true };
  }
  await tx`insert into peer_unavailable (peer_id, during, reason) values (${peerId}, ${`[${span.from},${span.to}]`}::daterange, ${reason})`;
  return { kind: 'ok' };
}
