// A savings goal as data, and a council's progress against it. Seeded with
// Improvement East's brief: "Assist authorities to ensure that 3% cash
// releasing savings are achieved in each of the three years" (001), of a
// baseline spend read from the hub by its metric (the caller reads it through
// the benchmark index and passes the figure). Each year's savings that count
// under the indicator rule are set against that year's target, per status:
// the evidenced share is never swelled by what is merely estimated.
import { formatNumber } from '../format/index.ts';
import { countsUnderRule, INDICATOR_RULE_2008, isFinancialYear, type IndicatorRule, type Problem, type Saving } from './saving.ts';
import { savingsTotals, type SavingsTotals } from './totals.ts';

export interface SavingsGoal {
  readonly id: string;
  readonly version: number;
  readonly title: string;
  /** The share of baseline spend to save in each year: 0.03 is 3%. */
  readonly share: number;
  readonly years: readonly string[];
  /** The metric whose figure is the baseline spend, and the year it is read for. */
  readonly baselineMetric: string;
  readonly baselineYear: string;
  readonly source: string;
}

export type YearProgress =
  | {
      readonly kind: 'measured';
      readonly year: string;
      readonly target: number;
      readonly totals: SavingsTotals;
      /** The evidenced and verified savings as a share of the target. */
      readonly evidencedShare: number;
      readonly sentence: string;
    }
  | { readonly kind: 'no_baseline'; readonly year: string; readonly sentence: string };

export interface GoalProgress {
  readonly goal: SavingsGoal;
  readonly rule: IndicatorRule;
  readonly years: readonly YearProgress[];
  /** Savings left out by the rule, each with why. */
  readonly notCounted: readonly { readonly saving: Saving; readonly reason: string }[];
}

const pounds = (amount: number) => `£${formatNumber(amount, 0)}`;

/** A council's savings against the goal, year by year, counted by the rule. */
export function progressAgainstGoal(goal: SavingsGoal, councilCode: string, baselineSpend: number | null, savings: readonly Saving[], rule: IndicatorRule = INDICATOR_RULE_2008): GoalProgress {
  const mine = savings.filter((s) => s.councilCode === councilCode && goal.years.includes(s.year));
  const notCounted = mine.flatMap((saving) => {
    const verdict = countsUnderRule(saving, rule);
    return verdict.counts ? [] : [{ saving, reason: verdict.reason }];
  });
  const counted = mine.filter((s) => countsUnderRule(s, rule).counts);
  const years = yearsAgainstGoal(goal, baselineSpend, (year) => savingsTotals(counted.filter((s) => s.year === year)));
  return { goal, rule, years, notCounted };
}

/**
 * A council's years against the goal, given the totals of what counts under
 * the rule in each year: the same figures and sentences whether the totals
 * were added up here from savings or by the store.
 */
export function yearsAgainstGoal(goal: SavingsGoal, baselineSpend: number | null, countedIn: (year: string) => SavingsTotals): YearProgress[] {
  return goal.years.map((year): YearProgress => {
    if (baselineSpend === null || !(baselineSpend > 0)) {
      return { kind: 'no_baseline', year, sentence: `${year}: no target, since the hub has no baseline spend (${goal.baselineMetric}, ${goal.baselineYear}) for this council.` };
    }
    const target = Math.round(goal.share * baselineSpend * 100) / 100;
    const totals = countedIn(year);
    const evidencedShare = totals.withEvidence.amount / target;
    const { estimated, claimed } = totals.byStatus;
    const sentence = `${year}: ${pounds(totals.withEvidence.amount)} evidenced of the ${pounds(target)} target (${formatNumber(evidencedShare * 100, 0)}%); besides, ${pounds(claimed.amount)} claimed and ${pounds(estimated.amount)} estimated, not yet evidenced.`;
    return { kind: 'measured', year, target, totals, evidencedShare, sentence };
  });
}

/** Reads a goal from its file, refusing each malformed field by name. */
export function readSavingsGoal(json: unknown): { kind: 'ok'; goal: SavingsGoal } | { kind: 'invalid'; problems: Problem[] } {
  const goal = json as Partial<SavingsGoal> | null;
  const problems: Problem[] = [];
  const wrong = (field: string, message: string) => problems.push({ field, message: `'${field}': ${message}` });
  if (typeof goal?.id !== 'string' || goal.id === '') wrong('id', 'a goal needs an id');
  if (!Number.isInteger(goal?.version)) wrong('version', 'a goal has a whole version number');
  if (typeof goal?.title !== 'string' || goal.title === '') wrong('title', 'a goal needs a title');
  if (!(typeof goal?.share === 'number' && goal.share > 0 && goal.share < 1)) wrong('share', 'give the share of baseline spend between 0 and 1 (0.03 is 3%)');
  if (!Array.isArray(goal?.years) || goal.years.length === 0 || !goal.years.every((y) => typeof y === 'string' && isFinancialYear(y)))
    wrong('years', 'give the goal’s financial years, such as 2008/09');
  if (typeof goal?.baselineMetric !== 'string' || goal.baselineMetric === '') wrong('baselineMetric', 'name the metric of baseline spend');
  if (typeof goal?.baselineYear !== 'string' || !isFinancialYear(goal.baselineYear)) wrong('baselineYear', 'give the financial year of the baseline');
  if (typeof goal?.source !== 'string' || goal.source === '') wrong('source', 'say where the goal comes from');
  return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'ok', goal: goal as SavingsGoal };
}
