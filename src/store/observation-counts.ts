// How many current observations the store holds for each metric: what the
// nightly check (src/jobs/index-check.ts) sets against the benchmark index,
// which loads every current observation of every metric. The check runs on
// one server, which asks the others, on a channel of their own, to check
// theirs: each server holds an index of its own.
import type { Sql } from './store.ts';

/** Every metric's code, with its count of current observations (0 for none). */
export async function observationCounts(sql: Sql): Promise<Map<string, number>> {
  const rows = await sql<{ code: string; count: number }[]>`
    select m.code, coalesce(o.count, 0)::integer as count
    from metric m left join (select metric_id, count(*) as count from observation group by metric_id) o on o.metric_id = m.id`;
  return new Map(rows.map((r) => [r.code, r.count]));
}

const INDEX_CHECK_CHANNEL = 'lantern_index_check';

/** Asks every server to check its benchmark index against the store; `from` names the asker, which checks its own already. */
export async function askIndexCheck(sql: Sql, from: string): Promise<void> {
  await sql`select pg_notify(${INDEX_CHECK_CHANNEL}, ${from})`;
}

/** Calls `check` whenever a server asks for the check, with the asker's name, until `unlisten`. */
export async function onIndexCheckAsked(sql: Sql, check: (from: string) => void): Promise<{ unlisten: () => Promise<void> }> {
  return sql.listen(INDEX_CHECK_CHANNEL, check);
}
