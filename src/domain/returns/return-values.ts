// A return's values checked as LG Inform takes them (IMPROVEMENT.md, "Resident
// surveys and councils' own data"): one value a period, of the metric's
// period kind; blank when not submitted; never below zero for counts,
// proportions and rates; at most two decimals; a note per period (why a value
// is blank, late or unusual). Every refusal names its field and, for a file,
// its line, so that the officer can find it; a set of values with any
// refusal is refused whole, since a return is all or nothing.
import type { ValueKind } from '../metric/index.ts';
import { comparePeriods, parsePeriod, type Period } from '../period/index.ts';
import type { ReturnPeriodKind } from './local-metric.ts';
import type { ReturnProblem } from './return-problem.ts';

/** One period's value as given: from a form (text), the API (a number or null) or a file (text). */
export interface GivenValue {
  readonly period: unknown;
  readonly value: unknown;
  readonly note?: unknown;
  /** The file's line, where it came from a file. */
  readonly line?: number;
}

/** A checked value: null when the period is not submitted. */
export interface ReturnValue {
  readonly period: Period;
  readonly value: number | null;
  readonly note: string | null;
}

/** What the check needs to know of the metric and the day. */
export interface ValueRules {
  readonly periodKind: ReturnPeriodKind;
  readonly valueKind: ValueKind;
  /** Today in London (YYYY-MM-DD): a period that has not begun has no value yet. */
  readonly today: string;
}

export type ValuesCheck = { readonly kind: 'ok'; readonly values: readonly ReturnValue[] } | { readonly kind: 'refused'; readonly problems: readonly ReturnProblem[] };

export const NOTE_MAX = 2000;
const NEVER_NEGATIVE: ReadonlySet<ValueKind> = new Set(['count', 'proportion', 'rate']);
const PERIOD_WORDS: Readonly<Record<ReturnPeriodKind, string>> = { quarter: 'quarter', month: 'month', financial_year: 'financial year' };
const NUMBER = /^-?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/;

/**
 * Checks every value; `fieldOf` names a value's field as its form or body
 * does (`values[2].value`), and a file's problems carry its line instead.
 */
export function checkReturnValues(given: readonly GivenValue[], rules: ValueRules, fieldOf: (index: number, field: string) => string = (_, field) => field): ValuesCheck {
  const problems: ReturnProblem[] = [];
  const values: ReturnValue[] = [];
  const seen = new Map<string, number | undefined>();
  given.forEach((row, index) => {
    const at = (field: string, message: string) => problems.push({ field: fieldOf(index, field), message, ...(row.line === undefined ? {} : { line: row.line }) });
    const period = checkPeriod(row.period, rules, at);
    const value = checkValue(row.value, rules.valueKind, at);
    const note = checkNote(row.note, at);
    if (period && seen.has(period.label)) {
      const first = seen.get(period.label);
      at('period', `'period' ${period.label} is given twice${first === undefined ? '' : ` (first on line ${first})`}`);
    } else if (period) seen.set(period.label, row.line);
    if (period && value !== undefined && note !== undefined) values.push({ period, value, note });
  });
  if (problems.length > 0) return { kind: 'refused', problems };
  return { kind: 'ok', values: values.sort((a, b) => comparePeriods(a.period, b.period)) };
}

function checkPeriod(raw: unknown, rules: ValueRules, at: (field: string, message: string) => void): Period | undefined {
  if (typeof raw !== 'string' || raw.trim() === '') return void at('period', `'period' is required, as a ${PERIOD_WORDS[rules.periodKind]} such as ${example(rules.periodKind)}`);
  const parsed = parsePeriod(raw);
  if (parsed.kind === 'invalid') return void at('period', `'period' ${raw.trim()} is not a period: ${parsed.reason}`);
  if (parsed.period.kind !== rules.periodKind)
    return void at('period', `'period' ${parsed.period.label} is not a ${PERIOD_WORDS[rules.periodKind]}: this return is by ${PERIOD_WORDS[rules.periodKind]}, such as ${example(rules.periodKind)}`);
  if (parsed.period.start > rules.today) return void at('period', `'period' ${parsed.period.label} has not begun: values are entered once a period has begun`);
  return parsed.period;
}

/** The value, null when blank (not submitted), undefined when refused. */
function checkValue(raw: unknown, valueKind: ValueKind, at: (field: string, message: string) => void): number | null | undefined {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return null;
  const text = typeof raw === 'number' ? String(raw) : typeof raw === 'string' ? raw.trim() : null;
  if (text === null || (typeof raw === 'string' && !NUMBER.test(text))) return void at('value', `'value' must be a number, or blank when not submitted`);
  const value = typeof raw === 'number' ? raw : Number(text.replace(/,/g, ''));
  if (!Number.isFinite(value)) return void at('value', `'value' must be a number, or blank when not submitted`);
  if (value < 0 && NEVER_NEGATIVE.has(valueKind)) return void at('value', `'value' must be 0 or more: a ${valueKind} cannot be below zero`);
  if (!withinTwoDecimals(raw, value)) return void at('value', `'value' ${text} has more than two decimal places`);
  return value;
}

function withinTwoDecimals(raw: unknown, value: number): boolean {
  if (typeof raw === 'string') return !/\.\d{3,}$/.test(raw.trim());
  const hundredths = value * 100;
  return Math.abs(hundredths - Math.round(hundredths)) <= 1e-9 * Math.max(1, Math.abs(hundredths));
}

function checkNote(raw: unknown, at: (field: string, message: string) => void): string | null | undefined {
  if (raw === undefined || raw === null) return null;
  if (typeof raw !== 'string') return void at('note', `'note' must be text`);
  const note = raw.trim();
  if (note.length > NOTE_MAX) return void at('note', `'note' must be ${NOTE_MAX} characters or fewer`);
  return note === '' ? null : note;
}

function example(kind: ReturnPeriodKind): string {
  return kind === 'quarter' ? '2025/26 Q2' : kind === 'month' ? '2025-09' : '2025/26';
}
