// The real public data beside the project, imported as a user would: the
// regions' boundaries, the register of local authorities, then every
// Fingertips extract. Expected counts are worked out here from the files
// themselves.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import { importFile, type ImportResult } from '../../src/ingest/import-file.ts';
import { getBatch, listRejections } from '../../src/store/batches.ts';
import { getArea, getMetric, queryAreas } from '../../src/store/catalogue.ts';
import { queryObservations } from '../../src/store/observations.ts';
import { sharedFile } from '../support/data.ts';
import { importText } from '../support/import.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const REGIONS = sharedFile('boundaries-2023-2024', 'regions_dec_2023_en_buc.geojson');
const REGISTER = sharedFile('uk-local-authorities', 'uk_local_authorities.csv');
const FINGERTIPS = sharedFile('fingertips-extracts');
const FINGERTIPS_FILES = fs
  .readdirSync(FINGERTIPS)
  .filter((name) => name.endsWith('.csv'))
  .sort();

function readRows(file: string): Record<string, string>[] {
  const parsed = Papa.parse<Record<string, string>>(fs.readFileSync(file, 'utf8'), { header: true, skipEmptyLines: true });
  assert.deepEqual(parsed.errors, [], `${file} parses cleanly`);
  return parsed.data;
}

function importPath(store: TestStore, file: string, skipInvalid = false): Promise<ImportResult> {
  return importFile(store.sql, { fileName: path.basename(file), input: fs.createReadStream(file), importedBy: 'test', skipInvalid });
}

/** A Fingertips indicator's title as Lantern names the metric: the indicator, and its breakdown in brackets. */
function fingertipsTitle(row: Record<string, string>): string {
  const breakdown = row.inequality === 'NA' || !row.inequality ? '' : row.inequality;
  return breakdown ? `${row.indicator} (${breakdown})` : row.indicator!;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}

describe('the real public data', () => {
  let store: TestStore;
  let regions: ImportResult;
  let register: ImportResult;
  const fingertips = new Map<string, ImportResult>();

  before(async () => {
    store = await openTestStore();
    // Every store has the regions and the register (migration 005): take them out, to import them as into an empty register.
    await store.sql`delete from area where type <> 'england'`;
    regions = await importPath(store, REGIONS);
    register = await importPath(store, REGISTER, true);
    for (const name of FINGERTIPS_FILES) fingertips.set(name, await importPath(store, path.join(FINGERTIPS, name)));
  });
  after(() => store.close());

  describe('the regions boundary file', () => {
    it('adds the nine English regions, named as the file names them', async () => {
      assert.equal(regions.status, 'loaded');
      assert.equal(regions.kind, 'areas');
      assert.deepEqual([regions.rowsRead, regions.inserted, regions.revised, regions.unchanged, regions.rejected], [9, 9, 0, 0, 0]);
      const stored = await queryAreas(store.sql, { type: 'region', limit: 100, offset: 0 });
      assert.deepEqual(stored.map((a) => a.code).sort(), ['E12000001', 'E12000002', 'E12000003', 'E12000004', 'E12000005', 'E12000006', 'E12000007', 'E12000008', 'E12000009']);
      const yorkshire = await getArea(store.sql, 'E12000003');
      assert.equal(yorkshire!.name, 'Yorkshire and The Humber');
      assert.equal(yorkshire!.nation, 'England');
    });
  });

  describe('the register of local authorities', () => {
    it('loads every authority with a GSS code and rejects, by line and name, those without one', async () => {
      const rows = readRows(REGISTER);
      const withoutCode = rows.map((row, i) => ({ row, line: i + 2 })).filter(({ row }) => row['gss-code'] === '');
      assert.equal(rows.length, 470);
      assert.ok(withoutCode.length > 0);

      assert.equal(register.status, 'loaded');
      assert.equal(register.kind, 'areas');
      assert.deepEqual([register.rowsRead, register.inserted, register.revised, register.unchanged, register.rejected], [rows.length, rows.length - withoutCode.length, 0, 0, withoutCode.length]);
      const expected = withoutCode.map(({ row, line }) => ({
        line,
        column: 'gss-code',
        value: '',
        reason: `${row['nice-name']} has no GSS code, so it cannot be an area`,
      }));
      assert.deepEqual(register.rejections, expected);
      assert.deepEqual(await listRejections(store.sql, register.batchId, 1000, 0), expected);

      const batch = await getBatch(store.sql, register.batchId);
      assert.equal(batch!.status, 'loaded');
      assert.equal(batch!.rejected, withoutCode.length);
      const [count] = await store.sql<{ n: number }[]>`select count(*)::int as n from area where batch_id = ${register.batchId}`;
      assert.equal(count!.n, rows.length - withoutCode.length);
    });

    it('places a unitary authority in its region', async () => {
      const durham = await getArea(store.sql, 'E06000047');
      assert.equal(durham!.name, 'County Durham');
      assert.equal(durham!.type, 'unitary');
      assert.equal(durham!.regionCode, 'E12000001');
      assert.equal(durham!.registerCode, 'DUR');
      assert.equal(durham!.startDate, '2009-04-01');
    });

    it('keeps an authority that ended, with its end date and its successor', async () => {
      const county = await getArea(store.sql, 'E10000002');
      assert.equal(county!.name, 'Buckinghamshire County');
      assert.equal(county!.type, 'county');
      assert.equal(county!.endDate, '2020-03-31');
      assert.deepEqual(county!.successorCodes, ['E06000060']);
      const successor = await getArea(store.sql, 'E06000060');
      assert.equal(successor!.name, 'Buckinghamshire');
      assert.equal(successor!.startDate, '2020-04-01');
      assert.equal(successor!.endDate, null);
    });

    it('turns the register codes of several successors into their GSS codes', async () => {
      const cumbria = await getArea(store.sql, 'E10000006');
      assert.equal(cumbria!.name, 'Cumbria');
      assert.deepEqual([...cumbria!.successorCodes].sort(), ['E06000063', 'E06000064']);
    });

    it('gives a district its county', async () => {
      const adur = await getArea(store.sql, 'E07000223');
      assert.equal(adur!.name, 'Adur');
      assert.equal(adur!.type, 'district');
      assert.equal(adur!.countyCode, 'E10000032');
      assert.equal(adur!.regionCode, 'E12000008');
      assert.equal((await getArea(store.sql, 'E10000032'))!.name, 'West Sussex');
      const westSussex = await queryAreas(store.sql, { parent: 'E10000032', limit: 100, offset: 0 });
      assert.deepEqual(
        westSussex.map((a) => a.name),
        ['Adur', 'Arun', 'Chichester', 'Crawley', 'Horsham', 'Mid Sussex', 'Worthing'],
      );
    });

    it('stores a name with non-ASCII characters and finds it by a part of it', async () => {
      const anglesey = await getArea(store.sql, 'W06000001');
      assert.equal(anglesey!.name, 'Isle of Anglesey'); // the register's name; its Welsh name is given next
      const welsh = await importText(
        store.sql,
        'anglesey.csv',
        ['code,name,official_name,type,register_code,nation,start_date', 'W06000001,Ynys Môn,Isle of Anglesey County Council,welsh_council,AGY,Wales,1996-04-01'].join('\n'),
      );
      assert.equal(welsh.status, 'loaded');
      assert.deepEqual([welsh.inserted, welsh.revised], [0, 1]);
      const found = await queryAreas(store.sql, { q: 'Môn', limit: 10, offset: 0 });
      assert.deepEqual(
        found.map((a) => [a.code, a.name]),
        [['W06000001', 'Ynys Môn']],
      );
      assert.equal(found[0]!.name.normalize('NFC'), found[0]!.name);
      assert.equal(Buffer.byteLength(found[0]!.name), 9); // ô is two bytes of UTF-8
    });
  });

  describe('the Fingertips extracts', () => {
    for (const name of FINGERTIPS_FILES) {
      it(`loads every row of ${name} and creates its metrics with their counts`, async () => {
        const rows = readRows(path.join(FINGERTIPS, name));
        const result = fingertips.get(name)!;
        assert.equal(result.status, 'loaded', JSON.stringify(result.rejections.slice(0, 3)));
        assert.equal(result.kind, 'observations');
        assert.deepEqual([result.rowsRead, result.inserted, result.revised, result.unchanged, result.rejected], [rows.length, rows.length, 0, 0, 0]);
        assert.deepEqual(result.notices, []);

        const expected = countBy(rows, fingertipsTitle);
        const stored = await store.sql<{ title: string; n: number }[]>`
          select m.title, count(*)::int as n from observation o join metric m on m.id = o.metric_id
          where m.batch_id = ${result.batchId} group by m.title order by m.title`;
        assert.deepEqual(new Map(stored.map((s) => [s.title, s.n])), expected);
        const suppressed = rows.filter((row) => row.value === 'NA').length;
        const [nulls] = await store.sql<{ n: number }[]>`
          select count(*)::int as n from observation where batch_id = ${result.batchId} and value is null and flags = 4`;
        assert.equal(nulls!.n, suppressed);
      });
    }

    it('stores as many observations as the extracts have rows', async () => {
      const total = FINGERTIPS_FILES.reduce((sum, name) => sum + readRows(path.join(FINGERTIPS, name)).length, 0);
      const [count] = await store.sql<{ n: number }[]>`select count(*)::int as n from observation`;
      assert.equal(count!.n, total);
    });

    it('infers polarity from Fingertips’ own judgements', async () => {
      const active = await getMetric(store.sql, 'percentage-of-physically-active-adults');
      assert.equal(active!.polarity, 'higher_is_better');
      assert.equal(active!.valueKind, 'proportion');
      assert.equal(active!.periodKind, 'financial_year');
      assert.equal(active!.unit, '%');
      assert.equal(active!.multiplier, 100);
      const inactive = await getMetric(store.sql, 'percentage-of-physically-inactive-adults');
      assert.equal(inactive!.polarity, 'lower_is_better');
      assert.equal((await getMetric(store.sql, 'percentage-of-adults-aged-16-plus-who-are-fairly-active'))!.polarity, 'neutral');
    });

    it('makes two metrics of healthy life expectancy, male and female, over rolling three-year periods', async () => {
      const male = await getMetric(store.sql, 'healthy-life-expectancy-at-birth-male');
      const female = await getMetric(store.sql, 'healthy-life-expectancy-at-birth-female');
      assert.equal(male!.title, 'Healthy life expectancy at birth (Male)');
      assert.equal(female!.title, 'Healthy life expectancy at birth (Female)');
      for (const metric of [male!, female!]) {
        assert.equal(metric.periodKind, 'multi_calendar_year');
        assert.equal(metric.valueKind, 'mean');
        assert.equal(metric.unit, 'Years');
        assert.equal(metric.source, 'Fingertips (OHID public health profiles)');
      }
      const england = await queryObservations(store.sql, { metric: 'healthy-life-expectancy-at-birth-male', area: 'E92000001', limit: 100, offset: 0 });
      assert.deepEqual(
        england.slice(0, 1).map((o) => [o.period, o.periodStart, o.periodEnd, o.value]),
        [['2010 - 12', '2010-01-01', '2012-12-31', 63.2]],
      );
      const rows = readRows(sharedFile('fingertips-extracts', 'healthy_life_expectancy.csv')).filter((r) => r.area_code === 'E92000001' && r.inequality === 'Male');
      assert.deepEqual(
        england.map((o) => [o.period, o.value]),
        rows.map((r) => [r.period, Number(r.value)]),
      );
    });

    it('counts every row of a file imported a second time as unchanged', async () => {
      const file = path.join(FINGERTIPS, 'active_adults.csv');
      const rows = readRows(file);
      const [before] = await store.sql<{ n: number; h: number }[]>`
        select (select count(*) from observation)::int as n, (select count(*) from observation_history)::int as h`;
      const again = await importPath(store, file);
      assert.equal(again.status, 'loaded');
      assert.deepEqual([again.rowsRead, again.inserted, again.revised, again.unchanged, again.rejected], [rows.length, 0, 0, rows.length, 0]);
      assert.equal(again.sha256, fingertips.get('active_adults.csv')!.sha256);
      const [after] = await store.sql<{ n: number; h: number }[]>`
        select (select count(*) from observation)::int as n, (select count(*) from observation_history)::int as h`;
      assert.deepEqual(after, before);
    });
  });
});
