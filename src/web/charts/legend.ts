/*
 * Legend: the key to a chart or map drawn inside the SVG itself, so that a
 * chart copied, printed or turned into an image still explains its colours.
 * Each item is a swatch (a box in the fill, or a sample of a line with its
 * dashes), an optional marker shape and the words, laid out left to right and wrapped onto as many rows as the width
 * needs.
 */
import { markerPath, INK, type Marker } from './palette.ts';
import { escapeXml } from './escape-xml.ts';
import { coordinate } from './coordinate.ts';
import { textWidth } from './text-fit.ts';

export interface LegendItem {
  readonly label: string;
  /** A colour or a url(#pattern); the box and marker are drawn in it. */
  readonly fill: string;
  readonly marker?: Marker | undefined;
  /** box (the default): a filled square; line: a short line in the fill's colour; none: the marker alone. */
  readonly swatch?: 'box' | 'line' | 'none';
  /** The box's outline width, or the line's width: 1 by default, thicker for the chosen area. */
  readonly outlineWidth?: number;
  /** The line's dash pattern. */
  readonly dash?: string;
}

export interface Legend {
  readonly markup: string;
  readonly height: number;
}

const BOX = 14;
const LINE = 28;
const GAP = 6;
const ITEM_GAP = 18;
const ROW = 24;
const FONT = 14;

/** The legend's items placed within [x, x + width] from y down. */
export function legend(items: readonly LegendItem[], x: number, y: number, width: number): Legend {
  if (items.length === 0) return { markup: '', height: 0 };
  let column = x;
  let row = 0;
  const parts: string[] = [];
  for (const item of items) {
    const itemWidth = widthOf(item);
    if (column > x && column + itemWidth > x + width) {
      column = x;
      row += 1;
    }
    parts.push(itemMarkup(item, column, y + row * ROW));
    column += itemWidth + ITEM_GAP;
  }
  return { markup: `<g class="lantern-legend" font-size="${FONT}">${parts.join('')}</g>`, height: (row + 1) * ROW };
}

function widthOf(item: LegendItem): number {
  const marker = item.marker === undefined || item.swatch === 'line' ? 0 : BOX + GAP;
  return swatchWidth(item) + marker + textWidth(item.label, FONT);
}

function swatchWidth(item: LegendItem): number {
  switch (item.swatch ?? 'box') {
    case 'box':
      return BOX + GAP;
    case 'line':
      return LINE + GAP;
    case 'none':
      return 0;
  }
}

function itemMarkup(item: LegendItem, x: number, y: number): string {
  const c = coordinate;
  const parts: string[] = [];
  const middle = y + 2 + BOX / 2;
  const fill = escapeXml(item.fill);
  const swatch = item.swatch ?? 'box';
  if (swatch === 'box') {
    parts.push(`<rect x="${c(x)}" y="${c(y + 2)}" width="${BOX}" height="${BOX}" fill="${fill}"` + ` stroke="${INK}" stroke-width="${item.outlineWidth ?? 1}"/>`);
  } else if (swatch === 'line') {
    const dash = item.dash === undefined || item.dash === '' ? '' : ` stroke-dasharray="${escapeXml(item.dash)}"`;
    parts.push(`<path d="M${c(x)} ${c(middle)}h${LINE}" stroke="${fill}" stroke-width="${item.outlineWidth ?? 1}"${dash}/>`);
  }
  let left = x + swatchWidth(item);
  if (item.marker !== undefined) {
    const markerX = swatch === 'line' ? x + LINE / 2 : left + BOX / 2;
    parts.push(`<g fill="${fill}" stroke="${INK}">${markerPath(item.marker, markerX, middle, 5)}</g>`);
    if (swatch !== 'line') left += BOX + GAP;
  }
  parts.push(`<text x="${c(left)}" y="${c(y + 2 + BOX - 2)}">${escapeXml(item.label)}</text>`);
  return parts.join('');
}
