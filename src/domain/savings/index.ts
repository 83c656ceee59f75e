export {
  INDICATOR_RULE_2008,
  SAVING_SOURCES,
  SAVING_STATUSES,
  checkSaving,
  countsUnderRule,
  isFinancialYear,
  type Evidence,
  type IndicatorRule,
  type Problem,
  type Saving,
  type SavingSource,
  type SavingStatus,
} from './saving.ts';
export { savingsTotals, totalsOfSums, type SavingsTotals, type StatusSum, type StatusTotal } from './totals.ts';
export { progressAgainstGoal, readSavingsGoal, yearsAgainstGoal, type GoalProgress, type SavingsGoal, type YearProgress } from './goal.ts';
