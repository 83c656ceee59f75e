// Closing interrupted import batches, as the job every minute does it: a
// batch left validating by a process that died is closed as interrupted; one
// just received, whose import has not yet taken its lock, is left alone.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BenchmarkEngine } from '../../src/engine/benchmark-engine.ts';
import { startLanternJobs, type LanternJobs } from '../../src/jobs/index.ts';
import { createBatch, getBatch } from '../../src/store/batches.ts';
import { eventually, QUICK } from '../support/jobs.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

describe('the job that closes interrupted import batches', () => {
  let store: TestStore;
  let engine: BenchmarkEngine;
  let jobs: LanternJobs;
  const logged: string[] = [];

  before(async () => {
    store = await openTestStore();
    engine = await BenchmarkEngine.start(store.sql, () => {}, false);
    jobs = await startLanternJobs(store, engine, {
      ...QUICK,
      log: (line) => {
        logged.push(line);
      },
    });
  });
  after(async () => {
    await jobs.stop();
    await engine.stop();
    await store.close();
  });

  it('closes a batch whose process died, and leaves one just received', async () => {
    const dead = await createBatch(store.sql, { kind: 'observations', fileName: 'dead.csv', importedBy: 'test', skipInvalid: false });
    // Its process marked it validating and died: no one holds its lock.
    await store.sql`update import_batch set status = 'validating' where id = ${dead}`;
    const fresh = await createBatch(store.sql, { kind: 'observations', fileName: 'fresh.csv', importedBy: 'test', skipInvalid: false });
    // As the schedule would send it; the server looks for it at once rather than at its next poll.
    await jobs.runner.send('interrupted-batches', {});
    jobs.runner.wake('interrupted-batches');
    await eventually('the job to say what it closed', () => (logged.some((line) => line.includes('closed 1 import batch(es)')) ? true : undefined));
    const [closed] = await store.sql<{ status: string; message: string }[]>`select status, message from import_batch where id = ${dead}`;
    assert.equal(closed!.status, 'rejected');
    assert.match(closed!.message, /^interrupted/);
    const [left] = await store.sql<{ status: string }[]>`select status from import_batch where id = ${fresh}`;
    assert.equal(left!.status, 'received');
    assert.equal((await getBatch(store.sql, fresh))!.status, 'received', 'reading it leaves it too, for its first minute');
  });
});
