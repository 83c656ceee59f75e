/*
 * Release instant: the instant a value of a period becomes public under a
 * rule, or null while the rule keeps it private.
 *
 * A span after a period is counted in whole months from the first day after
 * the period ends, and a value becomes public at the start of that day on
 * London's clock (GMT in winter, BST in summer): a survey of 2023/24, public
 * twelve months after its financial year, is public from midnight starting
 * 1 April 2025 in London, which is 23:00 UTC on 31 March. Where the month
 * counted to is shorter, the day is its last (one month from 31 January is
 * 29 February in a leap year).
 */
import type { Period } from '../period/index.ts';
import type { ReleaseRule } from './release-rule.ts';

export function releaseInstant(rule: ReleaseRule, period: Pick<Period, 'end'>): Date | null {
  switch (rule.kind) {
    case 'private':
      return null;
    case 'public_from':
      return rule.instant;
    case 'public_after_period':
      return londonMidnight(addMonths(dayAfter(period.end), rule.months));
  }
}

/** Whether a value of the period is public under the rule at `now`. */
export function isReleasedAt(rule: ReleaseRule, period: Pick<Period, 'end'>, now: Date): boolean {
  const instant = releaseInstant(rule, period);
  return instant !== null && instant.getTime() <= now.getTime();
}

type Day = readonly [year: number, month: number, day: number];

function dayAfter(end: string): Day {
  const [year, month, day] = end.split('-').map(Number) as [number, number, number];
  const next = new Date(Date.UTC(year, month - 1, day + 1));
  return [next.getUTCFullYear(), next.getUTCMonth() + 1, next.getUTCDate()];
}

function addMonths([year, month, day]: Day, months: number): Day {
  const index = year * 12 + (month - 1) + months;
  const [toYear, toMonth] = [Math.floor(index / 12), (index % 12) + 1];
  const lastDay = new Date(Date.UTC(toYear, toMonth, 0)).getUTCDate();
  return [toYear, toMonth, Math.min(day, lastDay)];
}

const LONDON_HOUR = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', hourCycle: 'h23', timeZone: 'Europe/London' });

/**
 * The instant London's day begins. At midnight UTC London is at 00:00 (GMT)
 * or 01:00 (BST), and the clocks change at 01:00 UTC, so the offset at UTC
 * midnight is the offset at London's midnight.
 */
export function londonMidnight([year, month, day]: Day): Date {
  const utcMidnight = Date.UTC(year, month - 1, day);
  const offsetHours = Number(LONDON_HOUR.format(new Date(utcMidnight)));
  return new Date(utcMidnight - offsetHours * 3_600_000);
}
