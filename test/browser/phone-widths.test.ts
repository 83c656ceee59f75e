// No page wider than a phone: as the public and as each kind of signed-in
// person, every kind of page they can reach (one of each address pattern,
// followed from the pages of each section) is measured in a real Chromium at
// 375 px, with data enough to fill its tables. A table wider than its column
// scrolls in a region of its own that shows a cue while there is more to see,
// on a phone and at 1280 px alike.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { createShare } from '../../src/store/shares.ts';
import { Browser as HttpBrowser, organisation, TEST_PASSWORD, user } from '../support/access.ts';
import { DESKTOP, launchBrowser, PHONE, screenshot } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const ACTIVE = 'percentage-of-physically-active-adults';
const PEOPLE = {
  public: null,
  officer: 'officer@durham.example',
  member: 'member@durham.example',
  adviser: 'adviser@sector.example',
  administrator: 'admin@service.example',
} as const;
const SECTIONS = ['/', '/account', '/reports', '/dashboards', `/shares?about=${DURHAM}`, '/shares', '/audit', '/admin', '/intelligence', `/areas/${DURHAM}/compare`];

/** One address per kind of page: codes, numbers, metric slugs and the query set aside. */
function patternOf(address: string): string {
  return address
    .split('?')[0]!
    .replace(/\/[EWSNK]\d{8}/g, '/:code')
    .replace(/\/\d+/g, '/:id')
    .replace(/\/metrics\/[a-z0-9-]+/, '/metrics/:metric');
}

describe('page widths on a phone, for everyone who signs in', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: Browser;
  let itemAddress: string;

  before(async () => {
    store = await openDemoStore();
    server = await startTestServer(store);
    const durham = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    const sector = await organisation(store.sql, 'Sector improvement body', 'sector_body');
    const region = await organisation(store.sql, 'North East improvement partnership with a long name', 'regional_partnership');
    const service = await organisation(store.sql, 'Lantern service', 'sector_body');
    await user(store.sql, PEOPLE.officer, 'performance_officer', durham.id, 'Pat Officer');
    await user(store.sql, PEOPLE.member, 'council_member', durham.id, 'Morgan Member');
    const adviserUser = await user(store.sql, PEOPLE.adviser, 'principal_adviser', sector.id, 'Sam Adviser');
    await user(store.sql, PEOPLE.administrator, 'administrator', service.id, 'Ade Administrator');
    // An item with evidence and a share, so that the item page, /shares and /audit have rows to lay out.
    const adviser = new HttpBrowser(server.base);
    await adviser.signIn(PEOPLE.adviser);
    const made = await adviser.json('POST', '/api/intelligence', {
      subjectArea: DURHAM,
      riskFactor: 'financial_difficulty',
      title: 'Reserves falling faster than planned',
      classification: 'sector',
      shareable: true,
      note: 'General fund reserves fell by a third in a year; members were told in March and the medium-term financial strategy was not revised.',
      evidence: [
        { kind: 'observation', metric: ACTIVE, area: DURHAM, period: server.engine.index.metric(ACTIVE)!.latest()!.period },
        { kind: 'source', description: 'Budget report to cabinet, March', url: 'https://democracy.durham.gov.uk/documents/s123456/Medium_Term_Financial_Plan_2024-25_to_2027-28_appendix_3.pdf' },
      ],
    });
    const { id, message } = (await made.json()) as { id: number; message?: string };
    assert.equal(made.status, 201, message);
    itemAddress = `/intelligence/${id}`;
    await createShare(store.sql, {
      recordKind: 'intelligence_item',
      recordId: String(id),
      subjectArea: DURHAM,
      sharedBy: adviserUser.id,
      withOrganisationId: region.id,
      withUserId: null,
      reason: 'For the regional improvement partnership meeting on financial resilience in the north east',
    });
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  async function signedIn(email: string | null): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: PHONE });
    if (email) {
      const page = await context.newPage();
      await page.goto(`${server.base}/sign-in`);
      await page.fill('input[name="email"]', email);
      await page.fill('input[name="password"]', TEST_PASSWORD);
      await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form button[type="submit"], form button:not([type])')]);
      await page.close();
    }
    return context;
  }

  /** How far the page is wider than its window, and the scroll regions that overflow without a cue. */
  async function measure(page: Page): Promise<{ overflow: number; uncued: string[] }> {
    return page.evaluate(() => {
      const overflow = document.documentElement.scrollWidth - window.innerWidth;
      const uncued = Array.from(document.querySelectorAll<HTMLElement>('[role="region"]'))
        // The cue is a shade at the edge: a gradient behind a table, or an inset shadow beside a chart.
        .filter((r) => r.scrollWidth > r.clientWidth + 1 && !/gradient/.test(getComputedStyle(r).backgroundImage) && getComputedStyle(r).boxShadow === 'none')
        .map((r) => r.getAttribute('aria-label') ?? r.getAttribute('aria-labelledby') ?? r.className);
      return { overflow, uncued };
    });
  }

  for (const [who, email] of Object.entries(PEOPLE)) {
    it(`fits every page ${who === 'public' ? 'the public' : `a ${who}`} can reach into 375 px`, async () => {
      const context = await signedIn(email);
      const page = await context.newPage();
      const patterns = new Set<string>();
      const queue = [...SECTIONS, itemAddress];
      const wide: string[] = [];
      for (let address = queue.shift(); address !== undefined; address = queue.shift()) {
        if (patterns.has(patternOf(address))) continue;
        patterns.add(patternOf(address));
        const response = await page.goto(server.base + address);
        if (!(response?.headers()['content-type'] ?? '').includes('text/html')) continue;
        const { overflow, uncued } = await measure(page);
        if (overflow > 0) wide.push(`${address} is ${overflow}px wider than the screen`);
        for (const region of uncued) wide.push(`${address}: ${region} scrolls with no cue`);
        if (process.env.SHOOT || overflow > 0 || uncued.length > 0) await screenshot(page, `phone-${who}-${patternOf(address).replace(/[/:?]+/g, '-')}`);
        if (SECTIONS.includes(address) || address === itemAddress) {
          const links = await page.$$eval('main a[href^="/"]', (as) => as.map((a) => a.getAttribute('href')!));
          queue.push(...links.filter((l) => !/^\/(api|assets)\/|\.(csv|pdf|svg|png|xlsx|ods)(\?|$)|^\/sign-out/.test(l)));
        }
      }
      await context.close();
      assert.ok(patterns.size >= 8, `measured ${patterns.size} kinds of page`);
      assert.deepEqual(wide, []);
    });
  }

  it('shows a cue on the compare table at 1280 px when it has more columns than fit', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await page.goto(`${server.base}/areas/${DURHAM}/compare`);
    const { overflow, uncued } = await measure(page);
    const columns = (await page.locator('.lantern-compare thead th').count()) - 1;
    assert.match(await page.locator('#compare-table-cue').innerText(), new RegExp(`^${columns} metrics, .*scroll the table sideways`));
    await screenshot(page, 'compare-desktop-cue');
    await context.close();
    assert.ok(overflow <= 0, `${overflow}px wider than the window`);
    assert.deepEqual(uncued, []);
  });
});
