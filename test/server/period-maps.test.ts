// A metric's map draws the boundaries its period's figures are about: on a
// fresh store (no demo), two of a council's Fingertips extracts imported as
// they are. Fingertips gives 2015/16 on the councils of 2021 (Cumbria's six
// districts beside East Suffolk of 2019): its map is of that generation, and
// every district with a figure is shaded; a map of 2022/23 is of today's
// districts (Cumberland, Westmorland and Furness). Which districts have
// figures is read here from the files themselves.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import { importFile } from '../../src/ingest/import-file.ts';
import { sharedFile } from '../support/data.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const ADULTS = sharedFile('fingertips-extracts', 'active_adults.csv');
const CHILDREN = sharedFile('fingertips-extracts', 'active_children.csv');
const CUMBRIA_DISTRICTS = ['E07000026', 'E07000027', 'E07000028', 'E07000029', 'E07000030', 'E07000031'];

/** The codes of a file's districts with a value in a period. */
function districtsWithFigures(file: string, period: string): string[] {
  const rows = Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true }).data;
  return rows.filter((row) => row.period === period && row.area_type === 'District' && row.value !== 'NA').map((row) => row.area_code!);
}

/** Each area the map draws, by code: whether it is shaded with a figure. */
function drawnAreas(svg: string): Map<string, boolean> {
  return new Map([...svg.matchAll(/<path( class="lantern-map-no-data")? data-code="([A-Z]\d{8})"/g)].map((match) => [match[2]!, match[1] === undefined]));
}

describe('maps of the period asked for', () => {
  let store: TestStore;
  let server: TestServer;

  before(async () => {
    store = await openTestStore();
    for (const file of [ADULTS, CHILDREN]) {
      const result = await importFile(store.sql, { fileName: file, input: fs.createReadStream(file), importedBy: 'test' });
      assert.equal(result.status, 'loaded', `${file}: ${result.rejections.map((r) => r.reason).join('; ')}`);
    }
    server = await startTestServer(store);
  });
  after(async () => {
    await server.close();
    await store.close();
  });

  async function map(metric: string, period: string): Promise<string> {
    const response = await fetch(`${server.base}/metrics/${metric}/map.svg?period=${encodeURIComponent(period)}`);
    assert.equal(response.status, 200);
    return response.text();
  }

  it("draws 2015/16 on the districts before 2023: Cumbria's six districts, and every district with a figure, shaded", async () => {
    const svg = await map('percentage-of-physically-active-adults', '2015/16');
    const drawn = drawnAreas(svg);
    for (const code of CUMBRIA_DISTRICTS) assert.equal(drawn.get(code), true, `${code} is shaded`);
    const withFigures = districtsWithFigures(ADULTS, '2015/16');
    assert.ok(withFigures.length > 150);
    assert.deepEqual(
      withFigures.filter((code) => drawn.get(code) !== true),
      [],
      'districts with figures drawn as no data',
    );
    assert.equal(drawn.has('E06000063'), false, 'no Cumberland in 2015/16');
    assert.equal(drawn.has('E07000205'), false, 'Suffolk Coastal is drawn within East Suffolk, as the figures are');
    assert.match(svg, /Martin Chorley/);
  });

  it("draws 2022/23 on today's districts, with Cumberland and Westmorland and Furness", async () => {
    const svg = await map('percentage-of-physically-active-children-and-young-people', '2022/23');
    const drawn = drawnAreas(svg);
    assert.equal(drawn.get('E06000063'), true);
    assert.equal(drawn.get('E06000064'), true);
    for (const code of CUMBRIA_DISTRICTS) assert.equal(drawn.has(code), false, code);
    const withFigures = districtsWithFigures(CHILDREN, '2022/23');
    assert.deepEqual(
      withFigures.filter((code) => drawn.get(code) !== true),
      [],
      'districts with figures drawn as no data',
    );
    assert.match(svg, /Office for National Statistics/);
  });
});
