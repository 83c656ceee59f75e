// Fieldwork dates: calendar days written 'YYYY-MM-DD', with no time or zone,
// since a survey's fieldwork is a run of days wherever its interviews happened.
// Days are counted on UTC noon, so no change of clock moves a date.
import { formatDate } from '../format/index.ts';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** A real calendar day written 'YYYY-MM-DD' (not 2025-02-30). */
export function isIsoDate(text: string): boolean {
  const match = ISO_DATE.exec(text);
  if (match === null) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const noon = new Date(Date.UTC(year, month - 1, day, 12));
  return noon.getUTCFullYear() === year && noon.getUTCMonth() === month - 1 && noon.getUTCDate() === day;
}

/** Days from start to end, both included: 1 for a one-day fieldwork. */
export function daysInclusive(start: string, end: string): number {
  return Math.round((noonOf(end) - noonOf(start)) / DAY_MS) + 1;
}

/** The financial year a day falls in, as the period label '2024/25' (1 April to 31 March). */
export function financialYearOf(date: string): string {
  const year = Number(date.slice(0, 4));
  const first = Number(date.slice(5, 7)) >= 4 ? year : year - 1;
  return `${first}/${String((first + 1) % 100).padStart(2, '0')}`;
}

/** The day as GOV.UK writes it: '3 March 2025'. */
export function describeDay(date: string): string {
  return formatDate(new Date(noonOf(date)));
}

function noonOf(date: string): number {
  return Date.parse(`${date}T12:00:00Z`);
}
