/*
 * Trend lines: a metric's values over periods for a few chosen areas (up to
 * about eight). The emphasised area is a thick black line drawn on top; the
 * others differ by dash pattern and marker shape as well as by colour, so the
 * chart reads in greyscale and to people who do not see its colours. Every
 * value is a marker with its area, period and value in its <title>; a missing
 * value breaks its line. Period labels are thinned when they would crowd,
 * always keeping the latest. The legend names every line inside the SVG.
 */
import { coordinate } from './coordinate.ts';
import { escapeXml } from './escape-xml.ts';
import { formatNumber } from '../../domain/format/index.ts';
import { legend, type LegendItem } from './legend.ts';
import { linearScale, type Scale } from './linear-scale.ts';
import { niceTicks, type Ticks } from './nice-ticks.ts';
import { BAND_FILL, GRID, INK, LINE_COLOURS, LINE_DASHES, LINE_MARKERS, SECONDARY_INK, WHITE, markerData, type Marker } from './palette.ts';
import { SMALL_TEXT, noDataDocument, svgDocument } from './svg-document.ts';
import { textWidth } from './text-fit.ts';

export interface TrendLine {
  readonly code: string;
  readonly name: string;
  readonly values: readonly (number | null)[];
  readonly emphasis: boolean;
}

export interface TrendBand {
  readonly name: string;
  /** Per period, as `values` are; a period where either edge is missing breaks the band. */
  readonly lower: readonly (number | null)[];
  readonly upper: readonly (number | null)[];
}

export interface TrendLinesInput {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly unit: string;
  readonly decimals: number;
  readonly periods: readonly string[];
  readonly lines: readonly TrendLine[];
  /** A shaded band behind the lines (a target's tolerance about its trajectory), named in the legend. */
  readonly band?: TrendBand;
  readonly width?: number;
  readonly height?: number;
}

interface LineStyle {
  readonly colour: string;
  readonly dash: string;
  readonly marker: Marker;
  readonly width: number;
}

interface Plot {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
  readonly x: Scale;
  readonly y: Scale;
  readonly ticks: Ticks;
}

const TOP = 28;
/** The plot is never squeezed below this; a tall legend makes the chart taller instead. */
const MIN_PLOT = 100;
/** Room between the plot and the legend, for the period labels. */
const BELOW_PLOT = 30;
const RIGHT = 16;
const INSET = 10;
const EMPHASIS: LineStyle = { colour: INK, dash: '', marker: 'circle', width: 3 };

export function trendLines(input: TrendLinesInput): string {
  const width = Math.max(input.width ?? 640, 240);
  const asked = Math.max(input.height ?? 360, 180);
  const frame = { id: input.id, title: input.title, description: input.description, size: 'fluid', className: 'lantern-chart lantern-trend-lines' } as const;
  const lines = input.lines.map((line) => ({ ...line, values: input.periods.map((_, index) => finiteOrNull(line.values[index])) }));
  const band = input.band && { ...input.band, lower: input.periods.map((_, i) => finiteOrNull(input.band!.lower[i])), upper: input.periods.map((_, i) => finiteOrNull(input.band!.upper[i])) };
  const figures = [...lines.flatMap((line) => line.values), ...(band ? [...band.lower, ...band.upper] : [])].filter((value): value is number => value !== null);
  if (input.periods.length === 0 || figures.length === 0) return noDataDocument({ ...frame, width, height: asked });

  const styles = stylesOf(lines);
  const key = legend(
    [...lines.map((line, index) => legendItem(line.name, styles[index] ?? EMPHASIS)), ...(band ? [{ label: band.name, fill: BAND_FILL, swatch: 'box' as const }] : [])],
    2,
    0,
    width - 4,
  );
  const height = Math.max(asked, TOP + MIN_PLOT + BELOW_PLOT + key.height);
  const plot = layout(input.periods, figures, width, height - key.height - BELOW_PLOT);
  const order = lines.map((line, index) => ({ line, style: styles[index] ?? EMPHASIS })).sort((a, b) => Number(a.line.emphasis) - Number(b.line.emphasis));
  const body = [
    `<text x="0" y="14" font-size="${SMALL_TEXT}" fill="${SECONDARY_INK}">${escapeXml(input.unit)}</text>`,
    yAxis(plot),
    xAxis(input.periods, plot),
    band ? bandMarkup(band, plot) : '',
    ...order.map(({ line, style }) => seriesMarkup(line.name, line.values, input.periods, style, plot, input.decimals)),
    `<g transform="translate(0 ${coordinate(height - key.height)})">${key.markup}</g>`,
  ];
  return svgDocument({ ...frame, width, height, body: body.join('') });
}

/** The band as one shape per unbroken run of periods, behind the lines. */
function bandMarkup(band: TrendBand, plot: Plot): string {
  const c = coordinate;
  const shapes: string[] = [];
  let run: number[] = [];
  const close = () => {
    if (run.length > 1) {
      const top = run.map((i) => `${c(plot.x(i))} ${c(plot.y(band.upper[i]!))}`);
      const bottom = [...run].reverse().map((i) => `${c(plot.x(i))} ${c(plot.y(band.lower[i]!))}`);
      shapes.push(`M${[...top, ...bottom].join('L')}Z`);
    }
    run = [];
  };
  band.lower.forEach((lower, i) => (lower === null || band.upper[i] === null ? close() : run.push(i)));
  close();
  return shapes.length ? `<path class="lantern-band" d="${shapes.join('')}" fill="${BAND_FILL}"><title>${escapeXml(band.name)}</title></path>` : '';
}

function finiteOrNull(value: number | null | undefined): number | null {
  return value !== null && value !== undefined && Number.isFinite(value) ? value : null;
}

/** The emphasised lines thick and black; the others each a colour, a dash pattern and a marker, in turn. */
function stylesOf(lines: readonly TrendLine[]): LineStyle[] {
  let next = 0;
  return lines.map((line) => {
    if (line.emphasis) return EMPHASIS;
    const turn = next % LINE_COLOURS.length;
    next += 1;
    return { colour: LINE_COLOURS[turn] ?? INK, dash: LINE_DASHES[turn] ?? '', marker: LINE_MARKERS[turn] ?? 'circle', width: 2 };
  });
}

function legendItem(name: string, style: LineStyle): LegendItem {
  return { label: name, fill: style.colour, swatch: 'line', dash: style.dash, marker: style.marker, outlineWidth: style.width };
}

function layout(periods: readonly string[], figures: readonly number[], width: number, bottom: number): Plot {
  const ticks = niceTicks(Math.min(...figures), Math.max(...figures));
  const labelWidth = Math.max(...ticks.values.map((tick) => textWidth(formatNumber(tick, ticks.decimals), SMALL_TEXT)));
  const left = Math.ceil(labelWidth) + 10;
  const latestHalf = textWidth(periods[periods.length - 1] ?? '', SMALL_TEXT) / 2;
  const right = width - Math.max(RIGHT, Math.ceil(latestHalf - INSET + 2));
  const x = periods.length === 1 ? linearScale([0, 1], [(left + right) / 2, (left + right) / 2]) : linearScale([0, periods.length - 1], [left + INSET, right - INSET]);
  const first = ticks.values[0] ?? 0;
  const last = ticks.values[ticks.values.length - 1] ?? 1;
  return { left, right, top: TOP, bottom, x, y: linearScale([first, last], [bottom, TOP]), ticks };
}

function yAxis(plot: Plot): string {
  const c = coordinate;
  const grid = plot.ticks.values.map((tick) => `M${c(plot.left)} ${c(plot.y(tick))}H${c(plot.right)}`).join('');
  const labels = plot.ticks.values.map((tick) => `<text x="${c(plot.left - 6)}" y="${c(plot.y(tick) + 4)}">${formatNumber(tick, plot.ticks.decimals)}</text>`).join('');
  return `<path d="${grid}" stroke="${GRID}"/><g text-anchor="end" font-size="${SMALL_TEXT}" fill="${SECONDARY_INK}">${labels}</g>`;
}

/** Period labels under the axis; when they would touch, every k-th, counted back from the latest. */
function xAxis(periods: readonly string[], plot: Plot): string {
  const c = coordinate;
  const widest = Math.max(...periods.map((period) => textWidth(period, SMALL_TEXT)));
  const spacing = periods.length > 1 ? Math.abs(plot.x(1) - plot.x(0)) : Infinity;
  const every = Math.max(1, Math.ceil((widest + 8) / spacing));
  const labels = periods.map((period, index) => ((periods.length - 1 - index) % every === 0 ? `<text x="${c(plot.x(index))}" y="${c(plot.bottom + 18)}">${escapeXml(period)}</text>` : '')).join('');
  return `<path d="M${c(plot.left)} ${c(plot.bottom)}H${c(plot.right)}" stroke="${INK}"/>` + `<g text-anchor="middle" font-size="${SMALL_TEXT}" fill="${SECONDARY_INK}">${labels}</g>`;
}

function seriesMarkup(name: string, values: readonly (number | null)[], periods: readonly string[], style: LineStyle, plot: Plot, decimals: number): string {
  const c = coordinate;
  let path = '';
  let previous: number | null = null;
  const markers: string[] = [];
  values.forEach((value, index) => {
    if (value === null) {
      previous = null;
      return;
    }
    path += `${previous === null ? 'M' : 'L'}${c(plot.x(index))} ${c(plot.y(value))}`;
    previous = value;
    const hover = `${name}, ${periods[index] ?? ''}: ${formatNumber(value, decimals)}`;
    markers.push(`<path d="${markerData(style.marker, plot.x(index), plot.y(value), style.width + 2)}"><title>${escapeXml(hover)}</title></path>`);
  });
  const dash = style.dash === '' ? '' : ` stroke-dasharray="${style.dash}"`;
  return (
    `<g class="lantern-line"><path d="${path}" fill="none" stroke="${style.colour}" stroke-width="${style.width}" stroke-linejoin="round"${dash}/>` +
    `<g fill="${style.colour}" stroke="${WHITE}">${markers.join('')}</g></g>`
  );
}
