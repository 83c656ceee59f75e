// Reports and dashboards over HTTP, with real people signed in: a council's
// officer builds a report through the plain form and publishes it; the
// draft stays within the council; the published version is public, frozen
// under later imports, and downloads as PDF, CSV and spreadsheet; dashboards
// are each person's own, with a default for the council.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import { Browser, organisation, user } from '../support/access.ts';
import { importText } from '../support/import.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const LEEDS = 'E08000035';
const ACTIVE = 'percentage-of-physically-active-adults';
const OBESE = 'percentage-of-adults-aged-18-plus-classified-as-overweight-or-obese';

describe('reports and dashboards', () => {
  let store: TestStore;
  let server: TestServer;
  let officer: Browser;
  let colleague: Browser;
  let outsider: Browser;
  let member: Browser;
  let publicVisitor: Browser;

  before(async () => {
    store = await openDemoStore();
    server = await startTestServer(store);
    const durham = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    const leeds = await organisation(store.sql, 'Leeds City Council', 'council', LEEDS);
    await user(store.sql, 'officer@durham.example', 'performance_officer', durham.id);
    await user(store.sql, 'colleague@durham.example', 'performance_officer', durham.id);
    await user(store.sql, 'member@durham.example', 'council_member', durham.id);
    await user(store.sql, 'officer@leeds.example', 'performance_officer', leeds.id);
    officer = new Browser(server.base);
    colleague = new Browser(server.base);
    outsider = new Browser(server.base);
    member = new Browser(server.base);
    publicVisitor = new Browser(server.base);
    for (const [browser, email] of [
      [officer, 'officer@durham.example'],
      [colleague, 'colleague@durham.example'],
      [outsider, 'officer@leeds.example'],
      [member, 'member@durham.example'],
    ] as const) {
      assert.equal((await browser.signIn(email)).status, 303, email);
    }
  });
  after(async () => {
    await server?.close();
    await store?.close();
  });

  /** Posts a form as the browser, with its CSRF token. */
  function post(browser: Browser, address: string, fields: Record<string, string | string[]>) {
    const body = new URLSearchParams({ _csrf: browser.csrfToken });
    for (const [name, value] of Object.entries(fields)) for (const v of [value].flat()) body.append(name, v);
    return browser.fetch(address, { method: 'POST', body });
  }

  const reportForm = (title: string) => ({
    title,
    areas: `${DURHAM}, ${LEEDS}`,
    group: 'neighbours',
    notes: 'For the cabinet.',
    sections: '2',
    do: 'save',
    section_title_0: 'Activity',
    section_chart_0: 'bar',
    section_metrics_0: [ACTIVE],
    section_title_1: 'Weight',
    section_chart_1: 'spine',
    section_metrics_1: [OBESE],
  });

  async function storedLatest(metric: string, area: string) {
    const [row] = await store.sql<{ period: string; value: number }[]>`
      select o.period, o.value from observation o join metric m on m.id = o.metric_id join area a on a.id = o.area_id join period p on p.label = o.period
      where m.code = ${metric} and a.code = ${area} order by p.end_date desc limit 1`;
    return row!;
  }

  async function draftId(): Promise<number> {
    const response = await post(officer, '/reports', reportForm('Durham and Leeds compared'));
    assert.equal(response.status, 303);
    return Number(/^\/reports\/(\d+)$/.exec(response.headers.get('location') ?? '')?.[1]);
  }

  it('builds a report through the form and shows the draft with the stored figures', async () => {
    const id = await draftId();
    const page = await officer.fetch(`/reports/${id}`);
    assert.equal(page.status, 200);
    const html = await page.text();
    assert.match(html, /Durham and Leeds compared/);
    const durham = await storedLatest(ACTIVE, DURHAM);
    assert.ok(html.includes(`${durham.value.toFixed(1)}%`), "Durham's active adults");
    assert.match(html, /Draft: seen only by Durham County Council/);
  });

  it('keeps a draft within its council: a colleague sees it, another council and the public do not', async () => {
    const id = await draftId();
    assert.equal((await colleague.fetch(`/reports/${id}`)).status, 200);
    assert.equal((await outsider.fetch(`/reports/${id}`)).status, 404);
    const anonymous = await publicVisitor.fetch(`/reports/${id}`);
    assert.equal(anonymous.status, 303);
    assert.match(anonymous.headers.get('location') ?? '', /^\/sign-in/);
    const missing = await publicVisitor.fetch(`/reports/${id + 1000}`);
    assert.deepEqual([missing.status, missing.headers.get('location')], [303, `/sign-in?returnTo=${encodeURIComponent(`/reports/${id + 1000}`)}`], 'a report that does not exist is answered the same');
    assert.equal((await post(outsider, `/reports/${id}/publish`, {})).status, 404, 'another council cannot publish it');
    assert.equal((await post(member, `/reports/${id}/publish`, {})).status, 403, 'a member reads but does not publish');
    const forged = await officer.fetch(`/reports/${id}/publish`, { method: 'POST', body: new URLSearchParams({ _csrf: 'forged' }) });
    assert.equal(forged.status, 403, 'a form without its CSRF token is refused');
    assert.match(forged.headers.get('content-type') ?? '', /text\/html/, 'as a page');
    const list = await (await outsider.fetch('/reports')).text();
    assert.ok(!list.includes(`/reports/${id}"`));
  });

  it('refuses a report without a title or councils, naming the fields, and saves nothing', async () => {
    const count = async () => (await store.sql<{ n: number }[]>`select count(*)::int as n from report`)[0]!.n;
    const before = await count();
    const response = await post(officer, '/reports', { ...reportForm(''), areas: 'E06999999' });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /There is a problem/);
    assert.match(html, /href="#title"/);
    assert.match(html, /href="#areas"/);
    assert.equal(await count(), before);
  });

  it('publishes a frozen version for anyone, with its PDF, CSV and spreadsheet, unchanged by later imports', async () => {
    const id = await draftId();
    const published = await post(officer, `/reports/${id}/publish`, {});
    assert.equal(published.status, 303);
    const address = published.headers.get('location')!;
    assert.match(address, /^\/published\/durham-and-leeds-compared-\d+\/1$/);
    const before = await storedLatest(ACTIVE, DURHAM);
    const v1 = await (await publicVisitor.fetch(address)).text();
    assert.ok(v1.includes(`${before.value.toFixed(1)}%`));
    for (const [format, type] of [
      ['pdf', 'application/pdf'],
      ['csv', 'text/csv'],
      ['xlsx', 'spreadsheetml'],
    ] as const) {
      const download = await publicVisitor.fetch(`${address}.${format}`);
      assert.equal(download.status, 200, format);
      assert.match(download.headers.get('content-type') ?? '', new RegExp(type));
    }
    const csv = Papa.parse<Record<string, string>>(await (await publicVisitor.fetch(`${address}.csv`)).text(), { header: true, skipEmptyLines: true }).data;
    assert.equal(Number(csv.find((r) => r.metric === ACTIVE && r.area === DURHAM)!.value), before.value);

    const generation = server.engine.generation;
    const result = await importText(store.sql, 'revised.csv', `metric,area,period,value\n${ACTIVE},${DURHAM},${before.period},91.2\n`);
    assert.equal(result.status, 'loaded');
    // The import's notice reaches the engine asynchronously: wait until it has refreshed.
    for (const deadline = Date.now() + 10_000; server.engine.generation === generation && Date.now() < deadline;) await new Promise((resolve) => setTimeout(resolve, 20));
    await server.engine.settled();
    const stillV1 = await (await publicVisitor.fetch(address)).text();
    assert.ok(stillV1.includes(`${before.value.toFixed(1)}%`) && !stillV1.includes('91.2%'), 'version 1 keeps its figures');
    assert.match(await (await officer.fetch(`/reports/${id}`)).text(), /91\.2%/, 'the draft shows the figures as they are now');
    const v2 = await post(officer, `/reports/${id}/publish`, {});
    assert.match(v2.headers.get('location') ?? '', /\/2$/);
    assert.match(await (await publicVisitor.fetch(v2.headers.get('location')!)).text(), /91\.2%/);
    await assert.rejects(store.sql`update report_version set pdf = ''::bytea`, /permission denied/, 'the application may not');
    await store.asOwner(async (owner) => {
      // and its trigger refuses even the owner
      await assert.rejects(owner`update report_version set pdf = ''::bytea`, /frozen/);
      await assert.rejects(owner`delete from report_version`, /frozen/);
    });
  });

  it('makes a headline report from the priorities ticked, one section per theme', async () => {
    const response = await post(officer, '/reports/headline', { area: DURHAM, metrics: [ACTIVE, OBESE] });
    assert.equal(response.status, 303);
    const html = await (await officer.fetch(response.headers.get('location')!)).text();
    assert.match(html, /County Durham: our priorities compared/);
    assert.match(html, /<h2 class="govuk-heading-l" id="section-1">Health and wellbeing<\/h2>/);
    assert.match(html, /<h2 class="govuk-heading-l" id="section-2">Physical activity<\/h2>/);
    const none = await post(officer, '/reports/headline', { area: DURHAM });
    assert.equal(none.status, 400);
  });

  it("gives a council member the council's default dashboard, and a dashboard of their own", async () => {
    const first = await member.fetch('/dashboards');
    assert.equal(first.status, 303);
    const address = first.headers.get('location')!;
    const html = await (await member.fetch(address)).text();
    assert.match(html, /County Durham: our figures/);
    const durham = await storedLatest(OBESE, DURHAM);
    assert.ok(html.includes(`${durham.value.toFixed(1)}%`));
    assert.equal((await colleague.fetch(address)).status, 200, 'the council shares its default');
    assert.equal((await outsider.fetch(address)).status, 404, 'another council does not see it');

    const own = await post(member, '/dashboards', { title: 'What I follow', tiles: '1', tile_kind_0: 'league', tile_metric_0: ACTIVE, tile_area_0: LEEDS, tile_group_0: 'region', do: 'save' });
    assert.equal(own.status, 303);
    const mine = own.headers.get('location')!;
    assert.match(await (await member.fetch(mine)).text(), /What I follow/);
    assert.equal((await colleague.fetch(mine)).status, 404, "a dashboard of one's own is one's own");
    const bad = await post(member, '/dashboards', { title: 'Bad', tiles: '1', tile_kind_0: 'value', tile_metric_0: 'no-such-metric', tile_area_0: DURHAM, do: 'save' });
    assert.equal(bad.status, 400);
    assert.match(await bad.text(), /not a metric in the library/);
    assert.equal((await publicVisitor.fetch('/dashboards')).status, 303);
  });
});
