// The good-practice library in a real Chromium on the demo's data, at a
// phone's width and a desk's: the library and a search with its snippets,
// an award winner's case study and an invented one marked illustrative, a
// metric page's councils that improved it, and a writer's form refused
// then saved, submitted, and returned by a moderator. Nothing wider than
// the screen, nothing axe finds, each page kept as a screenshot.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { createDemoAccess } from '../../src/server/features/admin/demo-access.ts';
import { createDemoCaseStudies } from '../../src/server/features/good-practice/demo-case-studies.ts';
import { findOrganisationByName } from '../../src/store/organisations.ts';
import { TEST_PASSWORD, user } from '../support/access.ts';
import { checkPage, DESKTOP, launchBrowser, openPage, PHONE } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

const ACTIVE = 'percentage-of-physically-active-adults';

describe('the good-practice library in a browser', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    store = await openDemoStore();
    await createDemoAccess(store.sql, 'a long demo password 1', () => {});
    await createDemoCaseStudies(store.sql, () => {});
    const durham = (await findOrganisationByName(store.sql, 'Durham County Council'))!;
    const sector = (await findOrganisationByName(store.sql, 'Sector improvement body'))!;
    await user(store.sql, 'writer@durham.example', 'performance_officer', durham.id, 'Pat Writer');
    await user(store.sql, 'moderator@sector.example', 'peer_challenge_manager', sector.id, 'Sam Moderator');
    server = await startTestServer(store);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  const signIn = async (page: Page, email: string) => {
    await page.goto(`${server.base}/sign-in`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', TEST_PASSWORD);
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form button')]);
  };

  for (const [width, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`shows the library, a search, case studies and a metric's improvers at ${viewport.width} px`, async () => {
      const context = await browser.newContext({ viewport });
      const { page, problems } = await openPage(context);
      try {
        await page.goto(`${server.base}/good-practice`);
        assert.match((await page.locator('#results').textContent()) ?? '', /5 case studies/);
        await checkPage(page, `good-practice-library-${width}`);
        await page.fill('#q', 'partnerships award');
        await page.getByRole('button', { name: 'Search' }).click();
        await page.waitForURL(/q=partnerships/);
        assert.equal((await page.locator('main mark').count()) > 0, true, 'the snippet marks the words found');
        await checkPage(page, `good-practice-search-${width}`);
        await page.getByRole('link', { name: /achieving more through partnerships/i }).click();
        assert.match((await page.locator('main').textContent()) ?? '', /No 11 Downing Street/);
        await checkPage(page, `good-practice-award-${width}`);
        await page.goto(`${server.base}/good-practice?metric=${ACTIVE}`);
        await page.locator('main h3 a').first().click();
        assert.match((await page.locator('main').textContent()) ?? '', /Illustrative/);
        await checkPage(page, `good-practice-illustrative-${width}`);
        await page.goto(`${server.base}/metrics/${ACTIVE}`);
        assert.match((await page.locator('#improved').textContent()) ?? '', /Councils that improved this metric/);
        await page.locator('#improved').scrollIntoViewIfNeeded();
        await checkPage(page, `good-practice-metric-improvers-${width}`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });

    it(`takes a case study from the writer's form to moderation at ${viewport.width} px`, async () => {
      const writer = await browser.newContext({ viewport });
      const moderator = await browser.newContext({ viewport });
      const { page, problems } = await openPage(writer);
      const { page: modPage, problems: modProblems } = await openPage(moderator);
      try {
        await signIn(page, 'writer@durham.example');
        await page.goto(`${server.base}/good-practice`);
        await page.getByRole('link', { name: 'Write a case study' }).click();
        await page.waitForURL('**/good-practice/new');
        await checkPage(page, `good-practice-form-${width}`);
        await page.fill('#title', `Walking for health (${width})`);
        await page.fill('#from-0', '2021/22');
        await page.fill('#to-0', '2015/16');
        await page.selectOption('#metric-0', ACTIVE);
        await page.getByRole('button', { name: 'Save the case study' }).click();
        const summary = (await page.locator('.govuk-error-summary').textContent()) ?? '';
        assert.match(summary, /Summary/);
        assert.match(summary, /Metric 1, to/);
        assert.equal(await page.locator('#title').inputValue(), `Walking for health (${width})`, 'what was typed is kept');
        await checkPage(page, `good-practice-form-refused-${width}`);
        await page.fill('#summary', 'Led walks from every market town.');
        await page.fill('#body', 'The council and its partners led walks.\n\nGP practices referred patients.');
        await page.fill('#from-0', '2015/16');
        await page.fill('#to-0', '2021/22');
        await page.getByRole('button', { name: 'Save the case study' }).click();
        await page.waitForURL(/\/good-practice\/\d+$/);
        await checkPage(page, `good-practice-draft-${width}`);
        await page.getByRole('button', { name: 'Submit for moderation' }).click();
        await page.waitForURL(/\/good-practice\/\d+$/);
        const address = page.url();

        await signIn(modPage, 'moderator@sector.example');
        await modPage.goto(`${server.base}/good-practice?state=submitted`);
        await modPage.getByRole('link', { name: `Walking for health (${width})` }).click();
        await modPage.getByRole('link', { name: 'Moderate this case study' }).click();
        await checkPage(modPage, `good-practice-moderation-${width}`);
        await modPage.getByRole('button', { name: 'Return the case study' }).click();
        assert.match((await modPage.locator('.govuk-error-summary').textContent()) ?? '', /say why/i);
        await modPage.fill('#reason', 'Name the market towns.');
        await modPage.getByRole('button', { name: 'Return the case study' }).click();
        await modPage.waitForURL(/\/good-practice\/\d+$/);
        await page.goto(address);
        assert.match((await page.locator('main').textContent()) ?? '', /Returned by the moderator: Name the market towns\./);
        await checkPage(page, `good-practice-returned-${width}`);
        // The refused forms answer 400, which the browser reports; nothing else may go wrong.
        assert.deepEqual(
          [...problems, ...modProblems].filter((p) => !p.includes('status of 400')),
          [],
        );
      } finally {
        await writer.close();
        await moderator.close();
      }
    });
  }
});
