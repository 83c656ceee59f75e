// Spreadsheets through the one import path: XLSX and ODS, one named sheet,
// dates in cells as ISO dates, numbers at full precision, sheet row numbers in
// messages, and hostile files (a ZIP bomb, a million columns) refused with
// what is wrong and nothing stored.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { strToU8, zipSync } from 'fflate';
import { formatRejection } from '../../src/domain/batch/index.ts';
import { importFile, type ImportResult } from '../../src/ingest/import-file.ts';
import { readTableFile } from '../../src/ingest/table-file.ts';
import { importText, seedCatalogue } from '../support/import.ts';
import { odsCell, odsFile, odsRow, withPart, xlsxFile, type SheetCell } from '../support/spreadsheets.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const HEADER: SheetCell[] = ['metric', 'area', 'period', 'value'];
const NOTES = { name: 'Notes', rows: [['Library visits, 2023'], ['Source: the council']] };

function bytes(file: Buffer): Readable {
  return Readable.from([file]);
}

async function records(fileName: string, file: Buffer, sheet?: string): Promise<{ header: readonly string[]; rows: [number, string[]][]; notices: string[] }> {
  const table = await readTableFile(fileName, bytes(file), sheet);
  const rows: [number, string[]][] = [];
  for await (const chunk of table.chunks) chunk.records.forEach((record, i) => rows.push([chunk.firstLine + i, record]));
  return { header: table.header, rows, notices: table.notices };
}

describe('spreadsheets read as rows', () => {
  it('reads the named sheet of an XLSX workbook, its dates as ISO dates and its numbers as written', async () => {
    const file = await xlsxFile([
      NOTES,
      {
        name: 'Data',
        rows: [['area', 'date', 'value'], ['E06000047', new Date(Date.UTC(2020, 11, 31)), 0.1234567890123457], [], ['E06000001', new Date(Date.UTC(2021, 2, 31)), 12]],
      },
    ]);
    const read = await records('visits.xlsx', file, 'data');
    assert.deepEqual(read.header, ['area', 'date', 'value']);
    assert.deepEqual(read.rows, [
      [2, ['E06000047', '2020-12-31', '0.1234567890123457']],
      [4, ['E06000001', '2021-03-31', '12']],
    ]);
    assert.deepEqual(read.notices, ["read the sheet 'Data'; the workbook also has 'Notes' (choose one with --sheet)"]);
  });

  it('reads the first sheet when none is named, and a spreadsheet told by its bytes whatever its name', async () => {
    const file = await xlsxFile([
      {
        name: 'Table 1',
        rows: [
          ['a', 'b'],
          ['1', '2'],
        ],
      },
      NOTES,
    ]);
    const read = await records('upload.csv', file);
    assert.deepEqual(read.rows, [[2, ['1', '2']]]);
    assert.match(read.notices[0]!, /read the sheet 'Table 1'; the workbook also has 'Notes'/);
  });

  it('reads a formula cell as its saved value, and says when a formula has none', async () => {
    const file = withPart(
      await xlsxFile([
        {
          name: 'Data',
          rows: [
            ['a', 'b', 'c'],
            [1, 2, 3],
          ],
        },
      ]),
      'xl/worksheets/sheet1.xml',
      (xml) => xml.replace('<c r="B2"><v>2</v></c>', '<c r="B2"><f>A2*2</f><v>2.5</v></c>').replace('<c r="C2"><v>3</v></c>', '<c r="C2"><f>A2+B2</f></c>'),
    );
    const read = await records('f.xlsx', file);
    assert.deepEqual(read.rows, [[2, ['1', '2.5', '']]]);
    assert.match(read.notices.join('\n'), /1 formula cell\(s\) in the sheet 'Data' have no saved value/);
  });

  it('reads an ODS table by name, with dates, full-precision numbers and repeats left unexpanded', async () => {
    const file = odsFile([
      { name: 'Cover', rows: [odsRow(['Household waste'])] },
      {
        name: 'Table 2',
        rows: [
          odsRow(['area', 'period', 'value']),
          odsRow(['E06000047', new Date(Date.UTC(2020, 11, 31)), 0.30000000000000004]),
          odsRow([], 3),
          `<table:table-row>${odsCell('E06000001')}${odsCell(null, 1)}${odsCell(7, 1)}<table:table-cell table:number-columns-repeated="16381"/></table:table-row>`,
          odsRow(['E12000001', '2021', 5], 2),
        ],
      },
      { name: 'Notes', rows: [odsRow(['n'])] },
    ]);
    const read = await records('waste.ods', file, 'Table 2');
    assert.deepEqual(read.header, ['area', 'period', 'value']);
    assert.deepEqual(read.rows, [
      [2, ['E06000047', '2020-12-31', '0.30000000000000004']],
      [6, ['E06000001', '', '7']],
      [7, ['E12000001', '2021', '5']],
      [8, ['E12000001', '2021', '5']],
    ]);
    assert.deepEqual(read.notices, ["read the sheet 'Table 2'; the workbook also has 'Cover', 'Notes' (choose one with --sheet)"]);
  });

  it("keeps an ODS cell's text paragraphs and spaces, not its comments", async () => {
    const cell =
      '<table:table-cell office:value-type="string"><office:annotation><text:p>a comment</text:p></office:annotation>' +
      '<text:p>two<text:s text:c="2"/>spaces</text:p><text:p>second line</text:p></table:table-cell>';
    const read = await records('t.ods', odsFile([{ name: 'S', rows: [odsRow(['h']), `<table:table-row>${cell}</table:table-row>`] }]));
    assert.deepEqual(read.rows, [[2, ['two  spaces\nsecond line']]]);
  });
});

describe('spreadsheets refused', () => {
  async function refused(fileName: string, file: Buffer, sheet?: string): Promise<string> {
    const error = await readTableFile(fileName, bytes(file), sheet).then(
      async (table) => {
        for await (const chunk of table.chunks) void chunk;
        return undefined;
      },
      (e: unknown) => e,
    );
    assert.ok(error instanceof Error, 'the file should be refused');
    return error.message;
  }

  it('names the sheets there are when the one asked for is not there', async () => {
    const message = await refused('visits.xlsx', await xlsxFile([NOTES, { name: 'Data', rows: [['a']] }]), 'Table 3');
    assert.equal(message, "visits.xlsx:1: there is no sheet 'Table 3' in the workbook: its sheets are 'Notes', 'Data'");
    const ods = await refused(
      'visits.ods',
      odsFile([
        { name: 'Cover', rows: [] },
        { name: 'Data', rows: [odsRow(['a'])] },
      ]),
      'data 2',
    );
    assert.equal(ods, "visits.ods:1: there is no sheet 'data 2' in the workbook: its sheets are 'Cover', 'Data'");
  });

  it('refuses a ZIP bomb quickly, having unpacked no more than its limit', async () => {
    const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
    const sheet = `<worksheet><sheetData>${row.repeat(((8 * 1024 * 1024) / row.length) * 20)}</sheetData></worksheet>`; // 160 MB of XML
    const bomb = withPart(await xlsxFile([{ name: 'Data', rows: [['a']] }]), 'xl/worksheets/sheet1.xml', () => sheet);
    assert.ok(bomb.length < 1024 * 1024, `the bomb is ${bomb.length} bytes packed`);
    const message = await refused('bomb.xlsx', bomb);
    assert.match(message, /^bomb\.xlsx:1: the spreadsheet cannot be read: xl\/worksheets\/sheet1\.xml unpacks to more than 64 MB from \d+ KB packed: it looks like a ZIP bomb/);
  });

  it('refuses a sheet with a cell a million columns along, naming its row', async () => {
    const wide = `<table:table-row>${odsCell('x')}${odsCell(null, 1_000_000)}${odsCell('y')}</table:table-row>`;
    const message = await refused('wide.ods', odsFile([{ name: 'S', rows: [odsRow(['h']), odsRow(['a']), wide] }]));
    assert.equal(message, 'wide.ods:3: row 3 has a cell beyond column 16,384 (XFD), the most a spreadsheet holds');
    const xlsx = withPart(await xlsxFile([{ name: 'S', rows: [['h']] }]), 'xl/worksheets/sheet1.xml', (xml) => xml.replace('</sheetData>', '<row r="2"><c r="ZZZZ2"><v>1</v></c></row></sheetData>'));
    assert.equal(await refused('wide.xlsx', xlsx), 'wide.xlsx:2: row 2 has a cell beyond column 16,384 (XFD), the most a spreadsheet holds');
  });

  it('refuses damaged archives, damaged XML and Excel 97-2003 workbooks with what is wrong', async () => {
    const file = await xlsxFile([{ name: 'S', rows: [['h']] }]);
    assert.match(await refused('cut.xlsx', file.subarray(0, file.length - 30)), /^cut\.xlsx:1: the spreadsheet cannot be read: it is not a complete ZIP archive/);
    assert.match(
      await refused(
        'bad.xlsx',
        withPart(file, 'xl/worksheets/sheet1.xml', (xml) => xml.replace('</sheetData>', '<row>')),
      ),
      /^bad\.xlsx:1: the spreadsheet cannot be read: xl\/worksheets\/sheet1\.xml is not well-formed XML/,
    );
    const zip = Buffer.from(zipSync({ 'readme.txt': strToU8('hello') }));
    assert.match(await refused('files.zip', zip), /it is a ZIP archive but not a spreadsheet/);
    const xls = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(500)]);
    assert.equal(await refused('old.xls', xls), 'old.xls:1: the file is an Excel 97-2003 workbook (.xls), which Lantern does not read (did you mean save it as .xlsx, .ods or "CSV UTF-8"?)');
  });
});

describe('spreadsheets imported', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    const snapshot = await importText(store.sql, 'snapshot.csv', 'code,title,polarity,value_kind,period_kind\nvacant-homes,Vacant homes,lower_is_better,count,date\n');
    assert.equal(snapshot.status, 'loaded');
  });
  after(() => store.close());

  async function counts() {
    const [row] = await store.sql<{ observations: number; batches: number }[]>`
      select (select count(*) from observation)::int as observations, (select count(*) from import_batch)::int as batches`;
    return row!;
  }

  function importSheet(fileName: string, file: Buffer, sheet?: string): Promise<ImportResult> {
    return importFile(store.sql, { fileName, input: bytes(file), importedBy: 'test', ...(sheet ? { sheet } : {}) });
  }

  it("loads the named sheet of an XLSX file, with the file's hash and the sheet in the notices", async () => {
    const file = await xlsxFile([NOTES, { name: 'Data', rows: [HEADER, ['visits', 'E06000047', '2022', 1234.5678901234], ['visits', 'E06000001', '2022', 99]] }]);
    const result = await importSheet('visits.xlsx', file, 'Data');
    assert.equal(result.status, 'loaded', JSON.stringify(result.rejections));
    assert.equal(result.inserted, 2);
    assert.match(result.sha256!, /^[0-9a-f]{64}$/);
    assert.equal(result.sha256, (await import('node:crypto')).createHash('sha256').update(file).digest('hex'));
    assert.deepEqual(result.notices, ["read the sheet 'Data'; the workbook also has 'Notes' (choose one with --sheet)"]);
    const [row] = await store.sql<{ value: string }[]>`select o.value::text from observation o join area a on a.id = o.area_id where a.code = 'E06000047' and o.period = '2022'`;
    assert.equal(row!.value, '1234.5678901234');
  });

  it('loads an ODS table whose periods are dates in cells', async () => {
    const file = odsFile([{ name: 'Vacant', rows: [odsRow(HEADER), odsRow(['vacant-homes', 'E06000047', new Date(Date.UTC(2023, 9, 2)), 4021])] }]);
    const result = await importSheet('vacant.ods', file);
    assert.equal(result.status, 'loaded', JSON.stringify(result.rejections));
    assert.equal(result.inserted, 1);
    const [row] = await store.sql<{ period: string }[]>`select period from observation where batch_id = ${result.batchId}`;
    assert.equal(row!.period, '2023-10-02');
  });

  it('rejects a bad row by its sheet row number, a text cell that a spreadsheet would run as a formula among them, and stores nothing', async () => {
    const before = await counts();
    const tidy = await xlsxFile([{ name: 'Data', rows: [HEADER, ['visits', 'E06000047', '2023', 5], [], ['visits', 'E06000047', '2024', '=1+1'], ['visits', 'E06000001', '2025', 'n/a']] }]);
    const rejected = await importSheet('bad.xlsx', tidy);
    assert.equal(rejected.status, 'rejected');
    assert.deepEqual(
      rejected.rejections.map((r) => formatRejection('bad.xlsx', r)),
      ["bad.xlsx:4: column '#4': '=1+1' looks like a spreadsheet formula", "bad.xlsx:5: column 'value': 'n/a' is not a number"],
    );
    assert.equal((await counts()).observations, before.observations);
  });

  it('rejects the wrong sheet name as a batch, with nothing stored', async () => {
    const before = await counts();
    const result = await importSheet('visits.xlsx', await xlsxFile([NOTES, { name: 'Data', rows: [HEADER] }]), 'Table 9');
    assert.equal(result.status, 'rejected');
    assert.equal(formatRejection('visits.xlsx', result.rejections[0]!), "visits.xlsx:1: there is no sheet 'Table 9' in the workbook: its sheets are 'Notes', 'Data'");
    assert.equal((await counts()).observations, before.observations);
  });
});
