// Worse than comparators and getting worse: for one council, each metric whose
// latest figure is significantly worse than the benchmark AND whose recent
// trend is getting worse, each finding naming both tests and their figures.
// Early warning reads these as positions with reasons: there is no score and
// no sum, so one concern never hides behind another's good news.
//
// The two tests are the ones the area page shows, not new ones:
//   significance  compareToBenchmark: the area's confidence interval (95% unless
//                 asked at 99.8%) wholly on the worse side of the benchmark's value
//   recent trend  recentTrend: the last five periods, χ² for linear trend above
//                 the 99.8% point, its slope's sign stable when any one point is
//                 left out, and the slope in the metric's worse direction.
// A neutral metric is higher or lower, never worse, so it is never flagged; a
// suppressed or missing figure is not compared, so it is never flagged either.
import { formatNumber } from '../format/index.ts';
import type { ConfidenceLevel } from '../stats/index.ts';
import { areaProfile, profileItem, type ProfileItem } from './area-profile.ts';
import type { BenchmarkIndex, IndexArea, IndexMetric, MetricSeries } from './benchmark-index.ts';
import type { GroupSpec, Interval } from './benchmark-queries.ts';
import { compareToBenchmark } from './compare-to-benchmark.ts';
import { RECENT_TREND_LEVEL, RECENT_TREND_POINTS, type RecentTrend, type TrendMethod } from './recent-trend.ts';
import { trendOf, trendSummaryAt } from './trend-of.ts';

/** One metric's figures, as the rule needs them: the latest value against its benchmark, and the recent trend to it. */
export interface ConcernCandidate {
  readonly metric: Pick<IndexMetric, 'code' | 'title' | 'polarity' | 'decimals'>;
  readonly period: string;
  readonly value: number | null;
  readonly interval: Interval | undefined;
  readonly level: ConfidenceLevel;
  readonly benchmark: { readonly value: number; readonly source: string } | null;
  readonly recent: RecentTrend;
  /** The periods the recent trend was tested over, oldest first. */
  readonly trendPeriods: readonly string[];
  /** Set when another area's figure stands in (a predecessor or successor). */
  readonly via?: { readonly code: string; readonly name: string } | null;
}

export interface WorseAndWorsening {
  readonly metric: { readonly code: string; readonly title: string; readonly polarity: 'higher_is_better' | 'lower_is_better'; readonly decimals: number };
  readonly period: string;
  readonly value: number;
  readonly via: { readonly code: string; readonly name: string } | null;
  readonly significance: {
    readonly test: 'confidence_interval_against_benchmark';
    readonly level: ConfidenceLevel;
    readonly interval: Interval;
    readonly benchmark: { readonly value: number; readonly source: string };
    readonly words: string;
  };
  readonly trend: {
    readonly test: TrendMethod;
    readonly level: ConfidenceLevel;
    readonly periods: readonly string[];
    readonly slope: number;
    readonly statistic: number;
    readonly pValue: number;
    readonly words: string;
  };
}

/** The finding for one metric, or null when it is not both significantly worse and getting worse. */
export function worseAndWorsening(candidate: ConcernCandidate): WorseAndWorsening | null {
  const { metric, value, interval, benchmark, recent } = candidate;
  if (metric.polarity === 'neutral' || value === null || !interval || !benchmark) return null;
  const significance = compareToBenchmark({ value, lower: interval.lower, upper: interval.upper, benchmark: benchmark.value, polarity: metric.polarity });
  if (significance !== 'worse' || recent.kind !== 'ok' || recent.judgement !== 'getting_worse') return null;
  return {
    metric: { code: metric.code, title: metric.title, polarity: metric.polarity, decimals: metric.decimals },
    period: candidate.period,
    value,
    via: candidate.via ?? null,
    significance: {
      test: 'confidence_interval_against_benchmark',
      level: candidate.level,
      interval,
      benchmark,
      words: significanceWords(candidate.level, interval, benchmark, metric.polarity, metric.decimals),
    },
    trend: {
      test: recent.method,
      level: RECENT_TREND_LEVEL,
      periods: candidate.trendPeriods,
      slope: recent.slope,
      statistic: recent.statistic,
      pValue: recent.pValue,
      words: trendWords(candidate.trendPeriods, recent.method),
    },
  };
}

export interface ConcernsRequest {
  readonly group: GroupSpec;
  readonly level: ConfidenceLevel;
  /** Only these metrics (codes); every metric when undefined. */
  readonly metrics?: readonly string[] | undefined;
}

/**
 * Every finding for a council at each metric's latest period, by metric title.
 * The profile's kept trend summaries pick the few candidates; only those have
 * their trend worked out again in full, for its figures.
 */
export function areaConcerns(index: BenchmarkIndex, area: IndexArea, request: ConcernsRequest): WorseAndWorsening[] {
  const profile = areaProfile(index, area, { group: request.group, level: request.level, metrics: request.metrics });
  const found: WorseAndWorsening[] = [];
  for (const item of profile.items) {
    if (item.significance !== 'worse' || item.trend.recent !== 'getting_worse') continue;
    const finding = worseAndWorsening(candidateOf(index, area, item, request.level));
    if (finding) found.push(finding);
  }
  return found;
}

/** One council's concern on a metric as early warning keeps it: the figures of both tests' outcomes, not their workings. */
export interface MetricConcern {
  readonly area: IndexArea;
  readonly period: string;
  readonly value: number;
  readonly interval: Interval;
  readonly benchmark: { readonly value: number; readonly source: string };
  /** The periods the recent trend was tested over, oldest first. */
  readonly trendPeriods: readonly string[];
}

/**
 * Every council's concern on one metric at its latest period, by area code:
 * what early warning reruns for a batch's metrics. The kept trend of each row
 * picks the few candidates (a byte read, once trends are kept) and the
 * profile's row says whether the figure is significantly worse; the trend's
 * statistics are not worked out again (the concerns API gives them, council
 * by council). Finds the areas, figures and periods `areaConcerns` finds.
 */
export function metricConcerns(index: BenchmarkIndex, series: MetricSeries, request: Omit<ConcernsRequest, 'metrics'>): MetricConcern[] {
  const slice = series.latest();
  if (!slice || series.metric.polarity === 'neutral') return [];
  const upTo = series.slices.indexOf(slice);
  const trendPeriods = series.slices.slice(Math.max(0, upTo - RECENT_TREND_POINTS + 1), upTo + 1).map((s) => s.period);
  const found: MetricConcern[] = [];
  for (let position = 0; position < slice.areas.length; position++) {
    if (trendSummaryAt(index, series, slice, position).recent !== 'getting_worse') continue;
    const number = slice.areas[position]!;
    const area = index.areas[number]!;
    const item = profileItem(index, series, slice, area, number, { group: request.group, level: request.level });
    if (item.significance !== 'worse' || item.value === null || !item.interval || !item.benchmark) continue;
    found.push({ area, period: slice.period, value: item.value, interval: item.interval, benchmark: item.benchmark, trendPeriods });
  }
  return found.sort((a, b) => a.area.code.localeCompare(b.area.code));
}

function candidateOf(index: BenchmarkIndex, area: IndexArea, item: ProfileItem, level: ConfidenceLevel): ConcernCandidate {
  const series = index.metric(item.metric.code)!;
  const slice = series.slice(item.period)!;
  const upTo = series.slices.indexOf(slice);
  const trendPeriods = series.slices.slice(Math.max(0, upTo - RECENT_TREND_POINTS + 1), upTo + 1).map((s) => s.period);
  return { ...item, level, recent: trendOf(index, series, slice, area).recent, trendPeriods };
}

function significanceWords(level: ConfidenceLevel, interval: Interval, benchmark: { value: number; source: string }, polarity: 'higher_is_better' | 'lower_is_better', decimals: number): string {
  const side = polarity === 'higher_is_better' ? 'below' : 'above';
  const n = (figure: number) => formatNumber(figure, decimals);
  return `${level === 0.95 ? '95' : '99.8'}% confidence interval ${n(interval.lower)} to ${n(interval.upper)} wholly ${side} the benchmark (${benchmark.source}, ${n(benchmark.value)})`;
}

function trendWords(periods: readonly string[], method: TrendMethod): string {
  const test = method === 'chi_squared_for_trend' ? 'chi-squared test for trend in proportions' : 'weighted least squares on values and their intervals';
  return `getting worse over ${periods[0]} to ${periods[periods.length - 1]}: ${test}, significant at 99.8%, not resting on any one point`;
}
