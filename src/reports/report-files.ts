// A report's figures as files: the print HTML that becomes the PDF, a CSV of
// every figure, and a spreadsheet with one sheet per section. All are made
// from the frozen snapshot, so they agree with the published page. Figures
// are rounded to the metric's decimals, as the page shows them, so that no
// cell carries float noise (67.30000000000001). A targets section's rows
// carry each rating in words with its rule's words.
import Papa from 'papaparse';
import writeXlsxFile from 'write-excel-file/node';
import { roundedTo } from '../domain/format/index.ts';
import { render } from '../web/render.ts';
import { stylesheet } from '../web/stylesheets.ts';
import type { ReportSnapshot } from './report-snapshot.ts';
import type { ReportView } from './report-view.ts';
import { targetRow, type TargetLine } from '../web/views/target-status.ts';
import { VERDICT_COLUMNS, verdictCells } from './verdict-cells.ts';

/** A published version's withdrawal as its files say it: the date written out, and the reason its readers are told. */
export interface Withdrawal {
  readonly on: string;
  readonly reason: string;
}

/** The words a withdrawn version's files carry, as its page says them. */
export function withdrawalNotice(withdrawal: Withdrawal): string {
  return `This version was withdrawn on ${withdrawal.on}. It is kept as it was published; do not rely on its figures. Why it was withdrawn: ${withdrawal.reason}`;
}

export function reportPrintHtml(view: ReportView, version?: { number: number; publishedOn: string; withdrawn?: Withdrawal | null }): string {
  return render('reports/print.njk', { report: view, css: stylesheet('print'), version: version?.number, publishedOn: version?.publishedOn, withdrawn: version?.withdrawn ?? null });
}

const COLUMNS = [
  'section',
  'metric',
  'title',
  'area',
  'area_name',
  'period',
  'value',
  'lower_ci',
  'upper_ci',
  'rank',
  'ranked_in_group',
  'compared',
  ...VERDICT_COLUMNS,
  'group',
  'group_mean',
  'group_median',
  'benchmark',
  'benchmark_source',
  'direction_of_travel',
  'recent_trend',
  'source',
] as const;

type FigureRow = Record<(typeof COLUMNS)[number], string | number | null>;

function figureRows(snapshot: ReportSnapshot): { section: string; rows: FigureRow[] }[] {
  return snapshot.sections.map((section) => ({
    section: section.title,
    rows: section.kind === 'targets' ? (section.targets ?? []).map((line) => targetCells(section.title, line)) : metricRows(section),
  }));
}

/**
 * A target as a row of the same columns: its actual as the value, its band
 * (or why it has none) as the verdict, the rule's words as the verdict's rule,
 * the trajectory's value as the benchmark it is judged against, and the
 * agreement and target as the group.
 */
function targetCells(section: string, line: TargetLine): FigureRow {
  const row = targetRow(line);
  const n = (figure: number | null) => roundedTo(figure, line.metric.decimals);
  return {
    ...Object.fromEntries(COLUMNS.map((c) => [c, null])),
    section,
    metric: line.metric.code,
    title: line.metric.title,
    area: line.area.code,
    area_name: line.area.name,
    period: line.period,
    value: n(line.actual),
    compared: row.tag,
    verdict: row.tag,
    verdict_sentence: `${line.target.reference}: ${row.reason ?? `actual ${row.actual} against a trajectory of ${row.trajectory}`}; aim ${row.goal}`,
    verdict_rule: line.rating.rule,
    group: `${line.agreement.title}, target ${line.target.reference}`,
    benchmark: n(line.expected),
    benchmark_source: 'trajectory',
  } as FigureRow;
}

function metricRows(section: ReportSnapshot['sections'][number]): FigureRow[] {
  return section.metrics.flatMap((metric) =>
    metric.figures.map((f): FigureRow => {
      const n = (figure: number | null | undefined) => roundedTo(figure ?? null, metric.decimals);
      return {
        section: section.title,
        metric: metric.code,
        title: metric.title,
        area: f.area,
        area_name: f.areaName,
        period: f.period,
        value: n(f.value),
        lower_ci: n(f.lower),
        upper_ci: n(f.upper),
        rank: f.rank,
        ranked_in_group: f.ranked,
        compared: f.comparison.label,
        ...verdictCells(f.comparison),
        group: f.groupLabel,
        group_mean: n(f.groupMean),
        group_median: n(f.groupMedian),
        benchmark: n(f.benchmark?.value),
        benchmark_source: f.benchmark?.source ?? null,
        direction_of_travel: f.trend.direction,
        recent_trend: f.trend.recent,
        source: metric.source,
      };
    }),
  );
}

/** A withdrawn version's rows each say so, so that a row read alone cannot be taken for a standing figure. */
const WITHDRAWN_COLUMNS = ['withdrawn_on', 'withdrawn_reason'] as const;

function columnsOf(withdrawal: Withdrawal | null): readonly string[] {
  return withdrawal ? [...COLUMNS, ...WITHDRAWN_COLUMNS] : COLUMNS;
}

function cellsOf(row: FigureRow, withdrawal: Withdrawal | null): (string | number | null)[] {
  const cells = COLUMNS.map((c) => row[c]);
  return withdrawal ? [...cells, withdrawal.on, withdrawal.reason] : cells;
}

/** Every figure, one row per council and metric; cells a spreadsheet would run as formulas are escaped. */
export function reportCsv(snapshot: ReportSnapshot, withdrawal: Withdrawal | null = null): string {
  const rows = figureRows(snapshot).flatMap((s) => s.rows);
  return Papa.unparse({ fields: [...columnsOf(withdrawal)], data: rows.map((r) => cellsOf(r, withdrawal)) }, { escapeFormulae: true, newline: '\r\n' }) + '\r\n';
}

/**
 * One sheet per section (names made unique and within Excel's 31 characters),
 * numbers as numbers; a withdrawn version's first sheet says it was withdrawn,
 * when and why.
 */
export async function reportXlsx(snapshot: ReportSnapshot, withdrawal: Withdrawal | null = null): Promise<Buffer> {
  const used = new Set<string>(withdrawal ? ['withdrawn'] : []);
  const sheets = figureRows(snapshot).map(({ section, rows }, i) => ({
    sheet: sheetName(section, i, used),
    data: [columnsOf(withdrawal).map((c) => ({ value: c, fontWeight: 'bold' as const })), ...rows.map((r) => cellsOf(r, withdrawal).map((cell) => cell ?? null))],
  }));
  const notice = withdrawal ? [{ sheet: 'Withdrawn', data: [[{ value: 'Withdrawn', fontWeight: 'bold' as const }], [{ value: withdrawalNotice(withdrawal) }]] }] : [];
  return writeXlsxFile([...notice, ...sheets]).toBuffer();
}

function sheetName(title: string, i: number, used: Set<string>): string {
  const base =
    title
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 26) || 'Section';
  let name = base;
  for (let n = 2; used.has(name.toLowerCase()); n++) name = `${base} (${n})`;
  used.add(name.toLowerCase());
  return name || `Section ${i + 1}`;
}
