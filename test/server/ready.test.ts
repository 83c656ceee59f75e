// GET /ready: whether a server should be sent traffic. It says 503, in JSON
// with a reason, while the benchmark index is being built (held back here by
// a real lock on the area table, taken as the tables' owner) and while a
// migration this Lantern knows is not applied; then 200. /health, whether
// Lantern is alive, answers 200 throughout.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { migrations } from '../../src/store/store.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

describe('GET /ready', () => {
  let store: TestStore;
  let server: TestServer;
  let release: () => void;
  let held: Promise<void>;

  before(async () => {
    store = await openTestStore();
    let locked: () => void;
    const lockTaken = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const released = new Promise<void>((resolve) => {
      release = resolve;
    });
    held = store.asOwner((owner) =>
      owner.begin(async (tx) => {
        await tx`lock table area in access exclusive mode`;
        locked();
        await released;
      }),
    );
    await lockTaken;
    server = await startTestServer(store, { building: true });
    // The first moments after start are spent loading (templates, boundaries): wait until it is alive.
    for (const deadline = Date.now() + 20_000; Date.now() < deadline;) {
      if ((await fetch(`${server.base}/health`)).status === 200) break;
    }
  });
  after(async () => {
    release();
    await held;
    await server.close();
    await store.close();
  });

  const ask = async (address: string) => {
    const res = await fetch(server.base + address);
    return { status: res.status, retryAfter: res.headers.get('retry-after'), body: (await res.json()) as Record<string, unknown> };
  };

  it('is 503 index_building, with Retry-After, while the index is built, when /health is 200', async () => {
    assert.deepEqual(await ask('/ready'), {
      status: 503,
      retryAfter: '2',
      body: { status: 503, code: 'index_building', message: 'the benchmark index is still being built from the store' },
    });
    assert.deepEqual(await ask('/health'), { status: 200, retryAfter: null, body: { status: 'ok' } });
  });

  it('is 200 once the index is built', async () => {
    release();
    await server.engine.ready;
    assert.deepEqual(await ask('/ready'), { status: 200, retryAfter: null, body: { status: 'ready' } });
  });

  it('is 503 migrations_pending, naming the migration, while one this Lantern knows is not applied', async () => {
    const latest = migrations().at(-1)!;
    const [row] = await store.asOwner(
      (owner) => owner<{ appliedAt: Date }[]>`
      delete from schema_migration where version = ${latest.version} returning applied_at as "appliedAt"`,
    );
    try {
      assert.deepEqual(await ask('/ready'), {
        status: 503,
        retryAfter: null,
        body: { status: 503, code: 'migrations_pending', message: `migrations ${latest.version} are not applied yet` },
      });
      assert.equal((await ask('/health')).status, 200);
    } finally {
      await store.asOwner((owner) => owner`insert into schema_migration (version, name, applied_at) values (${latest.version}, ${latest.name}, ${row!.appliedAt})`);
    }
    assert.equal((await ask('/ready')).status, 200);
  });
});
