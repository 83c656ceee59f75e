// The demo shows "councils that improved this metric" working: the ONS
// figures it ships carry their 95% intervals, so the engine's tests find
// councils that improved; and the invented case study of Hartlepool's jobs
// hub (marked illustrative) is listed beside Hartlepool on the modelled
// unemployment rate's page, where the engine finds it improved. Read on the
// demo's own ONS publication, loaded as the demo loads it.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { loadDemo } from '../../../src/ingest/demo.ts';
import { createDemoAccess } from '../../../src/server/features/admin/demo-access.ts';
import { createDemoCaseStudies } from '../../../src/server/features/good-practice/demo-case-studies.ts';
import { PROJECT_DIR } from '../../support/data.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';

describe("the demo's councils that improved a metric", () => {
  let store: TestStore;
  let server: TestServer;
  before(async () => {
    store = await openTestStore();
    const loaded = await loadDemo(store.sql, path.join(PROJECT_DIR, 'data', 'demo'), () => {}, { only: ['ons-els-indicators'] });
    // the ONS publication itself; the demo's theme file has nothing to add to it alone
    assert.deepEqual([loaded?.[0]?.status, loaded?.[0]?.inserted], ['loaded', 177_834]);
    await createDemoAccess(store.sql, 'a long demo password 1', () => {});
    await createDemoCaseStudies(store.sql, () => {});
    server = await startTestServer(store);
  });
  after(async () => {
    await server?.close();
    await store?.close();
  });

  it('lists Hartlepool as improved on the modelled unemployment rate, with its illustrative case study', async () => {
    const response = await fetch(`${server.base}/metrics/modelled-unemployment-rate`);
    assert.equal(response.status, 200);
    const html = await response.text();
    const section = /<h2 class="govuk-heading-l" id="improved">[\s\S]*?<\/table>/.exec(html)?.[0] ?? '';
    assert.match(section, /\d+ councils&#39; figures to 2023 improved significantly/);
    const hartlepool = /<a class="govuk-link" href="\/areas\/E06000001">Hartlepool<\/a><\/th>[\s\S]*?<\/tr>/.exec(section)?.[0] ?? '';
    assert.match(hartlepool, /<a class="govuk-link" href="\/good-practice\/\d+">A jobs hub in the town centre<\/a> \(illustrative\)/);
    assert.match(section, /href="\/areas\/E06000005">Darlington<\/a><\/th>[\s\S]*?None in the library yet/);
    // councils with case studies come first
    assert.ok(section.indexOf('E06000001') < section.indexOf('E06000005'));
  });

  it('says no council improved where the figures carry no interval or count to test', async () => {
    const response = await fetch(`${server.base}/metrics/premises-below-30mbps`);
    const html = await response.text();
    assert.equal(response.status, 200);
    assert.match(html, /No council(&#39;|')s figure to 2026-01-01 improved significantly by the engine(&#39;|')s tests/);
  });
});
