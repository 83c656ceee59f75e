// No chart or map text under 12 px, at a phone's width or a desktop's, on
// every kind of page that draws one: a council's area page, its compare page,
// a metric page, a council's dashboard, and a report (bar, map, trend and
// spine sections) as its draft and as published. Each page is measured as
// rendered in a real Chromium, at phone, tablet, laptop and desktop widths:
// each text's font size times the scale its SVG is drawn at.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext } from 'playwright-core';
import { Browser as HttpBrowser, organisation, TEST_PASSWORD, user } from '../support/access.ts';
import { DESKTOP, launchBrowser, PHONE, screenshot, smallestChartText } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const ACTIVE = 'percentage-of-physically-active-adults';
const OFFICER = 'officer@durham.example';
const WIDTHS = [
  { name: 'phone', size: PHONE },
  { name: 'small phone', size: { width: 320, height: 700 } },
  { name: 'tablet', size: { width: 768, height: 1024 } },
  { name: 'small laptop', size: { width: 1024, height: 768 } },
  { name: 'desktop', size: DESKTOP },
] as const;

describe('chart text at every width, on every page with a chart or map', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: Browser;
  let reportId: number;
  let published: string;

  before(async () => {
    store = await openDemoStore();
    server = await startTestServer(store);
    const durham = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    await user(store.sql, OFFICER, 'performance_officer', durham.id, 'Pat Officer');
    const officer = new HttpBrowser(server.base);
    assert.equal((await officer.signIn(OFFICER)).status, 303);
    const post = (address: string, fields: Record<string, string>) => officer.fetch(address, { method: 'POST', body: new URLSearchParams({ _csrf: officer.csrfToken, ...fields }) });
    const charts = ['bar', 'map', 'trend', 'spine'];
    const drafted = await post('/reports', {
      title: 'Durham in charts',
      areas: DURHAM,
      group: 'region',
      notes: '',
      sections: String(charts.length),
      do: 'save',
      ...Object.fromEntries(
        charts.flatMap((chart, i) => [
          [`section_title_${i}`, `As a ${chart}`],
          [`section_chart_${i}`, chart],
          [`section_metrics_${i}`, ACTIVE],
        ]),
      ),
    });
    reportId = Number(/(\d+)$/.exec(drafted.headers.get('location') ?? '')?.[1]);
    assert.ok(reportId > 0, `drafted: ${drafted.status}`);
    const publishing = await post(`/reports/${reportId}/publish`, {});
    assert.equal(publishing.status, 303);
    published = publishing.headers.get('location')!;
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  async function signedIn(size: { width: number; height: number }): Promise<BrowserContext> {
    const context = await browser.newContext({ viewport: size });
    const page = await context.newPage();
    await page.goto(`${server.base}/sign-in`);
    await page.fill('input[name="email"]', OFFICER);
    await page.fill('input[name="password"]', TEST_PASSWORD);
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form button[type="submit"], form button:not([type])')]);
    await page.close();
    return context;
  }

  for (const { name, size } of WIDTHS) {
    it(`draws no chart or map text under 12 px at ${name} width (${size.width} px)`, async () => {
      const context = await signedIn(size);
      const page = await context.newPage();
      const small: string[] = [];
      const pages = {
        area: `/areas/${DURHAM}`,
        compare: `/areas/${DURHAM}/compare`,
        metric: `/metrics/${ACTIVE}?area=${DURHAM}&group=region`,
        dashboard: '/dashboards',
        'report draft': `/reports/${reportId}`,
        'published report': published,
      };
      for (const [kind, address] of Object.entries(pages)) {
        const response = await page.goto(server.base + address);
        assert.equal(response?.status(), 200, address);
        // The compare page is a table today: measured all the same, so that a chart added to it is held to the rule.
        const charts = await page.$$eval('main svg', (all) => all.filter((svg) => svg.getBoundingClientRect().width > 0).length);
        if (kind !== 'compare') assert.ok(charts > 0, `the ${kind} page draws a chart or map (${address})`);
        const smallest = await smallestChartText(page);
        if (smallest.size < 12) small.push(`${kind}: '${smallest.text}' in ${smallest.chart} is ${smallest.size.toFixed(1)} px`);
        await screenshot(page, `chart-text-${kind.replace(' ', '-')}-${size.width}`);
      }
      await context.close();
      assert.deepEqual(small, []);
    });
  }
});
