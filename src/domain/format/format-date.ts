/*
 * Format date: an instant as people in England read it, on London's clock
 * (GMT in winter, BST in summer), whatever zone the server runs in: the day
 * as GOV.UK writes dates ("25 November 2026"), and where the moment matters
 * the time on the 24-hour clock after a comma ("25 November 2026, 14:05",
 * or to the second for the audit trail). One style everywhere: an instant
 * just after midnight in summer is the next day in London but not in UTC,
 * which is why this never slices an ISO string.
 *
 * Machines get ISO 8601 in UTC (the API, CSV, feeds), not this; rules that
 * turn on the day (a return overdue, an item stale, a reminder due) compare
 * London's day as YYYY-MM-DD (`londonDay`).
 */
export type DatePrecision = 'day' | 'minute' | 'second';

const DAY = { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' } as const;
const TIME = { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' } as const;

const FORMATS: Readonly<Record<DatePrecision, readonly [Intl.DateTimeFormat, Intl.DateTimeFormat | null]>> = {
  day: [new Intl.DateTimeFormat('en-GB', DAY), null],
  minute: [new Intl.DateTimeFormat('en-GB', DAY), new Intl.DateTimeFormat('en-GB', TIME)],
  second: [new Intl.DateTimeFormat('en-GB', DAY), new Intl.DateTimeFormat('en-GB', { ...TIME, second: '2-digit' })],
};

/** The date (and time, to the precision asked) of an instant in London. */
export function formatDate(instant: Date, precision: DatePrecision = 'day'): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('formatDate needs a valid date, not an Invalid Date');
  const [day, time] = FORMATS[precision];
  return time === null ? day.format(instant) : `${day.format(instant)}, ${time.format(instant)}`;
}

const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/London' });

/** The day (YYYY-MM-DD) an instant falls on in London: after 23:00 UTC in summer, already the next. */
export function londonDay(instant: Date): string {
  return LONDON_DAY.format(instant);
}
