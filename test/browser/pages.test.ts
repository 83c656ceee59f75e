// Every page type in a real headless Chromium, on the demo data: it renders
// without a console error, axe-core finds no WCAG 2.2 AA violation, it works
// with JavaScript off, the keyboard reaches every control, its links resolve,
// and screenshots at phone and desktop widths are saved under
// test-output/screenshots. Scripts only enhance: sorting and switching the
// comparator in place are checked with JavaScript on.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { accessibilityViolations, controlsMissedByTab, DESKTOP, launchBrowser, openPage, PHONE, screenshot } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

const ACTIVE = 'percentage-of-physically-active-adults';
const DURHAM = 'E06000047';

const PAGES: readonly { name: string; path: string; status?: number }[] = [
  { name: 'home', path: '/' },
  { name: 'search', path: '/search?q=active' },
  { name: 'councils', path: '/areas' },
  { name: 'area', path: `/areas/${DURHAM}` },
  { name: 'metric', path: `/metrics/${ACTIVE}?area=${DURHAM}&group=region` },
  { name: 'compare', path: `/areas/${DURHAM}/compare` },
  { name: 'metric-library', path: '/metrics' },
  { name: 'about', path: '/about-the-data' },
  { name: 'not-found', path: '/areas/E06999999', status: 404 },
];

describe('the pages in a browser', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: Browser;
  let withScript: BrowserContext;
  let withoutScript: BrowserContext;

  before(async () => {
    store = await openDemoStore();
    server = await startTestServer(store);
    browser = await launchBrowser();
    withScript = await browser.newContext({ viewport: DESKTOP });
    withoutScript = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  async function visit(context: BrowserContext, path: string, status = 200): Promise<{ page: Page; problems: string[] }> {
    const opened = await openPage(context);
    const response = await opened.page.goto(server.base + path);
    assert.equal(response?.status(), status, path);
    // A 404 page logs the browser's own "failed to load resource" line; that is the status, not a fault.
    if (status !== 200) opened.problems.length = 0;
    return opened;
  }

  for (const { name, path, status } of PAGES) {
    describe(`the ${name} page`, () => {
      it('renders with no console error and no WCAG 2.2 AA violation, at desktop and phone widths', async () => {
        const { page, problems } = await visit(withScript, path, status);
        assert.deepEqual(await accessibilityViolations(page), []);
        await screenshot(page, `${name}-desktop`);
        await page.setViewportSize(PHONE);
        assert.deepEqual(await accessibilityViolations(page), []);
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        assert.ok(overflow <= 0, `the page is ${overflow}px wider than a phone's screen`);
        await screenshot(page, `${name}-phone`);
        assert.deepEqual(problems, []);
        await page.close();
      });

      it('works with JavaScript off', async () => {
        const { page } = await visit(withoutScript, path, status);
        assert.ok((await page.locator('h1').count()) === 1, 'one main heading');
        assert.equal(await page.evaluate(() => document.body.classList.contains('js-enabled')), false);
        await page.close();
      });

      it('lets the keyboard reach every control', async () => {
        const { page } = await visit(withScript, path, status);
        const { controls, missed } = await controlsMissedByTab(page);
        assert.deepEqual(missed, [], `${missed.length} of ${controls} controls were never reached by Tab`);
        await page.close();
      });
    });
  }

  it('has no broken link on any page', async () => {
    const links = new Set<string>();
    for (const { path, status } of PAGES) {
      const { page } = await visit(withoutScript, path, status);
      for (const href of await page.evaluate(() => Array.from(document.querySelectorAll('a[href]'), (a) => (a as HTMLAnchorElement).href))) {
        const url = new URL(href);
        // Links within the page (the skip link) are not addresses to check.
        if (url.origin === server.base && url.pathname + url.search !== new URL(page.url()).pathname + new URL(page.url()).search) links.add(url.pathname + url.search);
      }
      await page.close();
    }
    const broken: string[] = [];
    for (const link of links) {
      const response = await fetch(server.base + link);
      await response.arrayBuffer();
      if (response.status >= 400) broken.push(`${link}: ${response.status}`);
    }
    assert.ok(links.size > 100, `${links.size} links checked`);
    assert.deepEqual(broken, []);
  });

  it('switches the comparator without JavaScript by submitting the form', async () => {
    const { page } = await visit(withoutScript, `/areas/${DURHAM}`);
    await page.selectOption('#group', 'region');
    await Promise.all([page.waitForURL(/group=region/), page.click('button:has-text("Show comparison")')]);
    assert.match(await page.locator('#comparison').innerText(), /North East/);
    await page.close();
  });

  it('switches the comparator in place with JavaScript, keeping the page', async () => {
    const { page, problems } = await visit(withScript, `/areas/${DURHAM}`);
    await page.evaluate(() => {
      (window as unknown as { kept: boolean }).kept = true;
    });
    await page.selectOption('#group', 'region');
    await page.waitForFunction(() => document.querySelector('#comparison')?.textContent?.includes('North East'));
    assert.equal(await page.evaluate(() => (window as unknown as { kept?: boolean }).kept), true, 'no reload');
    assert.match(page.url(), /group=region/);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('sorts a table by a column when its header is pressed', async () => {
    const { page } = await visit(withScript, `/metrics/${ACTIVE}`);
    const values = () => page.$$eval('table.lantern-league tbody tr td:nth-child(3)', (cells) => cells.map((c) => Number((c as HTMLElement).dataset.sort)));
    const before = await values();
    assert.deepEqual(
      before,
      [...before].sort((a, b) => b - a),
      'best first: higher is better',
    );
    await page.click('table.lantern-league thead th:nth-child(3) button');
    const ascending = await values();
    assert.deepEqual(
      ascending,
      [...before].sort((a, b) => a - b),
    );
    assert.equal(await page.getAttribute('table.lantern-league thead th:nth-child(3)', 'aria-sort'), 'ascending');
    await page.close();
  });
});
