// Agreements and targets as the public reads them, in a real Chromium at a
// phone's width and a desk's: a signed-off agreement is listed with its
// targets counted by rating, its page gives every rating beside the words of
// its rule, and a target's page draws the council's figures against the
// agreed trajectory, with the same figures as a table. Nothing wider than the
// screen, no chart text under 12 px, nothing axe finds; a draft stays unseen.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { parsePeriod, stepPeriod } from '../../src/domain/period/index.ts';
import { Browser as HttpBrowser, organisation, TEST_PASSWORD, user } from '../support/access.ts';
import { checkPage, DESKTOP, launchBrowser, openPage, PHONE } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const OFFICER = 'officer@durham.example';

describe('agreement and target pages, as the public reads them', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: Browser;
  let agreementId: number;
  let targetId: number;
  let draftId: number;
  let metricTitle: string;

  before(async () => {
    store = await openDemoStore();
    server = await startTestServer(store);
    const council = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    await user(store.sql, OFFICER, 'performance_officer', council.id, 'Pat Officer');
    const officer = new HttpBrowser(server.base);
    await officer.signIn(OFFICER);
    // A yearly metric the demo holds for Durham over at least three years: its first year is the baseline.
    const { code, title, years } = yearlyMetric(server);
    metricTitle = title;
    const [first, , third] = years;
    const agreement = {
      kind: 'council_plan',
      title: 'Durham council plan',
      firstYear: nextYear(first!), // the plan runs from the year after the baseline to the target's
      lastYear: third!,
      areas: [DURHAM],
      partners: [{ kind: 'council', name: 'Durham County Council' }],
    };
    agreementId = await made(await officer.json('POST', '/api/agreements', agreement));
    draftId = await made(await officer.json('POST', '/api/agreements', { ...agreement, title: 'Durham draft plan' }));
    const baseline = server.engine.index.metric(code)!.slice(first!)!;
    const value = baseline.value(baseline.position(server.engine.index.areaNumber(DURHAM)!))!;
    const better = server.engine.index.metric(code)!.metric.polarity === 'lower_is_better' ? value * 0.9 : value * 1.1;
    const target = {
      reference: 'CP 1',
      metric: code,
      kind: 'local',
      baseline: { period: first, value },
      targetPeriod: third,
      targetValue: Number(better.toFixed(1)),
      leadPartner: 'Durham County Council',
      toleranceRule: { kind: 'relative', version: 1, greenWithinPercent: 5, amberWithinPercent: 10, amberIfImproved: false },
    };
    targetId = await made(await officer.json('POST', `/api/agreements/${agreementId}/targets`, target));
    // The partners judge it unlikely though the figures say green: the page shows both, never one over the other.
    const review = await officer.json('POST', `/api/agreements/${agreementId}/targets/${targetId}/reviews`, {
      reviewedOn: '2024-03-31',
      likelihood: 'red',
      narrative: 'The school dental programme lost its funding in March.',
    });
    assert.equal(review.status, 201, await review.text());
    const signed = await officer.json('POST', `/api/agreements/${agreementId}/sign-off`, { revision: await revisionOf(officer, agreementId) });
    assert.equal(signed.status, 200, await signed.text());
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
    it(`lists, opens and charts a signed-off agreement's target at ${viewport.width} px`, async () => {
      const context = await browser.newContext({ viewport });
      const { page, problems } = await openPage(context);
      try {
        await page.goto(`${server.base}/agreements`);
        assert.ok(await page.getByRole('link', { name: 'Durham council plan' }).isVisible());
        assert.equal(await page.getByRole('link', { name: 'Durham draft plan' }).count(), 0, "the public does not see a council's draft");
        await checkPage(page, `targets-monitoring-${width}`, { chartText: true });

        await page.getByRole('link', { name: 'Durham council plan' }).click();
        await page.waitForURL(`**/agreements/${agreementId}`);
        const ratings = await page.locator('.lantern-ratings li').count();
        assert.ok(ratings > 0, 'the target has a rating line for Durham');
        assert.match((await page.locator('.lantern-ratings li').first().textContent()) ?? '', /County Durham, \S+: [\d.]+ against [\d.]+ on the trajectory/);
        assert.equal(await page.locator('.lantern-rule').count(), 1, 'one target, its rule written once beside its ratings');
        assert.match((await page.locator('.lantern-rule').textContent()) ?? '', /5%/);
        await checkPage(page, `targets-agreement-${width}`, { chartText: true });

        await page.getByRole('link', { name: new RegExp(`CP 1: ${escaped(metricTitle)}`) }).click();
        await page.waitForURL(`**/agreements/${agreementId}/targets/${targetId}`);
        assert.equal(await page.locator('figure svg').count(), 1, 'a chart of Durham against the trajectory');
        assert.match((await page.locator('figure svg').textContent()) ?? '', /Agreed trajectory/);
        assert.ok((await page.locator('.lantern-league tbody tr').count()) >= 3, 'the figures as a table, a row a year');
        assert.match((await page.locator('.lantern-projection').textContent()) ?? '', /^(If the trend since the baseline carries on, County Durham would be at|No projection: )/);
        assert.match((await page.locator('.lantern-disagreement').first().textContent()) ?? '', /Judged Red at the review of 2024-03-31, but the latest actual is rated green by the tolerance rule/);
        await checkPage(page, `targets-target-${width}`, { chartText: true });
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    });
  }

  it('takes a progress review on a phone: refused in words naming the fields, then recorded', async () => {
    // A plain form posted by the browser; axe and the width check need the page's script, so it is on.
    const context = await browser.newContext({ viewport: PHONE });
    const { page, problems } = await openPage(context);
    try {
      await page.goto(`${server.base}/sign-in`);
      await page.fill('input[name="email"]', OFFICER);
      await page.fill('input[name="password"]', TEST_PASSWORD);
      await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form button')]);
      await page.goto(`${server.base}/agreements/${agreementId}/targets/${targetId}`);
      await page.getByRole('link', { name: 'Record a review of this target' }).click();
      await page.getByRole('button', { name: 'Record the review' }).click();
      const summary = (await page.locator('.govuk-error-summary').textContent()) ?? '';
      assert.match(summary, /Enter the date of the review/);
      assert.match(summary, /Choose the likelihood of delivery/);
      assert.match(summary, /Say why/);
      assert.doesNotMatch(summary, /'reviewedOn'|'likelihood'|'narrative'/, 'fields as the page labels them');
      await checkPage(page, 'targets-review-refused-phone', { chartText: true });

      await page.fill('#reviewedOn-day', '30');
      await page.fill('#reviewedOn-month', '6');
      await page.fill('#reviewedOn-year', '2024');
      await page.getByLabel('Amber/Green').check();
      await page.getByRole('button', { name: 'Record the review' }).click();
      const again = (await page.locator('.govuk-error-summary').textContent()) ?? '';
      assert.doesNotMatch(again, /date of the review|likelihood of delivery/, 'only what is still missing');
      assert.match(again, /Say why/);
      assert.equal(await page.locator('#reviewedOn-year').inputValue(), '2024', 'what was typed is kept');
      assert.ok(await page.getByLabel('Amber/Green').isChecked());

      await page.fill('#narrative', 'The new clinics opened in April; the last two surveys moved the right way.');
      await page.getByRole('button', { name: 'Record the review' }).click();
      await page.waitForURL(`**/agreements/${agreementId}/targets/${targetId}`);
      assert.match((await page.locator('main').textContent()) ?? '', /At the review of 2024-06-30, the lead partner judged the likelihood of delivery Amber\/Green/);
      // The two refusals answer 400, as a refused form does; nothing else went wrong.
      assert.deepEqual(
        problems.filter((p) => !p.includes('status of 400')),
        [],
      );
    } finally {
      await context.close();
    }
  });

  it("leads from a council's page to the agreements that cover it, and only those", async () => {
    const areaPage = await (await fetch(`${server.base}/areas/${DURHAM}`)).text();
    assert.match(areaPage, new RegExp(`href="/agreements\\?area=${DURHAM}">the targets agreed for County Durham</a>`));
    assert.match(await (await fetch(`${server.base}/agreements?area=${DURHAM}`)).text(), /Durham council plan/);
    const hartlepool = await (await fetch(`${server.base}/agreements?area=E06000001`)).text();
    assert.doesNotMatch(hartlepool, /Durham council plan/);
    assert.match(hartlepool, /There is no agreement in Hartlepool that you may read/);
  });

  it("refuses the review form to another council's officer, who may read the signed-off target", async () => {
    const other = await organisation(store.sql, 'Hartlepool Borough Council', 'council', 'E06000001');
    await user(store.sql, 'officer@hartlepool.example', 'performance_officer', other.id, 'Sam Hartlepool');
    const hartlepool = new HttpBrowser(server.base);
    await hartlepool.signIn('officer@hartlepool.example');
    assert.equal((await hartlepool.fetch(`/agreements/${agreementId}/targets/${targetId}`)).status, 200);
    const form = await hartlepool.fetch(`/agreements/${agreementId}/targets/${targetId}/reviews/new`);
    assert.equal(form.status, 403);
    assert.doesNotMatch(await form.text(), /Record the review/);
  });

  it("answers 404 for a council's draft to the public, as for an agreement that does not exist", async () => {
    const draft = await fetch(`${server.base}/agreements/${draftId}`);
    const none = await fetch(`${server.base}/agreements/999999`);
    assert.equal(draft.status, 404);
    assert.equal(none.status, 404);
  });
});

async function made(response: Response): Promise<number> {
  const body = (await response.json()) as { id: number };
  assert.equal(response.status, 201, JSON.stringify(body));
  return body.id;
}

/** The agreement's revision now: adding a target changes it, and sign-off is refused on a stale one. */
async function revisionOf(officer: HttpBrowser, id: number): Promise<number> {
  return ((await (await officer.json('GET', `/api/agreements/${id}`)).json()) as { revision: number }).revision;
}

function yearlyMetric(server: TestServer): { code: string; title: string; years: string[] } {
  const index = server.engine.index;
  const durham = index.areaNumber(DURHAM)!;
  for (const series of index.metricsByTitle()) {
    if (series.metric.polarity === 'neutral') continue;
    const years = series.slices.filter((s) => isYear(s.period) && s.position(durham) >= 0 && s.value(s.position(durham)) !== null).map((s) => s.period);
    if (years.length >= 3) return { code: series.metric.code, title: series.metric.title, years: years.slice(-3) };
  }
  throw new Error('the demo holds no yearly metric for Durham over three years');
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

function escaped(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
