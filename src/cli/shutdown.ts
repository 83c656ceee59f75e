// Stopping `lantern serve` on SIGTERM (or SIGINT) without dropping work: the
// HTTP server stops taking connections and lets the requests under way
// finish, each connection closed after its response; then the other parts
// stop, one after another, in the order serve lists them (the job runner
// lets its job finish before the store it works on closes). A load balancer
// or orchestrator sends SIGTERM and waits; a second signal stops at once.
import type http from 'node:http';

/** One part of the server to stop: what to call it in the log, and how. */
export type StopStep = readonly [name: string, stop: () => Promise<unknown> | undefined];

/** Requests still running after this long are cut off: orchestrators wait about 30 s before they kill. */
export const REQUESTS_FINISH_WITHIN_MS = 25_000;

export interface Drain {
  /** Stops taking connections; resolves once every request under way has its response, or after `withinMs`. */
  drain(withinMs?: number): Promise<void>;
}

/**
 * Tracks the server's responses, so that stopping can close each keep-alive
 * connection once its response is sent instead of waiting for it to idle
 * out. Call before the application's request listener is added.
 */
export function drainable(server: http.Server): Drain {
  const open = new Set<http.ServerResponse>();
  let draining = false;
  const closeIdle = () => setImmediate(() => server.closeIdleConnections());
  server.on('request', (_req: http.IncomingMessage, res: http.ServerResponse) => {
    if (draining) res.setHeader('Connection', 'close');
    open.add(res);
    res.once('close', () => {
      open.delete(res);
      if (draining) closeIdle();
    });
  });
  return {
    drain(withinMs = REQUESTS_FINISH_WITHIN_MS) {
      draining = true;
      for (const res of open) if (!res.headersSent) res.setHeader('Connection', 'close');
      return new Promise<void>((resolve) => {
        const late = setTimeout(() => server.closeAllConnections(), withinMs);
        server.close(() => {
          clearTimeout(late);
          resolve();
        });
        closeIdle();
      });
    },
  };
}

/** Runs each step in turn, saying what it stops and how long it took; a step that fails is said and the rest still run. Resolves true when all stopped. */
export async function stopInOrder(steps: readonly StopStep[], log: (line: string) => void): Promise<boolean> {
  let clean = true;
  for (const [name, stop] of steps) {
    const started = performance.now();
    try {
      await stop();
      log(`Lantern: stopped ${name} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
    } catch (error) {
      clean = false;
      log(`Lantern: could not stop ${name} cleanly: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return clean;
}

/**
 * Calls `stop` on the first SIGTERM or SIGINT, then exits 0 when it says all
 * stopped cleanly (1 otherwise); a second signal exits at once.
 */
export function onStopSignal(stop: (signal: NodeJS.Signals) => Promise<boolean>, log: (line: string) => void): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      log(`Lantern: ${signal} again, stopping now`);
      process.exit(1);
    }
    stopping = true;
    log(`Lantern: ${signal}, stopping: no new connections; requests under way finish`);
    // Work the stop cuts off (a query a part issues as the store closes) can fail where nothing awaits it. It is
    // said, not left to end the process before the store's PostgreSQL has stopped.
    process.on('unhandledRejection', (reason) => log(`Lantern: while stopping: ${reason instanceof Error ? reason.message : String(reason)}`));
    void stop(signal).then(
      (clean) => process.exit(clean ? 0 : 1),
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}
