/*
 * Prepare map: boundaries made into light SVG paths for a choropleth, once,
 * when Lantern starts.
 *
 * drawMap takes areas already simplified (the reference data's TopoJSON, see
 * simplify-boundaries.ts, read back as GeoJSON in longitude and latitude);
 * prepareMap first simplifies boundary polygons the same way, for a source
 * that has not been prepared.
 *
 * 1. Project with a transverse Mercator centred on 2°W, the British National
 *    Grid's central meridian, so England looks as it does on Ordnance Survey
 *    maps; the projection is fitted to the asked width and the height follows.
 * 2. Islands too small to see (under a square pixel) are dropped, though every
 *    area keeps its largest part.
 * 3. Written as SVG path data with coordinates to a tenth of a pixel, each
 *    step relative to the one before (d3-geo's geoPath drawing into a compact
 *    path writer), which is 38% smaller than absolute coordinates.
 */
import { geoPath, geoTransverseMercator } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import { RelativePathWriter } from './relative-path.ts';
import { rewound, simplifyBoundaries, type AreaShape, type SimplifyOptions } from './simplify-boundaries.ts';

export interface MapArea {
  readonly name: string;
  /** SVG path data, in the map's viewBox. */
  readonly path: string;
  /** The centroid of the area's largest part, for the chosen area's marker and label: [x, y] in the viewBox. */
  readonly centre?: readonly [number, number];
}

export interface MapGeometry {
  readonly viewBox: string;
  readonly width: number;
  readonly height: number;
  readonly areas: ReadonlyMap<string, MapArea>;
}

export interface DrawMapOptions {
  /** The map's width in viewBox units (pixels at the default size); 600 by default. */
  readonly width?: number;
}

export interface PrepareMapOptions extends SimplifyOptions, DrawMapOptions {}

/** An area to draw: its code is the feature's id. */
export type MapFeature = Feature<Geometry | null, { readonly name?: unknown } | null>;

interface DrawnArea {
  readonly code: string;
  readonly name: string;
  readonly shape: AreaShape;
}

export const DEFAULT_MAP_WIDTH = 600;
/** Islands smaller than this many square pixels are not drawn. */
const SMALLEST_PART = 1;

export function prepareMap(collection: FeatureCollection, options: PrepareMapOptions): MapGeometry {
  checkWidth(options.width ?? DEFAULT_MAP_WIDTH);
  const shapes = simplifyBoundaries(collection, options);
  return drawMap(feature(shapes, shapes.objects.areas).features, options);
}

/** Areas drawn as they are, with no simplification; only polygons with a code are drawn. */
export function drawMap(features: readonly MapFeature[], options: DrawMapOptions = {}): MapGeometry {
  const width = options.width ?? DEFAULT_MAP_WIDTH;
  checkWidth(width);
  const areas = drawnAreas(features);
  if (areas.length === 0) throw new RangeError('no areas to draw: no feature with a code has a polygon');
  const shapes: FeatureCollection<AreaShape> = { type: 'FeatureCollection', features: areas.map((area) => ({ type: 'Feature', properties: {}, geometry: area.shape })) };
  const projection = geoTransverseMercator().rotate([2, 0]).precision(0).fitWidth(width, shapes);
  const [, [, bottom]] = geoPath(projection).bounds(shapes);
  const height = Math.ceil(bottom);
  const planar = geoPath(null);
  const drawn = new Map<string, MapArea>();
  for (const area of areas) {
    const shape = withoutSpecks(
      projectShape(area.shape, (point) => projection(point as [number, number]) ?? [0, 0]),
      planar.area.bind(planar),
    );
    const writer = new RelativePathWriter();
    geoPath(null, writer)(shape);
    drawn.set(area.code, { name: area.name, path: writer.result(), centre: centreOf(shape) });
  }
  return { viewBox: `0 0 ${width} ${height}`, width, height, areas: drawn };
}

function checkWidth(width: number): void {
  if (!(width > 0)) throw new RangeError(`a map needs a positive width, not ${width}`);
}

function drawnAreas(features: readonly MapFeature[]): DrawnArea[] {
  const areas: DrawnArea[] = [];
  for (const candidate of features) {
    const code = candidate.id;
    const geometry = candidate.geometry;
    if (typeof code !== 'string' || geometry === null || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) continue;
    const name = candidate.properties?.name;
    areas.push({ code, name: typeof name === 'string' ? name : code, shape: rewound(geometry) });
  }
  return areas;
}

function projectShape(shape: AreaShape, project: (point: Position) => Position): AreaShape {
  const ring = (points: Position[]) => points.map(project);
  return shape.type === 'Polygon' ? { type: 'Polygon', coordinates: shape.coordinates.map(ring) } : { type: 'MultiPolygon', coordinates: shape.coordinates.map((rings) => rings.map(ring)) };
}

/** Parts of a shape under SMALLEST_PART square pixels dropped, the largest part always kept. */
function withoutSpecks(shape: AreaShape, area: (polygon: Polygon) => number): AreaShape {
  if (shape.type === 'Polygon') return shape;
  const sized = shape.coordinates.map((rings) => ({ rings, size: area({ type: 'Polygon', coordinates: rings }) }));
  const largest = Math.max(...sized.map((part) => part.size));
  const kept = sized.filter((part) => part.size >= SMALLEST_PART || part.size === largest).map((part) => part.rings);
  return kept.length === 1 ? { type: 'Polygon', coordinates: kept[0] ?? [] } : { type: 'MultiPolygon', coordinates: kept };
}

/** The centroid of the shape's largest part, rounded to a tenth of a pixel. */
function centreOf(shape: AreaShape): [number, number] {
  const planar = geoPath(null);
  const parts = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
  let best: Polygon = { type: 'Polygon', coordinates: parts[0] ?? [] };
  for (const rings of parts) {
    const part: Polygon = { type: 'Polygon', coordinates: rings };
    if (planar.area(part) > planar.area(best)) best = part;
  }
  const [x, y] = planar.centroid(best);
  return [Math.round(x * 10) / 10, Math.round(y * 10) / 10];
}
