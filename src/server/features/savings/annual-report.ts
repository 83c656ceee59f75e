// A year of the partnership's savings against the goal, by council and
// status: the rows the partnership page shows and the annual report prints
// (through the reports path's one printer). Each copy printed is audited as
// an export.
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import { formatNumber } from '../../../domain/format/index.ts';
import { INDICATOR_RULE_2008, type SavingsTotals } from '../../../domain/savings/index.ts';
import type { PdfPrinter } from '../../../reports/pdf.ts';
import { savingsReportHtml, type SavingsReportRow, type SavingsReportView } from '../../../reports/savings-report.ts';
import type { Sql } from '../../../store/store.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';
import { partnershipSavings, type PartnershipSavings } from './savings-view.ts';

export const pounds = (amount: number) => `£${formatNumber(amount, 0)}`;

/** A council's row of a year (or the total's), as the page shows it and the annual report prints it. */
export function reportRow(councilName: string, totals: SavingsTotals, target: number | null, sentence: string): SavingsReportRow {
  const { estimated, claimed, evidenced, verified } = totals.byStatus;
  return {
    councilName,
    estimated: pounds(estimated.amount),
    claimed: pounds(claimed.amount),
    evidenced: pounds(evidenced.amount),
    verified: pounds(verified.amount),
    withEvidence: pounds(totals.withEvidence.amount),
    target: target === null ? 'no baseline' : pounds(target),
    share: target === null || target === 0 ? '–' : `${formatNumber((totals.withEvidence.amount / target) * 100, 0)}%`,
    sentence,
  };
}

/** The year's rows, a council a row, and the total of the councils shown; refused, naming 'year', for a year the goal does not have. */
export function yearRows(partnership: PartnershipSavings, year: string): { rows: SavingsReportRow[]; total: SavingsReportRow; notCounted: string[] } {
  const sum = partnership.years.find((y) => y.year === year);
  if (!sum) throw invalidInput([{ field: 'year', message: `'year': the goal's years are ${partnership.goal.years.join(', ')}, not '${year}'` }]);
  const rows = partnership.councils.flatMap((council) => {
    const progress = council.progress.years.find((y) => y.year === year);
    if (!progress) return [];
    if (progress.kind === 'measured') return [reportRow(council.councilName, progress.totals, progress.target, progress.sentence)];
    const counted = council.counted.find((y) => y.year === year);
    return counted ? [reportRow(council.councilName, counted.totals, null, progress.sentence)] : [];
  });
  const total = reportRow('All councils shown', sum.totals, sum.councilsWithTarget > 0 ? sum.target : null, '');
  const notCounted = partnership.councils.flatMap((c) =>
    c.progress.notCounted.filter((n) => n.saving.year === year).map((n) => `${c.councilName}: ${pounds(n.saving.amount)}, ${n.saving.description} (${n.reason})`),
  );
  return { rows, total, notCounted };
}

/** The annual report of a year (the goal's last when none is given) as PDF, for the viewer: only the councils whose savings they may read. */
export async function annualReport(sql: Sql, access: RequestAccess, index: BenchmarkIndex, printer: PdfPrinter, yearText: unknown): Promise<{ pdf: Buffer; view: SavingsReportView }> {
  const partnership = await partnershipSavings(sql, access, index);
  const year = typeof yearText === 'string' && yearText !== '' ? yearText : partnership.goal.years.at(-1)!;
  const { rows, total, notCounted } = yearRows(partnership, year);
  const view: SavingsReportView = {
    year,
    goalTitle: partnership.goal.title,
    goalSource: partnership.goal.source,
    rule: INDICATOR_RULE_2008.source,
    printedOn: new Date(access.now).toISOString().slice(0, 10),
    printedFor: access.actor.actor,
    rows,
    total,
    notCounted,
  };
  const pdf = await printer.print(savingsReportHtml(view), `Efficiency savings ${year}`);
  await access.audit(sql, 'export', 'saving', null, `printed the annual report of savings for ${year}: ${rows.length} councils`);
  return { pdf, view };
}
