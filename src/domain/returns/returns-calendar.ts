// The returns calendar: for a council's commitment to send a metric at a
// frequency, each period from the first it promised to the one in progress,
// when it is due, and where it stands. A period is received once it holds a
// value (provisional until the council confirms it), explained when the
// council left it blank with a note, upcoming while it runs, due from its
// end to its due date inclusive, and overdue from the day after. Days are
// London's: the caller gives today as London's date (`londonDay`), so a
// return due today is not overdue at 23:30 in summer, when UTC is already
// tomorrow.
import { parsePeriod, stepPeriod, type Period } from '../period/index.ts';
import { dueDate, type DueRule } from './due-rule.ts';

/** A council's commitment to send a metric, as the calendar reads it. */
export interface ReturnCommitment {
  readonly returnId: number;
  readonly areaCode: string;
  readonly metricCode: string;
  /** The first period the council sends. */
  readonly firstPeriod: string;
  /** The last, when the commitment ends; null while it runs. */
  readonly lastPeriod: string | null;
  readonly dueRule: DueRule;
}

/** What the council holds for a period of the return. */
export interface HeldPeriod {
  readonly hasValue: boolean;
  readonly provisional: boolean;
  readonly note: string | null;
}

export const CALENDAR_STATES = ['received', 'explained', 'upcoming', 'due', 'overdue'] as const;
export type CalendarState = (typeof CALENDAR_STATES)[number];

export interface CalendarEntry {
  readonly returnId: number;
  readonly areaCode: string;
  readonly metricCode: string;
  readonly period: string;
  /** YYYY-MM-DD */
  readonly due: string;
  readonly state: CalendarState;
  /** Whether the value received is still provisional; null when none is held. */
  readonly provisional: boolean | null;
}

/** At most this many periods a return (ten years of months): a calendar never runs away. */
const MOST_PERIODS = 120;

/** Each period of one return that has begun by `today` (YYYY-MM-DD, London), oldest first. */
export function returnCalendar(commitment: ReturnCommitment, held: ReadonlyMap<string, HeldPeriod>, today: string): CalendarEntry[] {
  const entries: CalendarEntry[] = [];
  for (const period of periodsOf(commitment, today)) {
    const due = dueDate(period.end, commitment.dueRule);
    const kept = held.get(period.label);
    entries.push({
      returnId: commitment.returnId,
      areaCode: commitment.areaCode,
      metricCode: commitment.metricCode,
      period: period.label,
      due,
      state: stateOf(period, due, kept, today),
      provisional: kept?.hasValue ? kept.provisional : null,
    });
  }
  return entries;
}

function stateOf(period: Period, due: string, kept: HeldPeriod | undefined, today: string): CalendarState {
  if (kept?.hasValue) return 'received';
  if (kept?.note) return 'explained';
  if (period.end >= today) return 'upcoming';
  return today > due ? 'overdue' : 'due';
}

/** The periods of a commitment up to today, kept: a calendar across councils asks the same few thousands of times. */
const KNOWN_PERIODS = new Map<string, readonly Period[]>();

function periodsOf(commitment: ReturnCommitment, today: string): readonly Period[] {
  const key = `${commitment.firstPeriod}|${commitment.lastPeriod ?? ''}|${today}`;
  let periods = KNOWN_PERIODS.get(key);
  if (periods === undefined) {
    if (KNOWN_PERIODS.size >= 1_000) KNOWN_PERIODS.clear();
    KNOWN_PERIODS.set(key, (periods = Object.freeze(stepThrough(commitment, today))));
  }
  return periods;
}

function stepThrough(commitment: ReturnCommitment, today: string): Period[] {
  const first = parsePeriod(commitment.firstPeriod);
  if (first.kind === 'invalid') return [];
  const last = commitment.lastPeriod === null ? null : commitment.lastPeriod;
  const periods: Period[] = [];
  for (let period: Period | undefined = first.period; period && period.start <= today && periods.length < MOST_PERIODS; period = stepPeriod(period, 1)) {
    periods.push(period);
    if (period.label === last) break;
  }
  return periods;
}
