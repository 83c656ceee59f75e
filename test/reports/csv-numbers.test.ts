// Numbers in files carry no float noise: a report's CSV and spreadsheet give
// each figure to its metric's decimals, as the page shows it, and an
// observations export gives the stored figure without the noise of
// arithmetic (67.30000000000001 is 67.3 in both).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { roundedTo } from '../../src/domain/format/index.ts';
import { observationsCsv, type CsvObservation } from '../../src/reports/observations-csv.ts';
import { reportCsv, reportXlsx } from '../../src/reports/report-files.ts';
import type { ReportSnapshot, SnapshotFigure } from '../../src/reports/report-snapshot.ts';

const NOISY = 67.30000000000001;

const FIGURE: SnapshotFigure = {
  area: 'E06000047',
  areaName: 'County Durham',
  period: '2023/24',
  value: NOISY,
  lower: 0.1 + 0.2,
  upper: 70.04999,
  rank: 3,
  ranked: 12,
  significance: 'not_compared',
  comparison: { key: 'q2', label: 'Second fifth', words: 'Second fifth of North East councils', fill: '#87bca8', text: '#0b0c0c', marker: 'circle' },
  groupLabel: 'North East councils',
  groupMean: 66.66666666666667,
  groupMedian: -0.04,
  benchmark: { value: 1.1 * 3, source: 'England' },
  trend: { direction: 'not_computed', recent: 'not_computed' },
  spread: null,
};

const SNAPSHOT: ReportSnapshot = {
  title: 'Noise',
  notes: '',
  takenAt: '2026-11-25T09:00:00.000Z',
  group: 'region',
  areas: [{ code: 'E06000047', name: 'County Durham' }],
  sources: [],
  sections: [
    {
      title: 'Activity',
      chart: 'table',
      notes: '',
      metrics: [
        {
          code: 'active',
          title: 'Active adults',
          definition: null,
          unit: '%',
          decimals: 1,
          polarity: 'higher_is_better',
          source: null,
          period: '2023/24',
          figures: [FIGURE],
          england: null,
          series: null,
        },
      ],
    },
  ],
};

const ROUNDED = { value: 67.3, lower_ci: 0.3, upper_ci: 70, group_mean: 66.7, group_median: 0, benchmark: 3.3 };

describe('roundedTo', () => {
  it('rounds to the decimals as the page writes them, and leaves no noise', () => {
    assert.equal(roundedTo(NOISY, 1), 67.3);
    assert.equal(String(roundedTo(0.1 + 0.2, 2)), '0.3');
    assert.equal(roundedTo(-2.25, 1), -2.3);
    assert.equal(Object.is(roundedTo(-0.04, 1), -0), false);
    assert.equal(roundedTo(null, 1), null);
    assert.equal(roundedTo(12345.678, 0), 12346);
  });
});

describe("a report's files", () => {
  it("give each figure of the CSV to its metric's decimals", () => {
    const [row] = Papa.parse<Record<string, string>>(reportCsv(SNAPSHOT), { header: true, skipEmptyLines: true }).data;
    for (const [column, expected] of Object.entries(ROUNDED)) assert.equal(row![column], String(expected), column);
  });

  it("give each figure of the spreadsheet to its metric's decimals, as a number", async () => {
    const [sheet] = await readXlsxFile(await reportXlsx(SNAPSHOT));
    const header = sheet!.data[0] as string[];
    const row = sheet!.data[1]!;
    for (const [column, expected] of Object.entries(ROUNDED)) assert.equal(row[header.indexOf(column)], expected, column);
  });
});

describe('an observations export', () => {
  it('writes the stored figure without float noise, and keeps its decimals', async () => {
    const row: CsvObservation = {
      metric: 'active',
      area: 'E06000047',
      areaName: 'County Durham',
      period: '2023/24',
      value: NOISY,
      numerator: 1234,
      denominator: 1833.6,
      lowerCi: 0.1 + 0.2,
      upperCi: 70.04999,
      flags: 0,
    };
    let text = '';
    for await (const chunk of observationsCsv(pagesOf([row]))) text += chunk;
    const [parsed] = Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data;
    assert.equal(parsed!.value, '67.3');
    assert.equal(parsed!.lower_ci, '0.3');
    assert.equal(parsed!.upper_ci, '70.04999');
    assert.equal(parsed!.denominator, '1833.6');
  });
});

async function* pagesOf(rows: readonly CsvObservation[]): AsyncGenerator<readonly CsvObservation[]> {
  await Promise.resolve();
  yield rows;
}
