// Importing the catalogue: metric definitions (CSV or JSON) and areas (CSV,
// JSON or GeoJSON boundaries). Good files load; each bad definition is
// rejected with its line, column and reason, and the batch stores nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Rejection } from '../../src/domain/batch/index.ts';
import type { ImportResult } from '../../src/ingest/import-file.ts';
import { getBatch, listRejections, type BatchKind } from '../../src/store/batches.ts';
import { getArea, getMetric } from '../../src/store/catalogue.ts';
import { importText } from '../support/import.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

interface Expected {
  readonly line: number;
  readonly column?: string;
  readonly value?: string;
  readonly reason: string;
  readonly suggestion?: string;
}

const METRIC_HEADER = 'code,title,polarity,value_kind,period_kind,unit,multiplier,decimals,themes,definition,source';
const AREA_HEADER = 'code,name,type,region_code,county_code,start_date,end_date,successor_codes';

function csv(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

function plain(rejection: Rejection) {
  return { line: rejection.line, column: rejection.column, value: rejection.value, reason: rejection.reason, suggestion: rejection.suggestion };
}

function byLineAndColumn(a: Rejection, b: Rejection): number {
  return a.line - b.line || (a.column ?? '').localeCompare(b.column ?? '');
}

function geoJson(features: readonly { code: string; name: string }[]): string {
  return JSON.stringify({
    type: 'FeatureCollection',
    features: features.map((f, i) => ({ type: 'Feature', id: i + 1, properties: { FID: i + 1, RGN23CD: f.code, RGN23NM: f.name }, geometry: null })),
  });
}

describe('catalogue imports', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());

  async function snapshot() {
    const [row] = await store.sql<{ metrics: number; areas: number; metricText: string; areaText: string }[]>`
      select (select count(*) from metric)::int as metrics, (select count(*) from area)::int as areas,
        (select coalesce(string_agg(m::text, '|' order by code), '') from metric m) as "metricText",
        (select coalesce(string_agg(a::text, '|' order by code), '') from area a) as "areaText"`;
    return row!;
  }

  async function expectRejected(kind: BatchKind, fileName: string, text: string, expected: readonly Expected[], rejectedRows: number): Promise<ImportResult> {
    const before = await snapshot();
    const result = await importText(store.sql, fileName, text);
    assert.equal(result.status, 'rejected');
    assert.equal(result.kind, kind);
    assert.equal(result.rejected, rejectedRows);
    assert.deepEqual([result.inserted, result.revised, result.unchanged], [0, 0, 0]);
    const actual = [...result.rejections].sort(byLineAndColumn).map(plain);
    assert.equal(actual.length, expected.length, JSON.stringify(actual, null, 1));
    expected.forEach((want, i) => {
      const got = actual[i]!;
      assert.equal(got.line, want.line, `line of rejection ${i}`);
      assert.equal(got.column, want.column, `column of rejection ${i}`);
      if ('value' in want) assert.equal(got.value, want.value, `value of rejection ${i}`);
      assert.ok(got.reason.includes(want.reason), `reason of rejection ${i}: ${got.reason}`);
      assert.equal(got.suggestion, want.suggestion, `suggestion of rejection ${i}`);
    });
    const batch = await getBatch(store.sql, result.batchId);
    assert.equal(batch!.status, 'rejected');
    assert.equal(batch!.kind, kind);
    assert.equal(batch!.rejected, rejectedRows);
    assert.deepEqual((await listRejections(store.sql, result.batchId, 100, 0)).map(plain).sort(byLineAndColumn), actual);
    assert.deepEqual(await snapshot(), before, 'nothing from the rejected batch was stored');
    return result;
  }

  describe('metrics', () => {
    it('loads metric definitions from CSV', async () => {
      const result = await importText(
        store.sql,
        'metrics.csv',
        csv(
          METRIC_HEADER,
          'adult-obesity,Adults classified as obese,lower_is_better,proportion,financial_year,%,100,1,health;obesity,Share of adults with a BMI of 30 or more,OHID',
          'library-visits,Library visits,higher_is_better,count,calendar_year,visits,,0,,,',
        ),
      );
      assert.equal(result.status, 'loaded');
      assert.equal(result.kind, 'metrics');
      assert.deepEqual([result.rowsRead, result.inserted, result.revised, result.unchanged, result.rejected], [2, 2, 0, 0, 0]);
      assert.deepEqual(
        { ...(await getMetric(store.sql, 'adult-obesity')) },
        {
          code: 'adult-obesity',
          title: 'Adults classified as obese',
          definition: 'Share of adults with a BMI of 30 or more',
          unit: '%',
          polarity: 'lower_is_better',
          valueKind: 'proportion',
          multiplier: 100,
          periodKind: 'financial_year',
          source: 'OHID',
          themes: ['health', 'obesity'],
          decimals: 1,
          ciMethod: null,
          status: 'published',
        },
      );
      const visits = await getMetric(store.sql, 'library-visits');
      assert.deepEqual([visits!.valueKind, visits!.periodKind, visits!.multiplier, visits!.decimals, visits!.themes, visits!.definition], ['count', 'calendar_year', null, 0, [], null]);
    });

    it('loads metric definitions from a JSON array, camelCase keys and arrays included', async () => {
      const result = await importText(
        store.sql,
        'metrics.json',
        JSON.stringify([
          {
            code: 'fuel-poverty',
            title: 'Households in fuel poverty',
            polarity: 'lower_is_better',
            valueKind: 'proportion',
            periodKind: 'calendar_year',
            themes: ['housing', 'poverty'],
            decimals: 2,
            multiplier: 100,
            ciMethod: 'wilson',
            status: 'survey',
          },
          { code: 'rough-sleepers', title: 'People sleeping rough', value_kind: 'count', period_kind: 'calendar_year' },
        ]),
      );
      assert.equal(result.status, 'loaded', JSON.stringify(result.rejections));
      assert.equal(result.kind, 'metrics');
      assert.deepEqual([result.rowsRead, result.inserted, result.rejected], [2, 2, 0]);
      const fuel = await getMetric(store.sql, 'fuel-poverty');
      assert.deepEqual(
        [fuel!.title, fuel!.valueKind, fuel!.periodKind, fuel!.themes, fuel!.decimals, fuel!.multiplier, fuel!.ciMethod, fuel!.status],
        ['Households in fuel poverty', 'proportion', 'calendar_year', ['housing', 'poverty'], 2, 100, 'wilson', 'survey'],
      );
      const rough = await getMetric(store.sql, 'rough-sleepers');
      assert.deepEqual([rough!.polarity, rough!.status, rough!.decimals], ['neutral', 'published', 1]);
    });

    it('rejects a bad polarity with the one meant, a missing title, a bad code and decimals out of range', async () => {
      await expectRejected(
        'metrics',
        'bad-metrics.csv',
        csv(
          METRIC_HEADER,
          'good-one,A good one,neutral,count,calendar_year,,,,,,',
          'a-b,A and B,higher_better,count,calendar_year,,,,,,',
          'c-d,,neutral,count,calendar_year,,,,,,',
          'Adult Obesity,Adult obesity,neutral,proportion,financial_year,,,,,,',
          'e-f,E and F,neutral,count,calendar_year,,,9,,,',
          'g-h,G and H,neutral,cnt,yearly,,,,,,',
        ),
        [
          { line: 3, column: 'polarity', value: 'higher_better', reason: "'higher_better' is not a polarity (one of higher_is_better, lower_is_better, neutral)", suggestion: 'higher_is_better' },
          { line: 4, column: 'title', value: '', reason: 'the title is missing' },
          { line: 5, column: 'code', value: 'Adult Obesity', reason: "'Adult Obesity' is not a metric code: lower-case letters, digits and hyphens, such as 'adult-obesity'" },
          { line: 6, column: 'decimals', value: '9', reason: 'decimals must be a whole number from 0 to 6' },
          {
            line: 7,
            column: 'period_kind',
            value: 'yearly',
            reason: "'yearly' is not a period_kind (one of financial_year, calendar_year, quarter, month, multi_calendar_year, multi_financial_year, date)",
          },
          { line: 7, column: 'value_kind', value: 'cnt', reason: "'cnt' is not a value_kind (one of count, proportion, rate, mean, currency, index)" },
        ],
        5,
      );
      assert.equal(await getMetric(store.sql, 'good-one'), undefined);
    });

    it('rejects the same metric defined twice in one file, and a formula in a cell', async () => {
      await expectRejected(
        'metrics',
        'twice.csv',
        csv(METRIC_HEADER, 'twice,Twice,neutral,count,calendar_year,,,,,,', 'twice,Twice again,neutral,count,calendar_year,,,,,,', 'formula,=HYPERLINK("http://x"),neutral,count,calendar_year,,,,,,'),
        [
          { line: 3, column: 'code', value: 'twice', reason: 'twice is also on line 2: a file may define each metric only once' },
          { line: 4, column: 'title', value: '=HYPERLINK("http://x")', reason: 'looks like a spreadsheet formula' },
        ],
        2,
      );
    });

    it('rejects a bad definition in JSON by its position in the array', async () => {
      await expectRejected(
        'metrics',
        'bad-metrics.json',
        JSON.stringify([
          { code: 'j-one', title: 'J one', polarity: 'neutral', valueKind: 'count', periodKind: 'calendar_year' },
          { code: 'j-two', title: 'J two', polarity: 'higher_better', valueKind: 'count', periodKind: 'calendar_year', decimals: 9 },
        ]),
        [
          { line: 2, column: 'decimals', value: '9', reason: 'decimals must be a whole number from 0 to 6' },
          { line: 2, column: 'polarity', value: 'higher_better', reason: "'higher_better' is not a polarity", suggestion: 'higher_is_better' },
        ],
        1,
      );
    });

    it('counts a changed definition as revised and an identical one as unchanged', async () => {
      const result = await importText(
        store.sql,
        'metrics-v2.csv',
        csv(
          METRIC_HEADER,
          'adult-obesity,Adults classified as obese,lower_is_better,proportion,financial_year,%,100,2,health;obesity,Share of adults with a BMI of 30 or more,OHID',
          'library-visits,Library visits,higher_is_better,count,calendar_year,visits,,0,,,',
        ),
      );
      assert.equal(result.status, 'loaded');
      assert.deepEqual([result.rowsRead, result.inserted, result.revised, result.unchanged, result.rejected], [2, 0, 1, 1, 0]);
      assert.equal((await getMetric(store.sql, 'adult-obesity'))!.decimals, 2);
      const [row] = await store.sql<{ batch_id: number }[]>`select batch_id from metric where code = 'adult-obesity'`;
      assert.equal(row!.batch_id, result.batchId);
    });
  });

  // Every store holds the register (migration 005), so these tests import
  // areas it does not hold: well-formed codes no council has had.
  describe('areas', () => {
    it('loads areas from CSV, parents before or after their children', async () => {
      const result = await importText(
        store.sql,
        'areas.csv',
        csv(AREA_HEADER, 'E06000901,New Durham,unitary,E12000901,,2009-04-01,,', 'E12000901,New North,region,,,,,', 'E06000902,New Hartlepool,unitary,E12000901,,,,'),
      );
      assert.equal(result.status, 'loaded', JSON.stringify(result.rejections));
      assert.equal(result.kind, 'areas');
      assert.deepEqual([result.rowsRead, result.inserted, result.revised, result.unchanged, result.rejected], [3, 3, 0, 0, 0]);
      const durham = await getArea(store.sql, 'E06000901');
      assert.deepEqual([durham!.name, durham!.type, durham!.regionCode, durham!.startDate, durham!.endDate], ['New Durham', 'unitary', 'E12000901', '2009-04-01', null]);
    });

    it('loads areas from a JSON array', async () => {
      const result = await importText(store.sql, 'areas.json', JSON.stringify([{ code: 'E06000002', name: 'Middlesbrough', type: 'unitary', regionCode: 'E12000001', formerCodes: ['E07000999'] }]));
      assert.equal(result.status, 'loaded', JSON.stringify(result.rejections));
      assert.equal(result.kind, 'areas');
      const area = await getArea(store.sql, 'E06000002');
      assert.deepEqual([area!.name, area!.regionCode, area!.formerCodes], ['Middlesbrough', 'E12000001', ['E07000999']]);
    });

    it("keeps an area's other names from an areas file, and leaves them when a later file gives none", async () => {
      const first = await importText(store.sql, 'other-names.csv', 'code,name,type,other_names\nW06000015,Cardiff,welsh_council,Caerdydd;Cardiff Council\n');
      assert.equal(first.status, 'loaded', JSON.stringify(first.rejections));
      assert.deepEqual((await getArea(store.sql, 'W06000015'))!.otherNames, ['Caerdydd', 'Cardiff Council']);
      const renamed = await importText(store.sql, 'renamed.csv', 'code,name,type\nW06000015,Cardiff,welsh_council\n');
      assert.equal(renamed.status, 'loaded', JSON.stringify(renamed.rejections));
      assert.deepEqual((await getArea(store.sql, 'W06000015'))!.otherNames, ['Caerdydd', 'Cardiff Council']);
    });

    it('rejects an unknown type with the one meant, a bad GSS code, an unknown region, an end before the start and a duplicate code', async () => {
      await expectRejected(
        'areas',
        'bad-areas.csv',
        csv(
          AREA_HEADER,
          'E06000903,Redcar and Cleveland,unitry,E12000001,,,,',
          'E6000904,Stockton-on-Tees,unitary,E12000001,,,,',
          'E06000905,Darlington,unitary,E12000099,,,,',
          'E06000906,Halton,unitary,E12000001,,2020-04-01,2019-03-31,',
          'E06000907,Warrington,unitary,E12000001,,,,',
          'E06000907,Warrington again,unitary,E12000001,,,,',
          'E06000908,Blackburn with Darwen,unitary,,,1 April 1998,,',
          'E06000909,Blackpool,unitary,,,,,E06000999',
        ),
        [
          { line: 2, column: 'type', value: 'unitry', reason: "'unitry' is not an area type (england, region, county, district, unitary,", suggestion: 'unitary' },
          { line: 3, column: 'code', value: 'E6000904', reason: "'E6000904' is not a GSS code (a letter and eight digits, such as E06000047)" },
          { line: 4, column: 'region_code', value: 'E12000099', reason: "'E12000099' is not an area in the store or among this file's good rows" },
          { line: 5, column: 'end_date', value: '2019-03-31', reason: 'the area ends (2019-03-31) before it starts (2020-04-01)' },
          { line: 7, column: 'code', value: 'E06000907', reason: 'E06000907 is also on line 6: a file may give each area only once' },
          { line: 8, column: 'start_date', value: '1 April 1998', reason: "'1 April 1998' is not a date in the form YYYY-MM-DD" },
          { line: 9, column: 'successor_codes', value: 'E06000999', reason: "the successor 'E06000999' is not an area in the store or among this file's good rows" },
        ],
        7,
      );
      assert.equal(await getArea(store.sql, 'E06000907'), undefined);
    });

    it('rejects an area with no name and an over-long cell', async () => {
      await expectRejected(
        'areas',
        'names.csv',
        csv(AREA_HEADER, 'E06000910,,unitary,,,,,', `E06000911,${'n'.repeat(1001)},unitary,,,,,`),
        [
          { line: 2, column: 'name', value: '', reason: 'the name is missing' },
          { line: 3, column: 'name', value: 'n'.repeat(100), reason: 'the cell is 1001 characters long; at most 1000 are allowed' },
        ],
        2,
      );
    });

    it('adds the areas a boundary file has that the store lacks, and leaves the rest as they are', async () => {
      const named = await importText(store.sql, 'new-region.csv', csv(AREA_HEADER, 'E12000902,New West,region,,,,,'));
      assert.equal(named.status, 'loaded');
      const result = await importText(
        store.sql,
        'regions.geojson',
        geoJson([
          { code: 'E12000902', name: 'New West England' },
          { code: 'E12000903', name: 'New Yorkshire' },
        ]),
      );
      assert.equal(result.status, 'loaded', JSON.stringify(result.rejections));
      assert.equal(result.kind, 'areas');
      assert.deepEqual([result.rowsRead, result.inserted, result.revised, result.unchanged, result.rejected], [2, 1, 0, 1, 0]);
      const kept = await getArea(store.sql, 'E12000902');
      assert.equal(kept!.name, 'New West');
      const [keptBatch] = await store.sql<{ batch_id: number }[]>`select batch_id from area where code = 'E12000902'`;
      assert.equal(keptBatch!.batch_id, named.batchId);
      const added = await getArea(store.sql, 'E12000903');
      assert.deepEqual([added!.name, added!.type, added!.nation], ['New Yorkshire', 'region', 'England']);
    });

    it('rejects a boundary feature whose code is not a kind of area Lantern keeps', async () => {
      await expectRejected(
        'areas',
        'sub-icb.geojson',
        geoJson([{ code: 'E38000001', name: 'NHS Airedale, Wharfedale and Craven' }]),
        [{ line: 1, column: 'code', value: 'E38000001', reason: "'E38000001' is not a kind of area Lantern keeps, by its GSS code" }],
        1,
      );
    });
  });

  describe('faults found and mended', () => {
    it('reads a metrics JSON whose first definition lacks a title as metrics', async () => {
      const result = await importText(
        store.sql,
        'untitled-first.json',
        JSON.stringify([
          { code: 'untitled', polarity: 'neutral', valueKind: 'count', periodKind: 'calendar_year' },
          { code: 'titled', title: 'Titled', polarity: 'neutral', valueKind: 'count', periodKind: 'calendar_year' },
        ]),
      );
      assert.equal(result.kind, 'metrics');
      assert.deepEqual(result.rejections.map(plain), [{ line: 1, column: 'title', value: '', reason: 'the title is missing', suggestion: undefined }]);
    });

    it('reads a metrics CSV without the optional polarity column as metrics', async () => {
      const result = await importText(store.sql, 'no-polarity.csv', csv('code,title,value_kind,period_kind', 'no-polarity,No polarity,count,calendar_year'));
      assert.equal(result.kind, 'metrics');
      assert.equal(result.status, 'loaded');
    });

    it('does not store an area whose region was rejected in the same file', async () => {
      const result = await importText(store.sql, 'dangling.csv', csv(AREA_HEADER, 'E12000904,New Midlands,regon,,,,,', 'E06000912,New Lincolnshire,unitary,E12000904,,,,'), true);
      assert.equal(result.status, 'loaded');
      assert.equal(result.rejected, 2);
      assert.equal(await getArea(store.sql, 'E06000912'), undefined);
    });
  });
});
