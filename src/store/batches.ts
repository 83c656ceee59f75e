// Import batches: one load of data, who, when, the file's hash, its counts and
// every rejection. A batch is 'received', then 'validating' while it runs, and
// ends 'loaded' or 'rejected'. The process running a batch holds an advisory
// lock on it, so a batch left 'validating' by a process that was killed can be
// told from one still running, and closed as rejected: by a job every minute
// (src/jobs/interrupted-batches.ts), and whenever batches are read, so that a
// killed CLI import is seen for what it is without a restart.
import type { Rejection } from '../domain/batch/index.ts';
import type { Db, Sql } from './store.ts';

export type BatchKind = 'observations' | 'metrics' | 'areas' | 'groups';
export type BatchStatus = 'received' | 'validating' | 'rejected' | 'loaded';

export interface Batch {
  readonly id: number;
  readonly kind: BatchKind;
  readonly status: BatchStatus;
  readonly fileName: string;
  readonly fileSha256: string | null;
  readonly source: string | null;
  readonly importedBy: string;
  readonly skipInvalid: boolean;
  readonly receivedAt: Date;
  readonly finishedAt: Date | null;
  readonly rowsRead: number;
  readonly inserted: number;
  readonly revised: number;
  readonly unchanged: number;
  readonly rejected: number;
  readonly message: string | null;
}

export interface BatchCounts {
  readonly rowsRead: number;
  readonly inserted: number;
  readonly revised: number;
  readonly unchanged: number;
  readonly rejected: number;
}

const BATCH_LOCK = 7_246_002; // advisory lock namespace: batches in flight

export interface NewBatch {
  readonly kind: BatchKind;
  readonly fileName: string;
  readonly importedBy: string;
  readonly skipInvalid: boolean;
  readonly source?: string | undefined;
}

export async function createBatch(sql: Db, batch: NewBatch): Promise<number> {
  const [row] = await sql<{ id: number }[]>`
    insert into import_batch (kind, status, file_name, imported_by, skip_invalid, source)
    values (${batch.kind}, 'received', ${batch.fileName}, ${batch.importedBy}, ${batch.skipInvalid}, ${batch.source ?? null})
    returning id`;
  return row!.id;
}

/**
 * Holds the batch's lock until the transaction ends, then marks it as running
 * (through the pool, so that others see it while the transaction goes on).
 */
export async function startBatch(tx: Db, sql: Sql, id: number): Promise<void> {
  await tx`select pg_advisory_xact_lock(${BATCH_LOCK}, ${id})`;
  await sql`update import_batch set status = 'validating' where id = ${id}`;
}

export async function finishBatch(sql: Db, id: number, status: 'loaded' | 'rejected', counts: BatchCounts, sha256: string | null, message: string | null): Promise<void> {
  await sql`
    update import_batch set status = ${status}, finished_at = now(), file_sha256 = ${sha256},
      rows_read = ${counts.rowsRead}, inserted = ${counts.inserted}, revised = ${counts.revised},
      unchanged = ${counts.unchanged}, rejected = ${counts.rejected}, message = ${message}
    where id = ${id}`;
}

export async function saveRejections(sql: Db, id: number, rejections: readonly Rejection[]): Promise<void> {
  const rows = rejections.map((r) => ({
    batch_id: id,
    line: r.line,
    column_name: r.column ?? null,
    value: r.value ?? null,
    reason: r.reason,
    suggestion: r.suggestion ?? null,
  }));
  for (let i = 0; i < rows.length; i += 5000) {
    await sql`insert into import_rejection ${sql(rows.slice(i, i + 5000), 'batch_id', 'line', 'column_name', 'value', 'reason', 'suggestion')}`;
  }
}

/**
 * Closes batches whose process died mid-way (their data was rolled back with
 * them), as closeAbandonedBatches chooses them: it runs every minute, beside
 * imports that have just received their batch and not yet locked it.
 */
export async function closeInterruptedBatches(sql: Sql): Promise<number> {
  const open = await sql<{ id: number }[]>`
    select id from import_batch where status = 'validating' or (status = 'received' and received_at < now() - interval '1 minute')`;
  let closed = 0;
  for (const { id } of open) {
    await sql.begin(async (tx) => {
      const [lock] = await tx<{ free: boolean }[]>`select pg_try_advisory_xact_lock(${BATCH_LOCK}, ${id}) as free`;
      if (!lock!.free) return;
      const result = await tx`
        update import_batch set status = 'rejected', finished_at = now(), message = ${INTERRUPTED}
        where id = ${id} and status in ('received', 'validating')`;
      closed += result.count;
    });
  }
  return closed;
}

const INTERRUPTED = 'interrupted: the process stopped before the batch finished; nothing from it was stored';

/**
 * Closes, in one statement, the open batches whose lock is free: those left
 * 'validating', and those 'received' over a minute ago (a batch is received
 * only for the moment before its transaction takes the lock).
 */
async function closeAbandonedBatches(sql: Db): Promise<void> {
  const open = await sql<{ id: number }[]>`
    select id from import_batch where status = 'validating' or (status = 'received' and received_at < now() - interval '1 minute')`;
  if (open.length === 0) return;
  await sql`
    update import_batch set status = 'rejected', finished_at = now(), message = ${INTERRUPTED}
    where id = any(${open.map((row) => row.id)}) and status in ('received', 'validating') and pg_try_advisory_xact_lock(${BATCH_LOCK}, id)`;
}

/** Whether any batch has ever loaded: a store with none is new, and the demo may fill it. */
export async function hasLoadedBatch(sql: Db): Promise<boolean> {
  const [row] = await sql<{ loaded: boolean }[]>`select exists (select 1 from import_batch where status = 'loaded') as loaded`;
  return row!.loaded;
}

/** Every batch that has loaded, by id: what an index built now holds. */
export async function loadedBatchIds(sql: Db): Promise<number[]> {
  const rows = await sql<{ id: number }[]>`select id from import_batch where status = 'loaded'`;
  return rows.map((row) => row.id);
}

export async function getBatch(sql: Db, id: number): Promise<Batch | undefined> {
  await closeAbandonedBatches(sql);
  const [row] = await sql<Batch[]>`${selectBatch(sql)} where id = ${id}`;
  return row;
}

export async function listBatches(sql: Db, limit: number, offset: number): Promise<Batch[]> {
  await closeAbandonedBatches(sql);
  return sql<Batch[]>`${selectBatch(sql)} order by id desc limit ${limit} offset ${offset}`;
}

function selectBatch(sql: Db) {
  return sql`
    select id, kind, status, file_name as "fileName", file_sha256 as "fileSha256", source, imported_by as "importedBy",
      skip_invalid as "skipInvalid", received_at as "receivedAt", finished_at as "finishedAt", rows_read as "rowsRead",
      inserted, revised, unchanged, rejected, message
    from import_batch`;
}

export async function listRejections(sql: Db, id: number, limit: number, offset: number): Promise<Rejection[]> {
  const rows = await sql<{ line: number; column: string | null; value: string | null; reason: string; suggestion: string | null }[]>`
    select line, column_name as column, value, reason, suggestion from import_rejection
    where batch_id = ${id} order by line, column_name limit ${limit} offset ${offset}`;
  return rows.map((r) => ({
    line: r.line,
    reason: r.reason,
    ...(r.column === null ? {} : { column: r.column }),
    ...(r.value === null ? {} : { value: r.value }),
    ...(r.suggestion === null ? {} : { suggestion: r.suggestion }),
  }));
}

/** How many batches there are: lists of them say so. */
export async function countBatches(sql: Db): Promise<number> {
  const [row] = await sql<{ count: number }[]>`select count(*)::int as count from import_batch`;
  return row!.count;
}

/** How many rejections a batch kept: lists of them say so. */
export async function countRejections(sql: Db, id: number): Promise<number> {
  const [row] = await sql<{ count: number }[]>`select count(*)::int as count from import_rejection where batch_id = ${id}`;
  return row!.count;
}
