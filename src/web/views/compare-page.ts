// The compare page: a council beside its nearest neighbours on the metrics
// chosen, each figure with its verdict within that group, and why each
// neighbour is a neighbour (its distance and the variables that drive it).
import type { BenchmarkIndex, IndexArea } from '../../domain/benchmark/benchmark-index.ts';
import { leagueTable } from '../../domain/benchmark/benchmark-queries.ts';
import { neighbourGroup, type StatisticalNeighbours } from '../../domain/benchmark/statistical-neighbours.ts';
import { verdictOfRow } from '../../domain/benchmark/verdict.ts';
import { formatNumber, formatValue } from '../../domain/format/index.ts';
import { isContextual } from '../../domain/metric/index.ts';
import { comparisonOf, type Comparison } from './comparison.ts';

type Found = Extract<StatisticalNeighbours, { kind: 'ok' }>;

const DEFAULT_METRICS = 6;

/** The metrics shown: those asked for that the index holds, else the first few that are not context. */
export function chosenMetrics(index: BenchmarkIndex, asked: readonly string[]): string[] {
  const held = asked.filter((code) => index.metric(code));
  if (held.length > 0) return held;
  return index.metricsByTitle().filter((s) => !isContextual(s.metric)).slice(0, DEFAULT_METRICS).map((s) => s.metric.code);
}

export function comparePage(index: BenchmarkIndex, area: IndexArea, found: Found, metrics: readonly string[]) {
  const spec = neighbourGroup(area, found);
  const columns = metrics.map((code) => {
    const series = index.metric(code)!;
    const slice = series.latest()!;
    const table = leagueTable(index, series, slice, area, spec, 0.95);
    const group = { label: spec.label, ranked: table.group.size, benchmark: table.group.benchmark };
    const cells = new Map<string, { value: string; comparison: Comparison }>();
    for (const row of table.rows) {
      cells.set(row.area, {
        value: formatValue(row.value, series.metric.decimals, series.metric.unit ?? ''),
        comparison: comparisonOf(verdictOfRow(series.metric, row, group, 0.95)),
      });
    }
    return { code, title: series.metric.title, period: slice.period, cells };
  });
  const none = { value: '–', comparison: null };
  const rowOf = (code: string, name: string, distance: string, reason: string) => ({
    code, name, distance, reason, self: code === area.code,
    cells: columns.map((c) => c.cells.get(code) ?? none),
  });
  return {
    area: { code: area.code, name: area.name },
    groupLabel: spec.label,
    variables: found.variables.map((v) => ({ label: v.label, weight: v.weight, log: v.transform === 'log' })),
    columns: columns.map(({ code, title, period }) => ({ code, title, period })),
    rows: [
      rowOf(area.code, area.name, '0', 'The council itself'),
      ...found.neighbours.map((n) => rowOf(n.code, n.name, formatNumber(n.distance, 2), n.reason)),
    ],
    choices: index.metricsByTitle().filter((s) => !isContextual(s.metric))
      .map((s) => ({ value: s.metric.code, text: s.metric.title, checked: metrics.includes(s.metric.code) })),
  };
}
