// Stepping along a series of periods: the next year, the same quarter last
// year. Targets' trajectories run per year or quarter, and a rule that asks
// whether an actual improved on "the same period last year" needs the period
// a year back. Only periods that tile time step: years, quarters and months.
import { parsePeriod, type Period, type PeriodKind } from './parse-period.ts';

const STEPS_PER_YEAR: Partial<Record<PeriodKind, number>> = { financial_year: 1, calendar_year: 1, quarter: 4, month: 12 };

/** The period `steps` after this one (before it when negative), of the same kind; undefined for kinds that do not step or beyond Lantern's years. */
export function stepPeriod(period: Period, steps: number): Period | undefined {
  const ordinal = ordinalOf(period);
  if (ordinal === undefined) return undefined;
  const parsed = parsePeriod(labelOf(period.kind, ordinal + steps));
  return parsed.kind === 'ok' ? parsed.period : undefined;
}

/** The same period a year earlier: last year, the same quarter or month last year. */
export function sameTimeLastYear(period: Period): Period | undefined {
  const steps = STEPS_PER_YEAR[period.kind];
  return steps === undefined ? undefined : stepPeriod(period, -steps);
}

/** How many steps from `from` to `to` (negative when `to` comes first); undefined unless both are of one stepping kind. */
export function stepsBetween(from: Period, to: Period): number | undefined {
  if (from.kind !== to.kind) return undefined;
  const first = ordinalOf(from);
  const last = ordinalOf(to);
  return first === undefined || last === undefined ? undefined : last - first;
}

export function isSteppingKind(kind: PeriodKind): boolean {
  return STEPS_PER_YEAR[kind] !== undefined;
}

/** A period's place in a count of its kind: years, quarters since 0/01 Q1, months since January of year 0. */
function ordinalOf(period: Period): number | undefined {
  const year = Number(period.start.slice(0, 4));
  const month = Number(period.start.slice(5, 7));
  switch (period.kind) {
    case 'financial_year':
    case 'calendar_year':
      return year;
    case 'quarter':
      // Financial quarters: April starts Q1 of the year that begins then.
      return (month >= 4 ? year : year - 1) * 4 + Math.floor(((month + 8) % 12) / 3);
    case 'month':
      return year * 12 + month - 1;
    default:
      return undefined;
  }
}

function labelOf(kind: PeriodKind, ordinal: number): string {
  if (kind === 'financial_year') return `${ordinal}/${twoDigits(ordinal + 1)}`;
  if (kind === 'calendar_year') return String(ordinal);
  if (kind === 'quarter') {
    const year = Math.floor(ordinal / 4);
    return `${year}/${twoDigits(year + 1)} Q${ordinal - year * 4 + 1}`;
  }
  const year = Math.floor(ordinal / 12);
  return `${year}-${twoDigits(ordinal - year * 12 + 1)}`;
}

function twoDigits(value: number): string {
  return String(value % 100).padStart(2, '0');
}
