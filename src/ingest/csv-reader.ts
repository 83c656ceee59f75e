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
import { Transform, type Readable } from 'node:stream';
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
  const counted = input.pipe(new Transform({
    transform(chunk: Buffer, _encoding, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  }));
  input.on('error', (error) => counted.destroy(error));
  counted.setEncoding('utf8');
  const notices: string[] = [];
  const chunks = parseChunks(fileName, counted as AsyncIterable<string>, notices);

  let first = await chunks.next();
  while (!first.done && first.value.records.length === 0) first = await chunks.next();
  const header = first.done ? [] : first.value.records[0]!.map((cell) => cell.trim());
  if (header.every((cell) => cell === '')) {
    input.destroy();
    throw new RejectionError(fileName, { line: 1, reason: 'the file is empty: it has no header row' });
  }
  const rest = first.done ? [] : first.value.records.slice(1);
  const all = (async function* () {
    if (rest.length > 0) yield { records: rest, firstLine: 2 };
    yield* chunks;
  })();
  let digest: string | undefined;
  return { header, chunks: all, bytesRead: () => bytes, sha256: () => (digest ??= hash.digest('hex')), notices };
}

/**
 * Records a decoded chunk at a time. Blank lines stay in, as empty records, so
 * that line numbers stay true; consumers pass over them.
 */
async function* parseChunks(fileName: string, text: AsyncIterable<string>, notices: string[]): AsyncGenerator<CsvChunk, void> {
  let parser: Papa.Parser | undefined;
  let carried = '';
  let line = 1;
  for await (let chunk of text) {
    if (parser === undefined) {
      if (chunk.charCodeAt(0) === 0xfeff) {
        chunk = chunk.slice(1);
        notices.push('the file starts with a byte order mark (BOM); Lantern ignored it');
      }
      parser = new Papa.Parser({ delimiter: ',', newline: chunk.includes('\r\n') ? '\r\n' : '\n' });
    }
    const bad = chunk.indexOf('\ufffd');
    if (bad >= 0) {
      throw new RejectionError(fileName, {
        line: line + countNewlines(carried) + countNewlines(chunk.slice(0, bad)),
        reason: 'the file is not UTF-8 text: a byte here is not valid UTF-8',
        suggestion: 'save it as "CSV UTF-8"',
      });
    }
    const text = carried + chunk;
    const result = parser.parse(text, 0, true) as ParseResult;
    carried = text.slice(result.meta.cursor);
    yield { records: result.data, firstLine: line };
    line += result.data.length;
  }
  if (parser && carried !== '') {
    const result = parser.parse(carried, 0, false) as ParseResult;
    yield { records: result.data, firstLine: line };
  }
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
