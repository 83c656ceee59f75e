// Financial resilience, as CIPFA's index shows it: each measure a position
// among the council's nearest neighbours, with no thresholds and no single
// score; and the one line Lantern does draw, the National Audit Office's
// (2018): usable reserves that would run out within three years at the
// current rate of use.
//
// The hub holds no finance data of its own. A council or the sector body
// imports these as ordinary hub metrics, under the codes below, and the flags
// and positions follow: usable reserves at each year end (financial years,
// in pounds) for the horizon, and CIPFA's measures for the positions.
import { formatNumber, ordinal } from '../format/index.ts';
import type { Polarity } from '../metric/index.ts';
import type { PeriodValue } from '../targets/index.ts';
import { flagOf, notFlagged, type Finding } from './flag.ts';
import { RULES } from './rules.ts';

/** Usable reserves at 31 March, in pounds: the figure the reserves horizon reads, year end by year end. */
export const USABLE_RESERVES = 'usable-reserves';

/** One of CIPFA's resilience measures, as the hub holds it. */
export interface ResilienceMeasure {
  readonly code: string;
  readonly title: string;
  /** Which way is more resilient, to place the council among its neighbours. */
  readonly polarity: Exclude<Polarity, 'neutral'>;
}

/** CIPFA's financial resilience index's measures (IMPROVEMENT.md), each read as a position among nearest neighbours, never summed. */
export const RESILIENCE_MEASURES: readonly ResilienceMeasure[] = [
  { code: 'reserves-sustainability', title: 'Reserves sustainability: years until reserves run out at the current rate of use', polarity: 'higher_is_better' },
  { code: 'level-of-reserves', title: 'Level of reserves: usable reserves as a share of net revenue expenditure', polarity: 'higher_is_better' },
  { code: 'change-in-reserves', title: 'Change in reserves over three years', polarity: 'higher_is_better' },
  { code: 'gross-external-debt', title: 'Gross external debt', polarity: 'lower_is_better' },
  { code: 'social-care-ratio', title: 'Social care ratio: social care spending as a share of net revenue expenditure', polarity: 'lower_is_better' },
  { code: 'fees-and-charges-ratio', title: 'Fees and charges as a share of service expenditure', polarity: 'higher_is_better' },
  { code: 'council-tax-ratio', title: 'Council tax requirement as a share of net revenue expenditure', polarity: 'higher_is_better' },
  { code: 'business-rates-growth', title: 'Growth in business rates above the baseline', polarity: 'higher_is_better' },
  { code: 'reserves-to-income', title: 'Usable reserves relative to income (since 2022-23)', polarity: 'higher_is_better' },
  { code: 'debt-to-income', title: 'Debt relative to income (since 2022-23)', polarity: 'lower_is_better' },
];

/** A council's standing on one measure: its figure and its place among its nearest neighbours' figures of the same period. */
export interface ResiliencePosition {
  readonly measure: ResilienceMeasure;
  readonly period: string;
  readonly value: number;
  readonly position: Position;
}

export function resiliencePosition(measure: ResilienceMeasure, period: string, value: number, neighbours: readonly number[]): ResiliencePosition {
  return { measure, period, value, position: positionAmong(value, neighbours, measure.polarity) };
}

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
  if (yearEnds.length === 0) return notFlagged(rule, area, USABLE_RESERVES, 'no_data');
  const found = reservesHorizon(yearEnds);
  if (!found) return notFlagged(rule, area, USABLE_RESERVES, 'too_few_points', '1 year-end; 2 are needed for a rate of use');
  if (found.horizon === null || found.horizon >= RESERVES_HORIZON_YEARS) return null;
  const position = neighbours.length
    ? positionAmong(
        found.horizon,
        neighbours.map((n) => n ?? Number.POSITIVE_INFINITY),
        'higher_is_better',
      )
    : null;
  return flagOf(rule, area, USABLE_RESERVES, found.period, {
    reserves: found.reserves,
    yearlyUse: found.yearlyUse,
    years: found.years,
    horizon: found.horizon,
    place: position?.place ?? null,
    of: position?.of ?? null,
  });
}
