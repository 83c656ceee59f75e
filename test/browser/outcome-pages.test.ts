// A closed agreement's outcomes over HTTP and in a real Chromium: the council
// closes its signed-off agreement through the API and every area's outcome is
// frozen; the public reads them (the API and both pages) in words, with the
// share of the improvement sought, the reward share, the reward rule and the
// date; after a later import revises a figure, the pages show what the data
// say now beside the frozen outcome, which stands. Closing is refused to the
// public (401), to a partner (403) and, for a draft, to another council
// (404, as for no agreement at all). Nothing axe finds.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { Browser as HttpBrowser, organisation, user } from '../support/access.ts';
import { accessibilityViolations, DESKTOP, launchBrowser, openPage, PHONE, screenshot } from '../support/browser.ts';
import { importText, seedCatalogue } from '../support/import.ts';
import { eventually } from '../support/jobs.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openTestStore, type TestStore } from '../support/store.ts';
import { AGREEMENT, TARGET } from '../server/targets/fixtures.ts';

const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';

describe("a closed agreement's outcomes, read by the public", () => {
  let store: TestStore;
  let server: TestServer;
  let browser: Browser;
  let officer: HttpBrowser;
  let partner: HttpBrowser;
  let agreementId: number;
  let targetId: number;
  let draftId: number;

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    // Obesity, lower is better, from 30 towards 27 by 2010/11: Durham gets there, Hartlepool two-thirds of the way.
    const figures = await importText(store.sql, 'obesity.csv', `metric,area,period,value\nobesity,${DURHAM},2010/11,26.5\nobesity,${HARTLEPOOL},2010/11,28\n`);
    assert.equal(figures.status, 'loaded');
    const durham = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    const hartlepool = await organisation(store.sql, 'Hartlepool Borough Council', 'council', HARTLEPOOL);
    await user(store.sql, 'officer@durham.example', 'performance_officer', durham.id);
    await user(store.sql, 'officer@hartlepool.example', 'performance_officer', hartlepool.id);
    server = await startTestServer(store);
    officer = new HttpBrowser(server.base);
    await officer.signIn('officer@durham.example');
    partner = new HttpBrowser(server.base);
    await partner.signIn('officer@hartlepool.example');
    const partners = [...AGREEMENT.partners, { kind: 'council', name: 'Hartlepool Borough Council', organisation: hartlepool.id }];
    agreementId = await made(await officer.json('POST', '/api/agreements', { ...AGREEMENT, areas: [DURHAM, HARTLEPOOL], partners }));
    targetId = await made(await officer.json('POST', `/api/agreements/${agreementId}/targets`, TARGET));
    draftId = await made(await officer.json('POST', '/api/agreements', { ...AGREEMENT, title: 'A draft' }));
    const signed = await officer.json('POST', `/api/agreements/${agreementId}/sign-off`, { revision: await revisionOf(agreementId) });
    assert.equal(signed.status, 200, await signed.text());
    browser = await launchBrowser();
  });
  after(async () => {
    await browser?.close();
    await server?.close();
    await store?.close();
  });

  const revisionOf = async (id: number) => ((await (await officer.json('GET', `/api/agreements/${id}`)).json()) as { revision: number }).revision;

  it('closes only for the holding council, and freezes the outcomes it answers with', async () => {
    const body = { revision: await revisionOf(agreementId), closedOn: '2011-06-30' };
    const anonymous = await fetch(`${server.base}/api/agreements/${agreementId}/close`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    assert.equal(anonymous.status, 401);
    assert.equal((await partner.json('POST', `/api/agreements/${agreementId}/close`, body)).status, 403, 'a partner changes targets, but the end is the council’s to call');
    assert.equal((await partner.json('POST', `/api/agreements/${draftId}/close`, { ...body, revision: 1 })).status, 404, "another council's draft is not confirmed");
    const refused = await officer.json('POST', `/api/agreements/${agreementId}/close`, { ...body, closedOn: '2011-01-01' });
    assert.equal(refused.status, 400);
    assert.match(((await refused.json()) as { message: string }).message, /'closedOn'/);
    const closed = await officer.json('POST', `/api/agreements/${agreementId}/close`, body);
    assert.equal(closed.status, 200, await closed.clone().text());
    const answer = (await closed.json()) as { closedOn: string; outcomes: { area: string; outcome: string }[] };
    assert.equal(answer.closedOn, '2011-06-30');
    assert.deepEqual(answer.outcomes.map((o) => [o.area, o.outcome]).sort(), [
      [HARTLEPOOL, 'partly_achieved'],
      [DURHAM, 'achieved'],
    ]);
    const publicRead = await fetch(`${server.base}/api/agreements/${agreementId}/outcomes`);
    assert.equal(publicRead.status, 200);
    assert.equal(((await publicRead.json()) as { outcomes: unknown[] }).outcomes.length, 2);
    const csv = await fetch(`${server.base}/api/agreements/${agreementId}/outcomes.csv`);
    assert.match(csv.headers.get('content-type') ?? '', /^text\/csv/);
    const lines = (await csv.text()).trim().split('\r\n');
    assert.equal(lines.length, 3, 'a header and a line an area');
    assert.match(lines[0]!, /^agreement,agreement_title,closed_on,target,reference,metric,area,baseline,target_value,period,actual,share,outcome,reason,reward_share,reward_rule,/);
    assert.match(
      lines.find((l) => l.includes(HARTLEPOOL))!,
      /,2010\/11,28,0\.666\d*,partly_achieved,,0\.666\d*,"The whole reward for a target achieved; from 60% of the improvement sought/,
    );
  });

  it('shows the outcomes on the agreement and target pages, and a revision beside the frozen outcome', async () => {
    const revised = await importText(store.sql, 'revised.csv', `metric,area,period,value\nobesity,${HARTLEPOOL},2010/11,27\n`);
    assert.equal(revised.status, 'loaded');
    await eventually('the index to hear of the revision', () => {
      const slice = server.engine.index.metric('obesity')?.slice('2010/11');
      const value = slice?.value(slice.position(server.engine.index.areaNumber(HARTLEPOOL)!));
      return value === 27 ? true : undefined;
    });
    for (const [width, viewport] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      const context = await browser.newContext({ viewport });
      const { page, problems } = await openPage(context);
      try {
        for (const address of [`/agreements/${agreementId}`, `/agreements/${agreementId}/targets/${targetId}`]) {
          await page.goto(`${server.base}${address}`);
          const outcomes = (await page.locator('.lantern-outcomes').textContent()) ?? '';
          assert.match(outcomes, /Outcome at the end of the agreement, frozen on 2011-06-30/);
          assert.match(outcomes, /County Durham\s*: Achieved: 26\.5 in 2010\/11, against a target of 27\.0 from a baseline of 30\.0; 117% of the improvement sought\. Reward: 100%/);
          assert.match(outcomes, /Hartlepool\s*: Partly achieved: 28\.0 in 2010\/11.*67% of the improvement sought\. Reward: 67%/);
          assert.match(outcomes, /Revised since: the data now say Achieved: 27\.0 in 2010\/11.*The outcome frozen on 2011-06-30 stands\./);
          assert.equal(await page.locator('.lantern-outcome-now').count(), 1, 'only the revised area says so');
          assert.match(outcomes, /Reward rule \(version 1\): The whole reward for a target achieved; from 60% of the improvement sought/);
          assert.deepEqual(await accessibilityViolations(page), [], address);
          await screenshot(page, `targets-outcomes-${address.includes('targets') ? 'target' : 'agreement'}-${width}`);
        }
        assert.deepEqual(problems, []);
      } finally {
        await context.close();
      }
    }
  });
});

async function made(response: Response): Promise<number> {
  const body = (await response.json()) as { id: number };
  assert.equal(response.status, 201, JSON.stringify(body));
  return body.id;
}
