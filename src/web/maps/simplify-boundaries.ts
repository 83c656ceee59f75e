/*
 * Simplify boundaries: boundary polygons (GeoJSON in longitude and latitude)
 * made into a small TopoJSON topology for maps. Lantern's reference data
 * keeps its boundaries this way (scripts/prepare-data.ts writes them), so
 * that start-up only draws them (prepare-map.ts).
 *
 * 1. Keep the areas asked for, each ring wound as d3-geo expects (clockwise
 *    on the sphere), whichever way the source winds it.
 * 2. Build a topology (topojson-server) on a grid of 10,000 steps across the
 *    areas (about 80 metres across England, a twelfth of a pixel on a map 600
 *    wide), so that a border two areas share is one line; and simplify it
 *    (topojson-simplify's Visvalingam weights, by area on the sphere, keeping
 *    the `quantile` share of points with the largest weight): a shared border
 *    is simplified once and stays shared, so no slivers or gaps open between
 *    neighbours. Every ring keeps at least three corners, so no island or
 *    enclave collapses to a line.
 * 3. Quantized again on the same grid: whole, delta-encoded steps, which is
 *    what keeps the file small.
 *
 * Each area is a geometry of the topology's `areas` object, with its code as
 * the id and its name as the one property. Areas that stood together (the
 * districts of a county, say) become one with mergeBoundaries.
 */
import { geoArea } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, MultiPolygon, Polygon } from 'geojson';
import { mergeArcs, quantize } from 'topojson-client';
import { topology } from 'topojson-server';
import { presimplify, quantile as weightQuantile, simplify, sphericalTriangleArea } from 'topojson-simplify';
import type { GeometryCollection, MultiPolygon as TopoMultiPolygon, Polygon as TopoPolygon, Topology } from 'topojson-specification';

export interface SimplifyOptions {
  readonly codeProperty: string;
  readonly nameProperty: string;
  readonly keep?: (code: string) => boolean;
  /** The share of boundary points kept, 0 to 1; 0.15 by default. */
  readonly quantile?: number;
}

export interface AreaProperties {
  readonly name: string;
  /** For an area of a later generation kept as a change to an earlier one: the earlier areas it stands for. */
  readonly replaces?: readonly string[];
}

/** One area of a boundary topology: its code is the geometry's id. */
export type BoundaryGeometry = (TopoPolygon<AreaProperties> | TopoMultiPolygon<AreaProperties>) & { readonly id: string; readonly properties: AreaProperties };
export interface BoundaryCollection extends GeometryCollection<AreaProperties> {
  geometries: BoundaryGeometry[];
}
export type BoundaryTopology<K extends string = 'areas'> = Topology<Record<K, BoundaryCollection>>;

export type AreaShape = Polygon | MultiPolygon;

export const DEFAULT_QUANTILE = 0.15;
/** Topology grid: 10,000 steps across the areas' bounding box. */
const QUANTIZATION = 1e4;

export function simplifyBoundaries(collection: FeatureCollection, options: SimplifyOptions): BoundaryTopology {
  const share = options.quantile ?? DEFAULT_QUANTILE;
  if (!(share > 0 && share <= 1)) throw new RangeError(`a map needs a quantile in (0, 1], not ${share}`);
  const areas = keptAreas(collection, options);
  if (areas.length === 0) throw new RangeError(`no areas to draw: no feature has a ${options.codeProperty} that is kept`);
  const kept: FeatureCollection<AreaShape, AreaProperties> = { type: 'FeatureCollection', features: areas };
  const built = topology({ areas: kept }, QUANTIZATION) as BoundaryTopology;
  const weighted = presimplify(built, sphericalTriangleArea) as BoundaryTopology;
  keepRingsOpen(weighted);
  const simplified = simplify(weighted, weightQuantile(weighted, share)) as BoundaryTopology;
  return quantize(simplified, QUANTIZATION);
}

/**
 * The areas grouped by `groupOf` (a district's county, say) as one area each,
 * drawn with the same arcs: the borders within a group go, the rest stay
 * shared. An area whose group is its own code stays as it is.
 */
export function mergeBoundaries(shapes: BoundaryTopology, groupOf: (code: string) => { readonly code: string; readonly name: string }): BoundaryCollection {
  const groups = new Map<string, { name: string; members: BoundaryGeometry[] }>();
  for (const geometry of shapes.objects.areas.geometries) {
    const group = groupOf(geometry.id);
    const entry = groups.get(group.code) ?? { name: group.name, members: [] };
    entry.members.push(geometry);
    groups.set(group.code, entry);
  }
  const geometries = [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([code, { name, members }]): BoundaryGeometry => {
      if (members.length === 1 && members[0]!.id === code) return members[0]!;
      return { ...mergeArcs(shapes, members), id: code, properties: { name } } as BoundaryGeometry;
    });
  return { type: 'GeometryCollection', geometries };
}

/** The kept features with polygon geometry, their code as id and rings wound as d3-geo expects. */
function keptAreas(collection: FeatureCollection, options: SimplifyOptions): Feature<AreaShape, AreaProperties>[] {
  const areas: Feature<AreaShape, AreaProperties>[] = [];
  for (const candidate of collection.features) {
    const code = candidate.properties?.[options.codeProperty] ?? candidate.id;
    const name = candidate.properties?.[options.nameProperty];
    const geometry = candidate.geometry as Geometry | null;
    if (typeof code !== 'string' || geometry === null || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon')) continue;
    if (options.keep !== undefined && !options.keep(code)) continue;
    areas.push({ type: 'Feature', id: code, properties: { name: typeof name === 'string' ? name : code }, geometry: rewound(geometry) });
  }
  return areas;
}

/** A polygon whose area comes out larger than a hemisphere is wound the other way (RFC 7946's order); turn it round. */
export function rewound(shape: AreaShape): AreaShape {
  const polygons = shape.type === 'Polygon' ? [shape.coordinates] : shape.coordinates;
  const turned = polygons.map((rings) => (geoArea({ type: 'Polygon', coordinates: rings }) > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings));
  return shape.type === 'Polygon' ? { type: 'Polygon', coordinates: turned[0] ?? [] } : { type: 'MultiPolygon', coordinates: turned };
}

/**
 * A ring drawn by one arc (an island) or two (an area with one neighbour) could
 * be simplified down to a line; its arcs' most important interior points are
 * marked never to be removed, so every ring keeps at least three corners.
 */
function keepRingsOpen(shapes: BoundaryTopology): void {
  for (const geometry of shapes.objects.areas.geometries) {
    const rings = geometry.type === 'Polygon' ? geometry.arcs : geometry.arcs.flat();
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
