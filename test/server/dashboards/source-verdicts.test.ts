// A dashboard's tiles show the source's own verdict on the council's figure
// where the file gave one ("Source: worse than England"), beside Lantern's
// verdict and England's value, as the area and metric pages do; a tile whose
// figure the source did not judge says nothing of it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { addDashboard } from '../../../src/server/features/dashboards/dashboards.ts';
import { accessAs, Browser, organisation, user } from '../../support/access.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { openDemoStore, type TestStore } from '../../support/store.ts';

const DURHAM = 'E06000047';
const MEMBER = 'member@durham.example';

describe("the source's verdict on a dashboard", () => {
  let store: TestStore;
  let server: TestServer;

  before(async () => {
    store = await openDemoStore();
    server = await startTestServer(store);
  });
  after(async () => {
    await server?.close();
    await store?.close();
  });

  it("shows the source's own verdict on a tile's figure, and none where the source gave none", async () => {
    const index = server.engine.index;
    const judged = await store.sql<{ metric: string; period: string; verdict: string; benchmark: string }[]>`
      select m.code as metric, v.period, v.verdict, v.benchmark from source_verdict v
      join metric m on m.id = v.metric_id join area a on a.id = v.area_id where a.code = ${DURHAM}`;
    const latest = judged.find((j) => index.metric(j.metric)?.latest()?.period === j.period);
    assert.ok(latest, 'the demo keeps a source verdict on a latest figure of County Durham');
    const unjudged = [...index.metrics()].find((s) => !judged.some((j) => j.metric === s.metric.code) && s.latest() && s.metric.status === 'published')!;
    const durham = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    const member = await user(store.sql, MEMBER, 'council_member', durham.id);
    const tiles = [latest.metric, unjudged.metric.code].map((metric) => ({ kind: 'value', metric, area: DURHAM, group: 'neighbours' }));
    const made = await addDashboard(store.sql, accessAs(store.sql, member, DURHAM), index, { title: 'What the sources say', tiles });

    const browser = new Browser(server.base);
    assert.equal((await browser.signIn(MEMBER)).status, 303);
    const response = await browser.fetch(`/dashboards/${made.id}`);
    assert.equal(response.status, 200);
    const html = await response.text();
    const tileHtml = html.split('<li class="lantern-tile').slice(1);
    assert.equal(tileHtml.length, 2);
    const phrase = { better: 'better than', similar: 'similar to', worse: 'worse than', higher: 'higher than', lower: 'lower than' }[latest.verdict];
    assert.match(tileHtml[0]!, new RegExp(`<p class="lantern-note lantern-source-verdict">Source: ${phrase} ${latest.benchmark}</p>`));
    assert.doesNotMatch(tileHtml[1]!, /lantern-source-verdict/);
  });
});
