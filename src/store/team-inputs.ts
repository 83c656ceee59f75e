// What a team suggestion reads of the store (issue 21, build item 5), in the
// shapes of peerPool, bookingsAround and placesOf (peer-pool.ts), for the
// domain's suggestTeam and checkTeam, cheaply enough for a manager waiting
// (p99 within 100 ms over 5,000 peers, bench/peer-challenge.ts).
//
// The pool (every peer with their days away, conflicts and peer days given)
// is the costly part and changes seldom: each server keeps the pool it last
// read, with the pool's generation (migration 043: moved once by every
// transaction that changes a peer, their days away, their conflicts or a
// booking, as it commits, in the order they commit) and the day it was read
// for. When the generation has moved it reads again only the peers touched
// since (each peer's days given from their own bookings, by index); a new
// day, many peers touched, or a pool older than the touched peers kept
// (10,000 generations), reads the whole pool. The generation is read
// before the peers, so a change committed between the two is read again
// next time rather than missed. The week's bookings and the councils' places
// are read afresh each call, by index.
import type { AreaType } from '../domain/area/index.ts';
import type { Booking, DateSpan, Peer, Places } from '../domain/peer-challenge/index.ts';
import { peerPool } from './peer-pool.ts';
import type { Db } from './store.ts';

export interface TeamInputs {
  readonly peers: readonly Peer[];
  /** The bookings held whose days touch the week. */
  readonly bookings: readonly Booking[];
  /** Every current council, for the conflict rules. */
  readonly places: Places;
}

interface KeptPool {
  readonly generation: string;
  readonly today: string;
  readonly peers: readonly Peer[];
}

/** Per connection pool (a transaction's reads are never kept): the pool as last read. */
const kept = new WeakMap<Db, KeptPool>();

/** Beyond this many peers touched since the pool was kept, the whole pool is read again. */
const READ_AGAIN_BEYOND = 200;
/** The generations whose touched peers are kept (migration 043); a pool older than that is read whole. */
const GENERATIONS_KEPT = 10_000n;

/** The peers, the week's bookings and the councils' places a suggestion for `onSite` reads, as of `today` (YYYY-MM-DD). */
export async function teamInputs(sql: Db, onSite: DateSpan, today: string): Promise<TeamInputs> {
  const [[{ generation, bookings }], places] = await Promise.all([generationAndWeek(sql, onSite), councilPlaces(sql)]);
  const known = kept.get(sql);
  if (known && known.generation === generation && known.today === today) return { peers: known.peers, bookings, places };
  const recent = known && known.today === today && BigInt(generation) - BigInt(known.generation) < GENERATIONS_KEPT;
  const peers = recent ? await touchedSince(sql, known, generation) : await peerPool(sql, today);
  if (!('savepoint' in sql)) kept.set(sql, { generation, today, peers });
  return { peers, bookings, places };
}

/** The kept pool with the peers touched after its generation, up to `generation`, read again; the whole pool when many were. */
async function touchedSince(sql: Db, known: KeptPool, generation: string): Promise<readonly Peer[]> {
  const touched = await sql<{ id: number }[]>`
    select distinct peer_id as id from peer_pool_touched where generation > ${known.generation}::bigint and generation <= ${generation}::bigint limit ${READ_AGAIN_BEYOND + 1}`;
  if (touched.length > READ_AGAIN_BEYOND) return peerPool(sql, known.today);
  const fresh = new Map(
    (
      await peersNamed(
        sql,
        known.today,
        touched.map((t) => t.id),
      )
    ).map((p) => [p.id, p]),
  );
  const ids = new Set(touched.map((t) => String(t.id)));
  const peers = known.peers.filter((p) => !ids.has(p.id)).concat([...fresh.values()]);
  return peers.sort((a, b) => Number(a.id) - Number(b.id));
}

/** The peers named, as peerPool reads them, each one's days given summed from their own bookings. */
function peersNamed(sql: Db, today: string, ids: readonly number[]): Promise<Peer[]> {
  return sql<Peer[]>`
    select p.id::text as id, p.name, p.role, p.party, p.area_code as "councilCode", p.skills, p.sector_experience as "sectorExperience",
      coalesce((select json_agg(json_build_object('from', to_char(lower(u.during), 'YYYY-MM-DD'), 'to', to_char(upper(u.during) - 1, 'YYYY-MM-DD')) order by u.during)
        from peer_unavailable u where u.peer_id = p.id and u.withdrawn_at is null), '[]') as unavailable,
      coalesce((select json_agg(json_build_object('councilCode', c.area_code, 'reason', c.reason) order by c.area_code) from peer_conflict c where c.peer_id = p.id and c.withdrawn_at is null), '[]') as "declaredConflicts",
      coalesce((select sum(least(upper(b.during), ${today}::date + 1) - lower(b.during))::integer
        from peer_booking b where b.peer_id = p.id and b.released_at is null and lower(b.during) <= ${today}::date), 0) as "peerDaysGiven"
    from peer p where p.id = any(${ids as number[]}::integer[])
    order by p.id`;
}

function generationAndWeek(sql: Db, onSite: DateSpan): Promise<[{ generation: string; bookings: Booking[] }]> {
  return sql<[{ generation: string; bookings: Booking[] }]>`
    select (select generation::text from peer_pool_generation) as generation,
      coalesce((select json_agg(json_build_object('peerId', b.peer_id::text, 'challengeId', b.challenge_id::text,
        'onSite', json_build_object('from', to_char(lower(b.during), 'YYYY-MM-DD'), 'to', to_char(upper(b.during) - 1, 'YYYY-MM-DD'))))
        from peer_booking b where b.released_at is null and b.during && ${`[${onSite.from},${onSite.to}]`}::daterange), '[]') as bookings`;
}

/** Every current council as the conflict rules read it: its county, the councils it borders, a chief executive it shares. */
async function councilPlaces(sql: Db): Promise<Places> {
  const rows = await sql<{ code: string; name: string; type: AreaType; county: string | null; borders: string[]; sharedChiefExecutive: string | null }[]>`
    with border as (
      select area_code as code, other_area_code as other from council_border
      union all select other_area_code, area_code from council_border),
    borders as (select code, array_agg(other) as borders from border group by code)
    select a.code, a.name, a.type, a.county_code as county, s.chief_executive as "sharedChiefExecutive", coalesce(b.borders, '{}') as borders
    from area a left join shared_chief_executive s on s.area_code = a.code left join borders b on b.code = a.code
    where a.end_date is null`;
  return new Map(rows.map((row) => [row.code, { ...row, borders: new Set(row.borders) }]));
}
