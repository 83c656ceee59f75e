// GOV.UK Frontend's radios and checkboxes, started by Lantern's script in a
// real Chromium under the page's Content-Security-Policy: choosing a radio
// with a conditional reveal opens it (and closes the other), and the page
// records no console error, which is where a refused script would show.
// The choices keep aria-controls but not GOV.UK's aria-expanded, which ARIA
// does not allow on a radio and axe refuses. Without scripts the same form
// shows every reveal, as GOV.UK's styles do.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { organisation, TEST_PASSWORD, user } from '../support/access.ts';
import { checkPage, DESKTOP, launchBrowser, openPage } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const OFFICER = 'officer@durham.example';

describe("GOV.UK's conditional reveals", () => {
  let store: TestStore;
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    store = await openTestStore();
    server = await startTestServer(store);
    const council = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    await user(store.sql, OFFICER, 'performance_officer', council.id, 'Pat Officer');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  it('opens the chosen radio’s reveal and closes the other, with no script refused', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const { page, problems } = await openPage(context);
    try {
      await signIn(page, server.base);
      const answer = await page.goto(`${server.base}/returns/new`);
      assert.match(answer!.headers()['content-security-policy'] ?? '', /script-src 'self'/);
      const months = page.getByLabel('A number of months after the period ends');
      const days = page.getByLabel('A number of working days after the period ends');
      await page.waitForFunction(() => document.querySelector('[data-module="govuk-radios"]')?.hasAttribute('data-govuk-radios-init'));
      assert.equal(await days.isChecked(), true);
      assert.equal(await page.locator('#months').isVisible(), false, 'the unchosen reveal starts closed');
      assert.equal(await page.locator('#days').isVisible(), true);
      assert.equal(await days.getAttribute('aria-controls'), 'conditional-dueKind');
      assert.equal(await days.getAttribute('aria-expanded'), null);

      await months.check();
      await page.locator('#months').waitFor({ state: 'visible' });
      assert.equal(await page.locator('#days').isVisible(), false, 'choosing the other radio closes the first reveal');
      assert.equal(await months.getAttribute('aria-expanded'), null, 'the attribute GOV.UK sets on a choice is taken off again');
      assert.equal(await days.getAttribute('aria-expanded'), null);
      await page.fill('#months', '2');

      await days.check();
      await page.locator('#days').waitFor({ state: 'visible' });
      assert.equal(await page.locator('#months').isVisible(), false);
      await checkPage(page, 'conditional-reveal-desktop');
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
    }
  });

  it('shows every reveal to a browser that runs no scripts, so the form still works', async () => {
    const context = await browser.newContext({ viewport: DESKTOP, javaScriptEnabled: false });
    const { page } = await openPage(context);
    try {
      await signIn(page, server.base);
      await page.goto(`${server.base}/returns/new`);
      assert.equal(await page.locator('#months').isVisible(), true);
      assert.equal(await page.locator('#days').isVisible(), true);
    } finally {
      await context.close();
    }
  });

  it("serves GOV.UK's script under the version Lantern's script imports it by", async () => {
    const script = await (await fetch(`${server.base}/assets/lantern.js`)).text();
    const imported = /from '\.\/(govuk-frontend\.min\.js\?v=[0-9a-f]{12})'/.exec(script)?.[1];
    assert.ok(imported, "Lantern's script imports GOV.UK's under a version");
    const answer = await fetch(`${server.base}/assets/${imported}`);
    assert.equal(answer.status, 200);
    assert.match(answer.headers.get('content-type') ?? '', /javascript/);
    assert.match(answer.headers.get('cache-control') ?? '', /immutable/);
    assert.match(await answer.text(), /createAll/);
  });
});

async function signIn(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.fill('input[name="email"]', OFFICER);
  await page.fill('input[name="password"]', TEST_PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form button')]);
}
