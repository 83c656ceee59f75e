// A target's chart: one area's actuals from the baseline on, as the hub holds
// them, beside the agreed trajectory from the baseline to the target, with
// the same figures as a table for those who would rather read them. Periods
// the trajectory reaches beyond the latest figures are drawn empty, so the
// distance still to go shows.
import type { BenchmarkIndex } from '../../domain/benchmark/benchmark-index.ts';
import { formatNumber } from '../../domain/format/index.ts';
import { parsePeriod } from '../../domain/period/index.ts';
import { trendLines } from '../charts/trend-lines.ts';

export interface TargetLine {
  readonly metricCode: string;
  readonly areaCode: string;
  readonly baseline: { readonly period: string; readonly value: number } | null;
  readonly trajectory: readonly { readonly period: string; readonly value: number }[];
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
  });
  const shown = (value: number | null | undefined) => (value === null || value === undefined ? '' : formatNumber(value, decimals));
  return { chart, rows: periods.map((period) => ({ period, actual: shown(actuals.get(period)), expected: shown(expected.get(period)) })) };
}

/** A period's end date, which orders periods of one kind; a label that is no period sorts last. */
function endOf(label: string): string {
  const parsed = parsePeriod(label);
  return parsed.kind === 'ok' ? parsed.period.end : '9999';
}
