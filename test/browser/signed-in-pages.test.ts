// The pages behind a sign-in, and the published report, in a real headless
// Chromium: each renders with no console error and no WCAG 2.2 AA violation,
// works with JavaScript off, lets the keyboard reach every control, and is
// photographed at phone and desktop widths. People sign in through the form,
// as they would.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { Browser as HttpBrowser, organisation, TEST_PASSWORD, user } from '../support/access.ts';
import { accessibilityViolations, controlsMissedByTab, DESKTOP, launchBrowser, openPage, PHONE, screenshot } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const OFFICER = 'officer@durham.example';
const ADVISER = 'adviser@sector.example';

describe('the signed-in pages in a browser', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: Browser;
  const pages: { name: string; path: string; as: string | null }[] = [];
  const contexts = new Map<string, BrowserContext>();

  before(async () => {
    store = await openDemoStore();
    server = await startTestServer(store);
    const durham = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    const sector = await organisation(store.sql, 'Sector improvement body', 'sector_body');
    await user(store.sql, OFFICER, 'performance_officer', durham.id, 'Pat Officer');
    await user(store.sql, ADVISER, 'principal_adviser', sector.id, 'Sam Adviser');
    // A report, drafted and published through the forms, for its pages.
    const http = new HttpBrowser(server.base);
    await http.signIn(OFFICER);
    const form = new URLSearchParams({
      _csrf: http.csrfToken,
      title: 'Durham compared',
      areas: DURHAM,
      group: 'region',
      notes: '',
      sections: '1',
      do: 'save',
      section_title_0: 'Activity',
      section_chart_0: 'bar',
      section_metrics_0: 'percentage-of-physically-active-adults',
    });
    const drafted = await http.fetch('/reports', { method: 'POST', body: form });
    const draft = drafted.headers.get('location')!;
    const published = (await http.fetch(`${draft}/publish`, { method: 'POST', body: new URLSearchParams({ _csrf: http.csrfToken }) })).headers.get('location')!;
    pages.push(
      { name: 'sign-in', path: '/sign-in', as: null },
      { name: 'published-report', path: published, as: null },
      { name: 'reports', path: '/reports', as: OFFICER },
      { name: 'report-builder', path: '/reports/new', as: OFFICER },
      { name: 'headline-report', path: '/reports/headline/new', as: OFFICER },
      { name: 'report-draft', path: draft, as: OFFICER },
      { name: 'publish-check', path: `${draft}/publish`, as: OFFICER },
      { name: 'withdraw-version', path: `${draft}/versions/1/withdraw`, as: OFFICER },
      { name: 'dashboard', path: '/dashboards', as: OFFICER },
      { name: 'dashboard-composer', path: '/dashboards/new', as: OFFICER },
      { name: 'account', path: '/account', as: OFFICER },
      { name: 'shares-about-the-council', path: '/shares', as: OFFICER },
      { name: 'intelligence', path: '/intelligence', as: ADVISER },
      { name: 'record-intelligence', path: '/intelligence/new', as: ADVISER },
    );
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  /** A browser context signed in as `email` through the sign-in form (or not signed in), with or without script. */
  async function contextFor(email: string | null, javaScriptEnabled: boolean): Promise<BrowserContext> {
    const key = `${email ?? 'public'} ${javaScriptEnabled}`;
    let context = contexts.get(key);
    if (!context) {
      context = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled });
      if (email) {
        const page = await context.newPage();
        await page.goto(`${server.base}/sign-in`);
        await page.fill('input[name="email"]', email);
        await page.fill('input[name="password"]', TEST_PASSWORD);
        await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form button[type="submit"], form button:not([type])')]);
        await page.close();
      }
      contexts.set(key, context);
    }
    return context;
  }

  async function visit(email: string | null, path: string, javaScriptEnabled = true): Promise<{ page: Page; problems: string[] }> {
    const opened = await openPage(await contextFor(email, javaScriptEnabled));
    const response = await opened.page.goto(server.base + path);
    assert.equal(response?.status(), 200, `${path}: ${response?.status()}`);
    return opened;
  }

  it('renders every page with no console error and no WCAG 2.2 AA violation, at desktop and phone widths', async () => {
    for (const { name, path, as } of pages) {
      const { page, problems } = await visit(as, path);
      assert.deepEqual(await accessibilityViolations(page), [], name);
      await screenshot(page, `${name}-desktop`);
      await page.setViewportSize(PHONE);
      assert.deepEqual(await accessibilityViolations(page), [], `${name} on a phone`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `${name} is ${overflow}px wider than a phone's screen`);
      await screenshot(page, `${name}-phone`);
      assert.deepEqual(problems, [], name);
      await page.close();
    }
  });

  it('works with JavaScript off', async () => {
    for (const { name, path, as } of pages) {
      const { page } = await visit(as, path, false);
      assert.equal(await page.locator('h1').count(), 1, `${name}: one main heading`);
      await page.close();
    }
  });

  it('lets the keyboard reach every control', async () => {
    for (const { name, path, as } of pages) {
      const { page } = await visit(as, path);
      const { controls, missed } = await controlsMissedByTab(page);
      assert.deepEqual(missed, [], `${name}: ${missed.length} of ${controls} controls never reached by Tab`);
      await page.close();
    }
  });

  it('builds and publishes a report with JavaScript off, through the forms alone', async () => {
    const { page } = await visit(OFFICER, '/reports/new', false);
    await page.fill('#title', 'Written without script');
    await page.fill('#areas', DURHAM);
    await page.fill('[id="sections[0].title"]', 'Weight');
    await page.check('#s0-percentage-of-adults-aged-18-plus-classified-as-overweight-or-obese');
    await Promise.all([page.waitForURL(/\/reports\/\d+$/), page.click('button[value="save"]')]);
    assert.match(await page.locator('h1').innerText(), /Written without script/);
    await Promise.all([page.waitForURL(/\/publish$/), page.click('a:has-text("Publish")')]);
    await Promise.all([page.waitForURL(/\/published\//), page.click('button:has-text("Publish version 1")')]);
    assert.match(await page.locator('.govuk-caption-l').innerText(), /version 1/);
    await page.close();
  });
});
