// The annual report of efficiency savings: a year's savings by council and
// status against the savings goal, printed to PDF through the reports path
// (the same headless Chromium, the same print stylesheet). Figures come in
// already worded, so that the page and the report say the same thing; the
// estimated, claimed and evidenced columns are never added together.
import { render } from '../web/render.ts';
import { stylesheet } from '../web/stylesheets.ts';

export interface SavingsReportRow {
  readonly councilName: string;
  readonly estimated: string;
  readonly claimed: string;
  readonly evidenced: string;
  readonly verified: string;
  readonly withEvidence: string;
  readonly target: string;
  readonly share: string;
  readonly sentence: string;
}

export interface SavingsReportView {
  readonly year: string;
  readonly goalTitle: string;
  readonly goalSource: string;
  readonly rule: string;
  readonly printedOn: string;
  readonly printedFor: string;
  readonly rows: readonly SavingsReportRow[];
  readonly total: SavingsReportRow;
  /** Savings of the year left out by the rule, each with its council and why. */
  readonly notCounted: readonly string[];
}

export function savingsReportHtml(view: SavingsReportView): string {
  return render('savings/report.njk', { report: view, css: stylesheet('print') });
}
