// A recurring job runs once a period however many servers run: two runners
// on two pools of one store, each reading the schedules every second, run a
// job due every minute once in the minute they start and once in the next.
// (The shortest period pg-boss schedules is a minute, so this test takes up
// to a minute and a few seconds.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { installJobRunner, startJobRunner, type JobQueue, type JobRunner } from '../../src/jobs/job-runner.ts';
import { eventually, openSiblingStore, QUICK } from '../support/jobs.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const TICK: JobQueue = { queue: 'test-tick', every: '* * * * *', expireInSeconds: 30, retryLimit: 0, retryDelaySeconds: 0, pollSeconds: 0.5 };

describe('a recurring job with two servers', () => {
  let store: TestStore;
  let other: TestStore;
  const runners: JobRunner[] = [];

  before(async () => {
    store = await openTestStore();
    other = await openSiblingStore(store);
    await installJobRunner(store, [TICK]);
  });
  after(async () => {
    for (const runner of runners) await runner.stop();
    await other.close();
    await store.close();
  });

  it('runs once a minute, on one server or the other', async () => {
    const runs: { server: string; id: string }[] = [];
    for (const [server, on] of [
      ['one', store],
      ['two', other],
    ] as const) {
      runners.push(
        await startJobRunner(
          on,
          [
            {
              ...TICK,
              run: async (_data, run) => {
                runs.push({ server, id: run.id });
              },
            },
          ],
          { ...QUICK, log: () => {}, server },
        ),
      );
    }
    // The minute they start in runs at once; the next, a second or two after it begins.
    await eventually("the next minute's run", () => (runs.length >= 2 ? true : undefined), 90);
    // Both servers go on reading the schedule every second: nothing more runs in this minute.
    await new Promise((resolve) => setTimeout(resolve, 4000));
    assert.equal(runs.length, 2, `one run a minute, not ${runs.length}: ${JSON.stringify(runs)}`);
    assert.notEqual(runs[0]!.id, runs[1]!.id, 'two jobs, one a minute');
  });
});
