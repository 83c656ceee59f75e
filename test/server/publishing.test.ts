// Publishing with eyes open, and withdrawing: before a report is published
// its author sees exactly what will be public (address, councils, figures,
// what is held back); a published version can be withdrawn with a reason,
// and stays at its address, marked so, with the withdrawal audited; the
// report's own address then leads to the latest version still standing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { Browser, organisation, user } from '../support/access.ts';
import { pdfText } from '../support/pdf.ts';
import { formatDate } from '../../src/domain/format/index.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const ACTIVE = 'percentage-of-physically-active-adults';

describe('publishing and withdrawing a report', () => {
  let store: TestStore;
  let server: TestServer;
  let officer: Browser;
  let member: Browser;
  let reportId: number;

  before(async () => {
    store = await openDemoStore();
    server = await startTestServer(store);
    const durham = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    await user(store.sql, 'officer@durham.example', 'performance_officer', durham.id, 'Pat Officer');
    await user(store.sql, 'member@durham.example', 'council_member', durham.id);
    officer = new Browser(server.base);
    member = new Browser(server.base);
    assert.equal((await officer.signIn('officer@durham.example')).status, 303);
    assert.equal((await member.signIn('member@durham.example')).status, 303);
    const drafted = await post(officer, '/reports', {
      title: 'Durham active',
      areas: DURHAM,
      group: 'region',
      notes: '',
      sections: '1',
      do: 'save',
      section_title_0: 'Activity',
      section_chart_0: 'bar',
      section_metrics_0: ACTIVE,
    });
    reportId = Number(/(\d+)$/.exec(drafted.headers.get('location') ?? '')?.[1]);
    assert.ok(reportId > 0);
  });
  after(async () => {
    await server?.close();
    await store?.close();
  });

  function post(browser: Browser, address: string, fields: Record<string, string>) {
    return browser.fetch(address, { method: 'POST', body: new URLSearchParams({ _csrf: browser.csrfToken, ...fields }) });
  }

  it('leads from the draft to a page that shows what will be public, before anything is published', async () => {
    const draft = await (await officer.fetch(`/reports/${reportId}`)).text();
    assert.match(draft, new RegExp(`href="/reports/${reportId}/publish"`));
    assert.doesNotMatch(draft, new RegExp(`<form method="post" action="/reports/${reportId}/publish"`), 'the draft does not publish at one press');
    const response = await officer.fetch(`/reports/${reportId}/publish`);
    assert.equal(response.status, 200);
    const page = await response.text();
    assert.match(page, /Check what will be public/);
    assert.match(page, new RegExp(`/published/durham-active-${reportId}/1`));
    assert.match(page, /County Durham/);
    assert.match(page, /Percentage of physically active adults/);
    assert.match(page, /Publish version 1/);
    assert.equal((await store.sql`select 1 from report_version where report_id = ${reportId}`).length, 0, 'nothing is published by looking');
    assert.equal((await member.fetch(`/reports/${reportId}/publish`)).status, 403, 'a member reads drafts but does not publish');
  });

  it('withdraws a version with a reason: kept at its address, marked, audited', async () => {
    for (let i = 0; i < 2; i++) assert.equal((await post(officer, `/reports/${reportId}/publish`, {})).status, 303);
    const form = await officer.fetch(`/reports/${reportId}/versions/1/withdraw`);
    assert.equal(form.status, 200);
    assert.match(await form.text(), /Why it is withdrawn/);
    const withdrawn = await post(officer, `/reports/${reportId}/versions/1/withdraw`, { reason: 'The activity figures were for the wrong year.' });
    assert.equal(withdrawn.status, 303);
    assert.equal(withdrawn.headers.get('location'), `/published/durham-active-${reportId}/1`);

    const publicVisitor = new Browser(server.base);
    const version1 = await publicVisitor.fetch(`/published/durham-active-${reportId}/1`);
    assert.equal(version1.status, 200, 'the withdrawn version is kept');
    const page = await version1.text();
    assert.match(page, /This version was withdrawn on/);
    assert.match(page, /The activity figures were for the wrong year\./);
    assert.doesNotMatch(await (await publicVisitor.fetch(`/published/durham-active-${reportId}/2`)).text(), /This version was withdrawn/);
    const latest = await publicVisitor.fetch(`/published/durham-active-${reportId}`);
    assert.equal(latest.headers.get('location'), `/published/durham-active-${reportId}/2`);

    const [audited] = await store.sql<{ summary: string }[]>`select summary from audit_event where record_kind = 'report' and summary like 'withdrew%'`;
    assert.equal(audited?.summary, "withdrew version 1 of 'Durham active': The activity figures were for the wrong year.");
    const draft = await (await officer.fetch(`/reports/${reportId}`)).text();
    assert.match(draft, /Version 1<\/a>, published [^:]+: withdrawn on/);
    assert.match(draft, new RegExp(`/reports/${reportId}/versions/2/withdraw`));
  });

  it("marks a withdrawn version's PDF, CSV and spreadsheet withdrawn, with the reason and date, as its page is", async () => {
    const visitor = new Browser(server.base);
    const download = async (version: number, format: string) => {
      const response = await visitor.fetch(`/published/durham-active-${reportId}/${version}.${format}`);
      assert.equal(response.status, 200, `version ${version} as ${format}`);
      assert.doesNotMatch(response.headers.get('cache-control') ?? '', /immutable/, 'a version is withdrawn after its files were first served');
      return Buffer.from(await response.arrayBuffer());
    };
    const reason = 'The activity figures were for the wrong year.';
    const [withdrawn] = await store.sql<{ at: Date }[]>`select withdrawn_at as at from report_withdrawal where report_id = ${reportId} and version = 1`;
    const on = formatDate(withdrawn!.at);
    const notice = `This version was withdrawn on ${on}. It is kept as it was published; do not rely on its figures.`;

    const csv = Papa.parse<Record<string, string>>((await download(1, 'csv')).toString('utf8'), { header: true, skipEmptyLines: true });
    assert.ok(csv.data.length > 0 && csv.data.every((row) => row.withdrawn_on === on && row.withdrawn_reason === reason), JSON.stringify(csv.data[0]));
    const standing = Papa.parse<Record<string, string>>((await download(2, 'csv')).toString('utf8'), { header: true });
    assert.ok(!standing.meta.fields!.includes('withdrawn_on'), 'a standing version says nothing of withdrawal');

    const [first] = await readXlsxFile(await download(1, 'xlsx'));
    assert.equal(first!.sheet, 'Withdrawn');
    assert.deepEqual(first!.data.flat(), ['Withdrawn', `${notice} Why it was withdrawn: ${reason}`]);
    assert.ok(!(await readXlsxFile(await download(2, 'xlsx'))).some((sheet) => sheet.sheet === 'Withdrawn'));

    const pdf = (await pdfText(await download(1, 'pdf'))).replace(/\s+/g, ' ');
    assert.ok(pdf.includes(notice), pdf.slice(0, 600));
    assert.ok(pdf.includes(`Why it was withdrawn: ${reason}`), pdf.slice(0, 600));
    assert.ok(!(await pdfText(await download(2, 'pdf'))).includes('withdrawn'), 'the standing version is printed as it was');
  });

  it('makes a headline report for a council chosen by name, and names the field it cannot find', async () => {
    const form = await (await officer.fetch('/reports/headline/new')).text();
    assert.match(form, /<label class="govuk-label govuk-label--s" for="area">\s*Council\s*<\/label>/);
    assert.match(form, /id="area" name="area" type="text" spellcheck="false" value="County Durham"/);
    assert.match(form, /<datalist id="council-names">.*<option value="Leeds"><\/option>/s);
    const made = await officer.fetch('/reports/headline', {
      method: 'POST',
      body: new URLSearchParams([
        ['_csrf', officer.csrfToken],
        ['area', 'leeds'],
        ['metrics', ACTIVE],
      ]),
    });
    assert.equal(made.status, 303);
    assert.match(await (await officer.fetch(made.headers.get('location')!)).text(), /Leeds: our priorities compared/);
    const unknown = await officer.fetch('/reports/headline', {
      method: 'POST',
      body: new URLSearchParams([
        ['_csrf', officer.csrfToken],
        ['area', 'Leeds City'],
        ['metrics', ACTIVE],
      ]),
    });
    assert.equal(unknown.status, 400);
    assert.match(await unknown.text(), /<a href="#area">Council: no council is called ‘Leeds City’\. Did you mean Leeds\? Choose one of the names offered<\/a>/);
    const none = await officer.fetch('/reports/headline', {
      method: 'POST',
      body: new URLSearchParams([
        ['_csrf', officer.csrfToken],
        ['area', 'Leeds'],
      ]),
    });
    assert.match(await none.text(), /<a href="#metrics">Your priorities: tick at least one figure<\/a>/);
  });

  it('builds a report for councils named, shows them by name when edited, and names one it cannot find', async () => {
    const fields = (areas: string) =>
      new URLSearchParams([
        ['_csrf', officer.csrfToken],
        ['title', 'Named'],
        ['areas', areas],
        ['group', 'region'],
        ['sections', '1'],
        ['do', 'save'],
        ['section_title_0', 'Activity'],
        ['section_chart_0', 'table'],
        ['section_metrics_0', ACTIVE],
      ]);
    const made = await officer.fetch('/reports', { method: 'POST', body: fields('County Durham, leeds') });
    assert.equal(made.status, 303);
    const id = made.headers.get('location')!;
    assert.match(await (await officer.fetch(id)).text(), /For County Durham, Leeds, compared with/);
    assert.match(await (await officer.fetch(`${id}/edit`)).text(), /name="areas" type="text" spellcheck="false" value="County Durham, Leeds"/);
    const unknown = await officer.fetch('/reports', { method: 'POST', body: fields('County Durham, Durhamshire') });
    assert.equal(unknown.status, 400);
    assert.match(await unknown.text(), /<a href="#areas">Councils: no place is called ‘Durhamshire’\./);
  });

  it('asks why, naming the field, when no reason is given, and withdraws a version once', async () => {
    const empty = await post(officer, `/reports/${reportId}/versions/2/withdraw`, { reason: '  ' });
    assert.equal(empty.status, 400);
    const page = await empty.text();
    assert.match(page, /govuk-error-summary/);
    assert.match(page, /href="#reason">Enter why this version is withdrawn/);
    const again = await post(officer, `/reports/${reportId}/versions/1/withdraw`, { reason: 'Again' });
    assert.equal(again.status, 400);
    assert.match(await again.text(), /already been withdrawn/);
    assert.equal((await post(officer, `/reports/${reportId}/versions/7/withdraw`, { reason: 'Never was' })).status, 404);
    assert.equal((await post(member, `/reports/${reportId}/versions/2/withdraw`, { reason: 'Not mine to do' })).status, 403);
    assert.equal((await store.sql`select 1 from report_withdrawal where report_id = ${reportId}`).length, 1);
  });
});
