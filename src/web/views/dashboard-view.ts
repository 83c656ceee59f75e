// A dashboard's tiles, each worked out from the benchmark index as it is now:
// the council's value and verdict against its group, its league position with
// a spine chart, its trend with a sparkline, or a map of every area. England's
// value for the same period stands beside each figure, and the source's own
// verdict where it gave one, as on the area page.
import { ENGLAND_CODE } from '../../domain/area/index.ts';
import type { BenchmarkIndex, IndexArea, MetricSeries, PeriodSlice } from '../../domain/benchmark/benchmark-index.ts';
import { areaValueAt, groupFigures, leagueTable, resolveArea, rowFigures } from '../../domain/benchmark/benchmark-queries.ts';
import { groupSpecFor } from '../../domain/benchmark/group-spec.ts';
import { trendSummaryOf } from '../../domain/benchmark/trend-of.ts';
import { areaSourceVerdictKey, sourceVerdictWords, type SourceVerdict } from '../../domain/benchmark/source-verdict.ts';
import { verdictOfRow } from '../../domain/benchmark/verdict.ts';
import { formatValue, ordinal } from '../../domain/format/index.ts';
import type { DashboardTile } from '../../domain/report/dashboard.ts';
import { sparkline } from '../charts/sparkline.ts';
import { spineChart } from '../charts/spine-chart.ts';
import { comparisonOf } from './comparison.ts';
import { spreadOf } from './group-spread.ts';
import { comparisonMap, mapLevel, type AreaMaps } from './comparison-map.ts';
import { trendWords } from './words.ts';

/** The figure each tile shows: its council, metric and latest period, for looking up the source's verdicts on them. */
export function tileFigures(index: BenchmarkIndex, tiles: readonly DashboardTile[]): { area: string; metric: string; period: string }[] {
  return tiles.flatMap((tile) => {
    const period = index.metric(tile.metric)?.latest()?.period;
    return period && index.area(tile.area) ? [{ area: tile.area, metric: tile.metric, period }] : [];
  });
}

/** `sources`: the source's own verdicts on the tiles' figures, by areaSourceVerdictKey. */
export function dashboardTiles(index: BenchmarkIndex, tiles: readonly DashboardTile[], maps: AreaMaps | null, sources: ReadonlyMap<string, SourceVerdict> = new Map()) {
  return tiles.flatMap((tile, i) => {
    const series = index.metric(tile.metric);
    const area = index.area(tile.area);
    const slice = series?.latest();
    if (!series || !area || !slice) return [];
    return [tileView(index, series, area, tile, `tile-${i + 1}`, maps, sources.get(areaSourceVerdictKey(area.code, series.metric.code, slice.period)))];
  });
}

function tileView(index: BenchmarkIndex, series: MetricSeries, area: IndexArea, tile: DashboardTile, id: string, maps: AreaMaps | null, sourceVerdict: SourceVerdict | undefined) {
  const metric = series.metric;
  const slice = series.latest()!;
  const spec = groupSpecFor(index, area, tile.group);
  const resolved = resolveArea(index, slice, area);
  const group = groupFigures(index, series, slice, resolved.area, spec);
  const row = rowFigures(series, slice, resolved.position, group, 0.95);
  const ranked = group.ordered.length;
  const comparison = comparisonOf(verdictOfRow(metric, row, { label: group.label, ranked, benchmark: group.benchmark }, 0.95));
  const base = {
    id,
    kind: tile.kind,
    title: metric.title,
    href: `/metrics/${metric.code}?area=${area.code}&group=${tile.group}`,
    areaName: area.name,
    period: slice.period,
    groupLabel: group.label,
    value: formatValue(row.value, metric.decimals, metric.unit ?? ''),
    comparison,
    // The publisher's verdict is on the council's own figure: none where a predecessor's stands in.
    source: sourceVerdict && resolved.area.code === area.code ? sourceVerdictWords(sourceVerdict) : null,
    england: area.code === ENGLAND_CODE ? null : formatValue(englandAt(index, slice), metric.decimals, metric.unit ?? ''),
    rank: row.rank === null ? 'Not ranked' : `${ordinal(row.rank)} of ${ranked}`,
    graphic: '',
    words: '',
  };
  if (tile.kind === 'league') {
    const spread = spreadOf(Float64Array.from(group.ordered).sort());
    return {
      ...base,
      graphic: spread
        ? spineChart({
            id,
            label: `${area.name}: ${comparison.words}`,
            ...spread,
            value: row.value,
            benchmark: group.benchmark?.value ?? null,
            polarity: metric.polarity,
            significance: row.significance,
            decimals: metric.decimals,
          })
        : '',
    };
  }
  if (tile.kind === 'trend') {
    const points = series.slices.slice(-10).map((s) => ({ period: s.period, value: areaValueAt(index, s, area) }));
    return {
      ...base,
      graphic: sparkline({ id, label: `${metric.title}, ${area.name}`, points, decimals: metric.decimals }),
      words: trendWords(trendSummaryOf(index, series, slice, area, index.areaNumber(area.code)!)).short,
    };
  }
  if (tile.kind === 'map' && maps) {
    const table = leagueTable(index, series, slice, area, { kind: 'england' }, 0.95);
    const england = { label: table.group.label, ranked: table.group.size, benchmark: table.group.benchmark };
    const rows = table.rows.map((r) => ({ code: r.area, value: r.value, comparison: comparisonOf(verdictOfRow(metric, r, england, 0.95)) }));
    return {
      ...base,
      graphic: comparisonMap(
        mapLevel(
          rows.map((r) => r.code),
          null,
          maps,
        ),
        {
          id,
          title: `Map of ${metric.title}`,
          description: `Every area shaded by how it compares; ${area.name} outlined.`,
          rows,
          chosen: resolved.area.code,
          decimals: metric.decimals,
          unit: metric.unit ?? '',
          polarity: metric.polarity,
        },
      ),
    };
  }
  return base;
}

function englandAt(index: BenchmarkIndex, slice: PeriodSlice): number | null {
  const england = index.area(ENGLAND_CODE);
  return england ? areaValueAt(index, slice, england) : null;
}

export type TileView = ReturnType<typeof dashboardTiles>[number];
