// A metric's metadata and freshness (metric.method, caveats, source_url,
// published_on, next_update: migration 019), kept apart from its definition's
// fields: written with a metric an import creates (upsertMetricsWithAbout),
// refreshed here when a newer release of a held metric's figures says more,
// read here for the pages and reports that show them.
import type { MetricAbout } from '../domain/metric/index.ts';
import type { ReportDefinition } from '../domain/report/report-definition.ts';
import { METRIC_ABOUT_COLUMNS, type MetricAboutField } from './catalogue.ts';
import type { Db, Sql } from './store.ts';

/** What is known about each of the metrics asked, by code; a metric of which nothing is known is left out. */
export async function metricAboutOf(sql: Db, codes: readonly string[]): Promise<Map<string, MetricAbout>> {
  if (codes.length === 0) return new Map();
  const rows = await sql<{ code: string; method: string | null; caveats: string | null; sourceUrl: string | null; publishedOn: string | null; nextUpdate: string | null }[]>`
    select code, method, caveats, source_url as "sourceUrl",
      to_char(published_on, 'YYYY-MM-DD') as "publishedOn", to_char(next_update, 'YYYY-MM-DD') as "nextUpdate"
    from metric
    where code = any(${codes as string[]}) and coalesce(method, caveats, source_url, published_on::text, next_update::text) is not null`;
  return new Map(rows.map(({ code, ...fields }) => [code, Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null)) as MetricAbout]));
}

/** What is known about the metrics a report's definition asks for, to freeze with its figures. */
export function metricAboutOfReport(sql: Sql, definition: Pick<ReportDefinition, 'sections'>): Promise<Map<string, MetricAbout>> {
  return metricAboutOf(sql, [...new Set(definition.sections.flatMap((s) => s.metrics))]);
}

/**
 * Sets the given fields of what a held metric's publisher says of it (a newer
 * release's publication date) with the batch that brought them, one change in
 * the metric's history; fields already so change nothing, and leave no history.
 */
export async function updateMetricAbout(sql: Db, code: string, about: MetricAbout, fields: readonly MetricAboutField[], batchId: number): Promise<void> {
  const held = (await metricAboutOf(sql, [code])).get(code) ?? {};
  const changed = fields.filter((field) => (about[field] ?? null) !== (held[field] ?? null));
  if (changed.length === 0) return;
  const record = Object.fromEntries(changed.map((field) => [METRIC_ABOUT_COLUMNS[field], about[field] ?? null]));
  await sql`update metric set ${sql(record, ...Object.keys(record))}, batch_id = ${batchId} where code = ${code}`;
}
