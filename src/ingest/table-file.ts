// A file of rows: a CSV, or a spreadsheet (XLSX or ODS), told apart by its
// name or else its first bytes (a spreadsheet is a ZIP archive), and read as
// the same header and records either way: the header found below any title
// and notes (header-row.ts), and notes after the data set aside
// (trailing-notes.ts).
import { Readable } from 'node:stream';
import { readCsv, type CsvFile } from './csv-reader.ts';
import { placeHeader, type HeaderChoice } from './header-row.ts';
import { RejectionError } from './rejections.ts';
import { readSpreadsheet, spreadsheetKindOfName } from './spreadsheet-reader.ts';
import { setAsideTrailingNotes } from './trailing-notes.ts';
import { isZip } from './zip-archive.ts';

/** The first bytes of an Excel 97-2003 workbook (an OLE compound file). */
const OLE_SIGNATURE = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

/** Opens the file's rows; `sheet` names the sheet of a spreadsheet (the first otherwise), `header` where its header is. */
export async function readTableFile(fileName: string, input: Readable, sheet?: string, header?: HeaderChoice): Promise<CsvFile> {
  return setAsideTrailingNotes(await placeHeader(fileName, await readRows(fileName, input, sheet), header));
}

async function readRows(fileName: string, input: Readable, sheet?: string): Promise<CsvFile> {
  if (spreadsheetKindOfName(fileName)) return readSpreadsheet(fileName, input, sheet);
  const { head, whole } = await peek(input, OLE_SIGNATURE.length);
  if (isZip(head)) return readSpreadsheet(fileName, whole, sheet);
  if (head.subarray(0, OLE_SIGNATURE.length).equals(OLE_SIGNATURE) || /\.xls$/i.test(fileName)) {
    whole.destroy();
    throw new RejectionError(
      fileName,
      {
        line: 1,
        reason: 'the file is an Excel 97-2003 workbook (.xls), which Lantern does not read',
        suggestion: 'save it as .xlsx, .ods or "CSV UTF-8"',
      },
      'unreadable',
    );
  }
  const csv = await readCsv(fileName, whole);
  if (sheet !== undefined) csv.notices.push(`the file is CSV, which has no sheets: the sheet '${sheet}' asked for was not used`);
  return csv;
}

/** At least `size` first bytes (fewer only if the file is shorter), and the whole stream again from its start. */
async function peek(input: Readable, size: number): Promise<{ head: Buffer; whole: Readable }> {
  const iterator = (input as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
  const taken: Buffer[] = [];
  let length = 0;
  let ended = false;
  while (length < size) {
    const item = await iterator.next();
    if (item.done) {
      ended = true;
      break;
    }
    taken.push(item.value);
    length += item.value.length;
  }
  const whole = Readable.from(
    (async function* () {
      yield* taken;
      if (ended) return;
      for (let item = await iterator.next(); !item.done; item = await iterator.next()) yield item.value;
    })(),
    { objectMode: false },
  );
  whole.once('close', () => input.destroy());
  return { head: Buffer.concat(taken, length), whole };
}
