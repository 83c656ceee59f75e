/*
 * Bar chart: every area of a league table as a column, in the order given (the
 * caller ranks them), against the benchmark, with the chosen area outlined and
 * named; the benchmark a dashed line, named with its value in the legend. Built to stay light and readable with 300+ bars: one <rect> per bar,
 * grouped by significance so the colour is written once per group; no text on
 * a bar except the chosen area's label; each bar's name, value and
 * significance in its <title> for hover. Missing values are gaps. Confidence
 * intervals, where present, are thin whiskers drawn as one path. Members of
 * the comparator group are marked by a dot beneath their bar.
 */
import { describeSignificance, type Significance } from '../../domain/benchmark/compare-to-benchmark.ts';
import { coordinate } from './coordinate.ts';
import { escapeXml } from './escape-xml.ts';
import { formatNumber } from '../../domain/format/index.ts';
import { legend, type LegendItem } from './legend.ts';
import { linearScale, type Scale } from './linear-scale.ts';
import { niceTicks, type Ticks } from './nice-ticks.ts';
import { GRID, INK, SECONDARY_INK, SIGNIFICANCE_STYLE, needsOutline } from './palette.ts';
import { SMALL_TEXT, TEXT_SIZE, noDataDocument, svgDocument } from './svg-document.ts';
import { textWidth } from './text-fit.ts';

export interface Bar {
  readonly code: string;
  readonly name: string;
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
  readonly significance: Significance;
  readonly highlight: 'chosen' | 'group' | null;
  /** A colour other than the significance's (a fifth of the group, where nothing is judged), with its words. */
  readonly shade?: Shade | undefined;
}

/** How a bar is coloured, and what the colour means; bars of one shade are drawn as one group. */
export interface Shade {
  readonly key: string;
  readonly fill: string;
  readonly label: string;
}

export interface BarChartInput {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly unit: string;
  readonly decimals: number;
  readonly bars: readonly Bar[];
  readonly benchmark: { readonly label: string; readonly value: number } | null;
  readonly width?: number;
  readonly height?: number;
  /** The legend's words for the dot beneath group members; 'Comparator group' by default. */
  readonly groupLabel?: string;
}

const SIGNIFICANCE_ORDER: readonly Significance[] = ['better', 'similar', 'worse', 'higher', 'lower', 'not_compared'];
const TOP = 46;
/** The plot is never squeezed below this; a tall legend makes the chart taller instead. */
const MIN_PLOT = 100;
/** Room between the plot and the legend, for the group's dots. */
const BELOW_PLOT = 24;
const RIGHT = 8;
const GROUP_DOT = 2.5;
const MAX_BAR = 40;
/** Bars narrower than this (in px) are drawn without an outline. */
const MIN_OUTLINED_BAR = 4;
const BENCHMARK_DASH = '6 4';

type Benchmark = NonNullable<BarChartInput['benchmark']>;

interface Plot {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly band: number;
  readonly barWidth: number;
  readonly y: Scale;
  readonly ticks: Ticks;
}

export function barChart(input: BarChartInput): string {
  const width = Math.max(input.width ?? 640, 200);
  const asked = Math.max(input.height ?? 360, 160);
  const frame = { id: input.id, title: input.title, description: input.description, size: 'fluid', className: 'lantern-chart lantern-bar-chart' } as const;
  const bars = input.bars.map(finiteBar);
  if (!bars.some((bar) => bar.value !== null)) return noDataDocument({ ...frame, width, height: asked });

  const benchmark = input.benchmark !== null && Number.isFinite(input.benchmark.value) ? input.benchmark : null;
  const key = legend(legendItems(bars, benchmark, input.decimals, input.groupLabel ?? 'Comparator group'), 2, 0, width - 4);
  const height = Math.max(asked, TOP + MIN_PLOT + BELOW_PLOT + key.height);
  const plot = layout(bars, benchmark, width, height - key.height - BELOW_PLOT);
  const body = [
    `<text x="0" y="14" font-size="${SMALL_TEXT}" fill="${SECONDARY_INK}">${escapeXml(input.unit)}</text>`,
    axis(plot),
    barGroups(bars, plot, input.decimals),
    chosenBar(bars, plot, input.decimals, width),
    whiskers(bars, plot),
    groupDots(bars, plot),
    benchmark === null ? '' : benchmarkLine(benchmark, plot),
    `<g transform="translate(0 ${coordinate(height - key.height)})">${key.markup}</g>`,
  ];
  return svgDocument({ ...frame, width, height, body: body.join('') });
}

/** A bar whose figures are not finite numbers is treated as missing, never drawn as NaN. */
function finiteBar(bar: Bar): Bar {
  const finite = (value: number | null) => (value !== null && Number.isFinite(value) ? value : null);
  return { ...bar, value: finite(bar.value), lower: finite(bar.lower), upper: finite(bar.upper) };
}

function layout(bars: readonly Bar[], benchmark: Benchmark | null, width: number, bottom: number): Plot {
  const figures = bars
    .filter((bar) => bar.value !== null)
    .flatMap((bar) => [bar.value, bar.lower, bar.upper])
    .filter((value): value is number => value !== null);
  if (benchmark !== null) figures.push(benchmark.value);
  const ticks = niceTicks(Math.min(0, ...figures), Math.max(0, ...figures));
  const labelWidth = Math.max(...ticks.values.map((tick) => textWidth(formatNumber(tick, ticks.decimals), SMALL_TEXT)));
  const left = Math.ceil(labelWidth) + 10;
  const right = width - RIGHT;
  const band = (right - left) / bars.length;
  const barWidth = Math.min(bars.length > 60 ? band * 0.85 : band * 0.7, MAX_BAR);
  const first = ticks.values[0] ?? 0;
  const last = ticks.values[ticks.values.length - 1] ?? 1;
  return { left, right, top: TOP, bottom, band, barWidth, ticks, y: linearScale([first, last], [bottom, TOP]) };
}

function axis(plot: Plot): string {
  const c = coordinate;
  const grid = plot.ticks.values.map((tick) => `M${c(plot.left)} ${c(plot.y(tick))}H${c(plot.right)}`).join('');
  const labels = plot.ticks.values.map((tick) => `<text x="${c(plot.left - 6)}" y="${c(plot.y(tick) + 4)}">${formatNumber(tick, plot.ticks.decimals)}</text>`).join('');
  const baseline = plot.y(Math.max(plot.ticks.values[0] ?? 0, 0));
  return (
    `<path d="${grid}" stroke="${GRID}"/>` +
    `<g text-anchor="end" font-size="${SMALL_TEXT}" fill="${SECONDARY_INK}">${labels}</g>` +
    `<path d="M${c(plot.left)} ${c(baseline)}H${c(plot.right)}" stroke="${INK}"/>`
  );
}

/** A bar's shade: the one given, or its significance's colour and word. */
function shadeOf(bar: Bar, benchmarkLabel: string | null): Shade {
  if (bar.shade) return bar.shade;
  const label = benchmarkLabel === null ? SIGNIFICANCE_STYLE[bar.significance].label : describeSignificance(bar.significance, benchmarkLabel);
  return { key: bar.significance, fill: SIGNIFICANCE_STYLE[bar.significance].fill, label };
}

/** The shades the drawn bars use: significances in their usual order, then the others as they first appear. */
function shadesOf(bars: readonly Bar[], benchmarkLabel: string | null): Shade[] {
  const shades = new Map<string, Shade>();
  for (const bar of bars) {
    if (bar.value === null) continue;
    const shade = shadeOf(bar, benchmarkLabel);
    if (!shades.has(shade.key)) shades.set(shade.key, shade);
  }
  const order = (key: string) => {
    const at = SIGNIFICANCE_ORDER.indexOf(key as Significance);
    return at < 0 ? SIGNIFICANCE_ORDER.length : at;
  };
  return [...shades.values()].sort((a, b) => order(a.key) - order(b.key));
}

function barGroups(bars: readonly Bar[], plot: Plot, decimals: number): string {
  return shadesOf(bars, null)
    .map((shade) => {
      const rects = bars.map((bar, index) => (shadeOf(bar, null).key === shade.key && bar.highlight !== 'chosen' ? barRect(bar, index, plot, decimals) : '')).join('');
      if (rects === '') return '';
      // A pale bar is outlined so that its shape shows against white; bars too thin for an outline to
      // leave any colour inside stand side by side, and their row is its own edge.
      const outline = needsOutline(shade.fill) && plot.barWidth >= MIN_OUTLINED_BAR ? ` stroke="${INK}" stroke-width="0.5"` : '';
      return `<g fill="${shade.fill}"${outline}>${rects}</g>`;
    })
    .join('');
}

function barRect(bar: Bar, index: number, plot: Plot, decimals: number, extra = ''): string {
  if (bar.value === null) return '';
  const c = coordinate;
  const x = plot.left + index * plot.band + (plot.band - plot.barWidth) / 2;
  const top = plot.y(Math.max(bar.value, 0));
  const bottom = plot.y(Math.min(bar.value, 0));
  return `<rect x="${c(x)}" y="${c(top)}" width="${c(plot.barWidth)}" height="${c(bottom - top)}"${extra}>` + `<title>${escapeXml(hoverText(bar, decimals))}</title></rect>`;
}

function hoverText(bar: Bar, decimals: number): string {
  const value = bar.value === null ? 'no data' : formatNumber(bar.value, decimals);
  return `${bar.name}: ${value} (${shadeOf(bar, null).label})`;
}

function centreOf(index: number, plot: Plot): number {
  return plot.left + (index + 0.5) * plot.band;
}

function whiskers(bars: readonly Bar[], plot: Plot): string {
  const c = coordinate;
  const cap = plot.barWidth >= 8 ? Math.min(plot.barWidth / 2, 6) : 0;
  const segments = bars
    .map((bar, index) => {
      if (bar.value === null || bar.lower === null || bar.upper === null) return '';
      const x = centreOf(index, plot);
      const [y1, y2] = [plot.y(bar.upper), plot.y(bar.lower)];
      const caps = cap > 0 ? `M${c(x - cap)} ${c(y1)}h${c(cap * 2)}M${c(x - cap)} ${c(y2)}h${c(cap * 2)}` : '';
      return `M${c(x)} ${c(y1)}V${c(y2)}${caps}`;
    })
    .join('');
  return segments === '' ? '' : `<path class="lantern-whiskers" d="${segments}" stroke="${INK}" fill="none"/>`;
}

function groupDots(bars: readonly Bar[], plot: Plot): string {
  const dots = bars.map((bar, index) => (bar.highlight === 'group' ? `<circle cx="${coordinate(centreOf(index, plot))}" cy="${coordinate(plot.bottom + 9)}" r="${GROUP_DOT}"/>` : '')).join('');
  return dots === '' ? '' : `<g class="lantern-group-dots" fill="${INK}">${dots}</g>`;
}

/** The benchmark as a dashed line across the bars, over them; its label and value are in the legend. */
function benchmarkLine(benchmark: Benchmark, plot: Plot): string {
  const c = coordinate;
  return `<path class="lantern-benchmark" d="M${c(plot.left)} ${c(plot.y(benchmark.value))}H${c(plot.right)}"` + ` stroke="${INK}" stroke-width="2" stroke-dasharray="${BENCHMARK_DASH}"/>`;
}

/** The chosen area's bar, drawn last so its thick outline is never covered, with its name and value above. */
function chosenBar(bars: readonly Bar[], plot: Plot, decimals: number, width: number): string {
  const index = bars.findIndex((bar) => bar.highlight === 'chosen');
  const bar = bars[index];
  if (bar === undefined) return '';
  const c = coordinate;
  const rect = barRect(bar, index, plot, decimals, ` fill="${shadeOf(bar, null).fill}" stroke="${INK}" stroke-width="2.5"`);
  const x = centreOf(index, plot);
  const value = bar.value === null ? 'no data' : formatNumber(bar.value, decimals);
  const text = `${bar.name}: ${value}`;
  const half = textWidth(text, TEXT_SIZE) / 2;
  const labelX = Math.min(Math.max(x, half + 2), width - half - 2);
  const barTop = bar.value === null ? plot.y(0) : plot.y(Math.max(bar.value, 0));
  return (
    `<g class="lantern-chosen">${rect}` +
    `<path d="M${c(x)} ${c(TOP - 8)}V${c(Math.max(barTop - 2, TOP - 8))}" stroke="${INK}"/>` +
    `<text x="${c(labelX)}" y="${c(TOP - 12)}" text-anchor="middle" font-weight="bold">${escapeXml(text)}</text></g>`
  );
}

/** A key to the benchmark line, the shades drawn ("Better than England", "Best fifth") and the group's dots. */
function legendItems(bars: readonly Bar[], benchmark: Benchmark | null, decimals: number, groupLabel: string): LegendItem[] {
  const items: LegendItem[] = shadesOf(bars, benchmark?.label ?? null).map((shade) => ({ fill: shade.fill, label: shade.label }));
  if (benchmark !== null) {
    const label = `${benchmark.label}: ${formatNumber(benchmark.value, decimals)}`;
    items.unshift({ fill: INK, label, swatch: 'line', dash: BENCHMARK_DASH, outlineWidth: 2 });
  }
  if (bars.some((bar) => bar.highlight === 'group')) items.push({ fill: INK, label: groupLabel, marker: 'circle', swatch: 'none' });
  return items;
}
