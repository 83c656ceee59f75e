// Releases: a council's held values become public at their rule's instant,
// without anyone acting. A job waits for each coming instant; when it runs,
// on whichever server takes it, it releases every value due then as one
// import batch (src/store/releases.ts), which every server's benchmark index
// hears; the index's new generation drops every page kept under the old one,
// so public pages follow on every server within a moment of the instant.
//
// As with embargo ends (embargo-ends.ts), every server hears each rule set
// and schedules the coming instants again: the job's id is made from the
// instant, so servers send one job between them, and an instant that no
// longer has values due finds nothing to release. A server schedules every
// coming instant when it starts listening (and after any break), releases
// at once what came due while it was not listening, and sets a timer to
// wake its worker at the instant rather than at the next poll. A value
// confirmed after its instant is released by the minutely check, which also
// schedules the instants that values confirmed since have brought.
//
// Releasing is safe to run twice: it takes the store's write turn and
// releases only values not yet released.
import crypto from 'node:crypto';
import { comingReleases, onReleaseChange, releaseDue, type Release } from '../store/releases.ts';
import type { Sql } from '../store/store.ts';
import type { JobDefinition, JobQueue, JobRunner } from './job-runner.ts';

export const RELEASE_QUEUE = 'release';

export const RELEASES: JobQueue = {
  queue: RELEASE_QUEUE,
  // A day's releases for every council take about a second (bench/releases.ts); a killed server's job is retried after 60 + 15 + 1 + 2 s.
  expireInSeconds: 60,
  retryLimit: 5,
  retryDelaySeconds: 1,
  pollSeconds: 2,
};

export const RELEASES_CHECK: JobQueue = { queue: 'release-check', every: '* * * * *', expireInSeconds: 120, retryLimit: 1, retryDelaySeconds: 30, pollSeconds: 30 };

export interface ReleaseJobOptions {
  readonly log: (line: string) => void;
  /** The release path's clock (a fake one in tests). */
  readonly clock: () => Date;
}

/** The job at an instant: release every value due now. */
export function releaseJob(sql: Sql, options: ReleaseJobOptions): JobDefinition {
  return {
    ...RELEASES,
    async run() {
      say(options.log, await releaseDue(sql, options.clock()));
    },
  };
}

/**
 * Once a minute: release what is due and no instant's job released (a
 * value confirmed after its instant), then schedule the coming instants, in
 * case values confirmed since brought new ones. The runner is this server's,
 * given once it has started.
 */
export function releaseCheckJob(sql: Sql, options: ReleaseJobOptions, runnerOf: () => JobRunner | undefined): JobDefinition {
  return {
    ...RELEASES_CHECK,
    async run() {
      const now = options.clock();
      say(options.log, await releaseDue(sql, now));
      const runner = runnerOf();
      if (runner) for (const { at } of await comingReleases(sql, now)) await sendAt(runner, at);
    },
  };
}

function say(log: (line: string) => void, release: Release): void {
  if (release.batchId === null) return;
  const kept = release.officialKept > 0 ? `; ${release.officialKept} not loaded, where the official statistic stands` : '';
  log(`Lantern: released ${release.released} of councils' own values (batch ${release.batchId}, ${release.metrics.length} metrics)${kept}`);
}

async function sendAt(runner: JobRunner, at: Date): Promise<void> {
  await runner.send(RELEASE_QUEUE, { at: at.toISOString() }, { id: releaseJobId(at), startAfter: at });
}

export interface ReleaseScheduler {
  stop(): Promise<void>;
}

/** Keeps every coming release instant scheduled on `runner`, as rules are set. */
export async function scheduleReleases(sql: Sql, runner: JobRunner, options: ReleaseJobOptions): Promise<ReleaseScheduler> {
  const timers = new Map<number, NodeJS.Timeout>();
  const wakeAt = (at: Date) => {
    if (timers.has(at.getTime())) return;
    // A few milliseconds past the instant; a timer reaches 24 days at most, and is set again then.
    const wait = Math.min(at.getTime() - Date.now() + 5, 2 ** 31 - 1);
    const timer = setTimeout(
      () => {
        timers.delete(at.getTime());
        if (Date.now() < at.getTime()) wakeAt(at);
        else runner.wake(RELEASE_QUEUE);
      },
      Math.max(wait, 0),
    );
    timer.unref();
    timers.set(at.getTime(), timer);
  };
  let scheduling = Promise.resolve();
  const scheduleComing = async () => {
    for (const { at } of await comingReleases(sql, options.clock())) {
      await sendAt(runner, at);
      wakeAt(at);
    }
  };
  const { unlisten } = await onReleaseChange(sql, (change) => {
    // One scheduling at a time: a burst of rules set schedules in turn, each reading the rules as they are then.
    const schedule = async () => {
      // Listening anew (a start, or after a break): what came due meanwhile is released now.
      if (change.kind === 'unheard') await runner.send(RELEASE_QUEUE, { at: options.clock().toISOString() });
      await scheduleComing();
    };
    scheduling = scheduling.then(schedule).catch((error: unknown) => options.log(`Lantern: jobs: could not schedule releases: ${error instanceof Error ? error.message : String(error)}`));
  });
  return {
    async stop() {
      await unlisten();
      await scheduling;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** The same id for the same instant, whichever server sends it: a UUID (version 5 form) from its hash. */
export function releaseJobId(at: Date): string {
  const hash = crypto.createHash('sha1').update(`${RELEASE_QUEUE} ${at.toISOString()}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
