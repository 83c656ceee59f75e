// Small spreadsheets made in the test, shaped as publishers' files are: XLSX
// written by write-excel-file (as Lantern writes its own report
// spreadsheets), and ODS written as LibreOffice writes it (a ZIP whose first
// entry, stored, is the `mimetype`; every sheet a table:table in content.xml;
// empty rows and columns to the sheet's edge given as repeats).
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import writeXlsxFile, { type SheetData } from 'write-excel-file/node';

export type SheetCell = string | number | Date | null;

/** An XLSX workbook of named sheets, in order. */
export async function xlsxFile(sheets: readonly { name: string; rows: readonly (readonly SheetCell[])[] }[]): Promise<Buffer> {
  const data = sheets.map(({ name, rows }) => ({
    sheet: name,
    data: rows.map((row) => row.map((value) => (value instanceof Date ? { value, format: 'dd/mm/yyyy' } : value === null ? null : { value }))) as SheetData,
  }));
  return Buffer.from(await writeXlsxFile(data).toBuffer());
}

/** The workbook with one of its parts rewritten (a sheet's XML, say), as other tools write them. */
export function withPart(file: Buffer, part: string, rewrite: (xml: string) => string): Buffer {
  const files = unzipSync(new Uint8Array(file));
  files[part] = strToU8(rewrite(strFromU8(files[part] ?? new Uint8Array())));
  return Buffer.from(zipSync(files));
}

/** An ODS cell: text, a float, a date (office:date-value), or empty. */
export function odsCell(value: SheetCell, repeat = 1): string {
  const repeated = repeat > 1 ? ` table:number-columns-repeated="${repeat}"` : '';
  if (value === null) return `<table:table-cell${repeated}/>`;
  if (value instanceof Date) {
    const iso = value.toISOString().slice(0, 10);
    return `<table:table-cell${repeated} office:value-type="date" office:date-value="${iso}" calcext:value-type="date"><text:p>${iso.split('-').reverse().join('/')}</text:p></table:table-cell>`;
  }
  if (typeof value === 'number') {
    return `<table:table-cell${repeated} office:value-type="float" office:value="${value}" calcext:value-type="float"><text:p>${value.toFixed(1)}</text:p></table:table-cell>`;
  }
  return `<table:table-cell${repeated} office:value-type="string" calcext:value-type="string"><text:p>${escape(value)}</text:p></table:table-cell>`;
}

/** An ODS row of cells, with the empty columns to the sheet's edge that LibreOffice writes. */
export function odsRow(cells: readonly SheetCell[], repeat = 1): string {
  const repeated = repeat > 1 ? ` table:number-rows-repeated="${repeat}"` : '';
  return `<table:table-row table:style-name="ro1"${repeated}>${cells.map((cell) => odsCell(cell)).join('')}<table:table-cell table:number-columns-repeated="${16384 - cells.length}"/></table:table-row>`;
}

/** An ODS spreadsheet of named tables, each given as its rows' XML. */
export function odsFile(tables: readonly { name: string; rows: readonly string[] }[]): Buffer {
  const body = tables
    .map(
      ({ name, rows }) =>
        `<table:table table:name="${escape(name)}" table:style-name="ta1"><table:table-column table:number-columns-repeated="16384"/>${rows.join('')}` +
        '<table:table-row table:number-rows-repeated="1048000"><table:table-cell table:number-columns-repeated="16384"/></table:table-row></table:table>',
    )
    .join('');
  const content =
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" ' +
    'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" office:version="1.3">' +
    `<office:body><office:spreadsheet>${body}</office:spreadsheet></office:body></office:document-content>`;
  const manifest =
    '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">' +
    '<manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/>' +
    '<manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>';
  const files: Zippable = {
    mimetype: [strToU8('application/vnd.oasis.opendocument.spreadsheet'), { level: 0 }],
    'content.xml': strToU8(content),
    'META-INF/manifest.xml': strToU8(manifest),
  };
  return Buffer.from(zipSync(files));
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
