// Uploads Lantern cannot read, and uploads that never finish. Each unreadable
// one is a 4xx with a code and a message, a rejected batch with the reason and
// an audit event; a stalled upload blocks no other import.
import assert from 'node:assert/strict';
import http from 'node:http';
import { after, before, describe, it } from 'node:test';
import { getBatch } from '../../src/store/batches.ts';
import { queryAudit } from '../../src/store/audit.ts';
import { administratorToken, bearer } from '../support/access.ts';
import { seedCatalogue } from '../support/import.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

interface Refusal {
  status: number;
  code: string;
  message: string;
  batchId: number;
}

/** A ZIP archive holding one small text file: not a spreadsheet. */
function plainZip(): Buffer {
  const name = Buffer.from('notes.txt');
  const data = Buffer.from('hello');
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(name.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + name.length, 12);
  end.writeUInt32LE(30 + name.length + data.length, 16);
  return Buffer.concat([local, name, data, central, name, end]);
}

describe('hostile uploads', () => {
  let store: TestStore;
  let server: TestServer;
  let token: string;
  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    server = await startTestServer(store);
    token = await administratorToken(store.sql);
  });
  after(async () => {
    await server.close();
    await store.close();
  });

  async function upload(fileName: string, body: Buffer, type: string) {
    return fetch(`${server.base}/api/imports?fileName=${fileName}`, {
      method: 'POST',
      body: new Uint8Array(body),
      headers: { ...bearer(token), 'Content-Type': type },
      signal: AbortSignal.timeout(30_000),
    });
  }

  const cases: { what: string; fileName: string; body: () => Buffer; type: string; status: number; code: string; message: RegExp }[] = [
    {
      what: 'a UTF-16 CSV',
      fileName: 'utf16.csv',
      type: 'text/csv',
      status: 415,
      code: 'unreadable_file',
      message: /UTF-16/,
      body: () => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('metric,area,period,value\nvisits,E06000047,2023,12\n', 'utf16le')]),
    },
    {
      what: 'a binary file',
      fileName: 'binary.csv',
      type: 'text/csv',
      status: 415,
      code: 'unreadable_file',
      message: /not UTF-8/,
      body: () => Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256)),
    },
    { what: 'a ZIP archive sent as CSV', fileName: 'archive.csv', type: 'text/csv', status: 415, code: 'unreadable_file', message: /.+/, body: plainZip },
    {
      what: 'JSON over 64 MB',
      fileName: 'huge.json',
      type: 'application/json',
      status: 413,
      code: 'file_too_large',
      message: /over 64 MB/,
      body: () => Buffer.alloc(65 * 1024 * 1024, 0x20),
    },
    {
      what: 'deeply nested JSON',
      fileName: 'deep.json',
      type: 'application/json',
      status: 400,
      code: 'malformed_file',
      message: /nested more than 64 levels/,
      body: () => Buffer.from('['.repeat(100_000) + ']'.repeat(100_000)),
    },
    {
      what: 'a CSV with an unclosed quote',
      fileName: 'quote.csv',
      type: 'text/csv',
      status: 400,
      code: 'malformed_file',
      message: /quote.*not closed|never closed/,
      body: () => Buffer.from('metric,area,period,value\nvisits,"E06000047,2023,12\n' + 'visits,E06000047,2023,12\n'.repeat(60_000)),
    },
  ];

  for (const c of cases) {
    it(`${c.what}: ${c.status} ${c.code} with a message, a rejected batch with the reason and an audit event`, async () => {
      const response = await upload(c.fileName, c.body(), c.type);
      const body = (await response.json()) as Refusal;
      assert.equal(response.status, c.status, JSON.stringify(body).slice(0, 500));
      assert.equal(body.status, c.status);
      assert.equal(body.code, c.code);
      assert.match(body.message, c.message);
      const batch = await getBatch(store.sql, body.batchId);
      assert.equal(batch!.status, 'rejected');
      assert.equal(batch!.fileName, c.fileName);
      const events = await queryAudit(store.sql, { recordKind: 'import_batch', recordId: String(body.batchId), limit: 10 });
      assert.equal(events.length, 1, `audit events of batch ${body.batchId}`);
      assert.match(events[0]!.summary, /rejected/);
      assert.equal(events[0]!.ip, '127.0.0.1');
    });
  }

  it('a stalled upload does not block another import, which completes promptly', async () => {
    const stalled = http.request(`${server.base}/api/imports?fileName=stalled.csv`, {
      method: 'POST',
      headers: { ...bearer(token), 'Content-Type': 'text/csv', 'Content-Length': '100000' },
    });
    stalled.on('error', () => {});
    stalled.write('metric,area,period,value\nvisits,E06000047,2019,1\n');
    try {
      // Wait until the stalled upload's batch could have taken the store's write turn.
      await new Promise((resolve) => setTimeout(resolve, 500));
      const started = performance.now();
      const response = await upload('prompt.csv', Buffer.from('metric,area,period,value\nvisits,E06000047,2018,4\n'), 'text/csv');
      const seconds = (performance.now() - started) / 1000;
      assert.equal(response.status, 201, await response.text());
      assert.ok(seconds < 10, `the second import took ${seconds.toFixed(1)} s`);
    } finally {
      stalled.destroy();
    }
  });

  it('logged no server errors', () => {
    assert.deepEqual(
      server.logged.filter((line) => line.startsWith('error')),
      [],
    );
  });
});
