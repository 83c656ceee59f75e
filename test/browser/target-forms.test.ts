// The agreement and target forms in a real Chromium, at a phone's width and
// a desk's, as a council's performance officer fills them: an agreement
// recorded from the monitoring page's link, refused first in words naming
// each field, then recorded; a target added from the agreement's page, its
// refusal keeping what was typed, then changed from its edit form; the
// agreement signed off by its button. Nothing wider than the screen, nothing
// axe finds, each page kept as a screenshot to look at.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { organisation, TEST_PASSWORD, user } from '../support/access.ts';
import { checkPage, DESKTOP, launchBrowser, openPage } from '../support/browser.ts';
import { importText, seedCatalogue } from '../support/import.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const OFFICER = 'officer@durham.example';
const NARROW = { width: 390, height: 844 } as const;

describe('the agreement and target forms in a browser', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    const loaded = await importText(store.sql, 'obesity.csv', `metric,area,period,value\nobesity,${DURHAM},2007/08,30\nobesity,${DURHAM},2008/09,29.5\n`);
    assert.equal(loaded.status, 'loaded', JSON.stringify(loaded.rejections));
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

  for (const [width, viewport] of [
    ['phone', NARROW],
    ['desktop', DESKTOP],
  ] as const) {
    it(`records an agreement and its target, refused first in words, at ${viewport.width} px`, async () => {
      const context = await browser.newContext({ viewport });
      const { page, problems } = await openPage(context);
      try {
        await page.goto(`${server.base}/sign-in`);
        await page.fill('input[name="email"]', OFFICER);
        await page.fill('input[name="password"]', TEST_PASSWORD);
        await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form button')]);

        await page.goto(`${server.base}/agreements`);
        await page.getByRole('link', { name: 'Record an agreement' }).click();
        await page.waitForURL('**/agreements/new');
        await checkPage(page, `agreement-form-${width}`);
        await page.fill('#title', `Durham plan at ${width} width`);
        await page.getByRole('button', { name: 'Record the agreement' }).click();
        const summary = (await page.locator('.govuk-error-summary').textContent()) ?? '';
        assert.match(summary, /Choose the kind of agreement/);
        assert.match(summary, /Enter the first year of the plan/);
        assert.match(summary, /Enter the name of partner 1, the lead/);
        assert.doesNotMatch(summary, /'\w+'/, 'fields as the page labels them');
        assert.equal(await page.locator('#title').inputValue(), `Durham plan at ${width} width`, 'what was typed is kept');
        await checkPage(page, `agreement-form-refused-${width}`);

        await page.getByLabel('Local area agreement').check();
        await page.fill('#firstYear', '2008/09');
        await page.fill('#lastYear', '2010/11');
        await page.fill('#area-1', 'County Durham');
        await page.fill('#partner-1-name', 'Durham County Council');
        await page.fill('#partner-2-name', 'County Durham PCT');
        await page.selectOption('#partner-2-kind', 'health');
        await page.getByRole('button', { name: 'Record the agreement' }).click();
        await page.waitForURL(/\/agreements\/\d+$/);
        const agreementPage = page.url();
        assert.ok(await page.getByRole('button', { name: 'Sign off version 1' }).isVisible());
        await checkPage(page, `agreement-actions-${width}`);

        await page.getByRole('link', { name: 'Add a target' }).click();
        await page.waitForURL('**/targets/new');
        await checkPage(page, `target-form-${width}`);
        await page.fill('#metric', 'Adults classified as obese');
        await page.fill('#baselinePeriod', '2007/08');
        await page.fill('#baselineValue', '30');
        await page.fill('#targetPeriod', '2010/11');
        await page.fill('#targetValue', '27');
        await page.selectOption('#leadPartner', 'County Durham PCT');
        await page.fill('#greenWithin', '10');
        await page.getByRole('button', { name: 'Add the target' }).click();
        const refused = (await page.locator('.govuk-error-summary').textContent()) ?? '';
        assert.match(refused, /Enter the target's reference/);
        assert.equal(await page.locator('#targetValue').inputValue(), '27', 'what was typed is kept');
        assert.equal(await page.locator('#leadPartner').inputValue(), 'County Durham PCT');
        await checkPage(page, `target-form-refused-${width}`);

        await page.fill('#reference', 'NI 56');
        await page.getByRole('button', { name: 'Add the target' }).click();
        await page.waitForURL(/\/targets\/\d+$/);
        await page.goto(page.url() + '/edit');
        assert.equal(await page.locator('#targetValue').inputValue(), '27');
        await page.fill('#targetValue', '26');
        await checkPage(page, `target-edit-${width}`);
        await page.getByRole('button', { name: 'Save the change' }).click();
        await page.waitForURL(/\/targets\/\d+$/);
        assert.match((await page.locator('main').textContent()) ?? '', /26(\.0)? by 2010\/11/);

        await page.goto(agreementPage);
        await page.getByRole('button', { name: 'Sign off version 1' }).click();
        await page.waitForURL(/\/agreements\/\d+$/);
        assert.ok(await page.getByRole('button', { name: 'Open the annual refresh' }).isVisible());
        // The two refusals answer 400, as a refused form does; nothing else went wrong.
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
