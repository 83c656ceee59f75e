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

/**
 * The rows of binary COPY data, given in chunks as they come. A row longer
 * than a chunk (a metric's pack is megabytes for a large one) waits for the
 * chunks it needs, which are joined once, when it has all come: joined as
 * each came, its bytes would be copied again with every chunk.
 */
class CopyRows {
  private pending: Buffer = Buffer.alloc(0);
  private waiting: Buffer[] = [];
  private waitingBytes = 0;
  /** How many bytes `pending` must hold before the next row, or the header, can be read. */
  private wanted = 0;
  private headerRead = false;
  ended = false;

  constructor(private readonly each: (fields: Fields) => void) {}

  push(chunk: Buffer): void {
    this.waiting.push(chunk);
    this.waitingBytes += chunk.length;
    if (this.pending.length + this.waitingBytes < this.wanted) return;
    this.pending = this.pending.length === 0 && this.waiting.length === 1 ? chunk : Buffer.concat([this.pending, ...this.waiting]);
    this.waiting = [];
    this.waitingBytes = 0;
    let at = 0;
    if (!this.headerRead) {
      const header = this.headerEnd();
      if ('wanted' in header) {
        this.wanted = header.wanted;
        return;
      }
      at = header.end;
    }
    for (let row = rowAt(this.pending, at); !this.ended; row = rowAt(this.pending, at)) {
      if ('wanted' in row) {
        this.wanted = row.wanted - at;
        break;
      }
      if (row.fields) this.each(row.fields);
      else this.ended = true;
      at = row.end;
    }
    this.pending = this.pending.subarray(at);
  }

  /** Where the rows start, once the whole header has come; how many bytes it needs until then. */
  private headerEnd(): { end: number } | { wanted: number } {
    if (this.pending.length < 19) return { wanted: 19 };
    if (!this.pending.subarray(0, 11).equals(SIGNATURE)) throw new Error('not PostgreSQL binary COPY data');
    const end = 19 + this.pending.readUInt32BE(15);
    if (this.pending.length < end) return { wanted: end };
    this.headerRead = true;
    return { end };
  }
}

/** The row that starts at `at`, if all of it has come (no fields for the trailer); if not, the length the bytes must reach first. */
function rowAt(bytes: Buffer, at: number): { fields?: (Buffer | null)[]; end: number } | { wanted: number } {
  if (bytes.length < at + 2) return { wanted: at + 2 };
  const count = bytes.readInt16BE(at);
  if (count === -1) return { end: at + 2 };
  const fields: (Buffer | null)[] = [];
  let next = at + 2;
  for (let i = 0; i < count; i++) {
    if (bytes.length < next + 4) return { wanted: next + 4 };
    const length = bytes.readInt32BE(next);
    next += 4;
    if (length === -1) {
      fields.push(null);
      continue;
    }
    if (bytes.length < next + length) return { wanted: next + length };
    fields.push(bytes.subarray(next, next + length));
    next += length;
  }
  return { fields, end: next };
}
