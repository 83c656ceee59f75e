// A dry run reads a file as an import would and stores nothing: no
// observation, metric, area, period, batch or rejection row, and no notice
// to the benchmark index; yet it says what an import would do.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { dryRunFile } from '../../src/ingest/dry-run.ts';
import { onBatchLoaded } from '../../src/store/import-notifications.ts';
import { textStream } from '../support/data.ts';
import { importText, seedCatalogue } from '../support/import.ts';
import { xlsxFile } from '../support/spreadsheets.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const FINGERTIPS =
  [
    'area_code,area_name,area_type,period,indicator,measure,unit,value,compared_to_England,inequality',
    'E92000001,England,England,2021/22,Smoking prevalence in adults,Percentage,%,13.0,,',
    'E06000047,County Durham,UA,2021/22,Smoking prevalence in adults,Percentage,%,14.2,Worse,',
    'E06000047,County Durham,UA,2022/23,Smoking prevalence in adults,Percentage,%,13.1,Similar,',
    'E05000819,Some ward,Ward,2022/23,Smoking prevalence in adults,Percentage,%,12.0,,',
    'E06000001,Hartlepool,UA,2019/20 - 21/22,Smoking prevalence in adults,Percentage,%,abc,,',
  ].join('\n') + '\n';

describe('a dry run', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    assert.equal((await importText(store.sql, 'england.csv', 'code,name,type\nE92000001,England,england\n')).status, 'loaded');
    assert.equal((await importText(store.sql, 'start.csv', 'metric,area,period,value\nvisits,E06000047,2022,10\nvisits,E06000001,2022,11\n')).status, 'loaded');
  });
  after(() => store.close());

  async function rows(): Promise<Record<string, number>> {
    const [row] = await store.sql<Record<string, number>[]>`
      select (select count(*) from observation)::int as observations, (select count(*) from observation_history)::int as history,
        (select count(*) from metric)::int as metrics, (select count(*) from area)::int as areas, (select count(*) from period)::int as periods,
        (select count(*) from import_batch)::int as batches, (select count(*) from import_rejection)::int as rejections,
        (select count(*) from batch_metric)::int as "batchMetrics"`;
    return row!;
  }

  it("says what a publisher's file would create and reject, and stores nothing, nor tells the index", async () => {
    const heard: number[] = [];
    const listening = await onBatchLoaded(store.sql, ({ batchId }) => heard.push(batchId));
    const before = await rows();
    const run = await dryRunFile(store.sql, { fileName: 'smoking.csv', input: textStream(FINGERTIPS), importedBy: 'test' });
    assert.deepEqual(await rows(), before);
    assert.equal(run.wouldLoad, false);
    assert.equal(run.reading?.layout, 'Fingertips tidy extract');
    assert.equal(run.reading?.columns.area, 'area_code');
    assert.deepEqual(
      run.metrics.map((m) => [m.code, m.title]),
      [['smoking-prevalence-in-adults', 'Smoking prevalence in adults']],
    );
    assert.deepEqual(run.periods, { first: '2019/20 - 21/22', last: '2022/23', count: 3, kinds: ['multi_financial_year', 'financial_year'] });
    assert.deepEqual({ rowsRead: run.rowsRead, inserted: run.inserted, rejected: run.rejected }, { rowsRead: 5, inserted: 3, rejected: 2 });
    assert.deepEqual(run.unknownAreas, ['E05000819']);
    assert.deepEqual(
      run.rejections.map((r) => r.line),
      [5, 6, 6],
    );
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(heard, [], 'a dry run must not notify');
    await listening.unlisten();
  });

  it('counts what a re-import would revise and leave unchanged, from a spreadsheet too, and stores nothing', async () => {
    const file = await xlsxFile([
      {
        name: 'Data',
        rows: [
          ['metric', 'area', 'period', 'value'],
          ['visits', 'E06000047', '2022', 10],
          ['visits', 'E06000001', '2022', 12],
          ['visits', 'E06000001', '2023', 5],
        ],
      },
    ]);
    const before = await rows();
    const run = await dryRunFile(store.sql, { fileName: 'visits.xlsx', input: textStream(file), importedBy: 'test' });
    assert.deepEqual(await rows(), before);
    assert.equal(run.wouldLoad, true);
    assert.deepEqual({ inserted: run.inserted, revised: run.revised, unchanged: run.unchanged }, { inserted: 1, revised: 1, unchanged: 1 });
    assert.deepEqual(run.metrics, []);
    assert.deepEqual(run.notices, ["read the sheet 'Data', the only one in the workbook"]);
  });

  it('reports a file that cannot be read at all, and stores nothing', async () => {
    const before = await rows();
    const run = await dryRunFile(store.sql, { fileName: 'odd.csv', input: textStream('a,b\n1,2\n'), importedBy: 'test' });
    assert.deepEqual(await rows(), before);
    assert.equal(run.wouldLoad, false);
    assert.match(run.rejections[0]!.reason, /^no column holds GSS area codes such as E08000009 .*give --mapping FILE with an "area" column/);
    assert.equal(run.reading, undefined);
  });
});
