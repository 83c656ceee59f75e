// Targets beside the figures: an area's page lists the targets agreed for it
// and a metric's page the targets on it across areas, each linked to its
// target's page with its rating in words and its rule's words beside it, and
// only from agreements signed off. The pages are kept until the index
// changes, yet an agreement going back to draft takes its targets off them
// at once.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDemoAccess } from '../../../src/server/features/admin/demo-access.ts';
import { createDemoAgreement } from '../../../src/server/features/targets/demo-agreement.ts';
import { setAgreementStatus } from '../../../src/store/agreements.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { openDemoStore, type TestStore } from '../../support/store.ts';

const DURHAM = 'E06000047';
const ACTIVE = 'percentage-of-physically-active-adults';
/** The demo's rule for PH 1 and PH 2, as every rating by it says. */
const HAVERING_WORDS = /Green: on or within [\d.]+% of the trajectory; amber: more than [\d.]+% off but [^;]*better than the same period last year; red: otherwise/;

describe('targets on area and metric pages', () => {
  let store: TestStore;
  let server: TestServer;
  let agreementId: number;

  before(async () => {
    store = await openDemoStore();
    await createDemoAccess(store.sql, 'a long demo passphrase 7', () => {});
    agreementId = (await createDemoAgreement(store.sql, () => {}))!;
    assert.ok(agreementId);
    server = await startTestServer(store);
  });
  after(async () => {
    await server?.close();
    await store?.close();
  });

  const page = async (address: string) => {
    const response = await fetch(`${server.base}${address}`);
    assert.equal(response.status, 200, address);
    return response.text();
  };

  it("lists an area's signed-off targets, each linked, rated in words beside its rule", async () => {
    const html = await page(`/areas/${DURHAM}`);
    assert.match(html, /<h2 class="govuk-heading-l" id="targets">Targets agreed for County Durham<\/h2>/);
    assert.match(html, /4 targets: 2 green, 1 amber, 1 red, 0 not rated/);
    const rows = [...html.matchAll(/<tr>\s*<th scope="row"><a class="govuk-link" href="\/agreements\/(\d+)\/targets\/(\d+)">(PH \d): ([^<]+)<\/a>[\s\S]*?<\/tr>/g)];
    assert.deepEqual(
      rows.map((r) => r[3]),
      ['PH 1', 'PH 2', 'PH 3', 'PH 4'],
    );
    for (const row of rows) {
      assert.equal(Number(row[1]), agreementId);
      assert.match(row[0], /govuk-tag--(green|yellow|red)">\s*(Green|Amber|Red)/, `${row[3]} is rated in words`);
      assert.match(row[0], /Rule: Green: /, `${row[3]} carries its rule`);
    }
    assert.match(rows[0]![0], HAVERING_WORDS);
    // The tile names each rule once, and says what each band means.
    assert.match(html, /Rated by these rules:/);
    assert.match(html, /<strong>1<\/strong> target: off the trajectory, beyond the rule’s tolerance/);
  });

  it("lists a metric's targets across areas, linked to each target's page", async () => {
    const html = await page(`/metrics/${ACTIVE}`);
    assert.match(html, /Targets on this metric/);
    const row = /<tr>\s*<th scope="row"><a class="govuk-link" href="\/agreements\/\d+\/targets\/\d+">PH 1<\/a>[\s\S]*?<\/tr>/.exec(html);
    assert.ok(row, 'PH 1 is listed by its reference');
    assert.match(row[0], /href="\/areas\/E06000047">County Durham<\/a>/);
    assert.match(row[0], HAVERING_WORDS);
    assert.match(html, new RegExp(`<a class="govuk-link" href="/agreements/metrics/${ACTIVE}">every target on Percentage of physically active adults</a>`));
    assert.equal((await fetch(`${server.base}/agreements/metrics/${ACTIVE}`)).status, 200, 'the fuller view it links to');
    const other = await page('/metrics/percentage-of-adults-aged-18-plus-classified-as-overweight-or-obese');
    assert.doesNotMatch(other, />PH 1</, "a metric's page lists only its own targets");
  });

  it('takes the targets off at once when their agreement is no longer signed off', async () => {
    assert.match(await page(`/areas/${DURHAM}`), /Targets agreed for County Durham/);
    await setAgreementStatus(store.sql, agreementId, 'negotiation', 1, 'test');
    const html = await page(`/areas/${DURHAM}`);
    assert.doesNotMatch(html, /Targets agreed for County Durham/, 'a draft is not public');
    assert.doesNotMatch(await page(`/metrics/${ACTIVE}`), /Targets on this metric/);
    await setAgreementStatus(store.sql, agreementId, 'signed_off', 1, 'test');
    assert.match(await page(`/areas/${DURHAM}`), /Targets agreed for County Durham/);
  });
});
