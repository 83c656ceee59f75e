// The programme page a page at a time, on the demo's councils and its
// synthetic challenges, on the real app and store: 25 councils a page in the
// programme's order, the filters kept from page to page, a page past the
// last saying so, and the CSV and the API still giving every council the
// filters keep.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDemoChallenges } from '../../../src/server/features/peer-challenges/demo-challenges.ts';
import { Browser, organisation, user } from '../../support/access.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { openDemoStore, type TestStore } from '../../support/store.ts';

const rowsOf = (html: string) => [...html.matchAll(/<th scope="row" class="govuk-table__header">([^<]+)<\/th>\s*<td class="govuk-table__cell">(?:<a|None)/g)].map((m) => m[1]!);

describe('the programme page, a page at a time', () => {
  let store: TestStore;
  let server: TestServer;
  let manager: Browser;
  let every: string[];

  before(async () => {
    store = await openDemoStore();
    server = await startTestServer(store);
    const body = await organisation(store.sql, 'Sector improvement body', 'sector_body');
    await user(store.sql, 'peers@sector.example', 'peer_challenge_manager', body.id, 'Robin Manager');
    await createDemoChallenges(store.sql, () => {});
    manager = new Browser(server.base);
    assert.equal((await manager.signIn('peers@sector.example')).status, 303);
    const api = (await (await manager.json('GET', '/api/peer-challenges')).json()) as { rows: { councilName: string }[] };
    every = api.rows.map((r) => r.councilName);
  });
  after(async () => {
    await server?.close();
    await store?.close();
  });

  const page = async (query: string) => {
    const response = await manager.fetch(`/peer-challenges${query}`);
    assert.equal(response.status, 200, query);
    return response.text();
  };

  it('shows 25 councils a page in order, every council once across the pages', async () => {
    assert.ok(every.length > 50, `the demo has ${every.length} councils`);
    const pages = Math.ceil(every.length / 25);
    const first = await page('');
    assert.deepEqual(rowsOf(first), every.slice(0, 25));
    assert.match(first, new RegExp(`Councils \\(${every.length}\\)<span class="govuk-caption-m">1 to 25, page 1 of ${pages}</span>`));
    assert.match(first, new RegExp(`Download these ${every.length} councils as CSV`), 'the CSV gives them all');
    assert.ok(first.includes('href="/peer-challenges?page=2"'), 'the way on');
    const seen: string[] = [];
    for (let n = 1; n <= pages; n++) seen.push(...rowsOf(await page(n === 1 ? '' : `?page=${n}`)));
    assert.deepEqual(seen, every);
    const beyond = await page(`?page=${pages + 1}`);
    assert.deepEqual(rowsOf(beyond), []);
    assert.match(beyond, new RegExp(`This page is past the last \\(${pages}\\)`));
    assert.ok(beyond.includes(`href="/peer-challenges?page=${pages}"`), 'the way back');
    assert.deepEqual(rowsOf(await page('?page=nonsense')), every.slice(0, 25), 'a page that is not a number is the first');
  });

  it('keeps the filters from page to page, and the CSV and API give every council they keep', async () => {
    const filtered = ((await (await manager.json('GET', '/api/peer-challenges?stage=none')).json()) as { rows: { councilName: string }[] }).rows.map((r) => r.councilName);
    assert.ok(filtered.length > 25 && filtered.length < every.length, `${filtered.length} councils have no challenge on record`);
    const second = await page('?stage=none&page=2');
    assert.deepEqual(rowsOf(second), filtered.slice(25, 50));
    assert.ok(second.includes('href="/peer-challenges?stage=none"'), 'back to the first page, filtered');
    assert.ok(second.includes('href="/peer-challenges/programme.csv?stage=none"'), 'the CSV link keeps the filter and no page');
    const csv = await (await manager.fetch('/peer-challenges/programme.csv?stage=none&page=2')).text();
    assert.equal(csv.trim().split('\r\n').length, filtered.length + 1, 'the CSV holds every council the filter keeps, whatever the page');
    const gaps = await page('?council=zzz-no-such-council');
    assert.match(gaps, /No council passes the filters\./);
  });
});
