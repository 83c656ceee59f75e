// The compare page: a council beside its nearest neighbours on the metrics
// chosen, each figure with its verdict within that group, and why each
// neighbour is a neighbour (its distance and the variables that drive it).
// Instead of the neighbours Lantern finds, a reader may start from a set
// that a publisher made (the ONS's, the DfE's), named as its publisher names
// it, with the publisher's ranks in place of distances.
import type { BenchmarkIndex, IndexArea } from '../../domain/benchmark/benchmark-index.ts';
import { leagueTable } from '../../domain/benchmark/benchmark-queries.ts';
import { neighbourGroup, type StatisticalNeighbours } from '../../domain/benchmark/statistical-neighbours.ts';
import { verdictOfRow } from '../../domain/benchmark/verdict.ts';
import { formatNumber, formatValue } from '../../domain/format/index.ts';
import type { GroupSpec } from '../../domain/benchmark/benchmark-queries.ts';
import { isContextual } from '../../domain/metric/index.ts';
import { publishedSetBasis, publishedSetMembers, publishedSetName, type PublishedNeighbourSet } from '../../domain/neighbours/index.ts';
import { comparisonOf, type Comparison } from './comparison.ts';

type Found = Extract<StatisticalNeighbours, { kind: 'ok' }>;

const DEFAULT_METRICS = 6;

/** The metrics shown: those asked for that the index holds, else the first few that are not context. */
export function chosenMetrics(index: BenchmarkIndex, asked: readonly string[]): string[] {
  const held = asked.filter((code) => index.metric(code));
  if (held.length > 0) return held;
  return index
    .metricsByTitle()
    .filter((s) => !isContextual(s.metric))
    .slice(0, DEFAULT_METRICS)
    .map((s) => s.metric.code);
}

/** A published set's key in the page's address: `?set=ons-2025-02/global`. */
export function publishedSetKey(set: Pick<PublishedNeighbourSet, 'source' | 'model'>): string {
  return `${set.source}/${set.model}`;
}

/** The group the table compares within, its members in order with why each is there. */
interface CompareGroup {
  readonly spec: GroupSpec & { readonly label: string };
  readonly members: readonly { readonly code: string; readonly name: string; readonly distance: string; readonly reason: string }[];
  /** Lantern's own neighbours: the variables they were found by. */
  readonly variables: readonly { readonly label: string; readonly weight: number; readonly log: boolean }[];
  /** A publisher's set: what it rests on, in a sentence. */
  readonly basis: string | null;
}

function computedGroup(area: IndexArea, found: Found): CompareGroup {
  return {
    spec: neighbourGroup(area, found),
    members: found.neighbours.map((n) => ({ code: n.code, name: n.name, distance: formatNumber(n.distance, 2), reason: n.reason })),
    variables: found.variables.map((v) => ({ label: v.label, weight: v.weight, log: v.transform === 'log' })),
    basis: null,
  };
}

function publishedGroup(index: BenchmarkIndex, set: PublishedNeighbourSet): CompareGroup {
  const name = publishedSetName(set);
  return {
    spec: { kind: 'custom', key: `published:${publishedSetKey(set)}:${set.areaCode}`, label: name, members: publishedSetMembers(set) },
    members: set.neighbours.map((n) => ({
      code: n.code,
      name: index.area(n.code)?.name ?? n.code,
      distance: `${n.rank}`,
      reason: n.closeness ? `${n.closeness}, ranked ${n.rank} by its publisher` : `Ranked ${n.rank} by its publisher`,
    })),
    variables: [],
    basis: publishedSetBasis(set),
  };
}

/**
 * The page for a council beside a group: Lantern's nearest neighbours
 * (`found`), or the published set chosen by its key; the published sets are
 * offered either way, as named groups to start from.
 */
export function comparePage(index: BenchmarkIndex, area: IndexArea, found: Found, metrics: readonly string[], sets: readonly PublishedNeighbourSet[] = [], setKey?: string) {
  const chosenSet = sets.find((set) => publishedSetKey(set) === setKey);
  const group = chosenSet ? publishedGroup(index, chosenSet) : computedGroup(area, found);
  const spec = group.spec;
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
    code,
    name,
    distance,
    reason,
    self: code === area.code,
    cells: columns.map((c) => c.cells.get(code) ?? none),
  });
  return {
    area: { code: area.code, name: area.name },
    groupLabel: spec.label,
    published: chosenSet !== undefined,
    basis: group.basis,
    variables: group.variables,
    sets: [
      { value: '', text: `Lantern's nearest neighbours of ${area.name}`, selected: chosenSet === undefined },
      ...sets.map((set) => ({ value: publishedSetKey(set), text: publishedSetName(set), selected: set === chosenSet })),
    ],
    setKey: chosenSet ? publishedSetKey(chosenSet) : '',
    columns: columns.map(({ code, title, period }) => ({ code, title, period })),
    rows: [rowOf(area.code, area.name, chosenSet ? '–' : '0', 'The council itself'), ...group.members.map((n) => rowOf(n.code, n.name, n.distance, n.reason))],
    choices: index
      .metricsByTitle()
      .filter((s) => !isContextual(s.metric))
      .map((s) => ({ value: s.metric.code, text: s.metric.title, checked: metrics.includes(s.metric.code) })),
  };
}
