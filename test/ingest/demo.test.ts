// The whole demo Lantern ships in data/demo, loaded as `npm start` loads it
// into an empty store: every file loads, the only rows refused are about
// areas Lantern does not hold, it makes a council performance demo of at least
// 150 metrics across at least 8 themes, and a few figures read back as the
// publishers' files give them. (Other tests load the Fingertips part alone.)
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import { SUPPRESSED } from '../../src/domain/observation/index.ts';
import { loadMappingFile } from '../../src/ingest/column-mapping.ts';
import { DEMO_PUBLICATIONS, demoFiles, loadDemo } from '../../src/ingest/demo.ts';
import type { ImportResult } from '../../src/ingest/import-file.ts';
import { listRejections } from '../../src/store/batches.ts';
import { areaKeys, getMetric, queryMetrics } from '../../src/store/catalogue.ts';
import { queryObservations } from '../../src/store/observations.ts';
import { PROJECT_DIR } from '../support/data.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DEMO = path.join(PROJECT_DIR, 'data', 'demo');

function rowsOf(...parts: string[]): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(fs.readFileSync(path.join(DEMO, ...parts), 'utf8'), { header: true, skipEmptyLines: true }).data;
}

describe('the demo Lantern ships', () => {
  let store: TestStore;
  let results: ImportResult[];
  const lines: string[] = [];

  before(async () => {
    store = await openTestStore();
    results = (await loadDemo(store.sql, DEMO, (line) => lines.push(line)))!;
  });
  after(() => store.close());

  it('loads every file of every publication, one progress line each', () => {
    const files = demoFiles(DEMO);
    assert.deepEqual(new Set(files.map((file) => path.basename(path.dirname(file.path)))), new Set(DEMO_PUBLICATIONS));
    assert.ok(files.length >= 17, `${files.length} files`);
    assert.deepEqual(
      results.filter((result) => result.status !== 'loaded').map((result) => result.batchId),
      [],
    );
    for (const file of files)
      assert.ok(
        lines.some((line) => line.startsWith(`  ✓ ${path.basename(file.path)}: `)),
        `a line for ${file.path}`,
      );
  });

  it('refuses only rows about areas Lantern does not hold, in the column the mapping names for the area', async () => {
    const held = new Set((await areaKeys(store.sql)).map((area) => area.code));
    const files = demoFiles(DEMO);
    for (const [i, file] of files.entries()) {
      const result = results[i]!;
      if (result.rejected === 0) continue;
      assert.ok(file.mapping, `${file.path}: only mapped publications may refuse rows`);
      const areaColumn = loadMappingFile(file.mapping).area;
      const refused = await listRejections(store.sql, result.batchId, 100_000, 0);
      assert.equal(refused.length, result.rejected);
      const other = refused.filter((r) => r.column !== areaColumn || held.has(r.value ?? ''));
      assert.deepEqual(other.slice(0, 3), [], `${path.basename(file.path)} refuses only unknown areas`);
    }
  });

  it('is a council performance demo: at least 150 metrics, each with a theme, across at least 8 themes', async () => {
    const metrics = await queryMetrics(store.sql, { limit: 10_000, offset: 0 });
    assert.ok(metrics.length >= 150, `${metrics.length} metrics`);
    assert.deepEqual(
      metrics.filter((m) => m.themes.length === 0 || m.themes.includes('other')).map((m) => m.code),
      [],
    );
    const themes = new Set(metrics.flatMap((m) => m.themes));
    assert.ok(themes.size >= 8, `${themes.size} themes`);
    for (const theme of ['health', 'education', 'economy', 'housing', 'environment', "children's social care", 'adult social care', 'homelessness', 'context']) {
      assert.ok(themes.has(theme), `the theme ${theme}`);
    }
    const reviewed = rowsOf('ons-els-indicators', 'els_review.csv');
    assert.equal(reviewed.length, 68);
    assert.deepEqual(
      metrics.filter((m) => !m.source).map((m) => m.code),
      [],
      'every metric names its source',
    );
  });

  it("reads the ONS series with their intervals, the polarity reviewed for Lantern, and the source's own title", async () => {
    const obesity = await getMetric(store.sql, 'adult-obesity-prevalence');
    assert.deepEqual([obesity?.polarity, obesity?.valueKind, obesity?.themes, obesity?.source], ['lower_is_better', 'proportion', ['health'], 'Office for Health Improvement and Disparities']);
    const first = rowsOf('ons-els-indicators', 'els_indicators_la.csv').find((row) => row.areacd === 'E06000001' && row.metric_code === 'ELS001')!;
    const stored = await queryObservations(store.sql, { metric: 'adult-obesity-prevalence', area: 'E06000001', limit: 100, offset: 0 });
    const earliest = stored[0]!;
    assert.deepEqual([earliest.value, earliest.lowerCi, earliest.upperCi], [Number(first.value), Number(first.lci_95), Number(first.uci_95)]);
  });

  it("reads DfE's children's social care measures with their High/Low polarity and years ending in March", async () => {
    const metric = await getMetric(store.sql, 're-referrals-to-children-s-social-care-within-12-months-of-the-previous-referral');
    assert.deepEqual([metric?.polarity, metric?.periodKind], ['lower_is_better', 'financial_year']);
    const source = rowsOf('dfe-lait-childrens-services', 'lait_csc_headline_long.csv').find((row) => row.gss_code === 'E08000003' && row.measure_short === 'ReReferral' && row.period === '2020')!;
    const [stored] = await queryObservations(store.sql, { metric: metric!.code, area: 'E08000003', from: '2020-03-31', to: '2020-03-31', limit: 10, offset: 0 });
    assert.deepEqual([stored?.period, stored?.value], ['2019/20', Number(source.value)]);
  });

  it('reads homelessness quarter by quarter, and keeps the suppressed returns', async () => {
    const metric = await getMetric(store.sql, 'households-in-temporary-accommodation');
    assert.deepEqual([metric?.periodKind, metric?.polarity, metric?.themes], ['quarter', 'lower_is_better', ['homelessness']]);
    const source = rowsOf('mhclg-homelessness-hclic', 'hclic_quarterly_la.csv').filter((row) => row.area_code === 'E92000001' && row.metric_id === 'ta_total');
    const stored = await queryObservations(store.sql, { metric: metric!.code, area: 'E92000001', limit: 100, offset: 0 });
    assert.equal(stored.length, source.length);
    assert.deepEqual(
      stored.map((row) => row.value),
      source.map((row) => Number(row.value)),
    );
    const batch = results[demoFiles(DEMO).findIndex((file) => path.basename(file.path) === 'hclic_quarterly_la.csv')]!.batchId;
    const [suppressed] = await store.sql<{ n: number }[]>`select count(*)::int as n from observation where batch_id = ${batch} and value is null and flags = ${SUPPRESSED}`;
    const marked = rowsOf('mhclg-homelessness-hclic', 'hclic_quarterly_la.csv').filter((row) => row.value_note === '..');
    const held = new Set((await areaKeys(store.sql)).map((area) => area.code));
    assert.equal(suppressed!.n, marked.filter((row) => held.has(row.area_code!)).length, "every '..' of an area Lantern holds is kept, suppressed");
  });

  it("ships Oflog's adult social care without the measure it may not pass on, and its waste metrics with their direction", async () => {
    assert.equal(rowsOf('oflog-explorer-extracts', 'oflog_asc_metrics.csv').filter((row) => row.Code === 'ASC7').length, 0);
    const recycling = await getMetric(store.sql, 'household-recycling-rate');
    assert.deepEqual([recycling?.polarity, recycling?.themes], ['higher_is_better', ['environment']]);
    const [hartlepool] = await queryObservations(store.sql, { metric: 'household-recycling-rate', area: 'E06000001', limit: 1, offset: 0 });
    assert.deepEqual([hartlepool?.period, hartlepool?.value], ['2015/16', 35.9]);
  });
});
