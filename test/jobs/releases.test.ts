// Releases through the job runner, on a real store: two servers (each its
// own pool and runner) release a council's values at their rule's instant,
// one job between them, each value once, a provisional value never; with a
// fake clock, a server that was stopped when values came due releases them
// when it starts again, and once only; two servers releasing at the same
// moment release each value once.
import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import { parsePeriod, type Period } from '../../src/domain/period/index.ts';
import { installJobRunner, startJobRunner, type JobRunner } from '../../src/jobs/job-runner.ts';
import { RELEASE_QUEUE, RELEASES, RELEASES_CHECK, releaseCheckJob, releaseJob, releaseJobId, scheduleReleases, type ReleaseScheduler } from '../../src/jobs/releases.ts';
import { holdValues, type HeldValueInput } from '../../src/store/held-values.ts';
import { releaseDue, setReleaseRule } from '../../src/store/releases.ts';
import type { ReleaseRule } from '../../src/domain/release/index.ts';
import { seedCatalogue } from '../support/import.ts';
import { eventually, openSiblingStore, QUICK } from '../support/jobs.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';

function periodOf(label: string): Period {
  const parsed = parsePeriod(label);
  if (parsed.kind !== 'ok') throw new Error(label);
  return parsed.period;
}

const held = (area: string, period: string, value: number, provisional = false): HeldValueInput => ({
  metricCode: 'visits',
  areaCode: area,
  period: periodOf(period),
  value,
  provisional,
  origin: 'return',
});

interface Server {
  readonly runner: JobRunner;
  readonly scheduler: ReleaseScheduler;
  readonly logged: string[];
  stop(): Promise<void>;
}

/** A server's release jobs on `store`, with its own clock. */
async function startReleases(store: TestStore, name: string, clock: () => Date): Promise<Server> {
  const logged: string[] = [];
  const options = { log: (line: string) => void logged.push(line), clock };
  const runner: JobRunner = await startJobRunner(store, [releaseJob(store.sql, options), releaseCheckJob(store.sql, options, () => runner)], { ...QUICK, log: options.log, server: name });
  const scheduler = await scheduleReleases(store.sql, runner, options);
  return {
    runner,
    scheduler,
    logged,
    async stop() {
      await scheduler.stop();
      await runner.stop();
    },
  };
}

describe('releases through the job runner', () => {
  let store: TestStore;
  let other: TestStore;

  const observed = async (area: string, period: string) => {
    const [row] = await store.sql<{ value: number }[]>`
      select o.value from observation o join area a on a.id = o.area_id where a.code = ${area} and o.period = ${period}`;
    return row?.value;
  };
  const setRule = (area: string, rule: ReleaseRule) => store.sql.begin((tx) => setReleaseRule(tx, area, 'visits', rule, null));
  const releasesOf = async (area: string) =>
    store.sql<{ batch: number; count: number }[]>`
      select x.batch_id as batch, count(*)::int as count from held_release x join held_value h on h.id = x.held_value_id join area a on a.id = h.area_id
      where a.code = ${area} group by x.batch_id`;

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    await installJobRunner(store, [RELEASES, RELEASES_CHECK]);
    other = await openSiblingStore(store);
  });
  after(async () => {
    await other.close();
    await store.close();
  });
  beforeEach(async () => {
    await store.sql`delete from held_value`;
    await store.sql`update release_rule set superseded_at = now() where superseded_at is null`;
  });

  it('releases at the instant on one of two servers, once, and never a provisional value', async () => {
    await store.sql.begin((tx) => holdValues(tx, [held(DURHAM, '2023', 120), held(DURHAM, '2024', 130, true)], null));
    const servers = [await startReleases(store, 'first', () => new Date()), await startReleases(other, 'second', () => new Date())];
    try {
      const instant = new Date(Math.ceil((Date.now() + 3000) / 1000) * 1000);
      await setRule(DURHAM, { kind: 'public_from', instant });
      assert.equal(await observed(DURHAM, '2023'), undefined, 'held until its instant');
      const value = await eventually('the value to be released', async () => observed(DURHAM, '2023'), 30);
      assert.equal(value, 120);
      assert.equal(await observed(DURHAM, '2024'), undefined, 'a provisional value is never released');
      const state = await eventually('the job to complete', async () => {
        const job = await jobOf(instant);
        return job?.state === 'active' ? undefined : job?.state;
      });
      assert.equal(state, 'completed', 'one job for the instant, between the two servers');
      const said = servers.flatMap((s) => s.logged).filter((line) => line.includes('released 1 of'));
      assert.equal(said.length, 1, `one server released it: ${said.join(' | ')}`);
      assert.deepEqual(
        (await releasesOf(DURHAM)).map((r) => r.count),
        [1],
      );
    } finally {
      for (const server of servers) await server.stop();
    }
  });

  it('releases on a fake clock what came due while the server was stopped, when it starts again, and once only', async () => {
    let now = new Date('2023-06-01T12:00:00Z');
    const clock = () => now;
    await store.sql.begin((tx) => holdValues(tx, [held(HARTLEPOOL, '2023', 88)], null));
    let server = await startReleases(store, 'first', clock);
    // A year after calendar 2023 in London's time: 1 January 2024 begins at 00:00 UTC (GMT).
    await setRule(HARTLEPOOL, { kind: 'public_after_period', months: 0 });
    await eventually('the instant to be scheduled', async () => (server.logged.length === 0 && (await jobOf(new Date('2024-01-01T00:00:00Z'))) ? true : undefined), 10);
    await server.runner.send(RELEASE_QUEUE, { at: now.toISOString() });
    server.runner.wake(RELEASE_QUEUE);
    await new Promise((resolve) => setTimeout(resolve, 1500));
    assert.equal(await observed(HARTLEPOOL, '2023'), undefined, 'not before its instant on the clock');
    await server.stop();

    now = new Date('2024-01-01T00:00:00Z');
    server = await startReleases(store, 'first again', clock);
    assert.equal(await eventually('the value released after the restart', async () => observed(HARTLEPOOL, '2023'), 30), 88);
    await server.stop();

    now = new Date('2024-01-02T00:00:00Z');
    const done = await doneJobs();
    server = await startReleases(store, 'first, a third time', clock);
    await eventually('the restart to have run its release', async () => ((await doneJobs()) > done ? true : undefined), 30);
    await releaseCheckJob(store.sql, { log: () => {}, clock }, () => undefined).run({}, { queue: 'release-check', id: 'test', attempt: 1 });
    await server.stop();
    assert.deepEqual(
      (await releasesOf(HARTLEPOOL)).map((r) => r.count),
      [1],
      'released once, whatever ran after',
    );
  });

  it('releases each value once when two servers release at the same moment', async () => {
    const periods = ['2010', '2011', '2012', '2013', '2014', '2015', '2016', '2017', '2018', '2019'];
    await store.sql.begin((tx) =>
      holdValues(
        tx,
        [DURHAM, HARTLEPOOL].flatMap((area) => periods.map((period, i) => held(area, period, 10 + i))),
        null,
      ),
    );
    await setRule(DURHAM, { kind: 'public_after_period', months: 0 });
    await setRule(HARTLEPOOL, { kind: 'public_after_period', months: 0 });
    const now = new Date('2030-01-01T00:00:00Z');
    const [a, b] = await Promise.all([releaseDue(store.sql, now), releaseDue(other.sql, now)]);
    assert.equal(a.released + b.released, 20);
    assert.deepEqual([a.batchId, b.batchId].filter((id) => id === null).length, 1, 'one of them found nothing left to release');
    const [count] = await store.sql<{ n: number }[]>`select count(*)::int as n from held_release x join held_value h on h.id = x.held_value_id`;
    assert.equal(count?.n, 20);
  });

  async function jobOf(at: Date) {
    const [job] = await store.sql<{ state: string }[]>`select state from pgboss.job where name = ${RELEASE_QUEUE} and id = ${releaseJobId(at)}`;
    return job;
  }
  async function doneJobs(): Promise<number> {
    const [row] = await store.sql<{ n: number }[]>`select count(*)::int as n from pgboss.job where name = ${RELEASE_QUEUE} and state = 'completed'`;
    return row?.n ?? 0;
  }
});
