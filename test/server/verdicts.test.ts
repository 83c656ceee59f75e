// One verdict for one row wherever it is read: the metric page's view model,
// the area page as served, the league table and profile API as JSON and CSV,
// and a report's view (the web page and the PDF) and CSV all say the same
// words, on the demo's extracts (fifths, as they carry no intervals) and on
// two metrics imported here: one with intervals against the region's own
// value (better, similar, worse) and one with no polarity (highest, lowest).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import type { Verdict } from '../../src/domain/benchmark/index.ts';
import { PdfPrinter } from '../../src/reports/pdf.ts';
import { reportCsv, reportPrintHtml } from '../../src/reports/report-files.ts';
import { snapshotReport } from '../../src/reports/report-snapshot.ts';
import { reportView } from '../../src/reports/report-view.ts';
import { metricPage } from '../../src/web/views/metric-page.ts';
import { importText } from '../support/import.ts';
import { pdfText } from '../support/pdf.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

const ACTIVE = 'percentage-of-physically-active-adults';
const WITH_INTERVALS = 'verdict-check-with-intervals';
const NEUTRAL = 'verdict-check-neutral';
const DURHAM = 'E06000047';
const NORTH_EAST = 'E12000001';
const METRICS = [ACTIVE, WITH_INTERVALS, NEUTRAL] as const;

interface Row {
  area: string;
  verdict: Verdict;
}

/** Values either side of the region's 60 (whose interval is narrow), each with an interval of ±1.5. */
function observations(councils: readonly string[]): string {
  const rows = councils.flatMap((code, i) => {
    const value = 52 + 2 * i;
    return [`${WITH_INTERVALS},${code},2023/24,${value},${value - 1.5},${value + 1.5}`, `${NEUTRAL},${code},2023/24,${100 + 7 * i},,`];
  });
  return ['metric,area,period,value,lower_ci,upper_ci', `${WITH_INTERVALS},${NORTH_EAST},2023/24,60,59.5,60.5`, ...rows].join('\n');
}

describe('the same verdict for the same row in pages, API, CSV and reports', () => {
  let store: TestStore;
  let server: TestServer;

  before(async () => {
    store = await openDemoStore();
    const councils = await store.sql<{ code: string }[]>`
      select code from area where region_code = ${NORTH_EAST} and type in ('unitary', 'metropolitan_district') and end_date is null order by code`;
    const metrics = await importText(
      store.sql,
      'verdict-metrics.csv',
      [
        'code,title,polarity,value_kind,period_kind,unit',
        `${WITH_INTERVALS},A share with intervals,higher_is_better,mean,financial_year,%`,
        `${NEUTRAL},A count that is neither good nor bad,neutral,mean,financial_year,`,
      ].join('\n'),
    );
    assert.equal(metrics.status, 'loaded', JSON.stringify(metrics.rejections));
    const figures = await importText(store.sql, 'verdict-figures.csv', observations(councils.map((c) => c.code)));
    assert.equal(figures.status, 'loaded', JSON.stringify(figures.rejections));
    server = await startTestServer(store);
  });
  after(async () => {
    await server?.close();
    await store?.close();
  });

  async function json<T>(address: string): Promise<T> {
    const response = await fetch(server.base + address);
    assert.equal(response.status, 200, address);
    return (await response.json()) as T;
  }

  async function csv(address: string): Promise<Record<string, string>[]> {
    const response = await fetch(`${server.base}${address}&format=csv`);
    assert.equal(response.status, 200, address);
    return Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true }).data;
  }

  for (const metric of METRICS) {
    it(`says the same of every council in the North East's league table of ${metric}: page, API and CSV`, async () => {
      const address = `/api/benchmark/league-table?metric=${metric}&area=${DURHAM}&group=region`;
      const api = new Map((await json<{ rows: Row[] }>(address)).rows.map((r) => [r.area, r.verdict.words]));
      const fromCsv = new Map((await csv(address)).map((r) => [r.area!, r.verdict!]));
      const index = server.engine.index;
      const series = index.metric(metric)!;
      const page = metricPage(
        index,
        {
          series,
          slice: series.latest()!,
          area: index.area(DURHAM)!,
          chosen: true,
          spec: { kind: 'region' },
          groupKind: 'region',
          also: [],
          allRows: true,
        },
        null,
      );
      const onPage = new Map(page.table.map((r) => [r.code, r.comparison.words]));
      assert.ok(api.size >= 10, `${api.size} councils`);
      assert.deepEqual(fromCsv, api);
      assert.deepEqual(onPage, api);
    });
  }

  it('judges the imported figures by their intervals, and the others by their fifth on the right scale', async () => {
    const words = async (metric: string) => new Set((await json<{ rows: Row[] }>(`/api/benchmark/league-table?metric=${metric}&area=${DURHAM}&group=region`)).rows.map((r) => r.verdict.words));
    assert.deepEqual([...(await words(WITH_INTERVALS))].sort(), ['Better than North East', 'Similar to North East', 'Worse than North East']);
    const neutral = await words(NEUTRAL);
    assert.ok([...neutral].some((w) => /^Highest fifth of .*North East$/.test(w)) && [...neutral].some((w) => /^Lowest fifth of /.test(w)), [...neutral].join('; '));
    assert.ok(
      [...neutral].every((w) => !/best|worst/i.test(w)),
      [...neutral].join('; '),
    );
    const active = await words(ACTIVE);
    assert.ok([...active].some((w) => /^Best fifth of /.test(w)) && [...active].some((w) => /^Worst fifth of /.test(w)), [...active].join('; '));
  });

  it("says the same of County Durham in its profile (JSON and CSV), on its area page, and in a report's page, PDF and CSV", async () => {
    const address = `/api/benchmark/profile?area=${DURHAM}&group=region&metrics=${METRICS.join(',')}`;
    const profile = new Map((await json<{ items: { metric: { code: string }; verdict: Verdict }[] }>(address)).items.map((i) => [i.metric.code, i.verdict]));
    const fromCsv = new Map((await csv(address)).map((r) => [r.metric!, r]));
    const areaHtml = await (await fetch(`${server.base}/areas/${DURHAM}?group=region`)).text();
    const snapshot = snapshotReport(
      server.engine.index,
      {
        title: 'Verdicts',
        notes: '',
        areas: [DURHAM],
        group: 'region',
        sections: [{ title: 'All', metrics: [...METRICS], chart: 'table', notes: '' }],
      },
      new Date(),
    );
    const view = reportView(snapshot, null);
    const reportRows = Papa.parse<Record<string, string>>(reportCsv(snapshot), { header: true, skipEmptyLines: true }).data;
    for (const metric of METRICS) {
      const verdict = profile.get(metric)!;
      const table = new Map((await json<{ rows: Row[] }>(`/api/benchmark/league-table?metric=${metric}&area=${DURHAM}&group=region`)).rows.map((r) => [r.area, r.verdict]));
      assert.deepEqual(verdict, table.get(DURHAM), `${metric}: profile and league table`);
      assert.deepEqual([fromCsv.get(metric)!.verdict, fromCsv.get(metric)!.verdict_sentence], [verdict.words, verdict.sentence], `${metric}: profile CSV`);
      assert.ok(areaHtml.includes(`<span class="lantern-tag__words">${verdict.words}</span>`), `${metric}: area page`);
      const inReport = view.sections[0]!.metrics.find((m) => m.code === metric)!.rows[0]!.comparison;
      assert.deepEqual([inReport.label, inReport.words], [verdict.label, verdict.words], `${metric}: report page and PDF`);
      const reportRow = reportRows.find((r) => r.metric === metric)!;
      assert.deepEqual(
        [reportRow.compared, reportRow.verdict, reportRow.verdict_sentence, reportRow.verdict_rule],
        [verdict.label, verdict.words, verdict.sentence, `${verdict.rule!.id} v${verdict.rule!.version}`],
        `${metric}: report CSV`,
      );
    }
  });

  it("prints each of County Durham's verdicts, naming its benchmark, in the report's PDF as the profile API words them", async () => {
    const address = `/api/benchmark/profile?area=${DURHAM}&group=region&metrics=${METRICS.join(',')}`;
    const profile = (await json<{ items: { metric: { code: string }; verdict: Verdict }[] }>(address)).items;
    const snapshot = snapshotReport(
      server.engine.index,
      {
        title: 'Verdicts',
        notes: '',
        areas: [DURHAM],
        group: 'region',
        sections: [{ title: 'All', metrics: [...METRICS], chart: 'table', notes: '' }],
      },
      new Date(),
    );
    const printer = new PdfPrinter();
    try {
      // Words as a reader meets them: lines a narrow cell broke are one run of text.
      const text = (await pdfText(await printer.print(reportPrintHtml(reportView(snapshot, null)), 'Verdicts'))).replace(/\s+/g, ' ');
      for (const { metric, verdict } of profile) assert.ok(text.includes(verdict.words), `${metric.code}: '${verdict.words}' is not in the PDF`);
    } finally {
      await printer.close();
    }
  });

  it("gives the profile's and league table's CSV figures to the metric's decimals, without float noise", async () => {
    const address = `/api/benchmark/profile?area=${DURHAM}&group=region&metrics=${METRICS.join(',')}`;
    const decimals = new Map((await json<{ items: { metric: { code: string; decimals: number } }[] }>(address)).items.map((i) => [i.metric.code, i.metric.decimals]));
    const places = (cell: string | undefined) => (cell ?? '').split('.')[1]?.length ?? 0;
    for (const row of await csv(address)) {
      for (const column of ['value', 'lower_ci', 'upper_ci', 'group_mean', 'group_median', 'benchmark']) {
        assert.ok(places(row[column]) <= decimals.get(row.metric!)!, `${row.metric} ${column}: ${row[column]}`);
      }
    }
    const table = await csv(`/api/benchmark/league-table?metric=${ACTIVE}&area=${DURHAM}&group=region`);
    for (const row of table) assert.ok(places(row.value) <= decimals.get(ACTIVE)! && places(row.benchmark) <= decimals.get(ACTIVE)!, `${row.area}: ${row.value}`);
  });
});
