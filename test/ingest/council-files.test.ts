// A council data team's open-data files, read as they are published: tidy
// files with a measure and a breakdown column, files with no value column
// whose other columns are figures (deprivation, population, vehicles), a file
// with no period (read with the one-line mapping the refusal gives), wards
// Lantern does not hold, and files that are not figures about areas, refused in
// words a user can act on. Each small file is cut from one of Trafford Data
// Lab's files (OGL), keeping its header and its quirks; the expected figures
// are read from the same lines.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { describeReading } from '../../src/cli/inspect-file.ts';
import { parseMapping, MappingError, type ColumnMapping } from '../../src/ingest/column-mapping.ts';
import { dryRunFile } from '../../src/ingest/dry-run.ts';
import { importFile, type ImportResult } from '../../src/ingest/import-file.ts';
import { getMetric } from '../../src/store/catalogue.ts';
import { queryObservations } from '../../src/store/observations.ts';
import { textStream } from '../support/data.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const HEALTH_INDICATOR =
  "Estimates that classify usual residents by their own assessment of the general state of their health from very good to very bad. This assessment is not based on a person's health over any specified period of time. Age-standardisation allows for comparisons between populations that may contain proportions of different ages, represented as a percentage.";
const GENERAL_HEALTH =
  [
    'area_code,area_name,geography,period,indicator,general_health,measure,unit,value',
    `E08000009,Trafford,Local authority,2021-03-21,"${HEALTH_INDICATOR}",Very good health,Percentage,Persons,51.5`,
    `E08000009,Trafford,Local authority,2021-03-21,"${HEALTH_INDICATOR}",Good health,Percentage,Persons,31.8`,
    `E08000009,Trafford,Local authority,2021-03-21,"${HEALTH_INDICATOR}",Fair health,Percentage,Persons,11.8`,
  ].join('\n') + '\n';

const QUALIFICATION =
  'Highest level of qualification held by usual residents aged 16 years and over. This is derived from the question asking people to indicate all qualifications held, or their nearest equivalent. This may include foreign qualifications where they were matched to the closest UK equivalent';
const WARD_QUALIFICATIONS =
  [
    'area_code,area_name,geography,period,indicator,highest_qualification,measure,unit,value',
    `E05000819,Altrincham,Electoral ward,2021-03-21,"${QUALIFICATION}",No qualifications,Count,Persons,1072`,
    `E05000819,Altrincham,Electoral ward,2021-03-21,"${QUALIFICATION}",Level 1 and entry level qualifications,Count,Persons,612`,
  ].join('\n') + '\n';

const IOD_2019 =
  [
    'lad19cd,lad19nm,index_domain,average_rank,rank_average_rank,average_score,rank_average_score,proportion_bottom_decile,rank_proportion_bottom_decile,year',
    'E08000009,Trafford,Index of Multiple Deprivation,12412.15,209,16.088000000000001,191,5.0700000000000002E-2,125,2019',
    'E08000009,Trafford,Income,13768.79,191,0.107,166,7.2499999999999995E-2,107,2019',
  ].join('\n') + '\n';

const IOD_2025 =
  [
    'area_code,area_name,area_type,deprivation_data_year,index_domain,average_rank,rank_average_rank,average_score,rank_average_score,proportion_bottom_decile,rank_proportion_bottom_decile',
    'E08000009,Trafford,Local Authority District (2024),2025,Index of Multiple Deprivation,11881.22,223,14.972,201,0.0432,129',
    'E08000009,Trafford,Local Authority District (2024),2025,Income Deprivation,12422.76,217,0.171,189,0.0576,116',
  ].join('\n') + '\n';

const AGES = Array.from({ length: 90 }, (_, age) => String(age)).join(',');
const POPULATION =
  [
    `period,area_code,area_name,geography,sex,all_ages,aged_0_to_15,aged_16_to_64,aged_65_and_over,${AGES},90+`,
    '2024-06-30,E08000009,Trafford,Local authority,Persons,241025,50230,148280,42515,2169,2313,2474,2663,2809,3159,3119,3310,3481,3419,3578,3554,3650,3735,3378,3419,3334,3173,2892,1918,1734,1804,2436,2476,2765,2811,2717,2797,2621,2607,2667,2739,2986,3053,3082,3230,3260,3349,3519,3689,3706,3640,3666,3860,3708,3615,3376,3227,3112,3261,3140,3099,3325,3309,3272,3074,3096,3041,3080,3091,3061,2943,2741,2631,2547,2435,2390,2256,2174,2102,2018,1935,1948,1949,1943,1883,2033,2058,1526,1526,1532,1386,1119,1031,1022,1053,902,809,697,597,2191',
    '2024-06-30,E08000009,Trafford,Local authority,Females,123369,24464,75531,23374,1030,1123,1195,1255,1362,1579,1514,1665,1732,1659,1739,1736,1765,1823,1638,1649,1638,1523,1389,854,767,782,1211,1255,1388,1404,1336,1370,1364,1280,1343,1369,1513,1646,1663,1730,1716,1857,1834,1936,1970,1881,1942,2033,1926,1883,1722,1642,1632,1627,1574,1567,1711,1685,1667,1514,1548,1566,1596,1552,1574,1499,1381,1386,1285,1239,1225,1131,1088,1107,1045,1041,1012,1038,1074,982,1073,1127,871,876,886,801,643,613,637,600,529,486,428,354,1468',
  ].join('\n') + '\n';

const VEHICLES =
  [
    'area_code,area_name,category,year,quarter,effective_date,vehicle_count',
    'E08000009,Trafford,All licensed cars,2020,4,2020-12-31,111669',
    'E08000009,Trafford,All licensed cars,2019,4,2019-12-31,112901',
  ].join('\n') + '\n';

const PROPERTY_PRICES =
  ['area_code,area_name,median_price,min_price,max_price,transactions', "E05000735,St Mary's,69000,30000,182500,97", 'E05000656,Great Lever,70000,33500,510000,125'].join('\n') + '\n';

const MORTALITY_INDICATOR = 'Under 75 mortality rate from causes considered preventable (per 100,000 population)';
/** A Fingertips extract that names the sex in its unit column, as the council's mortality file does. */
const MORTALITY =
  [
    'area_code,area_name,area_type,period,indicator,measure,unit,value,compared_to_England,inequality',
    `E08000009,Trafford,UA,2010,"${MORTALITY_INDICATOR}",Age-standardised rate,Male,211.6,Similar,NA`,
    `E08000009,Trafford,UA,2010,"${MORTALITY_INDICATOR}",Age-standardised rate,Female,105,Similar,NA`,
    `E08000009,Trafford,UA,2010,"${MORTALITY_INDICATOR}",Age-standardised rate,Persons,156,Similar,NA`,
  ].join('\n') + '\n';

describe("a council's open-data files", () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());

  function importText(fileName: string, text: string, options: { mapping?: ColumnMapping; addAreas?: boolean } = {}): Promise<ImportResult> {
    return importFile(store.sql, { fileName, input: textStream(text), importedBy: 'test', ...options });
  }

  async function valueOf(metric: string, area: string): Promise<number | null | undefined> {
    const [row] = await queryObservations(store.sql, { metric, area, limit: 10, offset: 0 });
    return row?.value;
  }

  describe('a Fingertips extract with the sex in its unit column', () => {
    it('reads Male and Female as breakdowns of the indicator and Persons as the whole, with no unit of Male', async () => {
      const result = await importText('mortality_rate.csv', MORTALITY);
      assert.equal(result.status, 'loaded', JSON.stringify(result.rejections.slice(0, 3)));
      assert.equal(result.inserted, 3);
      const base = 'under-75-mortality-rate-from-causes-considered-preventable-per-100-000-population';
      assert.equal(await valueOf(base, 'E08000009'), 156);
      assert.equal(await valueOf(`${base}-male`, 'E08000009'), 211.6);
      assert.equal(await valueOf(`${base}-female`, 'E08000009'), 105);
      const male = await getMetric(store.sql, `${base}-male`);
      assert.equal(male?.title, `${MORTALITY_INDICATOR} (Male)`);
      assert.equal(male?.unit, null);
    });
  });

  describe('a tidy file with a measure and a breakdown column', () => {
    it('makes one metric per indicator, measure and breakdown, each with a code of its own however long the indicator', async () => {
      const result = await importText('general_health_age_standardised_la_gm.csv', GENERAL_HEALTH);
      assert.equal(result.status, 'loaded', JSON.stringify(result.rejections.slice(0, 3)));
      assert.equal(result.inserted, 3);
      const codes = (await store.sql<{ code: string }[]>`select code from metric where code like 'estimates-that-classify%' order by code`).map((m) => m.code);
      assert.equal(codes.length, 3);
      const veryGood = codes.find((code) => code.endsWith('-percentage-persons-very-good-health'))!;
      assert.ok(veryGood && veryGood.length <= 100, veryGood);
      const metric = await getMetric(store.sql, veryGood);
      assert.equal(metric?.title, `${HEALTH_INDICATOR} (Percentage, Persons, Very good health)`);
      assert.deepEqual([metric?.valueKind, metric?.periodKind], ['proportion', 'date']);
      assert.equal(await valueOf(veryGood, 'E08000009'), 51.5);
    });

    it("says in inspect what each column was read as: the breakdown, the area's name, and the geography set aside", async () => {
      const run = await dryRunFile(store.sql, { fileName: 'general_health.csv', input: textStream(GENERAL_HEALTH.replace(/51\.5/, '51.6')), importedBy: 'test' });
      const lines = describeReading('general_health.csv', run, 'inspect');
      for (const expected of [
        '  read as: recognised from the header',
        '    indicator + measure + unit → the metric',
        '    area_code → the area code',
        '    period → the period',
        '    general_health → a breakdown of the metric',
        "    area_name → the area's name",
        '    geography → describes the area; not used',
      ])
        assert.ok(lines.includes(expected), `missing ${JSON.stringify(expected)} in:\n${lines.join('\n')}`);
      assert.match(lines.at(-1)!, /^ {2}would load; 3 rows read: 0 would be inserted, 1 revised, 2 unchanged, 0 rejected$/);
    });

    it('keeps reading a real Fingertips extract (compared_to_England, inequality) with the Fingertips layout', async () => {
      const text =
        'area_code,area_name,area_type,period,indicator,measure,unit,value,compared_to_England,inequality\nE08000009,Trafford,District,2021/22,Smoking prevalence in adults,Percentage,%,10.9,Better,NA\n';
      const run = await dryRunFile(store.sql, { fileName: 'smoking.csv', input: textStream(text), importedBy: 'test' });
      assert.equal(run.reading?.layout, 'Fingertips tidy extract');
      assert.deepEqual(
        run.metrics.map((m) => m.code),
        ['smoking-prevalence-in-adults'],
      );
    });
  });

  describe('wards Lantern does not hold', () => {
    it('inspects a ward file without failing: every row refused with what the codes are, nothing stored', async () => {
      const run = await dryRunFile(store.sql, { fileName: 'highest_level_qualification_ward_trafford.csv', input: textStream(WARD_QUALIFICATIONS), importedBy: 'test' });
      assert.equal(run.wouldLoad, false);
      assert.deepEqual([run.rowsRead, run.rejected], [2, 2]);
      assert.deepEqual(run.unknownAreas, ['E05000819']);
      assert.match(run.rejections[0]!.reason, /E05000819 is a ward code; .*--add-areas/);
      const [stored] = await store.sql<{ n: number }[]>`select count(*)::int as n from metric where code like 'highest-level-of-qualification%'`;
      assert.equal(stored!.n, 0, 'a dry run creates no metric');
    });

    it('loads it with --add-areas, naming the ward from the file', async () => {
      const result = await importText('highest_level_qualification_ward_trafford.csv', WARD_QUALIFICATIONS, { addAreas: true });
      assert.equal(result.status, 'loaded', JSON.stringify(result.rejections.slice(0, 3)));
      assert.equal(result.inserted, 2);
      const [ward] = await store.sql<{ name: string }[]>`select name from area where code = 'E05000819'`;
      assert.equal(ward?.name, 'Altrincham');
    });
  });

  describe('files whose figures stand in several columns', () => {
    it('reads the IoD 2019 (lad19cd, index_domain, year): each column of figures a measure of the domain', async () => {
      const result = await importText('IoD2019.csv', IOD_2019);
      assert.equal(result.status, 'loaded', JSON.stringify(result.rejections.slice(0, 3)));
      assert.deepEqual([result.rowsRead, result.inserted], [12, 12]);
      assert.equal(await valueOf('index-of-multiple-deprivation-average-score', 'E08000009'), 16.088);
      assert.equal(await valueOf('income-rank-average-rank', 'E08000009'), 191);
      const metric = await getMetric(store.sql, 'index-of-multiple-deprivation-average-score');
      assert.deepEqual([metric?.title, metric?.periodKind], ['Index of Multiple Deprivation (average score)', 'calendar_year']);
    });

    it('reads the IoD 2025 (area_type set aside, the period in deprivation_data_year)', async () => {
      const run = await dryRunFile(store.sql, { fileName: 'IoD2025.csv', input: textStream(IOD_2025), importedBy: 'test' });
      assert.equal(run.wouldLoad, true, JSON.stringify(run.rejections.slice(0, 3)));
      assert.equal(run.reading?.columns.period, 'deprivation_data_year');
      assert.equal(run.reading?.otherColumns?.area_type, 'describes the area; not used');
      assert.equal(run.reading?.otherColumns?.average_rank, "a value: the measure 'average rank'");
      assert.ok(run.metrics.some((m) => m.code === 'income-deprivation-proportion-bottom-decile'));
    });

    it('reads the mid-year population: sex a breakdown, each age column a measure, Persons the whole', async () => {
      const result = await importText('mid-year_2024_population_estimates_local_authority.csv', POPULATION);
      assert.equal(result.status, 'loaded', JSON.stringify(result.rejections.slice(0, 3)));
      assert.deepEqual([result.rowsRead, result.inserted], [2 * 95, 2 * 95]);
      assert.equal(await valueOf('all-ages', 'E08000009'), 241025);
      assert.equal(await valueOf('all-ages-females', 'E08000009'), 123369);
      assert.equal(await valueOf('aged-90-plus-females', 'E08000009'), 1468);
      assert.equal((await getMetric(store.sql, 'aged-0'))?.title, 'aged 0');
    });

    it('reads licensed vehicles by their effective_date, year and quarter set aside, category the metric', async () => {
      const run = await dryRunFile(store.sql, { fileName: 'licensed_vehicles_gm_authorities.csv', input: textStream(VEHICLES), importedBy: 'test' });
      assert.equal(run.wouldLoad, true, JSON.stringify(run.rejections.slice(0, 3)));
      assert.deepEqual(
        run.metrics.map((m) => [m.code, m.periodKind]),
        [['all-licensed-cars-vehicle-count', 'date']],
      );
      assert.deepEqual(run.periods, { first: '2019-12-31', last: '2020-12-31', count: 2, kinds: ['date'] });
      assert.equal(run.reading?.otherColumns?.quarter, 'part of the date; the period is read from effective_date');
    });
  });

  describe('a file with no period', () => {
    it('is refused with the one-line mapping that reads it, and that mapping, given the period, loads it', async () => {
      const refused = await importText('gm_ward_median_property_prices.csv', PROPERTY_PRICES);
      assert.equal(refused.status, 'rejected');
      const reason = refused.rejections[0]!.reason;
      assert.match(reason, /^no column holds the period \(Lantern looks for a column named period, .*\): if every row is of one period, save this line as a mapping/);
      const line = /(\{.*\})/.exec(reason)![1]!;
      assert.deepEqual(JSON.parse(line), {
        area: 'area_code',
        area_name: 'area_name',
        period_value: '2023',
        value_columns: ['median_price', 'min_price', 'max_price', 'transactions'],
      });
      const mapping = parseMapping(line.replace('"2023"', '"2024"'), 'median_property_prices.mapping.json');
      const loaded = await importText('gm_ward_median_property_prices.csv', PROPERTY_PRICES, { mapping, addAreas: true });
      assert.equal(loaded.status, 'loaded', JSON.stringify(loaded.rejections.slice(0, 3)));
      assert.deepEqual([loaded.rowsRead, loaded.inserted], [8, 8]);
      const [row] = await queryObservations(store.sql, { metric: 'median-price', area: 'E05000656', limit: 10, offset: 0 });
      assert.deepEqual([row?.period, row?.value], ['2024', 70000]);
    });

    it('refuses a mapping that gives period_value beside a period column', () => {
      assert.throws(
        () => parseMapping('{"area":"a","period":"p","period_value":"2024","value":"v","metric":"m"}', 'm.json'),
        (error: Error) => error instanceof MappingError && /'period_value' and 'period' are both given/.test(error.message),
      );
    });
  });

  describe('files that are not figures about areas', () => {
    const cases: [string, string][] = [
      [
        'gp_patient_registrations.csv',
        'practice_code,practice_name,practice_postcode,registered_patients,ward_code,ward_name,msoa_code,msoa_hcl_name,locality\nP91003,Park Medical Practice,WA15 7XR,7855,E05015257,Timperley Central,E02001280,Timperley East,South\n',
      ],
      ['electors_2027.csv', 'PD_ID,Ward,Local electors 2027\n1BDF,Bowdon,264\n'],
      [
        'council_election_results.csv',
        'PublicationDate,OrganisationURI,OrganisationLabel,ElectionDate,ElectoralAreaURI,ElectoralAreaLabel,CandidateSurname,VotesWon\n2022-12-16,http://opendatacommunities.org/id/metropolitan-district-council/trafford,Trafford Council,2016-05-05,http://statistics.data.gov.uk/id/statistical-geography/E05000819,Altrincham,JERROME,777\n',
      ],
    ];
    for (const [name, text] of cases) {
      it(`refuses ${name}, saying Lantern found no column of GSS area codes and what to give`, async () => {
        const result = await importText(name, text);
        assert.equal(result.status, 'rejected');
        const reason = result.rejections[0]!.reason;
        assert.match(
          reason,
          /^no column holds GSS area codes such as E08000009 \(Lantern looks for a column named area_code, .* or an ONS code column such as lad19cd or wd23cd\): Lantern imports figures about areas; give --mapping FILE with an "area" column/,
        );
        assert.doesNotMatch(reason, /required column 'metric'/);
        assert.equal(result.rejections[0]!.line, 1);
      });
    }
  });
});
