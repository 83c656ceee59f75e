/*
 * Boundaries: England's maps, from the TopoJSON Lantern ships with
 * (data/reference, prepared and simplified once by scripts/prepare-data.ts;
 * each folder's PROVENANCE.md says where it came from): today's districts
 * (May 2024) and upper tier (December 2023), and the districts and upper tier
 * of each generation from 2013 until the reorganisations of 2023, drawn from
 * the 2013 districts, for periods whose figures are about the councils of
 * their time (comparison-map.ts chooses the map that holds the figures). Read
 * and drawn once per folder, in a few tens of milliseconds: every later call
 * gets the same promise. A missing file, or one that is not the topology
 * expected, is an Error that names the file; a failed load is forgotten, so a
 * later call tries again.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { drawMap, type MapFeature } from '../../../web/maps/prepare-map.ts';
import type { BoundaryCollection } from '../../../web/maps/simplify-boundaries.ts';
import type { AreaMaps } from '../../../web/views/comparison-map.ts';

/** The words every map drawn from the ONS boundaries carries, as the Open Government Licence asks. */
export const MAP_ATTRIBUTION = 'Contains OS data © Crown copyright and database right 2024. ' + 'Source: Office for National Statistics licensed under the Open Government Licence v.3.0.';

/** The words every map of the 2013 districts carries, as their CC BY 4.0 licence and the OS OpenData licence ask. */
export const MAP_ATTRIBUTION_2013 =
  'Contains Ordnance Survey data © Crown copyright and database right 2014. ' + '2013 boundaries: UK-GeoJSON by Martin Chorley (github.com/martinjc/UK-GeoJSON), CC BY 4.0.';

/** Today's maps' files under the reference folder, and the topology's object that holds each. */
export const BOUNDARY_FILES = {
  districts: { file: path.join('boundaries-2023-2024', 'local_authority_districts_may_2024_en.topo.json'), object: 'districts' },
  upperTier: { file: path.join('boundaries-2023-2024', 'counties_and_unitary_authorities_dec_2023_en.topo.json'), object: 'upper_tier' },
} as const;

/**
 * The earlier generations' file: objects `districts_2013` and `upper_tier_2013`,
 * and for each later generation `districts_<name>` and `upper_tier_<name>`, the
 * areas that changed since 2013, each naming the 2013 areas it `replaces`.
 */
export const EARLIER_BOUNDARY_FILE = path.join('boundaries-england-lad-2013', 'lad_2013_en.topo.json');

/**
 * England's councils from 2013 until 2023, newest first: each generation as
 * it stood from the day its reorganisation took effect (a district that had
 * ended by then is drawn as its successor) until the next.
 */
export const EARLIER_GENERATIONS = [
  { name: '2021', from: '2021-04-01' }, // North and West Northamptonshire
  { name: '2020', from: '2020-04-01' }, // Buckinghamshire
  { name: '2019', from: '2019-04-01' }, // Dorset; Bournemouth, Christchurch and Poole; East and West Suffolk; Somerset West and Taunton
  { name: '2013', from: null },
] as const;

const loaded = new Map<string, Promise<AreaMaps>>();

export function loadBoundaries(referenceDir: string): Promise<AreaMaps> {
  const key = path.resolve(referenceDir);
  let boundaries = loaded.get(key);
  if (boundaries === undefined) {
    boundaries = readBoundaries(key);
    loaded.set(key, boundaries);
    boundaries.catch(() => loaded.delete(key));
  }
  return boundaries;
}

async function readBoundaries(referenceDir: string): Promise<AreaMaps> {
  const read = async (file: string) => ({ topology: await readTopology(path.join(referenceDir, file)), file: path.join(referenceDir, file) });
  const [districts, upperTier, earlier] = await Promise.all([read(BOUNDARY_FILES.districts.file), read(BOUNDARY_FILES.upperTier.file), read(EARLIER_BOUNDARY_FILE)]);
  const map = (source: BoundarySource, areas: BoundaryCollection, attribution: string) => ({ geometry: drawMap(feature(source.topology, areas).features as MapFeature[]), attribution });
  const first = { districts: areasOf(earlier, 'districts_2013'), upperTier: areasOf(earlier, 'upper_tier_2013') };
  return {
    districts: map(districts, areasOf(districts, BOUNDARY_FILES.districts.object), MAP_ATTRIBUTION),
    upperTier: map(upperTier, areasOf(upperTier, BOUNDARY_FILES.upperTier.object), MAP_ATTRIBUTION),
    earlier: EARLIER_GENERATIONS.map(({ name, from }) => ({
      name,
      from,
      districts: map(earlier, from === null ? first.districts : withChanges(first.districts, areasOf(earlier, `districts_${name}`)), MAP_ATTRIBUTION_2013),
      upperTier: map(earlier, from === null ? first.upperTier : withChanges(first.upperTier, areasOf(earlier, `upper_tier_${name}`)), MAP_ATTRIBUTION_2013),
    })),
  };
}

interface BoundarySource {
  readonly topology: Topology;
  readonly file: string;
}

function areasOf(source: BoundarySource, object: string): BoundaryCollection {
  const areas = source.topology.objects[object];
  if (areas === undefined || areas.type !== 'GeometryCollection') throw new Error(`the boundary file ${source.file} has no '${object}' areas`);
  return areas as BoundaryCollection;
}

/** A later generation: the first one's areas, but those that a change replaces, and the changes. */
function withChanges(first: BoundaryCollection, changes: BoundaryCollection): BoundaryCollection {
  const replaced = new Set(changes.geometries.flatMap((area) => area.properties.replaces ?? []));
  return { type: 'GeometryCollection', geometries: [...first.geometries.filter((area) => !replaced.has(area.id)), ...changes.geometries] };
}

async function readTopology(file: string): Promise<Topology> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'is missing' : `cannot be read (${(error as Error).message})`;
    throw new Error(`the boundary file ${file} ${reason}`, { cause: error });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new Error(`the boundary file ${file} is not JSON: ${(error as Error).message}`, { cause: error });
  }
  if (!isTopology(parsed)) throw new Error(`the boundary file ${file} is not a TopoJSON topology`);
  return parsed;
}

function isTopology(value: unknown): value is Topology {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { type?: unknown; objects?: unknown; arcs?: unknown };
  return candidate.type === 'Topology' && typeof candidate.objects === 'object' && candidate.objects !== null && Array.isArray(candidate.arcs);
}
