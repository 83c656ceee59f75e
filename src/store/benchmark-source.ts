// Reading the store into the benchmark index: the areas, the metrics, and
// every current observation, per metric, a page of rows at a time as plain
// arrays (no object per row: four million rows come through here at start).
import { BenchmarkIndex, SeriesBuilder, type IndexArea, type IndexMetric } from '../domain/benchmark/benchmark-index.ts';
import { countsGiveIntervals } from '../domain/benchmark/benchmark-queries.ts';
import type { Sql } from './store.ts';

export async function loadIndexAreas(sql: Sql): Promise<IndexArea[]> {
  return sql<IndexArea[]>`
    select code, name, type, region_code as "regionCode", county_code as "countyCode",
      to_char(start_date, 'YYYY-MM-DD') as "startDate", to_char(end_date, 'YYYY-MM-DD') as "endDate", successor_codes as "successorCodes"
    from area order by code`;
}

export async function loadIndexMetrics(sql: Sql, ids?: readonly number[]): Promise<IndexMetric[]> {
  return sql<IndexMetric[]>`
    select id, code, title, definition, unit, polarity, value_kind as "valueKind", multiplier, period_kind as "periodKind",
      source, themes, decimals, ci_method as "ciMethod", status
    from metric ${ids ? sql`where id = any(${ids as number[]})` : sql``} order by id`;
}

type Row = [number, string, number | null, number | null, number | null, number | null, number | null];

/** Metrics read at once: the store answers one while the index files the rows of another. */
const PARALLEL_READS = 4;

/**
 * Builds the series of the given metrics from the store and puts them into
 * the index, replacing what it held for them. One query per metric, along the
 * observation table's key (no sort, no join: periods are looked up here).
 */
export async function loadSeries(sql: Sql, index: BenchmarkIndex, metrics: readonly IndexMetric[]): Promise<number> {
  const areaNumber = new Map(index.areas.map((a, i) => [a.code, i]));
  const areas = await sql<{ id: number; code: string }[]>`select id, code from area`;
  const numberOfAreaId = new Map(areas.map((a) => [a.id, areaNumber.get(a.code)!]));
  const periods = new Map((await sql<{ label: string; start: string; end: string }[]>`
    select label, to_char(start_date, 'YYYY-MM-DD') as start, to_char(end_date, 'YYYY-MM-DD') as end from period`).map((p) => [p.label, p]));
  let rows = 0;
  let next = 0;
  const worker = async () => {
    while (next < metrics.length) {
      const metric = metrics[next++]!;
      const found = await sql`
        select area_id, period, value, lower_ci, upper_ci, numerator, denominator
        from observation where metric_id = ${metric.id}`.values() as unknown as Row[];
      const builder = new SeriesBuilder(countsGiveIntervals(metric));
      for (const [areaId, period, value, lowerCi, upperCi, numerator, denominator] of found) {
        const dates = periods.get(period)!;
        builder.add(period, dates.start, dates.end, { area: numberOfAreaId.get(areaId)!, value, lowerCi, upperCi, numerator, denominator });
      }
      index.put(metric, builder.build());
      rows += found.length;
    }
  };
  await Promise.all(Array.from({ length: PARALLEL_READS }, worker));
  return rows;
}

/** What a loaded batch touched: whether areas came with it, and which metrics' series it changed. */
export interface BatchReach {
  readonly areas: boolean;
  readonly metricIds: readonly number[];
}

/**
 * What a batch touched, or undefined when there is no such batch. A batch of
 * areas, or of observations that added areas (--add-areas), touches the areas;
 * a batch of metric definitions touches the metrics it defined; one of
 * observations, the metrics it brought rows for.
 */
export async function reachOfBatch(sql: Sql, batchId: number): Promise<BatchReach | undefined> {
  const [batch] = await sql<{ kind: string; addedAreas: boolean }[]>`
    select kind, exists (select 1 from area where batch_id = ${batchId}) as "addedAreas" from import_batch where id = ${batchId}`;
  if (!batch) return undefined;
  if (batch.kind === 'areas' || batch.addedAreas) return { areas: true, metricIds: [] };
  const rows = batch.kind === 'metrics'
    ? await sql<{ id: number }[]>`select id from metric where batch_id = ${batchId}`
    : await sql<{ id: number }[]>`select metric_id as id from batch_metric where batch_id = ${batchId}`;
  return { areas: false, metricIds: rows.map((r) => r.id) };
}
