// The areas every store has from its first migration onwards (migration 005,
// made from data/reference): England's nine regions and every local
// authority of the register, past and present, worked out here from the
// files themselves; the same rows as importing the register makes; and a
// store that had loaded the register itself keeps its rows.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import { REFERENCE_DATA_DIR } from '../../src/config.ts';
import { importFile } from '../../src/ingest/import-file.ts';
import { getArea, queryAreas } from '../../src/store/catalogue.ts';
import { sharedFile, textStream } from '../support/data.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const REGISTER = path.join(REFERENCE_DATA_DIR, 'uk-local-authorities', 'uk_local_authorities.csv');
const COUNCIL_TYPES = ['NMD', 'UA', 'MD', 'LBO', 'CTY'];

function registerRows(): Record<string, string>[] {
  return Papa.parse<Record<string, string>>(fs.readFileSync(REGISTER, 'utf8'), { header: true, skipEmptyLines: true }).data;
}

describe('a fresh store', () => {
  let store: TestStore;

  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());

  it("holds England's nine regions, as the ONS regions file names them", async () => {
    const file = JSON.parse(fs.readFileSync(sharedFile('boundaries-2023-2024', 'regions_dec_2023_en_buc.geojson'), 'utf8')) as { features: { properties: { RGN23CD: string; RGN23NM: string } }[] };
    const regions = await queryAreas(store.sql, { type: 'region', limit: 100, offset: 0 });
    assert.deepEqual(regions.map((r) => [r.code, r.name, r.nation]).sort(), file.features.map((f) => [f.properties.RGN23CD, f.properties.RGN23NM, 'England']).sort());
    assert.equal(regions.length, 9);
  });

  it('holds every current English council of the register, with its name and region', async () => {
    const councils = registerRows().filter((row) => row.nation === 'England' && !row['end-date'] && COUNCIL_TYPES.includes(row['local-authority-type'] ?? ''));
    assert.ok(councils.length > 300, `${councils.length} current English councils in the register`);
    const stored = new Map((await queryAreas(store.sql, { current: true, limit: 10_000, offset: 0 })).map((a) => [a.code, a]));
    const regionNames = new Map([...stored.values()].filter((a) => a.type === 'region').map((a) => [a.code, a.name]));
    for (const council of councils) {
      const area = stored.get(council['gss-code']!);
      assert.equal(area?.name, council['nice-name'], council['gss-code']);
      assert.equal(regionNames.get(area?.regionCode ?? ''), council.region, `${council['nice-name']}'s region`);
    }
  });

  it('holds the councils that ended, with their end dates and successors: Cumbria and its six districts', async () => {
    const cumbria = await getArea(store.sql, 'E10000006');
    assert.equal(cumbria?.endDate, '2023-04-01');
    assert.deepEqual([...cumbria!.successorCodes].sort(), ['E06000063', 'E06000064']);
    const districts = await queryAreas(store.sql, { parent: 'E10000006', type: 'district', limit: 100, offset: 0 });
    assert.deepEqual(districts.map((d) => d.name).sort(), ['Allerdale', 'Barrow-in-Furness', 'Carlisle', 'Copeland', 'Eden', 'South Lakeland']);
  });

  it("puts Forest Heath in Suffolk, correcting the published register's Surrey", async () => {
    const published = fs
      .readFileSync(sharedFile('uk-local-authorities', 'uk_local_authorities.csv'), 'utf8')
      .split('\n')
      .find((line) => line.startsWith('FOR,'));
    assert.match(published ?? '', /,Non-metropolitan district,SRY,/);
    assert.equal((await getArea(store.sql, 'E07000201'))?.countyCode, 'E10000029');
  });

  it('has the very rows that importing the register makes: importing it again changes nothing', async () => {
    const rows = registerRows();
    const result = await importFile(store.sql, { fileName: 'uk_local_authorities.csv', input: fs.createReadStream(REGISTER), importedBy: 'test', skipInvalid: true });
    const withoutCode = rows.filter((row) => row['gss-code'] === '').length;
    assert.equal(result.status, 'loaded');
    assert.deepEqual([result.inserted, result.revised, result.unchanged, result.rejected], [0, 0, rows.length - withoutCode, withoutCode]);
  });

  it('imports a council file with no demo: the register is there', async () => {
    const metrics = 'code,title,polarity,value_kind,period_kind\nbins-emptied,Bins emptied,higher_is_better,count,financial_year\n';
    const observations = 'metric,area,period,value\nbins-emptied,E08000009,2023/24,1200\nbins-emptied,E07000026,2015/16,300\n';
    for (const [fileName, text] of [
      ['metrics.csv', metrics],
      ['observations.csv', observations],
    ] as const) {
      const result = await importFile(store.sql, { fileName, input: textStream(text), importedBy: 'test' });
      assert.deepEqual([result.status, result.rejections], ['loaded', []], fileName);
    }
  });

  it('keeps the rows of a store that had loaded the register itself, when migration 005 runs there', async () => {
    const before = await store.sql<{ n: number }[]>`select count(*)::int as n from area`;
    await store.sql`update area set official_name = 'as an earlier import left it' where code = 'E06000047'`;
    await store.asOwner((owner) => owner`delete from schema_migration where version = 5`);
    assert.ok((await store.migrate()).some((name) => name.startsWith('005-')));
    const afterwards = await store.sql<{ n: number }[]>`select count(*)::int as n from area`;
    assert.equal(afterwards[0]!.n, before[0]!.n);
    assert.equal((await getArea(store.sql, 'E06000047'))?.officialName, 'as an earlier import left it');
  });
});
