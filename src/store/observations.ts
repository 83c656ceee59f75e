// Observations: staged by COPY, then merged set-based into the current values,
// each superseded value kept in observation_history; and the queries that read
// them back.
import type { Writable } from 'node:stream';
import type { Period } from '../domain/period/index.ts';
import type postgres from 'postgres';
import type { Sql } from './store.ts';

export type Tx = postgres.TransactionSql;

const COPY_COLUMNS = 'metric_id, area_id, period, value, numerator, denominator, lower_ci, upper_ci, flags, batch_id';

/** A temporary table for the rows of one batch that need merging, gone when its transaction ends. */
export async function createStaging(tx: Tx): Promise<void> {
  await tx`set local work_mem = '256MB'`;
  await tx`create temp table staged_observation (like observation) on commit drop`;
}

/**
 * A COPY stream in PostgreSQL's text format (one line per row, tabs between,
 * \N for null), columns in the order of COPY_COLUMNS: into the staging table,
 * or straight into the store for rows that cannot revise anything.
 */
export async function openStagingCopy(tx: Tx): Promise<Writable> {
  return tx`copy staged_observation (${tx.unsafe(COPY_COLUMNS)}) from stdin`.writable();
}

export async function openStoreCopy(tx: Tx): Promise<Writable> {
  return tx`copy observation (${tx.unsafe(COPY_COLUMNS)}) from stdin`.writable();
}

/**
 * Gives the staged rows the ids of the metrics a file defined, once stored:
 * rows were staged under a provisional id per metric code. One pass over the
 * staged rows for all of them (one update a metric read the staged rows 68
 * times for the ONS series: 8 s; now under 1 s).
 */
export async function assignStagedMetrics(tx: Tx, provisionalIds: ReadonlyMap<string, number>): Promise<void> {
  const codes = [...provisionalIds.keys()];
  const provisional = [...provisionalIds.values()];
  await tx`
    update staged_observation s set metric_id = m.id
    from unnest(${codes}::text[], ${provisional}::int[]) as p(code, provisional_id)
    join metric m on m.code = p.code
    where s.metric_id = p.provisional_id`;
}

/** Gives the staged rows the ids of the areas a file added, once stored, as for metrics. */
export async function assignStagedAreas(tx: Tx, provisionalIds: ReadonlyMap<string, number>): Promise<void> {
  const codes = [...provisionalIds.keys()];
  const provisional = [...provisionalIds.values()];
  await tx`
    update staged_observation s set area_id = a.id
    from unnest(${codes}::text[], ${provisional}::int[]) as p(code, provisional_id)
    join area a on a.code = p.code
    where s.area_id = p.provisional_id`;
}

/** The metrics that have at least one observation: one index probe each. */
export async function metricsWithObservations(tx: Tx): Promise<Set<number>> {
  const rows = await tx<{ id: number }[]>`select m.id from metric m where exists (select 1 from observation o where o.metric_id = m.id)`;
  return new Set(rows.map((row) => row.id));
}

const WRITE_LOCK = 7_246_003; // advisory lock: one batch writes to the catalogue and observations at a time

/**
 * Waits for any other batch's writes to commit, then holds the store's write
 * turn until this transaction ends. Batches read and stage in parallel; only
 * their merges queue, so that each sees the other's rows and counts revisions
 * truly, and two batches bringing the same new key cannot collide.
 */
export async function takeWriteTurn(tx: Tx): Promise<void> {
  await tx`select pg_advisory_xact_lock(${WRITE_LOCK})`;
}

/**
 * Which metrics the batch brought observations for (the benchmark index
 * refreshes those) and, of them, which it changed: inserted or revised a
 * row of (early warning works those out again). Without `changed`, all.
 */
export async function recordBatchMetrics(tx: Tx, batchId: number, metricCodes: ReadonlySet<string>, changed?: ReadonlySet<string>): Promise<void> {
  if (metricCodes.size === 0) return;
  const changes = changed ? [...changed] : [...metricCodes];
  await tx`insert into batch_metric (batch_id, metric_id, changed)
    select ${batchId}, id, code = any(${changes}::text[]) from metric where code = any(${[...metricCodes]}::text[])`;
}

export async function savePeriods(tx: Tx, periods: Iterable<Period>): Promise<void> {
  const rows = [...periods].map((p) => ({ label: p.label, kind: p.kind, start_date: p.start, end_date: p.end }));
  if (rows.length === 0) return;
  await tx`insert into period ${tx(rows, 'label', 'kind', 'start_date', 'end_date')} on conflict (label) do nothing`;
}

export interface MergeCounts {
  readonly inserted: number;
  readonly revised: number;
  /** The codes of the metrics a row was inserted or revised of. */
  readonly changedMetrics: readonly string[];
}

/**
 * Decides every staged row: new keys are inserted; keys whose value,
 * numerator, denominator, interval or flags differ are revised (the old row
 * copied to history first, as read under the caller's write turn, so that
 * no other batch's merge changes it between the statements); the rest are
 * unchanged.
 *
 * The rows that differ are first kept in a table of their own and analysed,
 * so that the planner knows how few they usually are. Read as a common table
 * expression, they were guessed at a million in an import of 4,000,000 rows
 * that revised 40,000, and the update hashed every observation to find them:
 * 1.8 s of that import's 2.7 s update.
 */
export async function mergeStaged(tx: Tx, batchId: number): Promise<MergeCounts> {
  await tx`
    create temp table staged_change on commit drop as
    select s.*, o.metric_id is not null as existing,
      o.value as old_value, o.numerator as old_numerator, o.denominator as old_denominator,
      o.lower_ci as old_lower_ci, o.upper_ci as old_upper_ci, o.flags as old_flags, o.batch_id as old_batch_id
    from staged_observation s
    left join observation o using (metric_id, area_id, period)
    where o.metric_id is null
      or (o.value, o.numerator, o.denominator, o.lower_ci, o.upper_ci, o.flags)
         is distinct from (s.value, s.numerator, s.denominator, s.lower_ci, s.upper_ci, s.flags)`;
  await tx`analyze staged_change`;
  const [counts] = await tx<MergeCounts[]>`
    with history as (
      insert into observation_history (metric_id, area_id, period, value, numerator, denominator, lower_ci, upper_ci, flags, batch_id, superseded_by)
      select metric_id, area_id, period, old_value, old_numerator, old_denominator, old_lower_ci, old_upper_ci, old_flags, old_batch_id, ${batchId}
      from staged_change where existing
    ),
    revised as (
      update observation o set value = d.value, numerator = d.numerator, denominator = d.denominator,
        lower_ci = d.lower_ci, upper_ci = d.upper_ci, flags = d.flags, batch_id = ${batchId}
      from staged_change d
      where d.existing and o.metric_id = d.metric_id and o.area_id = d.area_id and o.period = d.period
      returning 1
    ),
    inserted as (
      insert into observation (metric_id, area_id, period, value, numerator, denominator, lower_ci, upper_ci, flags, batch_id)
      select metric_id, area_id, period, value, numerator, denominator, lower_ci, upper_ci, flags, ${batchId}
      from staged_change where not existing
      returning 1
    )
    select (select count(*) from inserted)::int as inserted, (select count(*) from revised)::int as revised,
      array(select m.code from metric m where m.id in (select distinct metric_id from staged_change)) as "changedMetrics"`;
  return counts!;
}

export interface ObservationQuery {
  readonly metric?: string | undefined;
  readonly area?: string | undefined;
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

export interface ObservationRow {
  readonly metric: string;
  readonly area: string;
  readonly areaName: string;
  readonly period: string;
  readonly periodStart: string;
  readonly periodEnd: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly lowerCi: number | null;
  readonly upperCi: number | null;
  readonly flags: number;
  readonly batchId: number;
}

/** Current observations by metric, area and a range of period end dates, in a stable order. */
export function queryObservations(sql: Sql, query: ObservationQuery) {
  return selectObservations(sql, query);
}

/** The same query, every row, a thousand at a time: for exports of any size. */
export function streamObservations(sql: Sql, query: Omit<ObservationQuery, 'limit' | 'offset'>): AsyncIterable<ObservationRow[]> {
  return selectObservations(sql, { ...query, limit: null, offset: 0 }).cursor(1000);
}

function selectObservations(sql: Sql, query: Omit<ObservationQuery, 'limit'> & { limit: number | null }) {
  return sql<ObservationRow[]>`
    select m.code as metric, a.code as area, a.name as "areaName", o.period,
      to_char(p.start_date, 'YYYY-MM-DD') as "periodStart", to_char(p.end_date, 'YYYY-MM-DD') as "periodEnd",
      o.value, o.numerator, o.denominator, o.lower_ci as "lowerCi", o.upper_ci as "upperCi", o.flags, o.batch_id as "batchId"
    from observation o
    join metric m on m.id = o.metric_id
    join area a on a.id = o.area_id
    join period p on p.label = o.period
    where true
      ${query.metric ? sql`and m.code = ${query.metric}` : sql``}
      ${query.area ? sql`and a.code = ${query.area}` : sql``}
      ${query.from ? sql`and p.end_date >= ${query.from}::date` : sql``}
      ${query.to ? sql`and p.end_date <= ${query.to}::date` : sql``}
    order by m.code, a.code, p.end_date, p.start_date
    ${query.limit === null ? sql`` : sql`limit ${query.limit} offset ${query.offset}`}`;
}

export interface HistoryRow {
  readonly period: string;
  readonly value: number | null;
  readonly flags: number;
  readonly batchId: number;
  readonly supersededBy: number | null;
  readonly supersededAt: Date | null;
}

/** Every value a (metric, area) has had, current and superseded: by period, and within a period newest first. */
export function observationHistory(sql: Sql, metricCode: string, areaCode: string) {
  return sql<HistoryRow[]>`
    select v.period, v.value, v.flags, v.batch_id as "batchId", v.superseded_by as "supersededBy", v.superseded_at as "supersededAt"
    from (
      select o.period, o.value, o.flags, o.batch_id, null::integer as superseded_by, null::timestamptz as superseded_at, o.metric_id, o.area_id
      from observation o
      union all
      select h.period, h.value, h.flags, h.batch_id, h.superseded_by, h.superseded_at, h.metric_id, h.area_id
      from observation_history h
    ) v
    join metric m on m.id = v.metric_id
    join area a on a.id = v.area_id
    where m.code = ${metricCode} and a.code = ${areaCode}
    order by v.period, v.batch_id desc`;
}
