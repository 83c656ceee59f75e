export { RETURN_PERIOD_KINDS, checkLocalMetric, isReturnPeriodKind, localMetricCode, type LocalMetricCheck, type LocalMetricDefinition, type ReturnPeriodKind } from './local-metric.ts';
export { NOTE_MAX, checkReturnValues, type GivenValue, type ReturnValue, type ValueRules, type ValuesCheck } from './return-values.ts';
export { DEFAULT_DUE_RULE, checkDueRule, describeDueRule, dueDate, isWorkingDay, type DueRule } from './due-rule.ts';
export { CALENDAR_STATES, returnCalendar, type CalendarEntry, type CalendarState, type HeldPeriod, type ReturnCommitment } from './returns-calendar.ts';
export { ENGLAND_BANK_HOLIDAYS } from './bank-holidays.ts';
export type { ReturnProblem } from './return-problem.ts';
