// A council's return in a real Chromium at a phone's width and a desk's: the
// officer adds a return of a library metric on its form, enters values (one
// refused, named beside its field), and reads them beside the published
// series, the council's own values drawn as their own line named
// provisional. Nothing wider than the screen, no chart text under 12 px,
// nothing axe finds.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { parsePeriod, stepPeriod } from '../../src/domain/period/index.ts';
import { organisation, TEST_PASSWORD, user } from '../support/access.ts';
import { checkPage, DESKTOP, launchBrowser, openPage, PHONE } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const OFFICER = 'officer@durham.example';

describe('return pages, as a council officer uses them', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: Browser;
  let metrics: { code: string; next: string }[];

  before(async () => {
    store = await openDemoStore();
    server = await startTestServer(store);
    const council = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    await user(store.sql, OFFICER, 'performance_officer', council.id, 'Pat Officer');
    metrics = yearlyMetrics(server, 2);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  for (const [width, viewport, which] of [
    ['phone', PHONE, 0],
    ['desktop', DESKTOP, 1],
  ] as const) {
    it(`adds a return, enters values and reads them beside the published series at ${viewport.width} px`, async () => {
      const metric = metrics[which]!;
      const context = await browser.newContext({ viewport });
      const { page, problems } = await openPage(context);
      try {
        await signIn(page, server.base);
        await page.goto(`${server.base}/returns`);
        await checkPage(page, `returns-calendar-${width}`, { chartText: true });
        await page.getByRole('link', { name: 'Add a return' }).click();
        await page.fill('#metric', metric.code);
        await page.getByLabel('Each financial year').check();
        await page.fill('#firstPeriod', metric.next);
        await checkPage(page, `returns-new-${width}`, { chartText: true });
        await Promise.all([page.waitForURL(/\/returns\/\d+$/), page.getByRole('button', { name: 'Add the return' }).click()]);

        await page.fill('#value-0', '12.345');
        await page.getByRole('button', { name: 'Save the values' }).click();
        const summary = (await page.locator('.govuk-error-summary').textContent()) ?? '';
        assert.match(summary, new RegExp(`The value for ${escaped(metric.next)} 12.345 has more than two decimal places`));
        await checkPage(page, `returns-refused-${width}`, { chartText: true });

        await page.fill('#value-0', '12.5');
        await page.fill('#note-0', 'Early sight from the quarterly returns');
        await Promise.all([page.waitForURL(/\/returns\/\d+$/), page.getByRole('button', { name: 'Save the values' }).click()]);
        assert.match((await page.locator('#periods').textContent()) ?? '', /12\.5\s*Provisional/);
        assert.equal(await page.locator('figure svg').count(), 1, 'a chart of the published series beside the held values');
        assert.match((await page.locator('figure svg').textContent()) ?? '', /provisional until released/);
        await checkPage(page, `returns-return-${width}`, { chartText: true });
        assert.deepEqual(unexpected(problems), []);
      } finally {
        await context.close();
      }
    });
  }

  it('defines a local metric on a phone, each refusal named by its label', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const { page, problems } = await openPage(context);
    try {
      await signIn(page, server.base);
      await page.goto(`${server.base}/returns/local-metrics/new`);
      await page.getByRole('button', { name: 'Define the metric' }).click();
      const summary = (await page.locator('.govuk-error-summary').textContent()) ?? '';
      for (const words of ['Title is required', 'Definition is required', 'Which way is better is required', 'Kind of value is required', 'How often is required'])
        assert.match(summary, new RegExp(words));
      await checkPage(page, 'returns-local-metric-refused-phone', { chartText: true });
      await page.fill('#title', 'Missed bins');
      await page.fill('#definition', 'Collections reported missed in the month');
      await page.getByLabel('Lower is better').check();
      await page.getByLabel('A count').check();
      await page.getByLabel('Monthly').check();
      await Promise.all([page.waitForURL(/\/returns\/new\?metric=/), page.getByRole('button', { name: 'Define the metric' }).click()]);
      assert.equal(await page.inputValue('#metric'), 'local-e06000047-missed-bins');
      assert.deepEqual(unexpected(problems), []);
    } finally {
      await context.close();
    }
  });
});

/** The console's problems, less the 400 a refused form is answered with: that refusal is the point. */
function unexpected(problems: readonly string[]): string[] {
  return problems.filter((p) => !/status of 400 \(Bad Request\)/.test(p));
}

async function signIn(page: Page, base: string): Promise<void> {
  await page.goto(`${base}/sign-in`);
  await page.fill('input[name="email"]', OFFICER);
  await page.fill('input[name="password"]', TEST_PASSWORD);
  await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form button')]);
}

/** Published yearly metrics the demo holds for Durham, each with the year after its latest, begun by today: the first held period. */
function yearlyMetrics(server: TestServer, count: number): { code: string; next: string }[] {
  const found: { code: string; next: string }[] = [];
  for (const series of server.engine.index.metricsByTitle()) {
    if (series.metric.status !== 'published' || series.metric.periodKind !== 'financial_year' || series.metric.valueKind === 'index') continue;
    const area = server.engine.index.areaNumber(DURHAM)!;
    const held = series.slices.filter((s) => s.position(area) >= 0 && s.value(s.position(area)) !== null && s.value(s.position(area))! >= 0);
    if (held.length < 3) continue;
    const latest = parsePeriod(held[held.length - 1]!.period);
    const next = latest.kind === 'ok' ? stepPeriod(latest.period, 1) : undefined;
    if (next && next.start <= new Date().toISOString().slice(0, 10)) found.push({ code: series.metric.code, next: next.label });
    if (found.length === count) return found;
  }
  throw new Error(`the demo holds fewer than ${count} yearly metrics for Durham`);
}

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
