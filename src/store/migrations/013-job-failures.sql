-- Every failed run of a job (src/jobs), one row a run: the job runner keeps
-- only a job's last error, and a job that fails twice and then succeeds
-- would leave no trace of its failures. A run that stopped without a word
-- (its server killed, or the run outlasting its queue's expiry) is recorded
-- by the run that retries it. The application adds rows and never changes
-- or removes them (store.ts grants it so).
create table job_failure (
  id        bigint generated always as identity primary key,
  queue     text not null,
  job_id    uuid not null,
  -- 1 for a job's first run, 2 for its first retry, ...
  attempt   integer not null check (attempt >= 1),
  failed_at timestamptz not null default now(),
  -- the Lantern process that ran it (host and process id), or that found it unfinished
  server    text not null,
  message   text not null,
  unique (queue, job_id, attempt)
);
create index job_failure_recent on job_failure (failed_at);
