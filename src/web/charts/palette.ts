/*
 * Palette: every colour and marker shape Lantern's charts and maps use, in one
 * place, and the rules they keep.
 *
 * Significance against a benchmark follows the public health profiles'
 * convention (Fingertips, and the GOV.UK-styled FingertipsNext): better green,
 * similar yellow, worse red; where polarity is neutral, higher dark blue and
 * lower light blue; not compared grey. The colours are taken from
 * govuk-frontend's own palette (settings/_colours-palette--internal.scss) so
 * that charts sit with the GOV.UK Design System's pages:
 *
 *   significance   fill                  vs white  outline   text on fill
 *   better         green primary #0f7a52  5.35:1   —         white 5.35:1
 *   similar        yellow primary #ffdd00 1.35:1   #0b0c0c   black 14.55:1
 *   worse          red primary #ca3535    5.16:1   —         white 5.16:1
 *   higher         blue shade-50 #0f385c 12.07:1   —         white 12.07:1
 *   lower          blue tint-25 #5694ca   3.24:1   —         black 6.05:1
 *   not_compared   black tint-80 #cecece  1.57:1   #0b0c0c   black 12.45:1
 *
 * ("black" is govuk black #0b0c0c; "—" means the fill reaches 3:1 against
 * white by itself and bars of it are drawn without an outline; every style's
 * `outline` is #0b0c0c, which markers always wear.)
 * Fills below 3:1 against white are drawn with a dark #0b0c0c outline (19.6:1)
 * so the shape is visible (WCAG 1.4.11); text drawn on a fill uses the
 * `text` colour, which reaches 4.5:1 against it (WCAG 1.4.3).
 *
 * Colour never carries the meaning alone: each significance has its word (the
 * profiles' own, from significanceLabel) and its marker shape: better a
 * circle, similar a diamond, worse a square, higher an upward triangle, lower
 * a downward triangle, not compared a ring.
 *
 * Fifths of a group come in two scales that never share a colour, because
 * "Best fifth" and "Highest fifth" say different things. A polar metric's
 * fifths run from good to bad in the significance colours' hues: green
 * primary, green tint-50, yellow tint-50, red tint-50, red primary. A neutral
 * metric's fifths (highest to lowest, neither better) are the blues of the
 * neutral higher and lower, dark to light: shade-50, primary, tint-25,
 * tint-50, tint-80; so nothing on a neutral metric looks good or bad. Fills
 * below 3:1 are always drawn with a dark outline.
 *
 * Lines for several areas on one chart use eight palette colours that each
 * reach 3:1 against white, starting with the blues and purples so that the
 * first lines do not borrow the better/worse greens and reds; each line also
 * has its own dash pattern and marker shape.
 */
import type { Significance } from '../../domain/benchmark/compare-to-benchmark.ts';
import { significanceLabel } from '../../domain/benchmark/compare-to-benchmark.ts';
import { SHAPE_CONTRAST, contrastRatio } from './contrast.ts';
import { coordinate } from './coordinate.ts';

export type Marker = 'circle' | 'square' | 'diamond' | 'triangle-up' | 'triangle-down' | 'ring';

export interface SignificanceStyle {
  readonly fill: string;
  readonly outline: string;
  readonly label: string;
  readonly marker: Marker;
  /** The colour of any text drawn on the fill (a tag, a label inside a bar). */
  readonly text: string;
}

export const WHITE = '#ffffff';
/** Body text, axes, outlines, the chosen area: govuk black. 19.6:1 on white. */
export const INK = '#0b0c0c';
/** Secondary text (tick labels, attribution): govuk black tint-25. 9.03:1 on white. */
export const SECONDARY_INK = '#484949';
/** Gridlines: govuk black tint-80; decoration only, so no contrast is required. */
export const GRID = '#cecece';
/** The group's outer range on a spine chart: govuk black tint-80, edged in INK. */
export const RANGE_FILL = '#cecece';
/** The group's inter-quartile range on a spine chart: govuk black tint-50, 3.65:1 on white. */
export const QUARTILE_FILL = '#858686';
/** Areas with no data: a hatch of black tint-50 (3.65:1) on black tint-95. */
export const NO_DATA_FILL = '#f3f3f3';
export const NO_DATA_HATCH = '#858686';
/** A single line with no judgement (a sparkline): govuk blue primary, 5.17:1 on white. */
export const LINE = '#1d70b8';
/** A target's tolerance band behind its trajectory: GOV.UK's light green, which lines and text in ink stand out on. */
export const BAND_FILL = '#cce2d8';

export const SIGNIFICANCE_STYLE: Readonly<Record<Significance, SignificanceStyle>> = Object.freeze({
  better: style('better', '#0f7a52', WHITE, 'circle'),
  similar: style('similar', '#ffdd00', INK, 'diamond'),
  worse: style('worse', '#ca3535', WHITE, 'square'),
  higher: style('higher', '#0f385c', WHITE, 'triangle-up'),
  lower: style('lower', '#5694ca', INK, 'triangle-down'),
  not_compared: style('not_compared', '#cecece', INK, 'ring'),
});

export const QUINTILE_BLUES: readonly string[] = Object.freeze(['#d2e2f1', '#8eb8dc', '#5694ca', '#1d70b8', '#0f385c']);

/** A polar metric's fifths, best first: good to bad, in the hues of better, similar and worse. */
export const POLAR_FIFTHS: readonly string[] = Object.freeze(['#0f7a52', '#87bca8', '#ffee80', '#e59a9a', '#ca3535']);

/** A neutral metric's fifths, highest first: the blues of higher and lower, which say nothing good or bad. */
export const NEUTRAL_FIFTHS: readonly string[] = Object.freeze([...QUINTILE_BLUES].reverse());

/** Colours for the non-emphasised lines of a trend chart, in the order they are given out. */
export const LINE_COLOURS: readonly string[] = Object.freeze([
  '#1d70b8', // blue primary 5.17:1
  '#54319f', // purple primary 9.06:1
  '#b7592a', // orange shade-25 4.69:1
  '#158187', // teal primary 4.64:1
  '#ca357c', // magenta primary 4.87:1
  '#99704a', // brown primary 4.40:1
  '#0f7a52', // green primary 5.35:1
  '#ca3535', // red primary 5.16:1
]);

/** Dash patterns for the same lines; the first is solid. */
export const LINE_DASHES: readonly string[] = Object.freeze(['', '6 3', '2 3', '10 3 2 3', '4 4', '12 4', '2 2 6 2', '8 2']);

export const LINE_MARKERS: readonly Marker[] = Object.freeze(['circle', 'square', 'diamond', 'triangle-up', 'triangle-down', 'circle', 'square', 'diamond']);

/** Whether a fill is too pale to show its shape against white without a dark outline. */
export function needsOutline(fill: string): boolean {
  return contrastRatio(fill, WHITE) < SHAPE_CONTRAST;
}

/** A marker shape of radius about r centred on (cx, cy), as a <path> whose fill and stroke the caller sets. */
export function markerPath(marker: Marker, cx: number, cy: number, r: number): string {
  const ring = marker === 'ring' ? ' fill-rule="evenodd"' : '';
  return `<path d="${markerData(marker, cx, cy, r)}"${ring}/>`;
}

/** The same shape as a path's d attribute, for callers that add a <title> inside the element. */
export function markerData(marker: Marker, cx: number, cy: number, r: number): string {
  const c = coordinate;
  switch (marker) {
    case 'circle':
      return circleData(cx, cy, r);
    case 'ring':
      return `${circleData(cx, cy, r)}${circleData(cx, cy, r * 0.45)}`;
    case 'square': {
      const half = r * 0.9;
      return `M${c(cx - half)} ${c(cy - half)}h${c(half * 2)}v${c(half * 2)}h${c(-half * 2)}Z`;
    }
    case 'diamond': {
      const d = r * 1.25;
      return `M${c(cx)} ${c(cy - d)}L${c(cx + d)} ${c(cy)}L${c(cx)} ${c(cy + d)}L${c(cx - d)} ${c(cy)}Z`;
    }
    case 'triangle-up':
      return `M${c(cx)} ${c(cy - r * 1.3)}L${c(cx + r * 1.2)} ${c(cy + r * 0.9)}L${c(cx - r * 1.2)} ${c(cy + r * 0.9)}Z`;
    case 'triangle-down':
      return `M${c(cx)} ${c(cy + r * 1.3)}L${c(cx + r * 1.2)} ${c(cy - r * 0.9)}L${c(cx - r * 1.2)} ${c(cy - r * 0.9)}Z`;
    default: {
      const unknown: never = marker;
      throw new RangeError(`unknown marker: ${String(unknown)}`);
    }
  }
}

function circleData(cx: number, cy: number, r: number): string {
  const c = coordinate;
  return `M${c(cx - r)} ${c(cy)}a${c(r)} ${c(r)} 0 1 0 ${c(r * 2)} 0a${c(r)} ${c(r)} 0 1 0 ${c(-r * 2)} 0Z`;
}

function style(significance: Significance, fill: string, text: string, marker: Marker): SignificanceStyle {
  return Object.freeze({ fill, outline: INK, label: significanceLabel(significance), marker, text });
}
