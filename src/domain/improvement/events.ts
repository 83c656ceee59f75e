// Statutory action recorded on a case: a Best Value Notice (issued for 6 or
// 12 months, and renewed, each renewal a notice of its own naming the one it
// renews), an inspection, an intervention. Each has a start and, where it is
// known, an end, so a page says how long it has run.
import { given, type CaseProblem } from './problem.ts';

export const EVENT_KINDS = ['best_value_notice', 'inspection', 'intervention'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

export const EVENT_KIND_LABELS: Readonly<Record<EventKind, string>> = {
  best_value_notice: 'Best Value Notice',
  inspection: 'Inspection',
  intervention: 'Intervention',
};

/** How long a Best Value Notice runs. */
export const NOTICE_MONTHS = [6, 12] as const;

export interface EventInput {
  readonly kind: string;
  readonly startsOn: string;
  readonly endsOn?: string | null | undefined;
  /** A notice's length in months, from which its end is worked out. */
  readonly months?: number | null | undefined;
  /** The event a renewal renews: its kind and end. */
  readonly renews?: { readonly kind: EventKind; readonly startsOn: string } | null | undefined;
}

export function isEventKind(text: string): text is EventKind {
  return (EVENT_KINDS as readonly string[]).includes(text);
}

/** The day `months` after `day` (2026-01-31 + 1 month ends on 2026-02-28). */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/** When the event ends: a notice from its months, anything else as given. */
export function eventEnd(input: EventInput): string | null {
  if (input.kind === 'best_value_notice' && input.months) return addMonths(input.startsOn, input.months);
  return given(input.endsOn) ? input.endsOn : null;
}

export function eventProblems(input: EventInput): CaseProblem[] {
  if (!isEventKind(input.kind)) return [{ field: 'kind', message: `'kind' must be one of ${EVENT_KINDS.join(', ')}` }];
  const problems: CaseProblem[] = [];
  if (input.kind === 'best_value_notice' && !(NOTICE_MONTHS as readonly (number | null | undefined)[]).includes(input.months)) {
    problems.push({ field: 'months', message: "'months': a Best Value Notice runs for 6 or 12 months" });
  }
  if (input.kind !== 'best_value_notice' && input.months != null) problems.push({ field: 'months', message: "'months': only a Best Value Notice is given in months; give 'endsOn'" });
  const end = eventEnd(input);
  if (end !== null && end < input.startsOn) problems.push({ field: 'endsOn', message: "'endsOn' must not be before 'startsOn'" });
  if (input.renews) {
    if (input.renews.kind !== input.kind) problems.push({ field: 'renews', message: `'renews': a renewal renews an event of its own kind (${EVENT_KIND_LABELS[input.renews.kind]})` });
    else if (input.startsOn < input.renews.startsOn) problems.push({ field: 'startsOn', message: "'startsOn': a renewal starts after the event it renews" });
  }
  return problems;
}

/** Whole days from start to end, both counted; null while it has no end. */
export function durationDays(startsOn: string, endsOn: string | null): number | null {
  if (endsOn === null) return null;
  return Math.round((Date.parse(`${endsOn}T00:00:00Z`) - Date.parse(`${startsOn}T00:00:00Z`)) / 86_400_000) + 1;
}
