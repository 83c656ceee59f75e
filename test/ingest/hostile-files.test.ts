// Files made to hurt the reader: an unclosed quote, a line of megabytes, JSON
// nested beyond reason. Each is refused at once, in one pass, with its line
// and the kind of refusal; the batch is kept with the reason.
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { importFile, type ImportResult } from '../../src/ingest/import-file.ts';
import { getBatch } from '../../src/store/batches.ts';
import { seedCatalogue } from '../support/import.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

/** `total` bytes of well-formed observation rows after `head`, in 64 KB pieces as a file stream gives them. */
function pieces(head: string, total: number): Buffer[] {
  const row = Buffer.from('visits,E06000047,2023,12\n');
  const body = Buffer.alloc(total);
  for (let at = 0; at < total; at += row.length) row.copy(body, at);
  const whole = Buffer.concat([Buffer.from(head), body.subarray(0, total - (total % row.length))]);
  const out: Buffer[] = [];
  for (let at = 0; at < whole.length; at += 65536) out.push(whole.subarray(at, at + 65536));
  return out;
}

describe('hostile files', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
  });
  after(() => store.close());

  async function refused(fileName: string, input: Buffer[]): Promise<ImportResult> {
    const result = await importFile(store.sql, { fileName, input: Readable.from(input), importedBy: 'test' });
    assert.equal(result.status, 'rejected');
    const batch = await getBatch(store.sql, result.batchId);
    assert.equal(batch!.status, 'rejected');
    assert.equal(batch!.rejected, 1);
    return result;
  }

  it('refuses an unclosed quote on line 2 of an 8 MB file with its line, having read only its first megabytes', async () => {
    let bytesGiven = 0;
    const input = pieces('metric,area,period,value\nvisits,"E06000047,2023,12\n', 8 * 1024 * 1024).map((piece) => {
      bytesGiven += piece.length;
      return piece;
    });
    let read = 0;
    const counted = (async function* () {
      for (const piece of input) {
        read += piece.length;
        yield piece;
      }
    })();
    const result = await importFile(store.sql, { fileName: 'unclosed.csv', input: Readable.from(counted), importedBy: 'test' });
    assert.equal(result.status, 'rejected');
    assert.equal(result.refusal, 'malformed');
    assert.deepEqual(
      result.rejections.map((r) => [r.line, r.reason]),
      [[2, 'a quote opened on this line is not closed within 1 MB: the file is not well-formed CSV']],
    );
    assert.ok(read < 3 * 1024 * 1024, `read ${read} of ${bytesGiven} bytes before refusing`);
  });

  it('refuses an unclosed quote in the last lines of a small file with the line it opens on', async () => {
    const result = await refused('tail.csv', [Buffer.from('metric,area,period,value\nvisits,E06000047,2023,12\nvisits,E06000001,"2023,12\nvisits,E06000047,2022,3\n')]);
    assert.equal(result.refusal, 'malformed');
    assert.deepEqual(
      result.rejections.map((r) => [r.line, r.reason]),
      [[3, 'a quote opened on this line is never closed: the file is not well-formed CSV']],
    );
  });

  it('refuses a 6 MB single-line file (JSON sent as CSV) as a line over 1 MB', async () => {
    const line = Buffer.from('[' + '{"metric":"visits","area":"E06000047"},'.repeat(160_000) + '{}]');
    const pieced: Buffer[] = [];
    for (let at = 0; at < line.length; at += 65536) pieced.push(line.subarray(at, at + 65536));
    const result = await refused('one-line.csv', pieced);
    assert.equal(result.refusal, 'too_large');
    assert.deepEqual(
      result.rejections.map((r) => [r.line, r.reason]),
      [[1, 'this line is over 1 MB long: a record of a CSV file may be 1 MB at most']],
    );
  });

  it('refuses a record over 1 MB that came in one piece', async () => {
    const result = await refused('wide.csv', [Buffer.from(`metric,area,period,value\nvisits,E06000047,2023,${'9'.repeat(1_100_000)}\n`)]);
    assert.equal(result.refusal, 'too_large');
    assert.deepEqual(
      result.rejections.map((r) => r.line),
      [2],
    );
  });

  it('refuses JSON nested deeper than 64 levels with its line, without overflowing the stack', async () => {
    const text = '[\n' + '['.repeat(200_000) + ']'.repeat(200_000) + '\n]';
    const result = await refused('deep.json', [Buffer.from(text)]);
    assert.equal(result.refusal, 'malformed');
    assert.deepEqual(
      result.rejections.map((r) => [r.line, r.reason]),
      [[2, 'the JSON is nested more than 64 levels deep']],
    );
  });

  it('refuses a UTF-16 file as unreadable, saying it is UTF-16', async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('metric,area,period,value\nvisits,E06000047,2023,12\n', 'utf16le')]);
    const result = await refused('utf16.csv', [utf16]);
    assert.equal(result.refusal, 'unreadable');
    assert.match(result.rejections[0]!.reason, /UTF-16/);
  });
});
