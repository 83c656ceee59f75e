// What a metric means and how fresh its figures are, on its page in a real
// Chromium at phone and desktop widths, and on the area page and in a report:
// definition, method, caveats, the source with a link to the publisher's
// page, the date of publication and the next expected update, each only
// where it is known; never "Not given", never a definition that repeats the
// title.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { parseMapping } from '../../src/ingest/column-mapping.ts';
import { importFile } from '../../src/ingest/import-file.ts';
import { reportPrintHtml } from '../../src/reports/report-files.ts';
import { snapshotReport } from '../../src/reports/report-snapshot.ts';
import { reportView } from '../../src/reports/report-view.ts';
import { metricAboutOfReport } from '../../src/store/metric-about.ts';
import { textStream } from '../support/data.ts';
import { DESKTOP, launchBrowser, PHONE, screenshot } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

const WIDTHS = [
  { name: 'phone', size: PHONE },
  { name: 'desktop', size: DESKTOP },
] as const;
const DESCRIBED = 'adults-who-cycle-weekly';
const TITLE_ONLY = 'bus-stops-per-square-kilometre';
const ACTIVE = 'percentage-of-physically-active-adults';
const SOURCE_URL = 'https://www.gov.uk/government/statistical-data-sets/cycling';

describe("a metric's metadata and freshness on its page, in a browser", () => {
  let store: TestStore;
  let server: TestServer;
  let browser: Browser;

  before(async () => {
    store = await openDemoStore();
    const mapping = parseMapping(
      JSON.stringify({
        area: 'areacd',
        period: 'period',
        metric: 'metric_code',
        value: 'value',
        source: 'Department for Transport',
        metrics: {
          ELS900: {
            title: 'Adults who cycle weekly',
            definition: 'Share of adults who cycle at least once a week',
            unit: '%',
            polarity: 'higher',
            method: 'From the Active Lives survey, weighted to the population.',
            caveats: 'Not available for 2018.',
            source_url: SOURCE_URL,
            published_on: '06/05/2026',
            next_update: '2027-05-06',
          },
          ELS901: { title: 'Bus stops per square kilometre', definition: 'Bus stops per square kilometre.', unit: 'stops' },
        },
      }),
      'els.mapping.json',
    );
    const figures = 'areacd,metric_code,period,value\nE06000047,ELS900,2023,12.5\nE06000001,ELS900,2023,11\nE06000047,ELS901,2023,3\n';
    const result = await importFile(store.sql, { fileName: 'els.csv', input: textStream(figures), importedBy: 'test', skipInvalid: false, mapping });
    assert.equal(result.status, 'loaded', JSON.stringify(result.rejections));
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

  /** The page's definition list, term to text, with any link's address. */
  async function definitionList(page: Page): Promise<Record<string, { text: string; href: string | null }>> {
    return page.$$eval('dl.lantern-definition > div', (rows) =>
      Object.fromEntries(
        rows.map((row) => [
          row.querySelector('dt')?.textContent?.trim() ?? '',
          { text: row.querySelector('dd')?.textContent?.trim() ?? '', href: row.querySelector('dd a')?.getAttribute('href') ?? null },
        ]),
      ),
    );
  }

  for (const { name, size } of WIDTHS) {
    it(`gives the definition, method, caveats, linked source, publication date and next update, at ${name} width`, async () => {
      const page = await open(`/metrics/${DESCRIBED}`, size);
      const shown = await definitionList(page);
      assert.deepEqual(
        ['Definition', 'Method', 'Caveats', 'Source', 'Published', 'Next update'].map((term) => [term, shown[term]]),
        [
          ['Definition', { text: 'Share of adults who cycle at least once a week', href: null }],
          ['Method', { text: 'From the Active Lives survey, weighted to the population.', href: null }],
          ['Caveats', { text: 'Not available for 2018.', href: null }],
          ['Source', { text: 'Department for Transport', href: SOURCE_URL }],
          ['Published', { text: '6 May 2026', href: null }],
          ['Next update', { text: '6 May 2027', href: null }],
        ],
      );
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
      await screenshot(page, `metric-freshness-${name}`);
      await page.close();
    });

    it(`gives each figure's publication and next update on the area page, where they are known, at ${name} width`, async () => {
      const page = await open('/areas/E06000047', size);
      const notes = await page.$$eval('table.lantern-profile tbody th[scope="row"]', (cells) =>
        cells.map((cell) => ({
          href: cell.querySelector('a')?.getAttribute('href') ?? '',
          note: cell.querySelector('.lantern-note')?.textContent?.trim() ?? null,
        })),
      );
      assert.equal(notes.find((n) => n.href.startsWith(`/metrics/${DESCRIBED}?`))?.note, 'Published 6 May 2026; next update 6 May 2027');
      assert.equal(notes.find((n) => n.href.startsWith(`/metrics/${ACTIVE}?`))?.note, null, 'nothing said where nothing is known');
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(overflow <= 0, `the page is ${overflow}px wider than the screen`);
      await page.close();
    });

    it(`gives the metric's meaning and freshness in a report, frozen with its figures, at ${name} width`, async () => {
      const definition = {
        title: 'Cycling',
        notes: '',
        areas: ['E06000047'],
        group: 'england' as const,
        sections: [{ title: 'Travel', metrics: [DESCRIBED, ACTIVE], chart: 'table' as const, notes: '' }],
      };
      const snapshot = snapshotReport(server.engine.index, definition, new Date(), await metricAboutOfReport(store.sql, definition));
      const page = await browser.newPage({ viewport: size });
      await page.setContent(reportPrintHtml(reportView(snapshot, null)));
      const lists = await page.$$eval('.lantern-report-metric', (metrics) =>
        metrics.map((metric) =>
          Object.fromEntries([...metric.querySelectorAll('dl.lantern-definition > div')].map((row) => [row.querySelector('dt')?.textContent?.trim(), row.querySelector('dd')?.textContent?.trim()])),
        ),
      );
      assert.deepEqual(lists[0], {
        Definition: 'Share of adults who cycle at least once a week',
        Method: 'From the Active Lives survey, weighted to the population.',
        Caveats: 'Not available for 2018.',
        Source: 'Department for Transport',
        Published: '6 May 2026',
        'Next update': '6 May 2027',
      });
      assert.deepEqual(Object.keys(lists[1] ?? {}), ['Source'], 'only what is known of the Fingertips metric');
      await screenshot(page, `metric-freshness-report-${name}`);
      await page.close();
    });

    it(`says nothing of what is unknown, and no definition that repeats the title, at ${name} width`, async () => {
      for (const code of [TITLE_ONLY, ACTIVE]) {
        const page = await open(`/metrics/${code}`, size);
        const shown = await definitionList(page);
        assert.equal(shown.Definition, undefined, `${code}: ${JSON.stringify(shown.Definition)}`);
        for (const term of ['Method', 'Caveats', 'Published', 'Next update']) assert.equal(shown[term], undefined, `${code}: ${term}`);
        assert.ok(!Object.values(shown).some((d) => /not given|unknown/i.test(d.text)), `${code}: ${JSON.stringify(shown)}`);
        await page.close();
      }
    });
  }
});
