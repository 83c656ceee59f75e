// GET /health: whether Lantern can answer, which is whether its store answers.
// A store that is gone (its PostgreSQL killed, restarting, or unreachable at
// its URL) is a 503 in JSON that names the store, answered within a few
// seconds, never an error page: a load balancer or a person can tell a dead
// database from a dead Lantern.
import type { Request, Response } from 'express';
import type { Store } from '../store/store.ts';

const ANSWER_WITHIN_MS = 2000;

export function healthHandler(store: Store) {
  return async (_req: Request, res: Response) => {
    const problem = await storeProblem(store);
    if (problem === undefined) {
      res.json({ status: 'ok' });
      return;
    }
    res.status(503).json({
      status: 503, code: 'store_unavailable', store: store.description,
      message: `the store (${store.description}) does not answer: ${problem}`,
    });
  };
}

/** Why the store did not answer a trivial query in time, or undefined when it did. */
async function storeProblem(store: Store): Promise<string | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<string>((resolve) => {
    timer = setTimeout(() => resolve(`no answer within ${ANSWER_WITHIN_MS / 1000} s`), ANSWER_WITHIN_MS);
  });
  const asked = store.sql`select 1`.then(() => undefined, (error: unknown) => (error instanceof Error ? error.message : String(error)));
  try {
    return await Promise.race([asked, late]);
  } finally {
    clearTimeout(timer);
  }
}
