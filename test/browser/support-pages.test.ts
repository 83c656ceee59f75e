// A support package and the Panel's pages in a real Chromium at a phone's
// width and a desk's: the package with its milestones and each metric's
// progress in words, the Panel's meetings and a meeting with its agenda,
// decisions and action monitor; the package agreed through its form, first
// refused naming the field with every value kept. Nothing wider than the
// screen, nothing axe finds; the council's officer reads the package but is
// offered no change.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { Browser as HttpBrowser, TEST_PASSWORD } from '../support/access.ts';
import { checkPage, DESKTOP, launchBrowser, openPage, PHONE } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';
import { ACTIVE, agreeOutcome, HARTLEPOOL, openCase, packageBody, supportWorld, type SupportWorld } from '../server/support/world.ts';

describe('support package and Panel pages', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: Browser;
  let world: SupportWorld;
  let meetingId: number;
  let secondCase: number;

  before(async () => {
    store = await openDemoStore();
    server = await startTestServer(store);
    world = await supportWorld(store.sql, 'pages');
    secondCase = await openCase(store.sql, world.lead.id, world.body, HARTLEPOOL, 'Reserves falling three years running');
    await agreeOutcome(store.sql, secondCase, 'support_package');
    const lead = new HttpBrowser(server.base);
    await lead.signIn(world.lead.email);
    assert.equal((await lead.json('POST', `/api/cases/${world.caseId}/package`, packageBody())).status, 201);
    const meeting = await lead.json('POST', '/api/panel/meetings', { heldOn: '2026-03-20', title: 'Panel, March 2026' });
    meetingId = ((await meeting.json()) as { id: number }).id;
    const agenda = (await (await lead.json('POST', `/api/panel/meetings/${meetingId}/agenda`, {})).json()) as { agenda: { id: number }[] };
    await lead.json('POST', `/api/panel/meetings/${meetingId}/decisions`, { agendaItem: agenda.agenda[0]!.id, decision: 'The mentor reports to the next meeting.' });
    await lead.json('POST', `/api/panel/meetings/${meetingId}/actions`, { action: 'Report on the leisure partnership', actionBy: 'Dennis Skinner', dueOn: '2026-05-01' });
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
    it(`shows the package, the meetings and a meeting at ${viewport.width} px`, async () => {
      const context = await browser.newContext({ viewport });
      const { page, problems } = await openPage(context);
      try {
        await signIn(page, server.base, world.lead.email);
        await page.goto(`${server.base}/cases/${world.caseId}/package`);
        assert.match((await page.locator('main').textContent()) ?? '', /Activity plan agreed by cabinet/);
        assert.match((await page.locator('.lantern-metric-progress').first().textContent()) ?? '', /Moved as agreed/);
        await checkPage(page, `support-package-${width}`);
        await page.goto(`${server.base}/panel/meetings`);
        await page.getByRole('link', { name: 'Panel, March 2026' }).click();
        await page.waitForURL(`**/panel/meetings/${meetingId}`);
        assert.match((await page.locator('#actions').textContent()) ?? '', /Dennis Skinner/);
        assert.match((await page.locator('main').textContent()) ?? '', /Decision: The mentor reports to the next meeting\./);
        await checkPage(page, `support-meeting-${width}`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }

  it('agrees a package through its form on a phone: refused naming the field, every value kept, then agreed', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const { page, problems } = await openPage(context);
    try {
      await signIn(page, server.base, world.lead.email);
      await page.goto(`${server.base}/cases/${secondCase}/package/new`);
      await page.fill('#objectives', 'Rebuild reserves\nA medium-term financial plan');
      await page.fill('#provider-1-name', 'A finance peer');
      await page.selectOption('#provider-1-kind', 'peer');
      await page.fill('#milestone-1-title', 'Medium-term plan agreed');
      await page.fill('#milestone-1-owner', 'Section 151 officer');
      await page.fill('#milestone-1-dueOn', '2027-06-30');
      await page.getByRole('button', { name: 'Agree a support package' }).click();
      const summary = (await page.locator('.govuk-error-summary').textContent()) ?? '';
      assert.match(summary, /A package without metrics cannot show that it worked/);
      assert.equal(await page.locator('.govuk-error-summary a').first().getAttribute('href'), '#metric-1-metric');
      assert.equal(await page.inputValue('#milestone-1-owner'), 'Section 151 officer', 'what was typed is kept');
      await checkPage(page, 'support-package-refused-phone');

      await page.fill('#metric-1-metric', ACTIVE);
      await page.fill('#metric-1-baselinePeriod', '2019/20');
      await page.fill('#metric-1-baselineValue', '70');
      await page.fill('#metric-1-byPeriod', '2022/23');
      await page.getByRole('button', { name: 'Agree a support package' }).click();
      await page.waitForURL(`**/cases/${secondCase}/package`);
      assert.match((await page.locator('main').textContent()) ?? '', /Medium-term plan agreed/);
      // The refused form answers 400, which Chromium logs as a failed load: that is the refusal, not a fault.
      assert.deepEqual(
        problems.filter((p) => !/status of 400/.test(p)),
        [],
      );
    } finally {
      await context.close();
    }
  });

  it("reads the package to the council's officer, offering no change", async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const { page } = await openPage(context);
    try {
      await signIn(page, server.base, world.officer.email);
      await page.goto(`${server.base}/cases/${world.caseId}/package`);
      assert.match((await page.locator('h1').textContent()) ?? '', /Support package/);
      assert.equal(await page.getByRole('link', { name: 'Change the package' }).count(), 0);
      assert.equal(await page.getByRole('button', { name: /Mark .* met today/ }).count(), 0);
      await checkPage(page, 'support-package-council-desktop');
    } finally {
      await context.close();
    }
  });
});

async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', TEST_PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form button')]);
}
