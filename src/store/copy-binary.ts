// Reading PostgreSQL's binary COPY format (COPY … TO STDOUT WITH (FORMAT
// binary)): a header, then each row as a count of fields and each field as
// its length and bytes (-1 for null), then -1. A bytea field comes as its
// bytes, where a query's answer would send it as hex text, twice the size,
// for PostgreSQL to write and Node to read back.
import { Buffer } from 'node:buffer';
import type { Readable } from 'node:stream';

const SIGNATURE = Buffer.from('PGCOPY\n\xff\r\n\0', 'latin1');

type Fields = readonly (Buffer | null)[];

/**
 * Calls `each` with every row's fields, in order, as the stream brings them;
 * a field's bytes are only good during the call. The stream is read as it
 * flows ('data'), and to its end even after a failure: the driver pauses
 * its connection while a pulled stream's buffer is full, and left paused at
 * the end, the connection's next statement would never be answered.
 */
export function eachCopyRow(stream: Readable, each: (fields: Fields) => void): Promise<void> {
  const rows = new CopyRows(each);
  let failure: { error: unknown } | undefined;
  return new Promise((resolve, reject) => {
    stream.on('data', (chunk: Buffer) => {
      if (failure) return;
      try {
        rows.push(chunk);
      } catch (error) {
        failure = { error };
      }
    });
    stream.once('error', reject);
    stream.once('end', () => {
      if (failure) reject(failure.error as Error);
      else if (!rows.ended) reject(new Error('binary COPY data ended before its trailer'));
      else resolve();
    });
  });
}

/** The rows of binary COPY data, given in chunks as they come. */
class CopyRows {
  private pending: Buffer = Buffer.alloc(0);
  private headerRead = false;
  ended = false;

  constructor(private readonly each: (fields: Fields) => void) {}

  push(chunk: Buffer): void {
    this.pending = this.pending.length === 0 ? chunk : Buffer.concat([this.pending, chunk]);
    let at = this.headerRead ? 0 : this.headerEnd();
    if (at < 0) return;
    for (let row = rowAt(this.pending, at); row !== undefined && !this.ended; row = rowAt(this.pending, at)) {
      if (row.fields) this.each(row.fields);
      else this.ended = true;
      at = row.end;
    }
    this.pending = this.pending.subarray(at);
  }

  /** Where the rows start, once the whole header has come; -1 until then. */
  private headerEnd(): number {
    if (this.pending.length < 19) return -1;
    if (!this.pending.subarray(0, 11).equals(SIGNATURE)) throw new Error('not PostgreSQL binary COPY data');
    const extension = this.pending.readUInt32BE(15);
    if (this.pending.length < 19 + extension) return -1;
    this.headerRead = true;
    return 19 + extension;
  }
}

/** The row that starts at `at`, if all of it has come; no fields for the trailer. */
function rowAt(bytes: Buffer, at: number): { fields?: (Buffer | null)[]; end: number } | undefined {
  if (bytes.length < at + 2) return undefined;
  const count = bytes.readInt16BE(at);
  if (count === -1) return { end: at + 2 };
  const fields: (Buffer | null)[] = [];
  let next = at + 2;
  for (let i = 0; i < count; i++) {
    if (bytes.length < next + 4) return undefined;
    const length = bytes.readInt32BE(next);
    next += 4;
    if (length === -1) {
      fields.push(null);
      continue;
    }
    if (bytes.length < next + length) return undefined;
    fields.push(bytes.subarray(next, next + length));
    next += length;
  }
  return { fields, end: next };
}
