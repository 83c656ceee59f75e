// A server answers while its benchmark index is still being built: what needs
// no figures as usual, and what reads the index says "figures loading" (503
// with Retry-After, a page for people and JSON for the API) until the index
// is built. The build is held back by a real lock on the area table, taken
// as the tables' owner, which its first query waits for.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';

describe('a server whose index is still being built', () => {
  let store: TestStore;
  let server: TestServer;
  let release: () => void;
  let held: Promise<void>;

  before(async () => {
    store = await openDemoStore();
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
  });
  after(async () => {
    release();
    await held;
    await server.close();
    await store.close();
  });

  it('is not ready, and says so', () => {
    assert.equal(server.engine.isReady, false);
  });

  it('answers /health and the pages that need no figures', async () => {
    for (const address of ['/health', '/about-the-data', '/sign-in']) {
      const res = await fetch(`${server.base}${address}`);
      assert.equal(res.status, 200, address);
    }
  });

  it('answers a page that needs figures with 503, Retry-After and a readable message', async () => {
    const res = await fetch(`${server.base}/areas/${DURHAM}`);
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('retry-after'), '5');
    assert.equal(res.headers.get('cache-control'), 'private, no-store');
    const page = await res.text();
    assert.match(page, /<title>[^<]*Figures loading/);
    assert.match(page, /Lantern is loading its figures\. Please try again in 5 seconds\./);
  });

  it('answers the API with JSON 503 figures_loading and Retry-After', async () => {
    const res = await fetch(`${server.base}/api/benchmark/profile?area=${DURHAM}&group=england`);
    assert.equal(res.status, 503);
    assert.equal(res.headers.get('retry-after'), '5');
    assert.deepEqual(await res.json(), {
      status: 503,
      code: 'figures_loading',
      message: 'Lantern is loading its figures. Please try again in 5 seconds.',
    });
  });

  it('logs no error for a request that only came too early', async () => {
    await fetch(`${server.base}/areas`);
    assert.deepEqual(
      server.logged.filter((line) => line.startsWith('error')),
      [],
    );
  });

  it('answers with figures once the index is built', async () => {
    release();
    await server.engine.ready;
    assert.equal(server.engine.isReady, true);
    const page = await fetch(`${server.base}/areas/${DURHAM}`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /County Durham/);
    const api = await fetch(`${server.base}/api/benchmark/profile?area=${DURHAM}&group=england`);
    assert.equal(api.status, 200);
    assert.ok(((await api.json()) as { items: unknown[] }).items.length > 0);
  });
});
