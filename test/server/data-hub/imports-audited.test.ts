// An import is one use-case (importAs in src/server/features/data-hub/imports.ts)
// for the API's upload and `lantern import` alike: each batch, loaded or
// rejected, is in the audit trail in the same words, the command line's as
// done by the person at the console.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Readable } from 'node:stream';
import { importAs } from '../../../src/server/features/data-hub/imports.ts';
import { consoleAccess } from '../../../src/server/platform/access/console-access.ts';
import { administratorToken, bearer } from '../../support/access.ts';
import { seedCatalogue } from '../../support/import.ts';
import { lantern } from '../../support/lantern-command.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { openTestStore, tempDir, type TestStore } from '../../support/store.ts';

const good = (area: string) => `metric,area,period,value\nobesity,${area},2022/23,25.5\n`;
const BAD = 'metric,area,period,value\nobesity,E06000047,2023/24,abc\n';

describe('imports in the audit trail, from the API and from the command line', () => {
  let store: TestStore;
  let server: TestServer;
  let token: string;
  let folder: string;

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    server = await startTestServer(store);
    token = await administratorToken(store.sql);
    folder = tempDir('lantern-imports-audited-');
  });
  after(async () => {
    await server.close();
    await store.close();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  const upload = async (fileName: string, text: string) => {
    const response = await fetch(`${server.base}/api/imports?fileName=${fileName}`, { method: 'POST', headers: { ...bearer(token), 'Content-Type': 'text/csv' }, body: text });
    return ((await response.json()) as { batchId: number }).batchId;
  };
  const run = async (fileName: string, text: string) => {
    fs.writeFileSync(path.join(folder, fileName), text);
    await lantern(store, ['import', path.join(folder, fileName)]);
    return (await store.sql<{ id: number }[]>`select max(id)::int as id from import_batch where file_name = ${fileName}`)[0]!.id;
  };
  const eventOf = async (batchId: number) => {
    const events = await store.sql<{ actor: string; summary: string }[]>`
      select actor, summary from audit_event where record_kind = 'import_batch' and record_id = ${String(batchId)}`;
    assert.equal(events.length, 1, `one audit event for batch ${batchId}`);
    return events[0]!;
  };

  it('audits a loaded batch and a rejected one in the same words, whichever way it came', async () => {
    const api = [await eventOf(await upload('api-good.csv', good('E06000047'))), await eventOf(await upload('api-bad.csv', BAD))];
    const cli = [await eventOf(await run('cli-good.csv', good('E06000001'))), await eventOf(await run('cli-bad.csv', BAD))];
    assert.deepEqual(
      api.map((e) => e.summary.replace('api-', '')),
      cli.map((e) => e.summary.replace('cli-', '')),
    );
    assert.equal(cli[0]!.summary, 'import of cli-good.csv: loaded, 1 inserted, 0 revised, 0 rejected');
    assert.match(cli[1]!.summary, /^import of cli-bad\.csv: rejected, 0 inserted, 0 revised, 1 rejected$/);
    assert.ok(
      cli.every((e) => e.actor.startsWith('cli:')),
      cli.map((e) => e.actor).join(', '),
    );
  });

  it('keeps no batch whose audit event could not be written: the two are one transaction', async () => {
    // PostgreSQL refuses a NUL in text, so this actor's event cannot be stored.
    const unrecordable = consoleAccess(store.sql, 'nul\u0000login');
    const request = { fileName: 'unaudited.csv', input: Readable.from([Buffer.from(good('E06000002'))]), importedBy: 'cli:nul' };
    await assert.rejects(importAs(store.sql, unrecordable, request));
    const kept = await store.sql`select 1 from observation o join area a on a.id = o.area_id where a.code = 'E06000002'`;
    assert.equal(kept.length, 0, 'the batch rolled back with its audit event');
    const [batch] = await store.sql<{ status: string }[]>`select status from import_batch where file_name = 'unaudited.csv'`;
    assert.equal(batch?.status, 'rejected');
  });
});
