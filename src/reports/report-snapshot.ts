// A report's figures frozen at a moment: for each section and metric, each
// council's value, rank, verdict against its group, the group's mean and
// median, its trend, and what its charts need (every area's value for the
// bar chart and the map, the series for the trend lines). A published
// version keeps this snapshot, so later imports never change what residents
// were shown; the snapshot says when it was taken and where each figure came
// from. Each verdict is frozen with its rule, its figures and its sentence;
// versions published before verdicts carried their rule hold only its words
// and colours, which is all their pages and files read.
import { ENGLAND_CODE } from '../domain/area/index.ts';
import type { BenchmarkIndex, IndexArea, MetricSeries } from '../domain/benchmark/benchmark-index.ts';
import { areaValueAt, groupFigures, leagueTable, resolveArea, rowFigures, type GroupSpec } from '../domain/benchmark/benchmark-queries.ts';
import type { Significance } from '../domain/benchmark/compare-to-benchmark.ts';
import { groupSpecFor } from '../domain/benchmark/group-spec.ts';
import { trendSummaryOf, type TrendSummary } from '../domain/benchmark/trend-of.ts';
import { areaSourceVerdictKey, sourceVerdictWords, type SourceVerdict } from '../domain/benchmark/source-verdict.ts';
import { verdictOfRow } from '../domain/benchmark/verdict.ts';
import type { MetricAbout, Polarity } from '../domain/metric/index.ts';
import { sectionKind, type ChartKind, type ReportDefinition, type ReportGroup, type ReportSection } from '../domain/report/report-definition.ts';
import { comparisonOf, type Comparison, type ComparisonTag } from '../web/views/comparison.ts';
import { spreadOf, type Spread } from '../web/views/group-spread.ts';
import type { TargetLine } from '../web/views/target-status.ts';

const TREND_PERIODS = 10;

/** A comparison as a snapshot holds it: the whole verdict, or (published earlier) only its tag. */
export type FrozenComparison = Comparison | ComparisonTag;

export interface SnapshotFigure {
  readonly area: string;
  readonly areaName: string;
  readonly period: string;
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly rank: number | null;
  readonly ranked: number;
  readonly significance: Significance;
  readonly comparison: FrozenComparison;
  readonly groupLabel: string;
  readonly groupMean: number | null;
  readonly groupMedian: number | null;
  readonly benchmark: { readonly value: number; readonly source: string } | null;
  /** England's value for the metric and period; absent from versions frozen before it was kept. */
  readonly england?: number | null;
  /** The source's own verdict on the figure, in words that say whose it is; absent where it gave none. */
  readonly source?: string;
  readonly trend: TrendSummary;
  readonly spread: Spread | null;
}

/** One area of England's league table, for the bar chart and the map. */
export interface SnapshotLeagueRow {
  readonly code: string;
  readonly name: string;
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly comparison: FrozenComparison;
  readonly significance: Significance;
}

/** A league table as a snapshot keeps it: its group, benchmark and rows. */
export interface SnapshotTable {
  readonly label: string;
  readonly benchmark: { readonly value: number; readonly source: string } | null;
  readonly rows: readonly SnapshotLeagueRow[];
}

export interface SnapshotMetric {
  readonly code: string;
  readonly title: string;
  readonly definition: string | null;
  readonly unit: string;
  readonly decimals: number;
  readonly polarity: Polarity;
  readonly source: string | null;
  /** Its method, caveats, publisher's page and dates as they stood when the report was taken; absent where nothing was known, and from versions frozen before they were kept. */
  readonly about?: MetricAbout;
  readonly period: string | null;
  readonly figures: readonly SnapshotFigure[];
  /** Every area of England with its fifth of England, for the map. */
  readonly england: SnapshotTable | null;
  /**
   * The first council's group, each member judged as the report judges it, for
   * the bar chart: so that the bar beside a "Worst fifth of its neighbours" tag
   * wears that verdict's colour. Absent from versions frozen before it was
   * kept, whose bar charts are drawn from England's table.
   */
  readonly group?: SnapshotTable | null;
  readonly series: { readonly periods: readonly string[]; readonly lines: readonly { readonly code: string; readonly name: string; readonly values: readonly (number | null)[] }[] } | null;
}

export interface SnapshotSection {
  readonly title: string;
  readonly chart: ChartKind;
  readonly notes: string;
  readonly metrics: readonly SnapshotMetric[];
  /** A targets section says so; absent from figures sections and from versions frozen before there were others. */
  readonly kind?: 'targets';
  /** A targets section's targets of signed-off agreements, each area's standing frozen with its rule's words. */
  readonly targets?: readonly TargetLine[];
}

export interface ReportSnapshot {
  readonly title: string;
  readonly notes: string;
  readonly takenAt: string;
  readonly group: ReportGroup;
  readonly areas: readonly { readonly code: string; readonly name: string }[];
  readonly sections: readonly SnapshotSection[];
  readonly sources: readonly string[];
}

/**
 * Takes the figures a definition asks for from the index, as they are at
 * `takenAt`, with what each metric's publisher says of it (`about`, by metric
 * code: metricAboutOfReport) and the source's own verdicts on the figures
 * (`verdicts`, by areaSourceVerdictKey: sourceVerdictsOfReport), frozen with them.
 * A targets section keeps those of `targets` (the public's lines for the
 * report's councils: publicTargetLines) on its metrics, or all of them.
 */
export function snapshotReport(
  index: BenchmarkIndex,
  definition: ReportDefinition,
  takenAt: Date,
  about: ReadonlyMap<string, MetricAbout> = new Map(),
  verdicts: ReadonlyMap<string, SourceVerdict> = new Map(),
  targets: readonly TargetLine[] = [],
): ReportSnapshot {
  const areas = definition.areas.map((code) => index.area(code)).filter((a): a is IndexArea => a !== undefined);
  const specs = new Map(areas.map((area) => [area.code, groupSpecFor(index, area, definition.group)]));
  const sections = definition.sections.map((section): SnapshotSection =>
    sectionKind(section) === 'targets'
      ? targetsSection(section, areas, targets)
      : {
          title: section.title,
          chart: section.chart,
          notes: section.notes,
          metrics: section.metrics
            .map((code) => index.metric(code))
            .filter((s): s is MetricSeries => s !== undefined)
            .map((series) => snapshotMetric(index, series, areas, specs, section.chart, about.get(series.metric.code), verdicts)),
        },
  );
  const sources = [...new Set(sections.flatMap((s) => s.metrics.map((m) => m.source).filter((x): x is string => x !== null)))].sort();
  return {
    title: definition.title,
    notes: definition.notes,
    takenAt: takenAt.toISOString(),
    group: definition.group,
    areas: areas.map((a) => ({ code: a.code, name: a.name })),
    sections,
    sources,
  };
}

/** The report's councils' targets, in the councils' order, narrowed to the section's metrics where it names any. */
function targetsSection(section: ReportSection, areas: readonly IndexArea[], targets: readonly TargetLine[]): SnapshotSection {
  const metrics = new Set(section.metrics);
  const order = new Map(areas.map((a, i) => [a.code, i]));
  const kept = targets.filter((t) => order.has(t.area.code) && (metrics.size === 0 || metrics.has(t.metric.code)));
  return {
    title: section.title,
    chart: 'table',
    notes: section.notes,
    metrics: [],
    kind: 'targets',
    targets: kept.sort((a, b) => order.get(a.area.code)! - order.get(b.area.code)!),
  };
}

function snapshotMetric(
  index: BenchmarkIndex,
  series: MetricSeries,
  areas: readonly IndexArea[],
  specs: ReadonlyMap<string, GroupSpec>,
  chart: ChartKind,
  about: MetricAbout | undefined,
  verdicts: ReadonlyMap<string, SourceVerdict>,
): SnapshotMetric {
  const metric = series.metric;
  const slice = series.latest();
  const base = {
    code: metric.code,
    title: metric.title,
    definition: metric.definition,
    unit: metric.unit ?? '',
    decimals: metric.decimals,
    polarity: metric.polarity,
    source: metric.source,
    ...(about ? { about } : {}),
    period: slice?.period ?? null,
  };
  if (!slice) return { ...base, figures: [], england: null, series: null };
  const englandArea = index.area(ENGLAND_CODE);
  const figures = areas.map((area): SnapshotFigure => {
    const resolved = resolveArea(index, slice, area);
    const group = groupFigures(index, series, slice, resolved.area, specs.get(area.code)!);
    const row = rowFigures(series, slice, resolved.position, group, 0.95);
    const ranked = group.ordered.length;
    const verdict = verdictOfRow(metric, row, { label: group.label, ranked, benchmark: group.benchmark }, 0.95);
    // Only on the council's own figure: a predecessor's or successor's verdict is not about it.
    const source = resolved.area.code === area.code ? verdicts.get(areaSourceVerdictKey(area.code, metric.code, slice.period)) : undefined;
    return {
      ...(source ? { source: sourceVerdictWords(source) } : {}),
      area: area.code,
      areaName: area.name,
      period: slice.period,
      value: row.value,
      lower: row.interval?.lower ?? null,
      upper: row.interval?.upper ?? null,
      rank: row.rank,
      ranked,
      significance: row.significance,
      comparison: comparisonOf(verdict),
      groupLabel: group.label,
      groupMean: group.mean,
      groupMedian: group.median,
      benchmark: group.benchmark,
      england: englandArea ? areaValueAt(index, slice, englandArea) : null,
      trend: trendSummaryOf(index, series, slice, area, index.areaNumber(area.code)!),
      spread: spreadOf(Float64Array.from(group.ordered).sort()),
    };
  });
  const first = areas[0] ?? index.area(ENGLAND_CODE)!;
  return {
    ...base,
    figures,
    england: chart === 'map' ? tableOf(index, series, first, { kind: 'england' }) : null,
    group: chart === 'bar' ? tableOf(index, series, first, specs.get(first.code) ?? { kind: 'england' }) : null,
    series: chart === 'trend' ? seriesOf(index, series, areas) : null,
  };
}

/** The league table of `area`'s group at the latest period, each row with its verdict in that group. */
function tableOf(index: BenchmarkIndex, series: MetricSeries, area: IndexArea, spec: GroupSpec): SnapshotTable {
  const table = leagueTable(index, series, series.latest()!, area, spec, 0.95);
  const group = { label: table.group.label, ranked: table.group.size, benchmark: table.group.benchmark };
  return {
    label: table.group.label,
    benchmark: table.group.benchmark,
    rows: table.rows.map((r) => ({
      code: r.area,
      name: r.name,
      value: r.value,
      lower: r.interval?.lower ?? null,
      upper: r.interval?.upper ?? null,
      significance: r.significance,
      comparison: comparisonOf(verdictOfRow(series.metric, r, group, 0.95)),
    })),
  };
}

function seriesOf(index: BenchmarkIndex, series: MetricSeries, areas: readonly IndexArea[]): SnapshotMetric['series'] {
  const slices = series.slices.slice(-TREND_PERIODS);
  const england = index.area(ENGLAND_CODE);
  const shown = [...areas, ...(england && !areas.some((a) => a.code === ENGLAND_CODE) ? [england] : [])];
  return {
    periods: slices.map((s) => s.period),
    lines: shown
      .map((area) => ({
        code: area.code,
        name: area.name,
        values: slices.map((s) => areaValueAt(index, s, area)),
      }))
      .filter((line) => line.values.some((v) => v !== null)),
  };
}
