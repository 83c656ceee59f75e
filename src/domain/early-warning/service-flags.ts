// The service-performance rules: worse than comparators and getting worse
// (the benchmark's own two tests), special-cause concern on an in-year series
// (the XmR chart of targets' SPC), and off trajectory on an agreed target.
// Each turns a finding made elsewhere into a flag with the figures it read;
// none repeats the statistics.
import type { MetricConcern } from '../benchmark/worse-and-worsening.ts';
import type { Polarity } from '../metric/index.ts';
import { SPC_MINIMUM_POINTS, latestSpc, type PeriodValue } from '../targets/index.ts';
import { flagOf, notFlagged, type Finding, type Flag } from './flag.ts';
import { RULES } from './rules.ts';

/** The metric as a sentence names it. */
export interface FlagMetric {
  readonly code: string;
  readonly title: string;
  readonly polarity: Polarity;
  readonly decimals: number;
  readonly unit?: string;
}

export function worseAndWorseningFlag(concern: MetricConcern, metricCode: string): Flag {
  const { area, interval, benchmark, trendPeriods } = concern;
  return flagOf(RULES.worse_and_worsening, area.code, metricCode, concern.period, {
    value: concern.value,
    lower: interval.lower,
    upper: interval.upper,
    benchmark: benchmark.value,
    benchmarkSource: benchmark.source,
    trendFrom: trendPeriods[0] ?? null,
    trendTo: trendPeriods[trendPeriods.length - 1] ?? null,
    trendPoints: trendPeriods.length,
  });
}

/** Special-cause concern at the latest in-year point; fewer than 13 points cannot be judged, and says so. */
export function inYearSpecialCause(area: string, metric: FlagMetric, series: readonly PeriodValue[]): Finding {
  return inYearSpecialCauseOf(
    area,
    metric,
    series.map((point) => point.value),
    series[series.length - 1]?.period ?? null,
  );
}

/**
 * The same rule on the values alone, oldest first, and the latest one's
 * period: early warning runs it on every council of every in-year metric, and
 * makes no period-and-value pair for each point to do so.
 */
export function inYearSpecialCauseOf(area: string, metric: FlagMetric, values: readonly number[], latestPeriod: string | null): Finding {
  const rule = RULES.in_year_special_cause;
  if (values.length === 0) return notFlagged(rule, area, metric.code, 'no_data');
  if (metric.polarity === 'neutral') return null;
  const latest = latestSpc(values, metric.polarity);
  if (!latest) return notFlagged(rule, area, metric.code, 'too_few_points', `${values.length} points; ${SPC_MINIMUM_POINTS} are needed`);
  // The icon's variation: where any rule at the latest point says improvement, the icon does, and so no concern is flagged.
  if (latest.variation !== 'special_cause_concern') return null;
  const { mean, lower, upper } = latest.limits;
  return flagOf(rule, area, metric.code, latestPeriod, { value: values[values.length - 1]!, mean, lower, upper, signal: latest.signals[0]!.cause, points: values.length });
}

/** A target rated red or amber, as the engine's off-trajectory list gives it. */
export interface OffTrajectoryLine {
  readonly targetId: string;
  readonly metricCode: string;
  readonly band: 'red' | 'amber';
  readonly period: string | null;
  readonly actual: number | null;
  readonly expected: number | null;
  readonly rule: string;
}

export function offTrajectoryFlag(area: string, line: OffTrajectoryLine): Flag {
  return flagOf(RULES.off_trajectory, area, line.metricCode, line.period, { target: line.targetId, band: line.band, actual: line.actual, expected: line.expected, rule: line.rule });
}
