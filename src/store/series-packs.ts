// Metrics' observations kept packed (migration 021), so that a server
// starting reads a row a metric rather than making one from four million
// observations. Changing a metric's observations deletes its pack (a
// trigger, in the same transaction); packMissingSeries makes the packs
// that are missing, from the observations, and runs as a job a minute
// (src/jobs/series-packs.ts).
import { packedColumns, planAlongTheKey } from './benchmark-source.ts';
import type { Db, Sql } from './store.ts';

/** Taken shared by every writer of observations (the triggers of migration 021), and alone by the packer. */
export const SERIES_PACK_LOCK = 7031500021;

/** Metrics that have observations but no pack. */
async function unpacked(sql: Db): Promise<number[]> {
  const rows = await sql<{ id: number }[]>`
    select m.id from metric m
    where not exists (select from series_pack p where p.metric_id = m.id)
      and exists (select from observation o where o.metric_id = m.id)
    order by m.id`;
  return rows.map((row) => row.id);
}

/**
 * Packs every metric that has observations and no pack; returns how many.
 * The lock is taken before the observations are read: every writer under
 * way has then committed, and a writer that comes after deletes the packs
 * its change made stale once this transaction has committed. A run with
 * nothing to pack takes no lock.
 */
export async function packMissingSeries(sql: Sql): Promise<{ metrics: number; observations: number }> {
  if ((await unpacked(sql)).length === 0) return { metrics: 0, observations: 0 };
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${SERIES_PACK_LOCK})`;
    const ids = await unpacked(tx);
    await planAlongTheKey(tx);
    const [packed] = await tx<{ metrics: number; observations: number }[]>`
      with packed as (
        insert into series_pack (metric_id, observations, areas, periods, "values", lower, upper, numerator, denominator)
        select metric_id, count(*), ${packedColumns(tx)}
        from observation where metric_id = any(${ids}) group by metric_id
        returning observations)
      select count(*)::int as metrics, coalesce(sum(observations), 0)::int as observations from packed`;
    return packed!;
  });
}

/** Deletes every pack: the index is then read from the observations until they are packed again. */
export async function forgetSeriesPacks(sql: Sql): Promise<void> {
  await sql`delete from series_pack`;
}
