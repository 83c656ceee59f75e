// Savings in a real Chromium at a phone's width and a desk's: a council's
// officer records a saving on its form (refused first, each problem named
// by its label and what was typed kept), moves it on to evidenced with a
// document, and reads the council's page; a regional partner verifies it
// and reads the partnership's totals against the goal, filtering its councils. Every page held to
// checkPage: nothing wider than the screen, nothing axe finds.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { organisation, TEST_PASSWORD, user } from '../support/access.ts';
import { checkPage, DESKTOP, launchBrowser, openPage, PHONE } from '../support/browser.ts';
import { seedCatalogue } from '../support/import.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const OFFICER = 'officer@durham.example';
const PARTNER = 'partner@region.example';

describe('savings pages, as a council officer and a regional partner use them', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    const council = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    const region = await organisation(store.sql, 'North East improvement partnership', 'regional_partnership');
    await user(store.sql, OFFICER, 'performance_officer', council.id, 'Pat Officer');
    await user(store.sql, PARTNER, 'regional_partner', region.id, 'Robin Partner');
    server = await startTestServer(store);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  for (const [width, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`records a saving, moves it on and verifies it at ${viewport.width} px`, async () => {
      const context = await browser.newContext({ viewport });
      const { page, problems } = await openPage(context);
      try {
        await signIn(page, server.base, OFFICER);
        await page.goto(`${server.base}/savings`);
        await checkPage(page, `savings-partnership-empty-${width}`);
        await page.getByRole('link', { name: 'Record a saving' }).click();
        await page.fill('#year', '2009');
        await page.fill('#amount', '-1200');
        await page.fill('#lastsFullYears', '3');
        await page.getByLabel('A shared service').check();
        await page.fill('#description', `Shared revenues service (${width})`);
        await page.getByLabel('Evidenced: give the evidence below').check();
        await page.getByRole('button', { name: 'Record the saving' }).click();
        const summary = (await page.locator('.govuk-error-summary').textContent()) ?? '';
        for (const words of ['Financial year: give a financial year', 'Amount a year: a saving is not negative', 'Evidence: a saving evidenced needs its evidence'])
          assert.match(summary, new RegExp(words));
        assert.equal(await page.inputValue('#amount'), '-1200', 'what was typed is kept');
        assert.equal(await page.inputValue('#description'), `Shared revenues service (${width})`);
        await checkPage(page, `savings-new-refused-${width}`);
        await page.fill('#year', '2009/10');
        await page.fill('#amount', '1,250,000');
        await page.getByLabel('Claimed').check();
        await Promise.all([page.waitForURL(/\/savings\/\d+$/), page.getByRole('button', { name: 'Record the saving' }).click()]);
        await checkPage(page, `savings-saving-${width}`);
        const address = page.url();

        await page.getByRole('link', { name: 'Move the saving on' }).click();
        await page.getByLabel('Evidenced').check();
        await page.getByLabel('A document').check();
        await page.fill('#evidenceReference', 'Cabinet report, 12 May 2010, item 7');
        await checkPage(page, `savings-move-${width}`);
        await Promise.all([page.waitForURL(/\/savings\/\d+$/), page.getByRole('button', { name: 'Move the saving on' }).click()]);
        assert.match((await page.locator('main').textContent()) ?? '', /Evidenced/);
        await page.goto(`${server.base}/savings/councils/${DURHAM}`);
        assert.match((await page.locator('main').textContent()) ?? '', /£1,250,000/);
        await checkPage(page, `savings-council-${width}`);

        await context.clearCookies();
        await signIn(page, server.base, PARTNER);
        await page.goto(`${address}/edit`);
        await checkPage(page, `savings-verify-${width}`);
        await Promise.all([page.waitForURL(/\/savings\/\d+$/), page.getByRole('button', { name: 'Verify the saving' }).click()]);
        assert.match((await page.locator('main').textContent()) ?? '', /Verified by Robin Partner/);
        await page.goto(`${server.base}/savings?year=2009%2F10`);
        assert.match((await page.locator('table').first().textContent()) ?? '', /County Durham/);
        await checkPage(page, `savings-partnership-${width}`);
        // the filters, as a partner uses them: a name and "verified", kept in the address
        await page.fill('#council', 'durham');
        await page.selectOption('#verified', 'yes');
        await Promise.all([page.waitForURL(/verified=yes/), page.getByRole('button', { name: 'Filter' }).click()]);
        assert.match(page.url(), /year=2009%2F10&council=durham&status=&verified=yes$/);
        assert.match((await page.locator('table').first().textContent()) ?? '', /County Durham/);
        await page.selectOption('#status', 'claimed');
        await Promise.all([page.waitForURL(/status=claimed/), page.getByRole('button', { name: 'Filter' }).click()]);
        assert.match((await page.locator('table').first().textContent()) ?? '', /No council passes the filters\./);
        await checkPage(page, `savings-partnership-filtered-${width}`);
        await page.getByRole('link', { name: 'Show every council' }).click();
        assert.match((await page.locator('table').first().textContent()) ?? '', /County Durham/);
        assert.deepEqual(
          problems.filter((p) => !/status of 400 \(Bad Request\)/.test(p)),
          [],
        );
      } finally {
        await context.close();
      }
    });
  }
});

async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', TEST_PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form button')]);
}
