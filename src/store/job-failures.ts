// The record of jobs' failed runs (migration 013): one row a failed run,
// never changed. A run that throws records itself; a run that stopped without
// a word (its server killed mid-job) is recorded by the run that retries it.
import type { Db } from './store.ts';

export interface JobFailure {
  readonly queue: string;
  readonly jobId: string;
  /** 1 for a job's first run, 2 for its first retry, ... */
  readonly attempt: number;
  readonly failedAt: Date;
  readonly server: string;
  readonly message: string;
}

export type NewJobFailure = Omit<JobFailure, 'failedAt'>;

/** Records a failed run; a run already recorded (the same attempt) is left as it is. */
export async function recordJobFailure(sql: Db, failure: NewJobFailure): Promise<void> {
  await sql`
    insert into job_failure (queue, job_id, attempt, server, message)
    values (${failure.queue}, ${failure.jobId}, ${failure.attempt}, ${failure.server}, ${failure.message.slice(0, 2000)})
    on conflict (queue, job_id, attempt) do nothing`;
}

/** The failed runs of one job, or of a queue's jobs, oldest first. */
export async function jobFailures(sql: Db, queue: string, jobId?: string): Promise<JobFailure[]> {
  return sql<JobFailure[]>`
    select queue, job_id as "jobId", attempt, failed_at as "failedAt", server, message
    from job_failure where queue = ${queue} ${jobId === undefined ? sql`` : sql`and job_id = ${jobId}`}
    order by failed_at, id`;
}
