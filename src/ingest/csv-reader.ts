// Reading a CSV as a stream of records, with the line each came from.
//
// Bytes are decoded as UTF-8 by the stream (so a character split between two
// chunks stays whole); a byte that is not UTF-8, a NUL or a UTF-16 byte order
// mark stops the read with the line it is on. A UTF-8 byte order mark is
// dropped and noted. Cells are split by Papa Parse's core parser, 64 KB of text
// at a time, the unfinished last record carried to the next piece: the
// consumer pulls, so memory stays flat however large the file.
//
// Whatever the file holds, reading it takes time linear in its size: a record
// still unfinished after 1 MB (a quote never closed, a file of one endless
// line) is refused there and then with the line it began on, rather than
// carried and parsed again for every piece to the end of the file.
//
// Lines are counted as records: a quoted cell holding a line break would make
// later line numbers one short, which spreadsheets' CSV output never does.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import Papa from 'papaparse';
import { RejectionError } from './rejections.ts';

/** The longest record (line, or lines within quotes) Lantern reads, in characters. */
export const MAX_RECORD_CHARACTERS = 1024 * 1024;
/** Text is parsed this much at a time, so that an over-long record is seen as soon as it passes the limit. */
const PARSE_PIECE = 64 * 1024;

export interface CsvChunk {
  /** Records after the header, each an array of cells. */
  readonly records: readonly string[][];
  /** The file line of records[0]; the header is line 1. */
  readonly firstLine: number;
}

export interface CsvFile {
  readonly header: readonly string[];
  /** The file line (sheet row) of the header. */
  readonly headerLine: number;
  /** A spreadsheet's rows, which leave out trailing empty cells, are filled out to the header's width; a CSV's are as written. */
  readonly fillsRows: boolean;
  readonly chunks: AsyncIterable<CsvChunk>;
  /** Bytes read so far, for progress. */
  bytesRead(): number;
  /** The file's SHA-256, once the chunks are exhausted. */
  sha256(): string;
  /** Things worth telling the user that are not rejections. */
  readonly notices: string[];
}

interface ParseResult {
  data: string[][];
  errors: { code: string; row?: number }[];
  meta: { cursor: number };
}

/** Opens a CSV; throws RejectionError when it has no header or is not UTF-8. */
export async function readCsv(fileName: string, input: Readable): Promise<CsvFile> {
  const hash = createHash('sha256');
  let bytes = 0;
  const counted = (async function* () {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      hash.update(chunk);
      bytes += chunk.length;
      yield chunk;
    }
  })();
  const notices: string[] = [];
  const records = recordsAfterHeader(parseChunks(fileName, decodeUtf8(fileName, counted, notices)));
  const first = await records.next();
  if (first.done) {
    input.destroy();
    throw new RejectionError(fileName, { line: 1, reason: 'the file is empty: it has no header row' });
  }
  let digest: string | undefined;
  return {
    header: first.value.header,
    headerLine: first.value.line,
    fillsRows: false,
    chunks: records.rest(),
    bytesRead: () => bytes,
    sha256: () => (digest ??= hash.digest('hex')),
    notices,
  };
}

/**
 * UTF-8 text a chunk at a time. The decoder is strict: a byte that is not
 * UTF-8 stops the read with its line (a U+FFFD written in the file is fine),
 * and so does a NUL, which no text file holds but UTF-16 and binary files
 * are full of. A UTF-8 byte order mark is dropped and noted.
 */
async function* decodeUtf8(fileName: string, bytes: AsyncIterable<Buffer>, notices: string[]): AsyncGenerator<string, void> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let line = 1;
  let first = true;
  for await (const chunk of bytes) {
    if (first && isUtf16(chunk)) throw utf16(fileName);
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const loose = new TextDecoder('utf-8').decode(chunk);
      throw notUtf8(fileName, line + countNewlines(loose.slice(0, Math.max(0, loose.indexOf('\ufffd')))));
    }
    const nul = text.indexOf('\0');
    if (nul >= 0) throw notText(fileName, line + countNewlines(text.slice(0, nul)));
    if (first && text !== '') {
      first = false;
      if (text.charCodeAt(0) === 0xfeff) {
        text = text.slice(1);
        notices.push('the file starts with a byte order mark (BOM); Lantern ignored it');
      }
    }
    line += countNewlines(text);
    yield text;
  }
  try {
    decoder.decode();
  } catch {
    throw notUtf8(fileName, line); // the file ends in the middle of a character
  }
}

function notUtf8(fileName: string, line: number): RejectionError {
  return new RejectionError(fileName, { line, reason: 'the file is not UTF-8 text: a byte here is not valid UTF-8', suggestion: 'save it as "CSV UTF-8"' }, 'unreadable');
}

/** A UTF-16 byte order mark, either way round. */
function isUtf16(bytes: Buffer): boolean {
  return bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
}

function utf16(fileName: string): RejectionError {
  return new RejectionError(fileName, { line: 1, reason: 'the file is UTF-16 text, not UTF-8', suggestion: 'save it as "CSV UTF-8"' }, 'unreadable');
}

function notText(fileName: string, line: number): RejectionError {
  return new RejectionError(
    fileName,
    {
      line,
      reason: 'the file is not UTF-8 text: it holds a NUL byte here, as UTF-16 text and binary files do',
      suggestion: 'save it as "CSV UTF-8"',
    },
    'unreadable',
  );
}

/**
 * Records a piece of text at a time. Blank lines stay in, as empty records, so
 * that line numbers stay true; consumers pass over them. The unfinished last
 * record is carried to the next piece, and refused once it passes the limit.
 */
async function* parseChunks(fileName: string, text: AsyncIterable<string>): AsyncGenerator<CsvChunk, void> {
  let parser: Papa.Parser | undefined;
  let carried = '';
  let line = 1;
  for await (const chunk of text) {
    for (let at = 0; at < chunk.length; at += PARSE_PIECE) {
      const piece = chunk.slice(at, at + PARSE_PIECE);
      parser ??= new Papa.Parser({ delimiter: ',', newline: piece.includes('\r\n') ? '\r\n' : '\n' });
      const joined = carried + piece;
      const result = parser.parse(joined, 0, true) as ParseResult;
      // Only the record carried in can have grown past the limit: it is the first finished one, or still unfinished.
      if (carried.length + piece.length > MAX_RECORD_CHARACTERS && result.data.length > 0) {
        const record = result.data[0]!;
        if (recordLength(record) > MAX_RECORD_CHARACTERS)
          throw overLongRecord(
            fileName,
            line,
            record.some((cell) => cell.includes('\n')),
          );
      }
      carried = joined.slice(result.meta.cursor);
      if (carried.length > MAX_RECORD_CHARACTERS) throw overLongRecord(fileName, line + result.data.length, carried.includes('\n'));
      if (result.data.length === 0) continue;
      yield { records: result.data, firstLine: line };
      line += result.data.length;
    }
  }
  if (parser && carried !== '') {
    const result = parser.parse(carried, 0, false) as ParseResult;
    const unclosed = result.errors.find((error) => error.code === 'MissingQuotes');
    if (unclosed) throw unclosedQuote(fileName, line + (unclosed.row ?? 0), 'is never closed');
    yield { records: result.data, firstLine: line };
  }
}

function recordLength(record: readonly string[]): number {
  let length = record.length - 1;
  for (const cell of record) length += cell.length;
  return length;
}

/** A record past the limit: within quotes when it spans lines (only a quote joins lines), else one endless line. */
function overLongRecord(fileName: string, line: number, spansLines: boolean): RejectionError {
  if (spansLines) return unclosedQuote(fileName, line, `is not closed within ${MAX_RECORD_CHARACTERS / 1024 / 1024} MB`);
  return new RejectionError(
    fileName,
    {
      line,
      reason: `this line is over ${MAX_RECORD_CHARACTERS / 1024 / 1024} MB long: a record of a CSV file may be ${MAX_RECORD_CHARACTERS / 1024 / 1024} MB at most`,
    },
    'too_large',
  );
}

function unclosedQuote(fileName: string, line: number, how: string): RejectionError {
  return new RejectionError(fileName, { line, reason: `a quote opened on this line ${how}: the file is not well-formed CSV` }, 'malformed');
}

interface HeaderAndRest {
  next(): Promise<{ done: true } | { done: false; value: { header: string[]; line: number } }>;
  rest(): AsyncIterable<CsvChunk>;
}

/** Splits off the header: the first record that is not blank. */
function recordsAfterHeader(chunks: AsyncGenerator<CsvChunk, void>): HeaderAndRest {
  let leftover: CsvChunk | undefined;
  return {
    async next() {
      // Not for-await: leaving such a loop would close the generator.
      for (let item = await chunks.next(); !item.done; item = await chunks.next()) {
        const chunk = item.value;
        const at = chunk.records.findIndex((record) => !isBlank(record));
        if (at < 0) continue;
        leftover = { records: chunk.records.slice(at + 1), firstLine: chunk.firstLine + at + 1 };
        return { done: false, value: { header: chunk.records[at]!.map((cell) => cell.trim()), line: chunk.firstLine + at } };
      }
      return { done: true };
    },
    async *rest() {
      if (leftover && leftover.records.length > 0) yield leftover;
      yield* chunks;
    },
  };
}

/** A record of nothing: a blank line, passed over. */
export function isBlank(record: readonly string[]): boolean {
  return record.length === 0 || (record.length === 1 && record[0]!.trim() === '');
}

function countNewlines(text: string): number {
  let count = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) count++;
  return count;
}
