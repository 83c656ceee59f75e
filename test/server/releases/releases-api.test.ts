// The release path's API on the real app and store: a council's officer sets
// a metric's rule (each bad rule refused naming its field) and shares its
// held values with a named organisation; the public reads only what is
// released, the partner what is shared, another council nothing and may
// change nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parsePeriod, type Period } from '../../../src/domain/period/index.ts';
import { holdValues, type HeldValueInput } from '../../../src/store/held-values.ts';
import { Browser, organisation, user } from '../../support/access.ts';
import { seedCatalogue } from '../../support/import.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';

const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';

function periodOf(label: string): Period {
  const parsed = parsePeriod(label);
  if (parsed.kind !== 'ok') throw new Error(label);
  return parsed.period;
}

const held = (period: string, value: number): HeldValueInput => ({ metricCode: 'visits', areaCode: DURHAM, period: periodOf(period), value, provisional: false, origin: 'return' });

interface CalendarJson {
  readonly metrics: { metric: string; ruleText: string; sharedWith: { organisationId: number }[]; values: { period: string }[] }[];
}

describe('the release path over the API', () => {
  let store: TestStore;
  let server: TestServer;
  let officer: Browser;
  let partner: Browser;
  let neighbour: Browser;
  let partnerOrganisation: number;

  const fieldsOf = async (response: Response) => ((await response.json()) as { details?: { problems?: { field: string }[] } }).details?.problems?.map((p) => p.field);
  const calendarOf = async (browser: Browser) => (await (await browser.fetch(`/api/releases/${DURHAM}`)).json()) as CalendarJson;

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    await store.sql.begin((tx) => holdValues(tx, [held('2023', 120), held('2024', 130)], null));
    server = await startTestServer(store);
    const durham = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    const hartlepool = await organisation(store.sql, 'Hartlepool Borough Council', 'council', HARTLEPOOL);
    partnerOrganisation = (await organisation(store.sql, 'Durham Partnership', 'regional_partnership')).id;
    await user(store.sql, 'officer@durham.example', 'performance_officer', durham.id);
    await user(store.sql, 'officer@hartlepool.example', 'performance_officer', hartlepool.id);
    await user(store.sql, 'partner@partnership.example', 'regional_partner', partnerOrganisation);
    [officer, partner, neighbour] = [new Browser(server.base), new Browser(server.base), new Browser(server.base)];
    assert.equal((await officer.signIn('officer@durham.example')).status, 303);
    assert.equal((await partner.signIn('partner@partnership.example')).status, 303);
    assert.equal((await neighbour.signIn('officer@hartlepool.example')).status, 303);
  });
  after(async () => {
    await server?.close();
    await store?.close();
  });

  it('refuses each bad rule, naming its field', async () => {
    const put = (body: unknown) => officer.json('PUT', `/api/releases/${DURHAM}/visits`, body);
    assert.deepEqual(await fieldsOf(await put({ kind: 'whenever' })), ['kind']);
    assert.deepEqual(await fieldsOf(await put({ kind: 'public_from', publicFrom: 'next Tuesday' })), ['publicFrom']);
    assert.deepEqual(await fieldsOf(await put({ kind: 'public_after_period', monthsAfter: 500 })), ['monthsAfter']);
    assert.equal((await officer.json('PUT', `/api/releases/E06999999/visits`, { kind: 'private' })).status, 404, 'no council holds that area');
    assert.equal((await officer.json('PUT', `/api/releases/${DURHAM}/no-such-metric`, { kind: 'private' })).status, 404);
  });

  it("lets only the council's officers set a rule, and audits it", async () => {
    const refused = await neighbour.json('PUT', `/api/releases/${DURHAM}/visits`, { kind: 'public_after_period', monthsAfter: 0 });
    assert.ok([403, 404].includes(refused.status), `another council is refused: ${refused.status}`);
    const set = await officer.json('PUT', `/api/releases/${DURHAM}/visits`, { kind: 'public_from', publicFrom: '2099-04-01T00:00:00+01:00' });
    assert.equal(set.status, 200, await set.text());
    const [event] = await store.sql<{ summary: string }[]>`select summary from audit_event where record_kind = 'council_return' and action = 'change' order by id desc limit 1`;
    assert.equal(event?.summary, 'release rule: public from 2099-03-31T23:00:00.000Z');
  });

  it('shows held values to the council and the partner it shares them with, never to the public or another council', async () => {
    assert.deepEqual((await calendarOf(new Browser(server.base))).metrics, [], 'the public reads nothing unreleased');
    assert.deepEqual((await calendarOf(neighbour)).metrics, []);
    assert.deepEqual((await calendarOf(partner)).metrics, [], 'not before it is shared');
    assert.deepEqual(
      (await calendarOf(officer)).metrics[0]?.values.map((v) => v.period),
      ['2023', '2024'],
    );
    const noReason = await officer.json('POST', `/api/releases/${DURHAM}/visits/shares`, { organisationId: partnerOrganisation });
    assert.equal(noReason.status, 400);
    assert.match(await noReason.text(), /reason/);
    const shared = await officer.json('POST', `/api/releases/${DURHAM}/visits/shares`, { organisationId: partnerOrganisation, reason: 'The partnership plans library opening hours.' });
    assert.equal(shared.status, 201, await shared.text());
    const seen = await calendarOf(partner);
    assert.deepEqual(
      seen.metrics[0]?.values.map((v) => v.period),
      ['2023', '2024'],
    );
    assert.deepEqual(
      (await calendarOf(officer)).metrics[0]?.sharedWith.map((s) => s.organisationId),
      [partnerOrganisation],
    );
    assert.equal((await neighbour.json('POST', `/api/releases/${DURHAM}/visits/shares`, { organisationId: partnerOrganisation, reason: 'Not ours to share at all.' })).status === 201, false);
  });
});
