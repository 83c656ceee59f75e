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
export { savingsTotals, type SavingsTotals, type StatusTotal } from './totals.ts';
export { progressAgainstGoal, readSavingsGoal, type GoalProgress, type SavingsGoal, type YearProgress } from './goal.ts';
