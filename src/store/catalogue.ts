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
  /** Other names people know it by, for search: the register's Welsh names (Caerdydd, Sir Ynys Môn) and common forms. */
  readonly otherNames: readonly string[];
}

export const AREA_COLUMNS = {
  code: 'code',
  name: 'name',
  officialName: 'official_name',
  type: 'type',
  registerCode: 'register_code',
  nation: 'nation',
  regionCode: 'region_code',
  countyCode: 'county_code',
  startDate: 'start_date',
  endDate: 'end_date',
  successorCodes: 'successor_codes',
  formerCodes: 'former_codes',
  otherNames: 'other_names',
} as const satisfies Record<keyof Area, string>;

export const METRIC_COLUMNS = {
  code: 'code',
  title: 'title',
  definition: 'definition',
  unit: 'unit',
  polarity: 'polarity',
  valueKind: 'value_kind',
  multiplier: 'multiplier',
  periodKind: 'period_kind',
  source: 'source',
  themes: 'themes',
  decimals: 'decimals',
  ciMethod: 'ci_method',
  status: 'status',
} as const satisfies Record<Exclude<keyof Metric, 'about'>, string>;

function selectList(columns: Record<string, string>): string {
  return Object.entries(columns)
    .map(([field, column]) => `${column} as "${field}"`)
    .join(', ');
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

/** The regions, for files that name an area's region rather than give its code. */
export function regionKeys(sql: Db) {
  return sql<AreaKey[]>`select id, code, name from area where type = 'region'`;
}

/** The metrics whose definitions a batch created or last changed. */
export function metricsDefinedBy(sql: Db, batchId: number) {
  return sql<{ code: string; title: string; periodKind: PeriodKind }[]>`
    select code, title, period_kind as "periodKind" from metric where batch_id = ${batchId} order by code`;
}

/** The areas a batch created or last changed. */
export function areasDefinedBy(sql: Db, batchId: number) {
  return sql<{ code: string; name: string; type: AreaType }[]>`select code, name, type from area where batch_id = ${batchId} order by code`;
}

export interface UpsertCounts {
  readonly inserted: number;
  readonly revised: number;
}

export const ALL_AREA_FIELDS = Object.keys(AREA_COLUMNS) as (keyof Area)[];
export const ALL_METRIC_FIELDS = Object.keys(METRIC_COLUMNS) as (keyof Metric)[];

/**
 * Inserts new areas and updates those whose given fields changed, in one
 * statement. A file that gives only some fields (code, name and type, say)
 * changes only those of an area it already holds: the others stay as they
 * were. Every change is kept in area_history by the store itself.
 */
export async function upsertAreas(sql: Db, areas: readonly Area[], batchId: number, given: readonly (keyof Area)[] = ALL_AREA_FIELDS): Promise<UpsertCounts> {
  return upsert(sql, 'area', AREA_COLUMNS, given, areas, batchId);
}

export async function upsertMetrics(sql: Db, metrics: readonly Metric[], batchId: number, given: readonly (keyof Metric)[] = ALL_METRIC_FIELDS): Promise<UpsertCounts> {
  return upsert(sql, 'metric', METRIC_COLUMNS, given, metrics, batchId);
}

/** The columns of what a metric's publisher says of it (MetricAbout, migration 019). */
export const METRIC_ABOUT_COLUMNS = { method: 'method', caveats: 'caveats', sourceUrl: 'source_url', publishedOn: 'published_on', nextUpdate: 'next_update' } as const;
export type MetricAboutField = keyof typeof METRIC_ABOUT_COLUMNS;

/**
 * As upsertMetrics, with each metric's method, caveats, page and dates in the
 * same row, so that a metric an import creates has them from its first
 * version rather than as a change in its history; `given` as there.
 */
export async function upsertMetricsWithAbout(
  sql: Db,
  metrics: readonly Metric[],
  batchId: number,
  given: readonly (keyof Metric | MetricAboutField)[] = [...ALL_METRIC_FIELDS, ...(Object.keys(METRIC_ABOUT_COLUMNS) as MetricAboutField[])],
): Promise<UpsertCounts> {
  return upsert(
    sql,
    'metric',
    { ...METRIC_COLUMNS, ...METRIC_ABOUT_COLUMNS },
    given,
    metrics.map((m) => ({ ...m, ...m.about })),
    batchId,
  );
}

async function upsert<T extends object>(sql: Db, table: 'area' | 'metric', columns: Record<string, string>, given: readonly string[], rows: readonly T[], batchId: number): Promise<UpsertCounts> {
  if (rows.length === 0) return { inserted: 0, revised: 0 };
  const names = Object.values(columns);
  const updated = given.filter((field) => field !== 'code').map((field) => columns[field]!);
  if (updated.length === 0) updated.push('code'); // nothing to change: a known code is then unchanged
  const records = rows.map((row) => {
    const record: Record<string, unknown> = { batch_id: batchId };
    for (const [field, column] of Object.entries(columns)) record[column] = (row as Record<string, unknown>)[field] ?? null;
    return record;
  });
  const changed = updated.map((name) => `${name} = excluded.${name}`).join(', ');
  const differs = updated.map((name) => `${table}.${name} is distinct from excluded.${name}`).join(' or ');
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

/** One change to a definition: each field that changed, what it was and what it became, and the batches before and after. */
export interface DefinitionChange {
  readonly changes: Readonly<Record<string, { readonly was: unknown; readonly became: unknown }>>;
  /** The batch that had brought the old definition (null: Lantern's own reference data). */
  readonly batchId: number | null;
  /** The batch that changed it (null: a change no batch made, such as a migration's). */
  readonly supersededBy: number | null;
  readonly supersededAt: Date;
}

/** Every change to an area, oldest first; undefined when there is no such area. */
export function areaHistory(sql: Db, code: string): Promise<DefinitionChange[] | undefined> {
  return definitionHistory(sql, 'area', code, AREA_COLUMNS);
}

/** Every change to a metric's definition, oldest first; undefined when there is no such metric. */
export function metricHistory(sql: Db, code: string): Promise<DefinitionChange[] | undefined> {
  return definitionHistory(sql, 'metric', code, METRIC_COLUMNS);
}

/** The history of the area or metric with this code, from its table's history (area_history, metric_history). */
async function definitionHistory(sql: Db, kind: 'area' | 'metric', code: string, columns: Record<string, string>): Promise<DefinitionChange[] | undefined> {
  const [found] = await sql<{ id: number }[]>`select id from ${sql(kind)} where code = ${code}`;
  if (!found) return undefined;
  const rows = await sql<DefinitionChange[]>`
    select changes, batch_id as "batchId", superseded_by as "supersededBy", superseded_at as "supersededAt"
    from ${sql(`${kind}_history`)} where ${sql(`${kind}_id`)} = ${found.id} order by superseded_at, superseded_by`;
  return rows.map((row) => namedByField(row, columns));
}

/** The store keeps changes under column names; the API speaks of fields (region_code is regionCode). */
function namedByField(change: DefinitionChange, columns: Record<string, string>): DefinitionChange {
  const fieldOf = new Map(Object.entries(columns).map(([field, column]) => [column, field]));
  const changes = Object.fromEntries(Object.entries(change.changes).map(([column, values]) => [fieldOf.get(column) ?? column, values]));
  return { ...change, changes };
}
