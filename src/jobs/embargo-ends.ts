// Embargo ends: an early-sight metric's figures become public at the instant
// its embargo ends. A job waits for that instant; when it runs, on whichever
// server takes it, it tells every server (src/store/early-sight.ts), and each
// drops the public pages it keeps, so that pages change within a moment of
// the instant rather than when they expire. (The API needs no telling: it
// asks the store about embargoes on every request.)
//
// Every server hears each change to an embargo and schedules its end again:
// the job's id is made from the metric and the instant, so the servers that
// hear one change send one job between them (pg-boss ignores an id it
// holds), and moving or lifting an embargo takes back the job of its old
// instant. When a server starts listening (and after any break) it schedules
// every coming end again, in case a change went unheard; a job whose instant
// is no longer its metric's end does nothing. Each server also sets a timer
// for the ends it knows and wakes its worker at the instant, rather than
// leaving the job to the queue's next poll.
import crypto from 'node:crypto';
import { announceEarlySight, comingEmbargoEnds, embargoEndsAt, onEarlySightChange, type EarlySightChange } from '../store/early-sight.ts';
import type { Sql } from '../store/store.ts';
import type { JobDefinition, JobQueue, JobRunner } from './job-runner.ts';

export const EMBARGO_QUEUE = 'embargo-end';

export const EMBARGO_ENDS: JobQueue = {
  queue: EMBARGO_QUEUE,
  // A server killed mid-run leaves the job to another after 30 s + maintenance (15 s) + 1 s + a poll (5 s).
  expireInSeconds: 30,
  retryLimit: 5,
  retryDelaySeconds: 1,
  pollSeconds: 5,
};

/** The job: tell every server that the embargo has ended, if it still ends at this instant. */
export function embargoEndJob(sql: Sql, log: (line: string) => void): JobDefinition {
  return {
    ...EMBARGO_ENDS,
    async run(data) {
      const { metric, until } = endOf(data);
      if (!(await embargoEndsAt(sql, metric, until))) return; // moved or lifted since it was scheduled
      await announceEarlySight(sql, { kind: 'embargo_ended', metric, at: until });
      log(`Lantern: the embargo on ${metric} ended at ${until.toISOString()}; its figures are public`);
    },
  };
}

export interface EmbargoScheduler {
  stop(): Promise<void>;
}

/** Keeps every coming embargo end scheduled on `runner`, as embargoes are set, moved and lifted. */
export async function scheduleEmbargoEnds(sql: Sql, runner: JobRunner, log: (line: string) => void): Promise<EmbargoScheduler> {
  const timers = new Map<string, NodeJS.Timeout>();
  const wakeAt = (metric: string, until: Date) => {
    clearTimeout(timers.get(metric));
    // A few milliseconds past the instant, so that the store's clock is past it too; a timer reaches 24 days at most.
    const wait = Math.min(until.getTime() - Date.now() + 5, 2 ** 31 - 1);
    const timer = setTimeout(
      () => {
        timers.delete(metric);
        if (Date.now() < until.getTime()) wakeAt(metric, until);
        else runner.wake(EMBARGO_QUEUE);
      },
      Math.max(wait, 0),
    );
    timer.unref();
    timers.set(metric, timer);
  };
  const schedule = async (metric: string, until: Date) => {
    await runner.send(EMBARGO_QUEUE, { metric, until: until.toISOString() }, { id: jobIdOf(metric, until), startAfter: until });
    wakeAt(metric, until);
  };
  const hear = async (change: EarlySightChange) => {
    if (change.kind === 'unheard') {
      for (const end of await comingEmbargoEnds(sql)) await schedule(end.metric, end.until);
    } else if (change.kind === 'embargo_set') {
      const now = Date.now();
      const moved = change.was !== null && change.was.getTime() !== change.until?.getTime();
      // An end already past has run, or will find itself moved: its job is left as the record of it.
      if (moved && change.was!.getTime() > now) await runner.deleteJob(EMBARGO_QUEUE, jobIdOf(change.metric, change.was!));
      if (moved || change.until === null) clearTimeout(timers.get(change.metric));
      if (change.until !== null && change.until.getTime() > now) await schedule(change.metric, change.until);
    }
  };
  const { unlisten } = await onEarlySightChange(sql, (change) => {
    hear(change).catch((error: unknown) => log(`Lantern: jobs: could not schedule the end of an embargo: ${error instanceof Error ? error.message : String(error)}`));
  });
  return {
    async stop() {
      await unlisten();
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** The same id for the same metric and instant, whichever server sends it: a UUID (version 5 form) from their hash. */
export function jobIdOf(metric: string, until: Date): string {
  const hash = crypto.createHash('sha1').update(`${EMBARGO_QUEUE} ${metric} ${until.toISOString()}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

function endOf(data: Readonly<Record<string, unknown>>): { metric: string; until: Date } {
  const until = typeof data.until === 'string' ? new Date(data.until) : undefined;
  if (typeof data.metric !== 'string' || !until || Number.isNaN(until.getTime())) {
    throw new Error(`an embargo-end job needs 'metric' and 'until' (an instant), not ${JSON.stringify(data)}`);
  }
  return { metric: data.metric, until };
}
