// No dead ends: a reader who follows any link on Lantern's pages reaches a
// page, not an error. Links are followed from a sample of pages as the public
// sees them (a former council reached from a league table, England and a
// region among them); addresses shared with tracking added still open; and
// each item of a council's feed of shares leads to the share it describes.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createShare } from '../../src/store/shares.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';
import { authorItem, DURHAM, openWorld, type World } from './access/world.ts';

const ACTIVE = 'percentage-of-physically-active-adults';
const SOUTH_LAKELAND = 'E07000031';

const SAMPLE = [
  '/',
  '/areas',
  `/areas/${DURHAM}`,
  `/areas/${DURHAM}/compare`,
  '/areas/E92000001',
  '/areas/E12000001',
  `/areas/${SOUTH_LAKELAND}`,
  '/metrics',
  `/metrics/${ACTIVE}`,
  `/metrics/${ACTIVE}?rows=all`,
  '/search?q=durham',
  '/about-the-data',
];

/** The site's own links on an HTML page, as a browser would resolve them; assets and fragments left out. */
function linksOn(html: string): string[] {
  return [...html.matchAll(/href="(\/[^"#]*)/g)].map((m) => m[1]!.replace(/&amp;/g, '&')).filter((href) => !href.startsWith('//') && !href.startsWith('/assets/') && href !== '');
}

describe('links on the public pages', () => {
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

  it('lead to pages, never to a 4xx, from the sample pages and one link further', async () => {
    const answered = new Map<string, number>();
    const visit = async (address: string): Promise<string> => {
      const response = await fetch(server.base + address);
      answered.set(address, response.status);
      return (response.headers.get('content-type') ?? '').includes('html') ? response.text() : '';
    };
    const further = new Set<string>();
    for (const address of SAMPLE) for (const link of linksOn(await visit(address))) further.add(link);
    for (const address of further) if (!answered.has(address)) await visit(address);
    const dead = [...answered].filter(([, status]) => status >= 400).map(([address, status]) => `${status} ${address}`);
    assert.deepEqual(dead, []);
    assert.ok(answered.size > 100, `followed ${answered.size} links`);
  });

  it('opens a former council with its figures, pointing to the council that replaced it', async () => {
    const response = await fetch(`${server.base}/areas/${SOUTH_LAKELAND}`);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /South Lakeland was a council until/);
    assert.match(html, /replaced by\s*<a class="govuk-link" href="\/areas\/E06000064">Westmorland and Furness<\/a>/);
    assert.doesNotMatch(html, /value="neighbours"/, 'nearest neighbours are not offered for a council no longer in being');
  });

  it('offers no nearest neighbours for England or a region', async () => {
    for (const code of ['E92000001', 'E12000001']) {
      const html = await (await fetch(`${server.base}/areas/${code}`)).text();
      assert.doesNotMatch(html, new RegExp(`/areas/${code}/compare`), code);
      assert.doesNotMatch(html, /value="neighbours"/, code);
    }
  });

  it("offers on a metric's page only the groups its area can be compared with", async () => {
    for (const area of ['', '&area=E12000001', `&area=${SOUTH_LAKELAND}`]) {
      const html = await (await fetch(`${server.base}/metrics/${ACTIVE}?group=england${area}`)).text();
      assert.match(html, /value="england"/, area);
      assert.doesNotMatch(html, /value="neighbours"/, area);
    }
    assert.match(await (await fetch(`${server.base}/metrics/${ACTIVE}?area=${DURHAM}`)).text(), /value="neighbours"/);
  });

  it('passes over tracking added to an address (utm_*, fbclid, gclid)', async () => {
    for (const address of [`/areas/${DURHAM}?utm_source=newsletter&utm_medium=email`, `/metrics/${ACTIVE}?fbclid=IwAR0abc`, '/areas?gclid=Cj0KCQ', '/search?q=durham&utm_campaign=x']) {
      const response = await fetch(server.base + address, { redirect: 'manual' });
      assert.ok(response.status === 200 || response.status === 302 || response.status === 303, `${response.status} ${address}`);
    }
  });

  it('still refuses a parameter a page does not know, with a page that says what to do', async () => {
    const response = await fetch(`${server.base}/areas/${DURHAM}?grup=region`);
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /unknown query parameter &#39;grup&#39;|unknown query parameter 'grup'/);
    assert.match(html, /href="\/search"/);
  });
});

describe("a council's feed of shares", () => {
  let world: World;
  before(async () => {
    world = await openWorld();
  });
  after(() => world.close());

  it('links each item to the share it describes', async () => {
    const item = await authorItem(world, 'sector');
    await createShare(world.store.sql, {
      recordKind: 'intelligence_item',
      recordId: String(item.id),
      subjectArea: DURHAM,
      reason: 'For the regional meeting',
      sharedBy: world.users.author.id,
      withOrganisationId: world.organisations.region.id,
      withUserId: null,
    });
    const feed = (await (await world.browsers.council_member.fetch(`/api/shares/feed?about=${DURHAM}`)).json()) as { items: { url: string }[] };
    assert.equal(feed.items.length, 1);
    for (const { url } of feed.items) {
      const response = await world.browsers.council_member.fetch(url.replace(world.base, ''));
      assert.equal(response.status, 200, url);
    }
  });
});
