// A local metric: one a council defines for itself, because no library metric
// measures what it watches in year (DESIGN.md: metric status 'local'). The
// council gives its title, definition, unit, polarity, value kind and period
// kind; Lantern makes its code from the council and the title, so two
// councils' metrics of one title never collide, and checks every field,
// refusing with the field's name. In-year returns run by quarter, month or
// financial year, so only those period kinds are offered.
import { isPolarity, isValueKind, metricCodeFromTitle, type Polarity, type ValueKind } from '../metric/index.ts';
import type { ReturnProblem } from './return-problem.ts';

export const RETURN_PERIOD_KINDS = ['quarter', 'month', 'financial_year'] as const;
export type ReturnPeriodKind = (typeof RETURN_PERIOD_KINDS)[number];

export interface LocalMetricDefinition {
  readonly code: string;
  readonly title: string;
  readonly definition: string;
  readonly unit: string | null;
  readonly polarity: Polarity;
  readonly valueKind: ValueKind;
  readonly periodKind: ReturnPeriodKind;
  /** Returns are taken to two decimals, as LG Inform takes them. */
  readonly decimals: number;
}

export type LocalMetricCheck = { readonly kind: 'ok'; readonly metric: LocalMetricDefinition } | { readonly kind: 'refused'; readonly problems: readonly ReturnProblem[] };

const TITLE_MAX = 200;
const DEFINITION_MAX = 2000;
const UNIT_MAX = 50;

export function isReturnPeriodKind(text: unknown): text is ReturnPeriodKind {
  return typeof text === 'string' && (RETURN_PERIOD_KINDS as readonly string[]).includes(text);
}

/** The code of a council's local metric: 'local-', the council's GSS code, then the title's words. */
export function localMetricCode(areaCode: string, title: string): string {
  return `local-${areaCode.toLowerCase()}-${metricCodeFromTitle(title)}`.slice(0, 100).replace(/-+$/, '');
}

/** Checks a council's definition as given (a form's or the API's fields) and makes its code. */
export function checkLocalMetric(areaCode: string, given: Readonly<Record<string, unknown>>): LocalMetricCheck {
  const problems: ReturnProblem[] = [];
  const text = (field: string, max: number, required: boolean): string | null => {
    const raw = given[field];
    const value = typeof raw === 'string' ? raw.trim() : raw === undefined || raw === null ? '' : null;
    if (value === null) return refuse(problems, field, `'${field}' must be text`);
    if (value === '') return required ? refuse(problems, field, `'${field}' is required`) : null;
    if (value.length > max) return refuse(problems, field, `'${field}' must be ${max} characters or fewer`);
    return value;
  };
  const title = text('title', TITLE_MAX, true);
  const definition = text('definition', DEFINITION_MAX, true);
  const unit = text('unit', UNIT_MAX, false);
  if (title !== null && metricCodeFromTitle(title) === '') refuse(problems, 'title', `'title' needs at least one letter or digit`);
  const polarity = chosen(problems, given, 'polarity', isPolarity, 'higher_is_better, lower_is_better or neutral');
  const valueKind = chosen(problems, given, 'valueKind', isValueKind, 'count, proportion, rate, mean, currency or index');
  const periodKind = chosen(problems, given, 'periodKind', isReturnPeriodKind, 'quarter, month or financial_year');
  if (problems.length > 0 || title === null || definition === null || !polarity || !valueKind || !periodKind) return { kind: 'refused', problems };
  return { kind: 'ok', metric: { code: localMetricCode(areaCode, title), title, definition, unit, polarity, valueKind, periodKind, decimals: 2 } };
}

function chosen<T extends string>(problems: ReturnProblem[], given: Readonly<Record<string, unknown>>, field: string, is: (text: string) => text is T, choices: string): T | null {
  const raw = given[field];
  if (typeof raw === 'string' && is(raw)) return raw;
  return refuse(problems, field, raw === undefined || raw === '' ? `'${field}' is required: ${choices}` : `'${field}' must be one of ${choices}`);
}

function refuse(problems: ReturnProblem[], field: string, message: string): null {
  problems.push({ field, message });
  return null;
}
