// Financial resilience, as CIPFA's index shows it: each measure a position
// among the council's nearest neighbours, with no thresholds and no single
// score; and the one line Lantern does draw, the National Audit Office's
// (2018): usable reserves that would run out within three years at the
// current rate of use.
import { formatNumber, ordinal } from '../format/index.ts';
import type { Polarity } from '../metric/index.ts';
import type { PeriodValue } from '../targets/index.ts';
import { flagOf, notFlagged, type Finding } from './flag.ts';
import { RULES } from './rules.ts';

/** The NAO's line: reserves exhausted within this many years at the current rate. */
export const RESERVES_HORIZON_YEARS = 3;
/** The rate of use is the average fall over up to this many years. */
const RATE_YEARS = 3;

export interface ReservesHorizon {
  readonly period: string;
  readonly reserves: number;
  /** The average yearly fall over the years read; 0 or less when reserves held or grew. */
  readonly yearlyUse: number;
  readonly years: number;
  /** Years until reserves run out at that rate; null when they are not falling. */
  readonly horizon: number | null;
}

/** Years of usable reserves left at the average rate of use over the last three years (fewer where fewer are held). */
export function reservesHorizon(yearEnds: readonly PeriodValue[]): ReservesHorizon | null {
  if (yearEnds.length < 2) return null;
  const latest = yearEnds[yearEnds.length - 1]!;
  const from = yearEnds[Math.max(0, yearEnds.length - 1 - RATE_YEARS)]!;
  const years = yearEnds.length - 1 - Math.max(0, yearEnds.length - 1 - RATE_YEARS);
  const yearlyUse = (from.value - latest.value) / years;
  const horizon = yearlyUse > 0 ? Math.max(0, latest.value) / yearlyUse : null;
  return { period: latest.period, reserves: latest.value, yearlyUse, years, horizon };
}

/** A position among neighbours: 1st is the best by the measure's polarity; ties share the better place. */
export interface Position {
  readonly place: number;
  readonly of: number;
  readonly words: string;
}

export function positionAmong(value: number, neighbours: readonly number[], polarity: Exclude<Polarity, 'neutral'>): Position {
  const better = neighbours.filter((n) => (polarity === 'higher_is_better' ? n > value : n < value)).length;
  const place = better + 1;
  const of = neighbours.length + 1;
  return { place, of, words: `${ordinal(place)} best of ${formatNumber(of, 0)} with its nearest neighbours` };
}

/**
 * The reserves flag: raised when reserves would run out in under three years;
 * silent when they would last longer or are not falling; not looked at with
 * fewer than two year-ends. `neighbours` are the nearest neighbours' horizons,
 * to place the council among them (a neighbour whose reserves are not falling
 * has the longest horizon of all).
 */
export function reservesFlag(area: string, yearEnds: readonly PeriodValue[], neighbours: readonly (number | null)[] = []): Finding {
  const rule = RULES.reserves_horizon;
  if (yearEnds.length === 0) return notFlagged(rule, area, null, 'no_data');
  const found = reservesHorizon(yearEnds);
  if (!found) return notFlagged(rule, area, null, 'too_few_points', '1 year-end; 2 are needed for a rate of use');
  if (found.horizon === null || found.horizon >= RESERVES_HORIZON_YEARS) return null;
  const position = neighbours.length
    ? positionAmong(
        found.horizon,
        neighbours.map((n) => n ?? Number.POSITIVE_INFINITY),
        'higher_is_better',
      )
    : null;
  return flagOf(rule, area, null, found.period, {
    reserves: found.reserves,
    yearlyUse: found.yearlyUse,
    years: found.years,
    horizon: found.horizon,
    place: position?.place ?? null,
    of: position?.of ?? null,
  });
}
