// Files whose header is not on the first row, as government statistics are
// published: a title, a source and a blank row above the header, notes below
// the data. The header is found (or taken from a mapping's header_row), the
// rows around the data are set aside and said, and every message names the
// file's or sheet's own row.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { formatRejection } from '../../src/domain/batch/index.ts';
import { MappingError, parseMapping } from '../../src/ingest/column-mapping.ts';
import { looksLikeHeader } from '../../src/ingest/header-row.ts';
import { importFile, type ImportResult } from '../../src/ingest/import-file.ts';
import { isNoteRow } from '../../src/ingest/trailing-notes.ts';
import { queryObservations } from '../../src/store/observations.ts';
import { textStream } from '../support/data.ts';
import { odsFile, odsRow, xlsxFile, type SheetCell } from '../support/spreadsheets.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const TITLE = 'Table 3: Households owed a prevention or relief duty, by local authority';
const SOURCE = 'Source: MHCLG, statutory homelessness live tables';
const HEADER = ['area_code', 'area_name', 'period', 'indicator', 'measure', 'unit', 'value'];
const INDICATOR = 'Households owed a duty';

/** Data rows for a period: Manchester, Trafford, Stockport. */
function dataRows(period: string): SheetCell[][] {
  return [
    ['E08000003', 'Manchester', period, INDICATOR, 'Rate', 'per 1,000 households', 14.2],
    ['E08000009', 'Trafford', period, INDICATOR, 'Rate', 'per 1,000 households', 8.1],
    ['E08000007', 'Stockport', period, INDICATOR, 'Rate', 'per 1,000 households', 9.6],
  ];
}

/** A council-level table as a CSV saved from the publisher's spreadsheet: title, source, blank row, header, data, blank row, notes. */
function councilCsv(period: string, data: readonly (readonly SheetCell[])[] = dataRows(period)): string {
  const line = (cells: readonly SheetCell[]) => cells.map((cell) => (/[",]/.test(String(cell ?? '')) ? `"${String(cell).replace(/"/g, '""')}"` : String(cell ?? ''))).join(',');
  const blank = ',,,,,,';
  return [`"${TITLE}",,,,,,`, `"${SOURCE}",,,,,,`, blank, line(HEADER), ...data.map(line), blank, '[x] not available,,,,,,', '"Figures are rounded, so may not sum",,,,,,'].join('\r\n') + '\r\n';
}

function importText(store: TestStore, fileName: string, file: string | Buffer, mapping?: string): Promise<ImportResult> {
  return importFile(store.sql, {
    fileName,
    input: textStream(file),
    importedBy: 'test',
    ...(mapping ? { mapping: parseMapping(mapping, 'homelessness-mapping.json') } : {}),
  });
}

function messages(fileName: string, result: ImportResult): string[] {
  return result.rejections.map((rejection) => formatRejection(fileName, rejection));
}

async function storedValue(store: TestStore, area: string, period: string): Promise<number | null | undefined> {
  const [metric] = await store.sql<{ code: string }[]>`select code from metric where title like ${`${INDICATOR}%`} order by id limit 1`;
  const rows = await queryObservations(store.sql, { metric: metric!.code, area, limit: 100, offset: 0 });
  return rows.find((row) => row.period === period)?.value;
}

async function observationCount(store: TestStore): Promise<number> {
  const [row] = await store.sql<{ n: number }[]>`select count(*)::int as n from observation`;
  return row!.n;
}

describe('looksLikeHeader(cells, areaColumn?)', () => {
  it('is a row of names, one of them an area column', () => {
    assert.equal(looksLikeHeader(Object.freeze(HEADER)), true);
    assert.equal(looksLikeHeader(['Local authority code', 'Local authority name', '2021', '2022']), true, 'years name period columns');
    assert.equal(looksLikeHeader(['code', 'name', 'type']), true, 'a definitions file');
    assert.equal(looksLikeHeader(['LA', 'Name', 'Households'], 'LA'), true, "a mapping's area column");
  });

  it('is not a title, a note, a data row or a row of mostly empty cells', () => {
    assert.equal(looksLikeHeader([TITLE, '', '', '']), false);
    assert.equal(looksLikeHeader(['E08000003', 'Manchester', '2022/23', INDICATOR, 'Rate', 'per 1,000 households', '14.2']), false);
    assert.equal(looksLikeHeader(['area_code', 'Manchester', '14.2']), false, 'a number');
    assert.equal(looksLikeHeader(['area_code', '', '', '', 'x']), false, 'mostly empty');
    assert.equal(looksLikeHeader(['area_code']), false, 'one cell');
    assert.equal(looksLikeHeader(['LA', 'Name', 'Households']), false, 'no area column it knows');
  });
});

describe('isNoteRow(record)', () => {
  it('is a row of one cell, in the first column', () => {
    assert.equal(isNoteRow(['Source: MHCLG', '', ' ']), true);
    assert.equal(isNoteRow(['[x] not available']), true);
    assert.equal(isNoteRow(['', 'Source: MHCLG']), false);
    assert.equal(isNoteRow(['E08000003', '14.2']), false);
    assert.equal(isNoteRow(['', '']), false);
  });
});

describe('a header below a title and notes', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());

  it('finds the header on row 4 of a CSV, sets the title, source and trailing notes aside, and says so', async () => {
    const result = await importText(store, 'homelessness-2022-23.csv', councilCsv('2022/23'));
    assert.equal(result.status, 'loaded', messages('homelessness-2022-23.csv', result).join('\n'));
    assert.equal(result.inserted, 3);
    assert.equal(result.rowsRead, 3);
    assert.ok(result.notices.includes(`the header is on row 4; rows 1 to 3 (a title and notes, beginning '${TITLE}') were set aside`), result.notices.join('\n'));
    assert.ok(result.notices.includes("rows 9 to 10 after the data are notes (beginning '[x] not available'), not data: set aside"), result.notices.join('\n'));
    assert.equal(await storedValue(store, 'E08000009', '2022/23'), 8.1);
  });

  it('finds it in an XLSX sheet, with sheet row numbers', async () => {
    const file = await xlsxFile([{ name: 'Table 3', rows: [[TITLE], [SOURCE], [], HEADER, ...dataRows('2021/22'), [], ['[x] not available']] }]);
    const result = await importText(store, 'homelessness-2021-22.xlsx', file);
    assert.equal(result.status, 'loaded', messages('homelessness-2021-22.xlsx', result).join('\n'));
    assert.equal(result.inserted, 3);
    assert.ok(result.notices.includes(`the header is on row 4; rows 1 to 3 (a title and notes, beginning '${TITLE}') were set aside`), result.notices.join('\n'));
    assert.ok(result.notices.includes("row 9 after the data is a note (beginning '[x] not available'), not data: set aside"), result.notices.join('\n'));
    assert.equal(await storedValue(store, 'E08000003', '2021/22'), 14.2);
  });

  it('finds it in an ODS table, and refuses a bad row there by its sheet row', async () => {
    const [manchester, trafford, stockport] = dataRows('2020/21');
    const rows = [odsRow([TITLE]), odsRow([SOURCE]), odsRow([]), odsRow(HEADER), odsRow(manchester!), odsRow(trafford!.slice(0, 6).concat(['n/k'])), odsRow(stockport!), odsRow([SOURCE])];
    const refused = await importText(store, 'homelessness-2020-21.ods', odsFile([{ name: 'Table 3', rows }]));
    assert.equal(refused.status, 'rejected');
    assert.deepEqual(
      messages('homelessness-2020-21.ods', refused).map((message) => message.split(':').slice(0, 3).join(':')),
      ["homelessness-2020-21.ods:6: column 'value'"],
    );

    rows[5] = odsRow(trafford!);
    const result = await importText(store, 'homelessness-2020-21.ods', odsFile([{ name: 'Table 3', rows }]));
    assert.equal(result.status, 'loaded', messages('homelessness-2020-21.ods', result).join('\n'));
    assert.equal(result.inserted, 3);
    assert.ok(
      result.notices.some((notice) => notice.startsWith('the header is on row 4; rows 1 to 3')),
      result.notices.join('\n'),
    );
    assert.equal(await storedValue(store, 'E08000007', '2020/21'), 9.6);
  });

  it('refuses a malformed row in the middle with its true line, though it is a single cell as notes are', async () => {
    const [manchester, trafford, stockport] = dataRows('2019/20');
    const stored = await observationCount(store);
    const result = await importText(store, 'homelessness-2019-20.csv', councilCsv('2019/20', [manchester!, ['Greater Manchester'], trafford!, stockport!]));
    assert.equal(result.status, 'rejected');
    assert.deepEqual(messages('homelessness-2019-20.csv', result), ['homelessness-2019-20.csv:6: the row has 1 cells but the header has 7']);
    assert.equal(await observationCount(store), stored, 'nothing stored');
  });

  it("names the header's own row when a column is missing from it", async () => {
    const mapping = JSON.stringify({ area: 'area_code', period: 'period', metric: 'indicator', value: 'figure' });
    const result = await importText(store, 'homelessness.csv', councilCsv('2018/19'), mapping);
    assert.equal(result.status, 'rejected');
    assert.match(messages('homelessness.csv', result)[0]!, /^homelessness\.csv:4: column 'figure': the mapping homelessness-mapping\.json says 'value' is the column 'figure'/);
  });

  it('reads the first row as the header, as before, where no row looks like one', async () => {
    const result = await importText(store, 'notes.csv', `${TITLE}\nSome notes\nE08000003,14.2\n`);
    assert.equal(result.status, 'rejected');
    assert.match(messages('notes.csv', result)[0]!, /^notes\.csv:1: no column holds GSS area codes/);
    assert.ok(!result.notices.some((notice) => notice.includes('header is on row')));
  });
});

describe("a mapping's header_row", () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());

  const table = ['"Households owed a duty, by local authority, 2022-23"', 'LA,Name,Year,Households owed a duty', 'E08000003,Manchester,2022/23,5210', 'E08000009,Trafford,2022/23,781'].join('\n');
  const mapping = (headerRow: unknown) => JSON.stringify({ header_row: headerRow, area: 'LA', area_name: 'Name', period: 'Year', value_columns: { 'Households owed a duty': 'households' } });

  it('reads the header from the row the mapping gives, and says so', async () => {
    const result = await importText(store, 'owed.csv', `\n\n${table}\n`, mapping(4));
    assert.equal(result.status, 'loaded', messages('owed.csv', result).join('\n'));
    assert.equal(result.inserted, 2);
    assert.ok(
      result.notices.includes(
        "the header is on row 4, as the mapping homelessness-mapping.json says; rows 1 to 3 (a title, beginning 'Households owed a duty, by local authority, 2022-23') were set aside",
      ),
      result.notices.join('\n'),
    );
  });

  it('refuses a header_row that is blank or past the end of the file, naming the mapping', async () => {
    const blank = await importText(store, 'owed.csv', `\n\n${table}\n`, mapping(2));
    assert.deepEqual(messages('owed.csv', blank), ["owed.csv:2: the mapping homelessness-mapping.json says 'header_row' is 2, but row 2 is blank"]);
    const past = await importText(store, 'owed.csv', `${table}\n`, mapping(40));
    assert.equal(past.status, 'rejected');
    assert.deepEqual(messages('owed.csv', past), ["owed.csv:4: the mapping homelessness-mapping.json says 'header_row' is 40, but the file has 4 rows"]);
  });

  it('refuses a header_row that is not a row number, naming the mapping file and the key', () => {
    for (const bad of [0, 2.5, '4', -1, 2_000_000]) {
      assert.throws(
        () => parseMapping(mapping(bad), 'homelessness-mapping.json'),
        (error: unknown) => {
          assert.ok(error instanceof MappingError);
          assert.equal(
            error.message,
            `homelessness-mapping.json: 'header_row' must be the row number of the header, a whole number from 1 (the file's first row) to 1,048,576, not ${JSON.stringify(bad)}`,
          );
          return true;
        },
      );
    }
  });
});
