// The programme page a page at a time, on the demo's councils and its
// synthetic challenges, on the real app and store: the councils that need
// attention by default, every council a switch away, with the count of
// each, the switch kept in the address with the filters; 25 councils a page
// in the programme's order, the filters kept from page to page, a page past
// the last saying so, and the CSV and the API still giving every council
// the filters keep unless asked for those needing attention.
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
    const first = await page('?show=all');
    assert.deepEqual(rowsOf(first), every.slice(0, 25));
    assert.match(first, new RegExp(`All councils \\(${every.length}\\)<span class="govuk-caption-m">1 to 25, page 1 of ${pages}</span>`));
    assert.match(first, new RegExp(`Download these ${every.length} councils as CSV`), 'the CSV gives them all');
    assert.ok(first.includes('href="/peer-challenges?show=all&amp;page=2"'), 'the way on');
    const seen: string[] = [];
    for (let n = 1; n <= pages; n++) seen.push(...rowsOf(await page(n === 1 ? '?show=all' : `?show=all&page=${n}`)));
    assert.deepEqual(seen, every);
    const beyond = await page(`?show=all&page=${pages + 1}`);
    assert.deepEqual(rowsOf(beyond), []);
    assert.match(beyond, new RegExp(`This page is past the last \\(${pages}\\)`));
    assert.ok(beyond.includes(`href="/peer-challenges?show=all&amp;page=${pages}"`), 'the way back');
    assert.deepEqual(rowsOf(await page('?show=all&page=nonsense')), every.slice(0, 25), 'a page that is not a number is the first');
  });

  it('keeps the filters from page to page, and the CSV and API give every council they keep', async () => {
    const filtered = ((await (await manager.json('GET', '/api/peer-challenges?stage=none')).json()) as { rows: { councilName: string }[] }).rows.map((r) => r.councilName);
    assert.ok(filtered.length > 25 && filtered.length < every.length, `${filtered.length} councils have no challenge on record`);
    const second = await page('?stage=none&show=all&page=2');
    assert.deepEqual(rowsOf(second), filtered.slice(25, 50));
    assert.ok(second.includes('href="/peer-challenges?stage=none&amp;show=all"'), 'back to the first page, filtered');
    assert.ok(second.includes('<input type="hidden" name="show" value="all">'), 'filtering again keeps every council shown');
    assert.ok(second.includes('href="/peer-challenges/programme.csv?stage=none"'), 'the CSV link keeps the filter and no page');
    const csv = await (await manager.fetch('/peer-challenges/programme.csv?stage=none&page=2')).text();
    assert.equal(csv.trim().split('\r\n').length, filtered.length + 1, 'the CSV holds every council the filter keeps, whatever the page');
    const gaps = await page('?council=zzz-no-such-council');
    assert.match(gaps, /No council passes the filters\./);
  });

  it('shows the councils that need attention by default, the count of each view, and a switch kept in the address', async () => {
    type Row = { councilName: string; attention: unknown[]; cadence: { kind: string; status: string }[] };
    const asked = (await (await manager.json('GET', '/api/peer-challenges?show=attention')).json()) as { rows: Row[]; shown: { attention: number; all: number } };
    const needing = asked.rows.map((r) => r.councilName);
    assert.ok(needing.length > 0 && needing.length < 25, `${needing.length} councils need attention`);
    assert.ok(asked.rows.every((r) => r.attention.length > 0));
    assert.deepEqual(asked.shown, { attention: needing.length, all: every.length });
    const first = await page('');
    assert.deepEqual(rowsOf(first), needing, 'the default is those that need attention');
    assert.deepEqual(rowsOf(await page('?show=nonsense')), needing, 'an unknown view is the default');
    assert.match(first, new RegExp(`<caption class="govuk-table__caption govuk-table__caption--m">Councils needing attention \\(${needing.length}\\)</caption>`));
    assert.match(first, new RegExp(`href="/peer-challenges" aria-current="page">Councils needing attention \\(${needing.length}\\)</a>`));
    assert.match(first, new RegExp(`href="/peer-challenges\\?show=all">All councils \\(${every.length}\\)</a>`));
    assert.ok(!first.includes('name="show" value="all"'), 'filtering from the default view keeps the default');
    assert.ok(first.includes('href="/peer-challenges/programme.csv?show=attention"'), 'the CSV link gives what the page shows');
    const csv = await (await manager.fetch('/peer-challenges/programme.csv?show=attention')).text();
    assert.equal(csv.trim().split('\r\n').length, needing.length + 1);
    const whole = await (await manager.fetch('/peer-challenges/programme.csv')).text();
    assert.equal(whole.trim().split('\r\n').length, every.length + 1, 'the CSV with no view asked gives every council, as before');
    assert.equal(((await (await manager.json('GET', '/api/peer-challenges')).json()) as { rows: Row[] }).rows.length, every.length, 'and so does the API');

    const hartlepool = await page('?council=hartle');
    assert.deepEqual(rowsOf(hartlepool), ['Hartlepool']);
    assert.ok(hartlepool.includes('href="/peer-challenges?council=hartle&amp;show=all">All councils (1)</a>'), 'the switch keeps the filters');
    assert.match(hartlepool, /Corporate: <strong class="govuk-tag govuk-tag--red">Overdue<\/strong> due by 2024-04-01/, 'booked for 2027, none on site since its record began');
    const quiet = await page('?council=middlesbrough');
    assert.deepEqual(rowsOf(quiet), []);
    assert.match(quiet, /No council among these needs attention\. <a class="govuk-link" href="\/peer-challenges\?council=middlesbrough&amp;show=all">See all 1<\/a>/);
    const all = await page('?council=middlesbrough&show=all');
    assert.deepEqual(rowsOf(all), ['Middlesbrough']);
    assert.match(all, /Corporate: by 2029-10-10/, 'on site in October 2024: due five years on');
  });

  it('says whose history is not held, and counts none of them overdue', async () => {
    const asked = (await (await manager.json('GET', '/api/peer-challenges?show=all&council=rutland')).json()) as {
      rows: { councilName: string; cadence: { kind: string; status: string }[] }[];
      withoutChallenge: unknown[];
    };
    assert.deepEqual(
      asked.rows.map((r) => [r.councilName, r.cadence.map((v) => [v.kind, v.status])]),
      [
        [
          'Rutland',
          [
            ['corporate', 'not_held'],
            ['safeguarding', 'not_held'],
          ],
        ],
      ],
    );
    assert.deepEqual(asked.withoutChallenge, []);
    const rutland = await page('?council=rutland&show=all');
    assert.match(rutland, /Corporate: history not held<br>Children&#39;s safeguarding: history not held/);
    assert.match(rutland, /2 histories are not held among these councils, so none of them is counted overdue or flagged\./);
    const northEast = await page('?council=tyneside');
    assert.deepEqual(rowsOf(northEast), ['North Tyneside', 'South Tyneside'], 'their corporate history is held from April 2019 in the demo, with none since');
    assert.match(northEast, /North Tyneside has no corporate peer challenge on record since 2019-04-01/);
  });
});
