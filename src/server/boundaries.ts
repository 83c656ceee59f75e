/*
 * Boundaries: England's district and upper-tier maps, read from the ONS
 * boundary files beside the project (boundaries-2023-2024, see its
 * PROVENANCE.md) and prepared once per data folder: the first call reads and
 * simplifies (about half a second), every later call gets the same promise.
 * Only areas whose GSS code starts with E are kept. A missing file, or one
 * that is not a GeoJSON FeatureCollection, is an Error that names the file;
 * a failed load is forgotten, so a later call tries again.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FeatureCollection } from 'geojson';
import { prepareMap, type MapGeometry } from '../web/maps/prepare-map.ts';

export interface Boundaries {
  readonly districts: MapGeometry;
  readonly upperTier: MapGeometry;
}

/** The words every map drawn from these files carries, as the Open Government Licence asks. */
export const MAP_ATTRIBUTION = 'Contains OS data © Crown copyright and database right 2024. '
  + 'Source: Office for National Statistics licensed under the Open Government Licence v.3.0.';

export const BOUNDARIES_FOLDER = 'boundaries-2023-2024';

interface BoundaryFile {
  readonly file: string;
  readonly codeProperty: string;
  readonly nameProperty: string;
  /** The share of boundary points kept: 8% keeps every district recognisable at 600 wide in 36 KB of paths, so that a metric page with its map stays under 200 KB. */
  readonly quantile: number;
}

const DISTRICTS: BoundaryFile = { file: 'local_authority_districts_may_2024_uk_bsc.geojson', codeProperty: 'LAD24CD', nameProperty: 'LAD24NM', quantile: 0.08 };
const UPPER_TIER: BoundaryFile = { file: 'counties_and_unitary_authorities_dec_2023_uk_bsc.geojson', codeProperty: 'CTYUA23CD', nameProperty: 'CTYUA23NM', quantile: 0.08 };

const loaded = new Map<string, Promise<Boundaries>>();

export function loadBoundaries(dataDir: string): Promise<Boundaries> {
  const key = path.resolve(dataDir);
  let boundaries = loaded.get(key);
  if (boundaries === undefined) {
    boundaries = readBoundaries(key);
    loaded.set(key, boundaries);
    boundaries.catch(() => loaded.delete(key));
  }
  return boundaries;
}

async function readBoundaries(dataDir: string): Promise<Boundaries> {
  const [districts, upperTier] = await Promise.all([readMap(dataDir, DISTRICTS), readMap(dataDir, UPPER_TIER)]);
  return { districts, upperTier };
}

async function readMap(dataDir: string, boundary: BoundaryFile): Promise<MapGeometry> {
  const collection = await readCollection(path.join(dataDir, BOUNDARIES_FOLDER, boundary.file));
  return prepareMap(collection, {
    codeProperty: boundary.codeProperty,
    nameProperty: boundary.nameProperty,
    keep: (code) => code.startsWith('E'),
    quantile: boundary.quantile,
  });
}

async function readCollection(file: string): Promise<FeatureCollection> {
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
  if (!isFeatureCollection(parsed)) throw new Error(`the boundary file ${file} is not a GeoJSON FeatureCollection`);
  return parsed;
}

function isFeatureCollection(value: unknown): value is FeatureCollection {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as { type?: unknown; features?: unknown };
  return candidate.type === 'FeatureCollection' && Array.isArray(candidate.features);
}
