// Failed sign-ins counted in the store: one atomic count per key, however
// many connections (servers) count at once; a window that starts at a key's
// first failure and ends on PostgreSQL's clock; ended windows purged.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addFailures, clearFailures, failureWindows, purgeEndedFailureWindows } from '../../src/store/sign-in-failures.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

describe('sign-in failures in the store', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());

  it('addFailures(sql, keys, windowSeconds) counts one failure against each key and returns the counts', async () => {
    const first = await addFailures(store.sql, ['address:a', 'account:x'], 900);
    assert.deepEqual([...first].sort(), [
      ['account:x', 1],
      ['address:a', 1],
    ]);
    const second = await addFailures(store.sql, ['address:a', 'account:y'], 900);
    assert.equal(second.get('address:a'), 2);
    assert.equal(second.get('account:y'), 1);
  });

  it('failureWindows(sql, keys) gives the count and the seconds left of open windows, and nothing for others', async () => {
    await addFailures(store.sql, ['window:open'], 600);
    const windows = await failureWindows(store.sql, ['window:open', 'window:never']);
    assert.equal(windows.get('window:open')?.failures, 1);
    const left = windows.get('window:open')!.secondsLeft;
    assert.ok(left > 590 && left <= 600, `${left} seconds left of 600`);
    assert.equal(windows.has('window:never'), false);
  });

  it('counts every failure when many are added at once, on several connections', async () => {
    await Promise.all(Array.from({ length: 40 }, () => addFailures(store.sql, ['pair:many\n198.51.100.1', 'address:198.51.100.1', 'account:many'], 900)));
    const windows = await failureWindows(store.sql, ['pair:many\n198.51.100.1', 'address:198.51.100.1', 'account:many']);
    assert.deepEqual(
      [...windows.values()].map((w) => w.failures),
      [40, 40, 40],
    );
  });

  it('starts a new window once the old one has ended, and purges ended windows', async () => {
    await addFailures(store.sql, ['window:short', 'window:purged'], 900);
    await addFailures(store.sql, ['window:short'], 900);
    await store.sql`update sign_in_failure set window_ends_at = now() - interval '1 second' where key in ('window:short', 'window:purged')`;
    assert.equal((await failureWindows(store.sql, ['window:short'])).size, 0, 'an ended window counts nothing');
    assert.equal((await addFailures(store.sql, ['window:short'], 900)).get('window:short'), 1, 'a failure after it starts again at one');
    assert.ok((await purgeEndedFailureWindows(store.sql)) >= 1);
    const kept = await store.sql<{ key: string }[]>`select key from sign_in_failure where key like 'window:%' order by key`;
    assert.deepEqual(
      kept.map((r) => r.key),
      ['window:open', 'window:short'],
    );
  });

  it('clearFailures(sql, key) forgets one key alone', async () => {
    await addFailures(store.sql, ['clear:me', 'clear:kept'], 900);
    await clearFailures(store.sql, 'clear:me');
    assert.deepEqual([...(await failureWindows(store.sql, ['clear:me', 'clear:kept'])).keys()], ['clear:kept']);
  });

  it('refuses an empty key, naming the column', async () => {
    await assert.rejects(addFailures(store.sql, [''], 900), /sign_in_failure_key_check/);
  });
});
