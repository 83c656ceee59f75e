// The release rule form in a real Chromium, at a phone's width and a desk's,
// as a council's performance officer uses it: opened from the release
// calendar, refused first naming the box with what was typed kept, then
// saved, back on the calendar with the rule in words. Nothing wider than the
// screen, nothing axe finds, each page kept as a screenshot.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { parsePeriod } from '../../src/domain/period/index.ts';
import { holdValues } from '../../src/store/held-values.ts';
import { organisation, TEST_PASSWORD, user } from '../support/access.ts';
import { checkPage, DESKTOP, launchBrowser, openPage, PHONE } from '../support/browser.ts';
import { seedCatalogue } from '../support/import.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const OFFICER = 'officer@durham.example';

describe('the release rule form in a browser', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    const period = parsePeriod('2024');
    if (period.kind !== 'ok') throw new Error('2024');
    await store.sql.begin((tx) => holdValues(tx, [{ metricCode: 'visits', areaCode: DURHAM, period: period.period, value: 130, provisional: false, origin: 'return' }], null));
    const council = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    await user(store.sql, OFFICER, 'performance_officer', council.id, 'Pat Officer');
    server = await startTestServer(store);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  for (const [width, viewport, months] of [
    ['phone', PHONE, '6'],
    ['desktop', DESKTOP, '18'],
  ] as const) {
    it(`sets when a metric's values become public, refused first in words, at ${viewport.width} px`, async () => {
      const context = await browser.newContext({ viewport });
      const { page, problems } = await openPage(context);
      try {
        await page.goto(`${server.base}/sign-in`);
        await page.fill('input[name="email"]', OFFICER);
        await page.fill('input[name="password"]', TEST_PASSWORD);
        await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form button')]);

        await page.goto(`${server.base}/releases/${DURHAM}`);
        await page.getByRole('link', { name: 'Change when Library visits becomes public' }).click();
        await page.waitForURL('**/visits/edit');
        await checkPage(page, `release-rule-form-${width}`);
        await page.getByLabel('Public some months after the end of each period').check();
        await page.fill('#monthsAfter', 'soon');
        await page.getByRole('button', { name: 'Save the rule' }).click();
        const summary = (await page.locator('.govuk-error-summary').textContent()) ?? '';
        assert.match(summary, /Enter the months after the end of the period as a whole number/);
        assert.equal(await page.locator('#monthsAfter').inputValue(), 'soon', 'what was typed is kept');
        assert.equal(await page.getByLabel('Public some months after the end of each period').isChecked(), true);
        await checkPage(page, `release-rule-form-refused-${width}`);

        await page.fill('#monthsAfter', months);
        await page.getByRole('button', { name: 'Save the rule' }).click();
        await page.waitForURL(`**/releases/${DURHAM}`);
        assert.match((await page.locator('main').textContent()) ?? '', new RegExp(`Public ${months} months after the end of its period`, 'i'));
        await checkPage(page, `release-rule-set-${width}`);
        assert.deepEqual(
          problems.filter((p) => !p.includes('status of 400')),
          [],
        );
      } finally {
        await context.close();
      }
    });
  }
});
