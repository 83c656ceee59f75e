// The catalogue: areas and metrics, the two things every observation names.
import type { AreaType } from '../domain/area/index.ts';
import type { Metric, ValueKind } from '../domain/metric/index.ts';
import type { PeriodKind } from '../domain/period/index.ts';
import type { Db } from './store.ts';

export interface Area {
  readonly code: string;
  readonly name: string;
  readonly officialName: string | null;
  readonly type: AreaType;
  readonly registerCode: string | null;
  readonly nation: string | null;
  readonly regionCode: string | null;
  readonly countyCode: string | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly successorCodes: readonly string[];
  readonly formerCodes: readonly string[];
}

export const AREA_COLUMNS = {
  code: 'code', name: 'name', officialName: 'official_name', type: 'type', registerCode: 'register_code', nation: 'nation',
  regionCode: 'region_code', countyCode: 'county_code', startDate: 'start_date', endDate: 'end_date',
  successorCodes: 'successor_codes', formerCodes: 'former_codes',
} as const satisfies Record<keyof Area, string>;

const METRIC_COLUMNS = {
  code: 'code', title: 'title', definition: 'definition', unit: 'unit', polarity: 'polarity', valueKind: 'value_kind',
  multiplier: 'multiplier', periodKind: 'period_kind', source: 'source', themes: 'themes', decimals: 'decimals',
  ciMethod: 'ci_method', status: 'status',
} as const satisfies Record<keyof Metric, string>;

function selectList(columns: Record<string, string>): string {
  return Object.entries(columns).map(([field, column]) => `${column} as "${field}"`).join(', ');
}

const AREA_SELECT = selectList({ ...AREA_COLUMNS, startDate: "to_char(start_date, 'YYYY-MM-DD')", endDate: "to_char(end_date, 'YYYY-MM-DD')" });
const METRIC_SELECT = selectList(METRIC_COLUMNS);

export interface AreaQuery {
  readonly type?: string | undefined;
  readonly region?: string | undefined;
  readonly parent?: string | undefined;
  readonly q?: string | undefined;
  readonly current?: boolean | undefined;
  readonly limit: number;
  readonly offset: number;
}

export function queryAreas(sql: Db, query: AreaQuery) {
  return sql<Area[]>`
    select ${sql.unsafe(AREA_SELECT)} from area
    where true
      ${query.type ? sql`and type = ${query.type}` : sql``}
      ${query.region ? sql`and region_code = ${query.region}` : sql``}
      ${query.parent ? sql`and (county_code = ${query.parent} or region_code = ${query.parent})` : sql``}
      ${query.q ? sql`and (name ilike ${'%' + escapeLike(query.q) + '%'} or code = ${query.q.toUpperCase()})` : sql``}
      ${query.current ? sql`and end_date is null` : sql``}
    order by name, code
    limit ${query.limit} offset ${query.offset}`;
}

export async function getArea(sql: Db, code: string): Promise<Area | undefined> {
  const [row] = await sql<Area[]>`select ${sql.unsafe(AREA_SELECT)} from area where code = ${code}`;
  return row;
}

export interface MetricQuery {
  readonly q?: string | undefined;
  readonly theme?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

export function queryMetrics(sql: Db, query: MetricQuery) {
  const words = (query.q ?? '').split(/\s+/).filter((word) => word !== '');
  return sql<Metric[]>`
    select ${sql.unsafe(METRIC_SELECT)} from metric
    where true
      ${words.length > 0 ? sql`and ${words.map((word, i) => sql`${i > 0 ? sql`and` : sql``} (title || ' ' || code || ' ' || coalesce(definition, '')) ilike ${'%' + escapeLike(word) + '%'}`)}` : sql``}
      ${query.theme ? sql`and ${query.theme} = any(themes)` : sql``}
    order by title, code
    limit ${query.limit} offset ${query.offset}`;
}

export async function getMetric(sql: Db, code: string): Promise<Metric | undefined> {
  const [row] = await sql<Metric[]>`select ${sql.unsafe(METRIC_SELECT)} from metric where code = ${code}`;
  return row;
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** What an import needs to know of a metric to check a row against it. */
export interface MetricKey {
  readonly id: number;
  readonly code: string;
  readonly title: string;
  readonly valueKind: ValueKind;
  readonly periodKind: PeriodKind;
}

export interface AreaKey {
  readonly id: number;
  readonly code: string;
  readonly name: string;
}

export function metricKeys(sql: Db) {
  return sql<MetricKey[]>`select id, code, title, value_kind as "valueKind", period_kind as "periodKind" from metric`;
}

export function areaKeys(sql: Db) {
  return sql<AreaKey[]>`select id, code, name from area`;
}

export interface UpsertCounts {
  readonly inserted: number;
  readonly revised: number;
}

/** Inserts new areas and updates those whose fields changed, in one statement. */
export async function upsertAreas(sql: Db, areas: readonly Area[], batchId: number): Promise<UpsertCounts> {
  return upsert(sql, 'area', AREA_COLUMNS, areas, batchId);
}

export async function upsertMetrics(sql: Db, metrics: readonly Metric[], batchId: number): Promise<UpsertCounts> {
  return upsert(sql, 'metric', METRIC_COLUMNS, metrics, batchId);
}

async function upsert<T extends object>(
  sql: Db, table: 'area' | 'metric', columns: Record<string, string>, rows: readonly T[], batchId: number,
): Promise<UpsertCounts> {
  if (rows.length === 0) return { inserted: 0, revised: 0 };
  const names = Object.values(columns);
  const records = rows.map((row) => {
    const record: Record<string, unknown> = { batch_id: batchId };
    for (const [field, column] of Object.entries(columns)) record[column] = (row as Record<string, unknown>)[field] ?? null;
    return record;
  });
  const changed = names.filter((name) => name !== 'code').map((name) => `${name} = excluded.${name}`).join(', ');
  const differs = names.filter((name) => name !== 'code').map((name) => `${table}.${name} is distinct from excluded.${name}`).join(' or ');
  let inserted = 0;
  let revised = 0;
  for (let i = 0; i < records.length; i += 1000) {
    const result = await sql<{ inserted: boolean }[]>`
      insert into ${sql(table)} ${sql(records.slice(i, i + 1000), ...names, 'batch_id')}
      on conflict (code) do update set ${sql.unsafe(changed)}, batch_id = excluded.batch_id
      where ${sql.unsafe(differs)}
      returning (xmax = 0) as inserted`;
    for (const row of result) {
      if (row.inserted) inserted++;
      else revised++;
    }
  }
  return { inserted, revised };
}
