// The risk view in a real Chromium at a phone's width and a desk's, as a
// principal adviser: the patch's councils side by side by cause, a council's
// rows with each flag's rule, test, figures and sentence and the items under
// their causes, and acknowledging a flag (refused in words beside its field,
// then muted with its reason). Nothing wider than the screen, nothing axe
// finds; screenshots for people to look at.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { syncFlags } from '../../src/store/flags.ts';
import { TEST_PASSWORD } from '../support/access.ts';
import { checkPage, DESKTOP, launchBrowser, openPage, PHONE } from '../support/browser.ts';
import { authorItem, DURHAM, HARTLEPOOL, openWorld, type World } from '../server/access/world.ts';

const AUTHOR = 'author@sector.example';

describe('risk view pages, as a principal adviser reads them', () => {
  let world: World;
  let browser: Browser;

  before(async () => {
    world = await openWorld();
    const flag = (area: string, value: number) => ({
      area,
      rule: 'worse_and_worsening',
      ruleVersion: 1,
      metric: 'obesity',
      subject: '',
      period: '2022/23',
      figures: { value, benchmark: 21.4 },
      sentence: `${value}% in 2022/23, worse than England (21.4%), and getting worse over 5 periods`,
      fingerprint: `worse_and_worsening@1|obesity|2022/23|value=${value}`,
    });
    await syncFlags(world.store.sql, ['obesity'], [flag(DURHAM, 31.2), flag(HARTLEPOOL, 33.9)], new Date());
    await authorItem(world, 'restricted', { title: 'Reserves falling fast' });
    const patch = await world.browsers.author.json('PUT', '/api/risk/patch', { areas: [DURHAM, HARTLEPOOL] });
    assert.equal(patch.status, 200, await patch.text());
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await world?.close();
  });

  for (const [width, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`shows the patch, a council's causes and acknowledges a flag at ${viewport.width} px`, async () => {
      const context = await browser.newContext({ viewport });
      const { page, problems } = await openPage(context);
      try {
        await page.goto(`${world.base}/sign-in`);
        await page.fill('input[name="email"]', AUTHOR);
        await page.fill('input[name="password"]', TEST_PASSWORD);
        await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form button')]);

        await page.goto(`${world.base}/risk`);
        const grid = page.locator('.lantern-risk-grid');
        assert.equal(await grid.locator('tbody tr').count(), 2, 'a row per council of the patch');
        assert.match((await grid.locator('thead').textContent()) ?? '', /Significant financial difficulties/);
        assert.ok(await page.getByRole('link', { name: 'Reserves falling fast' }).first().isVisible());
        await checkPage(page, `risk-patch-${width}`);

        await page.getByRole('link', { name: 'County Durham' }).click();
        await page.waitForURL(`**/areas/${DURHAM}/risk`);
        assert.equal(await page.locator('h2.govuk-heading-m').count(), 6, 'a row per cause of failure');
        const flag = page.locator('.lantern-risk-flag').first();
        assert.match((await flag.textContent()) ?? '', /31.2% in 2022\/23, worse than England/);
        assert.match((await flag.textContent()) ?? '', /confidence interval/);
        await checkPage(page, `risk-council-${width}`);

        if (width === 'phone') {
          await flag.getByRole('button', { name: 'Acknowledge this flag' }).click();
          const summary = (await page.locator('.govuk-error-summary').textContent()) ?? '';
          assert.match(summary, /Say why the flag is known and being dealt with/);
          await checkPage(page, `risk-acknowledge-refused-${width}`);
          await page.locator('.lantern-risk-flag textarea').first().fill('Known: a healthy weight plan was agreed in March.');
          await page.locator('.lantern-risk-flag').first().getByRole('button', { name: 'Acknowledge this flag' }).click();
          await page.waitForURL((url) => url.pathname === `/areas/${DURHAM}/risk`);
          assert.match(
            (await page.locator('.lantern-risk-flag').first().textContent()) ?? '',
            /Acknowledged by Alex Author .*, and muted until its figures change: Known: a healthy weight plan was agreed in March\./s,
          );
          await checkPage(page, `risk-acknowledged-${width}`);
        }

        await page.goto(`${world.base}/risk/patch/edit`);
        await checkPage(page, `risk-patch-edit-${width}`);
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
