// The survey forms in a real Chromium, at a phone's width and a desk's, as a
// council's performance officer fills them: a survey recorded from the
// council's list, refused first in words naming each field and keeping what
// was typed; its results entered, refused first naming the question and the
// field, then judged, with the verdict shown condition by condition. Nothing
// wider than the screen, nothing axe finds, each page kept as a screenshot.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { organisation, TEST_PASSWORD, user } from '../support/access.ts';
import { checkPage, DESKTOP, launchBrowser, openPage, PHONE } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openTestStore, type TestStore } from '../support/store.ts';
import { DURHAM, seedSurveyAreas } from '../server/surveys/fixtures.ts';

const OFFICER = 'officer@durham.example';
const COUNTS = { very_satisfied: '310', fairly_satisfied: '420', neither: '120', fairly_dissatisfied: '80', very_dissatisfied: '40', dont_know: '30' };

describe('the survey forms in a browser', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    store = await openTestStore();
    await seedSurveyAreas(store.sql);
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

  for (const [width, viewport, year] of [
    ['phone', PHONE, '2022'],
    ['desktop', DESKTOP, '2023'],
  ] as const) {
    it(`records a survey and enters its results, refused first in words, at ${viewport.width} px`, async () => {
      const context = await browser.newContext({ viewport });
      const { page, problems } = await openPage(context);
      try {
        await page.goto(`${server.base}/sign-in`);
        await page.fill('input[name="email"]', OFFICER);
        await page.fill('input[name="password"]', TEST_PASSWORD);
        await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form button')]);

        await page.goto(`${server.base}/surveys`);
        await checkPage(page, `survey-list-${width}`);
        await page.getByRole('button', { name: 'Record a survey' }).click();
        await page.waitForURL('**/surveys/new');
        await checkPage(page, `survey-form-${width}`);
        await page.fill('#title', `Residents survey ${year}`);
        await page.getByRole('button', { name: 'Save the survey' }).click();
        const summary = (await page.locator('.govuk-error-summary').textContent()) ?? '';
        assert.match(summary, /Choose how the survey was run/);
        assert.match(summary, /Enter the fieldwork's first day/);
        assert.match(summary, /Enter where at least one of the set's questions was asked/);
        assert.equal(await page.locator('#title').inputValue(), `Residents survey ${year}`, 'what was typed is kept');
        await checkPage(page, `survey-form-refused-${width}`);

        await page.getByLabel('Telephone').check();
        await page.getByLabel('Random probability sample').check();
        for (const [name, [day, month]] of [
          ['fieldworkStart', ['1', '9']],
          ['fieldworkEnd', ['31', '10']],
        ] as const) {
          await page.fill(`#${name}-day`, day);
          await page.fill(`#${name}-month`, month);
          await page.fill(`#${name}-year`, year);
        }
        await page.fill('#achievedSample', '1000');
        await page.fill('#position-satisfied-with-local-area', '1');
        await page.fill('#position-satisfied-with-council', '2');
        await page.getByRole('button', { name: 'Save the survey' }).click();
        await page.waitForURL(/\/surveys\/\d+$/);
        assert.match((await page.locator('main').textContent()) ?? '', /Not judged yet/);
        await checkPage(page, `survey-new-${width}`);

        await page.getByRole('button', { name: 'Enter results' }).click();
        await page.waitForURL(/\/results\/edit$/);
        await checkPage(page, `survey-results-form-${width}`);
        for (const [option, count] of Object.entries(COUNTS)) await page.fill(`#count-satisfied-with-council-${option}`, count);
        await page.fill('#base-satisfied-with-council', '1001');
        await page.getByRole('button', { name: 'Save the results' }).click();
        const refused = (await page.locator('.govuk-error-summary').textContent()) ?? '';
        assert.match(refused, /Question 'satisfied-with-council': the counts add up to 1000, not the base of 1001/);
        assert.equal(await page.locator('#count-satisfied-with-council-neither').inputValue(), '120', 'what was typed is kept');
        assert.equal(
          await page
            .locator('#base-satisfied-with-council')
            .getAttribute('aria-describedby')
            .then((d) => d?.includes('error')),
          true,
          'the base box carries the error',
        );
        await checkPage(page, `survey-results-refused-${width}`);

        await page.fill('#base-satisfied-with-council', '');
        await page.getByRole('button', { name: 'Save the results' }).click();
        await page.waitForURL(/\/surveys\/\d+$/);
        const main = (await page.locator('main').textContent()) ?? '';
        assert.match(main, /Comparable with caveats/);
        assert.match(main, /Position and order of questions/);
        assert.match(main, /73% \(95% interval 70% to 76%\), 730 of 1,000/);
        if (year === '2023') {
          // The second survey is set beside the first: the trend in words, and the chart of both waves with their intervals.
          assert.match(main, /No real change from the wave before\./);
          assert.equal(await page.locator('svg.lantern-wave-chart').count(), 1);
        }
        await checkPage(page, `survey-judged-${width}`, { chartText: true });
        // The refusals answer 400, as a refused form does; nothing else went wrong.
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
