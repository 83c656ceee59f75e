// Every verdict names what it is judged against, seen in a real Chromium at
// phone and desktop widths: "Worse than England", "Best fifth of County
// Durham and its 15 nearest neighbours", never a bare "Best fifth". The area
// page, the metric page, a council's dashboard and a report each show the
// verdict's own words, as the API gives them; the dashboard shows England's
// value beside each figure; a report's bar chart is its own group, shaded by
// the verdicts its table gives; and where the source published its own
// verdict, the area page shows it beside Lantern's, named as the source's.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { ENGLAND_CODE } from '../../src/domain/area/index.ts';
import { areaValueAt } from '../../src/domain/benchmark/benchmark-queries.ts';
import type { Verdict } from '../../src/domain/benchmark/index.ts';
import { formatValue } from '../../src/domain/format/index.ts';
import { reportPrintHtml } from '../../src/reports/report-files.ts';
import { snapshotReport } from '../../src/reports/report-snapshot.ts';
import { reportView } from '../../src/reports/report-view.ts';
import { organisation, TEST_PASSWORD, user } from '../support/access.ts';
import { sourceVerdictsOfReport } from '../../src/store/source-verdicts.ts';
import { importText } from '../support/import.ts';
import { DESKTOP, launchBrowser, PHONE, screenshot } from '../support/browser.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const ACTIVE = 'percentage-of-physically-active-adults';
const OFFICER = 'officer@durham.example';
const INTERVALS = 'named-verdicts-with-intervals';
const WIDTHS = [
  { name: 'phone', size: PHONE },
  { name: 'desktop', size: DESKTOP },
] as const;

/** Words that name a benchmark: England or a region for a test of significance, a group for a fifth, or why nothing was compared. */
const NAMED = /^(Better than|Similar to|Worse than|Higher than|Lower than) \S|^[A-Z][a-z]+( [a-z]+)? fifth of \S|^Not compared: .+ \S|^No value for this period$/;

/** #rrggbb as the browser's computed rgb(r, g, b). */
function rgb(hex: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
  return `rgb(${r}, ${g}, ${b})`;
}

interface Tag {
  readonly words: string;
  readonly width: number;
  readonly hidden: boolean;
}

/** The visible words of every verdict tag in `scope`, with the width they take on screen. */
async function tagsIn(page: Page, scope: string): Promise<Tag[]> {
  return page.$$eval(`${scope} .lantern-tag[title]`, (tags) =>
    tags.map((tag) => {
      const words = tag.querySelector<HTMLElement>('.lantern-tag__words');
      return { words: words?.innerText.trim() ?? '', width: words?.getBoundingClientRect().width ?? 0, hidden: !words || getComputedStyle(words).position === 'absolute' };
    }),
  );
}

function assertNamed(tags: readonly Tag[], where: string): void {
  assert.ok(tags.length > 0, `${where}: no verdicts`);
  for (const tag of tags) {
    assert.match(tag.words, NAMED, `${where}: '${tag.words}' names no benchmark`);
    assert.ok(!tag.hidden && tag.width > 0, `${where}: '${tag.words}' is not shown`);
  }
}

describe('verdicts that name their benchmark, in a browser', () => {
  let store: TestStore;
  let server: TestServer;
  let browser: Browser;
  let officer: BrowserContext | undefined;

  before(async () => {
    store = await openDemoStore();
    // A metric with intervals, England at 50 and the North East at 60: County Durham's 56 (±2) is better than England, worse than its region.
    const metric = await importText(
      store.sql,
      'named-metric.csv',
      ['code,title,polarity,value_kind,period_kind,unit', `${INTERVALS},A share with intervals,higher_is_better,mean,financial_year,%`].join('\n'),
    );
    assert.equal(metric.status, 'loaded', JSON.stringify(metric.rejections));
    const figures = await importText(
      store.sql,
      'named-figures.csv',
      [
        'metric,area,period,value,lower_ci,upper_ci',
        `${INTERVALS},${ENGLAND_CODE},2023/24,50,49.9,50.1`,
        `${INTERVALS},E12000001,2023/24,60,59.8,60.2`,
        `${INTERVALS},${DURHAM},2023/24,56,54,58`,
      ].join('\n'),
    );
    assert.equal(figures.status, 'loaded', JSON.stringify(figures.rejections));
    const durham = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    await user(store.sql, OFFICER, 'performance_officer', durham.id, 'Pat Officer');
    server = await startTestServer(store);
    browser = await launchBrowser();
  });
  after(async () => {
    await officer?.close();
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  async function open(path: string, size: { width: number; height: number }, context?: BrowserContext): Promise<Page> {
    const page = context ? await context.newPage() : await browser.newPage();
    await page.setViewportSize(size);
    const response = await page.goto(server.base + path);
    assert.equal(response?.status(), 200, path);
    return page;
  }

  async function signedIn(): Promise<BrowserContext> {
    if (officer) return officer;
    officer = await browser.newContext({ viewport: DESKTOP });
    const page = await officer.newPage();
    await page.goto(`${server.base}/sign-in`);
    await page.fill('input[name="email"]', OFFICER);
    await page.fill('input[name="password"]', TEST_PASSWORD);
    await Promise.all([page.waitForURL((url) => !url.pathname.startsWith('/sign-in')), page.click('form button')]);
    await page.close();
    return officer;
  }

  async function overflow(page: Page): Promise<number> {
    return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  }

  for (const { name, size } of WIDTHS) {
    it(`names the benchmark beside every verdict on the area page, as the profile API words it, at ${name} width`, async () => {
      const page = await open(`/areas/${DURHAM}`, size);
      const tags = await tagsIn(page, 'table.lantern-profile');
      assertNamed(tags, 'area page');
      const api = (await (await fetch(`${server.base}/api/benchmark/profile?area=${DURHAM}&group=neighbours`)).json()) as { items: { verdict: Verdict }[] };
      assert.deepEqual(tags.map((t) => t.words).sort(), api.items.map((i) => i.verdict.words).sort());
      assert.ok(
        tags.some((t) => /nearest neighbours$/.test(t.words)),
        'a fifth named by the neighbours it is among',
      );
      assert.ok((await overflow(page)) <= 0, 'the page is wider than the screen');
      await screenshot(page, `named-verdicts-area-${name}`);
      await page.close();
    });

    it(`tests a figure with an interval against England by default, and against the group's own when chosen, at ${name} width`, async () => {
      const words = async (query: string) => {
        const page = await open(`/areas/${DURHAM}?${query}`, size);
        const row = await page.$$eval(
          'table.lantern-profile tbody tr',
          (rows, code) =>
            rows
              .find((r) => r.querySelector(`th a[href^="/metrics/${code}?"]`))
              ?.querySelector<HTMLElement>('.lantern-tag__words')
              ?.innerText.trim(),
          INTERVALS,
        );
        const chosen = await page.$eval('select#benchmark', (select) => (select as HTMLSelectElement).selectedOptions[0]?.textContent?.trim());
        await page.close();
        return { row, chosen };
      };
      assert.deepEqual(await words('group=region'), { row: 'Better than England', chosen: 'England' });
      assert.deepEqual(await words('group=region&benchmark=group'), { row: 'Worse than North East', chosen: "The group's own (its region, or its average)" });
      const api = (await (await fetch(`${server.base}/api/benchmark/profile?area=${DURHAM}&group=region&benchmark=group&metrics=${INTERVALS}`)).json()) as { items: { verdict: Verdict }[] };
      assert.equal(api.items[0]?.verdict.words, 'Worse than North East');
      const refused = await fetch(`${server.base}/areas/${DURHAM}?benchmark=mean`);
      assert.equal(refused.status, 400);
      assert.match(await refused.text(), /Test figures against/);
    });

    it(`shows the source's own verdict beside Lantern's on the area page, named as the source's, at ${name} width`, async () => {
      const page = await open(`/areas/${DURHAM}`, size);
      const rows = await page.$$eval('table.lantern-profile tbody tr', (all) =>
        all.map((row) => ({
          metric: row.querySelector('th a')?.textContent?.trim() ?? '',
          lantern: row.querySelector<HTMLElement>('.lantern-tag__words')?.innerText.trim() ?? '',
          source: row.querySelector<HTMLElement>('.lantern-source-verdict')?.innerText.trim() ?? null,
          shown: (row.querySelector('.lantern-source-verdict')?.getBoundingClientRect().width ?? 0) > 0,
        })),
      );
      // The extract says County Durham's 75.2% in 2021/22 is worse than England; Lantern places it in a fifth of its neighbours.
      const overweight = rows.find((r) => /overweight or obese/.test(r.metric));
      assert.deepEqual(overweight && { source: overweight.source, shown: overweight.shown }, { source: 'Source: worse than England', shown: true });
      assert.match(overweight!.lantern, / fifth of County Durham and its 15 nearest neighbours$/);
      // Fingertips judges no inequality gap against England: nothing is said for it.
      const inequality = rows.filter((r) => /^Inequality in life expectancy/.test(r.metric));
      assert.ok(inequality.length > 0 && inequality.every((r) => r.source === null), JSON.stringify(inequality));
      // The profile API says the same, as JSON and CSV.
      const address = `${server.base}/api/benchmark/profile?area=${DURHAM}&group=neighbours`;
      const api = (await (await fetch(address)).json()) as { items: { metric: { title: string }; sourceVerdict: { words: string } | null }[] };
      assert.deepEqual(api.items.map((i) => [i.metric.title, i.sourceVerdict?.words ?? null]).sort(), rows.map((r) => [r.metric, r.source]).sort());
      const csv = Papa.parse<Record<string, string>>(await (await fetch(`${address}&format=csv`)).text(), { header: true, skipEmptyLines: true }).data;
      assert.equal(csv.find((r) => /overweight or obese/.test(r.title!))?.source_verdict, 'Source: worse than England');
      await page.close();
    });

    it(`shows the source's own verdict beside Lantern's in the metric page's table, at ${name} width`, async () => {
      const overweight = server.engine.index.metricsByTitle().find((s) => /overweight or obese/.test(s.metric.title))!.metric.code;
      const page = await open(`/metrics/${overweight}?area=${DURHAM}&group=region&period=2021/22`, size);
      const rows = await page.$$eval('#league-table + p + .lantern-table-scroll tbody tr', (all) =>
        all.map((row) => ({
          area: row.querySelector('th a')?.getAttribute('href') ?? '',
          source: row.querySelector('.lantern-source-verdict')?.textContent?.trim() ?? null,
        })),
      );
      assert.equal(rows.find((r) => r.area === `/areas/${DURHAM}`)?.source, 'Source: worse than England');
      assert.ok(
        rows.every((r) => r.source === null || /^Source: (better than|similar to|worse than) England$/.test(r.source)),
        JSON.stringify(rows),
      );
      await page.close();
    });

    it(`shows the source's own verdict beside Lantern's in a report, frozen with its figures, at ${name} width`, async () => {
      const overweight = server.engine.index.metricsByTitle().find((s) => /overweight or obese/.test(s.metric.title))!.metric.code;
      const definition = {
        title: 'Source verdicts',
        notes: '',
        areas: [DURHAM],
        group: 'neighbours' as const,
        sections: [{ title: 'Weight', metrics: [overweight], chart: 'table' as const, notes: '' }],
      };
      const snapshot = snapshotReport(server.engine.index, definition, new Date(), new Map(), await sourceVerdictsOfReport(store.sql, definition));
      const page = await browser.newPage({ viewport: size });
      await page.setContent(reportPrintHtml(reportView(snapshot, null)));
      assert.deepEqual(await page.$$eval('table .lantern-source-verdict', (notes) => notes.map((n) => n.textContent?.trim())), ['Source: worse than England']);
      await page.close();
    });

    it(`names the benchmark beside every verdict in the metric page's table, at ${name} width`, async () => {
      const page = await open(`/metrics/${ACTIVE}?area=${DURHAM}&group=region`, size);
      const tags = await tagsIn(page, '#league-table + p + .lantern-table-scroll');
      assertNamed(tags, 'metric page');
      assert.ok(
        tags.every((t) => / in North East$/.test(t.words)),
        tags.map((t) => t.words).join('; '),
      );
      assert.ok((await overflow(page)) <= 0, 'the page is wider than the screen');
      await page.close();
    });

    it(`names the benchmark and shows England's value beside every figure on a council's dashboard, at ${name} width`, async () => {
      const page = await open('/dashboards', size, await signedIn());
      const tiles = await page.$$eval('.lantern-tile', (all) =>
        all.map((tile) => ({
          metric: new URL(tile.querySelector<HTMLAnchorElement>('h2 a')!.href).pathname.split('/')[2]!,
          england: tile.querySelector('.lantern-tile__england')?.textContent?.trim() ?? null,
        })),
      );
      assert.ok(tiles.length > 0, 'the default dashboard has tiles');
      const index = server.engine.index;
      for (const tile of tiles) {
        const series = index.metric(tile.metric)!;
        const value = areaValueAt(index, series.latest()!, index.area(ENGLAND_CODE)!);
        assert.equal(tile.england, `England ${formatValue(value, series.metric.decimals, series.metric.unit ?? '')}`, tile.metric);
      }
      assertNamed(await tagsIn(page, '.lantern-tiles'), 'dashboard');
      assert.ok((await overflow(page)) <= 0, 'the page is wider than the screen');
      await screenshot(page, `named-verdicts-dashboard-${name}`);
      await page.close();
    });

    it(`names the benchmark beside every verdict in a report, at ${name} width`, async () => {
      const snapshot = snapshotReport(
        server.engine.index,
        {
          title: 'Named verdicts',
          notes: '',
          areas: [DURHAM],
          group: 'neighbours',
          sections: [{ title: 'Activity', metrics: [ACTIVE], chart: 'bar', notes: '' }],
        },
        new Date(),
      );
      const page = await browser.newPage({ viewport: size });
      await page.setContent(reportPrintHtml(reportView(snapshot, null)));
      const tags = await tagsIn(page, 'table');
      assertNamed(tags, 'report');
      // The chart beside the tag is the report's group, and County Durham's bar wears its tag's colour.
      const chart = await page.$eval('svg.lantern-bar-chart', (svg) => ({
        title: svg.querySelector('title')?.textContent ?? '',
        bar: svg.querySelector('.lantern-chosen rect')?.getAttribute('fill') ?? '',
        tag: getComputedStyle(document.querySelector('table .lantern-tag')!).backgroundColor,
      }));
      assert.match(tags[0]!.words, /fifth of County Durham and its 15 nearest neighbours$/);
      assert.match(chart.title, /County Durham and its 15 nearest neighbours$/);
      assert.equal(rgb(chart.bar), chart.tag, `the bar is ${chart.bar}, the tag '${tags[0]!.words}' ${chart.tag}`);
      await screenshot(page, `named-verdicts-report-${name}`);
      await page.close();
    });
  }
});
