// The job runner: every scheduled or deferred piece of Lantern's work (the
// minutely close of interrupted import batches, an embargo's end at its
// instant, the nightly check of the benchmark index) is a job on PostgreSQL,
// run through pg-boss, so that however many servers run, a job runs once; a
// job whose server dies mid-way runs again on another; and a failed run is
// retried and recorded.
//
// Why pg-boss (10.4, its last release for Node 20) and not graphile-worker:
// - A crashed server's job. pg-boss gives each queue an expiry (from 1 s): a
//   job still active past it is failed by the maintenance that one of the
//   servers runs every `maintenanceSeconds`, and retried. So a job whose
//   server was killed starts again on another within its queue's expiry +
//   the maintenance interval + its retry delay + the queue's polling
//   interval, counted from when it started (Lantern's: embargo ends
//   30 + 15 + 1 + 5 s; see each job). graphile-worker frees a dead worker's
//   job only after 4 hours, fixed in its SQL (`locked_at < now() - interval
//   '4 hours'`); its 0.18, which may do better, needs Node 22.
// - Recurring jobs. pg-boss reads each schedule (cron, minute resolution)
//   and sends its job under a key unique to the minute, so N servers make one
//   job, which one server takes (FOR UPDATE SKIP LOCKED).
// - Failures. Each queue has a retry limit and delay. pg-boss keeps only a
//   job's last error; Lantern records every failed run in job_failure.
// - Least privilege. pg-boss's schema (`pgboss`) and its queues (a partition
//   table each) are made by the owner, in installJobRunner, as migrations
//   are; the application role is granted the schema's use and select,
//   insert, update, delete on its tables, never create: it can send and take
//   jobs but not make a queue. The runner starts with migrate: false, and
//   says so if the schema is missing or older than the package. Its queries
//   go through the store's own pool (src/store/job-runner-db.ts), so it reaches the
//   embedded server and one named by LANTERN_DATABASE_URL alike, and never
//   the replica (it does not LISTEN, and outside a request every query goes
//   to the primary).
// The price: pg-boss 10 has no heartbeat, so a queue's expiry must be longer
// than its longest honest run, or a slow run is taken for dead and run twice.
// Every job is written to be safe to run twice.
import os from 'node:os';
import PgBoss from 'pg-boss';
import { recordJobFailure } from '../store/job-failures.ts';
import { connectedRole, grantJobRunner, jobRunnerDb } from '../store/job-runner-db.ts';
import type { Store } from '../store/store.ts';

/** A queue of jobs and how they are run: what the owner makes, and servers read. */
export interface JobQueue {
  /** Letters, digits, hyphens and underscores. */
  readonly queue: string;
  /** Longer than the longest honest run: a run still going after it is taken for dead (its server killed) and retried. */
  readonly expireInSeconds: number;
  /** Retries after a failed run; 0 for none. */
  readonly retryLimit: number;
  readonly retryDelaySeconds: number;
  /** A cron expression (minute resolution, in Europe/London) for a job that recurs; none for one sent when needed. */
  readonly every?: string;
  /** How often an idle server asks for this queue's jobs (default 5 s). */
  readonly pollSeconds?: number;
}

export interface JobDefinition extends JobQueue {
  /** The work; throw to fail the run. */
  run(data: Readonly<Record<string, unknown>>, run: JobRun): Promise<void>;
}

export interface JobRun {
  readonly queue: string;
  readonly id: string;
  /** 1 for the first run, 2 for the first retry, ... */
  readonly attempt: number;
}

export interface JobRunner {
  /** This process, as job_failure names it. */
  readonly server: string;
  /** Sends a job, due now or at `startAfter`; a job whose `id` the queue holds already is not sent again (null). */
  send(queue: string, data: Record<string, unknown>, options?: { readonly id?: string; readonly startAfter?: Date }): Promise<string | null>;
  /** Takes back a job not yet run. */
  deleteJob(queue: string, id: string): Promise<void>;
  /** Has this server look for due jobs on `queue` at once, rather than at its next poll. */
  wake(queue: string): void;
  /** Takes no more jobs, waits for those running to finish and be marked done (up to the stop timeout), then stops. */
  stop(): Promise<void>;
}

export interface RunnerOptions {
  readonly log: (line: string) => void;
  /** How often one of the servers fails the jobs active past their expiry (default 15 s). */
  readonly maintenanceSeconds?: number;
  /** How often the schedules are read (default 30 s; 1 to 45). */
  readonly cronSeconds?: number;
  /** The longest a stop waits for running jobs (default 30 s). */
  readonly stopTimeoutSeconds?: number;
  /** This process, for job_failure (default host:pid). */
  readonly server?: string;
}

/** The queue through which pg-boss sends its schedules' jobs: made by the owner like Lantern's own. */
const SCHEDULES_QUEUE = '__pgboss__send-it';
const SCHEMA = 'pgboss';
const TIME_ZONE = 'Europe/London';

/**
 * Makes or updates pg-boss's schema and the queues, as the owner of the
 * store's tables (store.asOwner), and grants the application role what the
 * runner needs. Safe to run again, and by two servers at once.
 */
export async function installJobRunner(store: Store, queues: readonly JobQueue[]): Promise<void> {
  const app = await connectedRole(store.sql);
  await store.asOwner(async (owner) => {
    const boss = new PgBoss({ db: jobRunnerDb(owner), schema: SCHEMA, migrate: true, supervise: false, schedule: false });
    await boss.start();
    try {
      await boss.createQueue(SCHEDULES_QUEUE, { name: SCHEDULES_QUEUE });
      for (const queue of queues) {
        await boss.createQueue(queue.queue, settingsOf(queue));
        await boss.updateQueue(queue.queue, settingsOf(queue));
      }
    } finally {
      await boss.stop({ graceful: false, close: false });
    }
    await grantJobRunner(owner, app, SCHEMA);
  });
}

/** Starts taking the definitions' jobs on this server, and keeps the recurring ones scheduled. */
export async function startJobRunner(store: Store, definitions: readonly JobDefinition[], options: RunnerOptions): Promise<JobRunner> {
  const { sql } = store;
  const server = options.server ?? `${os.hostname()}:${process.pid}`;
  const cronSeconds = options.cronSeconds ?? 30;
  const underWay = new UnderWay();
  const boss = new PgBoss({
    db: underWay.db(jobRunnerDb(sql)),
    schema: SCHEMA,
    migrate: false,
    supervise: true,
    schedule: true,
    maintenanceIntervalSeconds: options.maintenanceSeconds ?? 15,
    cronMonitorIntervalSeconds: cronSeconds,
    cronWorkerIntervalSeconds: Math.min(cronSeconds, 5),
  });
  const say = sayingOnce(options.log);
  boss.on('error', (error: Error) => say(`Lantern: jobs: ${error.message}`));
  await boss.start().catch((error: Error) => {
    throw new Error(`the job runner cannot start (${error.message}): its schema is installed by the owner with the migrations (lantern migrate)`);
  });
  const workers = new Map<string, string>();
  for (const definition of definitions) {
    if (definition.every) await boss.schedule(definition.queue, definition.every, {}, { tz: TIME_ZONE });
    else await boss.unschedule(definition.queue);
    const take = { includeMetadata: true as const, batchSize: 1, pollingIntervalSeconds: definition.pollSeconds ?? 5 };
    workers.set(definition.queue, await boss.work<Record<string, unknown>>(definition.queue, take, ([job]) => underWay.track(runOnce(store, server, definition, job!, options.log))));
  }
  return {
    server,
    send: (queue, data, sent = {}) =>
      boss.send(queue, data, {
        ...(sent.id === undefined ? {} : { id: sent.id }),
        ...(sent.startAfter === undefined ? {} : { startAfter: sent.startAfter }),
      }),
    async deleteJob(queue, id) {
      await boss.deleteJob(queue, id);
    },
    wake(queue) {
      const worker = workers.get(queue);
      if (worker) boss.notifyWorker(worker);
    },
    async stop() {
      const timeout = (options.stopTimeoutSeconds ?? 30) * 1000;
      const by = Date.now() + timeout;
      await boss.stop({ graceful: true, wait: true, close: false, timeout });
      await underWay.finished(by);
    },
  };
}

/**
 * What a runner has under way: its queries and its jobs' runs. pg-boss's stop
 * waits only for the jobs its workers hold. A poll still asking for a job
 * when the stop began may take one, which then runs after the stop; and the
 * query that marks a run done (or failed) is sent without being waited for.
 * A store closed once the stop resolved would fail those, and nothing would
 * hear it: the runner's stop waits for them too.
 */
class UnderWay {
  private readonly pending = new Set<Promise<unknown>>();

  track<T>(work: Promise<T>): Promise<T> {
    this.pending.add(work);
    const done = () => this.pending.delete(work);
    work.then(done, done);
    return work;
  }

  db(db: PgBoss.Db): PgBoss.Db {
    return { executeSql: (text, values) => this.track(db.executeSql(text, values)) };
  }

  /** Resolves once nothing is under way, or at `by` (a run that never ends is not waited for forever). */
  async finished(by: number): Promise<void> {
    while (this.pending.size > 0 && Date.now() < by) {
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise((resolve) => (timer = setTimeout(resolve, by - Date.now())));
      await Promise.race([Promise.allSettled([...this.pending]), late]);
      clearTimeout(timer);
      // What a settled query sets going (a job fetched starts its run, a run ends in its mark) is tracked before the next look.
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
}

/**
 * One run of a job. A retry first records the run before it if that run left
 * no record (its server stopped mid-way, or it outran the queue's expiry);
 * a run that throws is recorded, said, and thrown on to pg-boss to retry.
 */
async function runOnce(store: Store, server: string, definition: JobDefinition, job: PgBoss.JobWithMetadata<Record<string, unknown>>, log: (line: string) => void): Promise<void> {
  const run: JobRun = { queue: definition.queue, id: job.id, attempt: job.retryCount + 1 };
  if (run.attempt > 1) {
    await recordJobFailure(store.sql, {
      queue: run.queue,
      jobId: run.id,
      attempt: run.attempt - 1,
      server,
      message: `stopped without finishing (${lastError(job.output) ?? 'its server stopped'}); found by the next run`,
    });
  }
  try {
    await definition.run(job.data ?? {}, run);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    await recordJobFailure(store.sql, { queue: run.queue, jobId: run.id, attempt: run.attempt, server, message });
    const next = run.attempt <= job.retryLimit ? `; retried in ${job.retryDelay} s` : '; no retries left';
    log(`Lantern: job ${run.queue} ${run.id} failed on run ${run.attempt} of ${job.retryLimit + 1}: ${message}${next}`);
    throw error;
  }
}

/** The message pg-boss kept with a job's last failure: a thrown error's, or its own ("job failed by timeout in active state"). */
function lastError(output: unknown): string | undefined {
  const kept = output as { message?: unknown; value?: unknown } | null | undefined;
  if (typeof kept?.message === 'string') return kept.message;
  const value = kept?.value as { message?: unknown } | string | undefined;
  if (typeof value === 'string') return value;
  return typeof value?.message === 'string' ? value.message : undefined;
}

function settingsOf(queue: JobQueue): PgBoss.Queue {
  return { name: queue.queue, policy: 'standard', expireInSeconds: queue.expireInSeconds, retryLimit: queue.retryLimit, retryDelay: queue.retryDelaySeconds };
}

/** Says each line at most once a minute: a store that is away makes every poll fail alike. */
function sayingOnce(log: (line: string) => void): (line: string) => void {
  const said = new Map<string, number>();
  return (line) => {
    const now = Date.now();
    if ((said.get(line) ?? 0) > now - 60_000) return;
    said.set(line, now);
    log(line);
  };
}
