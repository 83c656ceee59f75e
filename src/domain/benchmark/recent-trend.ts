/*
 * Recent trend: whether an area's last five values show a significant rise or fall,
 * as the public health profiles' trend markers decide it, and what that means for
 * the metric.
 *
 * The series is one point per period, oldest first, for consecutive, equally
 * spaced, non-overlapping periods (a year each, in the profiles) ending at the
 * period the trend is for; null marks a period with no point. Only the last five
 * points are used, scored t = 1, 2, 3, 4, 5. Fewer than five points, or a gap among
 * the last five, is not computed: the profiles test only unbroken series.
 *
 * Proportions with numerators and denominators (numerator r and denominator n at
 * each t): the chi-squared test for linear trend in proportions, Cochran–Armitage:
 *   N = Σn, R = Σr, p̄ = R/N, t̄ = Σn·t / N
 *   slope b = Σr(t − t̄) / Σn(t − t̄)²   (least squares of r/n on t, weighted by n:
 *                                        change in the proportion of 1 per period)
 *   χ² = [Σr(t − t̄)]² / (p̄(1 − p̄)·Σn(t − t̄)²), 1 degree of freedom
 * which is Fingertips' N(N·Σrt − R·Σnt)² / (R(N − R)(N·Σnt² − (Σnt)²)) and R's
 * prop.trend.test. Where every proportion is 0 or every one is 1 (R = 0 or R = N)
 * the formula is 0/0; the proportions are then equal, so χ² is taken as 0.
 *
 * Other values, with confidence intervals: weighted least squares of the value on
 * t, each point weighted by 1/se², its standard error read from its interval as
 * se = (upper − lower) / (2·z) for the interval's level (z = 1.96 at 95%):
 *   t̄ = Σw·t / Σw,  slope b = Σw(t − t̄)y / Σw(t − t̄)²,  var(b) = 1 / Σw(t − t̄)²
 *   χ² = b² / var(b), 1 degree of freedom
 * (Both methods are computed over pairs of points, so that no mean is subtracted:
 * see proportionFit and weightedFit.) This is the profiles' method for rates,
 * ratios, means, life expectancy and the rest. It is not a t-test: the variances are taken as known from the intervals, so
 * the slope's standard error is known rather than estimated from the five points'
 * residuals, and b/se(b) is referred to the normal distribution (its square to χ²
 * on 1 degree of freedom). A t-test on the residuals (3 degrees of freedom) would
 * throw away the precision the intervals carry, need |t| > 10.2 at 99.8%, and
 * disagree with the profiles. Values without intervals have no trend
 * (not_computed, 'missing_interval'), as in the profiles, nor has a value whose
 * interval has no width ('zero_width_interval', which also covers a width below
 * about 1e-75, too small to weigh in a double). An asymmetric interval
 * (Wilson, Byar's) gives its average half-width, as the profiles read it; Fingertips
 * divides by 3.92 (2 × 1.96, rounded), this file by 2 × 1.959964, which moves χ²
 * by less than 0.01%.
 *
 * Significance: χ² above the 99.8% point of χ² on 1 degree of freedom
 * (9.5495 = 3.0902²). And, as in the profiles, the trend must not hang on one point:
 * leaving out each of the five points in turn, the slope of the remaining four
 * (same method, same weights) must have the same sign as the slope of all five
 * (a zero slope has no sign, so it breaks the run, as does one within rounding
 * error of zero: a cross-product sum below 1e-12 of the size of its terms, so that
 * the answer cannot hang on the order of the additions). slopeSignStable reports it.
 * A trend is increasing or decreasing when both hold, by the sign of the slope;
 * otherwise no_significant_change. One departure: for proportions Fingertips takes
 * the leave-one-out slopes from unweighted least squares of the log-odds, which is
 * undefined at 0% or 100%; here they are the test's own n-weighted slopes.
 *
 * Judgement by polarity: increasing is getting_better for higher_is_better and
 * getting_worse for lower_is_better, decreasing the reverse; a neutral metric has
 * no better or worse, so its judgement stays 'increasing' or 'decreasing', as the
 * profiles mark it ("Increasing", without a colour).
 *
 * pValue: the two-sided p-value of χ² on 1 degree of freedom, erfc(√(χ²/2)), by the
 * Chebyshev approximation to erfc of Numerical Recipes (Press et al., 2nd edn,
 * 1992, §6.2, erfcc), fractional error below 1.2e-7; it is reported for people to
 * read, and the decision is made on χ² against the critical value, not on it.
 *
 * Sources: the profiles' trend markers (Fingertips, "Fingertips trend markers" in
 * the public health technical guidance: five points, no breaks, proportions with
 * numerator and denominator, other types with intervals; fingertips-open,
 * TrendMarkerCalculator in PholioVisualisationWS/Analysis/TrendMarkers: χ² >
 * 9.54953570608324, se = (upper95 − lower95) / 3.92, the leave-one-out check);
 * Armitage P, Tests for linear trends in proportions and frequencies, Biometrics 11,
 * 1955, 375-386; Altman DG, Practical statistics for medical research, Chapman &
 * Hall 1991, p 229 (the worked example the tests reproduce).
 *
 * Counts that are negative or not finite, a numerator above its denominator, an
 * interval the wrong way round or a value outside its interval are programmer
 * errors (ingest rejects such rows) and throw.
 */
import chisquareQuantile from '@stdlib/stats-base-dists-chisquare-quantile';
import type { Polarity } from '../metric/index.ts';
import { zFor } from '../stats/index.ts';
import type { ConfidenceLevel } from '../stats/index.ts';

/** How many of the latest points the recent trend uses. */
export const RECENT_TREND_POINTS = 5;

/** The confidence level of the recent trend's test. */
export const RECENT_TREND_LEVEL: ConfidenceLevel = 0.998;

const CRITICAL_CHI_SQUARED = chisquareQuantile(RECENT_TREND_LEVEL, 1);

/** A cross-product sum this small against the size of its terms is rounding, not a slope (about 4500 ε). */
const NEGLIGIBLE = 1e-12;

export interface CountPoint {
  readonly numerator: number | null;
  readonly denominator: number | null;
}

export interface IntervalPoint {
  readonly value: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

export type TrendSeries =
  | { readonly kind: 'proportions'; readonly points: readonly (CountPoint | null)[] }
  | { readonly kind: 'values_with_intervals'; readonly level: ConfidenceLevel; readonly points: readonly (IntervalPoint | null)[] };

export type TrendMethod = 'chi_squared_for_trend' | 'weighted_least_squares';

export type Trend = 'increasing' | 'decreasing' | 'no_significant_change';

export type TrendJudgement = 'getting_better' | 'getting_worse' | 'increasing' | 'decreasing' | 'no_significant_change';

export type RecentTrendNotComputedReason = 'fewer_than_five_points' | 'break_in_series' | 'missing_count' | 'missing_interval' | 'zero_denominator' | 'zero_width_interval';

export type RecentTrend =
  | {
      readonly kind: 'ok';
      readonly method: TrendMethod;
      readonly trend: Trend;
      readonly judgement: TrendJudgement;
      /** Per period: in the proportion of 1 for proportions, in the value's units otherwise. */
      readonly slope: number;
      /** χ² on 1 degree of freedom. */
      readonly statistic: number;
      readonly pValue: number;
      readonly slopeSignStable: boolean;
    }
  | { readonly kind: 'not_computed'; readonly reason: RecentTrendNotComputedReason };

export type ChiSquaredForTrend =
  | { readonly kind: 'ok'; readonly slope: number; readonly statistic: number; readonly pValue: number }
  | { readonly kind: 'not_computed'; readonly reason: 'fewer_than_two_points' | 'zero_denominator' };

/**
 * A least-squares fit of scored points by one of the two methods. `signless` marks
 * a slope within rounding error of zero (its cross-product sum no more than 1e-12 of
 * the sum of the sizes of its terms), which has no sign to keep.
 */
interface Fit {
  readonly slope: number;
  readonly statistic: number;
  readonly signless: boolean;
}

interface ScoredCount {
  readonly t: number;
  readonly numerator: number;
  readonly denominator: number;
}

interface WeightedPoint {
  readonly t: number;
  readonly y: number;
  readonly weight: number;
}

export function recentTrend(series: TrendSeries, polarity: Polarity): RecentTrend {
  if (series.points.length < RECENT_TREND_POINTS) return notComputed('fewer_than_five_points');
  switch (series.kind) {
    case 'proportions': {
      const last = lastPoints(series.points);
      if (last === null) return notComputed('break_in_series');
      const counts: ScoredCount[] = [];
      for (const [index, point] of last.entries()) {
        if (point.numerator === null || point.denominator === null) return notComputed('missing_count');
        requireCounts(point.numerator, point.denominator);
        if (point.denominator === 0) return notComputed('zero_denominator');
        counts.push({ t: index + 1, numerator: point.numerator, denominator: point.denominator });
      }
      return judged('chi_squared_for_trend', counts, proportionFit, polarity);
    }
    case 'values_with_intervals': {
      const last = lastPoints(series.points);
      if (last === null) return notComputed('break_in_series');
      const z = zFor(series.level);
      const weighted: WeightedPoint[] = [];
      for (const [index, point] of last.entries()) {
        if (point.lower === null || point.upper === null) return notComputed('missing_interval');
        requireInterval(point.value, point.lower, point.upper);
        const standardError = (point.upper - point.lower) / (2 * z);
        const weight = 1 / (standardError * standardError);
        if (!Number.isFinite(weight * weight)) return notComputed('zero_width_interval'); // no width, or too little to weigh
        weighted.push({ t: index + 1, y: point.value, weight });
      }
      return judged('weighted_least_squares', weighted, weightedFit, polarity);
    }
    default: {
      const unknown: never = series;
      throw new RangeError(`unknown series kind: ${String((unknown as { kind: unknown }).kind)}`);
    }
  }
}

/**
 * The chi-squared test for linear trend in proportions (Cochran–Armitage) over any
 * number of groups, scored 1, 2, …, k in the order given; recentTrend uses it on
 * the last five periods.
 */
export function chiSquaredForTrend(points: readonly { readonly numerator: number; readonly denominator: number }[]): ChiSquaredForTrend {
  points.forEach(({ numerator, denominator }) => requireCounts(numerator, denominator));
  if (points.length < 2) return Object.freeze({ kind: 'not_computed', reason: 'fewer_than_two_points' });
  if (points.some(({ denominator }) => denominator === 0)) return Object.freeze({ kind: 'not_computed', reason: 'zero_denominator' });
  const { slope, statistic } = proportionFit(points.map(({ numerator, denominator }, index) => ({ t: index + 1, numerator, denominator })));
  return Object.freeze({ kind: 'ok', slope, statistic, pValue: chiSquaredPValue(statistic) });
}

function judged<P>(method: TrendMethod, points: readonly P[], fit: (points: readonly P[]) => Fit, polarity: Polarity): RecentTrend {
  const { slope, statistic, signless } = fit(points);
  const slopeSignStable =
    !signless &&
    points.every((_, left) => {
      const without = fit(points.filter((__, index) => index !== left));
      return !without.signless && Math.sign(without.slope) === Math.sign(slope);
    });
  const trend: Trend = statistic > CRITICAL_CHI_SQUARED && slopeSignStable ? (slope > 0 ? 'increasing' : 'decreasing') : 'no_significant_change';
  return Object.freeze({
    kind: 'ok',
    method,
    trend,
    judgement: judge(trend, polarity),
    slope,
    statistic,
    pValue: chiSquaredPValue(statistic),
    slopeSignStable,
  });
}

/**
 * Cochran–Armitage on scored points (each denominator above zero), summed over pairs
 * of points so that no mean is subtracted:
 *   A = Σᵢ<ⱼ (rᵢnⱼ − rⱼnᵢ)(tᵢ − tⱼ) = N·Σr(t − t̄),  B = Σᵢ<ⱼ nᵢnⱼ(tᵢ − tⱼ)² = N·Σn(t − t̄)²
 *   slope = A / B,  χ² = N·A² / (R(N − R)·B)
 * For whole counts A is exact (while the products stay below 2⁵³), so equal
 * proportions give exactly 0, and reversing time negates every term.
 */
function proportionFit(points: readonly ScoredCount[]): Fit {
  let total = 0;
  let cases = 0;
  for (const { numerator, denominator } of points) {
    total += denominator;
    cases += numerator;
  }
  if (cases === 0 || cases === total) return { slope: 0, statistic: 0, signless: true }; // every proportion 0, or every one 1
  let cross = 0;
  let size = 0;
  let spread = 0;
  forEachPair(points, (first, second) => {
    const gap = first.t - second.t;
    cross += (first.numerator * second.denominator - second.numerator * first.denominator) * gap;
    size += (first.numerator * second.denominator + second.numerator * first.denominator) * Math.abs(gap);
    spread += first.denominator * second.denominator * gap * gap;
  });
  return {
    slope: cross / spread,
    statistic: (total * cross * cross) / (cases * (total - cases) * spread),
    signless: Math.abs(cross) <= NEGLIGIBLE * size,
  };
}

/**
 * Weighted least squares of y on t with known variances 1/w, summed over pairs of
 * points as above:
 *   W = Σw,  C = Σᵢ<ⱼ wᵢwⱼ(tᵢ − tⱼ)(yᵢ − yⱼ) = W·Σw(t − t̄)(y − ȳ),  D = Σᵢ<ⱼ wᵢwⱼ(tᵢ − tⱼ)² = W·Σw(t − t̄)²
 *   slope = C / D,  var(slope) = W / D,  χ² = C² / (W·D)
 * A point far more precise than the rest would otherwise put t̄ within rounding of
 * its own t, and its deviation would be lost to cancellation.
 */
function weightedFit(points: readonly WeightedPoint[]): Fit {
  const weights = points.reduce((sum, { weight }) => sum + weight, 0);
  let cross = 0;
  let size = 0;
  let spread = 0;
  forEachPair(points, (first, second) => {
    const gap = first.t - second.t;
    const pairWeight = first.weight * second.weight;
    cross += pairWeight * gap * (first.y - second.y);
    size += pairWeight * Math.abs(gap) * (Math.abs(first.y) + Math.abs(second.y));
    spread += pairWeight * gap * gap;
  });
  return {
    slope: cross / spread,
    statistic: (cross * cross) / (weights * spread),
    signless: Math.abs(cross) <= NEGLIGIBLE * size,
  };
}

function forEachPair<P>(points: readonly P[], visit: (first: P, second: P) => void): void {
  points.forEach((first, index) => {
    for (const second of points.slice(index + 1)) visit(first, second);
  });
}

function judge(trend: Trend, polarity: Polarity): TrendJudgement {
  if (trend === 'no_significant_change') return trend;
  switch (polarity) {
    case 'higher_is_better':
      return trend === 'increasing' ? 'getting_better' : 'getting_worse';
    case 'lower_is_better':
      return trend === 'increasing' ? 'getting_worse' : 'getting_better';
    case 'neutral':
      return trend;
    default: {
      const unknown: never = polarity;
      throw new RangeError(`unknown polarity: ${String(unknown)}`);
    }
  }
}

/** The last five points, or null when any of them is missing. */
function lastPoints<P>(points: readonly (P | null)[]): readonly P[] | null {
  const last = points.slice(-RECENT_TREND_POINTS);
  return last.every((point): point is P => point !== null) ? last : null;
}

/** P(χ²₁ > statistic) = erfc(√(statistic / 2)). */
function chiSquaredPValue(statistic: number): number {
  return Math.min(1, complementaryErrorFunction(Math.sqrt(statistic / 2)));
}

/** erfc(x) for x ≥ 0, Numerical Recipes' erfcc: fractional error below 1.2e-7. */
function complementaryErrorFunction(x: number): number {
  const t = 1 / (1 + 0.5 * x);
  const series =
    -1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418 + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587 + t * (-0.82215223 + t * 0.17087277))))))));
  return t * Math.exp(-x * x + series);
}

function notComputed(reason: RecentTrendNotComputedReason): RecentTrend {
  return Object.freeze({ kind: 'not_computed', reason });
}

function requireCounts(numerator: number, denominator: number): void {
  if (!Number.isFinite(numerator) || !Number.isFinite(denominator) || numerator < 0 || denominator < 0) {
    throw new RangeError(`counts must be finite and not negative, not ${String(numerator)} of ${String(denominator)}`);
  }
  if (numerator > denominator) throw new RangeError(`the numerator ${numerator} is above its denominator ${denominator}`);
}

function requireInterval(value: number, lower: number, upper: number): void {
  if (!Number.isFinite(value) || !Number.isFinite(lower) || !Number.isFinite(upper)) {
    throw new RangeError(`value and interval must be finite numbers, not ${String(value)} (${String(lower)} to ${String(upper)})`);
  }
  if (lower > upper) throw new RangeError(`the interval is the wrong way round: lower ${lower} is above upper ${upper}`);
  if (value < lower || value > upper) throw new RangeError(`the value ${value} lies outside its interval ${lower} to ${upper}`);
}
