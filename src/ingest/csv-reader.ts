// Reading a CSV as a stream of records, with the line each came from.
//
// Bytes are decoded as UTF-8 by the stream (so a character split between two
// chunks stays whole); a byte that is not UTF-8 stops the read with the line it
// is on. A byte order mark is dropped and noted. Cells are split by Papa
// Parse's core parser, one decoded chunk at a time, the unfinished last row
// carried to the next chunk: the consumer pulls, so memory stays flat however
// large the file.
//
// Lines are counted as records: a quoted cell holding a line break would make
// later line numbers one short, which spreadsheets' CSV output never does.
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import Papa from 'papaparse';
import { RejectionError } from './rejections.ts';

export interface CsvChunk {
  /** Records after the header, each an array of cells. */
  readonly records: readonly string[][];
  /** The file line of records[0]; the header is line 1. */
  readonly firstLine: number;
}

export interface CsvFile {
  readonly header: readonly string[];
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
  const records = recordsAfterHeader(parseChunks(decodeUtf8(fileName, counted, notices)));
  const first = await records.next();
  if (first.done) {
    input.destroy();
    throw new RejectionError(fileName, { line: 1, reason: 'the file is empty: it has no header row' });
  }
  let digest: string | undefined;
  return {
    header: first.value.header, chunks: records.rest(), bytesRead: () => bytes, sha256: () => (digest ??= hash.digest('hex')), notices,
  };
}

/**
 * UTF-8 text a chunk at a time. The decoder is strict: a byte that is not
 * UTF-8 stops the read with its line (a U+FFFD written in the file is fine).
 * A byte order mark is dropped and noted.
 */
async function* decodeUtf8(fileName: string, bytes: AsyncIterable<Buffer>, notices: string[]): AsyncGenerator<string, void> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  let line = 1;
  let first = true;
  for await (const chunk of bytes) {
    let text: string;
    try {
      text = decoder.decode(chunk, { stream: true });
    } catch {
      const loose = new TextDecoder('utf-8').decode(chunk);
      throw notUtf8(fileName, line + countNewlines(loose.slice(0, Math.max(0, loose.indexOf('\ufffd')))));
    }
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
  return new RejectionError(fileName, { line, reason: 'the file is not UTF-8 text: a byte here is not valid UTF-8', suggestion: 'save it as "CSV UTF-8"' });
}

/**
 * Records a decoded chunk at a time. Blank lines stay in, as empty records, so
 * that line numbers stay true; consumers pass over them.
 */
async function* parseChunks(text: AsyncIterable<string>): AsyncGenerator<CsvChunk, void> {
  let parser: Papa.Parser | undefined;
  let carried = '';
  let line = 1;
  for await (const chunk of text) {
    parser ??= new Papa.Parser({ delimiter: ',', newline: chunk.includes('\r\n') ? '\r\n' : '\n' });
    const joined = carried + chunk;
    const result = parser.parse(joined, 0, true) as ParseResult;
    carried = joined.slice(result.meta.cursor);
    yield { records: result.data, firstLine: line };
    line += result.data.length;
  }
  if (parser && carried !== '') {
    const result = parser.parse(carried, 0, false) as ParseResult;
    yield { records: result.data, firstLine: line };
  }
}

interface HeaderAndRest {
  next(): Promise<{ done: true } | { done: false; value: { header: string[] } }>;
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
        return { done: false, value: { header: chunk.records[at]!.map((cell) => cell.trim()) } };
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
