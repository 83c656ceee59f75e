// An adviser's patch (the councils they cover) and their visits of the risk
// view, from which it says what is new since they last looked.
import type { Db } from './store.ts';

/** The councils in a person's patch, by code. */
export async function patchOf(sql: Db, userId: number): Promise<string[]> {
  const rows = await sql<{ code: string }[]>`select area_code as code from adviser_patch where user_id = ${userId} order by area_code`;
  return rows.map((row) => row.code);
}

/** Makes a person's patch exactly these councils; those kept keep the day they were added. */
export async function setPatch(sql: Db, userId: number, areas: readonly string[]): Promise<void> {
  await sql`delete from adviser_patch where user_id = ${userId} and not (area_code = any(${[...areas]}::text[]))`;
  await sql`
    insert into adviser_patch (user_id, area_code) select ${userId}, code from unnest(${[...areas]}::text[]) as code
    on conflict do nothing`;
}

/** How long after a page view the next one still belongs to the same visit. */
const SAME_VISIT = '30 minutes';

/**
 * Records a page view of the risk view at `at` and answers since when what
 * is new is new: the end of the visit before this one, or null on a first
 * visit. Views within half an hour of the last are one visit.
 */
export async function recordVisit(sql: Db, userId: number, at: Date): Promise<Date | null> {
  const [row] = await sql<{ since: Date | null }[]>`
    insert into risk_view_visit (user_id, visited_at, since) values (${userId}, ${at}, null)
    on conflict (user_id) do update set
      since = case when excluded.visited_at - risk_view_visit.visited_at < ${SAME_VISIT}::interval then risk_view_visit.since else risk_view_visit.visited_at end,
      visited_at = greatest(risk_view_visit.visited_at, excluded.visited_at)
    returning since`;
  return row!.since;
}
