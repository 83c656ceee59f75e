// The verdicts sources publish on their own figures (source_verdict, migration
// 019): written by an import beside the figures it brings, read by the pages
// that show them beside Lantern's own.
import { areaSourceVerdictKey, sourceVerdictKey, type SourceVerdict, type SourceVerdictWord } from '../domain/benchmark/source-verdict.ts';
import type { ReportDefinition } from '../domain/report/report-definition.ts';
import type { Db, Sql } from './store.ts';

/** One figure's source verdict, by the codes and period label the file gave. */
export interface SourceVerdictRow {
  readonly metric: string;
  readonly area: string;
  readonly period: string;
  readonly verdict: SourceVerdictWord;
  readonly benchmark: string;
}

/**
 * Keeps the batch's source verdicts, replacing those an earlier batch gave
 * for the same figures; by code, as the metrics and areas a file defines get
 * their ids only as the batch ends.
 */
export async function saveSourceVerdicts(tx: Db, batchId: number, rows: readonly SourceVerdictRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 10_000) {
    const part = rows.slice(i, i + 10_000);
    await tx`
      insert into source_verdict (metric_id, area_id, period, verdict, benchmark, batch_id)
      select m.id, a.id, v.period, v.verdict, v.benchmark, ${batchId}
      from unnest(${part.map((r) => r.metric)}::text[], ${part.map((r) => r.area)}::text[], ${part.map((r) => r.period)}::text[],
        ${part.map((r) => r.verdict)}::text[], ${part.map((r) => r.benchmark)}::text[]) as v(metric, area, period, verdict, benchmark)
      join metric m on m.code = v.metric
      join area a on a.code = v.area
      on conflict (metric_id, area_id, period) do update set verdict = excluded.verdict, benchmark = excluded.benchmark, batch_id = excluded.batch_id`;
  }
}

/** An area's source verdicts for the (metric, period) pairs asked, keyed `metric period`. */
export async function sourceVerdictsOf(sql: Sql, area: string, figures: readonly { readonly metric: string; readonly period: string }[]): Promise<Map<string, SourceVerdict>> {
  if (figures.length === 0) return new Map();
  const rows = await sql<{ metric: string; period: string; verdict: SourceVerdictWord; benchmark: string }[]>`
    select m.code as metric, v.period, v.verdict, v.benchmark
    from unnest(${figures.map((f) => f.metric)}::text[], ${figures.map((f) => f.period)}::text[]) as f(metric, period)
    join metric m on m.code = f.metric
    join source_verdict v on v.metric_id = m.id and v.period = f.period
    join area a on a.id = v.area_id
    where a.code = ${area}`;
  return new Map(rows.map((r) => [sourceVerdictKey(r.metric, r.period), { verdict: r.verdict, benchmark: r.benchmark }]));
}

/** The source verdicts on the (area, metric, period) figures asked, keyed by areaSourceVerdictKey: a dashboard's tiles. */
export async function sourceVerdictsOfFigures(sql: Sql, figures: readonly { readonly area: string; readonly metric: string; readonly period: string }[]): Promise<Map<string, SourceVerdict>> {
  if (figures.length === 0) return new Map();
  const rows = await sql<{ area: string; metric: string; period: string; verdict: SourceVerdictWord; benchmark: string }[]>`
    select a.code as area, m.code as metric, v.period, v.verdict, v.benchmark
    from unnest(${figures.map((f) => f.area)}::text[], ${figures.map((f) => f.metric)}::text[], ${figures.map((f) => f.period)}::text[]) as f(area, metric, period)
    join area a on a.code = f.area
    join metric m on m.code = f.metric
    join source_verdict v on v.metric_id = m.id and v.area_id = a.id and v.period = f.period`;
  return new Map(rows.map((r) => [areaSourceVerdictKey(r.area, r.metric, r.period), { verdict: r.verdict, benchmark: r.benchmark }]));
}

/** Every area's source verdict on a metric's figures for one period, by area code. */
export async function sourceVerdictsOfPeriod(sql: Sql, metric: string, period: string): Promise<Map<string, SourceVerdict>> {
  const rows = await sql<{ area: string; verdict: SourceVerdictWord; benchmark: string }[]>`
    select a.code as area, v.verdict, v.benchmark
    from source_verdict v join metric m on m.id = v.metric_id join area a on a.id = v.area_id
    where m.code = ${metric} and v.period = ${period}`;
  return new Map(rows.map((r) => [r.area, { verdict: r.verdict, benchmark: r.benchmark }]));
}

/** The source verdicts on a report's councils' figures for its metrics, every period, by areaSourceVerdictKey, to freeze with its figures. */
export async function sourceVerdictsOfReport(sql: Sql, definition: Pick<ReportDefinition, 'areas' | 'sections'>): Promise<Map<string, SourceVerdict>> {
  const metrics = [...new Set(definition.sections.flatMap((s) => s.metrics))];
  if (metrics.length === 0 || definition.areas.length === 0) return new Map();
  const rows = await sql<{ area: string; metric: string; period: string; verdict: SourceVerdictWord; benchmark: string }[]>`
    select a.code as area, m.code as metric, v.period, v.verdict, v.benchmark
    from source_verdict v join metric m on m.id = v.metric_id join area a on a.id = v.area_id
    where m.code = any(${metrics}) and a.code = any(${definition.areas as string[]})`;
  return new Map(rows.map((r) => [areaSourceVerdictKey(r.area, r.metric, r.period), { verdict: r.verdict, benchmark: r.benchmark }]));
}
