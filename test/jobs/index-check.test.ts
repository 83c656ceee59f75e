// The nightly check of the benchmark index, run as its job: two servers whose
// indexes missed a batch (their engines do not listen) are each found to
// differ from the store, say so, and build their index again; the server
// that runs the job asks the other to check its own.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BenchmarkEngine } from '../../src/engine/benchmark-engine.ts';
import { checkIndex } from '../../src/jobs/index-check.ts';
import { startLanternJobs, type LanternJobs } from '../../src/jobs/index.ts';
import { importText, seedCatalogue } from '../support/import.ts';
import { eventually, openSiblingStore, QUICK } from '../support/jobs.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

interface Lantern {
  readonly engine: BenchmarkEngine;
  readonly jobs: LanternJobs;
  readonly logged: string[];
}

describe('the nightly check of the benchmark index', () => {
  let store: TestStore;
  let other: TestStore;
  const lanterns: Lantern[] = [];
  const obesityIn = (engine: BenchmarkEngine) => engine.index.metric('obesity')!.observations();

  before(async () => {
    store = await openTestStore();
    other = await openSiblingStore(store);
    await seedCatalogue(store.sql);
    await importText(store.sql, 'obesity.csv', 'metric,area,period,value\nobesity,E06000047,2022/23,31.2\n');
    for (const [name, on] of [
      ['first', store],
      ['second', other],
    ] as const) {
      const logged: string[] = [];
      const log = (line: string) => {
        logged.push(line);
      };
      // Not listening for loaded batches: the index misses every batch from now on.
      const engine = await BenchmarkEngine.start(on.sql, log, false);
      lanterns.push({ engine, jobs: await startLanternJobs(on, engine, { ...QUICK, log, server: name }), logged });
    }
  });
  after(async () => {
    for (const lantern of lanterns) {
      await lantern.jobs.stop();
      await lantern.engine.stop();
    }
    await other.close();
    await store.close();
  });

  it('finds nothing to say of an index that matches the store', async () => {
    const [first] = lanterns;
    const generation = first!.engine.generation;
    assert.deepEqual(await checkIndex(store.sql, first!.engine, () => assert.fail('nothing is said'), 0), []);
    assert.equal(first!.engine.generation, generation, 'the index is not built again');
  });

  it('finds the batch an index missed, on every server, and builds the index again', async () => {
    const result = await importText(store.sql, 'more.csv', 'metric,area,period,value\nobesity,E06000001,2022/23,33.9\nvisits,E06000047,2023,120\n');
    assert.equal(result.status, 'loaded');
    for (const lantern of lanterns) assert.equal(obesityIn(lantern.engine), 1, 'the index missed the batch');
    // As the schedule would send it; the server looks for it at once rather than at its next poll.
    await lanterns[0]!.jobs.runner.send('index-check', {});
    lanterns[0]!.jobs.runner.wake('index-check');
    for (const lantern of lanterns) {
      await eventually('the check to build the index again', () => (obesityIn(lantern.engine) === 2 ? true : undefined));
      assert.deepEqual(
        lantern.logged.filter((line) => line.includes('differs from the store')),
        ['Lantern: the benchmark index differs from the store for 2 metric(s) (obesity: 1 in the index, 2 in the store; visits: 0 in the index, 1 in the store); building it again'],
      );
      assert.equal(lantern.engine.index.metric('visits')!.observations(), 1);
    }
  });
});
