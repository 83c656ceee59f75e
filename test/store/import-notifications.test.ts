// The notice of a loaded batch reaches listeners on any connection, only once
// the batch's transaction commits, and carries the batch's id.
import assert from 'node:assert/strict';
import { setTimeout as sleep } from 'node:timers/promises';
import { after, before, describe, it } from 'node:test';
import { announceBatch, onBatchLoaded, type BatchLoaded } from '../../src/store/import-notifications.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

/** Waits until `heard` holds `count` notices, or a second has passed. */
async function hearing(heard: readonly BatchLoaded[], count: number): Promise<void> {
  for (let waited = 0; heard.length < count && waited < 1000; waited += 20) await sleep(20);
}

describe('import notifications', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());

  it('onBatchLoaded(sql, handler) hears each committed batch by its id, and no rolled-back one', async () => {
    const heard: BatchLoaded[] = [];
    const listening = await onBatchLoaded(store.sql, (loaded) => heard.push(loaded));
    await store.sql.begin((tx) => announceBatch(tx, 41));
    await store.sql
      .begin(async (tx) => {
        await announceBatch(tx, 42);
        throw new Error('the batch fails');
      })
      .catch(() => {});
    await store.sql.begin((tx) => announceBatch(tx, 43));
    await hearing(heard, 2);
    await sleep(100);
    assert.deepEqual(heard, [{ batchId: 41 }, { batchId: 43 }]);
    await listening.unlisten();
  });

  it('stops hearing after unlisten', async () => {
    const heard: BatchLoaded[] = [];
    const listening = await onBatchLoaded(store.sql, (loaded) => heard.push(loaded));
    await listening.unlisten();
    await store.sql.begin((tx) => announceBatch(tx, 44));
    await sleep(200);
    assert.deepEqual(heard, []);
  });
});
