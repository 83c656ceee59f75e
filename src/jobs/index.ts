// Lantern's jobs, started and stopped with a server (`lantern serve`): the
// minutely close of interrupted import batches, embargo ends at their
// instant, the nightly check of the benchmark index, the minutely
// packing of metrics' observations for the next start, and early warning's
// flags stored after each batch (and those of peer challenges overdue), the daily reminders of what is
// overdue, and councils' own values released at their instant. See job-runner.ts
// for how jobs run once across servers, survive a server's crash and retry.
import os from 'node:os';
import type { MailConfig } from '../config.ts';
import type { BenchmarkEngine } from '../engine/benchmark-engine.ts';
import { untilReachable, type Store } from '../store/store.ts';
import { CHALLENGE_FLAGS, challengeFlagsJob } from './challenge-flags.ts';
import { EMBARGO_ENDS, embargoEndJob, scheduleEmbargoEnds } from './embargo-ends.ts';
import { FLAGS, FLAGS_CHECK, flagsCheckJob, flagsJob, sendFlagJobs } from './flags.ts';
import { checkIndexWhenAsked, INDEX_CHECK, indexCheckJob } from './index-check.ts';
import { INTERRUPTED_BATCHES, interruptedBatchesJob } from './interrupted-batches.ts';
import { smtpMailer } from './mailer.ts';
import { RELEASES, RELEASES_CHECK, releaseCheckJob, releaseJob, scheduleReleases } from './releases.ts';
import { REMINDERS, remindersJob } from './reminders.ts';
import { SERIES_PACKS, seriesPacksJob } from './series-packs.ts';
import { installJobRunner, startJobRunner, type JobQueue, type JobRunner, type RunnerOptions } from './job-runner.ts';

export { installJobRunner, startJobRunner, type JobDefinition, type JobQueue, type JobRun, type JobRunner, type RunnerOptions } from './job-runner.ts';

/** Every queue of Lantern's, as the owner makes them (installJobRunner). */
export const LANTERN_QUEUES: readonly JobQueue[] = [INTERRUPTED_BATCHES, EMBARGO_ENDS, INDEX_CHECK, SERIES_PACKS, FLAGS, FLAGS_CHECK, CHALLENGE_FLAGS, REMINDERS, RELEASES, RELEASES_CHECK];

export interface LanternJobOptions extends RunnerOptions {
  /** SMTP for the reminders' email (the configuration's mail); none sends no email. */
  readonly mail?: MailConfig | undefined;
  /** The reminders' and releases' clock: London's day and what is due are read from it (a fake one in tests). */
  readonly clock?: () => Date;
}

export interface LanternJobs {
  readonly runner: JobRunner;
  /** Stops taking jobs, lets those running finish, and stops listening. */
  stop(): Promise<void>;
}

/**
 * Installs the runner's schema and queues as the owner (as the store's
 * migrations are, on every start), then takes Lantern's jobs on this server.
 */
export async function startLanternJobs(store: Store, engine: BenchmarkEngine, options: LanternJobOptions): Promise<LanternJobs> {
  const { sql } = store;
  const { log } = options;
  const server = options.server ?? `${os.hostname()}:${process.pid}`;
  // The store's server may be restarting as Lantern starts (its embedded server killed): installing, safe to do again, waits for it.
  await untilReachable(() => installJobRunner(store, LANTERN_QUEUES), `the store (${store.description})`, log);
  const mailer = options.mail ? smtpMailer(options.mail) : null;
  const clock = options.clock ?? (() => new Date());
  const jobs = [
    interruptedBatchesJob(sql, log),
    embargoEndJob(sql, log),
    indexCheckJob(sql, engine, server, log),
    seriesPacksJob(sql, log),
    flagsJob(sql, engine, log),
    flagsCheckJob(sql, engine, log),
    challengeFlagsJob(sql, { clock, log }),
    remindersJob(sql, { mailer, clock, log }),
    releaseJob(sql, { clock, log }),
    releaseCheckJob(sql, { clock, log }, () => runner),
  ];
  // The minutely release check schedules through this server's runner, made from the jobs.
  const runner: JobRunner = await startJobRunner(store, jobs, { ...options, server });
  const embargoes = await scheduleEmbargoEnds(sql, runner, log);
  const checks = await checkIndexWhenAsked(sql, engine, server, log);
  const flags = await sendFlagJobs(sql, engine, runner, log);
  const releases = await scheduleReleases(sql, runner, { clock, log });
  return {
    runner,
    async stop() {
      await Promise.all([embargoes.stop(), checks.stop(), flags.stop(), releases.stop()]);
      await runner.stop();
      mailer?.close();
    },
  };
}
