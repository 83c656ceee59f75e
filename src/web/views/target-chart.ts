// A target's chart: one area's actuals from the baseline on, as the hub holds
// them, beside the agreed trajectory from the baseline to the target and its
// tolerance band (between the trajectory and the worst figure still rated
// green, shaded on the worse side), with the same figures as a table for
// those who would rather read them. Periods the trajectory reaches beyond the
// latest figures are drawn empty, so the distance still to go shows. The
// statistical rule draws no band: it reads each actual's own interval.
import type { BenchmarkIndex } from '../../domain/benchmark/benchmark-index.ts';
import { formatNumber } from '../../domain/format/index.ts';
import type { Polarity } from '../../domain/metric/index.ts';
import { parsePeriod } from '../../domain/period/index.ts';
import { greenLimit, type ToleranceRule } from '../../domain/targets/index.ts';
import { trendLines, type TrendBand } from '../charts/trend-lines.ts';

export interface TargetLine {
  readonly metricCode: string;
  readonly areaCode: string;
  readonly baseline: { readonly period: string; readonly value: number } | null;
  readonly trajectory: readonly { readonly period: string; readonly value: number }[];
  /** The target's tolerance rule and its metric's polarity, for the band; none without them. */
  readonly rule?: ToleranceRule;
  readonly polarity?: Polarity;
}

export interface TargetChart {
  readonly chart: string;
  readonly rows: readonly { readonly period: string; readonly actual: string; readonly expected: string }[];
}

export function targetChart(index: BenchmarkIndex, line: TargetLine, title: string): TargetChart | null {
  const series = index.metric(line.metricCode);
  const area = index.area(line.areaCode);
  const number = index.areaNumber(line.areaCode);
  if (!series || !area || number === undefined) return null;
  const from = line.baseline ? endOf(line.baseline.period) : '';
  const actuals = new Map<string, number | null>();
  for (const slice of series.slices) {
    if (slice.end < from) continue;
    const position = slice.position(number);
    actuals.set(slice.period, position < 0 ? null : slice.value(position));
  }
  const expected = new Map<string, number>(line.baseline ? [[line.baseline.period, line.baseline.value]] : []);
  for (const point of line.trajectory) expected.set(point.period, point.value);
  const periods = [...new Set([...expected.keys(), ...actuals.keys()])].sort((a, b) => endOf(a).localeCompare(endOf(b)));
  if (periods.length === 0) return null;
  const { decimals, unit } = series.metric;
  const chart = trendLines({
    id: `target-${line.areaCode}`,
    title,
    description: `${area.name}'s figures for ${series.metric.title} from ${periods[0]} to ${periods[periods.length - 1]}, beside the agreed trajectory.`,
    unit: unit ?? '',
    decimals,
    periods,
    lines: [
      { code: 'trajectory', name: 'Agreed trajectory', values: periods.map((p) => expected.get(p) ?? null), emphasis: false },
      { code: area.code, name: area.name, values: periods.map((p) => actuals.get(p) ?? null), emphasis: true },
    ],
    band: toleranceBand(line, periods, expected),
  });
  const shown = (value: number | null | undefined) => (value === null || value === undefined ? '' : formatNumber(value, decimals));
  return { chart, rows: periods.map((period) => ({ period, actual: shown(actuals.get(period)), expected: shown(expected.get(period)) })) };
}

/** From the trajectory to the edge of green on its worse side, period by period; none for a rule with no such edge. */
function toleranceBand(line: TargetLine, periods: readonly string[], expected: ReadonlyMap<string, number>): TrendBand | undefined {
  if (!line.rule || !line.polarity) return undefined;
  const { rule, polarity } = line;
  const edges = periods.map((p) => {
    const value = expected.get(p);
    const edge = value === undefined ? null : greenLimit(rule, value, polarity);
    return value === undefined || edge === null ? null : ([Math.min(value, edge), Math.max(value, edge)] as const);
  });
  if (edges.every((edge) => edge === null)) return undefined;
  return { name: 'Green: within tolerance of the trajectory', lower: edges.map((e) => e?.[0] ?? null), upper: edges.map((e) => e?.[1] ?? null) };
}

/** A period's end date, which orders periods of one kind; a label that is no period sorts last. */
function endOf(label: string): string {
  const parsed = parsePeriod(label);
  return parsed.kind === 'ok' ? parsed.period.end : '9999';
}
