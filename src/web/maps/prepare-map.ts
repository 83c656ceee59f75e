/*
 * Prepare map: boundary polygons (GeoJSON in longitude and latitude) made into
 * light SVG paths for a choropleth, once, when Lantern starts.
 *
 * 1. Keep the areas asked for (England's, say) and project them with a
 *    transverse Mercator centred on 2°W, the British National Grid's central
 *    meridian, so England looks as it does on Ordnance Survey maps; the
 *    projection is fitted to the asked width and the height follows.
 * 2. Build a topology of the projected shapes (topojson-server), so that a
 *    border two areas share is one line, and simplify it (topojson-simplify's
 *    Visvalingam weights, keeping the `quantile` share of points with the
 *    largest weight): a shared border is simplified once and stays shared, so
 *    no slivers or gaps open between neighbours. Every ring keeps at least
 *    three corners, so no island or enclave collapses to a line.
 * 3. Back to shapes (topojson-client); islands too small to see (under a
 *    square pixel) are dropped, though every area keeps its largest part.
 * 4. Written as SVG path data with coordinates to a tenth of a pixel, each
 *    step relative to the one before (d3-geo's geoPath drawing into a compact
 *    path writer), which is 38% smaller than absolute coordinates.
 */
import { geoArea, geoPath, geoTransverseMercator } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon, Position } from 'geojson';
import { feature } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile as weightQuantile, simplify } from 'topojson-simplify';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { RelativePathWriter } from './relative-path.ts';

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

export interface PrepareMapOptions {
  readonly codeProperty: string;
  readonly nameProperty: string;
  readonly keep?: (code: string) => boolean;
  /** The map's width in viewBox units (pixels at the default size); 600 by default. */
  readonly width?: number;
  /** The share of boundary points kept, 0 to 1; 0.15 by default. */
  readonly quantile?: number;
}

interface AreaProperties {
  readonly code: string;
  readonly name: string;
}

type AreaShape = Polygon | MultiPolygon;

export const DEFAULT_MAP_WIDTH = 600;
export const DEFAULT_QUANTILE = 0.15;
/** Islands smaller than this many square pixels are not drawn. */
const SMALLEST_PART = 1;
/** Topology grid: 10,000 steps across the map, a sixtieth of a pixel at 600 wide. */
const QUANTIZATION = 1e4;

export function prepareMap(collection: FeatureCollection, options: PrepareMapOptions): MapGeometry {
  const width = options.width ?? DEFAULT_MAP_WIDTH;
  const share = options.quantile ?? DEFAULT_QUANTILE;
  if (!(width > 0) || !(share > 0 && share <= 1)) throw new RangeError(`a map needs a positive width and a quantile in (0, 1], not ${width} and ${share}`);
  const areas = keptAreas(collection, options);
  if (areas.length === 0) throw new RangeError(`no areas to draw: no feature has a ${options.codeProperty} that is kept`);

  const projection = geoTransverseMercator().rotate([2, 0]).precision(0).fitWidth(width, { type: 'FeatureCollection', features: areas });
  const [, [, bottom]] = geoPath(projection).bounds({ type: 'FeatureCollection', features: areas });
  const height = Math.ceil(bottom);
  const projected = areas.map((area) => ({ ...area, geometry: projectShape(area.geometry, (point) => projection(point as [number, number]) ?? [0, 0]) }));
  const simplified = simplifyShapes(projected, share);

  const planar = geoPath(null);
  const drawn = new Map<string, MapArea>();
  for (const area of simplified) {
    const shape = withoutSpecks(area.geometry, planar.area.bind(planar));
    const writer = new RelativePathWriter();
    geoPath(null, writer)(shape);
    drawn.set(area.properties.code, { name: area.properties.name, path: writer.result(), centre: centreOf(shape) });
  }
  return { viewBox: `0 0 ${width} ${height}`, width, height, areas: drawn };
}

/** The kept features with polygon geometry, their rings wound as d3-geo expects (clockwise on the sphere). */
function keptAreas(collection: FeatureCollection, options: PrepareMapOptions): Feature<AreaShape, AreaProperties>[] {
  const areas: Feature<AreaShape, AreaProperties>[] = [];
  for (const candidate of collection.features) {
    const code = candidate.properties?.[options.codeProperty];
    const name = candidate.properties?.[options.nameProperty];
    const geometry = candidate.geometry as Geometry | null;
    if (typeof code !== 'string' || geometry === null || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) continue;
    if (options.keep !== undefined && !options.keep(code)) continue;
    areas.push({ type: 'Feature', properties: { code, name: typeof name === 'string' ? name : code }, geometry: rewound(geometry) });
  }
  return areas;
}

/** A polygon whose area comes out larger than a hemisphere is wound the other way (RFC 7946's order); turn it round. */
function rewound(shape: AreaShape): AreaShape {
  const polygons = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
  const turned = polygons.map((rings) => (geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings));
  return shape.type === 'Polygon' ? { type: 'Polygon', coordinates: turned[0] ?? [] } : { type: 'MultiPolygon', coordinates: turned };
}

function projectShape(shape: AreaShape, project: (point: Position) => Position): AreaShape {
  const ring = (points: Position[]) => points.map(project);
  return shape.type === 'Polygon'
    ? { type: 'Polygon', coordinates: shape.coordinates.map(ring) }
    : { type: 'MultiPolygon', coordinates: shape.coordinates.map((rings) => rings.map(ring)) };
}

/** Simplify the projected shapes together, so that shared borders stay shared. */
function simplifyShapes(areas: readonly Feature<AreaShape, AreaProperties>[], share: number): Feature<AreaShape, AreaProperties>[] {
  const collection: FeatureCollection<AreaShape, AreaProperties> = { type: 'FeatureCollection', features: [...areas] };
  const weighted = presimplify(topology({ areas: collection }, QUANTIZATION) as Topology<{ areas: GeometryCollection<AreaProperties> }>);
  keepRingsOpen(weighted);
  const simplified = simplify(weighted, weightQuantile(weighted, share));
  return feature(simplified, simplified.objects.areas).features.filter((area): area is Feature<AreaShape, AreaProperties> => area.geometry.type === 'Polygon' || area.geometry.type === 'MultiPolygon');
}

/**
 * A ring drawn by one arc (an island) or two (an area with one neighbour) could
 * be simplified down to a line; its arcs' most important interior points are
 * marked never to be removed, so every ring keeps at least three corners.
 */
function keepRingsOpen(shapes: Topology<{ areas: GeometryCollection<AreaProperties> }>): void {
  for (const geometry of shapes.objects.areas.geometries) {
    const rings = geometry.type === 'Polygon' ? geometry.arcs : geometry.type === 'MultiPolygon' ? geometry.arcs.flat() : [];
    for (const ring of rings) {
      if (ring.length >= 3) continue;
      for (const index of ring) keepLargestWeights(shapes.arcs[index < 0 ? ~index : index] ?? [], ring.length === 1 ? 2 : 1);
    }
  }
}

function keepLargestWeights(arc: readonly number[][], count: number): void {
  const interior = arc.slice(1, -1).sort((a, b) => (b[2] ?? 0) - (a[2] ?? 0));
  for (const point of interior.slice(0, count)) point[2] = Infinity;
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
