// A metric's release rule as a form that works without script: the kind as
// radios, the instant as a day in three boxes and a time on London's clock,
// the months after the period as a number. What the officer types is made
// into the body setRule takes (the API's), and a refusal's fields into the
// form's boxes, so that the error summary links each problem to its box and
// every typed value is kept.
import type { ReleaseRule } from '../../../domain/release/index.ts';
import type { FieldProblem } from '../../platform/http/checked-input.ts';

export type Form = Record<string, string | undefined>;

/** The form's fields as setRule's body, or what is missing, each naming its box. */
export function ruleFromForm(form: Form): { body: Record<string, unknown>; problems: FieldProblem[] } {
  const text = (name: string) => form[name]?.trim() ?? '';
  const kind = text('kind');
  const problems: FieldProblem[] = [];
  if (kind === 'public_from') {
    const day = dayOf(text('publicFrom-day'), text('publicFrom-month'), text('publicFrom-year'));
    if (!day) problems.push({ field: 'publicFrom-day', message: 'Enter the day the values become public as day, month and year, for example 1 4 2027' });
    const time = text('publicFrom-time') || '00:00';
    if (!/^([01]?\d|2[0-3]):[0-5]\d$/.test(time)) problems.push({ field: 'publicFrom-time', message: 'Enter the time as hours and minutes on the 24-hour clock, for example 09:30' });
    return { body: { kind, publicFrom: day && problems.length === 0 ? londonInstant(day, time.padStart(5, '0')) : '' }, problems };
  }
  if (kind === 'public_after_period') {
    const months = text('monthsAfter');
    if (!/^\d{1,3}$/.test(months)) problems.push({ field: 'monthsAfter', message: 'Enter the months after the end of the period as a whole number, for example 12' });
    return { body: { kind, monthsAfter: Number(months) }, problems };
  }
  if (kind !== 'private') problems.push({ field: 'kind', message: 'Choose when the values become public' });
  return { body: { kind }, problems };
}

/** The form of a rule already set, or an empty one. */
export function formOfRule(rule: ReleaseRule | null): Form {
  if (rule === null) return {};
  switch (rule.kind) {
    case 'private':
      return { kind: 'private' };
    case 'public_after_period':
      return { kind: rule.kind, monthsAfter: String(rule.months) };
    case 'public_from': {
      const [year, month, day, hour, minute] = londonParts(rule.instant);
      return { kind: rule.kind, 'publicFrom-day': String(Number(day)), 'publicFrom-month': String(Number(month)), 'publicFrom-year': year, 'publicFrom-time': `${hour}:${minute}` };
    }
  }
}

/** The use-case's field as the form's box. */
export function ruleField(field: string): string {
  return field === 'publicFrom' ? 'publicFrom-day' : field;
}

function dayOf(day: string, month: string, year: string): string | undefined {
  if (!/^\d{1,2}$/.test(day) || !/^\d{1,2}$/.test(month) || !/^\d{4}$/.test(year)) return undefined;
  const [d, m, y] = [Number(day), Number(month), Number(year)];
  if (m < 1 || m > 12 || d < 1 || d > new Date(Date.UTC(y, m, 0)).getUTCDate()) return undefined;
  return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
}

const LONDON = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** [year, month, day, hour, minute] of an instant on London's clock. */
function londonParts(instant: Date): string[] {
  const parts = Object.fromEntries(LONDON.formatToParts(instant).map((p) => [p.type, p.value]));
  return [parts.year!, parts.month!, parts.day!, parts.hour!, parts.minute!];
}

/**
 * A day and time on London's clock as an instant with its offset
 * ('2027-04-01T09:30:00+01:00'): the offset is London's at that instant,
 * found by reading the clock back (in the hour the clocks go forward, the
 * later offset).
 */
export function londonInstant(day: string, time: string): string {
  const wall = Date.parse(`${day}T${time}:00Z`);
  let offset = 0;
  for (let i = 0; i < 2; i++) {
    const [y, mo, d, h, mi] = londonParts(new Date(wall - offset)).map(Number) as [number, number, number, number, number];
    offset = Date.UTC(y, mo - 1, d, h, mi) - (wall - offset);
  }
  const minutes = Math.round(offset / 60_000);
  const sign = minutes < 0 ? '-' : '+';
  const hh = String(Math.floor(Math.abs(minutes) / 60)).padStart(2, '0');
  const mm = String(Math.abs(minutes) % 60).padStart(2, '0');
  return `${day}T${time}:00${sign}${hh}:${mm}`;
}
