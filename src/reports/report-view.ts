// A report snapshot made ready for its template: each metric's chart drawn
// from the frozen figures (never from the live index), its table of figures,
// and the words for each verdict and trend. The same view makes the web page
// and the printed PDF. A targets section shows each council's target-status
// tile and its targets, as frozen, each rating beside its rule's words.
import { barChart } from '../web/charts/bar-chart.ts';
import { spineChart } from '../web/charts/spine-chart.ts';
import { formatDate, formatValue, ordinal } from '../domain/format/index.ts';
import { trendLines } from '../web/charts/trend-lines.ts';
import { comparisonMap, mapLevel, type AreaMaps } from '../web/views/comparison-map.ts';
import { aboutView } from '../web/views/metric-page.ts';
import { targetRow, targetStatus, type TargetLine } from '../web/views/target-status.ts';
import { trendWords } from '../web/views/words.ts';
import type { ReportSnapshot, SnapshotMetric } from './report-snapshot.ts';

const GROUP_WORDS = { neighbours: 'its 15 nearest neighbours', region: 'its region', type: 'councils of its type', england: 'England' } as const;

export function reportView(snapshot: ReportSnapshot, maps: AreaMaps | null) {
  return {
    title: snapshot.title,
    notes: snapshot.notes,
    takenAt: formatDate(new Date(snapshot.takenAt)),
    areas: snapshot.areas,
    groupWords: GROUP_WORDS[snapshot.group],
    sources: snapshot.sources,
    sections: snapshot.sections.map((section, s) => ({
      id: `section-${s + 1}`,
      title: section.title,
      notes: section.notes,
      chart: section.chart,
      metrics: section.metrics.map((metric, m) => metricView(metric, section.chart, `s${s + 1}m${m + 1}`, maps)),
      targets: section.kind === 'targets' ? targetsView(snapshot.areas, section.targets ?? []) : null,
    })),
  };
}

export type ReportView = ReturnType<typeof reportView>;

/** A targets section: each council's target-status tile, then its targets, each rated in words beside its rule. */
function targetsView(areas: ReportSnapshot['areas'], lines: readonly TargetLine[]) {
  return {
    areas: areas.map((area) => ({
      status: targetStatus(area, lines),
      rows: lines.filter((l) => l.area.code === area.code).map(targetRow),
    })),
  };
}

function metricView(metric: SnapshotMetric, chart: string, id: string, maps: AreaMaps | null) {
  return {
    code: metric.code,
    title: metric.title,
    source: metric.source,
    period: metric.period,
    about: aboutView(metric, metric.about ?? {}),
    chart: chartOf(metric, chart, id, maps),
    rows: metric.figures.map((f) => ({
      areaName: f.areaName,
      groupLabel: f.groupLabel,
      value: formatValue(f.value, metric.decimals, metric.unit),
      rank: f.rank === null ? '–' : `${ordinal(f.rank)} of ${f.ranked}`,
      median: formatValue(f.groupMedian, metric.decimals, metric.unit),
      // A version frozen before England's value was kept says so rather than show a dash that reads as "no value".
      england: f.england === undefined ? 'Not kept' : formatValue(f.england, metric.decimals, metric.unit),
      benchmark: f.benchmark ? `${formatValue(f.benchmark.value, metric.decimals, metric.unit)} (${f.benchmark.source})` : '–',
      comparison: f.comparison,
      source: f.source ?? null,
      trend: trendWords(f.trend),
      spine:
        chart === 'spine' && f.spread
          ? spineChart({
              id: `${id}-${f.area}`,
              label: `${f.areaName}: ${f.comparison.words}`,
              ...f.spread,
              value: f.value,
              benchmark: f.benchmark?.value ?? null,
              polarity: metric.polarity,
              significance: f.significance,
              decimals: metric.decimals,
            })
          : '',
    })),
  };
}

function chartOf(metric: SnapshotMetric, chart: string, id: string, maps: AreaMaps | null): string {
  const chosen = new Set(metric.figures.map((f) => f.area));
  const first = metric.figures[0]?.area;
  // The report's own group where the version kept it; England's table in versions frozen before.
  const table = metric.group ?? metric.england;
  if (chart === 'bar' && table) {
    return barChart({
      id,
      title: `${metric.title}, ${metric.period ?? ''}: ${table.label}`,
      description: `${table.rows.length} areas of ${table.label}, ranked; the report's councils are marked. The table gives their figures.`,
      unit: metric.unit,
      decimals: metric.decimals,
      bars: table.rows
        .filter((r) => r.value !== null)
        .map((r) => ({
          code: r.code,
          name: r.name,
          value: r.value,
          lower: r.lower,
          upper: r.upper,
          significance: r.significance,
          highlight: r.code === first ? 'chosen' : chosen.has(r.code) ? 'group' : null,
          shade: r.significance === 'not_compared' ? { key: r.comparison.key, fill: r.comparison.fill, label: r.comparison.label } : undefined,
        })),
      benchmark: table.benchmark ? { label: table.benchmark.source, value: table.benchmark.value } : null,
      groupLabel: 'In this report',
    });
  }
  if (chart === 'map' && metric.england && maps) {
    const rows = metric.england.rows;
    return comparisonMap(
      mapLevel(
        rows.map((r) => r.code),
        null,
        maps,
      ),
      {
        id,
        title: `Map of ${metric.title}, ${metric.period ?? ''}`,
        description: "Each area shaded by how it compares; the table gives the report councils' figures.",
        rows,
        chosen: first,
        decimals: metric.decimals,
        unit: metric.unit,
        polarity: metric.polarity,
      },
    );
  }
  if (chart === 'trend' && metric.series) {
    return trendLines({
      id,
      title: `${metric.title} over time`,
      description: `Values for ${metric.series.lines.map((l) => l.name).join(', ')}.`,
      unit: metric.unit,
      decimals: metric.decimals,
      periods: metric.series.periods,
      lines: metric.series.lines.map((l, i) => ({ ...l, emphasis: i === 0 })),
    });
  }
  return '';
}
