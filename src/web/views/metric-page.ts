// The metric page: what the metric is, how it is made, where it comes from
// and how fresh it is; every area on a bar chart and a map of England, the
// chosen council and its group picked out; trend lines for the chosen
// council, its region and England; and the group's table. Charts and maps are made here from the engine's league
// table, so the picture, the table and the CSV always agree.
import type { BenchmarkIndex, IndexArea, MetricSeries, PeriodSlice } from '../../domain/benchmark/benchmark-index.ts';
import { leagueTable, resolveArea, type GroupSpec, type LeagueTable, type LeagueTableRow } from '../../domain/benchmark/benchmark-queries.ts';
import { sourceVerdictWords, type SourceVerdict } from '../../domain/benchmark/source-verdict.ts';
import { verdictOfRow } from '../../domain/benchmark/verdict.ts';
import { groupsFor } from '../../domain/benchmark/comparator-group.ts';
import { ENGLAND_CODE } from '../../domain/area/index.ts';
import { formatDate, formatValue, ordinal } from '../../domain/format/index.ts';
import { definitionBeyondTitle, type Metric, type MetricAbout, type Polarity } from '../../domain/metric/index.ts';
import { barChart, type Bar } from '../charts/bar-chart.ts';
import { trendLines } from '../charts/trend-lines.ts';
import { comparisonOf, NO_DATA_TAG, type Comparison } from './comparison.ts';
import { comparisonMap, mapLevel, type AreaMap, type AreaMaps } from './comparison-map.ts';
import { benchmarkChoices, GROUP_CHOICES } from './words.ts';

export interface MetricRequest {
  readonly series: MetricSeries;
  readonly slice: PeriodSlice;
  /** The chosen council, or England when none is chosen. */
  readonly area: IndexArea;
  readonly chosen: boolean;
  readonly spec: GroupSpec;
  readonly groupKind: string;
  /** More areas for the trend lines. */
  readonly also: readonly IndexArea[];
  /** Every row of the table, rather than the first fifty. */
  readonly allRows: boolean;
}

/** Rows the table shows until every row is asked for: the chart, the map and the CSV have them all. */
const TABLE_ROWS = 50;

export interface MetricTableRow {
  readonly code: string;
  readonly name: string;
  readonly rank: string;
  readonly rankValue: number | null;
  readonly value: string;
  readonly sortValue: number | null;
  readonly interval: string;
  readonly comparison: Comparison;
  /** The source's own verdict on the figure, in words that say whose it is: 'Source: worse than England'. */
  readonly source?: string;
  readonly chosen: boolean;
}

function withSource(row: MetricTableRow, source: SourceVerdict | undefined): MetricTableRow {
  return source ? { ...row, source: sourceVerdictWords(source) } : row;
}

const POLARITY_WORDS: Readonly<Record<Polarity, string>> = {
  higher_is_better: 'Higher is better',
  lower_is_better: 'Lower is better',
  neutral: 'Neither higher nor lower is better',
};

/**
 * `about`: what the metric's publisher says of it beyond its definition (none
 * where nothing is known); `sources`: the source's own verdict on each area's
 * figure for the period, by area code, shown beside Lantern's in the table.
 */
export function metricPage(index: BenchmarkIndex, request: MetricRequest, maps: AreaMaps | null, about: MetricAbout = {}, sources: ReadonlyMap<string, SourceVerdict> = new Map()) {
  const { series, slice, area } = request;
  const metric = series.metric;
  const england = leagueTable(index, series, slice, area, { kind: 'england' }, 0.95);
  const group = request.groupKind === 'england' ? england : leagueTable(index, series, slice, area, request.spec, 0.95);
  const members = new Set(group.rows.map((r) => r.area));
  const chosenCode = request.chosen ? resolveArea(index, slice, area).area.code : null;
  const englandRows = comparedRows(england, chosenCode);
  const map = maps
    ? mapLevel(
        englandRows.map((r) => r.source.area),
        chosenCode,
        maps,
      )
    : null;
  const query = `area=${request.chosen ? area.code : ''}&group=${request.groupKind}&period=${encodeURIComponent(slice.period)}` + (request.spec.benchmark === 'group' ? '&benchmark=group' : '');
  const trendQuery = `${query}&with=${request.also.map((a) => a.code).join(',')}`;
  return {
    metric: {
      code: metric.code,
      title: metric.title,
      unit: metric.unit,
      polarity: POLARITY_WORDS[metric.polarity],
      themes: metric.themes,
      status: metric.status,
      valueKind: metric.valueKind,
      ...aboutView(metric, about),
    },
    period: slice.period,
    periods: [...series.slices].reverse().map((s) => ({ value: s.period, text: s.period, selected: s.period === slice.period })),
    area: request.chosen ? { code: area.code, name: area.name } : null,
    group: {
      kind: request.groupKind,
      label: group.group.label,
      size: group.group.size,
      // Only the groups this area can be compared with: no nearest neighbours for England, a region or a former council.
      choices: GROUP_CHOICES.filter((c) => groupsFor(area).includes(c.value)).map((c) => ({ ...c, selected: c.value === request.groupKind })),
      benchmarkChoices: benchmarkChoices(request.spec.benchmark),
      mean: formatValue(group.group.mean, metric.decimals, metric.unit ?? ''),
      median: formatValue(group.group.median, metric.decimals, metric.unit ?? ''),
      benchmark: group.group.benchmark ? { ...group.group.benchmark, text: formatValue(group.group.benchmark.value, metric.decimals, metric.unit ?? '') } : null,
    },
    barChart: barsOf(series, england, englandRows, members, chosenCode, request),
    map: map ? mapOf(series, englandRows, chosenCode, map) : null,
    // The map's key again in HTML, for screens too narrow to read the one inside the map: "No data" too, where the map draws an area without a figure.
    mapKey: map
      ? { items: [...new Map(englandRows.map((r) => [r.comparison.key, r.comparison])).values(), ...(drawsNoData(map, englandRows) ? [NO_DATA_TAG] : [])], attribution: map.attribution }
      : null,
    trend: trendOf(index, series, request),
    alsoCodes: request.also.map((a) => a.code).join(','),
    ...tableOf(
      comparedRows(group, chosenCode).map((r) => withSource(r.row, sources.get(r.row.code))),
      request.allRows,
      `/metrics/${metric.code}?${query}&rows=all#league-table`,
    ),
    query,
    downloads: {
      csv: `/api/benchmark/league-table?metric=${metric.code}&${query}&format=csv`,
      chartSvg: `/metrics/${metric.code}/chart.svg?${query}`,
      chartPng: `/metrics/${metric.code}/chart.png?${query}`,
      mapSvg: `/metrics/${metric.code}/map.svg?${query}`,
      mapPng: `/metrics/${metric.code}/map.png?${query}`,
      trendSvg: `/metrics/${metric.code}/trend.svg?${trendQuery}`,
      trendPng: `/metrics/${metric.code}/trend.png?${trendQuery}`,
    },
  };
}

export type MetricPage = ReturnType<typeof metricPage>;

/**
 * What a page says of a metric's meaning and freshness: each field only where
 * it is known, the definition only where it says more than the title, dates
 * in words. The metric page, the area page and reports use it alike.
 */
export function aboutView(metric: Pick<Metric, 'title' | 'definition' | 'source'>, about: MetricAbout) {
  const date = (iso: string | undefined) => (iso ? formatDate(new Date(`${iso}T12:00:00Z`)) : null);
  return {
    definition: definitionBeyondTitle(metric.title, metric.definition),
    method: about.method ?? null,
    caveats: about.caveats ?? null,
    source: metric.source,
    sourceUrl: about.sourceUrl ?? null,
    publishedOn: date(about.publishedOn),
    nextUpdate: date(about.nextUpdate),
  };
}

export type AboutView = ReturnType<typeof aboutView>;

/** The first rows of a long table, and the chosen council's wherever it ranks; with the address of them all. */
function tableOf(rows: readonly MetricTableRow[], all: boolean, allHref: string) {
  if (all || rows.length <= TABLE_ROWS) return { table: rows, more: null };
  const first = rows.slice(0, TABLE_ROWS);
  const chosen = rows.slice(TABLE_ROWS).find((r) => r.chosen);
  return { table: chosen ? [...first.slice(0, -1), chosen] : first, more: { total: rows.length, href: allHref } };
}

/** Each row with its verdict, made as the league table API makes it (the page's CSV is that API's). */
function comparedRows(table: LeagueTable, chosenCode: string | null) {
  const group = { label: table.group.label, ranked: table.group.size, benchmark: table.group.benchmark };
  return table.rows.map((r) => {
    const comparison = comparisonOf(verdictOfRow(table.metric, r, group, 0.95));
    return { source: r, comparison, row: tableRow(table, r, comparison, chosenCode) };
  });
}

function tableRow(table: LeagueTable, r: LeagueTableRow, comparison: Comparison, chosenCode: string | null): MetricTableRow {
  const { decimals, unit } = table.metric;
  return {
    code: r.area,
    name: r.name,
    rank: r.rank === null ? '–' : ordinal(r.rank),
    rankValue: r.rank,
    value: formatValue(r.value, decimals, unit ?? ''),
    sortValue: r.value,
    interval: r.interval ? `${formatValue(r.interval.lower, decimals)} to ${formatValue(r.interval.upper, decimals)}` : '',
    comparison,
    chosen: r.area === chosenCode,
  };
}

function barsOf(series: MetricSeries, england: LeagueTable, rows: ReturnType<typeof comparedRows>, members: ReadonlySet<string>, chosenCode: string | null, request: MetricRequest): string {
  const metric = series.metric;
  const bars: Bar[] = rows
    .filter((r) => r.source.value !== null)
    .map(({ source: r, comparison }) => ({
      code: r.area,
      name: r.name,
      value: r.value,
      lower: r.interval?.lower ?? null,
      upper: r.interval?.upper ?? null,
      significance: r.significance,
      // Where nothing is judged, the bar shows its fifth of the group, as the map and the table do.
      shade: r.significance === 'not_compared' ? { key: comparison.key, fill: comparison.fill, label: comparison.label } : undefined,
      highlight: r.area === chosenCode ? 'chosen' : request.groupKind !== 'england' && members.has(r.area) ? 'group' : null,
    }));
  return barChart({
    id: 'bars',
    title: `${metric.title}, ${england.period}: every area, ${england.group.label}`,
    description:
      `${bars.length} areas ranked from ${metric.polarity === 'neutral' ? 'highest to lowest' : 'best to worst'}` +
      (chosenCode ? `; ${request.area.name} is outlined` : '') +
      '. The table below gives every value.',
    unit: metric.unit ?? '',
    decimals: metric.decimals,
    bars,
    benchmark: england.group.benchmark ? { label: england.group.benchmark.source, value: england.group.benchmark.value } : null,
    groupLabel: request.groupKind === 'england' ? undefined : 'In the chosen group',
  });
}

/** Whether the map draws any of its areas without a figure (hatched, "No data"). */
function drawsNoData(map: AreaMap, rows: ReturnType<typeof comparedRows>): boolean {
  const figured = new Set(rows.map((r) => r.source.area));
  return [...map.geometry.areas.keys()].some((code) => !figured.has(code));
}

function mapOf(series: MetricSeries, rows: ReturnType<typeof comparedRows>, chosenCode: string | null, map: AreaMap): string {
  const metric = series.metric;
  const figures = rows.map((r) => ({ code: r.source.area, value: r.source.value, comparison: r.comparison }));
  return comparisonMap(map, {
    id: 'map',
    title: `Map of ${metric.title} by area`,
    description: 'Each area is shaded by how it compares; hover or tap an area for its value. The table gives every value.',
    rows: figures,
    chosen: chosenCode ?? undefined,
    decimals: metric.decimals,
    unit: metric.unit ?? '',
    polarity: metric.polarity,
  });
}

function trendOf(index: BenchmarkIndex, series: MetricSeries, request: MetricRequest) {
  const area = request.area;
  const region = area.regionCode ? index.area(area.regionCode) : undefined;
  const england = index.area(ENGLAND_CODE);
  const areas = [area, region, england, ...request.also].filter((a, i, all): a is IndexArea => a !== undefined && all.findIndex((b) => b?.code === a.code) === i);
  const slices = series.slices.slice(-10);
  const lines = areas
    .map((a, i) => ({
      code: a.code,
      name: a.name,
      emphasis: i === 0 && request.chosen,
      values: slices.map((s) => {
        const p = s.position(index.areaNumber(a.code)!);
        return p < 0 ? null : s.value(p);
      }),
    }))
    .filter((l) => l.values.some((v) => v !== null));
  const { decimals, unit } = series.metric;
  const chart = trendLines({
    id: 'trend',
    title: `${series.metric.title} over time`,
    description: `Values for ${lines.map((l) => l.name).join(', ')} from ${slices[0]?.period ?? ''} to ${slices[slices.length - 1]?.period ?? ''}.`,
    unit: unit ?? '',
    decimals,
    periods: slices.map((s) => s.period),
    lines,
  });
  // The same figures as a table, for those who would rather read them.
  const table = {
    names: lines.map((l) => l.name),
    rows: slices.map((s, i) => ({ period: s.period, values: lines.map((l) => formatValue(l.values[i] ?? null, decimals, unit ?? '')) })),
  };
  return { chart, table };
}
