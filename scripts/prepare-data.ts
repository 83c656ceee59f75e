// Prepares the reference data Lantern ships with, in data/reference, from the
// public data in ../shared/data (or the folder given):
//
//   node --import tsx scripts/prepare-data.ts [SOURCE] [--out PROJECT]
//
// - the register of local authorities, copied as published, and England's
//   nine regions (codes and names, from the ONS regions boundary file);
// - the migration that loads them into every store
//   (src/store/migrations/005-reference-areas.sql), and the other names it
//   gives them (024-area-other-names.sql). The register is read once,
//   by Lantern's own import path, into a throwaway embedded store, and the
//   areas it makes are written out as plain rows. So the rules for reading the
//   register (types, regions, counties, end dates, successors) live only in
//   src/ingest/import-areas.ts; the store, which may not import the ingest
//   code, only runs SQL; and a new store loads the rows in milliseconds;
// - England's boundaries for maps as TopoJSON, simplified once here so that
//   Lantern's start-up only draws them: districts (May 2024) and upper tier
//   (December 2023), and those from 2013 until 2023 (see earlierBoundaries),
//   for maps of periods before the reorganisations of 2019 to 2023;
// - the published neighbour sets (ONS nearest neighbours of February 2025,
//   DfE children's services statistical neighbours of 2025), copied as
//   published, and the migration that loads each English council's sets
//   (src/store/migrations/018-published-neighbour-sets.sql).
//
// Running it again over the same sources writes the same bytes. Each folder's
// PROVENANCE.md says where the files came from and under what licence.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FeatureCollection } from 'geojson';
import Papa from 'papaparse';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { importFile } from '../src/ingest/import-file.ts';
import { AREA_COLUMNS, queryAreas, type Area } from '../src/store/catalogue.ts';
import { openStore } from '../src/store/store.ts';
import { EARLIER_GENERATIONS } from '../src/server/features/explore/boundaries.ts';
import { mergeBoundaries, simplifyBoundaries, type BoundaryCollection, type BoundaryTopology } from '../src/web/maps/simplify-boundaries.ts';

const PROJECT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** The share of boundary points the maps keep: 8% keeps every district recognisable at 600 wide in 36 KB of paths, so that a metric page with its map stays under 200 KB. */
const MAP_QUANTILE = 0.08;
/** The 2013 file is drawn with many more points (137,000 in England): 1% of them makes a map of about the same weight (41 KB of district paths at 600 wide). */
const MAP_QUANTILE_2013 = 0.01;

const REGISTER = ['uk-local-authorities', 'uk_local_authorities.csv'];
const REGIONS = ['boundaries-2023-2024', 'regions_dec_2023_en.csv'];
const DISTRICTS = ['boundaries-2023-2024', 'local_authority_districts_may_2024_en.topo.json'];
const UPPER_TIER = ['boundaries-2023-2024', 'counties_and_unitary_authorities_dec_2023_en.topo.json'];
const DISTRICTS_2013 = ['boundaries-england-lad-2013', 'lad_2013_en.topo.json'];
const LICENCE_2013 = ['boundaries-england-lad-2013', 'LICENCE.md'];
export const MIGRATION = ['src', 'store', 'migrations', '005-reference-areas.sql'];
export const OTHER_NAMES_MIGRATION = ['src', 'store', 'migrations', '024-area-other-names.sql'];
const ONS_NEIGHBOURS = ['neighbours', 'ons_nearest_neighbours_feb2025_long.csv'];
const DFE_NEIGHBOURS = ['neighbours', 'dfe_cs_statistical_neighbours_2025_long.csv'];
export const NEIGHBOURS_MIGRATION = ['src', 'store', 'migrations', '018-published-neighbour-sets.sql'];

interface Folders {
  readonly source: string;
  readonly out: string;
}

async function main(argv: readonly string[]): Promise<void> {
  const folders = readArguments(argv);
  const reference = (parts: readonly string[]) => path.join(folders.out, 'data', 'reference', ...parts);
  const source = (...parts: string[]) => path.join(folders.source, ...parts);

  write(reference(REGISTER), corrected(fs.readFileSync(source('uk-local-authorities', 'uk_local_authorities.csv'), 'utf8')));
  write(reference(REGIONS), regionsCsv(readJson(source('boundaries-2023-2024', 'regions_dec_2023_en_buc.geojson'))));
  const areas = await areasThroughImport(reference(REGIONS), reference(REGISTER));
  write(path.join(folders.out, ...MIGRATION), areasMigration(areas));
  write(path.join(folders.out, ...OTHER_NAMES_MIGRATION), otherNamesMigration(areas));

  const english = (code: string) => code.startsWith('E');
  const districts = simplifyBoundaries(readJson(source('boundaries-2023-2024', 'local_authority_districts_may_2024_uk_bsc.geojson')), {
    codeProperty: 'LAD24CD',
    nameProperty: 'LAD24NM',
    keep: english,
    quantile: MAP_QUANTILE,
  });
  write(reference(DISTRICTS), JSON.stringify(named(districts, { districts: districts.objects.areas })));
  const upperTier = simplifyBoundaries(readJson(source('boundaries-2023-2024', 'counties_and_unitary_authorities_dec_2023_uk_bsc.geojson')), {
    codeProperty: 'CTYUA23CD',
    nameProperty: 'CTYUA23NM',
    keep: english,
    quantile: MAP_QUANTILE,
  });
  write(reference(UPPER_TIER), JSON.stringify(named(upperTier, { upper_tier: upperTier.objects.areas })));
  write(reference(DISTRICTS_2013), JSON.stringify(earlierBoundaries(readJson(source('boundaries-england-lad-2013', 'topo_lad.json')), areas)));
  copy(source('boundaries-england-lad-2013', 'LICENCE.md'), reference(LICENCE_2013));

  copy(source(...ONS_NEIGHBOURS), reference(ONS_NEIGHBOURS));
  copy(source(...DFE_NEIGHBOURS), reference(DFE_NEIGHBOURS));
  const known = new Set(areas.map((area) => area.code));
  write(
    path.join(folders.out, ...NEIGHBOURS_MIGRATION),
    neighboursMigration([...onsNeighbours(fs.readFileSync(reference(ONS_NEIGHBOURS), 'utf8')), ...dfeNeighbours(fs.readFileSync(reference(DFE_NEIGHBOURS), 'utf8'))], known),
  );
}

/** One neighbour of a council in a published set: its publisher's model, its rank, and the publisher's word for how close it is, where it gives one. */
interface PublishedNeighbour {
  readonly source: 'ons-2025-02' | 'dfe-cs-2025';
  readonly model: string;
  readonly areaCode: string;
  readonly rank: number;
  readonly neighbourCode: string;
  readonly closeness: string | null;
}

function onsNeighbours(csv: string): PublishedNeighbour[] {
  return rowsOf(csv).map((row) => ({
    source: 'ons-2025-02',
    model: row.model!,
    areaCode: row.area_code!,
    rank: Number(row.rank),
    neighbourCode: row.neighbour_code!,
    closeness: null,
  }));
}

function dfeNeighbours(csv: string): PublishedNeighbour[] {
  return rowsOf(csv).map((row) => ({
    source: 'dfe-cs-2025',
    model: 'childrens_services',
    areaCode: row.gss_code!,
    rank: Number(row.rank),
    neighbourCode: row.sn_gss_code!,
    closeness: row.sn_proximity || null,
  }));
}

function rowsOf(csv: string): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(csv, { header: true, skipEmptyLines: true }).data;
}

/**
 * The sets of English councils, as rows, in the publishers' order. Lantern
 * compares English councils, so the sets of Welsh, Scottish and Northern
 * Irish councils are left out (an English council's neighbour may still be
 * one of them). Every code is checked against the register here, not by a
 * reference to the area table, which tests and this script empty and fill
 * again.
 */
export function neighboursMigration(neighbours: readonly PublishedNeighbour[], known: ReadonlySet<string>): string {
  const english = neighbours.filter((n) => n.areaCode.startsWith('E')).sort((a, b) => compare(a.source, b.source) || compare(a.model, b.model) || compare(a.areaCode, b.areaCode) || a.rank - b.rank);
  const unknown = english.filter((n) => !known.has(n.areaCode) || !known.has(n.neighbourCode));
  if (unknown.length > 0) throw new Error(`published neighbours not in the register: ${[...new Set(unknown.map((n) => `${n.areaCode}>${n.neighbourCode}`))].slice(0, 5).join(', ')}`);
  const rows = english.map((n) => `  (${[sqlValue(n.source), sqlValue(n.model), sqlValue(n.areaCode), String(n.rank), sqlValue(n.neighbourCode), sqlValue(n.closeness)].join(', ')})`);
  return [
    "-- The neighbour sets published for English councils: the ONS's nearest",
    '-- neighbours (February 2025; global, economic and demographic models, 20',
    "-- each) and the DfE's children's services statistical neighbours (2025, 10",
    '-- each, with how close each is). Offered as comparator groups people',
    '-- recognise, beside those Lantern computes (data/reference/neighbours, see',
    '-- its PROVENANCE.md). Generated by `node --import tsx scripts/prepare-data.ts`:',
    '-- do not edit by hand.',
    'create table published_neighbour (',
    "  source         text not null check (source in ('ons-2025-02', 'dfe-cs-2025')),",
    '  model          text not null,',
    '  area_code      text not null,',
    '  rank           smallint not null check (rank >= 1),',
    '  neighbour_code text not null,',
    '  closeness      text,',
    '  primary key (area_code, source, model, rank)',
    ');',
    'insert into published_neighbour (source, model, area_code, rank, neighbour_code, closeness) values',
    rows.join(',\n') + ';',
    '',
  ].join('\n');
}

function readArguments(argv: readonly string[]): Folders {
  const outAt = argv.indexOf('--out');
  const out = outAt >= 0 ? argv[outAt + 1] : undefined;
  if (outAt >= 0 && !out) throw new Error('--out needs a folder');
  const positional = argv.filter((_, i) => i !== outAt && i !== outAt + 1);
  if (positional.length > 1) throw new Error('usage: node --import tsx scripts/prepare-data.ts [SOURCE] [--out PROJECT]');
  return { source: path.resolve(positional[0] ?? path.join(PROJECT_DIR, '..', 'shared', 'data')), out: path.resolve(out ?? PROJECT_DIR) };
}

/**
 * Mistakes in the register as published, each put right here and in its
 * PROVENANCE.md: the register is otherwise copied byte for byte.
 */
const REGISTER_CORRECTIONS = [
  // Forest Heath was a district of Suffolk, as West Suffolk, which it became, is; the register gives Surrey.
  { registerCode: 'FOR', column: 'county-la', published: 'SRY', correct: 'SFK' },
  // Two alt-names reached the register already mis-decoded: Anglesey's Welsh name lost its ô to a replacement character, itself
  // decoded again as Latin-1 (Mï¿½n, and ynys mn), and Swansea's English name has a stray character and no-break space.
  {
    registerCode: 'AGY',
    column: 'alt-names',
    published: 'Isle of Anglesey,Sir Ynys M\u00ef\u00bf\u00bdn,anglesey,isle of anglesey,isle of anglesey county council,ynys mn',
    correct: 'Isle of Anglesey,Sir Ynys Môn,anglesey,isle of anglesey,isle of anglesey county council,ynys môn',
  },
  {
    registerCode: 'SWA',
    column: 'alt-names',
    published: 'Swansea,Abertawe,City\u00ef\u00be\u00a0and County of Swansea,abertawe,city and county of swansea council,swansea,swansea city council',
    correct: 'Swansea,Abertawe,City and County of Swansea,abertawe,city and county of swansea council,swansea,swansea city council',
  },
] as const;

function corrected(register: string): string {
  const lines = register.split('\n');
  const header = Papa.parse<string[]>(lines[0]!).data[0]!;
  for (const correction of REGISTER_CORRECTIONS) {
    const at = lines.findIndex((line) => line.startsWith(`${correction.registerCode},`));
    const row = at < 0 ? undefined : Papa.parse<string[]>(lines[at]!).data[0];
    const column = header.indexOf(correction.column);
    if (!row || row[column] !== correction.published)
      throw new Error(`the register no longer has ${correction.registerCode}'s ${correction.column} as ${correction.published}: review REGISTER_CORRECTIONS`);
    row[column] = correction.correct;
    lines[at] = Papa.unparse([row]);
  }
  return lines.join('\n');
}

/** England's regions in Lantern's areas format, by code. */
function regionsCsv(regions: FeatureCollection): string {
  const rows = regions.features.map((region) => [String(region.properties?.RGN23CD), String(region.properties?.RGN23NM)]).sort(([a], [b]) => compare(a!, b!));
  return ['code,name,type,nation', ...rows.map(([code, name]) => `${code},${csvCell(name!)},region,England`)].join('\n') + '\n';
}

/** The regions and the register imported as a user would, into a throwaway store: the areas Lantern makes of them. */
async function areasThroughImport(regionsFile: string, registerFile: string): Promise<Area[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-prepare-'));
  const store = await openStore({ dataDir, role: 'prepare-data', maxConnections: 2 });
  try {
    // The store's migrations include the rows of an earlier run: start from the register's absence, as a new store did.
    await store.sql`delete from area where type <> 'england'`;
    for (const [file, skipInvalid] of [
      [regionsFile, false],
      [registerFile, true],
    ] as const) {
      const result = await importFile(store.sql, { fileName: path.basename(file), input: fs.createReadStream(file), importedBy: 'prepare-data', skipInvalid });
      if (result.status !== 'loaded') throw new Error(`${file} was rejected: ${result.rejections.map((r) => r.reason).join('; ')}`);
      process.stderr.write(
        `  ${path.basename(file)}: ${result.inserted} areas; ${result.rejected} rows rejected${result.rejected > 0 ? ` (${[...new Set(result.rejections.map((r) => r.reason.replace(/^.* has no GSS code/, 'no GSS code')))].join('; ')})` : ''}\n`,
      );
    }
    const areas = await queryAreas(store.sql, { limit: 100_000, offset: 0 });
    return areas.filter((area) => area.type !== 'england').sort((a, b) => compare(a.code, b.code));
  } finally {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The areas as one insert, row by row; rows already in a store (from an earlier demo) stay as they are. */
export function areasMigration(areas: readonly Area[]): string {
  // Other names came later, with their own migration: 005 keeps the columns it was written with.
  const columns = (Object.entries(AREA_COLUMNS) as [keyof Area, string][]).filter(([field]) => field !== 'otherNames');
  const rows = areas.map((area) => `  (${columns.map(([field]) => sqlValue(area[field])).join(', ')})`);
  return [
    "-- The areas Lantern ships with: England's nine regions and every local authority",
    "-- of the register, past and present, as Lantern's own import reads them",
    '-- (data/reference, see its PROVENANCE.md files). Generated by',
    '-- `node --import tsx scripts/prepare-data.ts`: do not edit by hand.',
    `insert into area (${columns.map(([, column]) => column).join(', ')}) values`,
    rows.join(',\n'),
    'on conflict (code) do nothing;',
    '',
  ].join('\n');
}

/**
 * The register's other names of each area that has any (Welsh names among
 * them), set on the areas migration 005 made. Stores made before the column
 * get them too; no change is recorded in the areas' history, as none was
 * made to what they are.
 */
export function otherNamesMigration(areas: readonly Area[]): string {
  const named = areas.filter((area) => area.otherNames.length > 0);
  return [
    "-- Other names of the areas Lantern ships with, from the register's alt-names",
    '-- (Welsh names such as Caerdydd and Sir Ynys Môn among them), so that search',
    '-- finds a council by any of them. Generated by',
    '-- `node --import tsx scripts/prepare-data.ts`: do not edit by hand.',
    "alter table area add column other_names text[] not null default '{}';",
    'alter table area disable trigger area_history;',
    'update area set other_names = named.names from (values',
    named.map((area) => `  (${sqlValue(area.code)}, ${sqlValue(area.otherNames)})`).join(',\n'),
    ') as named (code, names) where area.code = named.code;',
    'alter table area enable trigger area_history;',
    '',
  ].join('\n');
}

function sqlValue(value: string | readonly string[] | null): string {
  if (value === null) return 'null';
  if (typeof value === 'string') return `'${value.replace(/'/g, "''")}'`;
  return value.length === 0 ? "'{}'" : `array[${value.map(sqlValue).join(', ')}]`;
}

/**
 * England's districts from 2013 until the reorganisations of 2023, and the
 * upper tier they made, as one topology whose objects share their borders:
 * those of 2013, and what changed at each reorganisation until 2023 (see
 * EARLIER_GENERATIONS), each district that had ended by then merged into its
 * successor (every reorganisation since 2013 joined whole districts, so no
 * shape is needed that the 2013 file lacks). Publishers recast old figures
 * onto later councils, so a 2015/16 file may hold Cumbria's districts of
 * 2013 beside East Suffolk of 2019: the generation of 2021 draws both.
 *
 * The upper tier is each county's districts merged into it, and each unitary,
 * metropolitan district and London borough as it is: merged, not today's
 * upper tier, because a county reorganised since (Cumbria, Northamptonshire,
 * Somerset, North Yorkshire, Dorset, Buckinghamshire) holds its figures
 * under its own code, which today's boundaries no longer have.
 *
 * A district whose code changed for a small boundary change after 2013
 * (Gateshead, Northumberland, four in Hertfordshire) is keyed by the code the
 * register knows it by, the old code being among its former_codes.
 */
function earlierBoundaries(source: Topology, areas: readonly Area[]): BoundaryTopology<string> {
  const byCode = new Map(areas.map((area) => [area.code, area]));
  const byFormerCode = new Map(areas.flatMap((area) => area.formerCodes.map((former) => [former, area] as const)));
  const collection = feature(source, source.objects.lad!) as FeatureCollection;
  for (const district of collection.features) {
    const code = String(district.properties?.LAD13CD);
    const area = byCode.get(code) ?? byFormerCode.get(code);
    if (!area) throw new Error(`the 2013 district ${code} is not in the register under its code or a former code`);
    district.properties = { ...district.properties, LAD13CD: area.code };
  }
  const districts = simplifyBoundaries(collection, { codeProperty: 'LAD13CD', nameProperty: 'LAD13NM', quantile: MAP_QUANTILE_2013 });
  const upperTier2013 = (code: string) => upperTierOf(byCode, byCode.get(code)!);
  const objects: Record<string, BoundaryCollection> = { districts_2013: districts.objects.areas, upper_tier_2013: mergeBoundaries(districts, upperTier2013) };
  for (const { name, from } of EARLIER_GENERATIONS) {
    if (from === null) continue;
    const standing = (code: string) => standingAt(byCode, code, from);
    objects[`districts_${name}`] = changesSince2013(districts, (code) => byCode.get(code)!, standing);
    objects[`upper_tier_${name}`] = changesSince2013(districts, upperTier2013, (code) => upperTierOf(byCode, standing(code)));
  }
  return named(districts, objects);
}

/**
 * A later generation as the areas that differ from 2013's, each merged from
 * 2013's districts and naming in `replaces` the 2013 areas it stands for:
 * the rest of 2013's map is unchanged, and kept once in the file.
 */
function changesSince2013(districts: BoundaryTopology, in2013: (code: string) => Area, later: (code: string) => Area): BoundaryCollection {
  const membersBy = (groupOf: (code: string) => Area) => {
    const members = new Map<string, string[]>();
    for (const { id } of districts.objects.areas.geometries) members.set(groupOf(id).code, [...(members.get(groupOf(id).code) ?? []), id]);
    return members;
  };
  const before = membersBy(in2013);
  const after = membersBy(later);
  const changed = mergeBoundaries(districts, later).geometries.filter((area) => before.get(area.id)?.join() !== after.get(area.id)!.join());
  const geometries = changed.map((area) => {
    const members = new Set(after.get(area.id));
    const replaces = [...before].filter(([, old]) => old.some((code) => members.has(code))).map(([code]) => code);
    return { ...area, properties: { name: area.properties.name, replaces } };
  });
  return { type: 'GeometryCollection', geometries };
}

/** The area a 2013 district had become by a day (itself, when nothing had ended by then, or before any day). */
function standingAt(byCode: ReadonlyMap<string, Area>, code: string, day: string | null): Area {
  let area = byCode.get(code)!;
  while (day !== null && area.endDate !== null && area.endDate <= day) {
    const [successor, ...others] = area.successorCodes;
    if (successor === undefined || others.length > 0) throw new Error(`${area.name} (${area.code}) ended by ${day} without one successor`);
    area = byCode.get(successor)!;
  }
  return area;
}

/** A district's county; any other council is its own upper tier. */
function upperTierOf(byCode: ReadonlyMap<string, Area>, area: Area): Area {
  if (area.type !== 'district') return area;
  const county = area.countyCode ? byCode.get(area.countyCode) : undefined;
  if (!county) throw new Error(`the district ${area.name} (${area.code}) has no county in the register`);
  return county;
}

function named<K extends string>(shapes: BoundaryTopology, objects: BoundaryTopology<K>['objects']): BoundaryTopology<K> {
  return { type: 'Topology', bbox: shapes.bbox, transform: shapes.transform, objects, arcs: shapes.arcs } as BoundaryTopology<K>;
}

function readJson<T = FeatureCollection>(file: string): T {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as T;
}

function copy(from: string, to: string): void {
  write(to, fs.readFileSync(from));
}

function write(file: string, content: string | Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, content);
  process.stderr.write(`wrote ${file} (${(Buffer.byteLength(content) / 1024).toFixed(1)} KB)\n`);
}

function csvCell(text: string): string {
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    process.stderr.write(`prepare-data: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  });
}
