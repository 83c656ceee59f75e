// "Your reminders" in a real Chromium, at a phone's width and a desk's: the
// lead adviser finds the count of their unread reminders on the home page,
// opens them from their account page, reads what is overdue (a step whose
// owner is not a user, said so, and a Panel action) and a peer challenge's
// report falling due in a fortnight, follows nothing off the screen, marks
// one read and finds it under "Read". Nothing wider than the screen, nothing
// axe finds, no console error.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { sendReminders } from '../../src/jobs/reminders.ts';
import { TEST_PASSWORD } from '../support/access.ts';
import { checkPage, DESKTOP, launchBrowser, openPage, PHONE } from '../support/browser.ts';
import { nextStep, panelAction, reminderWorld, type ReminderWorld } from '../support/reminder-world.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

describe('your reminders, in a browser', () => {
  let store: TestStore;
  let server: TestServer;
  let world: ReminderWorld;
  let browser: Browser;

  before(async () => {
    store = await openTestStore();
    world = await reminderWorld(store.sql, 'browser');
    for (const [action, due] of [
      ['Publish the improvement plan and send it to the Panel secretariat', '2027-06-01'],
      ['Agree the terms of reference of the finance review', '2027-06-03'],
    ] as const) {
      await nextStep(store.sql, world.caseId, { action, due, owner: null, ownerName: 'Kim Leader (council leader)' });
    }
    await panelAction(store.sql, world.adviser.organisationId, world.caseId, 'Report progress on the recovery plan', '2027-06-02', world.adviser);
    await sendReminders(store.sql, { mailer: null, clock: () => new Date('2027-06-10T08:00:00Z'), log: () => {} });
    // A peer challenge's report due in a fortnight, as the job records it for the people it tells.
    const [challenge] = await store.sql<{ id: number }[]>`
      insert into peer_challenge (area_code, kind, stage, enquired_on, on_site) values ('E08000016', 'corporate', 'feedback', '2026-09-01', '[2027-03-20,2027-03-24)') returning id`;
    await store.sql`
      insert into reminder (kind, thing_id, peer_challenge_id, moment, due_on, user_id, subject, area_code, reminded_on)
      values ('peer_report', ${challenge!.id}, ${challenge!.id}, 'fortnight_before', '2027-06-23', ${world.adviser.id},
        'Corporate peer challenge of Barnsley, on site 20 March 2027 to 23 March 2027', 'E08000016', '2027-06-09')`;
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
    it(`shows the adviser's reminders and marks one read at ${viewport.width} px`, async () => {
      const context = await browser.newContext({ viewport });
      const { page, problems } = await openPage(context);
      try {
        await page.goto(`${server.base}/sign-in`);
        await page.fill('input[name="email"]', world.adviser.email);
        await page.fill('input[name="password"]', TEST_PASSWORD);
        await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form button')]);
        await page.goto(`${server.base}/`);
        assert.match((await page.locator('.govuk-inset-text').textContent()) ?? '', /Reminders not yet read: 4\./);
        await checkPage(page, `home-reminders-${width}`);
        await page.goto(`${server.base}/account`);
        await Promise.all([page.waitForURL('**/reminders'), page.getByRole('link', { name: 'Your reminders' }).click()]);
        assert.equal(await page.getByRole('heading', { level: 1 }).textContent(), 'Your reminders');
        const items = await page.locator('.lantern-reminder').allTextContents();
        assert.ok(
          items.some((t) => t.includes('Publish the improvement plan') && t.includes('Owned by Kim Leader (council leader)')),
          items.join('\n'),
        );
        assert.ok(items.some((t) => t.includes('Panel action for Barnsley') && t.includes('Due 2 June 2027')));
        assert.ok(items.some((t) => t.includes('Peer challenge report for Barnsley') && t.includes("Due 23 June 2027: a fortnight's notice")));
        await checkPage(page, `reminders-${width}`);

        const unread = await page.locator('.lantern-reminder').count();
        await page.getByRole('button', { name: /^Mark as read: Report progress/ }).click();
        await page.waitForURL(`**/reminders`);
        assert.equal(await page.getByRole('button', { name: /^Mark as read/ }).count(), unread - 1);
        assert.match((await page.locator('ul[aria-labelledby="read"]').textContent()) ?? '', /Report progress on the recovery plan/);
        await checkPage(page, `reminders-read-${width}`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
        // The next width starts with the action unread again.
        await store.sql`update reminder set read_at = null`;
      }
    });
  }
});
