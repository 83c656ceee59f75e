/*
 * Choropleth map: every area of a prepared map filled by the caller's colour
 * for it (a significance, a quintile), with the name and the words for that
 * colour in each area's <title>, so hovering says "Hartlepool: Better" and the
 * colour is never the only carrier of meaning. An area with no fill is hatched
 * grey and says "no data". The chosen area is drawn last, with a thick dark
 * outline, a marker and its name. The legend and the boundaries' attribution
 * are inside the SVG, below the map, so they travel with it into a PNG or a
 * printed report.
 */
import { coordinate } from '../charts/coordinate.ts';
import { escapeXml } from '../charts/escape-xml.ts';
import { legend, type LegendItem } from '../charts/legend.ts';
import { INK, NO_DATA_FILL, NO_DATA_HATCH, SECONDARY_INK, WHITE, type Marker } from '../charts/palette.ts';
import { SMALL_TEXT, TEXT_SIZE, elementId, noDataDocument, svgDocument } from '../charts/svg-document.ts';
import { textWidth, wrapText } from '../charts/text-fit.ts';
import type { MapArea, MapGeometry } from './prepare-map.ts';

export interface AreaFill {
  readonly fill: string;
  readonly label: string;
}

export interface ChoroplethLegendItem {
  readonly fill: string;
  readonly label: string;
  readonly marker?: Marker;
}

export interface ChoroplethInput {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly fills: ReadonlyMap<string, AreaFill>;
  readonly chosen?: string | undefined;
  readonly legend: readonly ChoroplethLegendItem[];
  readonly attribution: string;
}

const NO_DATA = 'No data';
const GAP = 12;
const LINE_HEIGHT = 16;

export function choroplethMap(geometry: MapGeometry, input: ChoroplethInput): string {
  const { width } = geometry;
  const frame = { id: input.id, title: input.title, description: input.description, size: 'fluid', className: 'lantern-map' } as const;
  if (geometry.areas.size === 0) return noDataDocument({ ...frame, width, height: Math.max(geometry.height, 100) });

  const hatch = `${elementId(input.id)}-no-data`;
  const chosen = input.chosen === undefined ? undefined : geometry.areas.get(input.chosen);
  const anyMissing = [...geometry.areas.keys()].some((code) => !input.fills.has(code));
  const key = legend(legendItems(input.legend, anyMissing, hatch, chosen), 2, geometry.height + GAP, width - 4);
  const attribution = wrapText(input.attribution, width, SMALL_TEXT);
  const attributionTop = geometry.height + GAP + key.height + 4;
  const height = Math.ceil(attributionTop + attribution.length * LINE_HEIGHT + 4);

  const body = [
    anyMissing ? hatchPattern(hatch) : '',
    `<g class="lantern-map-areas" stroke="${INK}" stroke-width="0.5" stroke-linejoin="round" fill-rule="evenodd">`,
    ...[...geometry.areas].filter(([code]) => code !== input.chosen).map(([code, area]) => areaPath(code, area, input.fills.get(code), hatch)),
    '</g>',
    chosen !== undefined && input.chosen !== undefined ? chosenArea(input.chosen, chosen, input.fills.get(input.chosen), hatch, width) : '',
    key.markup,
    attributionText(attribution, attributionTop),
  ];
  return svgDocument({ ...frame, width, height, body: body.join('') });
}

function areaPath(code: string, area: MapArea, fill: AreaFill | undefined, hatch: string, extra = ''): string {
  const colour = fill === undefined ? `url(#${hatch})` : escapeXml(fill.fill);
  const words = fill === undefined ? 'no data' : fill.label;
  const noData = fill === undefined ? ' class="lantern-map-no-data"' : '';
  return `<path${noData} data-code="${escapeXml(code)}" fill="${colour}"${extra} d="${area.path}"><title>${escapeXml(`${area.name}: ${words}`)}</title></path>`;
}

function hatchPattern(id: string): string {
  return (
    `<defs><pattern id="${id}" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">` +
    `<rect width="6" height="6" fill="${NO_DATA_FILL}"/><path d="M0 0v6" stroke="${NO_DATA_HATCH}" stroke-width="2"/></pattern></defs>`
  );
}

/** The chosen area on top of its neighbours: thick outline, and where its centre is known a ringed dot there and its name in a white box beside it. */
function chosenArea(code: string, area: MapArea, fill: AreaFill | undefined, hatch: string, width: number): string {
  const outlined = areaPath(code, area, fill, hatch, ` stroke="${INK}" stroke-width="3"`);
  return `<g class="lantern-map-chosen" stroke-linejoin="round" fill-rule="evenodd">${outlined}${area.centre === undefined ? '' : nameBeside(area.name, area.centre, width)}</g>`;
}

function nameBeside(name: string, [x, y]: readonly [number, number], width: number): string {
  const c = coordinate;
  const label = textWidth(name, TEXT_SIZE) + 8;
  const onLeft = x + 10 + label > width;
  const boxX = onLeft ? Math.max(x - 10 - label, 0) : x + 10;
  const boxY = Math.max(y - 11, 0);
  return (
    `<circle cx="${c(x)}" cy="${c(y)}" r="4" fill="${WHITE}" stroke="${INK}" stroke-width="2"/>` +
    `<rect x="${c(boxX)}" y="${c(boxY)}" width="${c(label)}" height="22" fill="${WHITE}" stroke="${INK}"/>` +
    `<text x="${c(boxX + 4)}" y="${c(boxY + 16)}" font-weight="bold">${escapeXml(name)}</text>`
  );
}

function legendItems(items: readonly ChoroplethLegendItem[], anyMissing: boolean, hatch: string, chosen: MapArea | undefined): LegendItem[] {
  const all: LegendItem[] = items.map((item) => ({ fill: item.fill, label: item.label, marker: item.marker }));
  if (anyMissing && !items.some((item) => item.label.toLowerCase() === NO_DATA.toLowerCase())) all.push({ fill: `url(#${hatch})`, label: NO_DATA });
  if (chosen !== undefined) all.push({ fill: WHITE, label: chosen.name, outlineWidth: 3 });
  return all;
}

function attributionText(lines: readonly string[], top: number): string {
  const c = coordinate;
  const text = lines.map((line, index) => `<text x="0" y="${c(top + (index + 1) * LINE_HEIGHT - 4)}">${escapeXml(line)}</text>`).join('');
  return `<g class="lantern-map-attribution" font-size="${SMALL_TEXT}" fill="${SECONDARY_INK}">${text}</g>`;
}
