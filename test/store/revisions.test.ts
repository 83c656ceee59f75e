import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { observationHistory, queryObservations } from '../../src/store/observations.ts';
import { importText, seedCatalogue } from '../support/import.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

describe('revision history', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
  });
  after(() => store.close());

  const file = (durham: string) => `metric,area,period,value,numerator,denominator\nobesity,E06000047,2022/23,${durham},,\nobesity,E06000001,2022/23,30.1,,\n`;

  it('inserts new keys, counts identical values as unchanged and supersedes changed ones, keeping the old value', async () => {
    const first = await importText(store.sql, 'first.csv', file('25.5'));
    assert.equal(first.status, 'loaded');
    assert.deepEqual([first.inserted, first.revised, first.unchanged], [2, 0, 0]);

    const same = await importText(store.sql, 'same.csv', file('25.5'));
    assert.deepEqual([same.inserted, same.revised, same.unchanged], [0, 0, 2]);

    const revised = await importText(store.sql, 'revised.csv', file('26'));
    assert.deepEqual([revised.inserted, revised.revised, revised.unchanged], [0, 1, 1]);

    const current = await queryObservations(store.sql, { metric: 'obesity', area: 'E06000047', limit: 10, offset: 0 });
    assert.equal(current.length, 1);
    assert.equal(current[0]!.value, 26);
    assert.equal(current[0]!.batchId, revised.batchId);

    const history = await observationHistory(store.sql, 'obesity', 'E06000047');
    assert.deepEqual(
      history.map((h) => [h.value, h.batchId, h.supersededBy]),
      [
        [26, revised.batchId, null],
        [25.5, first.batchId, revised.batchId],
      ],
    );
  });

  it('treats a change of flags alone as a revision', async () => {
    const result = await importText(store.sql, 'flags.csv', 'metric,area,period,value,flags\nobesity,E06000001,2022/23,30.1,provisional\n');
    assert.deepEqual([result.inserted, result.revised, result.unchanged], [0, 1, 0]);
  });
});
