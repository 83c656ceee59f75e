// Reading the store into the benchmark index: the areas, the metrics, and
// every current observation, as columns of binary numbers, one row of the
// answer per metric (four million observations come through here at start;
// read one object or one parsed number per observation, they took seconds).
import { Buffer } from 'node:buffer';
import { BenchmarkIndex, slicesOf, type IndexArea, type IndexMetric, type PeriodSpan, type SeriesColumns } from '../domain/benchmark/benchmark-index.ts';
import { countsGiveIntervals } from '../domain/benchmark/benchmark-queries.ts';
import type { Sql } from './store.ts';

export async function loadIndexAreas(sql: Sql): Promise<IndexArea[]> {
  return sql<IndexArea[]>`
    select code, name, official_name as "officialName", type, region_code as "regionCode", county_code as "countyCode",
      to_char(start_date, 'YYYY-MM-DD') as "startDate", to_char(end_date, 'YYYY-MM-DD') as "endDate", successor_codes as "successorCodes"
    from area order by code`;
}

export async function loadIndexMetrics(sql: Sql, ids?: readonly number[]): Promise<IndexMetric[]> {
  return sql<IndexMetric[]>`
    select id, code, title, definition, unit, polarity, value_kind as "valueKind", multiplier, period_kind as "periodKind",
      source, themes, decimals, ci_method as "ciMethod", status
    from metric ${ids ? sql`where id = any(${ids as number[]})` : sql``} order by id`;
}

/**
 * Builds the series of the given metrics from the store and puts them into
 * the index, replacing what it held for them (after an import); returns the
 * observations read.
 */
export function loadSeries(sql: Sql, index: BenchmarkIndex, metrics: readonly IndexMetric[]): Promise<number> {
  return readSeries(sql, index, metrics, sql`where metric_id = any(${metrics.map((m) => m.id)})`);
}

/**
 * Builds every metric's series, reading the whole observation table along its
 * key (the first build, or after new areas): `metrics` are all the metrics.
 */
export function loadEverySeries(sql: Sql, index: BenchmarkIndex, metrics: readonly IndexMetric[]): Promise<number> {
  return readSeries(sql, index, metrics, sql``);
}

/**
 * One query answers every metric asked for, a row each: PostgreSQL packs
 * each column of a metric's rows into one bytea of big-endian binary numbers
 * (area ids, periods as places in the period list, figures with NaN for
 * none), and each row is made into the metric's slices as it arrives, while
 * the store works out the next. Bounds and counts are sent only for metrics
 * that have some. The aggregates of one group see its rows in one order, so
 * the columns line up row for row; the order of areas is not relied on.
 */
async function readSeries(sql: Sql, index: BenchmarkIndex, metrics: readonly IndexMetric[], which: ReturnType<Sql>): Promise<number> {
  const areaNumbers = await areaNumbersById(sql, index);
  const periods = await sql<PeriodSpan[]>`
    select label, to_char(start_date, 'YYYY-MM-DD') as start, to_char(end_date, 'YYYY-MM-DD') as end from period order by label`;
  const wanted = new Map(metrics.map((m) => [m.id, m]));
  const unread = new Set(wanted.keys());
  let observations = 0;
  const none = sql`float8send('NaN'::float8)`;
  await sql`
    select metric_id,
      string_agg(int4send(area_id), '') as areas,
      string_agg(int2send(coalesce(array_position(${periods.map((p) => p.label)}::text[], period) - 1, -1)::int2), '') as periods,
      string_agg(coalesce(float8send(value), ${none}), '') as values,
      case when count(lower_ci) + count(upper_ci) > 0 then string_agg(coalesce(float8send(lower_ci), ${none}), '') end as lower,
      case when count(lower_ci) + count(upper_ci) > 0 then string_agg(coalesce(float8send(upper_ci), ${none}), '') end as upper,
      case when count(numerator) + count(denominator) > 0 then string_agg(coalesce(float8send(numerator), ${none}), '') end as numerator,
      case when count(numerator) + count(denominator) > 0 then string_agg(coalesce(float8send(denominator), ${none}), '') end as denominator
    from observation ${which}
    group by metric_id`.raw().forEach((row) => {
    const fields = row as unknown as RawField[];
    const metric = wanted.get(Number(text(fields[0]!)));
    if (!metric) return; // a metric defined after the list was read: the next refresh brings it
    const columns = metricColumns(metric, fields, areaNumbers, periods.length);
    index.put(metric, slicesOf(periods, columns, countsGiveIntervals(metric)));
    unread.delete(metric.id);
    observations += columns.areas.length;
  });
  for (const id of unread) index.put(wanted.get(id)!, []); // a metric with no observations yet
  return observations;
}

/** Raw field bytes, as the driver gives them with .raw(): text, or null. */
type RawField = Buffer | null;

function text(field: RawField): string {
  return field === null ? '' : field.toString('latin1');
}

/** The columns of one metric's answer row, checked: every area and period must be known to the index. */
function metricColumns(metric: IndexMetric, row: readonly RawField[], areaNumbers: Int32Array, periodCount: number): SeriesColumns {
  const ids = int32s(row[1]!);
  const areas = new Uint16Array(ids.length);
  for (let i = 0; i < ids.length; i++) {
    const number = ids[i]! < areaNumbers.length ? areaNumbers[ids[i]!]! : -1;
    if (number < 0) throw new Error(`metric ${metric.code} has observations of area id ${ids[i]!}, which the area table does not hold`);
    areas[i] = number;
  }
  const periods = uint16s(row[2]!);
  for (let i = 0; i < periods.length; i++) {
    if (periods[i]! >= periodCount) throw new Error(`metric ${metric.code} has observations of a period the period table does not hold`);
  }
  const figures = (field: RawField | undefined) => (field ? float64s(field) : undefined);
  return { areas, periods, values: figures(row[3])!, lower: figures(row[4]), upper: figures(row[5]), numerator: figures(row[6]), denominator: figures(row[7]) };
}

// A bytea field comes as its text form (\x and hex digits); its bytes are
// big-endian numbers, turned in place into this machine's order.

function int32s(field: Buffer): Int32Array {
  const bytes = bytea(field, 4).swap32();
  return new Int32Array(bytes.buffer, bytes.byteOffset, bytes.length / 4);
}

function uint16s(field: Buffer): Uint16Array {
  const bytes = bytea(field, 2).swap16();
  return new Uint16Array(bytes.buffer, bytes.byteOffset, bytes.length / 2);
}

function float64s(field: Buffer): Float64Array {
  const bytes = bytea(field, 8).swap64();
  return new Float64Array(bytes.buffer, bytes.byteOffset, bytes.length / 8);
}

/** The bytes, where a typed array of `size`-byte numbers may lie on them (its offset a multiple of its size). */
function bytea(field: Buffer, size: number): Buffer {
  const bytes = Buffer.from(field.toString('latin1', 2), 'hex');
  return bytes.byteOffset % size === 0 ? bytes : Buffer.from(new Uint8Array(bytes).buffer);
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
