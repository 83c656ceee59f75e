// A batch whose importing process was killed is closed as interrupted when it
// is next seen, by whoever looks, without waiting for a server to restart.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { getBatch, listBatches } from '../../src/store/batches.ts';
import { importText, seedCatalogue } from '../support/import.ts';
import { runningBatch, startImportChild } from '../support/import-child-process.ts';
import { openTestStore, tempDir, type TestStore } from '../support/store.ts';

/** 1,000 calendar-year count metrics × two areas × 200 years: long enough to kill part-way. */
function heavyFile(): string {
  const lines = ['metric,area,period,value'];
  for (let m = 0; m < 1000; m++) {
    for (let year = 1900; year < 2100; year++) lines.push(`m${m},E06000047,${year},${year}`, `m${m},E06000001,${year},${m}`);
  }
  return lines.join('\n') + '\n';
}

describe('a batch whose importing process was killed', () => {
  let store: TestStore;
  const dir = tempDir('lantern-abandoned-');
  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    const metrics = ['code,title,polarity,value_kind,period_kind', ...Array.from({ length: 1000 }, (_, m) => `m${m},Metric ${m},neutral,count,calendar_year`)];
    await importText(store.sql, 'metrics.csv', metrics.join('\n') + '\n');
  });
  after(async () => {
    await store.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('reads as rejected, interrupted, from getBatch and listBatches, with no restart', async () => {
    const heavy = path.join(dir, 'heavy.csv');
    fs.writeFileSync(heavy, heavyFile());
    const { child, output } = startImportChild(store, heavy);
    const batchId = await runningBatch(store, 'heavy.csv', output);
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));

    // PostgreSQL frees the dead session's lock once it notices the connection is gone.
    let status = 'validating';
    for (const deadline = Date.now() + 15_000; status === 'validating' && Date.now() < deadline;) {
      status = (await getBatch(store.sql, batchId))!.status;
      if (status === 'validating') await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const batch = await getBatch(store.sql, batchId);
    assert.equal(batch!.status, 'rejected');
    assert.match(batch!.message!, /interrupted/);
    const listed = (await listBatches(store.sql, 10, 0)).find((b) => b.id === batchId);
    assert.equal(listed!.status, 'rejected');
  });

  it('leaves a running batch alone', async () => {
    const [first, second] = await Promise.all([
      importText(store.sql, 'a.csv', 'metric,area,period,value\nm1,E06000047,2021,1\n'),
      (async () => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        return listBatches(store.sql, 10, 0);
      })(),
    ]);
    assert.equal(first.status, 'loaded');
    assert.ok(second.every((b) => b.message === null || !/interrupted/.test(b.message) || b.fileName === 'heavy.csv'));
  });
});
