// A metric's metadata and freshness (metric.method, caveats, source_url,
// published_on, next_update: migration 019), kept apart from its definition's
// fields: written with a metric an import creates (upsertMetricsWithAbout),
// read here for the pages and reports that show them.
import type { MetricAbout } from '../domain/metric/index.ts';
import type { ReportDefinition } from '../domain/report/report-definition.ts';
import type { Sql } from './store.ts';

/** What is known about each of the metrics asked, by code; a metric of which nothing is known is left out. */
export async function metricAboutOf(sql: Sql, codes: readonly string[]): Promise<Map<string, MetricAbout>> {
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
