// Efficiency savings, per council and financial year (issue 21, build item
// 9). A saving has an amount a year, whether it releases cash, how many full
// financial years it lasts, where it came from (a shared service, a
// procurement, support given) and how far it is proven: estimated, claimed,
// evidenced by a document or an observation in the hub, or verified by a
// named user. The 2008 national indicator counted "net, cash-releasing
// savings that last at least two full financial years" (IMPROVEMENT.md); that
// rule is data, so a page says which rule a saving was counted by.
import { parsePeriod } from '../period/index.ts';

export const SAVING_SOURCES = ['shared_service', 'procurement', 'support_given', 'service_redesign', 'other'] as const;
export type SavingSource = (typeof SAVING_SOURCES)[number];

export const SAVING_STATUSES = ['estimated', 'claimed', 'evidenced', 'verified'] as const;
export type SavingStatus = (typeof SAVING_STATUSES)[number];

export type Evidence =
  | { readonly kind: 'document'; readonly reference: string }
  /** A figure in the hub that shows the saving: the metric, the council and the period. */
  | { readonly kind: 'observation'; readonly metricCode: string; readonly areaCode: string; readonly period: string };

export interface Saving {
  readonly councilCode: string;
  /** The financial year the saving is first made in, '2008/09'. */
  readonly year: string;
  /** Pounds a year. */
  readonly amount: number;
  readonly cashReleasing: boolean;
  /** Full financial years the saving lasts. */
  readonly lastsFullYears: number;
  readonly source: SavingSource;
  readonly description: string;
  readonly status: SavingStatus;
  readonly evidence: Evidence | null;
  /** The user who verified it, by name, when verified. */
  readonly verifiedBy: string | null;
}

export interface Problem {
  readonly field: string;
  readonly message: string;
}

const problem = (field: string, message: string): Problem => ({ field, message: `'${field}': ${message}` });

/** Every problem of a saving, each naming its field; none when it may be recorded. */
export function checkSaving(saving: Saving): Problem[] {
  const problems: Problem[] = [];
  if (saving.councilCode.trim() === '') problems.push(problem('councilCode', 'name the council'));
  if (!isFinancialYear(saving.year)) problems.push(problem('year', `give a financial year such as 2008/09, not '${saving.year}'`));
  if (!Number.isFinite(saving.amount)) problems.push(problem('amount', 'give the saving in pounds a year'));
  else if (saving.amount < 0) problems.push(problem('amount', `a saving is not negative (${saving.amount}); a cost is not a saving`));
  if (!(Number.isInteger(saving.lastsFullYears) && saving.lastsFullYears >= 0)) problems.push(problem('lastsFullYears', 'give the full financial years the saving lasts, a whole number'));
  if (!(SAVING_SOURCES as readonly string[]).includes(saving.source)) problems.push(problem('source', `must be one of ${SAVING_SOURCES.join(', ')}`));
  if (!(SAVING_STATUSES as readonly string[]).includes(saving.status)) problems.push(problem('status', `must be one of ${SAVING_STATUSES.join(', ')}`));
  problems.push(...evidenceProblems(saving));
  return problems;
}

function evidenceProblems(saving: Saving): Problem[] {
  const needsEvidence = saving.status === 'evidenced' || saving.status === 'verified';
  const { evidence } = saving;
  if (evidence === null) return needsEvidence ? [problem('evidence', `a saving ${saving.status} needs its evidence: a document or an observation in the hub`)] : [];
  const problems: Problem[] = [];
  if (evidence.kind === 'document' && evidence.reference.trim() === '') problems.push(problem('evidence.reference', 'name the document'));
  if (evidence.kind === 'observation') {
    if (evidence.metricCode.trim() === '') problems.push(problem('evidence.metricCode', 'name the metric'));
    if (evidence.areaCode.trim() === '') problems.push(problem('evidence.areaCode', 'name the area'));
    if (parsePeriod(evidence.period).kind !== 'ok') problems.push(problem('evidence.period', `'${evidence.period}' is not a period Lantern reads`));
  }
  if (saving.status === 'verified' && (saving.verifiedBy ?? '').trim() === '') problems.push(problem('verifiedBy', 'a verified saving names the user who verified it'));
  if (saving.status !== 'verified' && saving.verifiedBy !== null) problems.push(problem('verifiedBy', `a saving ${saving.status} has not been verified`));
  return problems;
}

export interface IndicatorRule {
  readonly version: number;
  readonly cashReleasingOnly: boolean;
  readonly minimumFullYears: number;
  readonly source: string;
}

export const INDICATOR_RULE_2008: IndicatorRule = Object.freeze({
  version: 1,
  cashReleasingOnly: true,
  minimumFullYears: 2,
  source: "The 2008 national indicator set's value-for-money indicator: net, cash-releasing savings that last at least two full financial years (IMPROVEMENT.md).",
});

/** Whether a saving counts under the rule, and why not when it does not. */
export function countsUnderRule(saving: Pick<Saving, 'cashReleasing' | 'lastsFullYears'>, rule: IndicatorRule = INDICATOR_RULE_2008): { readonly counts: boolean; readonly reason: string } {
  if (rule.cashReleasingOnly && !saving.cashReleasing) return { counts: false, reason: 'not cash-releasing' };
  if (saving.lastsFullYears < rule.minimumFullYears) return { counts: false, reason: `lasts ${saving.lastsFullYears} full financial year(s), fewer than ${rule.minimumFullYears}` };
  return { counts: true, reason: `cash-releasing and lasts ${saving.lastsFullYears} full financial years` };
}

export function isFinancialYear(label: string): boolean {
  const read = parsePeriod(label);
  return read.kind === 'ok' && read.period.kind === 'financial_year';
}
