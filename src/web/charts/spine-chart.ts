/*
 * Spine chart: where one council's value sits in its comparator group's range,
 * as the public health profiles draw it, simplified to one row. The axis runs
 * from worst on the left to best on the right by the metric's polarity (a
 * lower_is_better metric is flipped; a neutral one runs low to high). The
 * group's full range is a light band with dark ends, its inter-quartile range
 * a darker band with the median a white line through it, the benchmark a
 * black vertical line, and the council's value its significance marker (shape
 * as well as colour). A group whose values are all equal is a single tick.
 * Fixed in size, like a sparkline, so that rows of a profile line up.
 */
import type { Significance } from '../../domain/benchmark/compare-to-benchmark.ts';
import type { Polarity } from '../../domain/metric/metric.ts';
import { coordinate } from './coordinate.ts';
import { formatNumber } from '../../domain/format/index.ts';
import { linearScale, type Scale } from './linear-scale.ts';
import { INK, QUARTILE_FILL, RANGE_FILL, SIGNIFICANCE_STYLE, WHITE, markerPath } from './palette.ts';
import { noDataDocument, svgDocument } from './svg-document.ts';

export interface SpineChartInput {
  readonly id: string;
  readonly label: string;
  readonly min: number;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly max: number;
  readonly value: number | null;
  readonly benchmark: number | null;
  readonly polarity: Polarity;
  readonly significance: Significance;
  readonly decimals: number;
  readonly width?: number;
  readonly height?: number;
}

const PAD = 10;
const BAND = 12;
const MARKER = 6;

export function spineChart(input: SpineChartInput): string {
  const width = Math.max(input.width ?? 240, 60);
  const height = Math.max(input.height ?? 28, 20);
  const frame = { id: input.id, title: input.label, width, height, size: 'fixed', className: 'lantern-chart lantern-spine-chart' } as const;
  const summary = [input.min, input.q1, input.median, input.q3, input.max];
  if (!summary.every(Number.isFinite)) return noDataDocument({ ...frame, description: '' });
  const [min, q1, median, q3, max] = [...summary].sort((a, b) => a - b) as [number, number, number, number, number];
  const value = finiteOrNull(input.value);
  const benchmark = finiteOrNull(input.benchmark);

  const x = scaleFor([min, max, value, benchmark], input.polarity, width);
  const middle = height / 2;
  const body = [
    min === max ? tick(x(min), middle) : bands(x, { min, q1, median, q3, max }, middle),
    benchmark === null ? '' : `<path class="lantern-benchmark" d="M${coordinate(x(benchmark))} 1V${height - 1}" stroke="${INK}" stroke-width="2"/>`,
    value === null ? '' : valueMarker(x(value), middle, input.significance),
  ].join('');
  return svgDocument({ ...frame, description: describe(input, { min, q1, median, q3, max }, value, benchmark), body });
}

function finiteOrNull(value: number | null): number | null {
  return value !== null && Number.isFinite(value) ? value : null;
}

/** Worst to best, left to right: the scale runs high to low for lower_is_better. */
function scaleFor(figures: readonly (number | null)[], polarity: Polarity, width: number): Scale {
  const known = figures.filter((figure): figure is number => figure !== null);
  const low = Math.min(...known);
  const high = Math.max(...known);
  const range: [number, number] = [PAD, width - PAD];
  return polarity === 'lower_is_better' ? linearScale([high, low], range) : linearScale([low, high], range);
}

interface Summary {
  readonly min: number;
  readonly q1: number;
  readonly median: number;
  readonly q3: number;
  readonly max: number;
}

function bands(x: Scale, summary: Summary, middle: number): string {
  const c = coordinate;
  const top = middle - BAND / 2;
  const span = (from: number, to: number) => {
    const [left, right] = [x(from), x(to)].sort((a, b) => a - b) as [number, number];
    return `x="${c(left)}" y="${c(top)}" width="${c(right - left)}" height="${BAND}"`;
  };
  return (
    `<rect class="lantern-range" ${span(summary.min, summary.max)} fill="${RANGE_FILL}"/>` +
    `<path d="M${c(x(summary.min))} ${c(top)}v${BAND}M${c(x(summary.max))} ${c(top)}v${BAND}" stroke="${INK}"/>` +
    `<rect class="lantern-quartiles" ${span(summary.q1, summary.q3)} fill="${QUARTILE_FILL}"/>` +
    `<path d="M${c(x(summary.median))} ${c(top)}v${BAND}" stroke="${WHITE}" stroke-width="2"/>`
  );
}

function tick(x: number, middle: number): string {
  return `<path class="lantern-range" d="M${coordinate(x)} ${coordinate(middle - BAND / 2)}v${BAND}" stroke="${INK}" stroke-width="2"/>`;
}

function valueMarker(x: number, middle: number, significance: Significance): string {
  const style = SIGNIFICANCE_STYLE[significance];
  return `<g class="lantern-value" fill="${style.fill}" stroke="${style.outline}" stroke-width="1.5">${markerPath(style.marker, x, middle, MARKER)}</g>`;
}

function describe(input: SpineChartInput, summary: Summary, value: number | null, benchmark: number | null): string {
  const n = (figure: number) => formatNumber(figure, input.decimals);
  const sentences = [
    value === null ? 'No value.' : `Value ${n(value)} (${SIGNIFICANCE_STYLE[input.significance].label}).`,
    summary.min === summary.max
      ? `Every value in the group is ${n(summary.min)}.`
      : `Group from ${n(summary.min)} to ${n(summary.max)}, middle half ${n(summary.q1)} to ${n(summary.q3)}, median ${n(summary.median)}.`,
    benchmark === null ? '' : `Benchmark ${n(benchmark)}.`,
    input.polarity === 'neutral' ? 'Lower values on the left, higher on the right.' : 'Worse values on the left, better on the right.',
  ];
  return sentences.filter((sentence) => sentence !== '').join(' ');
}
