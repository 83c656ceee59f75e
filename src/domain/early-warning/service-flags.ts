// The service-performance rules: worse than comparators and getting worse
// (the benchmark's own two tests), special-cause concern on an in-year series
// (the XmR chart of targets' SPC), and off trajectory on an agreed target.
// Each turns a finding made elsewhere into a flag with its figures and a
// sentence; none repeats the statistics.
import type { WorseAndWorsening } from '../benchmark/worse-and-worsening.ts';
import { formatValue } from '../format/index.ts';
import type { Polarity } from '../metric/index.ts';
import { SPC_MINIMUM_POINTS, SPECIAL_CAUSE_LABELS, spcChart, type PeriodValue } from '../targets/index.ts';
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

export function worseAndWorseningFlag(area: string, finding: WorseAndWorsening, unit = ''): Flag {
  const { metric, significance, trend } = finding;
  const value = formatValue(finding.value, metric.decimals, unit);
  const benchmark = formatValue(significance.benchmark.value, metric.decimals, unit);
  const sentence =
    `${metric.title}: ${value} in ${finding.period}, worse than ${benchmarkName(significance.benchmark.source)} (${benchmark}), ` +
    `and getting worse over ${trend.periods.length} periods (${trend.periods[0]} to ${trend.periods[trend.periods.length - 1]}).`;
  return flagOf(
    RULES.worse_and_worsening,
    area,
    metric.code,
    finding.period,
    {
      value: finding.value,
      lower: significance.interval.lower,
      upper: significance.interval.upper,
      benchmark: significance.benchmark.value,
      benchmarkSource: significance.benchmark.source,
      slope: trend.slope,
      pValue: trend.pValue,
    },
    sentence,
  );
}

/** The benchmark as a sentence names it: an area's name, or "the group mean". */
function benchmarkName(source: string): string {
  return source === 'group mean' ? 'the group mean' : source;
}

/** Special-cause concern at the latest in-year point; fewer than 13 points cannot be judged, and says so. */
export function inYearSpecialCause(area: string, metric: FlagMetric, series: readonly PeriodValue[]): Finding {
  const rule = RULES.in_year_special_cause;
  if (series.length === 0) return notFlagged(rule, area, metric.code, 'no_data');
  if (metric.polarity === 'neutral') return null;
  const chart = spcChart(series, metric.polarity);
  if (chart.kind === 'too_few_points') return notFlagged(rule, area, metric.code, 'too_few_points', `${series.length} points; ${SPC_MINIMUM_POINTS} are needed`);
  const latest = chart.points[chart.points.length - 1]!;
  if (latest.variation !== 'special_cause_concern') return null;
  const signal = latest.signals[0]!;
  const unit = metric.unit ?? '';
  const sentence =
    `${metric.title}: ${formatValue(latest.value, metric.decimals, unit)} in ${latest.period}, special-cause concern ` +
    `(${SPECIAL_CAUSE_LABELS[signal.cause].toLowerCase()}); process limits ${formatValue(latest.limits.lower, metric.decimals, unit)} to ${formatValue(latest.limits.upper, metric.decimals, unit)}.`;
  return flagOf(
    rule,
    area,
    metric.code,
    latest.period,
    { value: latest.value, mean: latest.limits.mean, lower: latest.limits.lower, upper: latest.limits.upper, signal: signal.cause, points: series.length },
    sentence,
  );
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

export function offTrajectoryFlag(area: string, metric: FlagMetric, line: OffTrajectoryLine): Flag {
  const unit = metric.unit ?? '';
  const band = line.band === 'red' ? 'Red' : 'Amber';
  const sentence =
    `${metric.title}: ${band} against its agreed trajectory, ${formatValue(line.actual, metric.decimals, unit)} in ${line.period ?? 'the latest period'} ` +
    `where ${formatValue(line.expected, metric.decimals, unit)} was expected (${line.rule}).`;
  return flagOf(RULES.off_trajectory, area, metric.code, line.period, { target: line.targetId, band: line.band, actual: line.actual, expected: line.expected }, sentence);
}
