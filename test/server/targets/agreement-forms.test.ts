// The agreement's forms on the real app and store, as a council's officer
// fills them in a browser without script: an agreement recorded with its
// areas and partners by name; every refusal shown in the error summary,
// named by the field's label, with every typed value kept; sign-off and the
// refresh as buttons on the agreement's page, a stale one answered 409
// naming who changed it; and the links shown only to those who may use them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openWorld, type World } from '../access/world.ts';
import type { Browser } from '../../support/access.ts';

describe('the agreement forms', () => {
  let world: World;
  before(async () => {
    world = await openWorld();
  });
  after(() => world.close());

  const officer = () => world.browsers.performance_officer;
  const post = (browser: Browser, address: string, fields: Record<string, string>) => browser.fetch(address, { method: 'POST', body: new URLSearchParams({ _csrf: browser.csrfToken, ...fields }) });
  const GOOD = {
    kind: 'local_area_agreement',
    title: 'County Durham LAA 2008-11',
    firstYear: '2008/09',
    lastYear: '2010/11',
    'area-1': 'County Durham',
    'partner-1-name': 'Durham County Council',
    'partner-1-kind': 'council',
    'partner-2-name': 'County Durham PCT',
    'partner-2-kind': 'health',
  };
  /** The error summary's messages, each with the field it links to. */
  const summary = (html: string) =>
    [...html.matchAll(/<a href="#([\w-]+)">([^<]+)<\/a>/g)].map(
      (m) =>
        `${m[1]}: ${m[2]!
          .replace(/&#39;/g, "'")
          .replace(/&quot;/g, '"')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&')}`,
    );
  const record = async (fields: Record<string, string> = {}) => {
    const response = await post(officer(), '/agreements/new', { ...GOOD, ...fields });
    assert.equal(response.status, 303, await response.text());
    return Number(/\/agreements\/(\d+)$/.exec(response.headers.get('location') ?? '')?.[1]);
  };

  it('records an agreement with its areas and partners given by name, and shows its forms on its page', async () => {
    const form = await (await officer().fetch('/agreements/new')).text();
    assert.match(form, /<datalist id="place-names">.*<option value="County Durham"><\/option>/s);
    const id = await record({ 'partner-2-organisation': String(world.organisations.hartlepool.id), designatedCap: '20' });
    const [row] = await world.store.sql<{ areas: string[]; designated_cap: number; status: string }[]>`select areas, designated_cap, status from agreement where id = ${id}`;
    assert.deepEqual({ ...row }, { areas: ['E06000047'], designated_cap: 20, status: 'draft' });
    const partners = await world.store.sql<{ name: string; kind: string; organisation_id: number | null }[]>`
      select name, kind, organisation_id from agreement_partner where agreement_id = ${id} order by id`;
    assert.deepEqual(
      partners.map((p) => [p.name, p.kind, p.organisation_id]),
      [
        ['Durham County Council', 'council', null],
        ['County Durham PCT', 'health', world.organisations.hartlepool.id],
      ],
    );
    const page = await (await officer().fetch(`/agreements/${id}`)).text();
    assert.match(page, /href="\/agreements\/\d+\/targets\/new"/);
    assert.match(page, /Sign off version 1/);
  });

  it('names every field left empty, by its label, and keeps what was typed', async () => {
    const response = await post(officer(), '/agreements/new', { title: 'Half an agreement', 'partner-3-name': 'Durham Constabulary', 'partner-3-kind': '' });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.deepEqual(summary(html), [
      'kind: Choose the kind of agreement',
      'firstYear: Enter the first year of the plan, for example 2008/09',
      'lastYear: Enter the last year of the plan, for example 2010/11',
      'area-1: Enter at least one area the agreement covers',
      'partner-1-name: Enter the name of partner 1, the lead',
      'partner-3-kind: Choose what kind of body partner 3 is',
    ]);
    assert.match(html, /name="title" type="text" value="Half an agreement"/);
    assert.match(html, /name="partner-3-name" type="text" value="Durham Constabulary"/);
  });

  it("words the use-case's refusals by the form's labels, keeping every value", async () => {
    const cases: [Record<string, string>, string][] = [
      [{ lastYear: '2007/08' }, 'lastYear: Last year 2007/08 must not come before first year (2008/09)'],
      [{ firstYear: '2008 Q1' }, 'firstYear: '],
      [{ 'area-2': 'Durhamshire' }, 'area-2: Area 2: no place is called ‘Durhamshire’.'],
      [{ 'partner-2-name': 'durham county council' }, 'partner-2-name: Partner 2: durham county council is named twice'],
      [{ designatedCap: 'many' }, 'designatedCap: Designated targets allowed must be a whole number'],
    ];
    for (const [fields, expected] of cases) {
      const response = await post(officer(), '/agreements/new', { ...GOOD, ...fields });
      assert.equal(response.status, 400, JSON.stringify(fields));
      const html = await response.text();
      const problems = summary(html);
      assert.equal(problems.length, 1, problems.join('\n'));
      assert.ok(problems[0]!.startsWith(expected), `${problems[0]} should start ${expected}`);
      assert.match(html, /name="title" type="text" value="County Durham LAA 2008-11"/);
      assert.match(html, /name="partner-2-name" type="text" value="[^"]+"/);
      for (const value of Object.values(fields)) assert.ok(html.includes(`value="${value}"`), `keeps ${value}`);
    }
  });

  it('signs off and opens the refresh from buttons, and answers a stale button 409 naming who changed it', async () => {
    const id = await record({ title: 'Signed from the page' });
    const empty = await post(officer(), `/agreements/${id}/sign-off`, { revision: '1' });
    assert.equal(empty.status, 400);
    assert.match(summary(await empty.text()).join('\n'), /agreement-actions: Agreement \d+ has no targets to sign off/);
    const added = await officer().json('POST', `/api/agreements/${id}/targets`, {
      reference: 'NI 56',
      metric: 'obesity',
      kind: 'designated',
      baseline: { period: '2007/08', value: 30 },
      targetPeriod: '2010/11',
      targetValue: 27,
      leadPartner: 'County Durham PCT',
      toleranceRule: { kind: 'statistical', version: 1 },
    });
    assert.equal(added.status, 201, await added.text());
    const stale = await post(officer(), `/agreements/${id}/sign-off`, { revision: '1' });
    assert.equal(stale.status, 409);
    assert.match(summary(await stale.text()).join('\n'), /agreement-actions: Agreement \d+ was changed by officer <officer@durham\.example> at .* since you read it/);
    const signed = await post(officer(), `/agreements/${id}/sign-off`, { revision: '2' });
    assert.equal(signed.status, 303);
    const page = await (await officer().fetch(`/agreements/${id}`)).text();
    assert.match(page, /Open the annual refresh/);
    assert.doesNotMatch(page, /targets\/new|\/edit"/);
    const refresh = await post(officer(), `/agreements/${id}/refresh`, { revision: '3' });
    assert.equal(refresh.status, 303);
    const [row] = await world.store.sql<{ status: string; version: number }[]>`select status, version from agreement where id = ${id}`;
    assert.deepEqual({ ...row }, { status: 'in_refresh', version: 2 });
  });

  it('imports a targets file from the agreement page, or names each refused line and column and imports nothing', async () => {
    const id = await record({ title: 'Imported from the page' });
    const upload = (csv: string | null, fields: Record<string, string> = {}) => {
      const form = new FormData();
      form.append('_csrf', officer().csrfToken);
      for (const [name, value] of Object.entries(fields)) form.append(name, value);
      if (csv !== null) form.append('file', new Blob([csv], { type: 'text/csv' }), 'durham-targets.csv');
      return officer().fetch(`/agreements/${id}/targets/import`, { method: 'POST', body: form });
    };
    const header = 'reference,metric,kind,baselinePeriod,baselineValue,targetPeriod,targetValue,leadPartner,rule';
    const count = async () => (await world.store.sql<{ n: number }[]>`select count(*)::int as n from target where agreement_id = ${id}`)[0]!.n;

    const none = await upload(null);
    assert.equal(none.status, 400);
    assert.deepEqual(summary(await none.text()), ['targets-file: Choose a targets file (CSV) to upload']);
    const bad = await upload(
      `${header}\nNI 56,obesity,designated,2007/08,30,2010/11,27,County Durham PCT,statistical\nNI 8,fatness,local,2007/08,5,2010/11,8,County Durham PCT,statistical\nNI 9,obesity,local,2007/08,30,2010/11,27,Durham Police,statistical\n`,
    );
    assert.equal(bad.status, 400);
    const problems = summary(await bad.text());
    assert.ok(
      problems.some((p) => p.startsWith("targets-file: durham-targets.csv:3: column 'metric': fatness is not a metric in the library")),
      problems.join('\n'),
    );
    assert.ok(
      problems.some((p) => p.startsWith("targets-file: durham-targets.csv:4: column 'leadPartner': Durham Police is not a partner")),
      problems.join('\n'),
    );
    assert.equal(await count(), 0, 'all or nothing');

    const good = await upload(`${header}\nNI 56,obesity,designated,2007/08,30,2010/11,27,County Durham PCT,statistical\n`);
    assert.equal(good.status, 303, await good.text());
    assert.equal(await count(), 1);

    // In a refresh, the targets added keep their reason, proposer and approver; without them, what was typed is kept.
    await post(officer(), `/agreements/${id}/sign-off`, { revision: String((await world.store.sql<{ revision: number }[]>`select revision from agreement where id = ${id}`)[0]!.revision) });
    await post(officer(), `/agreements/${id}/refresh`, { revision: String((await world.store.sql<{ revision: number }[]>`select revision from agreement where id = ${id}`)[0]!.revision) });
    const more = `${header}\nNI 57,early-reserves,local,2007/08,5,2010/11,8,County Durham PCT,statistical\n`;
    const bare = await upload(more, { proposedBy: 'Durham PCT board' });
    assert.equal(bare.status, 400);
    const bareHtml = await bare.text();
    assert.match(summary(bareHtml).join('\n'), /import-reason: Reason for the change is required/);
    assert.match(bareHtml, /name="proposedBy" type="text" value="Durham PCT board"/);
    const kept = await upload(more, { reason: 'A new priority', proposedBy: 'Durham PCT board', approvedBy: 'Government Office North East', changedOn: '2010-03-15' });
    assert.equal(kept.status, 303, await kept.text());
    assert.equal(await count(), 2);
  });

  it('reads a file only on the form that takes one: anywhere else a multipart body is refused unread', async () => {
    const form = new FormData();
    form.append('_csrf', officer().csrfToken);
    form.append('file', new Blob(['x'.repeat(1024 * 1024)], { type: 'text/csv' }), 'large.csv');
    for (const address of ['/agreements/new', '/sign-in']) {
      const response = await world.browsers.public.fetch(address, { method: 'POST', body: form });
      assert.equal(response.status, 415, address);
      assert.match(await response.text(), /takes no file/);
    }
  });

  it('links the forms only for those who may use them', async () => {
    const id = await record({ title: 'Whose links' });
    await world.store.sql`update agreement set status = 'signed_off' where id = ${id}`;
    const officerPage = await (await officer().fetch('/agreements')).text();
    assert.match(officerPage, /href="\/agreements\/new">Record an agreement</);
    for (const who of ['public', 'government_officer', 'hartlepoolOfficer', 'administrator'] as const) {
      const browser = world.browsers[who];
      // Another council's officer records agreements of their own, but changes none of Durham's.
      const records = who === 'hartlepoolOfficer';
      assert.equal(/Record an agreement/.test(await (await browser.fetch('/agreements')).text()), records, who);
      const page = await (await browser.fetch(`/agreements/${id}`)).text();
      assert.doesNotMatch(page, /Open the annual refresh|Change this agreement/, who);
    }
    const asked = await world.browsers.public.fetch('/agreements/new');
    assert.equal(asked.status, 303);
    assert.match(asked.headers.get('location') ?? '', /^\/sign-in/);
    assert.equal((await world.browsers.government_officer.fetch('/agreements/new')).status, 403);
    const refused = await post(world.browsers.hartlepoolOfficer, `/agreements/${id}/refresh`, { revision: '1' });
    assert.equal(refused.status, 403);
  });
});
