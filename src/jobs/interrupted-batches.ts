// Import batches left open by a process that died mid-way are closed as
// interrupted, every minute, by whichever server takes the job: a killed
// `lantern import` is seen for what it is without a server restarting.
// (Reading batches closes them too; this keeps the store true for whoever
// does not read.) Safe to run twice: a batch still running holds its lock.
import { closeInterruptedBatches } from '../store/batches.ts';
import type { Sql } from '../store/store.ts';
import type { JobDefinition, JobQueue } from './job-runner.ts';

export const INTERRUPTED_BATCHES: JobQueue = {
  queue: 'interrupted-batches',
  every: '* * * * *',
  // A server killed mid-run leaves it to the next minute's job, or to another server after 60 + 15 + 10 + 30 s.
  expireInSeconds: 60,
  retryLimit: 1,
  retryDelaySeconds: 10,
  pollSeconds: 30,
};

export function interruptedBatchesJob(sql: Sql, log: (line: string) => void): JobDefinition {
  return {
    ...INTERRUPTED_BATCHES,
    async run() {
      const closed = await closeInterruptedBatches(sql);
      if (closed > 0) log(`Lantern: closed ${closed} import batch(es) left unfinished by a stopped process; nothing from them was stored`);
    },
  };
}
