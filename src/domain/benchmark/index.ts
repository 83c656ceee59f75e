export { rankWithTies } from './rank.ts';
export type { Rank } from './rank.ts';
export { assignQuantiles, quantileOf } from './quantile.ts';
export type { Quantile, QuantileOf } from './quantile.ts';
export { compareToBenchmark, describeSignificance, significanceLabel } from './compare-to-benchmark.ts';
export type { BenchmarkComparison, Significance } from './compare-to-benchmark.ts';
export { summariseGroup } from './group-summary.ts';
export type { GroupSummary } from './group-summary.ts';
export { directionOfTravel } from './direction-of-travel.ts';
export type { DirectionOfTravel, PeriodFigure, TravelComparison, TravelDirection, TravelJudgement } from './direction-of-travel.ts';
export { RECENT_TREND_LEVEL, RECENT_TREND_POINTS, chiSquaredForTrend, recentTrend } from './recent-trend.ts';
export type {
  ChiSquaredForTrend, CountPoint, IntervalPoint, RecentTrend, RecentTrendNotComputedReason, Trend, TrendJudgement, TrendMethod, TrendSeries,
} from './recent-trend.ts';
export { VERDICT_RULES, fifthLabel, scaleOf, verdictOf, verdictOfRow } from './verdict.ts';
export type { Fifth, Verdict, VerdictInput, VerdictRule, VerdictRuleRef, VerdictScale } from './verdict.ts';
