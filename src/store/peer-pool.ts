// The peer pool as kept (migration 038): member and officer peers with their
// role, council, skills, sector experience and the days they cannot give;
// the conflicts they declared; and what makes a peer conflicted beyond their
// own council that the area register does not hold (a shared boundary, a
// shared chief executive). `peerPool`, `bookingsAround` and `placesOf` read
// them in the domain's shapes for its conflict rules and team suggestion;
// `peerDays` sets, per council, the peer days it gave beside the
// challenges it received: 001's "Giving and taking".
import type { AreaType } from '../domain/area/index.ts';
import { PEER_ROLES, problem, type Booking, type DateSpan, type Peer, type PeerRole, type Places, type Problem } from '../domain/peer-challenge/index.ts';
import { isIsoDay } from '../domain/period/index.ts';
import type { Db } from './store.ts';

export interface PeerDraft {
  readonly name: string;
  readonly role: string;
  readonly party: string | null;
  readonly councilCode: string | null;
  readonly skills: readonly string[];
  readonly sectorExperience: readonly AreaType[];
  readonly unavailable: readonly (DateSpan & { readonly reason?: string })[];
  readonly userId?: number | null;
}

export type Added = { readonly kind: 'ok'; readonly id: number } | { readonly kind: 'refused'; readonly problem: Problem };

/** Adds a peer to the pool; refused, naming the field, for a missing name, an unknown role or council, a party on an officer, days that end before they start. */
export async function addPeer(sql: Db, draft: PeerDraft, by: number | null): Promise<Added> {
  const wrong = peerProblem(draft) ?? (await unknownCouncil(sql, 'councilCode', draft.councilCode));
  if (wrong) return { kind: 'refused', problem: wrong };
  const [row] = await sql<{ id: number }[]>`
    insert into peer (name, role, party, area_code, skills, sector_experience, user_id, added_by)
    values (${draft.name.trim()}, ${draft.role}, ${draft.party?.trim() || null}, ${draft.councilCode}, ${draft.skills as string[]},
      ${draft.sectorExperience as string[]}, ${draft.userId ?? null}, ${by})
    returning id`;
  const id = row!.id;
  if (draft.unavailable.length > 0) {
    await sql`insert into peer_unavailable ${sql(draft.unavailable.map((span) => ({ peer_id: id, during: `[${span.from},${span.to}]`, reason: span.reason ?? null })))}`;
  }
  return { kind: 'ok', id };
}

function peerProblem(draft: PeerDraft): Problem | null {
  if (draft.name.trim() === '') return problem('name', "give the peer's name");
  if (!(PEER_ROLES as readonly string[]).includes(draft.role)) return problem('role', `give one of ${PEER_ROLES.join(', ')}`);
  if ((draft.role as PeerRole) !== 'councillor' && draft.party?.trim()) return problem('party', 'only a member peer (a councillor) has a party');
  if ((draft.role as PeerRole) === 'councillor' && !draft.party?.trim()) return problem('party', "give a member peer's party, or Independent");
  for (const [i, span] of draft.unavailable.entries()) {
    if (!isIsoDay(span.from)) return problem(`unavailable[${i}].from`, 'give the first day as YYYY-MM-DD');
    if (!isIsoDay(span.to)) return problem(`unavailable[${i}].to`, 'give the last day as YYYY-MM-DD');
    if (span.to < span.from) return problem(`unavailable[${i}].to`, `the last day (${span.to}) is before the first (${span.from})`);
  }
  return null;
}

async function unknownCouncil(sql: Db, field: string, code: string | null): Promise<Problem | null> {
  if (code === null) return null;
  const [known] = await sql`select 1 from area where code = ${code}`;
  return known ? null : problem(field, `no council has the code '${code}'`);
}

/**
 * Records a conflict a peer declared with a council, or changes the reason of
 * the one standing. A conflict declared again after it was withdrawn is a
 * new record: the withdrawn one stays, with its who, when and why.
 * Its row lock on the peer waits for a booking of the peer under way, so a
 * booking either comes before the declaration or sees it.
 */
export async function declareConflict(sql: Db, peerId: number, councilCode: string, reason: string, by: number | null): Promise<Added> {
  if (reason.trim() === '') return { kind: 'refused', problem: problem('reason', 'say why the peer is conflicted') };
  const wrong = await unknownCouncil(sql, 'councilCode', councilCode);
  if (wrong) return { kind: 'refused', problem: wrong };
  const [peer] = await sql`select id from peer where id = ${peerId}`;
  if (!peer) return { kind: 'refused', problem: problem('peer', `no peer has the id ${peerId}`) };
  await sql`
    insert into peer_conflict (peer_id, area_code, reason, declared_by) values (${peerId}, ${councilCode}, ${reason.trim()}, ${by})
    on conflict (peer_id, area_code) where withdrawn_at is null do update set reason = excluded.reason, declared_by = excluded.declared_by, declared_at = now()`;
  return { kind: 'ok', id: peerId };
}

/** Records that two councils share a boundary; kept once, whichever order they are given in. */
export async function addBorder(sql: Db, a: string, b: string, source: string | null): Promise<void> {
  const [first, second] = a < b ? [a, b] : [b, a];
  await sql`insert into council_border (area_code, other_area_code, source) values (${first}, ${second}, ${source}) on conflict do nothing`;
}

/** Records that the councils share one chief executive, named, replacing what was kept of them before. */
export async function shareChiefExecutive(sql: Db, councilCodes: readonly string[], chiefExecutive: string, source: string | null): Promise<void> {
  await sql`
    insert into shared_chief_executive ${sql(councilCodes.map((code) => ({ area_code: code, chief_executive: chiefExecutive.trim(), source })))}
    on conflict (area_code) do update set chief_executive = excluded.chief_executive, source = excluded.source`;
}

/**
 * Councils as the domain's conflict rules read them (their county, borders
 * and a shared chief executive): those named, or every current council.
 */
export async function placesOf(sql: Db, codes?: readonly string[]): Promise<Places> {
  const rows = await sql<{ code: string; name: string; type: AreaType; county: string | null; borders: string[]; sharedChiefExecutive: string | null }[]>`
    select a.code, a.name, a.type, a.county_code as county, s.chief_executive as "sharedChiefExecutive",
      array(select case when b.area_code = a.code then b.other_area_code else b.area_code end
        from council_border b where b.area_code = a.code or b.other_area_code = a.code) as borders
    from area a left join shared_chief_executive s on s.area_code = a.code
    where ${codes ? sql`a.code = any(${codes as string[]})` : sql`a.end_date is null`}`;
  return new Map(rows.map((row) => [row.code, { ...row, borders: new Set(row.borders) }]));
}

/**
 * Every peer in the domain's shape, for a team suggestion or a booking's
 * check: their own days away, the conflicts they declared, and the peer days
 * they gave (the days of their bookings up to `today`). `ids` reads only those.
 */
export function peerPool(sql: Db, today: string, ids?: readonly number[]): Promise<Peer[]> {
  return sql<Peer[]>`
    with given as (
      select b.peer_id, sum(least(upper(b.during), ${today}::date + 1) - lower(b.during))::integer as days
      from peer_booking b where b.released_at is null and lower(b.during) <= ${today}::date group by b.peer_id),
    away as (
      select peer_id, json_agg(json_build_object('from', to_char(lower(during), 'YYYY-MM-DD'), 'to', to_char(upper(during) - 1, 'YYYY-MM-DD')) order by during) as spans
      from peer_unavailable where withdrawn_at is null group by peer_id),
    declared as (
      select peer_id, json_agg(json_build_object('councilCode', area_code, 'reason', reason) order by area_code) as conflicts from peer_conflict where withdrawn_at is null group by peer_id)
    select p.id::text as id, p.name, p.role, p.party, p.area_code as "councilCode", p.skills, p.sector_experience as "sectorExperience",
      coalesce(away.spans, '[]') as unavailable, coalesce(declared.conflicts, '[]') as "declaredConflicts", coalesce(given.days, 0) as "peerDaysGiven"
    from peer p left join given on given.peer_id = p.id left join away on away.peer_id = p.id left join declared on declared.peer_id = p.id
    ${ids ? sql`where p.id = any(${ids as number[]})` : sql``}
    order by p.id`;
}

/** The bookings held whose days touch the span, in the domain's shape: what a suggestion for that week must step round. */
export function bookingsAround(sql: Db, span: DateSpan): Promise<Booking[]> {
  return sql<Booking[]>`
    select peer_id::text as "peerId", challenge_id::text as "challengeId",
      json_build_object('from', to_char(lower(during), 'YYYY-MM-DD'), 'to', to_char(upper(during) - 1, 'YYYY-MM-DD')) as "onSite"
    from peer_booking where released_at is null and during && ${`[${span.from},${span.to}]`}::daterange`;
}

export interface CouncilPeerDays {
  readonly councilCode: string;
  readonly councilName: string;
  /** Days the council's peers spent on other councils' challenges, up to today. */
  readonly daysGiven: number;
  /** Challenges whose team has been on site at the council, withdrawn ones apart. */
  readonly challengesReceived: number;
  /** Days peers spent on the council's own challenges, up to today. */
  readonly daysReceived: number;
}

/** Per council, peer days given beside challenges and days received, up to `today`: every council that gave or received. */
export function peerDays(sql: Db, today: string): Promise<CouncilPeerDays[]> {
  return sql<CouncilPeerDays[]>`
    with held as (
      select b.peer_id, b.challenge_id, least(upper(b.during), ${today}::date + 1) - lower(b.during) as days
      from peer_booking b where b.released_at is null and lower(b.during) <= ${today}::date),
    given as (select p.area_code, sum(h.days)::integer as days from held h join peer p on p.id = h.peer_id where p.area_code is not null group by p.area_code),
    received as (
      select c.area_code, count(*)::integer as challenges, coalesce(sum((select sum(h.days) from held h where h.challenge_id = c.id)), 0)::integer as days
      from peer_challenge c
      where lower(c.on_site) <= ${today}::date and not (c.stage = 'closed' and c.feedback_on is null)
      group by c.area_code)
    select a.code as "councilCode", a.name as "councilName", coalesce(g.days, 0) as "daysGiven",
      coalesce(r.challenges, 0) as "challengesReceived", coalesce(r.days, 0) as "daysReceived"
    from area a left join given g on g.area_code = a.code left join received r on r.area_code = a.code
    where g.area_code is not null or r.area_code is not null
    order by a.name, a.code`;
}
