// A report's targets section: the councils' targets of signed-off agreements,
// each council's target-status tile (its targets counted by band, each band
// in words, the rules named) and each target with its actual, trajectory and
// rating in words beside its rule's words, on the draft's page, the
// published page, its CSV, its spreadsheet and its PDF. Publishing freezes
// them: an agreement taken back to negotiation afterwards leaves the
// version as it was.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import readXlsxFile from 'read-excel-file/node';
import { createDemoAccess } from '../../../src/server/features/admin/demo-access.ts';
import { createDemoAgreement } from '../../../src/server/features/targets/demo-agreement.ts';
import { setAgreementStatus } from '../../../src/store/agreements.ts';
import { Browser, organisation, user } from '../../support/access.ts';
import { pdfText } from '../../support/pdf.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { openDemoStore, type TestStore } from '../../support/store.ts';

const DURHAM = 'E06000047';
const ACTIVE = 'percentage-of-physically-active-adults';
/** The words of the demo's rule for PH 1 and PH 2, as every rating by it carries them. */
const HAVERING = /Green: on or within [\d.]+% of the trajectory; amber: more than [\d.]+% off but [^;]*better than the same period last year; red: otherwise/;

describe("a report's targets section", () => {
  let store: TestStore;
  let server: TestServer;
  let officer: Browser;
  let agreementId: number;

  before(async () => {
    store = await openDemoStore();
    await createDemoAccess(store.sql, 'a long demo passphrase 7', () => {});
    agreementId = (await createDemoAgreement(store.sql, () => {}))!;
    server = await startTestServer(store);
    const durham = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    await user(store.sql, 'officer@durham.example', 'performance_officer', durham.id, 'Pat Officer');
    officer = new Browser(server.base);
    assert.equal((await officer.signIn('officer@durham.example')).status, 303);
  });
  after(async () => {
    await server?.close();
    await store?.close();
  });

  function draft(sections: Record<string, string>) {
    return officer.fetch('/reports', {
      method: 'POST',
      body: new URLSearchParams({ _csrf: officer.csrfToken, title: 'Durham targets', areas: 'County Durham', group: 'region', notes: '', do: 'save', ...sections }),
    });
  }

  it('is offered by the builder, and a chart it does not know is refused naming the section', async () => {
    assert.match(await (await officer.fetch('/reports/new')).text(), /<option value="targets">Targets agreed for these councils/);
    const refused = await draft({ sections: '1', section_title_0: 'Targets', section_chart_0: 'targetz' });
    assert.equal(refused.status, 400);
    assert.match(await refused.text(), /Section 1, how the figures are shown: the chart must be one of/);
  });

  it('lists the targets on the draft, narrowed to the ticked metrics where any are', async () => {
    const made = await draft({
      sections: '2',
      section_title_0: 'Activity',
      section_metrics_0: ACTIVE,
      section_chart_0: 'table',
      section_title_1: 'Activity targets',
      section_chart_1: 'targets',
      section_metrics_1: ACTIVE,
    });
    assert.equal(made.status, 303, await made.text());
    const page = await (await officer.fetch(made.headers.get('location')!)).text();
    assert.match(page, /County Durham: 1 target: 1 green, 0 amber, 0 red, 0 not rated/);
    assert.match(page, />PH 1: Percentage of physically active adults</);
    assert.doesNotMatch(page, />PH 2:/, 'only the targets on the ticked metric');
    assert.match(page, HAVERING);
  });

  it('publishes every target frozen, with its rule on the page, in the CSV and in the PDF', async () => {
    const made = await draft({ sections: '1', section_title_0: 'Our targets', section_chart_0: 'targets', section_notes_0: 'The council plan, as signed.' });
    const id = Number(/(\d+)$/.exec(made.headers.get('location') ?? '')?.[1]);
    const published = await officer.fetch(`/reports/${id}/publish`, { method: 'POST', body: new URLSearchParams({ _csrf: officer.csrfToken }) });
    assert.equal(published.status, 303);
    const address = published.headers.get('location')!;
    // Taken back to negotiation after publishing: its targets leave the draft but not the version.
    await setAgreementStatus(store.sql, agreementId, 'negotiation', 1, 'test');
    const visitor = new Browser(server.base);
    const page = await (await visitor.fetch(address)).text();
    assert.match(page, /County Durham: 4 targets: 2 green, 1 amber, 1 red, 0 not rated/);
    assert.match(page, /Rated by these rules:/);
    assert.match(page, /<strong>1<\/strong> target: off the trajectory, beyond the rule’s tolerance/);
    for (const ref of ['PH 1', 'PH 2', 'PH 3', 'PH 4']) assert.match(page, new RegExp(`>${ref}: `));
    assert.match(page, HAVERING);
    assert.doesNotMatch(await (await officer.fetch(`/reports/${id}`)).text(), />PH 1: /, 'the draft reads the agreements as they are now');

    const csv = Papa.parse<Record<string, string>>(await (await visitor.fetch(`${address}.csv`)).text(), { header: true, skipEmptyLines: true }).data;
    assert.deepEqual(
      csv.map((row) => [row.section, row.area, row.verdict]),
      [
        ['Our targets', DURHAM, 'Green'],
        ['Our targets', DURHAM, 'Red'],
        ['Our targets', DURHAM, 'Amber'],
        ['Our targets', DURHAM, 'Green'],
      ],
    );
    for (const row of csv) {
      assert.match(row.verdict_rule!, /^Green: /, `${row.group} carries its rule`);
      assert.equal(row.benchmark_source, 'trajectory');
    }
    assert.match(csv[0]!.verdict_rule!, HAVERING);
    const [sheet] = await readXlsxFile(Buffer.from(await (await visitor.fetch(`${address}.xlsx`)).arrayBuffer()));
    assert.equal(sheet!.sheet, 'Our targets');
    const header = sheet!.data[0]!.map(String);
    const ruleAt = header.indexOf('verdict_rule');
    assert.equal(sheet!.data.length, 5, 'a row a target under the header');
    assert.ok(
      sheet!.data.slice(1).every((row) => /^Green: /.test(String(row[ruleAt]))),
      'the spreadsheet gives each rating its rule',
    );

    const pdf = (await pdfText(Buffer.from(await (await visitor.fetch(`${address}.pdf`)).arrayBuffer()))).replace(/\s+/g, ' ');
    assert.ok(pdf.includes('County Durham: 4 targets: 2 green, 1 amber, 1 red, 0 not rated'), pdf.slice(0, 800));
    assert.match(pdf, /PH 2: Percentage of adults/);
    assert.match(pdf, HAVERING, 'the PDF gives each rating its rule');
    await setAgreementStatus(store.sql, agreementId, 'signed_off', 1, 'test');
  });
});
