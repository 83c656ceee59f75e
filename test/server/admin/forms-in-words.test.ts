// The administration and audit forms in words: a council organisation's
// council is chosen by name from the names offered (a datalist, no script
// needed), never by GSS code; the audit trail is filtered by a kind of record
// and a person chosen from selects in words; and every problem comes back in
// the GOV.UK error summary, naming the field as the page labels it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Browser, organisation, user } from '../../support/access.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';

const ADMIN = 'admin@service.example';

describe('administration and audit forms, in words', () => {
  let store: TestStore;
  let server: TestServer;
  let admin: Browser;

  before(async () => {
    store = await openTestStore();
    const service = await organisation(store.sql, 'Lantern service', 'sector_body');
    await user(store.sql, ADMIN, 'administrator', service.id, 'Ade Administrator');
    server = await startTestServer(store);
    admin = new Browser(server.base);
    assert.equal((await admin.signIn(ADMIN)).status, 303);
  });
  after(async () => {
    await server?.close();
    await store?.close();
  });

  const addOrganisation = (fields: Record<string, string>) => admin.fetch('/admin/organisations', { method: 'POST', body: new URLSearchParams({ _csrf: admin.csrfToken, ...fields }) });

  /** The error summary's links: where each goes and what it says. */
  function summary(html: string): [string, string][] {
    const box = /<div class="govuk-error-summary"[\s\S]*?<\/ul>/.exec(html)?.[0] ?? '';
    return [...box.matchAll(/<a href="#([^"]+)">([^<]+)<\/a>/g)].map((m) => [m[1]!, m[2]!.replace(/&#39;/g, "'").replace(/&rsquo;|&#8217;/g, '’')]);
  }

  it("asks for a council organisation's council by name, with the names offered, not its GSS code", async () => {
    const page = await (await admin.fetch('/admin')).text();
    assert.match(page, /<label class="govuk-label" for="council">\s*Council\s*<\/label>/);
    assert.match(page, /id="council" name="council" type="text" spellcheck="false" aria-describedby="council-hint" autocomplete="off" list="council-names"/);
    assert.match(page, /<datalist id="council-names">.*<option value="County Durham"><\/option>/s);
    assert.doesNotMatch(page, /GSS code/);

    const added = await addOrganisation({ name: 'Durham County Council', kind: 'council', council: 'county durham' });
    assert.equal(added.status, 201);
    const [held] = await store.sql<{ areaCode: string }[]>`select area_code as "areaCode" from organisation where name = 'Durham County Council'`;
    assert.equal(held?.areaCode, 'E06000047');
    const listed = await (await admin.fetch('/admin')).text();
    assert.match(listed, /<td class="govuk-table__cell">Durham County Council<\/td>\s*<td class="govuk-table__cell">Council<\/td>\s*<td class="govuk-table__cell">County Durham<\/td>/);
  });

  it('names the council field, as labelled, when the council is not found, missing or not wanted', async () => {
    const cases: [Record<string, string>, [string, RegExp][]][] = [
      [{ name: 'Durhm council', kind: 'council', council: 'Durhm' }, [['council', /^Council: no council is called ‘Durhm’\. Did you mean .*\? Choose one of the names offered$/]]],
      [{ name: 'A council with none', kind: 'council', council: '' }, [['council', /^Enter the council/]]],
      [{ name: 'A sector body', kind: 'sector_body', council: 'Leeds' }, [['council', /^Council: leave this empty unless the organisation is a council$/]]],
      [{ name: '', kind: 'sector_body', council: '' }, [['orgName', /^Name /]]],
    ];
    for (const [fields, expected] of cases) {
      const response = await addOrganisation(fields);
      assert.equal(response.status, 400, JSON.stringify(fields));
      const found = summary(await response.text());
      assert.equal(found.length, expected.length, JSON.stringify(found));
      expected.forEach(([field, words], i) => {
        assert.equal(found[i]![0], field, JSON.stringify(found));
        assert.match(found[i]![1], words);
        assert.doesNotMatch(found[i]![1], /'\w+'|areaCode|GSS/);
      });
    }
  });

  it('filters the audit trail by a kind of record and a person chosen by name', async () => {
    const page = await (await admin.fetch('/audit')).text();
    assert.match(page, /<select class="govuk-select" id="recordKind" name="recordKind">/);
    assert.match(page, /<option value="intelligence_item">Intelligence items<\/option>/);
    assert.match(page, /<select class="govuk-select" id="userId" name="userId">/);
    const [me] = await store.sql<{ id: number }[]>`select id from user_account where email = ${ADMIN}`;
    assert.match(page, new RegExp(`<option value="${me!.id}">Ade Administrator \\(admin@service\\.example\\)</option>`));
    assert.doesNotMatch(page, /User number/);
    const filtered = await (await admin.fetch(`/audit?recordKind=organisation&userId=${me!.id}`)).text();
    assert.match(filtered, /<option value="organisation" selected>/);
    assert.match(filtered, new RegExp(`<option value="${me!.id}" selected>`));
    assert.match(filtered, /added council &#39;Durham County Council&#39;/);
  });

  it('names a filter that does not read in the error summary, as the page labels it', async () => {
    for (const [address, field, words] of [
      ['/audit?recordKind=widgets', 'recordKind', /^Kind of record: choose one of the kinds offered$/],
      ['/audit?userId=seven', 'userId', /^User: choose one of the people offered$/],
    ] as const) {
      const response = await admin.fetch(address);
      assert.equal(response.status, 400, address);
      const html = await response.text();
      assert.deepEqual(
        summary(html).map(([f]) => f),
        [field],
      );
      assert.match(summary(html)[0]![1], words);
      assert.match(html, /<h1 class="govuk-heading-xl">Audit trail<\/h1>/);
    }
  });
});
