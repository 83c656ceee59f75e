// Which metrics a batch changed, beside those it brought: the index
// refreshes every metric a batch brought, and early warning works out again
// only those whose figures it inserted or revised. A file loaded a second
// time changes none; a revision of one metric's row changes that metric
// alone; a metric's first rows (stored directly) change it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { reachOfBatch } from '../../src/store/benchmark-source.ts';
import { metricsOfBatch } from '../../src/store/flags.ts';
import { importText, seedCatalogue } from '../support/import.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const FILE = ['metric,area,period,value', 'obesity,E06000047,2022/23,24.1', 'obesity,E06000001,2022/23,27.3', 'visits,E06000047,2023,120'];

async function loaded(sql: TestStore['sql'], lines: readonly string[]): Promise<number> {
  const result = await importText(sql, 'figures.csv', lines.join('\n'));
  assert.equal(result.status, 'loaded', JSON.stringify(result.rejections));
  return result.batchId!;
}

async function brought(sql: TestStore['sql'], batchId: number): Promise<number> {
  return (await reachOfBatch(sql, batchId))!.metricIds.length;
}

describe('the metrics a batch changed', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
  });
  after(() => store.close());

  it('are every metric of a first load, none of the same file again, and only the revised one after a revision', async () => {
    const { sql } = store;
    const first = await loaded(sql, FILE);
    assert.deepEqual((await metricsOfBatch(sql, first)) as string[], ['obesity', 'visits'].sort());

    const again = await loaded(sql, FILE);
    assert.equal(await brought(sql, again), 2, 'the index still refreshes both');
    assert.deepEqual(await metricsOfBatch(sql, again), [], 'but no figure changed, so no flag can have');

    const revised = await loaded(sql, [FILE[0]!, FILE[1]!.replace('24.1', '24.6'), FILE[2]!, FILE[3]!]);
    assert.equal(await brought(sql, revised), 2);
    assert.deepEqual(await metricsOfBatch(sql, revised), ['obesity']);

    const added = await loaded(sql, [FILE[0]!, 'visits,E06000001,2023,98']);
    assert.deepEqual(await metricsOfBatch(sql, added), ['visits'], 'a new row of a metric with figures is a change');
  });
});
