// Reading the store into the benchmark index: the areas, the metrics, and
// every current observation, as columns of binary numbers, one row of the
// answer per metric (four million observations come through here at start;
// read one object or one parsed number per observation, they took seconds).
import { Buffer } from 'node:buffer';
import { BenchmarkIndex, PeriodSlice, slicesOf, type IndexArea, type IndexMetric, type PeriodSpan, type SeriesColumns } from '../domain/benchmark/benchmark-index.ts';
import { countsGiveIntervals } from '../domain/benchmark/benchmark-queries.ts';
import { eachCopyRow } from './copy-binary.ts';
import { seriesBreaks } from './series-breaks.ts';
import type { Db, Sql } from './store.ts';

export async function loadIndexAreas(sql: Sql): Promise<IndexArea[]> {
  return sql<IndexArea[]>`
    select code, name, official_name as "officialName", other_names as "otherNames", type, region_code as "regionCode", county_code as "countyCode",
      to_char(start_date, 'YYYY-MM-DD') as "startDate", to_char(end_date, 'YYYY-MM-DD') as "endDate", successor_codes as "successorCodes"
    from area order by code`;
}

/** The metrics' definitions, each with the periods its series breaks at (series-breaks.ts), where it has any. */
export async function loadIndexMetrics(sql: Sql, ids?: readonly number[]): Promise<IndexMetric[]> {
  const metrics = await sql<IndexMetric[]>`
    select id, code, title, definition, unit, polarity, value_kind as "valueKind", multiplier, period_kind as "periodKind",
      source, themes, decimals, ci_method as "ciMethod", status
    from metric ${ids ? sql`where id = any(${ids as number[]})` : sql``} order by id`;
  const breaks = await seriesBreaks(sql, ids);
  return breaks.size === 0 ? metrics : metrics.map((m) => (breaks.has(m.id) ? { ...m, seriesBreaks: breaks.get(m.id) } : m));
}

/**
 * Builds the series of the given metrics from the store and puts them into
 * the index, replacing what it held for them (after an import); returns the
 * observations read.
 */
export function loadSeries(sql: Sql, index: BenchmarkIndex, metrics: readonly IndexMetric[]): Promise<number> {
  return readSeries(sql, index, metrics, { packs: false });
}

/**
 * Builds again only the slices of `periods` of the given metrics' series,
 * keeping the others the index holds (after a batch that says which periods
 * it brought: a release); returns the observations read. The slices kept
 * are put in afresh, without the trends worked out from the slices that
 * changed.
 */
export function loadSeriesPeriods(sql: Sql, index: BenchmarkIndex, metrics: readonly IndexMetric[], periods: readonly string[]): Promise<number> {
  return readSeries(sql, index, metrics, { packs: false, periods });
}

/** The series' slices outside `periods`, made again from the same columns (their trends and group figures unmade), and `fresh`, in slice order. */
function withSlices(kept: readonly PeriodSlice[], periods: ReadonlySet<string>, fresh: readonly PeriodSlice[]): PeriodSlice[] {
  const others = kept.filter((s) => !periods.has(s.period)).map((s) => new PeriodSlice(s.period, s.start, s.end, s.areas, s.values, s.bounds, s.counts));
  return [...others, ...fresh].sort((a, b) => (a.end === b.end ? a.start.localeCompare(b.start) : a.end.localeCompare(b.end)));
}

/**
 * Builds every metric's series (the first build, or after new areas):
 * `metrics` are all the metrics. Each metric's packed columns are read from
 * its pack where it has one (series-packs.ts), and otherwise made from its
 * observations: in two halves of those metrics at once, on connections of
 * their own, so that PostgreSQL packs on two cores while the index is built
 * from what has come. `packs: false` reads every metric from its
 * observations (when the index was found to differ from the store).
 */
export function loadEverySeries(sql: Sql, index: BenchmarkIndex, metrics: readonly IndexMetric[], options: { packs: boolean } = { packs: true }): Promise<number> {
  return readSeries(sql, index, metrics, options);
}

/**
 * Each query answers metrics a row each, read from their packs or made from
 * their observations: each column of a metric's rows packed into one bytea
 * of big-endian binary numbers (area ids, figures with NaN for none), its
 * period labels joined with newlines. Each row is made into the metric's
 * slices as it arrives, while the store works out the next. Bounds and
 * counts are sent only for metrics that have some. The aggregates of one
 * group see its rows in one order, so the columns line up row for row; the
 * order of areas is not relied on.
 */
async function readSeries(sql: Sql, index: BenchmarkIndex, metrics: readonly IndexMetric[], options: { packs: boolean; periods?: readonly string[] }): Promise<number> {
  const only = options.periods === undefined ? undefined : new Set(options.periods);
  const put = (metric: IndexMetric, slices: PeriodSlice[]) => index.put(metric, only ? withSlices(index.metric(metric.code)?.slices ?? [], only, slices) : slices);
  const areaNumbers = await areaNumbersById(sql, index);
  const periods = await sql<PeriodSpan[]>`
    select label, to_char(start_date, 'YYYY-MM-DD') as start, to_char(end_date, 'YYYY-MM-DD') as end from period order by label`;
  const places = new PeriodPlaces(periods.map((p) => p.label));
  const wanted = new Map(metrics.map((m) => [m.id, m]));
  const unread = new Set(wanted.keys());
  let observations = 0;
  const fill = (row: readonly RawField[], bytes: Bytes) => {
    const metric = wanted.get(Number(text(row[0]!)));
    // A metric defined after the list was read (the next refresh brings it), or one already read from its pack.
    if (!metric || !unread.has(metric.id)) return;
    const columns = metricColumns(metric, row, bytes, areaNumbers, places);
    put(metric, slicesOf(periods, columns, countsGiveIntervals(metric)));
    unread.delete(metric.id);
    observations += columns.areas.length;
  };
  if (options.packs) await alongTheKey(sql, async (db) => eachCopyRow(await seriesPacks(db).readable(), (row) => fill(row, ownBytes)));
  const halves = halvesOf([...unread].sort((a, b) => a - b));
  await Promise.all(
    halves.map((ids) => alongTheKey(sql, (db) => (only ? packedSeriesOfPeriods(db, ids, [...only]) : packedSeries(db, ids)).raw().forEach((row) => fill(row as unknown as RawField[], byteaBytes)))),
  );
  for (const id of unread) put(wanted.get(id)!, []); // a metric with no observations yet (or none in the periods)
  return observations;
}

/** Metric ids in two halves, to be read at once; one list when there are few. */
function halvesOf(ids: readonly number[]): (readonly number[])[] {
  if (ids.length === 0) return [];
  if (ids.length < 2) return [ids];
  const middle = Math.floor(ids.length / 2);
  return [ids.slice(0, middle), ids.slice(middle)];
}

// The statements below are written in functions of their own, declared at
// the top of the module, and never in closures: the driver keeps, for each
// statement, an Error made at its first call whose stack holds the calling
// function, and a closure made inside readSeries would keep that call's
// index (a hundred megabytes at 4M observations) for as long as the process.

/** The observations of the metrics `ids`, a row per metric, packed: see readSeries. */
function packedSeries(db: Db, ids: readonly number[]) {
  return db`select metric_id, ${packedColumns(db)} from observation where metric_id = any(${ids as number[]}) group by metric_id`;
}

/** The same, of the periods `periods` alone. */
function packedSeriesOfPeriods(db: Db, ids: readonly number[], periods: readonly string[]) {
  return db`select metric_id, ${packedColumns(db)} from observation where metric_id = any(${ids as number[]}) and period = any(${periods as string[]}) group by metric_id`;
}

/** Metrics' packs, a row per metric in the shape of packedSeries, in binary COPY: their bytes as they are kept (copy-binary.ts). */
function seriesPacks(db: Db) {
  return db`copy (select metric_id::text, areas, periods, "values", lower, upper, numerator, denominator from series_pack) to stdout with (format binary)`;
}

/**
 * A metric's observations packed, as columns of an aggregate grouped by
 * metric_id: area ids and figures as big-endian binary numbers (NaN for
 * none), period labels joined with newlines. Bounds and counts only for
 * metrics that have some.
 */
export function packedColumns(db: Db) {
  const none = db`float8send('NaN'::float8)`;
  return db`
      string_agg(int4send(area_id), '') as areas,
      string_agg(period, E'\n') as periods,
      string_agg(coalesce(float8send(value), ${none}), '') as values,
      case when bool_or(lower_ci is not null or upper_ci is not null) then string_agg(coalesce(float8send(lower_ci), ${none}), '') end as lower,
      case when bool_or(lower_ci is not null or upper_ci is not null) then string_agg(coalesce(float8send(upper_ci), ${none}), '') end as upper,
      case when bool_or(numerator is not null or denominator is not null) then string_agg(coalesce(float8send(numerator), ${none}), '') end as numerator,
      case when bool_or(numerator is not null or denominator is not null) then string_agg(coalesce(float8send(denominator), ${none}), '') end as denominator`;
}

/**
 * Runs `read` where the plan keeps the answer flowing: a metric's rows are
 * grouped as they come along the observation table's key, so each metric's
 * row leaves as soon as it is done (a hash aggregate would hold every
 * metric's columns, in memory or on disk, until the end, and a sort would
 * sort four million rows first). Parallel workers would pass every
 * metric's columns through shared memory once more: the two halves read at
 * once do better.
 */
async function alongTheKey(sql: Db, read: (db: Db) => Promise<unknown>): Promise<void> {
  // Inside a caller's transaction the settings last until it ends.
  if ('savepoint' in sql) {
    await planAlongTheKey(sql);
    await read(sql);
    return;
  }
  // Otherwise in a transaction of its own, begun by hand on a reserved connection: a transaction's
  // statements made by sql.begin would keep its callback, and with it `read` (see above).
  const db = await (sql as Sql).reserve();
  try {
    await db`begin read only`;
    await planAlongTheKey(db);
    await read(db);
    await db`commit`;
  } catch (error) {
    await db`rollback`.catch(() => {});
    throw error;
  } finally {
    db.release();
  }
}

export async function planAlongTheKey(tx: Db): Promise<void> {
  await tx`set local enable_hashagg = off`;
  await tx`set local enable_sort = off`;
  await tx`set local max_parallel_workers_per_gather = 0`;
}

/** Raw field bytes, as the driver gives them with .raw(): text, or null. */
type RawField = Buffer | null;

function text(field: RawField): string {
  return field === null ? '' : field.toString('latin1');
}

/** The columns of one metric's answer row, checked: every area and period must be known to the index. */
function metricColumns(metric: IndexMetric, row: readonly RawField[], bytes: Bytes, areaNumbers: Int32Array, places: PeriodPlaces): SeriesColumns {
  const ids = int32s(bytes(row[1]!, 4));
  const areas = new Uint16Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const number = ids[i]! < areaNumbers.length ? areaNumbers[ids[i]!]! : -1;
    if (number < 0) throw new Error(`metric ${metric.code} has observations of area id ${ids[i]!}, which the area table does not hold`);
    areas[i] = number;
  }
  const periods = places.of(row[2]!, ids.length, metric.code);
  const figures = (field: RawField | undefined) => (field ? float64s(bytes(field, 8)) : undefined);
  return { areas, periods, values: figures(row[3])!, lower: figures(row[4]), upper: figures(row[5]), numerator: figures(row[6]), denominator: figures(row[7]) };
}

const NEWLINE = 0x0a;

/**
 * Finds each row's period, as its place in the period list, from the labels
 * the store joined with newlines, with no string made per row. An area's
 * periods come in label order along the key, so the label after the last
 * one found is tried first; otherwise a hash of the label's bytes finds it.
 * Either way it is checked byte for byte.
 */
class PeriodPlaces {
  private readonly labels: Buffer[];
  private readonly byHash = new Map<number, number[]>();

  constructor(labels: readonly string[]) {
    this.labels = labels.map((label) => Buffer.from(label, 'utf8'));
    this.labels.forEach((bytes, place) => {
      const hash = hashOf(bytes, 0, bytes.length);
      this.byHash.set(hash, [...(this.byHash.get(hash) ?? []), place]);
    });
  }

  of(field: Buffer, rows: number, metricCode: string): Uint16Array {
    const places = new Uint16Array(rows);
    let start = 0;
    let next = 0;
    for (let row = 0; row < rows; row++) {
      let place = start <= field.length && this.isAt(next, field, start) ? next : -1;
      if (place < 0) {
        const newline = field.indexOf(NEWLINE, start);
        place = start > field.length ? -1 : this.find(field, start, newline < 0 ? field.length : newline);
        if (place < 0) throw new Error(`metric ${metricCode} has observations of a period the period table does not hold`);
      }
      places[row] = place;
      start += this.labels[place]!.length + 1;
      next = place + 1 < this.labels.length ? place + 1 : 0;
    }
    if (start !== field.length + 1) throw new Error(`metric ${metricCode} came with more periods than its ${rows} observations`);
    return places;
  }

  /** Whether the label at `place` is the whole of the field's label from `start`. */
  private isAt(place: number, field: Buffer, start: number): boolean {
    const label = this.labels[place];
    if (label === undefined) return false;
    const end = start + label.length;
    if (end > field.length || (end < field.length && field[end] !== NEWLINE)) return false;
    for (let i = 0; i < label.length; i++) if (label[i] !== field[start + i]) return false;
    return true;
  }

  private find(field: Buffer, start: number, end: number): number {
    for (const place of this.byHash.get(hashOf(field, start, end)) ?? []) {
      if (this.labels[place]!.length === end - start && this.isAt(place, field, start)) return place;
    }
    return -1;
  }
}

/** FNV-1a, 32 bits, of bytes [start, end). */
function hashOf(bytes: Buffer, start: number, end: number): number {
  let hash = 0x811c9dc5;
  for (let i = start; i < end; i++) hash = Math.imul(hash ^ bytes[i]!, 0x01000193);
  return hash >>> 0;
}

// A bytea field comes from a query as its text form (\x and hex digits), and
// from a binary COPY as its bytes; either way the bytes are big-endian
// numbers, copied to memory of their own (the index keeps them) where a
// typed array of their size may lie, and turned in place into this
// machine's order.

/** A field's bytes, in memory of their own whose offset is a multiple of `size`. */
type Bytes = (field: Buffer, size: number) => Buffer;

const byteaBytes: Bytes = (field, size) => {
  const bytes = Buffer.from(field.toString('latin1', 2), 'hex');
  return bytes.byteOffset % size === 0 ? bytes : ownBytes(bytes, size);
};

const ownBytes: Bytes = (field) => {
  const copy = new Uint8Array(field);
  return Buffer.from(copy.buffer, 0, copy.length);
};

function int32s(bytes: Buffer): Int32Array {
  bytes.swap32();
  return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
}

function float64s(bytes: Buffer): Float64Array {
  bytes.swap64();
  return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.length / 8);
}

/** Each area id's number in the index (its place in the index's list), or -1. */
async function areaNumbersById(sql: Sql, index: BenchmarkIndex): Promise<Int32Array> {
  const areas = await sql<{ id: number; code: string }[]>`select id, code from area`;
  const numbers = new Int32Array(Math.max(0, ...areas.map((a) => a.id)) + 1).fill(-1);
  for (const area of areas) numbers[area.id] = index.areaNumber(area.code) ?? -1;
  return numbers;
}

/** What a loaded batch touched: whether areas came with it, and which metrics' series it changed. */
export interface BatchReach {
  readonly areas: boolean;
  readonly metricIds: readonly number[];
  /** The periods it brought, where the batch recorded them (a release): only those slices need building again. */
  readonly periods?: readonly string[];
}

/**
 * What a batch touched, or undefined when there is no such batch. A batch of
 * areas, or of observations that added areas (--add-areas), touches the areas;
 * a batch of metric definitions touches the metrics it defined; one of
 * observations, the metrics it brought rows for.
 */
export async function reachOfBatch(sql: Sql, batchId: number): Promise<BatchReach | undefined> {
  const [batch] = await sql<{ kind: string; addedAreas: boolean; periods: string[] | null }[]>`
    select kind, exists (select 1 from area where batch_id = ${batchId}) as "addedAreas",
      (select periods from release_batch where batch_id = ${batchId}) as periods
    from import_batch where id = ${batchId}`;
  if (!batch) return undefined;
  if (batch.kind === 'areas' || batch.addedAreas) return { areas: true, metricIds: [] };
  const rows =
    batch.kind === 'metrics'
      ? await sql<{ id: number }[]>`select id from metric where batch_id = ${batchId}`
      : await sql<{ id: number }[]>`select metric_id as id from batch_metric where batch_id = ${batchId}`;
  const metricIds = rows.map((r) => r.id);
  return batch.periods === null ? { areas: false, metricIds } : { areas: false, metricIds, periods: batch.periods };
}
