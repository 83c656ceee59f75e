// What search and the compare page still lacked: a council's official name
// as written goes straight to its page, a Welsh council is found by its Welsh
// name, and the neighbour sets that the ONS
// and the DfE published are offered on the compare page as named groups to
// start from, the table then compared within the set chosen.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { publishedNeighbourSets } from '../../src/store/published-neighbours.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';

describe('search and compare, the leftovers', () => {
  let store: TestStore;
  let server: TestServer;
  before(async () => {
    store = await openDemoStore();
    server = await startTestServer(store);
  });
  after(async () => {
    await server?.close();
    await store?.close();
  });

  it("goes straight to a council's page from its official name", async () => {
    for (const q of ['Durham County Council', 'durham county council', 'County Durham']) {
      const response = await fetch(`${server.base}/search?q=${encodeURIComponent(q)}`, { redirect: 'manual' });
      assert.equal(response.headers.get('location'), `/areas/${DURHAM}`, q);
    }
  });

  it('finds a Welsh council by its Welsh name, as the register gives it, accents or none', async () => {
    for (const [q, code, name] of [
      ['Caerdydd', 'W06000015', 'Cardiff'],
      ['Sir Ynys Môn', 'W06000001', 'Isle of Anglesey'],
      ['ynys mon', 'W06000001', 'Isle of Anglesey'],
      ['Abertawe', 'W06000011', 'Swansea'],
    ]) {
      const html = await (await fetch(`${server.base}/search?q=${encodeURIComponent(q!)}`)).text();
      assert.match(html, new RegExp(`<a class="govuk-link" href="/areas/${code}">${name}</a>`), q);
      const page = await fetch(`${server.base}/areas/${code}`);
      assert.equal(page.status, 200, `${name}'s page`);
      assert.match(await page.text(), new RegExp(`Lantern compares councils in England, and most of its figures are for England alone: it holds few for ${name}\\.`));
    }
    assert.doesNotMatch(await (await fetch(`${server.base}/areas/${DURHAM}`)).text(), /outside-england/);
    const [anglesey] = await store.sql<{ names: string[] }[]>`select other_names as names from area where code = 'W06000001'`;
    assert.deepEqual(anglesey?.names, ['Sir Ynys Môn', 'anglesey', 'ynys môn'], 'the name as the council writes it, not as the source mis-encoded it');
  });

  it('offers the published neighbour sets on the compare page, and compares within the one chosen', async () => {
    const sets = await publishedNeighbourSets(store.sql, DURHAM);
    const ons = sets.find((s) => s.source === 'ons-2025-02' && s.model === 'global');
    assert.ok(ons, 'the ONS publishes a global set for County Durham');
    const offered = await (await fetch(`${server.base}/areas/${DURHAM}/compare`)).text();
    assert.match(offered, /<select class="govuk-select lantern-picker__select" id="set" name="set"/);
    assert.match(offered, /<option value="ons-2025-02\/global">ONS nearest neighbours, February 2025 \(global model\)<\/option>/);

    const response = await fetch(`${server.base}/areas/${DURHAM}/compare?set=ons-2025-02/global`);
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.match(html, /Compared within <strong>ONS nearest neighbours, February 2025 \(global model\)<\/strong>\. Published by the Office for National Statistics/);
    const nearest = server.engine.index.area(ons.neighbours[0]!.code)!.name;
    assert.match(html, new RegExp(`<a class="govuk-link" href="/areas/${ons.neighbours[0]!.code}">${nearest}</a>`));
    assert.match(html, /<th scope="col" class="lantern-num">Rank<\/th>/);
    assert.match(html, /<option value="ons-2025-02\/global" selected>/);
  });

  it('says so when a published group is asked for that is not held for the council', async () => {
    const response = await fetch(`${server.base}/areas/${DURHAM}/compare?set=made-up/model`);
    assert.equal(response.status, 404);
    assert.match(await response.text(), /No published group of neighbours ‘made-up\/model’ is held for County Durham/);
  });
});
