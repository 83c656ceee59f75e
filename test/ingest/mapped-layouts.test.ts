// Publishers' own layouts through the one import path: long files recognised
// from their header, several measures of one indicator, breakdowns in any
// column, wide files (value columns, period columns), missing-value markers and
// status codes, and saved mappings with their mistakes. The small files are cut
// from the real ones in ../shared/data, and the expected figures are read from
// the same lines.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { formatRejection } from '../../src/domain/batch/index.ts';
import { decodeFlags } from '../../src/domain/observation/index.ts';
import { loadMappingFile, MappingError, parseMapping, type ColumnMapping } from '../../src/ingest/column-mapping.ts';
import { importFile, type ImportResult } from '../../src/ingest/import-file.ts';
import { getArea, getMetric } from '../../src/store/catalogue.ts';
import { queryObservations } from '../../src/store/observations.ts';
import { sharedFile, textStream } from '../support/data.ts';
import { openTestStore, tempDir, type TestStore } from '../support/store.ts';

/** The header and the lines of a real file that `keep` picks, as a small file of the same shape. */
function cut(file: string, keep: (line: string) => boolean): string {
  const [header, ...lines] = fs.readFileSync(file, 'utf8').split('\n');
  return [header, ...lines.filter((line) => line !== '' && keep(line))].join('\n') + '\n';
}

function importText(store: TestStore, fileName: string, text: string, mapping?: ColumnMapping): Promise<ImportResult> {
  return importFile(store.sql, { fileName, input: textStream(text), importedBy: 'test', ...(mapping ? { mapping } : {}) });
}

async function observations(store: TestStore, metric: string, area?: string) {
  return queryObservations(store.sql, { metric, ...(area ? { area } : {}), limit: 1000, offset: 0 });
}

async function batchCount(store: TestStore): Promise<number> {
  const [row] = await store.sql<{ n: number }[]>`select count(*)::int as n from observation`;
  return row!.n;
}

describe("publishers' layouts", () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());

  describe('a long file recognised from its header', () => {
    it("imports Open Innovations' vacant homes as it is, one metric per Measure, named from the file and neutral", async () => {
      const text = cut(sharedFile('oi-housing', 'vacant_homes.csv'), (line) => line.startsWith('E06000001,') || line.startsWith('E08000003,'));
      const rows = text
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(','));
      const result = await importText(store, 'vacant_homes.csv', text);
      assert.equal(result.status, 'loaded', JSON.stringify(result.rejections.slice(0, 3)));
      assert.equal(result.inserted, rows.length);
      const metric = await getMetric(store.sql, 'longtermvacants');
      assert.deepEqual([metric?.title, metric?.polarity, metric?.periodKind], ['LongTermVacants', 'neutral', 'calendar_year']);
      const manchester2010 = rows.find(([code, , measure, year]) => code === 'E08000003' && measure === 'LongTermVacants' && year === '2010')!;
      const [stored] = await queryObservations(store.sql, { metric: 'longtermvacants', area: 'E08000003', from: '2010-12-31', to: '2010-12-31', limit: 10, offset: 0 });
      assert.equal(stored?.value, Number(manchester2010[4]));
    });

    it('reads two-digit financial years (2010-11) as financial years, not months, and keeps an empty value as suppressed', async () => {
      const text = cut(sharedFile('oi-housing', 'net_additional_dwellings.csv'), (line) => /^E06000(055|022),/.test(line));
      const result = await importText(store, 'net_additional_dwellings.csv', text);
      assert.equal(result.status, 'loaded', JSON.stringify(result.rejections.slice(0, 3)));
      const metric = await getMetric(store.sql, 'net-additional-dwellings');
      assert.equal(metric?.periodKind, 'financial_year');
      const bedford = await observations(store, 'net-additional-dwellings', 'E06000055');
      const empty = text.split('\n').filter((line) => line.startsWith('E06000055,') && line.split(',')[2] === '');
      assert.ok(empty.length > 0, "the cut has Bedford's empty values");
      const suppressed = bedford.filter((row) => row.value === null);
      assert.equal(suppressed.length, empty.length);
      assert.ok(suppressed.every((row) => decodeFlags(row.flags).includes('suppressed')));
      assert.ok(bedford.some((row) => row.period === '2010/11'));
    });
  });

  describe('several measures and breakdowns', () => {
    it('makes one metric per indicator, measure and unit, and one per breakdown wherever the file puts it', async () => {
      const text = [
        'Sex,local authority code,Financial year,Indicator,Measure,Unit,Value',
        'Persons,E06000001,2021-22,Residual household waste,Total,Tonnes,21510',
        'Persons,E06000001,2021-22,Residual household waste,Per household,Kilograms,532.4',
        'Female,E06000001,2021-22,Adults physically active,Percentage,%,58.1',
        'Male,E06000001,2021-22,Adults physically active,Percentage,%,61.9',
        'Persons,E06000001,2021-22,Adults physically active,Percentage,%,60.0',
      ].join('\n');
      const result = await importText(store, 'waste.csv', text);
      assert.equal(result.status, 'loaded', JSON.stringify(result.rejections));
      assert.equal(result.inserted, 5);
      const tonnes = await observations(store, 'residual-household-waste-total-tonnes', 'E06000001');
      const kilograms = await observations(store, 'residual-household-waste-per-household-kilograms', 'E06000001');
      assert.deepEqual([tonnes[0]?.value, kilograms[0]?.value], [21510, 532.4]);
      const female = await getMetric(store.sql, 'adults-physically-active-percentage-female');
      assert.deepEqual([female?.title, female?.valueKind, female?.multiplier], ['Adults physically active (Percentage, %, Female)', 'proportion', 100]);
      assert.equal((await observations(store, 'adults-physically-active-percentage', 'E06000001'))[0]?.value, 60);
    });
  });

  describe('a saved mapping', () => {
    const ELS = sharedFile('ons-els-indicators', 'els_indicators_la.csv');
    const elsMapping = parseMapping(
      JSON.stringify({
        area: 'areacd',
        period: 'period',
        metric: 'metric_code',
        value: 'value',
        lower_ci: 'lci_95',
        upper_ci: 'uci_95',
        status: 'status',
        metrics: { ELS002: { title: 'Apprenticeship achievements', polarity: 'higher_is_better', themes: ['education'], unit: 'per 100,000 people' } },
      }),
      'els.mapping.json',
    );

    it('reads ONS status codes: u is an estimate, x has no value; both are kept, never refused', async () => {
      const text = cut(ELS, (line) => /^E06000053,ELS002,|^E06000001,ELS002,/.test(line));
      const source = text
        .trim()
        .split('\n')
        .slice(1)
        .map((line) => line.split(','));
      assert.ok(
        source.some((cells) => cells[6] === 'u'),
        'the cut has a row marked u',
      );
      const result = await importText(store, 'els_indicators_la.csv', text, elsMapping);
      assert.equal(result.status, 'loaded', JSON.stringify(result.rejections.slice(0, 3)));
      assert.equal(result.inserted, source.length);
      const metric = await getMetric(store.sql, 'apprenticeship-achievements');
      assert.deepEqual([metric?.polarity, metric?.valueKind, metric?.multiplier, metric?.themes], ['higher_is_better', 'rate', 100000, ['education']]);
      const scilly = await observations(store, 'apprenticeship-achievements', 'E06000053');
      assert.equal(scilly.length, source.filter((cells) => cells[0] === 'E06000053').length);
      assert.ok(scilly.every((row) => row.value === null && decodeFlags(row.flags).includes('estimated') && decodeFlags(row.flags).includes('suppressed')));
      const hartlepool = await observations(store, 'apprenticeship-achievements', 'E06000001');
      const first = source.find((cells) => cells[0] === 'E06000001')!;
      const stored = hartlepool.find((row) => row.periodStart.startsWith(first[2]!.slice(0, 4)));
      assert.deepEqual([stored?.value, stored?.lowerCi, stored?.upperCi], [Number(first[3]), first[4] ? Number(first[4]) : null, first[5] ? Number(first[5]) : null]);
    });

    it('refuses a status code the mapping does not know, naming the file, line and column', async () => {
      const text = 'areacd,metric_code,period,value,lci_95,uci_95,status\nE06000001,ELS002,2019-08-01/P1Y,,,,q\n';
      const before = await batchCount(store);
      const result = await importText(store, 'els.csv', text, elsMapping);
      assert.equal(result.status, 'rejected');
      assert.match(
        formatRejection('els.csv', result.rejections[0]!),
        /^els\.csv:2: column 'status': 'q' is not a status code the mapping knows \('x', 'u', 'c', 'z'\): add it under 'status_codes' in els\.mapping\.json/,
      );
      assert.equal(await batchCount(store), before);
    });

    it('refuses the whole file when the mapping names a column the file lacks, saying which and what the header has', async () => {
      const mapping = parseMapping(JSON.stringify({ area: 'areacd', period: 'period', metric: 'metric_code', value: 'Value' }), 'mapping.json');
      const text = cut(ELS, (line) => line.startsWith('E06000001,ELS001,'));
      const before = await batchCount(store);
      const result = await importText(store, 'els.csv', text, mapping);
      assert.equal(result.status, 'rejected');
      assert.equal(result.inserted, 0);
      assert.equal(
        formatRejection('els.csv', result.rejections[0]!),
        "els.csv:1: column 'Value': the mapping mapping.json says 'value' is the column 'Value', which the file lacks; the header has: areacd, metric_code, period, value, lci_95, uci_95, status",
      );
      assert.equal(await batchCount(store), before);
    });

    it('reads wide value_* columns, each a measure of the indicator', async () => {
      const mapping = parseMapping(
        JSON.stringify({
          area: 'area_code',
          period: 'financial_year',
          metric: 'metric',
          value_columns: { value_percent: 'per cent', value_tonnes: 'tonnes' },
          metrics: { 'Household waste recycled / per cent': { value_kind: 'proportion', polarity: 'higher_is_better' } },
        }),
        'waste.mapping.json',
      );
      const text = 'area_code,financial_year,metric,value_percent,value_tonnes\nE06000001,2021-22,Household waste recycled,35.9,12880\nE06000002,2021-22,Household waste recycled,..,9001\n';
      const result = await importText(store, 'waste-wide.csv', text, mapping);
      assert.equal(result.status, 'loaded', JSON.stringify(result.rejections));
      assert.deepEqual([result.rowsRead, result.inserted], [4, 4]);
      const percent = await observations(store, 'household-waste-recycled-per-cent');
      assert.deepEqual(
        percent.map((row) => [row.area, row.value]),
        [
          ['E06000001', 35.9],
          ['E06000002', null],
        ],
      );
      assert.equal((await getMetric(store.sql, 'household-waste-recycled-per-cent'))?.polarity, 'higher_is_better');
      assert.equal((await observations(store, 'household-waste-recycled-tonnes', 'E06000002'))[0]?.value, 9001);
    });

    it('reads one column per period, naming the period column in a refusal', async () => {
      const mapping = parseMapping(JSON.stringify({ area: 'Code', area_name: 'Name', metric: 'Indicator', period_columns: 'others' }), 'wide.mapping.json');
      const text = 'Code,Name,Indicator,2019-20,2020-21,2021-22\nE06000001,Hartlepool,Library visits,1200,:,1350\nE06000002,Middlesbrough,Library visits,980,1010,lots\n';
      const result = await importText(store, 'libraries.csv', text, mapping);
      assert.equal(result.status, 'rejected');
      assert.equal(result.rowsRead, 6);
      assert.deepEqual(
        result.rejections.map((r) => [r.line, r.column, r.value]),
        [[3, '2021-22', 'lots']],
      );
      const good = await importText(store, 'libraries.csv', text.replace('lots', '1022'), mapping);
      assert.equal(good.status, 'loaded');
      const visits = await observations(store, 'library-visits', 'E06000001');
      assert.deepEqual(
        visits.map((row) => [row.period, row.value]),
        [
          ['2019/20', 1200],
          ['2020/21', null],
          ['2021/22', 1350],
        ],
      );
    });
  });

  describe('areas a file names that Lantern does not hold', () => {
    it("adds them, with --add-areas, named from the column the mapping names for the area's name", async () => {
      const mapping = parseMapping(JSON.stringify({ area: 'WD23CD', area_name: 'WD23NM', period: 'Year', metric: 'Measure', value: 'Count' }), 'wards.mapping.json');
      const text = 'WD23CD,WD23NM,Year,Measure,Count\nE05000819,Ashton Hurst,2023,Residents surveyed,412\n';
      const refused = await importText(store, 'wards.csv', text, mapping);
      assert.equal(refused.status, 'rejected');
      assert.equal(refused.rejections[0]?.column, 'WD23CD');
      const added = await importFile(store.sql, { fileName: 'wards.csv', input: textStream(text), importedBy: 'test', mapping, addAreas: true });
      assert.equal(added.status, 'loaded', JSON.stringify(added.rejections));
      assert.equal((await getArea(store.sql, 'E05000819'))?.name, 'Ashton Hurst');
    });
  });

  describe("a mapping file with the publisher's metadata", () => {
    let folder: string;
    before(() => {
      folder = tempDir('lantern-mapping-');
      const measures = sharedFile('dfe-lait-childrens-services', 'lait_csc_headline_measures.csv');
      fs.copyFileSync(measures, path.join(folder, 'measures.csv'));
      fs.writeFileSync(
        path.join(folder, 'lait.mapping.json'),
        JSON.stringify({
          area: 'gss_code',
          period: 'period',
          metric: 'measure_short',
          value: 'value',
          metadata: {
            file: 'measures.csv',
            key: 'Measure_short',
            columns: { title: 'Chart_title', polarity: 'Polarity', unit: 'y_axis_name', themes: 'Topic', year_reads_as: 'Year_Type' },
            values: {
              themes: { 'Child Protection': "children's social care", "Children's Service Finance": "children's services spending" },
              year_reads_as: {
                'Financial Year': 'financial_year_ending',
                Annual: 'financial_year_ending',
                'Academic Year': 'financial_year_ending',
                'Calendar Year': 'calendar_year',
                'Annual (end of Sept)': 'calendar_year',
              },
            },
          },
          metrics: { AdoptionFinance: { value_kind: 'currency' } },
        }),
      );
    });
    after(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('reads DfE\'s periods as published: a bare year is the year ending in it, and "2016-17 (OT)" the financial year', async () => {
      const text = cut(sharedFile('dfe-lait-childrens-services', 'lait_csc_headline_long.csv'), (line) => /^E06000001,805,(ReReferral|AdoptionFinance),/.test(line));
      const mapping = loadMappingFile(path.join(folder, 'lait.mapping.json'));
      const result = await importText(store, 'lait.csv', text, mapping);
      assert.equal(result.status, 'loaded', JSON.stringify(result.rejections.slice(0, 3)));
      const rereferral = await getMetric(store.sql, 're-referrals-to-children-s-social-care-within-12-months-of-the-previous-referral');
      assert.deepEqual([rereferral?.polarity, rereferral?.valueKind, rereferral?.periodKind, rereferral?.themes], ['lower_is_better', 'proportion', 'financial_year', ["children's social care"]]);
      const y2016 = text
        .split('\n')
        .find((line) => line.includes(',ReReferral,2016,'))!
        .split(',')[4];
      const stored = await observations(store, rereferral!.code, 'E06000001');
      assert.equal(stored.find((row) => row.period === '2015/16')?.value, Number(y2016));
      const finance = await observations(store, 'adoption-s251-outturn-weekly-unit-costs-approximate', 'E06000001');
      const outturn = text
        .split('\n')
        .find((line) => line.includes(',AdoptionFinance,2016-17 (OT),'))!
        .split(',')[4];
      assert.equal(finance.find((row) => row.period === '2016/17')?.value, Number(outturn));
    });

    it('says which metadata column a mapping names that the metadata file lacks', () => {
      const broken = path.join(folder, 'broken.mapping.json');
      fs.writeFileSync(
        broken,
        JSON.stringify({ area: 'gss_code', period: 'period', metric: 'measure_short', value: 'value', metadata: { file: 'measures.csv', key: 'Measure_short', columns: { title: 'Chart title' } } }),
      );
      assert.throws(
        () => loadMappingFile(broken),
        (error: Error) =>
          error instanceof MappingError &&
          /^broken\.mapping\.json: 'metadata\.columns\.title' names the column 'Chart title', which measures\.csv lacks; its header has: Measure_short, Topic, Measure, Chart_title/.test(
            error.message,
          ),
      );
    });
  });

  describe("mistakes in a mapping, told with the mapping's name and the key", () => {
    const mistakes: [string, unknown, RegExp][] = [
      ['a key it does not know', { area: 'a', period: 'p', metric: 'm', value: 'v', vlaue_columns: ['x'] }, /^m\.json: 'vlaue_columns' is not a key a mapping has \(did you mean 'value_columns'\?\)/],
      ['no area', { period: 'p', metric: 'm', value: 'v' }, /^m\.json: 'area' is missing$/],
      ['no period', { area: 'a', metric: 'm', value: 'v' }, /^m\.json: 'period' is missing: name the period column/],
      [
        'a polarity it cannot read',
        { area: 'a', period: 'p', metric: 'm', value: 'v', metrics: { X: { polarity: 'sideways' } } },
        /^m\.json: 'metrics\.X\.polarity' is 'sideways', which Lantern cannot read as a polarity/,
      ],
      [
        'a status code read as no flag',
        { area: 'a', period: 'p', metric: 'm', value: 'v', status: 's', status_codes: { x: 'gone' } },
        /^m\.json: 'status_codes\.x' is "gone": a status code reads as one of provisional, revised, suppressed, estimated, no_value/,
      ],
      ['not JSON', '{ "area": ', /^m\.json: the mapping is not valid JSON/],
    ];
    for (const [what, json, message] of mistakes) {
      it(`refuses ${what}`, () => {
        assert.throws(
          () => parseMapping(typeof json === 'string' ? json : JSON.stringify(json), 'm.json'),
          (error: Error) => error instanceof MappingError && message.test(error.message),
        );
      });
    }

    it('refuses a metadata file in a mapping sent with an upload', () => {
      assert.throws(
        () => parseMapping(JSON.stringify({ area: 'a', period: 'p', metric: 'm', value: 'v', metadata: { file: '/etc/passwd', key: 'k' } }), "'mapping'"),
        /'metadata\.file' names a file, which a mapping sent with an upload cannot read/,
      );
    });
  });
});
