// The web pages over HTTP on the demo data: each page type, its figures
// against the store, errors as pages, the cache and its invalidation after
// an import, and the chart and map downloads. The browser tests (test/browser)
// check what people see and use.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importText } from '../support/import.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

const ACTIVE = 'percentage-of-physically-active-adults';
const DURHAM = 'E06000047';

describe('the web pages on the demo data', () => {
  let store: TestStore;
  let server: TestServer;

  before(async () => {
    store = await openDemoStore();
    server = await startTestServer(store);
  });
  after(async () => {
    await server.close();
    await store.close();
  });

  async function page(address: string, headers: Record<string, string> = {}) {
    const response = await fetch(server.base + address, { headers, redirect: 'manual' });
    return { status: response.status, headers: response.headers, text: await response.text() };
  }

  /** The latest stored value of a metric for an area, formatted to one decimal as the pages show it. */
  async function storedValue(metric: string, area: string): Promise<{ period: string; value: number }> {
    const [row] = await store.sql<{ period: string; value: number }[]>`
      select o.period, o.value from observation o join metric m on m.id = o.metric_id join area a on a.id = o.area_id join period p on p.label = o.period
      where m.code = ${metric} and a.code = ${area} order by p.end_date desc limit 1`;
    return row!;
  }

  it('finds councils and metrics from the home page search', async () => {
    const home = await page('/');
    assert.equal(home.status, 200);
    assert.match(home.text, /<form action="\/search" method="get" role="search"/);
    const exact = await page('/search?q=county+durham');
    assert.deepEqual([exact.status, exact.headers.get('location')], [303, `/areas/${DURHAM}`]);
    const byCode = await page(`/search?q=${DURHAM.toLowerCase()}`);
    assert.equal(byCode.headers.get('location'), `/areas/${DURHAM}`);
    const words = await page('/search?q=active');
    assert.equal(words.status, 200);
    assert.match(words.text, new RegExp(`href="/metrics/${ACTIVE}"`));
    const none = await page('/search?q=zzzz');
    assert.match(none.text, /No council or place matches ‘zzzz’/);
  });

  it("shows a council's every metric with its stored value, by theme, against its neighbours by default", async () => {
    const { status, text } = await page(`/areas/${DURHAM}`);
    assert.equal(status, 200);
    assert.match(text, /<h1 class="govuk-heading-xl">County Durham<\/h1>/);
    assert.match(text, /County Durham and its 15 nearest neighbours/);
    const stored = await storedValue(ACTIVE, DURHAM);
    const row = new RegExp(
      `href="/metrics/${ACTIVE}\\?area=${DURHAM}&amp;group=neighbours">[^<]+</a></th>\\s*<td[^>]*>${stored.period.replace(/\//g, '\\/')}</td>\\s*<td class="lantern-num"[^>]*>${stored.value.toFixed(1)}%</td>`,
    );
    assert.match(text, row);
    assert.match(text, /<h2 class="govuk-heading-l" id="theme-context">Context<\/h2>/);
    assert.match(text, /<svg[^>]*role="img"/);
  });

  it('compares a council with the group asked for', async () => {
    const { text } = await page(`/areas/${DURHAM}?group=region`);
    assert.match(text, /compared with <strong>Districts and single-tier councils in North East<\/strong>/);
    const bad = await page(`/areas/${DURHAM}?group=planet`);
    assert.equal(bad.status, 400);
    assert.match(bad.text, /There is a problem with the address/);
    assert.match(bad.text, /&#39;group&#39; must be england, region, type, neighbours or custom, not &#39;planet&#39;/);
  });

  it('answers an unknown council, metric or address with a page that says so', async () => {
    for (const address of ['/areas/E06999999', '/metrics/no-such-metric', '/no/such/page', '/areas/not-a-code']) {
      const { status, text, headers } = await page(address);
      assert.equal(status, 404, address);
      assert.match(headers.get('content-type') ?? '', /text\/html/);
      assert.match(text, /Page not found/);
    }
    const api = await page('/api/no-such-thing');
    assert.deepEqual([api.status, JSON.parse(api.text).code], [404, 'not_found']);
  });

  it('shows a metric with the first fifty areas in its table, the chosen council marked, every area on asking, and its downloads', async () => {
    const { status, text } = await page(`/metrics/${ACTIVE}?area=${DURHAM}`);
    assert.equal(status, 200);
    const stored = await store.sql<{ n: number }[]>`
      select count(*)::int as n from observation o join metric m on m.id = o.metric_id join area a on a.id = o.area_id
      where m.code = ${ACTIVE} and o.period = ${(await storedValue(ACTIVE, DURHAM)).period} and a.code like 'E%' and a.type not in ('england', 'region', 'county')`;
    const rowsOf = (html: string) => html.match(/<tr(?: class="lantern-chosen")?><td class="lantern-num" data-sort/g) ?? [];
    assert.equal(rowsOf(text).length, 50);
    assert.match(text, new RegExp(`<tr class="lantern-chosen">.*?href="/areas/${DURHAM}">County Durham</a>`));
    const all = await page(`/metrics/${ACTIVE}?area=${DURHAM}&group=england&period=${encodeURIComponent((await storedValue(ACTIVE, DURHAM)).period)}&rows=all`);
    assert.equal(rowsOf(all.text).length, stored[0]!.n, 'every English district and single-tier council with a value');
    assert.match(text, new RegExp(`Show all ${stored[0]!.n} areas`));
    assert.equal((await page(`/metrics/${ACTIVE}?rows=some`)).status, 400);
    for (const link of ['chart.svg', 'chart.png', 'map.svg', 'map.png', 'trend.svg', 'trend.png']) assert.match(text, new RegExp(`href="/metrics/${ACTIVE}/${link.replace('.', '\\.')}\\?`));
    assert.match(text, /Contains (OS|Ordnance Survey) data © Crown copyright/, 'the attribution of the boundaries the map is drawn on');
  });

  it('finds a council for the metric page by name, and redirects to its code', async () => {
    const { status, headers } = await page(`/metrics/${ACTIVE}?area=durham`);
    assert.equal(status, 303);
    assert.match(headers.get('location') ?? '', new RegExp(`area=${DURHAM}`));
  });

  it('serves the bar chart, the map and the trend lines as SVG and PNG', async () => {
    const downloads = ['chart', 'map', 'trend'].flatMap(
      (name) =>
        [
          [`${name}.svg`, 'image/svg+xml', '<svg'],
          [`${name}.png`, 'image/png', '\x89PNG'],
        ] as const,
    );
    for (const [name, type, magic] of downloads) {
      const response = await fetch(`${server.base}/metrics/${ACTIVE}/${name}?area=${DURHAM}`);
      assert.equal(response.status, 200, name);
      assert.match(response.headers.get('content-type') ?? '', new RegExp(type.replace('+', '\\+')));
      const body = Buffer.from(await response.arrayBuffer());
      assert.equal(body.subarray(0, magic.length).toString('latin1'), magic, name);
    }
  });

  it('compares a council with its nearest neighbours and says why each is near', async () => {
    const { status, text } = await page(`/areas/${DURHAM}/compare?metrics=${ACTIVE}`);
    assert.equal(status, 200);
    const neighbours = (await (await fetch(`${server.base}/api/benchmark/neighbours?area=${DURHAM}`)).json()) as { neighbours: { name: string; reason: string }[] };
    assert.equal(neighbours.neighbours.length, 15);
    for (const n of neighbours.neighbours) assert.ok(text.includes(n.name.replace(/&/g, '&amp;').replace(/'/g, '&#39;')), n.name);
    assert.match(text, /Population \(2020\) \(on a log scale\)/);
  });

  it('lists the metric library by theme and filters it', async () => {
    const all = await page('/metrics');
    assert.match(all.text, /<h2 class="govuk-heading-m">Context<\/h2>/);
    const filtered = await page('/metrics?q=inactive');
    assert.match(filtered.text, /1 metric\./);
    const councils = await page('/areas?q=durham');
    assert.match(councils.text, /County Durham/);
  });

  it('serves a kept page with its ETag, answers 304 to it, and changes the page once an import touches it', async () => {
    const address = `/metrics/${ACTIVE}?area=${DURHAM}&group=region`;
    const first = await page(address);
    const etag = first.headers.get('etag')!;
    assert.ok(etag);
    assert.equal((await page(address, { 'If-None-Match': etag })).status, 304);
    const { period } = await storedValue(ACTIVE, DURHAM);
    const result = await importText(store.sql, 'durham.csv', `metric,area,period,value\n${ACTIVE},${DURHAM},${period},88.8\n`);
    assert.equal(result.status, 'loaded');
    let changed = first;
    const deadline = Date.now() + 5000;
    while (Date.now() < deadline && !changed.text.includes('88.8%')) {
      await server.engine.settled();
      changed = await page(address, { 'If-None-Match': etag });
    }
    assert.equal(changed.status, 200);
    assert.notEqual(changed.headers.get('etag'), etag);
    assert.match(changed.text, /<tr class="lantern-chosen">.*?88\.8%/);
  });

  it('serves the stylesheet and script under versioned, long-lived addresses', async () => {
    const home = await page('/');
    const css = /href="(\/assets\/lantern\.css\?v=[0-9a-f]{12})"/.exec(home.text)?.[1];
    const js = /src="(\/assets\/lantern\.js\?v=[0-9a-f]{12})"/.exec(home.text)?.[1];
    assert.ok(css && js);
    const style = await fetch(server.base + css);
    assert.match(style.headers.get('cache-control') ?? '', /immutable/);
    const stylesheet = await style.text();
    assert.match(stylesheet, /\.lantern-tag--better\{background:#/);
    assert.equal((await fetch(server.base + js)).status, 200);
    const font = /url\("?(\/assets\/govuk\/fonts\/[^")]+\.woff2)"?\)/.exec(stylesheet)?.[1];
    assert.ok(font, 'the stylesheet names its fonts under /assets/govuk/fonts');
    assert.equal((await fetch(server.base + font)).status, 200);
  });
});
