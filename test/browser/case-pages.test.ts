// Improvement case pages in a real Chromium at a phone's width and a desk's:
// an adviser opens a case from a flag (/cases/new?flag=…), is refused in
// words naming the field, records a meeting with a confidential note and an
// outcome ("under review" without a date refused, every typed value kept);
// the council's officer sees the case, its stage, outcome and every share on
// its own page, and never the confidential note. Nothing wider than the
// screen, nothing axe finds.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { TEST_PASSWORD } from '../support/access.ts';
import { checkPage, DESKTOP, launchBrowser, openPage, PHONE } from '../support/browser.ts';
import { DURHAM, openCaseWorld, raiseFlag, type CaseWorld } from '../server/cases/world.ts';

const SECRET = 'The leader and the chief executive are not speaking';

describe('improvement case pages', () => {
  let world: CaseWorld;
  let browser: Browser;
  let flag: number;
  let caseLink = '';

  before(async () => {
    world = await openCaseWorld();
    flag = await raiseFlag(world);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await world?.close();
  });

  async function signedIn(email: string, viewport: typeof PHONE | typeof DESKTOP): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
    const context = await browser.newContext({ viewport });
    const { page, problems } = await openPage(context);
    await page.goto(`${world.base}/sign-in`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', TEST_PASSWORD);
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form button')]);
    return { page, problems, close: () => context.close() };
  }

  it('an adviser opens a case from a flag, records a meeting and an outcome, on a phone', async () => {
    const { page, problems, close } = await signedIn(world.users.author.email, PHONE);
    try {
      await page.goto(`${world.base}/cases/new?flag=${flag}`);
      assert.match((await page.locator('main').textContent()) ?? '', /Flag: 31.2%, worse than its neighbours/);
      assert.equal(await page.inputValue('#area'), DURHAM, 'the council comes from the flag');
      await page.getByLabel('Corporate').check();
      await page.getByRole('button', { name: 'Open the case' }).click();
      const refused = (await page.locator('.govuk-error-summary').textContent()) ?? '';
      assert.match(refused, /What the conversation is about/);
      await checkPage(page, 'case-new-refused-phone');
      assert.ok(await page.getByLabel('Corporate').isChecked(), 'the strand chosen is kept');
      await page.fill('#summary', 'Obesity worse and worsening; reserves falling');
      await Promise.all([page.waitForURL(/\/cases\/\d+$/), page.getByRole('button', { name: 'Open the case' }).click()]);
      caseLink = new URL(page.url()).pathname;

      await page.getByRole('link', { name: 'Record a meeting' }).click();
      await page.fill('#heldOn', '2026-11-02');
      await page.fill('#attendees', 'Pat Chief, Chief Executive, Durham County Council');
      await page.getByLabel('Held at Chief Executive level, as it normally is').check();
      await page.fill('#noteBody', SECRET);
      await page.getByLabel('Confidential to you and the readers named').check();
      await page.fill('#stepAction', 'Send the budget recovery plan');
      await page.fill('#stepOwner', 'Pat Chief');
      await page.fill('#stepDueOn', '2026-12-01');
      await Promise.all([page.waitForURL(`**${caseLink}`), page.getByRole('button', { name: 'Record the meeting' }).click()]);

      await page.getByRole('link', { name: 'Record the outcome' }).click();
      await page.getByLabel('The council has appropriate steps in place; kept under review').check();
      await page.fill('#reason', 'A recovery plan is in place');
      await page.fill('#decidedOn', '2026-11-02');
      await page.getByRole('button', { name: 'Record the outcome' }).click();
      const summary = (await page.locator('.govuk-error-summary').textContent()) ?? '';
      assert.match(summary, /Reviewed on: an issue kept under review needs the date it is reviewed/);
      assert.equal(await page.inputValue('#reason'), 'A recovery plan is in place', 'what was typed is kept');
      await checkPage(page, 'case-outcome-refused-phone');
      await page.fill('#reviewOn', '2027-02-01');
      await Promise.all([page.waitForURL(`**${caseLink}`), page.getByRole('button', { name: 'Record the outcome' }).click()]);
      const main = (await page.locator('main').textContent()) ?? '';
      assert.match(main, /Kept under review; reviewed on 2027-02-01/);
      assert.ok(main.includes(SECRET), 'its author reads the confidential note');
      await page.selectOption('#organisationId', { label: 'Performance support panel' });
      await page.getByRole('button', { name: 'Refer the case' }).click();
      assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /reason/i, 'a referral says why');
      await page.fill('#reason', 'Reported to the Performance Support Panel');
      await Promise.all([page.waitForURL(`**${caseLink}#shared-with`), page.getByRole('button', { name: 'Refer the case' }).click()]);
      await checkPage(page, 'case-page-phone');
      // the refused forms answer 400, which the browser logs; nothing else may
      assert.deepEqual(
        problems.filter((p) => !p.includes('status of 400')),
        [],
      );
    } finally {
      await close();
    }
  });

  for (const viewport of [PHONE, DESKTOP]) {
    it(`the council sees its case and every share, never the confidential note, at ${viewport.width} px`, async () => {
      assert.ok(caseLink, 'the case was opened');
      const { page, problems, close } = await signedIn(world.users.performance_officer.email, viewport);
      try {
        await page.goto(`${world.base}/areas/${DURHAM}/case`);
        const own = (await page.locator('main').textContent()) ?? '';
        assert.match(own, /Outcome agreed/);
        assert.match(own, /Reported to the Performance Support Panel/);
        assert.ok(!own.includes(SECRET));
        await checkPage(page, `case-council-${viewport.width}`);
        await page.goto(`${world.base}${caseLink}`);
        const read = (await page.locator('main').textContent()) ?? '';
        assert.match(read, /Send the budget recovery plan/);
        assert.ok(!read.includes(SECRET), 'the council never reads the confidential note');
        assert.equal(await page.getByRole('link', { name: 'Record the outcome' }).count(), 0);
        await checkPage(page, `case-page-council-${viewport.width}`);
        assert.deepEqual(problems, []);
      } finally {
        await close();
      }
    });
  }

  it('the adviser reads the case page at a desk', async () => {
    const { page, problems, close } = await signedIn(world.users.author.email, DESKTOP);
    try {
      await page.goto(`${world.base}${caseLink}`);
      assert.ok(((await page.locator('main').textContent()) ?? '').includes(SECRET));
      await checkPage(page, 'case-page-1280');
      assert.deepEqual(problems, []);
    } finally {
      await close();
    }
  });
});
