// A peer challenge's data pack on the demo's figures: the PDF, printed
// through the reports path, holds for each focus area the council's figures,
// its rank among its nearest neighbours, their average and England's, each
// worked out here from the benchmark engine rather than written down; those
// outside the challenge cannot print it, nor can anyone before it is scoped.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { areaProfile } from '../../../src/domain/benchmark/area-profile.ts';
import { groupSpecFor } from '../../../src/domain/benchmark/group-spec.ts';
import { formatValue } from '../../../src/domain/format/index.ts';
import { FIVE_CORE_ELEMENTS, packMetrics } from '../../../src/domain/peer-challenge/index.ts';
import { Browser, organisation, user } from '../../support/access.ts';
import { pdfText } from '../../support/pdf.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { openDemoStore, type TestStore } from '../../support/store.ts';

const DURHAM = 'E06000047';

describe("a peer challenge's data pack", () => {
  let store: TestStore;
  let server: TestServer;
  let manager: Browser;
  let stranger: Browser;
  let id: number;
  before(async () => {
    store = await openDemoStore();
    server = await startTestServer(store);
    const body = await organisation(store.sql, 'Pack sector body', 'sector_body');
    const elsewhere = await organisation(store.sql, 'Pack inspectorate', 'inspectorate');
    const people = [await user(store.sql, 'pack-manager@sector.example', 'peer_challenge_manager', body.id), await user(store.sql, 'pack-inspector@inspectorate.example', 'inspector', elsewhere.id)];
    [manager, stranger] = people.map(() => new Browser(server.base)) as [Browser, Browser];
    for (const [n, person] of people.entries()) assert.equal((await [manager, stranger][n]!.signIn(person.email)).status, 303);
    const opened = await manager.json('POST', '/api/peer-challenges', { councilCode: DURHAM, kind: 'corporate', enquiredOn: '2026-01-05' });
    assert.equal(opened.status, 201);
    id = Number(((await opened.json()) as { id: string }).id);
  });
  after(async () => {
    await server.close();
    await store.close();
  });

  it('is refused until the challenge is scoped', async () => {
    const response = await manager.fetch(`/peer-challenges/${id}/data-pack.pdf`);
    assert.equal(response.status, 409);
  });

  it("holds each focus area's figures against the nearest neighbours and England, as the engine gives them", async () => {
    const scoped = await manager.json('POST', `/api/peer-challenges/${id}/scope`, { focusAreas: [...FIVE_CORE_ELEMENTS, 'safeguarding_practice'], revision: 1 });
    assert.equal(scoped.status, 200);
    const response = await manager.fetch(`/peer-challenges/${id}/data-pack.pdf`);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('content-type'), 'application/pdf');
    const text = (await pdfText(Buffer.from(await response.arrayBuffer()))).replace(/\s+/g, ' ');
    assert.match(text, /Data pack: County Durham/);

    const index = server.engine.index;
    const area = index.area(DURHAM)!;
    const items = areaProfile(index, area, { group: groupSpecFor(index, area, 'neighbours'), level: 0.95 }).items.filter((i) => i.value !== null && i.via === null);
    const candidates = items.map((i) => ({ code: i.metric.code, title: i.metric.title, themes: i.metric.themes }));
    const chosen = [...FIVE_CORE_ELEMENTS, 'safeguarding_practice'].flatMap((focus) => packMetrics(focus, candidates));
    assert.ok(chosen.length >= 3, `the demo has figures for Durham's focus areas (${chosen.length})`);
    for (const m of chosen) {
      const item = items.find((i) => i.metric.code === m.code)!;
      const unit = item.metric.unit ?? '';
      const figures = [formatValue(item.value, item.metric.decimals, unit), formatValue(item.groupMean, item.metric.decimals, unit)];
      if (item.benchmark) figures.push(formatValue(item.benchmark.value, item.metric.decimals, unit));
      for (const figure of figures) assert.ok(text.includes(figure.replace(/\s+/g, ' ')), `${m.title}: ${figure} is in the pack`);
      assert.ok(text.includes(item.metric.title.replace(/\s+/g, ' ').slice(0, 30)), `${m.title} is named`);
    }
  });

  it('is not printed for those who may not read the challenge, nor for a guessed id', async () => {
    assert.equal((await stranger.fetch(`/peer-challenges/${id}/data-pack.pdf`)).status, 404);
    assert.equal((await manager.fetch('/peer-challenges/999999/data-pack.pdf')).status, 404);
    assert.equal((await new Browser(server.base).fetch(`/peer-challenges/${id}/data-pack.pdf`)).status, 404);
  });
});
