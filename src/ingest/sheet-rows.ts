// A sheet's rows gathered into the chunks a CSV gives: the header (the first
// row that is not blank) and then records, each chunk with the sheet row
// number of its first record, so that messages name the row a person sees.
//
// Spreadsheets leave out empty cells and empty rows, so a record is filled
// out to the header's width, and a gap in the row numbers starts a new chunk
// rather than a run of blank records. A sheet holds at most 16,384 columns
// and 1,048,576 rows (Excel's limits); a cell beyond them is refused, so that
// a file claiming a million columns cannot make Lantern build them.
import { SaxesParser } from 'saxes';
import type { CsvChunk } from './csv-reader.ts';
import { ZipError } from './zip-archive.ts';

export const MAX_COLUMNS = 16_384;
export const MAX_ROWS = 1_048_576;
/** Records a chunk holds before it is handed on. */
const CHUNK_RECORDS = 2_000;

/** A problem with the sheet's shape, in words for the user, at a sheet row. */
export class SheetError extends Error {
  constructor(
    readonly row: number,
    message: string,
  ) {
    super(message);
  }
}

export class SheetRows {
  header: string[] | undefined;
  /** The sheet row of the header. */
  headerRow = 0;
  private ready: CsvChunk[] = [];
  private records: string[][] = [];
  private firstLine = 0;

  /** Takes a row by its sheet row number; `cells` has no trailing empty cells. */
  add(row: number, cells: string[]): void {
    if (row > MAX_ROWS) throw new SheetError(row, `the sheet has a row beyond row ${MAX_ROWS.toLocaleString('en-GB')}, the most a spreadsheet holds`);
    if (cells.length === 0) return;
    if (!this.header) {
      this.header = cells.map((cell) => cell.trim());
      this.headerRow = row;
      return;
    }
    if (cells.length < this.header.length) {
      for (let i = cells.length; i < this.header.length; i++) cells.push('');
    }
    if (this.records.length > 0 && row !== this.firstLine + this.records.length) this.flush();
    if (this.records.length === 0) this.firstLine = row;
    this.records.push(cells);
    if (this.records.length >= CHUNK_RECORDS) this.flush();
  }

  /** The chunks completed so far, handed over. */
  take(): CsvChunk[] {
    const chunks = this.ready;
    this.ready = [];
    return chunks;
  }

  /** Completes the chunk in progress. */
  flush(): void {
    if (this.records.length === 0) return;
    this.ready.push({ records: this.records, firstLine: this.firstLine });
    this.records = [];
  }
}

/** The zero-based column of a cell reference such as 'AB12', or undefined when it has none. */
export function columnOfReference(reference: string): number | undefined {
  let column = 0;
  let i = 0;
  for (; i < reference.length; i++) {
    const code = reference.charCodeAt(i);
    if (code >= 65 && code <= 90) column = column * 26 + (code - 64);
    else if (code >= 97 && code <= 122) column = column * 26 + (code - 96);
    else break;
  }
  return i === 0 ? undefined : column - 1;
}

/** Puts a cell's text at its column, filling the columns between with empty cells. */
export function placeCell(cells: string[], column: number, text: string, row: number): void {
  if (column >= MAX_COLUMNS) {
    throw new SheetError(row, `row ${row} has a cell beyond column ${MAX_COLUMNS.toLocaleString('en-GB')} (XFD), the most a spreadsheet holds`);
  }
  while (cells.length < column) cells.push('');
  cells[column] = text;
}

/** A streaming XML parser for one part of a spreadsheet: damaged XML stops the read, naming the part. */
export function partParser(part: string): SaxesParser {
  const parser = new SaxesParser({ position: false });
  parser.on('error', (error) => {
    throw new ZipError(`${part} is not well-formed XML (${error.message})`);
  });
  return parser;
}
