// The support feature's pages as people meet them, signed in through the real
// form on a real store: who may open each page and form (403 by role, 404 for
// a case they may not read, alike for one that does not exist), and forms
// refused with each problem named by its field and every value kept.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Browser } from '../../support/access.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { openDemoStore, type TestStore } from '../../support/store.ts';
import { packageBody, supportWorld, type SupportWorld } from './world.ts';

describe('support and Panel pages', () => {
  let store: TestStore;
  let server: TestServer;
  let world: SupportWorld;
  const people: Record<string, Browser> = {};

  before(async () => {
    store = await openDemoStore();
    world = await supportWorld(store.sql, 'pages-http');
    server = await startTestServer(store);
    for (const who of ['lead', 'officer', 'otherOfficer', 'panelMember'] as const) {
      people[who] = new Browser(server.base);
      assert.equal((await people[who].signIn(world[who].email)).status, 303);
    }
    assert.equal((await people.lead!.json('POST', `/api/cases/${world.caseId}/package`, packageBody())).status, 201);
  });
  after(async () => {
    await server.close();
    await store.close();
  });

  const status = async (who: string, path: string) => (await people[who]!.fetch(path)).status;

  it('opens each page only to those the policy allows', async () => {
    assert.equal(await status('lead', `/cases/${world.caseId}/package`), 200);
    assert.equal(await status('officer', `/cases/${world.caseId}/package`), 200);
    assert.equal(await status('otherOfficer', `/cases/${world.caseId}/package`), 404);
    assert.equal(await status('lead', '/cases/99999999/package'), 404);
    assert.equal(await status('officer', `/cases/${world.caseId}/package/edit`), 403);
    assert.equal(await status('officer', `/cases/${world.caseId}/package/new`), 403);
    assert.equal(await status('lead', `/cases/${world.caseId}/package/edit`), 200);
    assert.equal(await status('officer', '/panel/meetings'), 403);
    assert.equal(await status('panelMember', '/panel/meetings'), 200);
    assert.equal(await status('panelMember', '/panel/meetings/new'), 200);
    assert.equal(await status('panelMember', '/panel/meetings/99999999'), 404);
    assert.equal((await new Browser(server.base).fetch('/panel/meetings')).status, 303, 'the public is sent to sign in');
  });

  it('refuses a meeting without a date, naming the field and keeping the title', async () => {
    const lead = people.lead!;
    const response = await lead.fetch('/panel/meetings/new', { method: 'POST', body: new URLSearchParams({ _csrf: lead.csrfToken, title: 'Panel, April', heldOn: '31/04/2026' }) });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /href="#heldOn">Held on must be a date written 2026-03-31/);
    assert.match(html, /value="Panel, April"/);
  });

  it('changes the package through its form, its status among the fields', async () => {
    const lead = people.lead!;
    const page = await (await lead.fetch(`/cases/${world.caseId}/package/edit`)).text();
    const revision = /name="revision" value="(\d+)"/.exec(page)![1]!;
    assert.match(page, /<option value="active" selected>Active<\/option>/);
    const form = new URLSearchParams({
      _csrf: lead.csrfToken,
      revision,
      status: 'completed',
      agreedOn: '2026-01-10',
      objectives: 'Raise activity',
      'provider-1-name': 'A mentor',
      'provider-1-kind': 'mentor',
      'milestone-1-id': /name="milestone-1-id" value="(\d+)"/.exec(page)![1]!,
      'milestone-1-title': 'Plan agreed',
      'milestone-1-owner': 'DPH',
      'milestone-1-dueOn': '2026-02-28',
      'metric-1-metric': 'percentage-of-physically-active-adults',
      'metric-1-baselinePeriod': '2019/20',
      'metric-1-baselineValue': '65.5',
      'metric-1-direction': 'up',
      'metric-1-byPeriod': '2021/22',
    });
    const response = await lead.fetch(`/cases/${world.caseId}/package/edit`, { method: 'POST', body: form });
    assert.equal(response.status, 303);
    const read = (await (await lead.json('GET', `/api/cases/${world.caseId}/package`)).json()) as { package: { status: string; milestones: { title: string }[] } };
    assert.equal(read.package.status, 'completed');
    assert.equal(read.package.milestones[0]!.title, 'Plan agreed');
  });

  it('refuses a change of the package made from an older reading, naming who changed it, with every value kept', async () => {
    const lead = people.lead!;
    const form = new URLSearchParams({
      _csrf: lead.csrfToken,
      revision: '99',
      agreedOn: '2026-01-10',
      objectives: 'A new objective',
      'provider-1-name': 'A mentor',
      'provider-1-kind': 'mentor',
      'metric-1-metric': 'percentage-of-physically-active-adults',
      'metric-1-baselinePeriod': '2019/20',
      'metric-1-baselineValue': '65.5',
      'metric-1-direction': 'up',
      'metric-1-byPeriod': '2021/22',
    });
    const response = await lead.fetch(`/cases/${world.caseId}/package/edit`, { method: 'POST', body: form });
    assert.equal(response.status, 409);
    const html = await response.text();
    assert.match(html, /Support package \d+ was changed by Ada Lead/);
    assert.match(html, /A new objective/);
  });
});
