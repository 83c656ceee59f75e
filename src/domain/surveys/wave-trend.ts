/*
 * The trend across a council's survey waves, judged as the benchmark engine judges
 * every other series: the direction of travel from the wave before
 * (directionOfTravel, intervals that do not overlap) and the recent trend over the
 * last five waves (recentTrend, the chi-squared test for trend in proportions,
 * from counts). No second rule is written here.
 *
 * Each wave's point is its percentage positive as counts: positive of base, the
 * effective counts where weighted (see percentage-positive.ts), so a weighted wave
 * weighs in the test as much as its precision allows and no more. Waves are placed
 * by their number; a missing wave number is a gap, which the recent trend refuses
 * (the profiles test only unbroken series) and which leaves the latest wave without
 * a previous one.
 *
 * describeWaveTrend puts the judgement in words a resident can read, each with
 * its reason: the figures of the two waves and whether their intervals overlap;
 * the test over five waves with its p-value, or why it was not made.
 */
import { directionOfTravel, recentTrend, type DirectionOfTravel, type RecentTrend } from '../benchmark/index.ts';
import { formatNumber } from '../format/index.ts';
import type { Polarity } from '../metric/index.ts';
import type { PercentagePositive } from './percentage-positive.ts';

export interface WaveFigure {
  readonly wave: number;
  readonly figure: PercentagePositive;
  /** How the words name the wave ('the 2023/24 survey'); 'wave N' when not given. */
  readonly label?: string;
}

export interface WaveTrend {
  /** The latest wave against the one before it. */
  readonly direction: DirectionOfTravel;
  /** Over the last five waves. */
  readonly recent: RecentTrend;
}

export function waveTrend(waves: readonly WaveFigure[], polarity: Polarity = 'higher_is_better'): WaveTrend {
  const points = pointsByWave(waves);
  const latest = points[points.length - 1] ?? null;
  const previous = points[points.length - 2] ?? null;
  const direction = directionOfTravel({ latest: asFigure(latest), previous: asFigure(previous), polarity });
  const recent = recentTrend({ kind: 'proportions', points: points.map((point) => (point === null ? null : { numerator: point.positive, denominator: point.base })) }, polarity);
  return Object.freeze({ direction, recent });
}

type Computed = Extract<PercentagePositive, { kind: 'ok' }>;

/** One point per wave number from the first to the last, null where a wave is missing or has no figure. */
function pointsByWave(waves: readonly WaveFigure[]): (Computed | null)[] {
  if (waves.length === 0) return [];
  for (const { wave } of waves) if (!Number.isInteger(wave) || wave < 1) throw new RangeError(`a wave number must be a whole number from 1, not ${String(wave)}`);
  const numbers = waves.map(({ wave }) => wave);
  if (new Set(numbers).size !== numbers.length) throw new RangeError(`each wave may be given once: ${numbers.join(', ')}`);
  const first = Math.min(...numbers);
  const last = Math.max(...numbers);
  const byWave = new Map(waves.map(({ wave, figure }) => [wave, figure.kind === 'ok' ? figure : null]));
  return Array.from({ length: last - first + 1 }, (_, index) => byWave.get(first + index) ?? null);
}

function asFigure(point: Computed | null): { value: number | null; lower: number | null; upper: number | null } {
  return point === null ? { value: null, lower: null, upper: null } : { value: point.percent, lower: point.lower, upper: point.upper };
}

/** The trend in words: a headline and its reason, for the latest step and for the last five waves. */
export interface WaveTrendWords {
  readonly direction: { readonly headline: string; readonly reason: string };
  readonly recent: { readonly headline: string; readonly reason: string };
}

const STEP_HEADLINES: Readonly<Record<'improving' | 'worsening' | 'increasing' | 'decreasing' | 'no_significant_change' | 'not_compared', string>> = {
  improving: 'Better than the wave before',
  worsening: 'Worse than the wave before',
  increasing: 'Higher than the wave before',
  decreasing: 'Lower than the wave before',
  no_significant_change: 'No real change from the wave before',
  not_compared: 'Change from the wave before not tested',
};

const RECENT_HEADLINES: Readonly<Record<'getting_better' | 'getting_worse' | 'increasing' | 'decreasing' | 'no_significant_change', string>> = {
  getting_better: 'Getting better over the last five waves',
  getting_worse: 'Getting worse over the last five waves',
  increasing: 'Rising over the last five waves',
  decreasing: 'Falling over the last five waves',
  no_significant_change: 'No clear trend over the last five waves',
};

/** The trend of `waves` (as waveTrend judged it) in words, each judgement with its reason. */
export function describeWaveTrend(trend: WaveTrend, waves: readonly WaveFigure[]): WaveTrendWords {
  const ordered = [...waves].sort((a, b) => a.wave - b.wave);
  const latest = ordered[ordered.length - 1];
  const previous = ordered[ordered.length - 2];
  return Object.freeze({ direction: Object.freeze(stepWords(trend.direction, latest, previous)), recent: Object.freeze(recentWords(trend.recent, ordered)) });
}

function stepWords(direction: DirectionOfTravel, latest: WaveFigure | undefined, previous: WaveFigure | undefined): { headline: string; reason: string } {
  if (direction.kind === 'not_computed' || latest === undefined) {
    if (latest === undefined) return { headline: 'Not judged', reason: 'There are no results to judge.' };
    if (latest.figure.kind !== 'ok') return { headline: 'Not judged', reason: `${capital(nameOf(latest))} has no percentage positive to compare.` };
    if (previous === undefined) return { headline: 'Not judged', reason: `There is no earlier wave to compare ${nameOf(latest)} with.` };
    if (previous.wave === latest.wave - 1) return { headline: 'Not judged', reason: `${capital(nameOf(previous))}, the wave before, has no percentage positive to compare.` };
    return { headline: 'Not judged', reason: `The wave before ${nameOf(latest)} is missing, so there is nothing to compare it with.` };
  }
  const now = latest.figure.kind === 'ok' ? latest.figure : null;
  const before = previous?.figure.kind === 'ok' ? previous.figure : null;
  const figures =
    now && before && previous
      ? `${pct(now.percent)} in ${nameOf(latest)} (95% interval ${pct(now.lower)} to ${pct(now.upper)}) against ${pct(before.percent)} in ${nameOf(previous)} (${pct(before.lower)} to ${pct(before.upper)})`
      : '';
  const why =
    direction.judgement === 'no_significant_change'
      ? 'the two intervals overlap, so the difference could be chance'
      : direction.judgement === 'not_compared'
        ? 'the figures have no intervals to test'
        : 'the two intervals do not overlap';
  return { headline: STEP_HEADLINES[direction.judgement], reason: `${capital(figures)}: ${why}.` };
}

function recentWords(recent: RecentTrend, ordered: readonly WaveFigure[]): { headline: string; reason: string } {
  if (recent.kind === 'ok') {
    const p = recent.pValue < 0.001 ? 'under 0.001' : formatNumber(recent.pValue, 3);
    const test = `the chi-squared test for trend in proportions, from counts over the last five waves, at 99.8% (p ${recent.pValue < 0.001 ? '' : '= '}${p})`;
    const verdict = recent.judgement === 'no_significant_change' ? 'finds no change that could not be chance' : 'finds a change that is very unlikely to be chance';
    return { headline: RECENT_HEADLINES[recent.judgement], reason: `${capital(test)} ${verdict}.` };
  }
  const count = ordered.length;
  const reasons: Readonly<Record<typeof recent.reason, string>> = {
    fewer_than_five_points: `A trend is tested over five waves in a row, and there ${count === 1 ? 'is 1' : `are ${count}`}.`,
    break_in_series: 'A wave is missing among the last five, or has no result, and a trend is tested only over five waves in a row.',
    missing_count: 'A wave among the last five has no counts.',
    missing_interval: 'A wave among the last five has no interval.',
    zero_denominator: 'A wave among the last five has no answers.',
    zero_width_interval: 'A wave among the last five has no width to its interval.',
  };
  return { headline: 'No trend tested yet', reason: reasons[recent.reason] };
}

function nameOf(wave: WaveFigure): string {
  return wave.label ?? `wave ${wave.wave}`;
}

function pct(value: number): string {
  return `${formatNumber(value, 0)}%`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
