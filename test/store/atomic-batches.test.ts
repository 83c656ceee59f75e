// A batch is all or nothing: a process killed part-way leaves the store as it
// was, its batch is closed as interrupted, and two imports at once both land
// with true counts.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { closeInterruptedBatches, getBatch } from '../../src/store/batches.ts';
import { importText, seedCatalogue } from '../support/import.ts';
import { runningBatch, startImportChild } from '../support/import-child-process.ts';
import { openTestStore, tempDir, type TestStore } from '../support/store.ts';

/** A file that would load: `metrics` calendar-year count metrics × two areas × 200 years, all distinct keys. */
function loadableFile(metrics: number): string {
  const lines = ['metric,area,period,value'];
  for (let m = 0; m < metrics; m++) {
    for (let year = 1900; year < 2100; year++) lines.push(`m${m},E06000047,${year},${year}`, `m${m},E06000001,${year},${m}`);
  }
  return lines.join('\n') + '\n';
}

function metricsFile(metrics: number): string {
  const lines = ['code,title,polarity,value_kind,period_kind'];
  for (let m = 0; m < metrics; m++) lines.push(`m${m},Metric ${m},neutral,count,calendar_year`);
  return lines.join('\n') + '\n';
}

async function snapshot(store: TestStore) {
  const [row] = await store.sql<{ observations: number; history: number; metrics: number; periods: number }[]>`
    select (select count(*) from observation)::int as observations, (select count(*) from observation_history)::int as history,
      (select count(*) from metric)::int as metrics, (select count(*) from period)::int as periods`;
  return row!;
}

describe('atomic batches', () => {
  let store: TestStore;
  const dir = tempDir('lantern-atomic-');
  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    await importText(store.sql, 'start.csv', 'metric,area,period,value\nvisits,E06000047,2020,5\n');
  });
  after(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('leaves the store exactly as it was when the importing process is killed mid-batch', async () => {
    await importText(store.sql, 'metrics.csv', metricsFile(1000));
    const heavy = path.join(dir, 'heavy.csv');
    fs.writeFileSync(heavy, loadableFile(1000)); // 400,000 rows
    const before = await snapshot(store);
    const { child, output } = startImportChild(store, heavy);
    const batchId = await runningBatch(store, 'heavy.csv', output);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    assert.notEqual((await getBatch(store.sql, batchId))!.status, 'loaded', 'the kill came before the batch ended');
    assert.deepEqual(await snapshot(store), before);
    // PostgreSQL ends the dead client's session (and frees the batch's lock) once it notices the connection is gone;
    // the batch is closed then by closeInterruptedBatches, or by reading it.
    for (const deadline = Date.now() + 15_000; (await getBatch(store.sql, batchId))!.status !== 'rejected' && Date.now() < deadline;) {
      await closeInterruptedBatches(store.sql);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const batch = await getBatch(store.sql, batchId);
    assert.equal(batch!.status, 'rejected');
    assert.match(batch!.message!, /interrupted/);
  });

  it('lets two imports run at once, each counting against what the other stored', async () => {
    const a = 'metric,area,period,value\nvisits,E06000047,2021,1\nvisits,E06000001,2021,2\n';
    const b = 'metric,area,period,value\nvisits,E06000047,2021,1\nvisits,E06000001,2021,3\n';
    const before = await snapshot(store);
    const [first, second] = await Promise.all([importText(store.sql, 'a.csv', a), importText(store.sql, 'b.csv', b)]);
    assert.equal(first.status, 'loaded');
    assert.equal(second.status, 'loaded');
    const counts = [first, second].map((r) => [r.inserted, r.revised, r.unchanged]).sort();
    // Whichever merged first inserted both; the other found one identical and one changed.
    assert.deepEqual(counts, [
      [0, 1, 1],
      [2, 0, 0],
    ]);
    assert.equal((await snapshot(store)).observations, before.observations + 2);
  });

  it('closes no batch that is still running', async () => {
    assert.equal(await closeInterruptedBatches(store.sql), 0);
  });
});
