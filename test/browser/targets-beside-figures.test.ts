// Targets beside the figures, in a real Chromium at a phone's width and a
// desk's: County Durham's page shows its target-status tile and its targets,
// each linked to its page with its rating in words and its rule's words
// beside it, and a published report's targets section shows the same,
// frozen. Nothing wider than the screen, nothing axe finds, no console error.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { createDemoAccess } from '../../src/server/features/admin/demo-access.ts';
import { createDemoAgreement } from '../../src/server/features/targets/demo-agreement.ts';
import { Browser as HttpBrowser, organisation, user } from '../support/access.ts';
import { checkPage, DESKTOP, launchBrowser, openPage, SCREENSHOTS } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
/** A phone as wide as most sold now. */
const PHONE = { width: 390, height: 844 } as const;

describe('targets on the area page and in a published report, in a browser', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: Browser;
  let published: string;

  before(async () => {
    store = await openDemoStore();
    await createDemoAccess(store.sql, 'a long demo passphrase 7', () => {});
    assert.ok(await createDemoAgreement(store.sql, () => {}));
    server = await startTestServer(store);
    const durham = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    await user(store.sql, 'officer@durham.example', 'performance_officer', durham.id, 'Pat Officer');
    const officer = new HttpBrowser(server.base);
    await officer.signIn('officer@durham.example');
    const made = await officer.fetch('/reports', {
      method: 'POST',
      body: new URLSearchParams({
        _csrf: officer.csrfToken,
        title: 'How County Durham is doing on its plan',
        areas: 'County Durham',
        group: 'region',
        notes: '',
        do: 'save',
        sections: '1',
        section_title_0: 'Targets in the council plan',
        section_chart_0: 'targets',
      }),
    });
    assert.equal(made.status, 303);
    const publishing = await officer.fetch(`${made.headers.get('location')}/publish`, { method: 'POST', body: new URLSearchParams({ _csrf: officer.csrfToken }) });
    assert.equal(publishing.status, 303);
    published = publishing.headers.get('location')!;
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
    it(`shows the targets and their rules at ${viewport.width} px`, async () => {
      const context = await browser.newContext({ viewport });
      const { page, problems } = await openPage(context);
      try {
        await page.goto(`${server.base}/areas/${DURHAM}`);
        const targets = page.locator('.lantern-target-table tbody tr');
        assert.equal(await targets.count(), 4);
        assert.match((await targets.nth(1).textContent()) ?? '', /PH 2:[\s\S]*Red[\s\S]*Rule: Green: on or within/);
        assert.ok(await page.getByRole('heading', { name: 'Targets agreed for County Durham' }).isVisible());
        await checkPage(page, `targets-area-${width}`);
        // The page is long: its targets, as a reader scrolled to them sees them.
        await page.locator('#targets').scrollIntoViewIfNeeded();
        await page.screenshot({ path: path.join(SCREENSHOTS, `targets-area-${width}-targets.png`) });
        await page.locator('.lantern-target-table').screenshot({ path: path.join(SCREENSHOTS, `targets-area-${width}-table.png`) });
        await page.getByRole('link', { name: /^PH 2: / }).click();
        await page.waitForURL(/\/agreements\/\d+\/targets\/\d+$/);

        await page.goto(`${server.base}${published}`);
        assert.ok(await page.getByRole('heading', { name: 'County Durham: 4 targets: 2 green, 1 amber, 1 red, 0 not rated' }).isVisible());
        assert.equal(await page.locator('.lantern-target-table tbody tr').count(), 4);
        await checkPage(page, `targets-report-${width}`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});
