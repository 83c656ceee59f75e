// No peer challenge for too long, on the risk view in a real Chromium at a
// phone's width and a desk's, as a principal adviser and as the council's
// member: the council's view shows each flag with its rule, test, figures
// and sentence under disengagement; the patch names them; England's counts
// them. Nothing wider than the screen, nothing axe finds.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { storeChallengeFlags } from '../../src/jobs/challenge-flags.ts';
import { openChallenge } from '../../src/store/peer-challenges.ts';
import { declareHistoryHeld } from '../../src/store/peer-history-held.ts';
import { TEST_PASSWORD } from '../support/access.ts';
import { checkPage, DESKTOP, launchBrowser, openPage, PHONE } from '../support/browser.ts';
import { DURHAM, HARTLEPOOL, openWorld, type World } from '../server/access/world.ts';

describe('no peer challenge on the risk view pages', () => {
  let world: World;
  let browser: Browser;

  before(async () => {
    world = await openWorld();
    assert.ok('id' in (await openChallenge(world.store.sql, { councilCode: 'E10000016', kind: 'corporate', enquiredOn: '2026-11-02', managedBy: null })));
    // The programme holds the histories of the North East's unitary councils from 2015; no other council's is judged.
    const northEast = ['E06000001', 'E06000002', 'E06000003', 'E06000004', 'E06000005', DURHAM, 'E06000057'];
    for (const kind of ['corporate', 'safeguarding'] as const) await declareHistoryHeld(world.store.sql, northEast, kind, '2015-04-01', 'for the test', null);
    assert.equal((await storeChallengeFlags(world.store.sql)).raised, 14);
    assert.equal((await world.browsers.author.json('PUT', '/api/risk/patch', { areas: [DURHAM, HARTLEPOOL] })).status, 200);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await world?.close();
  });

  async function signIn(page: Page, email: string): Promise<void> {
    await page.goto(`${world.base}/sign-in`);
    await page.fill('input[name="email"]', email);
    await page.fill('input[name="password"]', TEST_PASSWORD);
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form button')]);
  }

  for (const [width, viewport] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`shows the flags on the council's view, the patch and England's at ${viewport.width} px`, async () => {
      const context = await browser.newContext({ viewport });
      const { page, problems } = await openPage(context);
      try {
        await signIn(page, 'author@sector.example');
        await page.goto(`${world.base}/areas/${DURHAM}/risk`);
        const flag = page.locator('.lantern-risk-flag', { hasText: 'corporate peer challenge' });
        assert.equal(await flag.count(), 1);
        const text = (await flag.textContent()) ?? '';
        assert.match(text, /No peer challenge for longer than the deadline rules allow: corporate peer challenge/);
        assert.match(
          text,
          /No corporate peer challenge on record since 1 April 2015, when the programme's record of them begins; the deadline rules ask for at least one every 5 years, so one was due by 1 April 2020\./,
        );
        assert.match(text, /deadline rules in force/);
        for (const figure of ['kind corporate', 'lastOn none', 'heldFrom 2015-04-01', 'dueBy 2020-04-01', 'everyYears 5']) assert.ok(text.includes(figure), `the figures read name ${figure}`);
        await checkPage(page, `no-peer-challenge-council-${width}`);

        await page.goto(`${world.base}/risk`);
        assert.equal(await page.getByRole('link', { name: 'corporate peer challenge' }).count(), 2, 'Durham and Hartlepool');
        await checkPage(page, `no-peer-challenge-patch-${width}`);

        await page.goto(`${world.base}/risk?scope=england`);
        assert.ok((await page.getByText(/No peer challenge: \d flags?/).count()) > 2);
        await checkPage(page, `no-peer-challenge-england-${width}`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }

  it("shows the council's member its own flags", async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const { page, problems } = await openPage(context);
    try {
      await signIn(page, 'member@durham.example');
      await page.goto(`${world.base}/areas/${DURHAM}/risk`);
      assert.equal(await page.locator('.lantern-risk-flag', { hasText: 'No peer challenge for longer than the deadline rules allow' }).count(), 2);
      await checkPage(page, 'no-peer-challenge-council-member');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });
});
