// A report from the demo data, frozen and made into its files: the PDF,
// read back with MuPDF from npm, holds as text the title, every section and
// every figure, is tagged, draws its charts as vectors, and its pages are
// rendered into test-output/reports; the CSV and the spreadsheet hold every
// figure of the snapshot, one sheet per section.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import type { ReportDefinition } from '../../src/domain/report/report-definition.ts';
import { PdfPrinter } from '../../src/reports/pdf.ts';
import { reportCsv, reportPrintHtml, reportXlsx } from '../../src/reports/report-files.ts';
import { snapshotReport, type ReportSnapshot } from '../../src/reports/report-snapshot.ts';
import { reportView } from '../../src/reports/report-view.ts';
import { REFERENCE_DATA_DIR } from '../../src/config.ts';
import { loadBoundaries } from '../../src/server/features/explore/boundaries.ts';
import { buildIndex } from '../../src/engine/benchmark-engine.ts';
import { PROJECT_DIR } from '../support/data.ts';
import { pdfPagePngs, readPdf } from '../support/pdf.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const LEEDS = 'E08000035';
const OUTPUT = path.join(PROJECT_DIR, 'test-output', 'reports');

const DEFINITION: ReportDefinition = {
  title: 'How County Durham compares',
  areas: [DURHAM, LEEDS],
  group: 'neighbours',
  notes: 'Chosen by the council for its plan.',
  sections: [
    { title: 'Physical activity', chart: 'bar', notes: 'Active lives.', metrics: ['percentage-of-physically-active-adults', 'percentage-of-physically-inactive-adults'] },
    { title: 'Where it sits', chart: 'spine', notes: '', metrics: ['percentage-of-adults-aged-18-plus-classified-as-overweight-or-obese'] },
    { title: 'Over time', chart: 'trend', notes: '', metrics: ['healthy-life-expectancy-at-birth-female'] },
    { title: 'Across England', chart: 'map', notes: '', metrics: ['smoking-prevalence-in-adults-in-routine-and-manual-occupations-18-64-current-smokers-aps'] },
    { title: 'Context', chart: 'table', notes: '', metrics: ['population-2020'] },
  ],
};

describe('a report made into files', () => {
  let store: TestStore;
  let snapshot: ReportSnapshot;
  let printer: PdfPrinter;

  before(async () => {
    store = await openDemoStore();
    snapshot = snapshotReport(await buildIndex(store.sql), DEFINITION, new Date('2026-11-25T09:00:00Z'));
    printer = new PdfPrinter();
    fs.mkdirSync(OUTPUT, { recursive: true });
  });
  after(async () => {
    await printer?.close();
    await store?.close();
  });

  /** The stored latest value of a metric for an area. */
  async function stored(metric: string, area: string): Promise<number> {
    const [row] = await store.sql<{ value: number }[]>`
      select o.value from observation o join metric m on m.id = o.metric_id join area a on a.id = o.area_id join period p on p.label = o.period
      where m.code = ${metric} and a.code = ${area} order by p.end_date desc limit 1`;
    return row!.value;
  }

  it("freezes each council's stored figure for every metric", async () => {
    assert.deepEqual(
      snapshot.areas.map((a) => a.name),
      ['County Durham', 'Leeds'],
    );
    for (const section of snapshot.sections) {
      for (const metric of section.metrics) {
        for (const figure of metric.figures) assert.equal(figure.value, await stored(metric.code, figure.area), `${metric.code} ${figure.area}`);
      }
    }
    assert.match(snapshot.sections[0]!.metrics[0]!.figures[0]!.groupLabel, /County Durham and its 15 nearest neighbours/);
    assert.equal(snapshot.takenAt, '2026-11-25T09:00:00.000Z');
  });

  it('prints a PDF whose text holds the title, every section and every figure, and whose pages render', async () => {
    const maps = await loadBoundaries(REFERENCE_DATA_DIR);
    const pdf = await printer.print(reportPrintHtml(reportView(snapshot, maps)), snapshot.title);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    fs.writeFileSync(path.join(OUTPUT, 'durham.pdf'), pdf);
    const reading = readPdf(pdf);
    const text = reading.text.join('\n');
    assert.match(text, /How County Durham compares/);
    for (const section of DEFINITION.sections) assert.ok(text.includes(section.title), section.title);
    for (const metric of snapshot.sections.flatMap((s) => s.metrics)) {
      assert.ok(text.replace(/\s+/g, ' ').includes(metric.title.slice(0, 40)), metric.title);
      for (const figure of metric.figures) {
        const shown = figure.value!.toLocaleString('en-GB', { minimumFractionDigits: metric.decimals, maximumFractionDigits: metric.decimals });
        assert.ok(text.includes(shown), `${metric.code} ${figure.areaName}: ${shown}`);
      }
    }
    assert.ok(reading.pages >= 7, `${reading.pages} pages: a title page, the contents, five sections and the notes`);
    reading.text.forEach((page, i) => assert.ok(page.includes(`Page ${i + 1} of ${reading.pages}`), `page ${i + 1}'s footer`));
    assert.ok(reading.tagged, 'tagged for assistive technology');
    assert.equal(reading.images, 0, 'charts and maps printed as vectors, not pictures');
    const pngs = pdfPagePngs(pdf, 50);
    assert.equal(pngs.length, reading.pages);
    pngs.forEach((png, i) => fs.writeFileSync(path.join(OUTPUT, `durham-page-${i + 1}.png`), png));
  });

  it('gives every figure in a CSV, one row per council and metric', async () => {
    const rows = Papa.parse<Record<string, string>>(reportCsv(snapshot), { header: true, skipEmptyLines: true }).data;
    const metrics = snapshot.sections.flatMap((s) => s.metrics);
    assert.equal(rows.length, metrics.length * 2);
    for (const row of rows) assert.equal(Number(row.value), await stored(row.metric!, row.area!), `${row.metric} ${row.area}`);
    assert.deepEqual(new Set(rows.map((r) => r.section)), new Set(DEFINITION.sections.map((s) => s.title)));
  });

  it('gives a spreadsheet with one sheet per section, numbers as numbers', async () => {
    const sheets = await readXlsxFile(await reportXlsx(snapshot));
    assert.deepEqual(
      sheets.map((s) => s.sheet),
      DEFINITION.sections.map((s) => s.title),
    );
    const first = sheets[0]!.data;
    const header = first[0] as string[];
    const value = header.indexOf('value');
    assert.equal(first.length, 1 + 2 * 2);
    for (const row of first.slice(1)) assert.equal(typeof row[value], 'number');
    assert.equal(first[1]![value], await stored('percentage-of-physically-active-adults', DURHAM));
  });
});
