// England's maps from the real boundary files: the right number of districts
// and upper-tier areas (counted here from the files themselves), every path
// drawn, the paths within their byte budgets at 600 wide, prepared once per
// folder, and a clear error naming a missing or malformed file.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { BOUNDARIES_FOLDER, MAP_ATTRIBUTION, loadBoundaries } from '../../src/server/boundaries.ts';
import type { MapGeometry } from '../../src/web/maps/prepare-map.ts';
import { choroplethMap } from '../../src/web/maps/choropleth.ts';
import { assertAccessibleSvg } from '../web/charts/chart-checks.ts';
import { SHARED_DATA, sharedFile } from '../support/data.ts';

const DISTRICT_FILE = 'local_authority_districts_may_2024_uk_bsc.geojson';
const UPPER_TIER_FILE = 'counties_and_unitary_authorities_dec_2023_uk_bsc.geojson';
const DISTRICT_BUDGET = 60_000;
const UPPER_TIER_BUDGET = 50_000;

/** The English codes in a boundary file, read straight from it. */
function englishCodes(file: string, property: string): Set<string> {
  const collection = JSON.parse(fs.readFileSync(sharedFile(BOUNDARIES_FOLDER, file), 'utf8')) as { features: { properties: Record<string, string> }[] };
  return new Set(collection.features.map((feature) => feature.properties[property] ?? '').filter((code) => code.startsWith('E')));
}

function pathBytes(map: MapGeometry): number {
  let bytes = 0;
  for (const area of map.areas.values()) bytes += Buffer.byteLength(area.path);
  return bytes;
}

function tempDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-boundaries-'));
}

describe('loadBoundaries', () => {
  it('draws every English district of May 2024 (296) and every English upper-tier area of December 2023', async (t) => {
    const started = performance.now();
    const { districts, upperTier } = await loadBoundaries(SHARED_DATA);
    t.diagnostic(`first load: ${Math.round(performance.now() - started)} ms`);
    const districtCodes = englishCodes(DISTRICT_FILE, 'LAD24CD');
    const upperTierCodes = englishCodes(UPPER_TIER_FILE, 'CTYUA23CD');
    assert.equal(districtCodes.size, 296);
    assert.deepEqual(new Set(districts.areas.keys()), districtCodes);
    assert.deepEqual(new Set(upperTier.areas.keys()), upperTierCodes);
    t.diagnostic(`${districts.areas.size} districts, ${upperTier.areas.size} upper-tier areas`);
    assert.equal(districts.areas.get('E06000047')?.name, 'County Durham');
    assert.equal(upperTier.areas.get('E10000032')?.name, 'West Sussex');
  });

  it('gives every area a non-empty path and a centre on the map', async () => {
    const { districts, upperTier } = await loadBoundaries(SHARED_DATA);
    for (const map of [districts, upperTier]) {
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
    const { districts, upperTier } = await loadBoundaries(SHARED_DATA);
    const [districtBytes, upperTierBytes] = [pathBytes(districts), pathBytes(upperTier)];
    t.diagnostic(`district paths ${districtBytes} bytes (${districts.viewBox}); upper-tier paths ${upperTierBytes} bytes (${upperTier.viewBox})`);
    assert.ok(districtBytes <= DISTRICT_BUDGET, `${districtBytes} bytes`);
    assert.ok(upperTierBytes <= UPPER_TIER_BUDGET, `${upperTierBytes} bytes`);
    assert.ok(districtBytes > 20_000 && upperTierBytes > 15_000, 'not simplified out of recognition');
  });

  it('places London inside England and the north above the south', async () => {
    const { districts } = await loadBoundaries(SHARED_DATA);
    const [westminster, northumberland, cornwall, norfolk] = ['E09000033', 'E06000057', 'E06000052', 'E10000020'].map((code) => districts.areas.get(code)?.centre);
    const norwich = districts.areas.get('E07000148')?.centre;
    assert.ok(westminster && northumberland && cornwall && norwich && norfolk === undefined);
    assert.ok(northumberland[1] < westminster[1] && westminster[1] < cornwall[1] + 50, 'north above south');
    assert.ok(cornwall[0] < westminster[0] && westminster[0] < norwich[0], 'west to east');
  });

  it('draws a whole choropleth of the districts, well formed', async (t) => {
    const { districts } = await loadBoundaries(SHARED_DATA);
    const svg = choroplethMap(districts, { id: 'districts', title: 'Districts', description: 'Every district.', fills: new Map(), chosen: 'E06000047', legend: [], attribution: MAP_ATTRIBUTION });
    assertAccessibleSvg(svg, 'districts');
    t.diagnostic(`the district map as SVG with no fills: ${svg.length} bytes`);
  });

  it('prepares each folder once: a second call gets the same maps', async () => {
    const first = loadBoundaries(SHARED_DATA);
    const second = loadBoundaries(path.join(SHARED_DATA, '.'));
    assert.equal(first, second);
    assert.equal((await first).districts, (await second).districts);
  });

  it('names a missing file', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, BOUNDARIES_FOLDER));
    fs.copyFileSync(sharedFile(BOUNDARIES_FOLDER, DISTRICT_FILE), path.join(dir, BOUNDARIES_FOLDER, DISTRICT_FILE));
    await assert.rejects(loadBoundaries(dir), (error: Error) => error.message.includes(UPPER_TIER_FILE) && error.message.includes('is missing'));
    await assert.rejects(loadBoundaries(path.join(dir, 'nowhere')), (error: Error) => error.message.includes(DISTRICT_FILE) || error.message.includes(UPPER_TIER_FILE));
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('names a file that is not a FeatureCollection, or not JSON, and tries again once it is fixed', async () => {
    const dir = tempDir();
    const folder = path.join(dir, BOUNDARIES_FOLDER);
    fs.mkdirSync(folder);
    fs.copyFileSync(sharedFile(BOUNDARIES_FOLDER, DISTRICT_FILE), path.join(folder, DISTRICT_FILE));
    fs.writeFileSync(path.join(folder, UPPER_TIER_FILE), JSON.stringify({ type: 'Feature', properties: {}, geometry: null }));
    await assert.rejects(loadBoundaries(dir), new RegExp(`${UPPER_TIER_FILE.replace(/\./g, '\\.')} is not a GeoJSON FeatureCollection`));
    fs.writeFileSync(path.join(folder, UPPER_TIER_FILE), '{"type": "FeatureCollection", "features": [');
    await assert.rejects(loadBoundaries(dir), new RegExp(`${UPPER_TIER_FILE.replace(/\./g, '\\.')} is not JSON`));
    fs.copyFileSync(sharedFile(BOUNDARIES_FOLDER, UPPER_TIER_FILE), path.join(folder, UPPER_TIER_FILE));
    assert.equal((await loadBoundaries(dir)).upperTier.areas.size, englishCodes(UPPER_TIER_FILE, 'CTYUA23CD').size);
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
