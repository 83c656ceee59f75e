// Reading a spreadsheet (XLSX or ODS) as the same header and records a CSV
// gives, so that it goes through the one import path with the same checks.
//
// One sheet is read: the one asked for by name, or else the first; the
// notices say which was read and which others the workbook has. The file is
// held in memory (a spreadsheet must be whole to be read: its directory is at
// its end), hashed as it arrives, and its sheet unpacked and parsed a slice
// at a time as the import pulls records, so that memory follows the file's
// packed size, not the sheet's. Line numbers in messages are the sheet's row
// numbers. A damaged archive, a ZIP bomb or a sheet past a spreadsheet's
// limits is refused with what is wrong.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { CsvChunk, CsvFile } from './csv-reader.ts';
import { ODS_MIME_TYPE, streamOdsTable } from './ods-sheet.ts';
import { RejectionError } from './rejections.ts';
import { SheetError, SheetRows } from './sheet-rows.ts';
import { streamXlsxSheet, xlsxWorkbook } from './xlsx-sheet.ts';
import { wholeEntryText, zipEntries, ZipError, type ZipEntry } from './zip-archive.ts';

export type SpreadsheetKind = 'xlsx' | 'ods';

/** The most a spreadsheet file may be, packed: larger sheets are better sent as CSV, which streams. */
export const MAX_SPREADSHEET_BYTES = 256 * 1024 ** 2;

/** A spreadsheet by its name, or undefined where the name does not say. */
export function spreadsheetKindOfName(fileName: string): SpreadsheetKind | undefined {
  if (/\.xls[xm]$/i.test(fileName)) return 'xlsx';
  if (/\.ods$/i.test(fileName)) return 'ods';
  return undefined;
}

interface SheetReading {
  /** Reads one slice into the rows; answers whether there is more. */
  next(): boolean;
  /** The name of the sheet read, once known. */
  sheet(): string | undefined;
  /** Every sheet's name, once known. */
  sheets(): readonly string[];
}

/** Opens the named sheet (or the first); throws RejectionError when the file or the sheet cannot be read. */
export async function readSpreadsheet(fileName: string, input: Readable, sheetName?: string): Promise<CsvFile> {
  const archive = await wholeFile(fileName, input);
  const sha256 = createHash('sha256').update(archive).digest('hex');
  const rows = new SheetRows();
  const notices: string[] = [];
  let reading: SheetReading;
  try {
    reading = openSheet(archive, sheetName, rows, notices);
    while (!rows.header && reading.next()) {
      /* read until the header row */
    }
  } catch (error) {
    throw asRejection(fileName, error);
  }
  const sheet = reading.sheet();
  if (sheet === undefined) throw noSuchSheet(fileName, sheetName ?? '', reading.sheets());
  if (!rows.header) throw new RejectionError(fileName, { line: 1, reason: `the sheet '${sheet}' is empty: it has no header row` });
  const sheetNotice = () => {
    const others = reading
      .sheets()
      .filter((name) => name !== sheet)
      .map((name) => `'${name}'`);
    return others.length === 0 ? `read the sheet '${sheet}', the only one in the workbook` : `read the sheet '${sheet}'; the workbook also has ${others.join(', ')} (choose one with --sheet)`;
  };
  notices.unshift(sheetNotice());
  async function* chunks(): AsyncGenerator<CsvChunk, void> {
    try {
      for (let more = true; more;) {
        more = reading.next();
        if (!more) rows.flush();
        yield* rows.take();
      }
    } catch (error) {
      throw asRejection(fileName, error);
    }
    notices[0] = sheetNotice(); // an ODS file's later sheets are known only now
  }
  return { header: rows.header, headerLine: rows.headerRow, fillsRows: true, chunks: chunks(), bytesRead: () => archive.length, sha256: () => sha256, notices };
}

function openSheet(archive: Buffer, sheetName: string | undefined, rows: SheetRows, notices: string[]): SheetReading {
  const entries = zipEntries(archive);
  const wanted = sheetName === undefined ? undefined : (name: string) => sameSheetName(name, sheetName);
  if (spreadsheetKindOfEntries(archive, entries) === 'ods') {
    const content = entries.get('content.xml');
    if (!content) throw new ZipError('it is an ODS file without its content.xml');
    const ods = streamOdsTable(archive, content, wanted, rows);
    return { next: ods.next, sheet: ods.chosen, sheets: () => ods.tables };
  }
  const workbook = xlsxWorkbook(archive, entries);
  const names = workbook.sheets.map((s) => s.name);
  const sheet = wanted ? workbook.sheets.find((s) => wanted(s.name)) : workbook.sheets[0];
  if (!sheet) return { next: () => false, sheet: () => undefined, sheets: () => names };
  const next = streamXlsxSheet(archive, entries, workbook, sheet, rows, notices);
  return { next, sheet: () => sheet.name, sheets: () => names };
}

/** ODS where the archive's first entry, `mimetype`, says so; XLSX otherwise. */
function spreadsheetKindOfEntries(archive: Buffer, entries: ReadonlyMap<string, ZipEntry>): SpreadsheetKind {
  const mimetype = entries.get('mimetype');
  if (mimetype && mimetype.declaredSize < 200 && wholeEntryText(archive, mimetype, 1024).trim() === ODS_MIME_TYPE) return 'ods';
  return 'xlsx';
}

function sameSheetName(found: string, asked: string): boolean {
  return found.trim().toLowerCase() === asked.trim().toLowerCase();
}

async function wholeFile(fileName: string, input: Readable): Promise<Buffer> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of input as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_SPREADSHEET_BYTES) {
      input.destroy();
      throw new RejectionError(
        fileName,
        {
          line: 1,
          reason: `the spreadsheet is over ${MAX_SPREADSHEET_BYTES / 1024 ** 2} MB`,
          suggestion: 'save the sheet as "CSV UTF-8", which Lantern reads as a stream',
        },
        'too_large',
      );
    }
    parts.push(chunk);
  }
  return Buffer.concat(parts, size);
}

function noSuchSheet(fileName: string, asked: string, sheets: readonly string[]): RejectionError {
  const list = sheets.length === 0 ? 'it has none' : `its sheets are ${sheets.map((name) => `'${name}'`).join(', ')}`;
  return new RejectionError(fileName, { line: 1, reason: `there is no sheet '${asked}' in the workbook: ${list}` });
}

function asRejection(fileName: string, error: unknown): unknown {
  if (error instanceof SheetError) return new RejectionError(fileName, { line: error.row, reason: error.message });
  if (error instanceof ZipError) {
    return new RejectionError(fileName, { line: 1, reason: `the spreadsheet cannot be read: ${error.message}` }, error.unpacksTooLarge ? 'too_large' : 'unreadable');
  }
  return error;
}
