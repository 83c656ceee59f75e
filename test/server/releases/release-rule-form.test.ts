// A metric's release rule set by the page's form, on the real app and store:
// the same use-case as the API (the calendar's JSON says what the form set),
// each bad input refused naming its box with what was typed kept and nothing
// stored, an instant typed on London's clock kept with London's offset; and
// the form's two routes asked by every role, another council's officer, the
// public (asked to sign in), other roles (403), another council's officer (404, told
// nothing), and by guessing the council and the metric.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { ROLES, type OrganisationKind, type Role } from '../../../src/domain/access/index.ts';
import { parsePeriod, type Period } from '../../../src/domain/period/index.ts';
import { londonInstant } from '../../../src/server/features/releases/rule-form.ts';
import { releaseRulesOf } from '../../../src/store/releases.ts';
import { holdValues } from '../../../src/store/held-values.ts';
import { Browser, organisation, user } from '../../support/access.ts';
import { seedCatalogue } from '../../support/import.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';

const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';
const FORM = `/releases/${DURHAM}/visits/edit`;

const HOMES: Readonly<Record<Role, [OrganisationKind, string]>> = {
  performance_officer: ['council', 'Durham County Council'],
  council_member: ['council', 'Durham County Council'],
  principal_adviser: ['sector_body', 'Sector body'],
  regional_partner: ['regional_partnership', 'North East partnership'],
  panel_member: ['support_panel', 'Support panel'],
  government_officer: ['government', 'Department'],
  inspector: ['inspectorate', 'Inspectorate'],
  peer_challenge_manager: ['sector_body', 'Sector body'],
  administrator: ['sector_body', 'Sector body'],
};

function periodOf(label: string): Period {
  const parsed = parsePeriod(label);
  if (parsed.kind !== 'ok') throw new Error(label);
  return parsed.period;
}

let store: TestStore;
let server: TestServer;
const browsers = new Map<string, Browser>();

before(async () => {
  store = await openTestStore();
  await seedCatalogue(store.sql);
  await store.sql.begin((tx) => holdValues(tx, [{ metricCode: 'visits', areaCode: DURHAM, period: periodOf('2024'), value: 130, provisional: false, origin: 'return' }], null));
  server = await startTestServer(store);
  const homes = new Map<string, number>();
  for (const role of ROLES) {
    const [kind, name] = HOMES[role];
    if (!homes.has(name)) homes.set(name, (await organisation(store.sql, name, kind, kind === 'council' ? DURHAM : null)).id);
    await user(store.sql, `${role}@tests.example`, role, homes.get(name)!);
  }
  await user(store.sql, 'officer@hartlepool.example', 'performance_officer', (await organisation(store.sql, 'Hartlepool Borough Council', 'council', HARTLEPOOL)).id);
  for (const login of [...ROLES.map((role) => `${role}@tests.example`), 'officer@hartlepool.example']) {
    const browser = new Browser(server.base);
    assert.equal((await browser.signIn(login)).status, 303, login);
    browsers.set(login, browser);
  }
  browsers.set('public', new Browser(server.base));
});
after(async () => {
  await server?.close();
  await store?.close();
});

const officer = () => browsers.get('performance_officer@tests.example')!;

function post(browser: Browser, fields: Record<string, string>, address = FORM) {
  return browser.fetch(address, { method: 'POST', body: new URLSearchParams({ _csrf: browser.csrfToken, ...fields }) });
}

async function ruleOf(): Promise<string | undefined> {
  const calendar = (await (await officer().fetch(`/api/releases/${DURHAM}`)).json()) as { metrics: { metric: string; ruleText: string }[] };
  return calendar.metrics.find((m) => m.metric === 'visits')?.ruleText;
}

describe('the release rule form', () => {
  it("is linked from the council's calendar for its officer, and sets the rule the API reads", async () => {
    assert.match(await (await officer().fetch(`/releases/${DURHAM}`)).text(), new RegExp(`href="${FORM}"`));
    assert.doesNotMatch(await (await browsers.get('public')!.fetch(`/releases/${DURHAM}`)).text(), /\/edit"/);
    const page = await officer().fetch(FORM);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /No rule is set/);
    const months = await post(officer(), { kind: 'public_after_period', monthsAfter: '12' });
    assert.equal(months.status, 303);
    assert.equal(months.headers.get('location'), `/releases/${DURHAM}`);
    assert.equal(await ruleOf(), 'public one year after the end of its period');
    assert.match(await (await officer().fetch(FORM)).text(), /name="monthsAfter" type="text" value="12"/);
  });

  it("keeps an instant typed on London's clock with London's offset, and shows it again as typed", async () => {
    assert.equal(londonInstant('2027-07-01', '09:30'), '2027-07-01T09:30:00+01:00');
    assert.equal(londonInstant('2027-01-15', '00:00'), '2027-01-15T00:00:00+00:00');
    const set = await post(officer(), { kind: 'public_from', 'publicFrom-day': '1', 'publicFrom-month': '7', 'publicFrom-year': '2027', 'publicFrom-time': '9:30' });
    assert.equal(set.status, 303);
    const kept = (await releaseRulesOf(store.sql, DURHAM)).get('visits')?.rule;
    assert.deepEqual(kept, { kind: 'public_from', instant: new Date('2027-07-01T08:30:00Z') });
    const html = await (await officer().fetch(FORM)).text();
    for (const [box, value] of [
      ['publicFrom-day', '1'],
      ['publicFrom-month', '7'],
      ['publicFrom-year', '2027'],
      ['publicFrom-time', '09:30'],
    ])
      assert.match(html, new RegExp(`name="${box}" type="text" (inputmode="numeric" )?value="${value}"`), box);
  });

  it('refuses bad input naming its box, keeps what was typed, and stores nothing', async () => {
    const before = await ruleOf();
    for (const [fields, box, words] of [
      [{}, 'kind', 'Choose when the values become public'],
      [{ kind: 'public_from', 'publicFrom-day': '30', 'publicFrom-month': '2', 'publicFrom-year': '2027' }, 'publicFrom-day', 'Enter the day the values become public'],
      [{ kind: 'public_from', 'publicFrom-day': '1', 'publicFrom-month': '4', 'publicFrom-year': '2027', 'publicFrom-time': '25:00' }, 'publicFrom-time', 'Enter the time as hours and minutes'],
      [{ kind: 'public_after_period', monthsAfter: 'a year' }, 'monthsAfter', 'Enter the months after the end of the period as a whole number'],
      [{ kind: 'public_after_period', monthsAfter: '200' }, 'monthsAfter', 'The months after the period must be a whole number of months from 0 to 120'],
    ] as const) {
      const refused = await post(officer(), fields);
      assert.equal(refused.status, 400, JSON.stringify(fields));
      const html = await refused.text();
      assert.match(html, /There is a problem/);
      assert.match(html, new RegExp(`href="#${box}"[^>]*>${words}`), `${box}: ${words}`);
      for (const value of Object.values(fields).filter((v) => v.length > 1 && !v.startsWith('public'))) assert.match(html, new RegExp(`value="${value}"`), `${value} is kept`);
    }
    assert.equal(await ruleOf(), before, 'nothing was stored');
  });

  it("answers each person as the policy does: the council's officer alone may open and post it", async () => {
    for (const [who, browser] of browsers) {
      const officerOfDurham = who === 'performance_officer@tests.example';
      // Another council's officer is told nothing of Durham's held values: not found, as a guessed one.
      const expected = officerOfDurham ? 200 : who === 'officer@hartlepool.example' ? 404 : 403;
      const read = await browser.fetch(FORM);
      const posted = await post(browser, { kind: 'private' });
      if (who === 'public') {
        // The public is asked to sign in, and its post changes nothing.
        assert.deepEqual([read.status, read.headers.get('location')?.startsWith('/sign-in')], [303, true], 'public GET');
        assert.notEqual(posted.headers.get('location'), `/releases/${DURHAM}`, 'public POST');
        continue;
      }
      assert.equal(read.status, expected, `${who} GET`);
      assert.equal(posted.status, officerOfDurham ? 303 : expected, `${who} POST`);
    }
    assert.equal(await ruleOf(), 'private to the council until it sets a release');
  });

  it('answers a guessed council or metric as not found, and a malformed one naming it', async () => {
    assert.equal((await officer().fetch(`/releases/E06000099/visits/edit`)).status, 404);
    assert.equal((await officer().fetch(`/releases/${DURHAM}/no-such-metric/edit`)).status, 404);
    assert.equal((await post(officer(), { kind: 'private' }, `/releases/E06000099/visits/edit`)).status, 404);
    assert.equal((await officer().fetch(`/releases/not-a-code/visits/edit`)).status, 400);
  });
});
