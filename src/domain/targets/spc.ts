// Statistical process control for in-year series (IMPROVEMENT.md,
// "Statistical process control"), after NHS England's Making Data Count as
// nhs-r-community/NHSRplotthedots implements it (R/ptd_spc_standard.R,
// R/ptd_calculate_point_type.R, R/ptd_calculate_assurance_type.R):
//
// - XmR chart per segment: centre = mean; moving range MRᵢ = |xᵢ − xᵢ₋₁|;
//   limits mean ± 2.66 × mean(MR) (3σ), warning lines mean ± (2/3) × 2.66 ×
//   mean(MR) (2σ). Screening outlying moving ranges (≥ 3.267 × mean MR) is an
//   option, off by default as in the Making Data Count Excel tools (the R
//   package turns it on; vignettes/deviations.Rmd).
// - Four rules, and when several fire at a point the first names it: outside
//   the limits; a trend of `trendRun` points each rising or each falling; 2 of
//   3 points beyond a 2σ line (inside the limits), all 3 on one side of the
//   mean, flagging only those beyond it; a shift of `shiftRun` points on one
//   side of the mean. Run lengths are settings, 7 by default.
// - The variation icon reads the latest point alone; where rules at it say
//   both improvement and concern, improvement is shown.
// - The assurance icon, with a target and a polarity, reads the latest
//   segment's limits: higher is better and the target below the lower limit
//   is consistently pass, above the upper limit consistently fail, otherwise
//   hit and miss (mirrored when lower is better; none when neutral).
// - Proportions and rates whose denominators vary: Laney's P′ and U′ charts
//   (laneyChart), judged by the same rules.
// - No limits or icons where a segment has fewer than 13 points: trial limits
//   from so few mislead. Rebasing starts a new segment only where a person
//   recorded the decision with its reason; it is never automatic.
import type { Polarity } from '../metric/index.ts';
import type { PeriodValue } from './types.ts';

export const SPC_MINIMUM_POINTS = 13;
const LIMIT = 2.66;
const SCREEN = 3.267;

export interface SpcOptions {
  /** Points rising or falling in a row that make a trend. */
  readonly trendRun?: number;
  /** Points on one side of the mean in a row that make a shift. */
  readonly shiftRun?: number;
  /** Leave out moving ranges of 3.267 × their mean or more, as Nelson (1982) advises; off, as the Excel tools do. */
  readonly screenOutliers?: boolean;
}

/** A recorded decision to start new limits at a period, and why. */
export interface Rebase {
  readonly period: string;
  readonly reason: string;
}

export const SPECIAL_CAUSES = ['outside_limits', 'trend', 'two_in_three', 'shift'] as const;
export type SpecialCause = (typeof SPECIAL_CAUSES)[number];

export const SPECIAL_CAUSE_LABELS: Readonly<Record<SpecialCause, string>> = {
  outside_limits: 'A point outside the process limits',
  trend: 'A run of points each rising or each falling',
  two_in_three: 'Two of three points beyond a warning line',
  shift: 'A run of points on one side of the mean',
};

export const VARIATIONS = ['common_cause', 'special_cause_improvement', 'special_cause_concern', 'special_cause_neutral_high', 'special_cause_neutral_low'] as const;
export type Variation = (typeof VARIATIONS)[number];

export const VARIATION_LABELS: Readonly<Record<Variation, string>> = {
  common_cause: 'Common cause variation',
  special_cause_improvement: 'Special cause variation: improvement',
  special_cause_concern: 'Special cause variation: concern',
  special_cause_neutral_high: 'Special cause variation: higher (neither better nor worse)',
  special_cause_neutral_low: 'Special cause variation: lower (neither better nor worse)',
};

export const ASSURANCES = ['consistently_pass', 'hit_and_miss', 'consistently_fail'] as const;
export type Assurance = (typeof ASSURANCES)[number];

export const ASSURANCE_LABELS: Readonly<Record<Assurance, string>> = {
  consistently_pass: 'Consistently passes the target',
  hit_and_miss: 'Hits and misses the target',
  consistently_fail: 'Consistently fails the target',
};

/** A segment's centre, limits and warning lines. */
export interface Limits {
  readonly mean: number;
  readonly movingRangeMean: number;
  readonly lower: number;
  readonly upper: number;
  readonly lowerWarning: number;
  readonly upperWarning: number;
}

/** A rule that fired at a point, and which way it points: high (above, rising) or low. */
export interface Signal {
  readonly cause: SpecialCause;
  readonly side: 'high' | 'low';
}

export interface SpcPoint extends PeriodValue {
  readonly segment: number;
  /** The limits this point is judged by: its segment's on an XmR chart, its own on a Laney chart, where they follow its denominator. */
  readonly limits: Limits;
  /** Every rule that fired here, in precedence order; the first names the point. */
  readonly signals: readonly Signal[];
  readonly variation: Variation;
}

/** A segment's centre and limits (on a Laney chart, those of its last point). */
export interface Segment extends Limits {
  readonly from: string;
  readonly to: string;
  /** The recorded reason a segment after the first begins. */
  readonly rebase: string | null;
}

export type SpcChart =
  | {
      readonly kind: 'chart';
      readonly points: readonly SpcPoint[];
      readonly segments: readonly Segment[];
      readonly variation: Variation;
      readonly assurance: Assurance | null;
      readonly trendRun: number;
      readonly shiftRun: number;
    }
  | { readonly kind: 'too_few_points'; readonly reason: string };

/** The chart of a series, oldest first, in limits per segment, with its points' signals and its icons. */
export function spcChart(series: readonly PeriodValue[], polarity: Polarity, target: number | null = null, rebases: readonly Rebase[] = [], options: SpcOptions = {}): SpcChart {
  return chartOf(series, polarity, target, rebases, options, (slice) => {
    const limits = xmrLimits(
      slice.map((point) => point.value),
      options.screenOutliers ?? false,
    );
    return slice.map(() => limits);
  });
}

/** Each point's limits, worked from one segment's points. */
type LimitsOf<T> = (segment: readonly T[]) => readonly Limits[];

function chartOf<T extends PeriodValue>(series: readonly T[], polarity: Polarity, target: number | null, rebases: readonly Rebase[], options: SpcOptions, limitsOf: LimitsOf<T>): SpcChart {
  const trendRun = runSetting(options.trendRun, 'trendRun');
  const shiftRun = runSetting(options.shiftRun, 'shiftRun');
  const starts = segmentStarts(series, rebases);
  const short = shortSegment(series, starts);
  if (short) return { kind: 'too_few_points', reason: short };
  const points: SpcPoint[] = [];
  const segments: Segment[] = [];
  starts.forEach((start, s) => {
    const slice = series.slice(start, starts[s + 1] ?? series.length);
    const each = limitsOf(slice);
    const signals = signalsOf(
      slice.map((p) => p.value),
      each,
      trendRun,
      shiftRun,
    );
    slice.forEach((p, i) => points.push({ period: p.period, value: p.value, segment: s, limits: each[i]!, signals: signals[i]!, variation: pointVariation(signals[i]!, polarity) }));
    const rebase = s === 0 ? null : rebases.find((r) => r.period === point(slice, 0).period)!.reason;
    segments.push({ ...each[each.length - 1]!, from: point(slice, 0).period, to: point(slice, slice.length - 1).period, rebase });
  });
  const latest = points[points.length - 1]!;
  return {
    kind: 'chart',
    points,
    segments,
    variation: latestVariation(latest.signals, polarity),
    assurance: assuranceOf(latest.limits, target, polarity),
    trendRun,
    shiftRun,
  };
}

/** A segment's centre and limits from its values (at least two). */
export function xmrLimits(values: readonly number[], screenOutliers = false): Limits {
  const mean = average(values);
  const movingRangeMean = screenOutliers ? screenedRangeMean(values) : rangeMean(values);
  const spread = LIMIT * movingRangeMean;
  const warning = (2 / 3) * spread;
  return { mean, movingRangeMean, lower: mean - spread, upper: mean + spread, lowerWarning: mean - warning, upperWarning: mean + warning };
}

/** The latest point of an XmR chart of one segment: its limits, its signals and the icon's variation. */
export interface LatestSpc {
  readonly limits: Limits;
  readonly signals: readonly Signal[];
  readonly variation: Variation;
}

/**
 * What `spcChart` says of the latest point, without charting the others:
 * early warning asks it of every council's in-year series after each batch.
 * Each rule looks back from the latest point only, so a run that ends there
 * is the only run that can reach it. Undefined below 13 points. Tested to
 * agree with `spcChart` on every series.
 */
export function latestSpc(values: readonly number[], polarity: Polarity, options: SpcOptions = {}): LatestSpc | undefined {
  if (values.length < SPC_MINIMUM_POINTS) return undefined;
  const trendRun = runSetting(options.trendRun, 'trendRun');
  const shiftRun = runSetting(options.shiftRun, 'shiftRun');
  const limits = xmrLimits(values, options.screenOutliers ?? false);
  const last = values.length - 1;
  const value = values[last]!;
  const latestSide = sideOf(values, limits, last);
  const side = latestSide > 0 ? 'high' : 'low';
  const signals: Signal[] = [];
  if (value > limits.upper || value < limits.lower) signals.push({ cause: 'outside_limits', side });
  const way = Math.sign(value - values[last - 1]!);
  let rising = way !== 0;
  for (let i = last - trendRun + 2; i <= last && rising; i++) rising = Math.sign(values[i]! - values[i - 1]!) === way;
  if (rising) signals.push({ cause: 'trend', side: way > 0 ? 'high' : 'low' });
  if (twoInThree(values, limits, last)) signals.push({ cause: 'two_in_three', side });
  let run = 0;
  for (let i = last; i >= 0 && latestSide !== 0 && sideOf(values, limits, i) === latestSide; i--) run++;
  if (run >= shiftRun) signals.push({ cause: 'shift', side });
  return { limits, signals, variation: latestVariation(signals, polarity) };
}

// latestSpc's tests as plain functions, not closures made on each call: it
// runs on every council of every in-year metric after each batch.

/** Which side of the centre line a point lies: 1 above, -1 below, 0 on it. */
function sideOf(values: readonly number[], limits: Limits, i: number): number {
  return Math.sign(values[i]! - limits.mean);
}

/** Within the process limits but beyond a warning line. */
function closeAt(values: readonly number[], limits: Limits, i: number): boolean {
  const value = values[i]!;
  return value <= limits.upper && value >= limits.lower && (value > limits.upperWarning || value < limits.lowerWarning);
}

/** The latest point close to a limit, with another of the last three, all three on one side. */
function twoInThree(values: readonly number[], limits: Limits, last: number): boolean {
  if (!closeAt(values, limits, last)) return false;
  let close = 0;
  let sides = 0;
  for (let i = last - 2; i <= last; i++) {
    if (closeAt(values, limits, i)) close++;
    sides += sideOf(values, limits, i);
  }
  return close >= 2 && Math.abs(sides) === 3;
}

/** A period's count of events and its denominator, for a chart of proportions or rates. */
export interface CountPoint {
  readonly period: string;
  readonly numerator: number;
  readonly denominator: number;
}

/**
 * Laney's P′ and U′ charts, for proportions and rates whose denominators
 * vary (Laney 2002, "Improved control charts for attributes"): with large
 * denominators a plain p or u chart's limits grow too narrow, so each point
 * is put on the z scale, the z scores' own variation measured by their
 * moving ranges, and the limits drawn back on the value's scale:
 *   centre c̄ = Σx / Σn;  σᵢ = √(c̄(1 − c̄)/nᵢ) (P′) or √(c̄/nᵢ) (U′)
 *   zᵢ = (xᵢ/nᵢ − c̄) / σᵢ;  σz = mean(|zᵢ − zᵢ₋₁|) / 1.128
 *   limits c̄ ± 3·σᵢ·σz, warning lines c̄ ± 2·σᵢ·σz
 * proportions kept within 0 and 1, rates above 0. Values and limits are
 * multiplied by `multiplier` (100 for a percentage, 100,000 for a rate per
 * 100,000). The rules and icons are those of the XmR chart.
 */
export function laneyChart(
  series: readonly CountPoint[],
  kind: 'proportion' | 'rate',
  polarity: Polarity,
  target: number | null = null,
  rebases: readonly Rebase[] = [],
  options: SpcOptions & { readonly multiplier?: number } = {},
): SpcChart {
  const multiplier = options.multiplier ?? 1;
  for (const point of series) {
    if (!(point.denominator > 0) || !(point.numerator >= 0)) throw new RangeError(`${point.period}: a Laney chart needs a count of 0 or more over a denominator above 0`);
  }
  const valued = series.map((point) => ({ ...point, value: (point.numerator / point.denominator) * multiplier }));
  return chartOf(valued, polarity, target, rebases, options, (slice) => laneyLimits(slice, kind, options.screenOutliers ?? false).map((limits) => scaled(limits, multiplier)));
}

/** Each point's Laney limits on the unscaled value (a proportion, or a rate per one of the denominator). */
export function laneyLimits(points: readonly CountPoint[], kind: 'proportion' | 'rate', screenOutliers = false): Limits[] {
  const centre = points.reduce((sum, p) => sum + p.numerator, 0) / points.reduce((sum, p) => sum + p.denominator, 0);
  const spread = kind === 'proportion' ? centre * (1 - centre) : centre;
  const sigmas = points.map((p) => Math.sqrt(spread / p.denominator));
  const zs = points.map((p, i) => (p.numerator / p.denominator - centre) / sigmas[i]!);
  let ranges = zs.slice(1).map((z, i) => Math.abs(z - zs[i]!));
  if (screenOutliers) {
    const first = average(ranges);
    ranges = ranges.filter((range) => range < SCREEN * first);
  }
  const movingRangeMean = average(ranges);
  const sigmaZ = movingRangeMean / 1.128;
  const ceiling = kind === 'proportion' ? 1 : Infinity;
  return sigmas.map((sigma) => ({
    mean: centre,
    movingRangeMean,
    lower: Math.max(0, centre - 3 * sigma * sigmaZ),
    upper: Math.min(ceiling, centre + 3 * sigma * sigmaZ),
    lowerWarning: Math.max(0, centre - 2 * sigma * sigmaZ),
    upperWarning: Math.min(ceiling, centre + 2 * sigma * sigmaZ),
  }));
}

function scaled(limits: Limits, multiplier: number): Limits {
  return {
    mean: limits.mean * multiplier,
    movingRangeMean: limits.movingRangeMean,
    lower: limits.lower * multiplier,
    upper: limits.upper * multiplier,
    lowerWarning: limits.lowerWarning * multiplier,
    upperWarning: limits.upperWarning * multiplier,
  };
}

/** Consistently pass, hit and miss or consistently fail, from the latest limits; none without a target or for a neutral metric. */
export function assuranceOf(limits: Pick<Limits, 'lower' | 'upper'>, target: number | null, polarity: Polarity): Assurance | null {
  if (target === null || polarity === 'neutral') return null;
  const higher = polarity === 'higher_is_better';
  if (target > limits.upper) return higher ? 'consistently_fail' : 'consistently_pass';
  if (target < limits.lower) return higher ? 'consistently_pass' : 'consistently_fail';
  return 'hit_and_miss';
}

/** Each point's signals, in precedence order. */
function signalsOf(values: readonly number[], limits: readonly Limits[], trendRun: number, shiftRun: number): Signal[][] {
  const sides = values.map((value, i) => Math.sign(value - limits[i]!.mean));
  const outside = values.map((value, i) => value > limits[i]!.upper || value < limits[i]!.lower);
  const close = values.map((value, i) => !outside[i] && (value > limits[i]!.upperWarning || value < limits[i]!.lowerWarning));
  const trend = trendDirections(values, trendRun);
  const twoInThree = twoInThreeFlags(close, sides);
  const shift = shiftFlags(sides, shiftRun);
  return values.map((_, i) => {
    const side = sides[i]! > 0 ? 'high' : 'low';
    const signals: Signal[] = [];
    if (outside[i]) signals.push({ cause: 'outside_limits', side });
    if (trend[i] !== 0) signals.push({ cause: 'trend', side: trend[i]! > 0 ? 'high' : 'low' });
    if (twoInThree[i]) signals.push({ cause: 'two_in_three', side });
    if (shift[i]) signals.push({ cause: 'shift', side });
    return signals;
  });
}

/**
 * Each point's part in a trend: +1 rising, −1 falling, 0 none. A run is
 * `run` points each strictly above (below) the one before; a point in a
 * rising and a falling run (a peak) takes the later run's way, as
 * NHSRplotthedots reads the right-hand side.
 */
export function trendDirections(values: readonly number[], run: number): number[] {
  const directions = values.map(() => 0);
  for (let end = run - 1; end < values.length; end++) {
    const way = Math.sign(values[end]! - values[end - 1]!);
    let unbroken = way !== 0;
    for (let i = end - run + 2; i <= end && unbroken; i++) unbroken = Math.sign(values[i]! - values[i - 1]!) === way;
    if (unbroken) for (let i = end - run + 1; i <= end; i++) directions[i] = way;
  }
  return directions;
}

/** Points beyond a warning line that, with one or two neighbours, make 2 of 3 beyond it with all 3 on one side of the mean. */
export function twoInThreeFlags(close: readonly boolean[], sides: readonly number[]): boolean[] {
  const flags = close.map(() => false);
  for (let start = 0; start + 2 < close.length; start++) {
    const window = [start, start + 1, start + 2];
    const beyond = window.filter((i) => close[i]).length;
    const oneSide = Math.abs(window.reduce((sum, i) => sum + sides[i]!, 0)) === 3;
    if (beyond >= 2 && oneSide) for (const i of window) flags[i] ||= close[i]!;
  }
  return flags;
}

/** Points in a run of `run` or more on one side of the mean; a point on the mean breaks a run. */
export function shiftFlags(sides: readonly number[], run: number): boolean[] {
  const flags = sides.map(() => false);
  let length = 0;
  sides.forEach((side, i) => {
    length = side !== 0 && side === sides[i - 1] ? length + 1 : side === 0 ? 0 : 1;
    if (length === run) for (let j = i - run + 1; j <= i; j++) flags[j] = true;
    else if (length > run) flags[i] = true;
  });
  return flags;
}

/** A point's variation, named by its first signal. */
function pointVariation(signals: readonly Signal[], polarity: Polarity): Variation {
  const first = signals[0];
  return first === undefined ? 'common_cause' : variationOf(first.side, polarity);
}

/** The icon's variation: improvement wherever any rule at the latest point says so, before concern. */
function latestVariation(signals: readonly Signal[], polarity: Polarity): Variation {
  const variations = signals.map((signal) => variationOf(signal.side, polarity));
  if (variations.includes('special_cause_improvement')) return 'special_cause_improvement';
  return variations[0] ?? 'common_cause';
}

function variationOf(side: 'high' | 'low', polarity: Polarity): Variation {
  if (polarity === 'neutral') return side === 'high' ? 'special_cause_neutral_high' : 'special_cause_neutral_low';
  return (side === 'high') === (polarity === 'higher_is_better') ? 'special_cause_improvement' : 'special_cause_concern';
}

/** Where each segment starts: the first point, then each recorded rebase. */
function segmentStarts(series: readonly PeriodValue[], rebases: readonly Rebase[]): number[] {
  const starts = [0];
  for (const rebase of rebases) {
    const at = series.findIndex((point) => point.period === rebase.period);
    if (at < 0) throw new RangeError(`a rebase at ${rebase.period} is at no period of the series`);
    if (!rebase.reason.trim()) throw new RangeError(`the rebase at ${rebase.period} has no reason: rebasing is a recorded decision`);
    if (at > 0) starts.push(at);
  }
  return [...new Set(starts)].sort((a, b) => a - b);
}

function shortSegment(series: readonly PeriodValue[], starts: readonly number[]): string | undefined {
  if (series.length < SPC_MINIMUM_POINTS) {
    return `${series.length} point${series.length === 1 ? '' : 's'}: process limits need at least ${SPC_MINIMUM_POINTS}, so no limits or icons are shown yet`;
  }
  for (let s = 0; s < starts.length; s++) {
    const length = (starts[s + 1] ?? series.length) - starts[s]!;
    if (length < SPC_MINIMUM_POINTS) {
      return `the limits from ${series[starts[s]!]!.period} rest on ${length} points: they need at least ${SPC_MINIMUM_POINTS}, so no limits or icons are shown yet`;
    }
  }
  return undefined;
}

function runSetting(run: number | undefined, name: string): number {
  const value = run ?? 7;
  if (!Number.isInteger(value) || value < 2) throw new RangeError(`'${name}' must be a whole number of points from 2, not ${value}`);
  return value;
}

function point(slice: readonly PeriodValue[], i: number): PeriodValue {
  return slice[i]!;
}

/** The mean moving range, summed as it goes: early warning works it out for every council's in-year series, and a list of the ranges was garbage at once. */
function rangeMean(values: readonly number[]): number {
  let sum = 0;
  for (let i = 1; i < values.length; i++) sum += Math.abs(values[i]! - values[i - 1]!);
  return sum / (values.length - 1);
}

/** The mean moving range without the ranges SCREEN times the first mean or more. */
function screenedRangeMean(values: readonly number[]): number {
  const ranges = values.slice(1).map((value, i) => Math.abs(value - values[i]!));
  const first = average(ranges);
  return average(ranges.filter((range) => range < SCREEN * first));
}

function average(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}
