// Breaks in a metric's series (issue 18: "Not rated ... break in series";
// "rating across a break needs a rebased baseline"). The store keeps every
// change to a metric's definition (metric_history, written by a trigger) but
// not the period it took effect from, so the period is read from the data:
// a break starts at the earliest period whose figures first came after the
// definition changed, in the batch that changed it or a later one. Figures of
// periods that had come before (revised or not) stay on the old side. Only a
// change to what is counted breaks the series; a new title, source, theme or
// number of decimals does not.
import type { Db } from './store.ts';

/** The definition's fields (the store's columns) whose change makes figures before and after it unlike. */
export const BREAKING_FIELDS = ['definition', 'unit', 'value_kind', 'multiplier', 'period_kind'] as const;

/** Each metric's breaks by id, as period labels oldest first; metrics without one are absent. `ids` limits it to some metrics. */
export async function seriesBreaks(sql: Db, ids?: readonly number[]): Promise<Map<number, string[]>> {
  const rows = await sql<{ metricId: number; label: string }[]>`
    with changed as (
      select h.metric_id, h.superseded_by, h.superseded_at from metric_history h
      where h.changes ?| ${sql.array([...BREAKING_FIELDS])}::text[] ${ids ? sql`and h.metric_id = any(${sql.array([...ids])}::int[])` : sql``}
    ),
    firsts as (
      select f.metric_id, f.period, min(f.batch_id) as batch_id from (
        select metric_id, period, batch_id from observation where metric_id in (select metric_id from changed)
        union all
        select metric_id, period, batch_id from observation_history where metric_id in (select metric_id from changed)
      ) f group by f.metric_id, f.period
    )
    select distinct c.metric_id as "metricId", b.label, b.start_date from changed c
    cross join lateral (
      select p.label, p.start_date from firsts f join period p on p.label = f.period join import_batch ib on ib.id = f.batch_id
      where f.metric_id = c.metric_id and (case when c.superseded_by is null then ib.received_at > c.superseded_at else f.batch_id >= c.superseded_by end)
      order by p.start_date, p.label limit 1
    ) b
    order by b.start_date, b.label`;
  const breaks = new Map<number, string[]>();
  for (const row of rows) {
    const list = breaks.get(row.metricId) ?? [];
    list.push(row.label);
    breaks.set(row.metricId, list);
  }
  return breaks;
}
