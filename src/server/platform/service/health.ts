// GET /health: whether Lantern can answer, which is whether its store answers.
// A store that is gone (its PostgreSQL killed, restarting, or unreachable at
// its URL) is a 503 in JSON that names the store, answered within a few
// seconds, never an error page: a load balancer or a person can tell a dead
// database from a dead Lantern.
//
// GET /ready: whether this server should be sent traffic: its store and
// replica answer, every migration it knows is applied (another server may
// still be migrating), and its benchmark index is built. Until then a 503 in
// JSON says which of these is missing, the first of them in that order.
import type { Request, Response } from 'express';
import { pendingMigrations, primaryAnswers, replicaAnswers } from '../../../store/readiness.ts';
import type { Store } from '../../../store/store.ts';

const ANSWER_WITHIN_MS = 2000;

export function healthHandler(store: Store) {
  return async (_req: Request, res: Response) => {
    const problem = await problemOf(primaryAnswers(store));
    if (problem === undefined) {
      res.json({ status: 'ok' });
      return;
    }
    res.status(503).json({
      status: 503,
      code: 'store_unavailable',
      store: store.description,
      message: `the store (${store.description}) does not answer: ${problem}`,
    });
  };
}

/** What /ready asks of the benchmark engine. */
export interface IndexReadiness {
  /** Whether the first index is built. */
  readonly isReady: boolean;
  /** Rejects when the first index cannot be built. */
  readonly ready: Promise<void>;
}

interface NotReady {
  readonly code: 'store_unavailable' | 'replica_unavailable' | 'migrations_pending' | 'index_building' | 'index_failed';
  readonly message: string;
}

export function readyHandler(store: Store, engine: IndexReadiness) {
  let failed: string | undefined;
  engine.ready.catch((error: unknown) => {
    failed = error instanceof Error ? error.message : String(error);
  });
  return async (_req: Request, res: Response) => {
    const reason = await notReady(store, engine, failed);
    if (reason === undefined) {
      res.json({ status: 'ready' });
      return;
    }
    if (reason.code === 'index_building') res.set('Retry-After', '2');
    res.status(503).json({ status: 503, ...reason });
  };
}

async function notReady(store: Store, engine: IndexReadiness, failed: string | undefined): Promise<NotReady | undefined> {
  const pendingAsked = pendingMigrations(store);
  const [primary, replica] = await Promise.all([problemOf(pendingAsked), problemOf(replicaAnswers(store))]);
  if (primary !== undefined) return { code: 'store_unavailable', message: `the store (${store.description}) does not answer: ${primary}` };
  if (replica !== undefined) return { code: 'replica_unavailable', message: `the ${store.replica!.description} does not answer: ${replica}` };
  const pending = await pendingAsked;
  if (pending.length > 0) return { code: 'migrations_pending', message: `migrations ${pending.join(', ')} are not applied yet` };
  if (failed !== undefined) return { code: 'index_failed', message: `the benchmark index could not be built: ${failed}` };
  if (!engine.isReady) return { code: 'index_building', message: 'the benchmark index is still being built from the store' };
  return undefined;
}

/**
 * Why a query did not answer in time, or undefined when it did. An answer
 * that arrived while the process was busy (a start-up's parsing) is read
 * before the time is called: the timer waits one more turn of the event loop.
 */
async function problemOf(query: Promise<unknown>): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => setImmediate(() => resolve(`no answer within ${ANSWER_WITHIN_MS / 1000} s`)), ANSWER_WITHIN_MS);
  });
  const asked = query.then(
    () => undefined,
    (error: unknown) => (error instanceof Error ? error.message : String(error)),
  );
  try {
    return await Promise.race([asked, late]);
  } finally {
    clearTimeout(timer);
  }
}
