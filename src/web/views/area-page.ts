// The area page: one council's every metric, grouped by theme, each against
// the chosen comparator group: value, rank, the verdict in colour and words,
// a spine chart of where it sits in the group's range, and a sparkline of
// its trend. England's value for the same metric and period stands beside
// each figure, whatever the group, so a reader always has the national mark;
// and where the source published its own verdict on the figure, that too,
// named as the source's.
import type { AreaProfile, ProfileItem } from '../../domain/benchmark/area-profile.ts';
import type { BenchmarkIndex, IndexArea, MetricSeries, PeriodSlice } from '../../domain/benchmark/benchmark-index.ts';
import { areaValueAt, groupFigures, resolveArea, type GroupFigures, type GroupSpec } from '../../domain/benchmark/benchmark-queries.ts';
import { groupsFor } from '../../domain/benchmark/comparator-group.ts';
import { ENGLAND_CODE } from '../../domain/area/index.ts';
import { sourceVerdictKey, sourceVerdictWords, type SourceVerdict } from '../../domain/benchmark/source-verdict.ts';
import { verdictOfRow } from '../../domain/benchmark/verdict.ts';
import { formatDate, formatValue, ordinal } from '../../domain/format/index.ts';
import { compareThemes, isContextual, themeOf, themeTitle, type MetricAbout } from '../../domain/metric/index.ts';
import { sparkline } from '../charts/sparkline.ts';
import { spineChart } from '../charts/spine-chart.ts';
import { comparisonOf, type Comparison } from './comparison.ts';
import { aboutView } from './metric-page.ts';
import { spreadOf } from './group-spread.ts';
import { areaTypeWords, benchmarkChoices, GROUP_CHOICES, trendWords } from './words.ts';

export interface AreaRow {
  readonly code: string;
  readonly title: string;
  readonly href: string;
  readonly period: string;
  readonly value: string;
  /** England's value for the metric and period, '–' where the index holds none. */
  readonly england: string;
  readonly via: string | null;
  readonly rank: string;
  readonly median: string;
  readonly comparison: Comparison;
  /** The source's own verdict on the figure, in words that say whose it is: 'Source: worse than England'. */
  readonly source: string | null;
  readonly spine: string;
  readonly sparkline: string;
  /** When the figures were published and the next are expected, where the publisher says: 'Published 6 May 2026; next update 6 May 2027'. */
  readonly freshness?: string | null;
  readonly trend: { readonly short: string; readonly long: string };
}

export interface AreaPage {
  readonly area: { readonly code: string; readonly name: string; readonly type: string; readonly region: string | null };
  /** A former council: the date it ended and the councils that took its place, for a reader who arrived from an old link. */
  readonly former: { readonly ended: string; readonly successors: readonly { readonly code: string; readonly name: string }[] } | null;
  /** Whether the compare page can find this area's nearest neighbours, so that its link is shown only where it leads somewhere. */
  readonly hasNeighbours: boolean;
  readonly headlines: readonly { readonly label: string; readonly value: string }[];
  readonly group: {
    readonly kind: string;
    readonly label: string;
    readonly choices: readonly { value: string; text: string; selected: boolean }[];
    /** What figures with intervals are tested against, and the choice of it. */
    readonly benchmarkChoices: readonly { value: string; text: string; selected: boolean }[];
  };
  readonly tally: readonly { readonly key: string; readonly label: string; readonly count: number }[];
  readonly themes: readonly { readonly name: string; readonly id: string; readonly rows: readonly AreaRow[] }[];
}

/**
 * `sources`: the source's own verdicts on the area's figures, by
 * sourceVerdictKey, shown beside Lantern's; `about`: what each metric's
 * publisher says of it, by metric code, for the figures' freshness.
 */
export function areaPage(
  index: BenchmarkIndex,
  profile: AreaProfile,
  spec: GroupSpec,
  groupKind: string,
  sources: ReadonlyMap<string, SourceVerdict> = new Map(),
  about: ReadonlyMap<string, MetricAbout> = new Map(),
): AreaPage {
  const area = profile.area;
  const rows = profile.items.map((item) => ({
    ...areaRow(index, area, item, spec, groupKind, sources.get(sourceVerdictKey(item.metric.code, item.period))),
    freshness: freshnessWords(about.get(item.metric.code)),
  }));
  const groupLabel = profile.items[0]?.groupLabel ?? '';
  const groups = groupsFor(area);
  return {
    area: { code: area.code, name: area.name, type: areaTypeWords(area.type), region: area.regionCode ? (index.area(area.regionCode)?.name ?? null) : null },
    former:
      area.endDate === null
        ? null
        : {
            ended: formatDate(new Date(area.endDate)),
            successors: area.successorCodes
              .map((code) => index.area(code))
              .filter((a) => a !== undefined)
              .map((a) => ({ code: a.code, name: a.name })),
          },
    hasNeighbours: groups.includes('neighbours'),
    headlines: profile.items
      .filter((i) => isContextual(i.metric) && i.value !== null)
      .map((i) => ({ label: `${i.metric.title.replace(/\s*\(\d{4}\)$/, '')} (${i.period})`, value: formatValue(i.value, i.metric.decimals, i.metric.unit ?? '') })),
    group: {
      kind: groupKind,
      label: groupLabel,
      choices: GROUP_CHOICES.filter((c) => groups.includes(c.value)).map((c) => ({ ...c, selected: c.value === groupKind })),
      benchmarkChoices: benchmarkChoices(spec.benchmark),
    },
    tally: tallyOf(rows),
    themes: byTheme(profile.items, rows),
  };
}

function areaRow(index: BenchmarkIndex, area: IndexArea, item: ProfileItem, spec: GroupSpec, groupKind: string, source: SourceVerdict | undefined): AreaRow {
  const metric = item.metric;
  const series = index.metric(metric.code)!;
  const slice = series.slice(item.period)!;
  const group = groupFigures(index, series, slice, resolveArea(index, slice, area).area, spec);
  const ranked = item.rank === null ? 0 : group.ordered.length;
  // As the profile API makes it, from the profile's own figures.
  const comparison = comparisonOf(verdictOfRow(metric, item, { label: item.groupLabel, ranked: item.groupSize, benchmark: item.benchmark }, 0.95));
  const unit = metric.unit ?? '';
  return {
    code: metric.code,
    title: metric.title,
    href: `/metrics/${metric.code}?area=${area.code}&group=${groupKind}${spec.benchmark === 'group' ? '&benchmark=group' : ''}`,
    period: item.period,
    value: formatValue(item.value, metric.decimals, unit),
    england: formatValue(englandValue(index, slice), metric.decimals, unit),
    via: item.via ? item.via.name : null,
    rank: item.rank === null ? '–' : `${ordinal(item.rank)} of ${ranked}`,
    median: formatValue(item.groupMedian, metric.decimals, unit),
    comparison,
    // Only where the figure is the area's own: a predecessor's or successor's verdict is not about it.
    source: source && !item.via ? sourceVerdictWords(source) : null,
    spine: spineOf(item, area, group, comparison),
    sparkline: sparklineOf(index, series, area, item),
    trend: trendWords(item.trend),
  };
}

function freshnessWords(about: MetricAbout | undefined): string | null {
  const { publishedOn, nextUpdate } = aboutView({ title: '', definition: null, source: null }, about ?? {});
  if (publishedOn) return nextUpdate ? `Published ${publishedOn}; next update ${nextUpdate}` : `Published ${publishedOn}`;
  return nextUpdate ? `Next update ${nextUpdate}` : null;
}

function englandValue(index: BenchmarkIndex, slice: PeriodSlice): number | null {
  const england = index.area(ENGLAND_CODE);
  return england ? areaValueAt(index, slice, england) : null;
}

function spineOf(item: ProfileItem, area: IndexArea, group: GroupFigures, comparison: Comparison): string {
  const spread = spreadOf(Float64Array.from(group.ordered).sort());
  if (!spread) return '';
  return spineChart({
    id: `spine-${item.metric.code}`,
    label: `${area.name}: ${comparison.words}`,
    ...spread,
    value: item.value,
    benchmark: item.benchmark?.value ?? null,
    polarity: item.metric.polarity,
    significance: item.significance,
    decimals: item.metric.decimals,
  });
}

function sparklineOf(index: BenchmarkIndex, series: MetricSeries, area: IndexArea, item: ProfileItem): string {
  const upTo = series.slices.findIndex((s) => s.period === item.period);
  const points = series.slices.slice(Math.max(0, upTo - 9), upTo + 1).map((slice) => ({ period: slice.period, value: areaValueAt(index, slice, area) }));
  if (points.filter((p) => p.value !== null).length < 2) return '';
  return sparkline({ id: `spark-${item.metric.code}`, label: `${item.metric.title}, ${area.name}`, points, decimals: item.metric.decimals });
}

function tallyOf(rows: readonly AreaRow[]): AreaPage['tally'] {
  const counts = new Map<string, { key: string; label: string; count: number }>();
  for (const row of rows) {
    // By label as well as key: a report frozen before fifths had a scale of their own gave both q1.
    const { key, label } = row.comparison;
    const found = counts.get(`${key} ${label}`);
    if (found) found.count++;
    else counts.set(`${key} ${label}`, { key, label, count: 1 });
  }
  const order = ['better', 'similar', 'worse', 'higher', 'lower', 'q1', 'q2', 'q3', 'q4', 'q5', 'n1', 'n2', 'n3', 'n4', 'n5', 'not-compared', 'none'];
  return [...counts.values()].sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
}

function byTheme(items: readonly ProfileItem[], rows: readonly AreaRow[]): AreaPage['themes'] {
  const themes = new Map<string, AreaRow[]>();
  items.forEach((item, i) => {
    const theme = themeOf(item.metric);
    themes.set(theme, [...(themes.get(theme) ?? []), rows[i]!]);
  });
  return [...themes].sort(([a], [b]) => compareThemes(a, b)).map(([name, themeRows]) => ({ name: themeTitle(name), id: `theme-${slug(name)}`, rows: themeRows }));
}

function slug(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}
