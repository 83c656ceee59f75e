// The job runner on a real store, with the application's least-privilege
// role: a job whose server is killed mid-job runs again on another server; a
// failing job is retried and every failed run recorded; a stopping runner
// finishes the job it is running, and has marked it done once stopped; the
// application role takes jobs but cannot make a queue.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { installJobRunner, startJobRunner, type JobQueue, type JobRunner } from '../../src/jobs/job-runner.ts';
import { jobFailures } from '../../src/store/job-failures.ts';
import { eventually, openSiblingStore, QUICK, startJobChild, STUCK } from '../support/jobs.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const FLAKY: JobQueue = { queue: 'test-flaky', expireInSeconds: 30, retryLimit: 2, retryDelaySeconds: 0, pollSeconds: 0.5 };
const SLOW: JobQueue = { queue: 'test-slow', expireInSeconds: 30, retryLimit: 0, retryDelaySeconds: 0, pollSeconds: 0.5 };
const MARKED: JobQueue = { queue: 'test-marked', expireInSeconds: 30, retryLimit: 0, retryDelaySeconds: 0, pollSeconds: 0.5 };

interface JobRow {
  state: string;
  retryCount: number;
}

describe('the job runner', () => {
  let store: TestStore;
  let other: TestStore;
  const running: JobRunner[] = [];
  const logged: string[] = [];
  const log = (line: string) => {
    logged.push(line);
  };
  const jobState = async (queue: string, id: string) => {
    const [row] = await store.sql<JobRow[]>`select state, retry_count as "retryCount" from pgboss.job where name = ${queue} and id = ${id}`;
    return row;
  };

  before(async () => {
    store = await openTestStore();
    other = await openSiblingStore(store);
    await installJobRunner(store, [STUCK, FLAKY, SLOW, MARKED]);
  });
  after(async () => {
    for (const runner of running) await runner.stop();
    await other.close();
    await store.close();
  });

  it('is installed by the owner: the application role sends and takes jobs but cannot make a queue', async () => {
    const [role] = await store.sql<{ create: boolean }[]>`select has_schema_privilege(current_user, 'pgboss', 'create') as create`;
    assert.equal(role!.create, false, "the application role may not create in the runner's schema");
    await assert.rejects(store.sql`select pgboss.create_queue('test-made-by-the-app', '{}'::json)`, /permission denied/);
    // Installing again, as another server starting would, changes nothing and fails nothing.
    await installJobRunner(other, [STUCK, FLAKY, SLOW, MARKED]);
  });

  it('runs again on another server a job whose server was killed mid-job, and records the run that stopped', async () => {
    const child = startJobChild(store);
    await child.line(/^ready/);
    const sender = await startJobRunner(other, [], { ...QUICK, log });
    running.push(sender);
    const id = (await sender.send(STUCK.queue, { council: 'E06000047' }))!;
    await child.line(new RegExp(`^started ${id} 1`));
    child.child.kill('SIGKILL');
    await new Promise((resolve) => child.child.once('exit', resolve));

    const runs: { id: string; attempt: number; council: unknown }[] = [];
    running.push(
      await startJobRunner(
        other,
        [
          {
            ...STUCK,
            run: async (data, run) => {
              runs.push({ id: run.id, attempt: run.attempt, council: data.council });
            },
          },
        ],
        { ...QUICK, log, server: 'survivor' },
      ),
    );
    await eventually('the job to run on the surviving server', () => (runs.length > 0 ? runs : undefined));
    assert.deepEqual(runs, [{ id, attempt: 2, council: 'E06000047' }]);
    assert.equal(await eventually('the job to complete', async () => ((await jobState(STUCK.queue, id))?.state === 'completed' ? true : undefined)), true);
    const failures = await jobFailures(store.sql, STUCK.queue, id);
    assert.deepEqual(
      failures.map((f) => [f.attempt, f.server]),
      [[1, 'survivor']],
    );
    assert.match(failures[0]!.message, /stopped without finishing \(job failed by timeout in active state\)/);
  });

  it('retries a failing job and records every failed run', async () => {
    const runs: number[] = [];
    const runner = await startJobRunner(
      store,
      [
        {
          ...FLAKY,
          async run(data, run) {
            runs.push(run.attempt);
            if (run.attempt < 3) throw new Error(`${String(data.file)} is not there yet (run ${run.attempt})`);
          },
        },
      ],
      { ...QUICK, log, server: 'first' },
    );
    running.push(runner);
    const id = (await runner.send(FLAKY.queue, { file: 'returns.csv' }))!;
    await eventually('the third run to succeed', async () => ((await jobState(FLAKY.queue, id))?.state === 'completed' ? true : undefined));
    assert.deepEqual(runs, [1, 2, 3]);
    assert.equal((await jobState(FLAKY.queue, id))!.retryCount, 2);
    const failures = await jobFailures(store.sql, FLAKY.queue, id);
    assert.deepEqual(
      failures.map((f) => [f.attempt, f.message]),
      [
        [1, 'returns.csv is not there yet (run 1)'],
        [2, 'returns.csv is not there yet (run 2)'],
      ],
    );
    assert.ok(
      logged.some((line) => /job test-flaky .* failed on run 1 of 3: returns\.csv is not there yet \(run 1\); retried in 0 s/.test(line)),
      logged.join('\n'),
    );
  });

  it('gives up on a job that fails every run, once its retries are spent, and keeps every failure', async () => {
    await running.pop()!.stop(); // the runner above, which succeeds on a third run
    const runner = await startJobRunner(other, [{ ...FLAKY, run: () => Promise.reject(new Error('the store of returns is away')) }], { ...QUICK, log, server: 'second' });
    running.push(runner);
    const id = (await runner.send(FLAKY.queue, { file: 'doomed.csv' }))!;
    await eventually('the job to fail for good', async () => ((await jobState(FLAKY.queue, id))?.state === 'failed' ? true : undefined));
    const failures = await jobFailures(store.sql, FLAKY.queue, id);
    assert.deepEqual(
      failures.map((f) => [f.attempt, f.server, f.message]),
      [1, 2, 3].map((n) => [n, 'second', 'the store of returns is away']),
    );
    assert.ok(
      logged.some((line) => line.includes(`${id} failed on run 3 of 3: the store of returns is away; no retries left`)),
      logged.join('\n'),
    );
  });

  it('has marked its last run done when its stop resolves, however long the mark takes', async () => {
    // Another server holds the job's row once the run has ended, so that the query marking it done waits,
    // as a busy store might make it wait: the stop must wait for it, or a store closed next would fail it unheard.
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let holding: Promise<unknown> | undefined;
    let ended!: () => void;
    const ran = new Promise<void>((resolve) => (ended = resolve));
    const runner = await startJobRunner(
      store,
      [
        {
          ...MARKED,
          async run(_data, run) {
            let locked!: () => void;
            const held = new Promise<void>((resolve) => (locked = resolve));
            holding = other.sql.begin(async (tx) => {
              await tx`select id from pgboss.job where name = ${MARKED.queue} and id = ${run.id} for update`;
              locked();
              await released;
            });
            await held;
            ended();
          },
        },
      ],
      { ...QUICK, log, server: 'marking' },
    );
    const id = (await runner.send(MARKED.queue, {}))!;
    await ran;
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    try {
      // Longer than pg-boss's own stop looks for runs under way (every half second).
      await new Promise((resolve) => setTimeout(resolve, 1500));
      assert.equal(stopped, false, 'the stop waits for the run to be marked done');
    } finally {
      release();
      await holding;
      await stopping;
    }
    assert.equal((await jobState(MARKED.queue, id))!.state, 'completed', 'marked done before the stop resolved');
  });

  it('finishes the job it is running when stopped, and then takes no more', async () => {
    const done: string[] = [];
    let started!: () => void;
    const startedRun = new Promise<void>((resolve) => {
      started = resolve;
    });
    const runner = await startJobRunner(
      store,
      [
        {
          ...SLOW,
          async run(_data, run) {
            started();
            await new Promise((resolve) => setTimeout(resolve, 1500));
            done.push(run.id);
          },
        },
      ],
      { ...QUICK, log, server: 'stopping' },
    );
    const id = (await runner.send(SLOW.queue, {}))!;
    await startedRun;
    await runner.stop();
    assert.deepEqual(done, [id], 'the job under way finished before stop() resolved');
    assert.equal((await jobState(SLOW.queue, id))!.state, 'completed', 'marked done before stop() resolved');
    const later = (await other.sql<{ id: string }[]>`select gen_random_uuid() as id`)[0]!.id;
    const sender = running[0]!;
    await sender.send(SLOW.queue, {}, { id: later });
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal((await jobState(SLOW.queue, later))!.state, 'created', 'a stopped runner takes no more jobs');
  });
});
