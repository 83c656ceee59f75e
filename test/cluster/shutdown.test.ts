// `lantern serve` stopped by SIGTERM, as a load balancer or orchestrator stops
// it: with an upload still coming in, it refuses new connections at once,
// lets the upload finish and its batch load, stops the rest in order, and
// exits 0.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { administratorToken } from '../support/access.ts';
import { PROJECT_DIR } from '../support/data.ts';
import { seedCatalogue } from '../support/import.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';

describe('lantern serve on SIGTERM', () => {
  let store: TestStore;
  let child: ChildProcess;
  let said = '';
  let port: number;

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    child = spawn(process.execPath, [path.join(PROJECT_DIR, 'bin', 'lantern.js'), 'serve', '--port', '0', '--no-demo'], {
      cwd: PROJECT_DIR,
      stdio: ['ignore', 'ignore', 'pipe'],
      env: { ...process.env, ...(store.databaseUrl ? { LANTERN_DATABASE_URL: store.databaseUrl, LANTERN_MIGRATION_DATABASE_URL: store.migrationDatabaseUrl } : { LANTERN_DATA_DIR: store.dataDir }) },
    });
    child.stderr!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
    });
    port = await new Promise<number>((resolve, reject) => {
      child.stderr!.on('data', () => {
        const found = /listening on http:\/\/localhost:(\d+)/.exec(said)?.[1];
        if (found) resolve(Number(found));
      });
      child.once('exit', (code) => reject(new Error(`lantern serve stopped (${code}):\n${said}`)));
    });
    for (const deadline = Date.now() + 30_000; Date.now() < deadline;) {
      if ((await fetch(`http://127.0.0.1:${port}/health`)).status === 200) break;
    }
  });
  after(async () => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGKILL');
      await once(child, 'exit');
    }
    await store.close();
  });

  it('finishes the upload under way, refuses new connections meanwhile, then exits 0', async () => {
    const token = await administratorToken(store.sql);
    const upload = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: '/api/imports?fileName=late.csv',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'text/csv', 'Transfer-Encoding': 'chunked' },
    });
    const answered = new Promise<{ status: number; body: string }>((resolve, reject) => {
      upload.on('response', (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => {
          body += chunk.toString();
        });
        res.on('end', () => resolve({ status: res.statusCode!, body }));
      });
      upload.on('error', reject);
    });
    upload.write('metric,area,period,value\n');
    await new Promise((resolve) => setTimeout(resolve, 500)); // the server has the request and waits for the rest of the body
    const exited = once(child, 'exit') as Promise<[number | null, NodeJS.Signals | null]>;
    child.kill('SIGTERM');

    assert.equal(await refusedWithin(port, 10_000), true, 'a new connection is refused while the upload is still coming in');
    upload.end(`obesity,${DURHAM},2023/24,31.5\n`);
    const { status, body } = await answered;
    assert.equal(status, 201, body);
    assert.equal((JSON.parse(body) as { status: string }).status, 'loaded');
    const [batch] = await store.sql<{ status: string }[]>`select status from import_batch where file_name = 'late.csv'`;
    assert.equal(batch?.status, 'loaded');

    const [code, signal] = await exited;
    assert.deepEqual({ code, signal }, { code: 0, signal: null }, said);
    assert.match(said, /SIGTERM, stopping/);
    assert.match(said, /stopped taking requests \(those under way finished\)[^\n]*\n[\s\S]*stopped the store/);
  });
});

/** Whether a new TCP connection to the port is refused before the deadline. */
async function refusedWithin(port: number, milliseconds: number): Promise<boolean> {
  const deadline = Date.now() + milliseconds;
  while (Date.now() < deadline) {
    const refused = await new Promise<boolean>((resolve) => {
      const socket = net.connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        resolve(false);
      });
      socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code === 'ECONNREFUSED'));
    });
    if (refused) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return false;
}
