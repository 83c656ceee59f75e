// Verdicts that cannot mislead, seen in a real Chromium at phone and desktop
// widths: a neutral metric's fifths wear none of the colours that mean good
// or bad, England's value stands beside each figure on the area page and in
// a report, and the area page is no wider than a phone's screen.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { ENGLAND_CODE } from '../../src/domain/area/index.ts';
import { areaValueAt } from '../../src/domain/benchmark/benchmark-queries.ts';
import { formatValue } from '../../src/domain/format/index.ts';
import { reportPrintHtml } from '../../src/reports/report-files.ts';
import { snapshotReport } from '../../src/reports/report-snapshot.ts';
import { reportView } from '../../src/reports/report-view.ts';
import { NEUTRAL_FIFTHS, POLAR_FIFTHS, SIGNIFICANCE_STYLE } from '../../src/web/charts/palette.ts';
import { DESKTOP, launchBrowser, PHONE, screenshot, smallestChartText } from '../support/browser.ts';
import { importText } from '../support/import.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const NEUTRAL = 'plain-verdicts-neutral';
const ACTIVE = 'percentage-of-physically-active-adults';
const WIDTHS = [
  { name: 'phone', size: PHONE },
  { name: 'desktop', size: DESKTOP },
] as const;

/** #rrggbb as the browser's computed rgb(r, g, b). */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

const GOOD_OR_BAD = new Set([...POLAR_FIFTHS, SIGNIFICANCE_STYLE.better.fill, SIGNIFICANCE_STYLE.similar.fill, SIGNIFICANCE_STYLE.worse.fill].map(rgb));

describe('plain verdicts in a browser', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    store = await openDemoStore();
    const councils = await store.sql<{ code: string }[]>`
      select code from area where type in ('unitary', 'county', 'metropolitan_district', 'london_borough') and end_date is null order by code`;
    const metric = await importText(
      store.sql,
      'plain-verdicts-metric.csv',
      ['code,title,polarity,value_kind,period_kind,unit', `${NEUTRAL},A count that is neither good nor bad,neutral,mean,financial_year,`].join('\n'),
    );
    assert.equal(metric.status, 'loaded', JSON.stringify(metric.rejections));
    const rows = councils.map((c, i) => `${NEUTRAL},${c.code},2023/24,${100 + 7 * i}`);
    const figures = await importText(store.sql, 'plain-verdicts-figures.csv', ['metric,area,period,value', `${NEUTRAL},${ENGLAND_CODE},2023/24,400`, ...rows].join('\n'));
    assert.equal(figures.status, 'loaded', JSON.stringify(figures.rejections));
    server = await startTestServer(store);
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  async function open(path: string, size: { width: number; height: number }): Promise<Page> {
    const page = await browser.newPage({ viewport: size });
    const response = await page.goto(server.base + path);
    assert.equal(response?.status(), 200, path);
    return page;
  }

  /** Each tag in the area page's tables: its metric's link text, its words and its computed colour. */
  async function tags(page: Page): Promise<{ metric: string; label: string; colour: string }[]> {
    return page.$$eval('table.lantern-profile tbody tr', (rows) =>
      rows.flatMap((row) => {
        const tag = row.querySelector<HTMLElement>('.lantern-tag');
        const link = row.querySelector('th a');
        return tag && link ? [{ metric: link.getAttribute('href') ?? '', label: tag.firstChild?.nextSibling?.textContent ?? '', colour: getComputedStyle(tag).backgroundColor }] : [];
      }),
    );
  }

  for (const { name, size } of WIDTHS) {
    it(`colours a neutral metric's fifth apart from every good or bad colour, at ${name} width`, async () => {
      const page = await open(`/areas/${DURHAM}?group=england`, size);
      const shown = await tags(page);
      const neutral = shown.find((t) => t.metric.includes(NEUTRAL));
      assert.ok(neutral && /fifth/.test(neutral.label), `the neutral metric's tag: ${JSON.stringify(neutral)}`);
      assert.ok(!/best|worst/i.test(neutral.label), neutral.label);
      assert.ok(!GOOD_OR_BAD.has(neutral.colour), `${neutral.label} wears ${neutral.colour}`);
      assert.ok(NEUTRAL_FIFTHS.map(rgb).includes(neutral.colour), `${neutral.label} wears ${neutral.colour}`);
      const polar = shown.filter((t) => /^(Best|Worst) fifth/.test(t.label));
      assert.ok(polar.length > 0, 'a polar metric in its best or worst fifth');
      for (const tag of polar) assert.ok(GOOD_OR_BAD.has(tag.colour), `${tag.label} wears ${tag.colour}`);
      await screenshot(page, `plain-verdicts-area-${name}`);
      await page.close();
    });

    it(`shows England's value beside each figure on the area page, at ${name} width`, async () => {
      const index = server.engine.index;
      const page = await open(`/areas/${DURHAM}`, size);
      const cells = await page.$$eval('table.lantern-profile tbody tr', (rows) =>
        rows.map((row) => ({
          metric: row.querySelector('th a')?.getAttribute('href') ?? '',
          england: row.querySelector('td[data-label="England"]')?.textContent?.trim() ?? null,
        })),
      );
      for (const code of [NEUTRAL, ACTIVE]) {
        const series = index.metric(code)!;
        const slice = series.latest()!;
        const expected = formatValue(areaValueAt(index, slice, index.area(ENGLAND_CODE)!), series.metric.decimals, series.metric.unit ?? '');
        const row = cells.find((c) => c.metric.startsWith(`/metrics/${code}?`));
        assert.equal(row?.england, expected, code);
        assert.notEqual(expected, '–', `England has a value for ${code}`);
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
      await page.close();
    });

    it(`draws no chart text under 12 px on the metric page, at ${name} width`, async () => {
      const page = await open(`/metrics/${ACTIVE}?area=${DURHAM}&group=region`, size);
      const smallest = await smallestChartText(page);
      assert.ok(smallest.size >= 12, `'${smallest.text}' in ${smallest.chart} is ${smallest.size.toFixed(1)} px`);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
      await screenshot(page, `plain-verdicts-metric-${name}`);
      await page.close();
    });

    it(`shows England's value beside each figure in a report, at ${name} width`, async () => {
      const index = server.engine.index;
      const snapshot = snapshotReport(
        index,
        {
          title: 'Headline figures',
          notes: '',
          areas: [DURHAM],
          group: 'neighbours',
          sections: [{ title: 'Priorities', metrics: [ACTIVE, NEUTRAL], chart: 'table', notes: '' }],
        },
        new Date(),
      );
      const page = await browser.newPage({ viewport: size });
      await page.setContent(reportPrintHtml(reportView(snapshot, null)));
      const tables = await page.$$eval('table.lantern-report-table', (all) =>
        all.map((table) => {
          const headers = [...table.querySelectorAll('thead th')].map((th) => th.textContent?.trim());
          const cells = [...table.querySelectorAll('tbody tr:first-child > *')].map((cell) => cell.textContent?.trim());
          return cells[headers.indexOf('England')] ?? null;
        }),
      );
      const expected = [ACTIVE, NEUTRAL].map((code) => {
        const series = index.metric(code)!;
        return formatValue(areaValueAt(index, series.latest()!, index.area(ENGLAND_CODE)!), series.metric.decimals, series.metric.unit ?? '');
      });
      assert.deepEqual(tables, expected);
      await screenshot(page, `plain-verdicts-report-${name}`);
      await page.close();
    });
  }
});
