// A council's timeline and a stale intelligence item in a real Chromium, at
// a phone's width and a desk's: the council reads its timeline (its flag,
// its case and the shares about it, no confidential item), the adviser reads
// it whole and then opens a stale item and marks it reviewed. Nothing wider
// than the screen, nothing axe finds, no console error.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { TEST_PASSWORD } from '../support/access.ts';
import { checkPage, DESKTOP, launchBrowser, openPage, PHONE } from '../support/browser.ts';
import { DURHAM, openWorld, type World } from '../server/access/world.ts';
import { seedTimeline, type TimelineHistory } from '../server/timeline-fixture.ts';

describe('the timeline and stale items, in a browser', () => {
  let world: World;
  let history: TimelineHistory;
  let browser: Browser;
  before(async () => {
    world = await openWorld();
    history = await seedTimeline(world);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await world?.close();
  });

  async function signedIn(email: string, viewport: { width: number; height: number }): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
    const context = await browser.newContext({ viewport });
    const { page, problems } = await openPage(context);
    await page.goto(`${world.base}/sign-in`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', TEST_PASSWORD);
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form button')]);
    return { context, page, problems };
  }

  for (const [width, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`shows the council its timeline at ${viewport.width} px`, async () => {
      const { context, page, problems } = await signedIn(world.users.council_member.email, viewport);
      try {
        await page.goto(`${world.base}/areas/${DURHAM}/timeline`);
        assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Timeline');
        const entries = await page.locator('.lantern-timeline__entry').allTextContents();
        assert.ok(
          entries.some((e) => /Flag cleared: Worse than comparators and getting worse on .* no longer applies/.test(e)),
          entries.join('\n'),
        );
        assert.ok(entries.some((e) => e.includes('Improvement case opened')));
        assert.ok(!entries.some((e) => e.includes('Leader and chief executive at odds')), 'no confidential item');
        assert.ok(!entries.some((e) => e.includes('Performance Support Panel decided')), 'no Panel papers');
        await checkPage(page, `timeline-council-${width}`);
        await page
          .getByRole('link', { name: `Intelligence item ${history.sharedItem}` })
          .first()
          .click();
        await page.waitForURL(`**/intelligence/${history.sharedItem}`);
        assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Reserves falling fast', 'each entry links to its record');
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });

    it(`shows the adviser the whole timeline, and a stale item to mark reviewed, at ${viewport.width} px`, async () => {
      const { context, page, problems } = await signedIn(world.users.author.email, viewport);
      try {
        await page.goto(`${world.base}/areas/${DURHAM}/timeline`);
        assert.ok((await page.locator('.lantern-timeline__entry').allTextContents()).some((e) => e.includes('Performance Support Panel decided')));
        await checkPage(page, `timeline-adviser-${width}`);

        await world.store.sql`update intelligence_item set reviewed_at = '2026-03-03T12:00:00Z' where id = ${history.secretItem}`;
        await page.goto(`${world.base}/intelligence?about=${DURHAM}`);
        assert.match((await page.locator('tr', { hasText: 'Leader and chief executive at odds' }).textContent()) ?? '', /Not reviewed since 3 March 2026: stale/);
        await checkPage(page, `intelligence-list-stale-${width}`);
        await page.goto(`${world.base}/intelligence/${history.secretItem}`);
        assert.match((await page.locator('.govuk-inset-text').textContent()) ?? '', /Not reviewed since 3 March 2026: stale/);
        await checkPage(page, `intelligence-item-stale-${width}`);
        await page.getByRole('button', { name: 'Mark as reviewed' }).click();
        await page.waitForURL(`**/intelligence/${history.secretItem}`);
        assert.equal(await page.locator('.govuk-inset-text').count(), 0, 'no longer stale');
        assert.match((await page.locator('.govuk-summary-list').textContent()) ?? '', /Reviewed \d{1,2} \w+ \d{4}/);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});
