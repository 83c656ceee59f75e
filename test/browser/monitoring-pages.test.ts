// Monitoring's pages as the public reads them, in a real Chromium at a
// phone's width (390 px) and a desk's: from the monitoring page to one
// measure's targets across areas, problems first, every rating beside the
// words of its rule; from an agreement to a partner's page. Nothing wider
// than the screen, nothing axe finds; a council's draft stays unseen.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { parsePeriod, stepPeriod } from '../../src/domain/period/index.ts';
import { Browser as HttpBrowser, organisation, user } from '../support/access.ts';
import { checkPage, DESKTOP, launchBrowser, openPage } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';
const PHONE_390 = { width: 390, height: 844 } as const;
const BAND_ORDER = ['Red', 'Amber', 'Green'];

describe("monitoring's pages, as the public reads them", () => {
  let store: TestStore;
  let server: TestServer;
  let browser: Browser;
  let durhamPlan: number;
  let metric: { code: string; title: string; years: string[] };

  before(async () => {
    store = await openDemoStore();
    server = await startTestServer(store);
    metric = yearlyMetric(server);
    const durham = await officer('Durham County Council', DURHAM, 'officer@durham.example');
    const hartlepool = await officer('Hartlepool Borough Council', HARTLEPOOL, 'officer@hartlepool.example');
    // Durham's target asks for far more than its figures show (off track); Hartlepool's asks for what it holds.
    durhamPlan = await plan(durham.browser, 'Durham council plan', DURHAM, [
      { kind: 'council', name: 'Durham County Council', organisation: durham.id },
      { kind: 'health', name: 'County Durham PCT' },
    ]);
    await target(durham.browser, durhamPlan, DURHAM, 0.5, 'County Durham PCT');
    await signOff(durham.browser, durhamPlan);
    const hartlepoolPlan = await plan(hartlepool.browser, 'Hartlepool council plan', HARTLEPOOL, [{ kind: 'council', name: 'Hartlepool Borough Council' }]);
    await target(hartlepool.browser, hartlepoolPlan, HARTLEPOOL, 1, 'Hartlepool Borough Council');
    await signOff(hartlepool.browser, hartlepoolPlan);
    const draft = await plan(hartlepool.browser, 'Hartlepool draft plan', HARTLEPOOL, [{ kind: 'council', name: 'Hartlepool Borough Council' }]);
    await target(hartlepool.browser, draft, HARTLEPOOL, 0.8, 'Hartlepool Borough Council');
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  async function officer(name: string, area: string, email: string) {
    const council = await organisation(store.sql, name, 'council', area);
    await user(store.sql, email, 'performance_officer', council.id);
    const signedIn = new HttpBrowser(server.base);
    await signedIn.signIn(email);
    return { id: council.id, browser: signedIn };
  }

  async function plan(as: HttpBrowser, title: string, area: string, partners: object[]): Promise<number> {
    const [first, , third] = metric.years;
    return made(await as.json('POST', '/api/agreements', { kind: 'council_plan', title, firstYear: nextYear(first!), lastYear: third!, areas: [area], partners }));
  }

  /** A target from the first year's actual to `factor` times better by the third year. */
  async function target(as: HttpBrowser, agreementId: number, area: string, factor: number, leadPartner: string): Promise<void> {
    const [first, , third] = metric.years;
    const series = server.engine.index.metric(metric.code)!;
    const slice = series.slice(first!)!;
    const value = slice.value(slice.position(server.engine.index.areaNumber(area)!))!;
    const better = series.metric.polarity === 'lower_is_better' ? value * (2 - 1 / factor) : value / factor;
    await made(
      await as.json('POST', `/api/agreements/${agreementId}/targets`, {
        reference: 'CP 1',
        metric: metric.code,
        kind: 'local',
        baseline: { period: first, value },
        targetPeriod: third,
        targetValue: Number(better.toFixed(1)),
        leadPartner,
        toleranceRule: { kind: 'relative', version: 1, greenWithinPercent: 5, amberWithinPercent: 10, amberIfImproved: false },
      }),
    );
  }

  for (const [width, viewport] of [
    ['phone', PHONE_390],
    ['desktop', DESKTOP],
  ] as const) {
    it(`leads from monitoring to a measure's targets and to a partner's, at ${viewport.width} px`, async () => {
      const context = await browser.newContext({ viewport });
      const { page, problems } = await openPage(context);
      try {
        await page.goto(`${server.base}/agreements`);
        await page.getByRole('link', { name: metric.title }).click();
        await page.waitForURL(`**/agreements/metrics/${metric.code}`);
        const rows = page.locator('.lantern-target-lines tbody tr');
        assert.equal(await rows.count(), 2, 'the two signed-off plans, and not the draft');
        assert.equal(await page.getByText('Hartlepool draft plan').count(), 0);
        const tags = (await page.locator('.lantern-target-lines .govuk-tag').allTextContents()).map((t) => t.trim());
        const order = tags.map((t) => (BAND_ORDER.includes(t) ? BAND_ORDER.indexOf(t) : BAND_ORDER.length));
        assert.deepEqual(order, [...order].sort(), `problems first: ${tags.join(', ')}`);
        assert.equal(await page.locator('.lantern-target-lines .lantern-rule').count(), 2, 'each rating with its rule');
        assert.match((await page.locator('.lantern-target-lines .lantern-rule').first().textContent()) ?? '', /Rule: Green: on or within 5%/);
        await checkPage(page, `monitoring-metric-${width}`);

        await page.goto(`${server.base}/agreements/${durhamPlan}`);
        await page.getByRole('link', { name: 'County Durham PCT' }).click();
        await page.waitForURL('**/agreements/partners/*');
        assert.match((await page.locator('h1').textContent()) ?? '', /County Durham PCT/);
        assert.equal(await page.locator('.lantern-target-lines tbody tr').count(), 1, 'the target the PCT leads');
        assert.match((await page.locator('.lantern-target-lines tbody tr').textContent()) ?? '', /Leads/);
        await checkPage(page, `monitoring-partner-${width}`);
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }
});

async function made(response: Response): Promise<number> {
  const body = (await response.json()) as { id: number };
  assert.equal(response.status, 201, JSON.stringify(body));
  return body.id;
}

async function signOff(as: HttpBrowser, id: number): Promise<void> {
  const { revision } = (await (await as.json('GET', `/api/agreements/${id}`)).json()) as { revision: number };
  const signed = await as.json('POST', `/api/agreements/${id}/sign-off`, { revision });
  assert.equal(signed.status, 200, await signed.text());
}

/** A yearly metric the demo holds for Durham and Hartlepool over at least three years: its first year is the baseline. */
function yearlyMetric(server: TestServer): { code: string; title: string; years: string[] } {
  const index = server.engine.index;
  const councils = [DURHAM, HARTLEPOOL].map((code) => index.areaNumber(code)!);
  for (const series of index.metricsByTitle()) {
    if (series.metric.polarity === 'neutral' || series.metric.status !== 'published') continue;
    const years = series.slices.filter((s) => isYear(s.period) && councils.every((c) => s.position(c) >= 0 && s.value(s.position(c)) !== null)).map((s) => s.period);
    if (years.length >= 3) return { code: series.metric.code, title: series.metric.title, years: years.slice(-3) };
  }
  throw new Error('the demo holds no yearly metric for Durham and Hartlepool over three years');
}

function nextYear(label: string): string {
  const parsed = parsePeriod(label);
  assert.equal(parsed.kind, 'ok');
  return stepPeriod(parsed.kind === 'ok' ? parsed.period : (undefined as never), 1)!.label;
}

function isYear(label: string): boolean {
  const parsed = parsePeriod(label);
  return parsed.kind === 'ok' && (parsed.period.kind === 'financial_year' || parsed.period.kind === 'calendar_year');
}
