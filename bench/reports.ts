// bench/reports: how long Lantern takes to make the PDF of a 20-page report,
// on the demo data in a fresh store. The report has a title page, contents,
// and a section per chart (bar charts, maps, trend lines, spine charts and
// tables over every demo metric) for two councils against their nearest
// neighbours. Measured: the snapshot and HTML (no browser), the first PDF
// (starting Chromium: cold) and the next five (the browser kept: warm).
//
// Target: a 20-page report's PDF in ≤ 2 s warm.
import os from 'node:os';
import type { ChartKind, ReportDefinition } from '../src/domain/report/report-definition.ts';
import { loadDemo } from '../src/ingest/demo.ts';
import { PdfPrinter } from '../src/reports/pdf.ts';
import { reportPrintHtml } from '../src/reports/report-files.ts';
import { snapshotReport } from '../src/reports/report-snapshot.ts';
import { reportView } from '../src/reports/report-view.ts';
import { buildIndex } from '../src/engine/benchmark-engine.ts';
import { REFERENCE_DATA_DIR } from '../src/config.ts';
import { loadBoundaries } from '../src/server/features/explore/boundaries.ts';
import { openStore } from '../src/store/store.ts';
import { tempDir } from '../test/support/store.ts';

const SHARED_DATA = new URL('../../shared/data', import.meta.url).pathname;
const CHARTS: readonly ChartKind[] = ['bar', 'map', 'trend', 'spine', 'table'];
const WARM_RUNS = 5;
const TARGET_SECONDS = 2;

const ms = (from: number) => performance.now() - from;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(): Promise<void> {
  console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}`);
  const store = await openStore({ dataDir: tempDir('lantern-bench-reports-'), role: 'bench' });
  const printer = new PdfPrinter();
  try {
    await loadDemo(store.sql, SHARED_DATA, () => {}, { only: ['fingertips-extracts'] });
    const index = await buildIndex(store.sql);
    const maps = await loadBoundaries(REFERENCE_DATA_DIR);
    const metrics = index
      .metricsByTitle()
      .filter((s) => !s.metric.themes.includes('context'))
      .map((s) => s.metric.code);
    const definition: ReportDefinition = {
      title: 'County Durham and Leeds: how they compare',
      areas: ['E06000047', 'E08000035'],
      group: 'neighbours',
      notes: '',
      sections: Array.from({ length: 17 }, (_, i) => ({ title: `Section ${i + 1}`, chart: CHARTS[i % CHARTS.length]!, notes: '', metrics: [metrics[i % metrics.length]!] })),
    };
    let started = performance.now();
    const snapshot = snapshotReport(index, definition, new Date());
    const snapshotMs = ms(started);
    started = performance.now();
    reportPrintHtml(reportView(snapshot, maps)); // the first also compiles the print stylesheet
    const htmlColdMs = ms(started);
    started = performance.now();
    const html = reportPrintHtml(reportView(snapshot, maps));
    const htmlMs = ms(started);
    started = performance.now();
    const first = await printer.print(html, definition.title);
    const coldMs = ms(started);
    const pages = (first.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    const warm: number[] = [];
    for (let i = 0; i < WARM_RUNS; i++) {
      started = performance.now();
      await printer.print(html, definition.title);
      warm.push(ms(started));
    }
    warm.sort((a, b) => a - b);
    const p50 = warm[Math.floor(warm.length / 2)]!;
    console.log(`report: ${definition.sections.length} sections, ${pages} pages, HTML ${fmt(html.length / 1024, 1)} KB, PDF ${fmt(first.length / 1024, 1)} KB`);
    console.log(`snapshot of the figures          ${fmt(snapshotMs, 1)} ms`);
    console.log(`HTML with its charts and maps    ${fmt(htmlMs, 1)} ms (the first, compiling the print stylesheet: ${fmt(htmlColdMs)} ms)`);
    console.log(`PDF, cold (Chromium started)     ${fmt(coldMs)} ms; with the first HTML: ${fmt(coldMs + htmlColdMs + snapshotMs)} ms`);
    console.log(
      `PDF, warm (p50 of ${WARM_RUNS})             ${fmt(p50)} ms (fastest ${fmt(warm[0]!)}, slowest ${fmt(warm[warm.length - 1]!)}); ` +
        `target ≤ ${TARGET_SECONDS} s: ${p50 + snapshotMs + htmlMs <= TARGET_SECONDS * 1000 ? 'ok' : 'OVER'} (with snapshot and HTML: ${fmt(p50 + snapshotMs + htmlMs)} ms)`,
    );
    console.log(`warm PDF ÷ HTML: ${fmt(p50 / htmlMs, 1)}× (the browser's share of the work)`);
  } finally {
    await printer.close();
    await store.close();
  }
}

await main();
