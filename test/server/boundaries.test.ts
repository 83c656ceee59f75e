// England's maps from the boundaries Lantern ships with (data/reference): the
// right areas (counted here from the ONS and 2013 source files themselves),
// the same drawing as simplifying the sources at start-up would make, every
// path drawn within its byte budget at 600 wide, the older generation keyed
// by the codes the register knows, prepared once per folder, and a clear
// error naming a missing or malformed file.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Papa from 'papaparse';
import { REFERENCE_DATA_DIR } from '../../src/config.ts';
import { BOUNDARY_FILES, EARLIER_BOUNDARY_FILE, MAP_ATTRIBUTION, loadBoundaries } from '../../src/server/features/explore/boundaries.ts';
import type { AreaMaps } from '../../src/web/views/comparison-map.ts';
import { prepareMap, type MapGeometry } from '../../src/web/maps/prepare-map.ts';
import { choroplethMap } from '../../src/web/maps/choropleth.ts';
import { assertAccessibleSvg } from '../web/charts/chart-checks.ts';
import { sharedFile } from '../support/data.ts';

const DISTRICT_SOURCE = sharedFile('boundaries-2023-2024', 'local_authority_districts_may_2024_uk_bsc.geojson');
const UPPER_TIER_SOURCE = sharedFile('boundaries-2023-2024', 'counties_and_unitary_authorities_dec_2023_uk_bsc.geojson');
const DISTRICT_BUDGET = 60_000;
const UPPER_TIER_BUDGET = 50_000;

/** The English codes in a boundary file, read straight from it. */
function englishCodes(file: string, property: string): Set<string> {
  const collection = JSON.parse(fs.readFileSync(file, 'utf8')) as { features: { properties: Record<string, string> }[] };
  return new Set(collection.features.map((feature) => feature.properties[property] ?? '').filter((code) => code.startsWith('E')));
}

/** The 2013 districts' codes as the source file has them. */
function codes2013(): Set<string> {
  const topology = JSON.parse(fs.readFileSync(sharedFile('boundaries-england-lad-2013', 'topo_lad.json'), 'utf8')) as { objects: { lad: { geometries: { properties: { LAD13CD: string } }[] } } };
  return new Set(topology.objects.lad.geometries.map((g) => g.properties.LAD13CD));
}

function pathBytes(map: MapGeometry): number {
  let bytes = 0;
  for (const area of map.areas.values()) bytes += Buffer.byteLength(area.path);
  return bytes;
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-boundaries-'));
}

/** A copy of the reference boundaries in a folder of its own, to break. */
function copyOfReference(): string {
  const dir = tempDir();
  for (const file of [...Object.values(BOUNDARY_FILES).map((b) => b.file), EARLIER_BOUNDARY_FILE]) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(path.join(REFERENCE_DATA_DIR, file), path.join(dir, file));
  }
  return dir;
}

/** A generation of the earlier boundaries, by name. */
function generation(maps: AreaMaps, name: string) {
  const found = maps.earlier.find((g) => g.name === name);
  assert.ok(found, `the generation of ${name}`);
  return found;
}

describe('loadBoundaries', () => {
  it('draws every English district of May 2024 (296) and every English upper-tier area of December 2023', async (t) => {
    const started = performance.now();
    const { districts, upperTier } = await loadBoundaries(REFERENCE_DATA_DIR);
    t.diagnostic(`first load of the four maps: ${Math.round(performance.now() - started)} ms`);
    const districtCodes = englishCodes(DISTRICT_SOURCE, 'LAD24CD');
    assert.equal(districtCodes.size, 296);
    assert.deepEqual(new Set(districts.geometry.areas.keys()), districtCodes);
    assert.deepEqual(new Set(upperTier.geometry.areas.keys()), englishCodes(UPPER_TIER_SOURCE, 'CTYUA23CD'));
    assert.equal(districts.geometry.areas.get('E06000047')?.name, 'County Durham');
    assert.equal(upperTier.geometry.areas.get('E10000032')?.name, 'West Sussex');
    assert.equal(districts.attribution, MAP_ATTRIBUTION);
  });

  it('draws exactly what simplifying the ONS files to 8% of their points at start-up drew', async () => {
    const { districts, upperTier } = await loadBoundaries(REFERENCE_DATA_DIR);
    const english = (code: string) => code.startsWith('E');
    const source = (file: string) => JSON.parse(fs.readFileSync(file, 'utf8'));
    assert.deepEqual(districts.geometry, prepareMap(source(DISTRICT_SOURCE), { codeProperty: 'LAD24CD', nameProperty: 'LAD24NM', keep: english, quantile: 0.08 }));
    assert.deepEqual(upperTier.geometry, prepareMap(source(UPPER_TIER_SOURCE), { codeProperty: 'CTYUA23CD', nameProperty: 'CTYUA23NM', keep: english, quantile: 0.08 }));
  });

  it("draws 2013's 326 districts under the register's codes, and 2013's upper tier of 152 with each county whole", async () => {
    const { districts: districts2013, upperTier: upperTier2013 } = generation(await loadBoundaries(REFERENCE_DATA_DIR), '2013');
    const drawn = new Set(districts2013.geometry.areas.keys());
    assert.equal(drawn.size, 326);
    // The register's former codes: Gateshead, Northumberland and four districts of Hertfordshire changed code with small boundary changes.
    const renamed = new Map([
      ['E08000020', 'E08000037'],
      ['E06000048', 'E06000057'],
      ['E07000097', 'E07000242'],
      ['E07000100', 'E07000240'],
      ['E07000101', 'E07000243'],
      ['E07000104', 'E07000241'],
    ]);
    assert.deepEqual(drawn, new Set([...codes2013()].map((code) => renamed.get(code) ?? code)));
    for (const code of ['E07000026', 'E07000027', 'E07000028', 'E07000029', 'E07000030', 'E07000031']) assert.ok(drawn.has(code), `Cumbria's district ${code}`);
    const upper = upperTier2013.geometry.areas;
    // 27 counties, 56 unitary authorities, 36 metropolitan districts and 33 London boroughs, as England was from 2009 to 2019.
    const byPrefix = (prefix: string) => [...upper.keys()].filter((code) => code.startsWith(prefix)).length;
    assert.deepEqual([byPrefix('E10'), byPrefix('E06'), byPrefix('E08'), byPrefix('E09'), byPrefix('E07')], [27, 56, 36, 33, 0]);
    for (const county of ['E10000006', 'E10000021', 'E10000023', 'E10000027', 'E10000009', 'E10000002']) assert.ok(upper.has(county), county);
    assert.equal(upper.get('E10000006')?.name, 'Cumbria');
    assert.match(districts2013.attribution, /Martin Chorley.*CC BY 4\.0/);
    assert.equal(upperTier2013.attribution, districts2013.attribution);
  });

  it('draws each later generation as 2013 with the councils of its reorganisations, and none of the councils they replaced', async () => {
    const maps = await loadBoundaries(REFERENCE_DATA_DIR);
    assert.deepEqual(
      maps.earlier.map((g) => [g.name, g.from]),
      [
        ['2021', '2021-04-01'],
        ['2020', '2020-04-01'],
        ['2019', '2019-04-01'],
        ['2013', null],
      ],
    );
    const [g2021, g2020, g2019, g2013] = ['2021', '2020', '2019', '2013'].map((name) => generation(maps, name).districts.geometry.areas);
    // From the register: in 2019 twelve districts and two unitary authorities became five councils; in 2020 Buckinghamshire's four districts one; in 2021 Northamptonshire's seven two.
    assert.deepEqual([g2013!.size, g2019!.size, g2020!.size, g2021!.size], [326, 326 - 14 + 5, 326 - 14 + 5 - 4 + 1, 326 - 14 + 5 - 4 + 1 - 7 + 2]);
    for (const [areas, present, absent] of [
      [g2019!, ['E06000058', 'E07000244', 'E07000246', 'E07000004'], ['E07000048', 'E07000205', 'E06000060']],
      [g2020!, ['E06000060', 'E07000150'], ['E07000004', 'E06000061']],
      [g2021!, ['E06000061', 'E06000062', 'E07000026', 'E07000187'], ['E07000150', 'E06000063']],
    ] as const) {
      for (const code of present) assert.ok(areas.has(code), `${code} is drawn`);
      for (const code of absent) assert.ok(!areas.has(code), `${code} is not drawn`);
    }
    const upper2021 = generation(maps, '2021').upperTier.geometry.areas;
    assert.ok(upper2021.has('E10000006') && upper2021.has('E06000061') && !upper2021.has('E10000021') && !upper2021.has('E10000009'));
    assert.equal(upper2021.get('E10000029')?.path, generation(maps, '2013').upperTier.geometry.areas.get('E10000029')?.path, 'Suffolk is as it was');
  });

  it('gives every area a non-empty path and a centre on the map', async () => {
    const maps = await loadBoundaries(REFERENCE_DATA_DIR);
    for (const { geometry: map } of [maps.districts, maps.upperTier, ...maps.earlier.flatMap((g) => [g.districts, g.upperTier])]) {
      assert.equal(map.width, 600);
      assert.equal(map.viewBox, `0 0 600 ${map.height}`);
      for (const [code, area] of map.areas) {
        assert.match(area.path, /^m[\d.]+ [\d.]+/, code);
        assert.ok(area.path.includes('z'), `${code} closes its rings`);
        assert.ok(area.centre !== undefined, `${code} has a centre`);
        const [x, y] = area.centre;
        assert.ok(x >= 0 && x <= map.width && y >= 0 && y <= map.height, `${code} centre ${x},${y}`);
      }
    }
  });

  it('keeps the paths within budget at 600 wide: districts 60 KB, upper tier 50 KB', async (t) => {
    const maps = await loadBoundaries(REFERENCE_DATA_DIR);
    for (const [name, map, budget] of [
      ['districts', maps.districts, DISTRICT_BUDGET],
      ['upper tier', maps.upperTier, UPPER_TIER_BUDGET],
      ...maps.earlier.flatMap(
        (g) =>
          [
            [`${g.name} districts`, g.districts, DISTRICT_BUDGET],
            [`${g.name} upper tier`, g.upperTier, UPPER_TIER_BUDGET],
          ] as const,
      ),
    ] as const) {
      const bytes = pathBytes(map.geometry);
      t.diagnostic(`${name}: paths ${bytes} bytes (${map.geometry.viewBox})`);
      assert.ok(bytes <= budget, `${name}: ${bytes} bytes`);
      assert.ok(bytes > 15_000, `${name}: not simplified out of recognition`);
    }
  });

  it('places London inside England and the north above the south', async () => {
    const { districts } = await loadBoundaries(REFERENCE_DATA_DIR);
    const [westminster, northumberland, cornwall, norfolk] = ['E09000033', 'E06000057', 'E06000052', 'E10000020'].map((code) => districts.geometry.areas.get(code)?.centre);
    const norwich = districts.geometry.areas.get('E07000148')?.centre;
    assert.ok(westminster && northumberland && cornwall && norwich && norfolk === undefined);
    assert.ok(northumberland[1] < westminster[1] && westminster[1] < cornwall[1] + 50, 'north above south');
    assert.ok(cornwall[0] < westminster[0] && westminster[0] < norwich[0], 'west to east');
  });

  it('draws a whole choropleth of the districts, well formed', async (t) => {
    const { districts } = await loadBoundaries(REFERENCE_DATA_DIR);
    const svg = choroplethMap(districts.geometry, {
      id: 'districts',
      title: 'Districts',
      description: 'Every district.',
      fills: new Map(),
      chosen: 'E06000047',
      legend: [],
      attribution: districts.attribution,
    });
    assertAccessibleSvg(svg, 'districts');
    t.diagnostic(`the district map as SVG with no fills: ${svg.length} bytes`);
  });

  it('prepares each folder once: a second call gets the same maps', async () => {
    const first = loadBoundaries(REFERENCE_DATA_DIR);
    const second = loadBoundaries(path.join(REFERENCE_DATA_DIR, '.'));
    assert.equal(first, second);
    assert.equal((await first).districts, (await second).districts);
  });

  it('names a missing file', async () => {
    const dir = copyOfReference();
    fs.rmSync(path.join(dir, BOUNDARY_FILES.upperTier.file));
    await assert.rejects(loadBoundaries(dir), (error: Error) => error.message.includes(BOUNDARY_FILES.upperTier.file) && error.message.includes('is missing'));
    await assert.rejects(loadBoundaries(path.join(dir, 'nowhere')), /is missing/);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names a file that is not a topology, not JSON or without its areas, and tries again once it is fixed', async () => {
    const dir = copyOfReference();
    const file = path.join(dir, EARLIER_BOUNDARY_FILE);
    const named = (words: string) => new RegExp(`${path.basename(file).replace(/\./g, '\\.')} ${words}`);
    fs.writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [] }));
    await assert.rejects(loadBoundaries(dir), named('is not a TopoJSON topology'));
    fs.writeFileSync(file, '{"type": "Topology", "objects": {');
    await assert.rejects(loadBoundaries(dir), named('is not JSON'));
    fs.writeFileSync(file, JSON.stringify({ type: 'Topology', objects: {}, arcs: [] }));
    await assert.rejects(loadBoundaries(dir), named("has no 'districts_2013' areas"));
    fs.copyFileSync(path.join(REFERENCE_DATA_DIR, EARLIER_BOUNDARY_FILE), file);
    assert.equal(generation(await loadBoundaries(dir), '2013').upperTier.geometry.areas.size, 152);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});

describe('the reference boundaries', () => {
  it("cover the register: every current English council of the register is on today's districts or upper tier", async () => {
    const { districts, upperTier } = await loadBoundaries(REFERENCE_DATA_DIR);
    const register = Papa.parse<Record<string, string>>(fs.readFileSync(path.join(REFERENCE_DATA_DIR, 'uk-local-authorities', 'uk_local_authorities.csv'), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data;
    const councils = register.filter((row) => row.nation === 'England' && !row['end-date'] && ['NMD', 'UA', 'MD', 'LBO', 'CTY'].includes(row['local-authority-type'] ?? ''));
    const missing = councils.filter((row) => !districts.geometry.areas.has(row['gss-code']!) && !upperTier.geometry.areas.has(row['gss-code']!));
    assert.deepEqual(
      missing.map((row) => row['nice-name']),
      [],
    );
  });
});
