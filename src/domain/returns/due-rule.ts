// When a period's value is due: a rule per return, kept as data with the
// return, so that each council's commitment says its own deadline and the
// calendar shows the rule beside each date. Two kinds: a number of working
// days after the period ends (weekends and England's bank holidays skipped),
// or a number of months after it ends (the same day of the month, or the
// month's last day when it has fewer). Lantern's default, when a return
// names none, is 20 working days, about the month LG Inform gives in-year
// returns.
import { ENGLAND_BANK_HOLIDAYS } from './bank-holidays.ts';
import type { ReturnProblem } from './return-problem.ts';

export type DueRule = { readonly kind: 'working_days_after'; readonly days: number } | { readonly kind: 'months_after'; readonly months: number };

export const DEFAULT_DUE_RULE: DueRule = Object.freeze({ kind: 'working_days_after', days: 20 });

const LIMITS = { working_days_after: 60, months_after: 12 } as const;

/** Due dates already worked out: a calendar across councils asks the same few period ends and rules thousands of times. */
const KNOWN = new Map<string, string>();
const MOST_KNOWN = 10_000;

/** The date (YYYY-MM-DD) a period ending on `periodEnd` (YYYY-MM-DD, inclusive) is due under `rule`. */
export function dueDate(periodEnd: string, rule: DueRule): string {
  const key = `${periodEnd}|${rule.kind}|${rule.kind === 'working_days_after' ? rule.days : rule.months}`;
  let due = KNOWN.get(key);
  if (due === undefined) {
    if (KNOWN.size >= MOST_KNOWN) KNOWN.clear();
    KNOWN.set(key, (due = workOut(periodEnd, rule)));
  }
  return due;
}

function workOut(periodEnd: string, rule: DueRule): string {
  switch (rule.kind) {
    case 'working_days_after':
      return addWorkingDays(periodEnd, rule.days);
    case 'months_after':
      return addMonths(periodEnd, rule.months);
  }
}

/** The rule in words, for the calendar and the return's page. */
export function describeDueRule(rule: DueRule): string {
  switch (rule.kind) {
    case 'working_days_after':
      return `${rule.days} working ${rule.days === 1 ? 'day' : 'days'} after the period ends`;
    case 'months_after':
      return `${rule.months} ${rule.months === 1 ? 'month' : 'months'} after the period ends`;
  }
}

/** A rule as given (form or API), or the default when none is given; each refusal names its field. */
export function checkDueRule(given: unknown): { readonly kind: 'ok'; readonly rule: DueRule } | { readonly kind: 'refused'; readonly problems: readonly ReturnProblem[] } {
  if (given === undefined || given === null) return { kind: 'ok', rule: DEFAULT_DUE_RULE };
  const rule = given as { kind?: unknown; days?: unknown; months?: unknown };
  if (rule.kind !== 'working_days_after' && rule.kind !== 'months_after')
    return { kind: 'refused', problems: [{ field: 'dueRule.kind', message: `'dueRule.kind' must be working_days_after or months_after` }] };
  const field = rule.kind === 'working_days_after' ? 'days' : 'months';
  const raw = rule[field];
  const count = typeof raw === 'string' && /^\d+$/.test(raw.trim()) ? Number(raw) : raw;
  const limit = LIMITS[rule.kind];
  if (typeof count !== 'number' || !Number.isInteger(count) || count < 1 || count > limit)
    return { kind: 'refused', problems: [{ field: `dueRule.${field}`, message: `'dueRule.${field}' must be a whole number from 1 to ${limit}` }] };
  return { kind: 'ok', rule: rule.kind === 'working_days_after' ? { kind: rule.kind, days: count } : { kind: rule.kind, months: count } };
}

export function isWorkingDay(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !ENGLAND_BANK_HOLIDAYS.has(date);
}

function addWorkingDays(from: string, days: number): string {
  let date = from;
  for (let left = days; left > 0;) {
    date = nextDay(date);
    if (isWorkingDay(date)) left -= 1;
  }
  return date;
}

function addMonths(from: string, months: number): string {
  const [year, month, day] = from.split('-').map(Number) as [number, number, number];
  const target = new Date(Date.UTC(year, month - 1 + months, 1));
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate();
  // a period ending on its month's last day is due on the last day of the month `months` later
  const endOfMonth = day === new Date(Date.UTC(year, month, 0)).getUTCDate();
  target.setUTCDate(endOfMonth ? lastDay : Math.min(day, lastDay));
  return target.toISOString().slice(0, 10);
}

function nextDay(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}
