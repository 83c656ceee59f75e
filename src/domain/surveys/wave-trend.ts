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
 */
import { directionOfTravel, recentTrend, type DirectionOfTravel, type RecentTrend } from '../benchmark/index.ts';
import type { Polarity } from '../metric/index.ts';
import type { PercentagePositive } from './percentage-positive.ts';

export interface WaveFigure {
  readonly wave: number;
  readonly figure: PercentagePositive;
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
