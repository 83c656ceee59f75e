// Reading binary COPY data as PostgreSQL writes it: every row and field
// (text, bytea, null, empty) whatever the chunks it comes in, and a clear
// error for data cut short or not COPY at all.
import assert from 'node:assert/strict';
import { Buffer } from 'node:buffer';
import { after, before, describe, it } from 'node:test';
import { Readable } from 'node:stream';
import { eachCopyRow } from '../../src/store/copy-binary.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

/** The fields of each row, as text (hex for bytea) or null. */
async function rowsOf(bytes: Buffer, chunkSize: number): Promise<(string | null)[][]> {
  const chunks: Buffer[] = [];
  for (let at = 0; at < bytes.length; at += chunkSize) chunks.push(bytes.subarray(at, at + chunkSize));
  const rows: (string | null)[][] = [];
  await eachCopyRow(Readable.from(chunks), (fields) => rows.push(fields.map((f, i) => (f === null ? null : i === 1 ? f.toString('hex') : f.toString('utf8')))));
  return rows;
}

describe('binary COPY data', () => {
  let store: TestStore;
  let copied: Buffer;
  const ROWS = `(values ('1', '\\x00ff10'::bytea, 'Ynys Môn'), ('22', null, ''), ('333', ''::bytea, null)) as t(a, b, c)`;

  before(async () => {
    store = await openTestStore();
    const db = await store.sql.reserve();
    try {
      const chunks: Buffer[] = [];
      const stream = await db.unsafe(`copy (select a, b, c from ${ROWS}) to stdout with (format binary)`).readable();
      await new Promise((resolve, reject) =>
        stream
          .on('data', (c: Buffer) => chunks.push(c))
          .once('end', resolve)
          .once('error', reject),
      );
      copied = Buffer.concat(chunks);
    } finally {
      db.release();
    }
  });
  after(() => store.close());

  it('reads every row and field, in chunks of any size', async () => {
    const expected = [
      ['1', '00ff10', 'Ynys Môn'],
      ['22', null, ''],
      ['333', '', null],
    ];
    for (const size of [1, 2, 3, 7, 19, 64, copied.length]) assert.deepEqual(await rowsOf(copied, size), expected, `chunks of ${size} bytes`);
  });

  it('refuses data cut short and data that is not binary COPY', async () => {
    await assert.rejects(rowsOf(copied.subarray(0, copied.length - 2), 5), /ended before its trailer/);
    await assert.rejects(rowsOf(Buffer.from('a,b,c\n1,2,3\n'.repeat(3)), 8), /not PostgreSQL binary COPY data/);
  });
});
