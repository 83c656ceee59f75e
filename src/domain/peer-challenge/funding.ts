// The improvement budget, allocated in the open (issue 21, build item 2). "In
// 2009-10, the Performance Improvement Theme has budget, including carried
// forward sums, of £1.7m. Priorities for the unallocated amounts in this
// budget are agreed by the Theme Management Group which comprises 3
// Councillors and 3 Chief Executives" (000 §8). So a budget is per theme and
// financial year with its carried-forward sum; each allocation to a project or
// a council records the group's decision and its date; what is left is the
// unallocated amount; spend is set against each allocation. An allocation
// larger than what is left is refused, naming the field. Sums are kept in
// whole pence, so that many allocations add up to the penny.
import { formatNumber } from '../format/index.ts';
import { parsePeriod } from '../period/index.ts';
import { isIsoDay } from '../period/index.ts';
import { problem, type Problem } from './problem.ts';

export interface Budget {
  readonly theme: string;
  /** A financial year, '2009/10'. */
  readonly year: string;
  /** The year's new money, in pounds. */
  readonly amount: number;
  /** Sums carried forward from earlier years, in pounds. */
  readonly carriedForward: number;
}

export const RECIPIENT_KINDS = ['project', 'council'] as const;
export type RecipientKind = (typeof RECIPIENT_KINDS)[number];

export interface AllocationDraft {
  readonly theme: string;
  readonly year: string;
  readonly recipient: { readonly kind: RecipientKind; readonly name: string; readonly councilCode: string | null };
  readonly amount: number;
  /** Who decided: the management group. */
  readonly decidedBy: string;
  readonly decidedOn: string;
  /** The decision, as minuted. */
  readonly decision: string;
}

export interface Allocation extends AllocationDraft {
  readonly id: string;
  /** Spent so far against the allocation, in pounds. */
  readonly spent: number;
}

export interface AllocationPosition {
  readonly allocation: Allocation;
  readonly remaining: number;
  readonly overspent: boolean;
  readonly sentence: string;
}

export interface FundingPosition {
  readonly budget: Budget;
  readonly total: number;
  readonly allocated: number;
  readonly unallocated: number;
  readonly spent: number;
  readonly allocations: readonly AllocationPosition[];
  readonly sentence: string;
}

const pence = (pounds: number) => Math.round(pounds * 100);
const pounds = (p: number) => p / 100;
export const money = (amount: number) => `£${formatNumber(amount, Number.isInteger(amount) ? 0 : 2)}`;

/** The budget's total, allocated, unallocated and spent, and each allocation's spend against it. */
export function fundingPosition(budget: Budget, allocations: readonly Allocation[]): FundingPosition {
  const mine = allocations.filter((a) => a.theme === budget.theme && a.year === budget.year);
  const total = pence(budget.amount) + pence(budget.carriedForward);
  const allocated = mine.reduce((sum, a) => sum + pence(a.amount), 0);
  const spent = mine.reduce((sum, a) => sum + pence(a.spent), 0);
  const positions = mine.map((a) => {
    const remaining = pence(a.amount) - pence(a.spent);
    const sentence = `${a.recipient.name}: ${money(a.spent)} spent of ${money(a.amount)} allocated on ${a.decidedOn}${remaining < 0 ? `, ${money(pounds(-remaining))} over` : ''}.`;
    return { allocation: a, remaining: pounds(remaining), overspent: remaining < 0, sentence };
  });
  const sentence = `${budget.theme}, ${budget.year}: ${money(pounds(total))} (${money(budget.amount)} with ${money(budget.carriedForward)} carried forward); ${money(pounds(allocated))} allocated, ${money(pounds(total - allocated))} unallocated, ${money(pounds(spent))} spent.`;
  return { budget, total: pounds(total), allocated: pounds(allocated), unallocated: pounds(total - allocated), spent: pounds(spent), allocations: positions, sentence };
}

/** Every problem of a budget, each naming its field. */
export function checkBudget(budget: Budget): Problem[] {
  const problems: Problem[] = [];
  if (budget.theme.trim() === '') problems.push(problem('theme', 'name the theme'));
  if (!isFinancialYear(budget.year)) problems.push(problem('year', `give a financial year such as 2009/10, not '${budget.year}'`));
  if (!(Number.isFinite(budget.amount) && budget.amount >= 0)) problems.push(problem('amount', 'give the budget in pounds, 0 or more'));
  if (!(Number.isFinite(budget.carriedForward) && budget.carriedForward >= 0)) problems.push(problem('carriedForward', 'give the sum carried forward in pounds, 0 or more'));
  return problems;
}

/** Every problem of a new allocation from a budget, each naming its field: above all, more than is unallocated. */
export function checkAllocation(draft: AllocationDraft, budget: Budget, allocations: readonly Allocation[]): Problem[] {
  const problems: Problem[] = [];
  if (draft.theme !== budget.theme || draft.year !== budget.year) problems.push(problem('year', `the budget is ${budget.theme}, ${budget.year}; the allocation is for ${draft.theme}, ${draft.year}`));
  if (!(RECIPIENT_KINDS as readonly string[]).includes(draft.recipient.kind)) problems.push(problem('recipient.kind', `must be one of ${RECIPIENT_KINDS.join(', ')}`));
  if (draft.recipient.name.trim() === '') problems.push(problem('recipient.name', 'name the project or council'));
  if (draft.recipient.kind === 'council' && !draft.recipient.councilCode) problems.push(problem('recipient.councilCode', 'an allocation to a council names the council'));
  if (draft.decidedBy.trim() === '') problems.push(problem('decidedBy', 'say who decided (the management group)'));
  if (!isIsoDay(draft.decidedOn)) problems.push(problem('decidedOn', 'give the day of the decision as YYYY-MM-DD'));
  if (draft.decision.trim() === '') problems.push(problem('decision', 'record the decision as minuted'));
  if (!(Number.isFinite(draft.amount) && draft.amount > 0)) problems.push(problem('amount', 'give an amount in pounds above 0'));
  else if (Math.abs(draft.amount * 100 - pence(draft.amount)) > 1e-6) problems.push(problem('amount', 'give the amount to the penny'));
  else {
    const { unallocated } = fundingPosition(budget, allocations);
    if (pence(draft.amount) > pence(unallocated))
      problems.push(problem('amount', `${money(draft.amount)} is over the budget: ${money(unallocated)} of ${budget.theme}'s ${budget.year} budget is unallocated`));
  }
  return problems;
}

/** A spend against an allocation: never negative; over the allocation it is shown as overspent, not refused. */
export function checkSpend(spent: number): Problem[] {
  return Number.isFinite(spent) && spent >= 0 ? [] : [problem('spent', 'give the spend in pounds, 0 or more')];
}

function isFinancialYear(label: string): boolean {
  const read = parsePeriod(label);
  return read.kind === 'ok' && read.period.kind === 'financial_year';
}
