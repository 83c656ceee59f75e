// Mentoring in a real Chromium at a phone's width and a desk's: a peer
// challenge manager arranges mentoring on its form (refused first: an end
// before the start and a conflicted mentor, each named, what was typed
// kept), the mentor records a session with its notes, the mentee reads them
// and closes the mentoring with a review; the manager's page of the
// arrangement shows the days but never the notes. Every page held to
// checkPage: nothing wider than the screen, nothing axe finds.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { addPeer } from '../../src/store/peer-pool.ts';
import { organisation, TEST_PASSWORD, user } from '../support/access.ts';
import { checkPage, DESKTOP, launchBrowser, openPage, PHONE } from '../support/browser.ts';
import { seedCatalogue } from '../support/import.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';
const MANAGER = 'peers@sector.example';
const MENTOR = 'mentor@hartlepool.example';
const MENTEE = 'chief@durham.example';
const NOTE = 'We agreed a first draft of the senior structure';

describe('mentoring pages, as a manager, a mentor and a mentee use them', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: Browser;
  let menteeId: number;
  const peers: Record<string, number> = {};

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    const sector = await organisation(store.sql, 'Sector improvement body', 'sector_body');
    const durham = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    const hartlepool = await organisation(store.sql, 'Hartlepool Borough Council', 'council', HARTLEPOOL);
    await user(store.sql, MANAGER, 'peer_challenge_manager', sector.id, 'Sam Manager');
    const mentor = await user(store.sql, MENTOR, 'performance_officer', hartlepool.id, 'Morgan Mentor');
    menteeId = (await user(store.sql, MENTEE, 'council_member', durham.id, 'Casey Chief')).id;
    for (const [name, council, userId] of [
      ['Morgan Mentor', HARTLEPOOL, mentor.id],
      ['Dana Durham', DURHAM, null],
    ] as const) {
      const added = await addPeer(store.sql, { name, role: 'chief_executive', party: null, councilCode: council, skills: [], sectorExperience: ['unitary'], unavailable: [], userId }, null);
      assert.ok(added.kind === 'ok');
      peers[name] = added.id;
    }
    server = await startTestServer(store);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  for (const [width, viewport, role] of [
    ['phone', PHONE, 'Chief executive'],
    ['desktop', DESKTOP, 'Leader of the council'],
  ] as const) {
    it(`arranges mentoring, records a session and closes it at ${viewport.width} px`, async () => {
      const context = await browser.newContext({ viewport });
      const { page, problems } = await openPage(context);
      try {
        await signIn(page, server.base, MANAGER);
        await page.goto(`${server.base}/mentoring`);
        await checkPage(page, `mentoring-list-${width}`);
        await page.getByRole('link', { name: 'Arrange mentoring' }).click();
        await page.selectOption('#mentor', String(peers['Dana Durham']));
        await page.fill('#menteeName', `Casey Chief (${width})`);
        await page.getByLabel(role).check();
        await page.fill('#council', DURHAM);
        await page.fill('#menteeUser', String(menteeId));
        await page.fill('#objectives', 'Settle the senior team\nA plan members own');
        await page.fill('#startOn', '2026-03-01');
        await page.fill('#endOn', '2026-02-01');
        await page.getByRole('button', { name: 'Arrange the mentoring' }).click();
        const summary = (await page.locator('.govuk-error-summary').textContent()) ?? '';
        assert.match(summary, /Mentor: Dana Durham serves County Durham/);
        assert.match(summary, /Last day: the last day \(2026-02-01\) is before the first/);
        assert.equal(await page.inputValue('#objectives'), 'Settle the senior team\nA plan members own', 'what was typed is kept');
        await checkPage(page, `mentoring-new-refused-${width}`);
        await page.selectOption('#mentor', String(peers['Morgan Mentor']));
        await page.fill('#endOn', '2026-08-28');
        await Promise.all([page.waitForURL(/\/mentoring\/\d+$/), page.getByRole('button', { name: 'Arrange the mentoring' }).click()]);
        const address = page.url();
        await checkPage(page, `mentoring-arrangement-${width}`);

        await context.clearCookies();
        await signIn(page, server.base, MENTOR);
        await page.goto(address);
        await page.getByRole('link', { name: 'Record a session' }).click();
        await page.fill('#heldOn', '2026-03-10');
        await page.fill('#minutes', 'an hour');
        await page.fill('#notes', NOTE);
        await page.getByRole('button', { name: 'Record the session' }).click();
        assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /Length in minutes: give the length in whole minutes/);
        assert.equal(await page.inputValue('#notes'), NOTE);
        await checkPage(page, `mentoring-session-refused-${width}`);
        await page.fill('#minutes', '75');
        await page.fill('#objective-1', 'Two directors appointed');
        await Promise.all([page.waitForURL(/\/mentoring\/\d+$/), page.getByRole('button', { name: 'Record the session' }).click()]);
        assert.match((await page.locator('main').textContent()) ?? '', new RegExp(NOTE));

        await context.clearCookies();
        await signIn(page, server.base, MENTEE);
        await page.goto(address);
        assert.match((await page.locator('main').textContent()) ?? '', /Two directors appointed/);
        await page.getByRole('link', { name: 'Close the mentoring with your review' }).click();
        await page.getByRole('button', { name: 'Close the mentoring' }).click();
        assert.match((await page.locator('.govuk-error-summary').textContent()) ?? '', /Was it helpful: say whether/);
        await checkPage(page, `mentoring-review-refused-${width}`);
        await page.getByLabel('Partly').check();
        await page.fill('#whatChanged', 'A senior team in post');
        await Promise.all([page.waitForURL(/\/mentoring\/\d+$/), page.getByRole('button', { name: 'Close the mentoring' }).click()]);
        await checkPage(page, `mentoring-closed-${width}`);

        await context.clearCookies();
        await signIn(page, server.base, MANAGER);
        await page.goto(address);
        const seen = (await page.locator('main').textContent()) ?? '';
        assert.match(seen, /75 minutes/);
        assert.doesNotMatch(seen, new RegExp(`${NOTE}|Two directors appointed`), 'the manager never reads the pair’s notes');
        assert.deepEqual(
          problems.filter((p) => !/status of 400 \(Bad Request\)/.test(p)),
          [],
        );
      } finally {
        await context.close();
      }
    });
  }
});

async function signIn(page: Page, base: string, email: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.fill('input[name="email"]', email);
  await page.fill('input[name="password"]', TEST_PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form button')]);
}
