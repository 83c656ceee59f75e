/*
 * Wave chart: a question's percentage positive in each of a council's survey
 * waves, oldest on the left, each a dot with its 95% interval as a whisker
 * (capped, so the ends read without colour), the dots joined by a thin line
 * that breaks where a wave has no figure. The scale runs from the lowest to
 * the highest interval end, so overlapping intervals (no real change) and
 * separate ones are seen as they are. Each dot's <title> gives the wave, the
 * figure and its interval; the page gives the same in a table.
 */
import { formatNumber } from '../../domain/format/index.ts';
import { coordinate } from './coordinate.ts';
import { escapeXml } from './escape-xml.ts';
import { linearScale } from './linear-scale.ts';
import { niceTicks } from './nice-ticks.ts';
import { GRID, INK, LINE, SECONDARY_INK, WHITE, markerData } from './palette.ts';
import { SMALL_TEXT, noDataDocument, svgDocument } from './svg-document.ts';
import { textWidth } from './text-fit.ts';

export interface WavePoint {
  /** The wave's name under the axis: '2023/24', 'Wave 3'. */
  readonly label: string;
  readonly figure: { readonly percent: number; readonly lower: number; readonly upper: number } | null;
}

export interface WaveChartInput {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly waves: readonly WavePoint[];
  readonly width?: number;
  readonly height?: number;
}

const TOP = 24;
const BELOW = 28;
const RIGHT = 12;
const CAP = 5;

export function waveChart(input: WaveChartInput): string {
  const width = Math.max(input.width ?? 640, 200);
  const height = Math.max(input.height ?? 240, 140);
  const frame = { id: input.id, title: input.title, description: input.description, size: 'fluid', className: 'lantern-chart lantern-wave-chart', width, height } as const;
  const shown = input.waves.filter((w) => w.figure !== null && [w.figure.percent, w.figure.lower, w.figure.upper].every(Number.isFinite));
  if (shown.length === 0) return noDataDocument(frame);
  const c = coordinate;
  const ticks = niceTicks(Math.min(...shown.map((w) => w.figure!.lower)), Math.max(...shown.map((w) => w.figure!.upper)));
  const left = Math.ceil(Math.max(...ticks.values.map((t) => textWidth(`${formatNumber(t, ticks.decimals)}%`, SMALL_TEXT)))) + 10;
  const bottom = height - BELOW;
  const step = (width - RIGHT - left) / input.waves.length;
  const x = (index: number) => left + step * (index + 0.5);
  const y = linearScale([ticks.values[0] ?? 0, ticks.values[ticks.values.length - 1] ?? 100], [bottom, TOP]);
  const grid = ticks.values.map((t) => `M${c(left)} ${c(y(t))}H${c(width - RIGHT)}`).join('');
  const tickLabels = ticks.values.map((t) => `<text x="${c(left - 6)}" y="${c(y(t) + 4)}">${formatNumber(t, ticks.decimals)}%</text>`).join('');
  const every = Math.max(1, Math.ceil((Math.max(...input.waves.map((w) => textWidth(w.label, SMALL_TEXT))) + 8) / step));
  const waveLabels = input.waves.map((w, i) => ((input.waves.length - 1 - i) % every === 0 ? `<text x="${c(x(i))}" y="${c(bottom + 18)}">${escapeXml(w.label)}</text>` : '')).join('');
  let line = '';
  let joined = false;
  const whiskers: string[] = [];
  const dots: string[] = [];
  input.waves.forEach((w, i) => {
    if (w.figure === null || !shown.includes(w)) {
      joined = false;
      return;
    }
    const { percent, lower, upper } = w.figure;
    line += `${joined ? 'L' : 'M'}${c(x(i))} ${c(y(percent))}`;
    joined = true;
    whiskers.push(`M${c(x(i))} ${c(y(lower))}V${c(y(upper))}M${c(x(i) - CAP)} ${c(y(lower))}H${c(x(i) + CAP)}M${c(x(i) - CAP)} ${c(y(upper))}H${c(x(i) + CAP)}`);
    const hover = `${w.label}: ${formatNumber(percent, 0)}% (95% interval ${formatNumber(lower, 0)}% to ${formatNumber(upper, 0)}%)`;
    dots.push(`<path d="${markerData('circle', x(i), y(percent), 5)}"><title>${escapeXml(hover)}</title></path>`);
  });
  const body = [
    `<path d="${grid}" stroke="${GRID}"/>`,
    `<g text-anchor="end" font-size="${SMALL_TEXT}" fill="${SECONDARY_INK}">${tickLabels}</g>`,
    `<path d="M${c(left)} ${c(bottom)}H${c(width - RIGHT)}" stroke="${INK}"/>`,
    `<g text-anchor="middle" font-size="${SMALL_TEXT}" fill="${SECONDARY_INK}">${waveLabels}</g>`,
    line ? `<path class="lantern-wave-line" d="${line}" fill="none" stroke="${LINE}" stroke-width="1.5"/>` : '',
    `<path class="lantern-interval" d="${whiskers.join('')}" fill="none" stroke="${INK}" stroke-width="1.5"/>`,
    `<g fill="${INK}" stroke="${WHITE}">${dots.join('')}</g>`,
  ];
  return svgDocument({ ...frame, body: body.join('') });
}
