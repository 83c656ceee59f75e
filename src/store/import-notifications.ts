// The notice that a batch has loaded: the import tells the channel inside the
// batch's own transaction, so PostgreSQL delivers it only when the batch
// commits, and never for a batch rolled back or a dry run. Whoever holds
// figures built from the store (the benchmark engine, in any process) listens
// and refreshes what the batch touched. The payload's encoding lives here
// alone, so that a field can be added to it without touching either side.
import type { Db, Sql } from './store.ts';

const IMPORT_CHANNEL = 'lantern_import';

/** What a listener is told about a loaded batch. */
export interface BatchLoaded {
  readonly batchId: number;
}

/** Tells every listener that the batch has loaded, once `tx` commits. */
export async function announceBatch(tx: Db, batchId: number): Promise<void> {
  await tx`select pg_notify(${IMPORT_CHANNEL}, ${String(batchId)})`;
}

/** Calls `handler` for each batch that loads from now on, in any process, until `unlisten`. */
export async function onBatchLoaded(sql: Sql, handler: (loaded: BatchLoaded) => void): Promise<{ unlisten: () => Promise<void> }> {
  const { unlisten } = await sql.listen(IMPORT_CHANNEL, (payload) => handler(batchLoadedFrom(payload)));
  return { unlisten };
}

function batchLoadedFrom(payload: string): BatchLoaded {
  return { batchId: Number(payload) };
}
