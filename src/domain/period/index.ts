export { PERIOD_KINDS, comparePeriods, isPeriodKind, parsePeriod } from './parse-period.ts';
export type { Period, PeriodKind, PeriodNote, PeriodParse } from './parse-period.ts';
export { isIsoDay } from './calendar-day.ts';
export { isSteppingKind, sameTimeLastYear, stepPeriod, stepsBetween } from './step-period.ts';
