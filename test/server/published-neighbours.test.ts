// The published neighbour sets over HTTP: offered for a council by name, and
// a group of one's own started from one and edited before it is saved.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { administratorToken, bearer } from '../support/access.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';

interface Sets {
  area: string;
  items: { name: string; basis: string; areaCodes: string[]; neighbours: { code: string; name: string; rank: number; closeness: string | null }[] }[];
}

describe('GET /api/benchmark/published-neighbours', () => {
  let store: TestStore;
  let server: TestServer;
  before(async () => {
    store = await openTestStore();
    server = await startTestServer(store);
  });
  after(async () => {
    await server.close();
    await store.close();
  });

  it("offers County Durham's ONS and DfE sets by name, nearest first", async () => {
    const response = await fetch(`${server.base}/api/benchmark/published-neighbours?area=${DURHAM}`);
    assert.equal(response.status, 200);
    const body = (await response.json()) as Sets;
    assert.equal(body.area, DURHAM);
    assert.equal(body.items.length, 4);
    const children = body.items.find((s) => s.name.startsWith('DfE'))!;
    assert.deepEqual(children.neighbours[0], { code: 'E06000006', name: 'Halton', rank: 1, closeness: 'Very close' });
    assert.equal(children.areaCodes.length, 11);
    assert.equal(children.areaCodes[0], DURHAM);
    assert.match(body.items[0]!.basis, /Office for National Statistics/);
  });

  it('saves a group started from a set and edited', async () => {
    const { items } = (await (await fetch(`${server.base}/api/benchmark/published-neighbours?area=${DURHAM}`)).json()) as Sets;
    const areaCodes = [...items.find((s) => s.name.startsWith('DfE'))!.areaCodes.filter((code) => code !== 'E06000006'), 'E06000057'];
    const made = await fetch(`${server.base}/api/benchmark/groups`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...bearer(await administratorToken(store.sql)) },
      body: JSON.stringify({ name: 'Durham: DfE neighbours with Northumberland', areaCodes }),
    });
    assert.equal(made.status, 201, await made.clone().text());
    assert.deepEqual(((await made.json()) as { areaCodes: string[] }).areaCodes, areaCodes);
  });

  it('asks for the council when none is given', async () => {
    assert.equal((await fetch(`${server.base}/api/benchmark/published-neighbours`)).status, 400);
  });
});
