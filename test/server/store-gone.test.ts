// PostgreSQL gone: once its embedded server was killed, Lantern answered 500
// to everything for ever (/health an HTML error page). Now Lantern starts the
// server again, says so on its log, and serves again; while the store does
// not answer, /health is a 503 in JSON that names the store; killed just as
// Lantern starts its jobs, they start once it answers again. How long the
// restart took is printed, not asserted: crash recovery syncs the cluster to
// disk and replays its WAL, which takes what the machine gives it (under 1 s
// quiet, 4 s with the checks running, over 10 s once in a full run).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { BenchmarkEngine } from '../../src/engine/benchmark-engine.ts';
import { startLanternJobs } from '../../src/jobs/index.ts';
import { openStore } from '../../src/store/store.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { postmasterPid, tempDir, type TestStore } from '../support/store.ts';

interface Health {
  readonly status: number | string;
  readonly code?: string;
  readonly store?: string;
  readonly message?: string;
}

describe('the embedded PostgreSQL server killed under a running Lantern', () => {
  const dataDir = tempDir('lantern-store-gone-');
  const logged: string[] = [];
  let store: TestStore;
  let server: TestServer;
  before(async () => {
    const opened = await openStore({
      dataDir,
      role: 'test',
      log: (line) => {
        logged.push(line);
      },
    });
    store = { ...opened, dataDir, databaseUrl: undefined };
    server = await startTestServer(store);
  });
  after(async () => {
    await server.close();
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  async function health(): Promise<{ status: number; type: string; body: Health | undefined }> {
    const response = await fetch(`${server.base}/health`);
    const type = response.headers.get('content-type') ?? '';
    return { status: response.status, type, body: type.includes('json') ? ((await response.json()) as Health) : undefined };
  }

  /** A new server is running: the killed one's backends may still answer a moment after the kill. */
  function restarted(killed: number): boolean {
    try {
      return postmasterPid(dataDir) !== killed;
    } catch {
      return false; // between the old server's pid file and the new one's
    }
  }

  it('starts the server again, says so, and serves again; meanwhile /health is a 503 in JSON', async () => {
    assert.equal((await health()).status, 200);
    const killed = postmasterPid(dataDir);
    const started = performance.now();
    process.kill(killed, 'SIGKILL');
    const answers: { status: number; type: string; body: Health | undefined }[] = [];
    let seconds = Number.POSITIVE_INFINITY;
    while (performance.now() - started < 60_000) {
      const answer = await health();
      answers.push(answer);
      if (answer.status === 200 && restarted(killed)) {
        seconds = (performance.now() - started) / 1000;
        break;
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    assert.ok(
      seconds <= 60,
      `not serving again 60 s after the kill; answers: ${JSON.stringify(answers.slice(-3))}\nLantern said:\n${logged.join('\n')}\n` +
        `postgres.log ends:\n${fs.readFileSync(path.join(dataDir, 'postgres.log'), 'utf8').slice(-3000)}`,
    );
    for (const answer of answers.filter((a) => a.status !== 200)) {
      assert.equal(answer.status, 503);
      assert.equal(answer.body?.code, 'store_unavailable');
    }
    assert.notEqual(postmasterPid(dataDir), killed);
    const areas = await fetch(`${server.base}/api/areas?type=england`);
    assert.equal(areas.status, 200);
    assert.ok(
      logged.some((line) => line.includes(`(process ${killed}) stopped; starting it again`)),
      logged.join('\n'),
    );
    // Lantern's own check that the server is ready may finish a moment after the first answer.
    for (let i = 0; i < 40 && !logged.some((line) => line.includes('is running again')); i++) await new Promise((resolve) => setTimeout(resolve, 50));
    assert.ok(
      logged.some((line) => line.includes('is running again')),
      logged.join('\n'),
    );
    console.log(`# serving again ${seconds.toFixed(2)} s after the embedded PostgreSQL was killed (${answers.length - 1} answers of 503 meanwhile)`);
  });

  it('starts its jobs once the store answers again, when the server is killed as they start', async () => {
    const engine = await BenchmarkEngine.start(store.sql, () => {}, false);
    const killed = postmasterPid(dataDir);
    // The whole server, backends too, just before the jobs start: their first query finds no server.
    process.kill(-killed, 'SIGKILL');
    const jobs = await startLanternJobs(store, engine, { log: (line) => logged.push(line) });
    try {
      assert.notEqual(postmasterPid(dataDir), killed);
      assert.ok(
        logged.some((line) => line.includes('does not answer') && line.includes('trying again')),
        logged.join('\n'),
      );
    } finally {
      await jobs.stop();
      await engine.stop();
    }
  });

  it('answers /health with a 503 in JSON that names the store while the store does not answer', async () => {
    await store.embedded?.stop();
    const { status, type, body } = await health();
    assert.equal(status, 503);
    assert.match(type, /application\/json/);
    assert.equal(body?.code, 'store_unavailable');
    assert.equal(body?.store, store.description);
    assert.match(body?.message ?? '', /embedded PostgreSQL in .* does not answer/);
  });
});
