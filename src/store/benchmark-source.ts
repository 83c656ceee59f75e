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

type Row = [number, number, string, string, string, number | null, number | null, number | null, number | null, number | null];

/**
 * Builds the series of the given metrics (all when none are given) from the
 * store and puts them into the index, replacing what it held for them.
 */
export async function loadSeries(sql: Sql, index: BenchmarkIndex, metrics: readonly IndexMetric[]): Promise<number> {
  const areaNumber = new Map(index.areas.map((a, i) => [a.code, i]));
  const areaCodes = await sql<{ id: number; code: string }[]>`select id, code from area`;
  const numberOfAreaId = new Map(areaCodes.map((a) => [a.id, areaNumber.get(a.code)!]));
  const byId = new Map(metrics.map((m) => [m.id, m]));
  let builder: SeriesBuilder | undefined;
  let current: number | undefined;
  let rows = 0;
  const finish = () => {
    if (builder && current !== undefined) index.put(byId.get(current)!, builder.build());
  };
  const cursor = sql`
    select o.metric_id, o.area_id, o.period, to_char(p.start_date, 'YYYY-MM-DD'), to_char(p.end_date, 'YYYY-MM-DD'),
      o.value, o.lower_ci, o.upper_ci, o.numerator, o.denominator
    from observation o join period p on p.label = o.period
    where o.metric_id = any(${[...byId.keys()]})
    order by o.metric_id`.values().cursor(20_000) as unknown as AsyncIterable<Row[]>;
  for await (const page of cursor) {
    for (const [metricId, areaId, period, start, end, value, lowerCi, upperCi, numerator, denominator] of page) {
      if (metricId !== current) {
        finish();
        current = metricId;
        builder = new SeriesBuilder(countsGiveIntervals(byId.get(metricId)!));
      }
      builder!.add(period, start, end, { area: numberOfAreaId.get(areaId)!, value, lowerCi, upperCi, numerator, denominator });
      rows++;
    }
  }
  finish();
  for (const metric of metrics) if (!index.metric(metric.code)) index.put(metric, []);
  return rows;
}

/** The metrics a batch brought observations for. */
export async function metricsOfBatch(sql: Sql, batchId: number): Promise<number[]> {
  const rows = await sql<{ metricId: number }[]>`select metric_id as "metricId" from batch_metric where batch_id = ${batchId}`;
  return rows.map((r) => r.metricId);
}
