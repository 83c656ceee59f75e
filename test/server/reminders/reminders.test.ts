// The reminders' routes on the real app and store: the page and the API show
// the signed-in person their own reminders, each with what is overdue, when
// it was due and where it is; marking one read moves it under "Read"; another
// person's reminder is not found by id, from the API or the page; the
// public is asked to sign in and a read-only token may not mark one read.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { sendReminders } from '../../../src/jobs/reminders.ts';
import { apiToken, bearer, Browser } from '../../support/access.ts';
import { milestone, nextStep, panelAction, reminderWorld, type ReminderWorld } from '../../support/reminder-world.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';

interface ReminderItem {
  id: number;
  kind: string;
  sentence: string;
  dueOn: string;
  href: string;
  insteadOf: string | null;
  readAt: string | null;
}

describe('the reminders routes', () => {
  let store: TestStore;
  let server: TestServer;
  let world: ReminderWorld;
  let officerStep: number;
  let adviserReminder: number;

  before(async () => {
    store = await openTestStore();
    world = await reminderWorld(store.sql, 'routes');
    officerStep = await nextStep(store.sql, world.caseId, { action: 'Send the revised budget plan', due: '2027-06-03', owner: world.officer });
    await nextStep(store.sql, world.caseId, { action: 'Publish the improvement plan', due: '2027-06-01', owner: null, ownerName: 'Kim Leader' });
    await panelAction(store.sql, world.adviser.organisationId, world.caseId, 'Report progress to the Panel', '2027-06-02', world.adviser);
    await milestone(store.sql, world.caseId, 'Recovery plan agreed', '2027-06-05', world.other);
    await sendReminders(store.sql, { mailer: null, clock: () => new Date('2027-06-10T08:00:00Z'), log: () => {} });
    adviserReminder = (await store.sql<{ id: number }[]>`select id from reminder where user_id = ${world.adviser.id} and kind = 'next_step'`)[0]!.id;
    server = await startTestServer(store);
  });
  after(async () => {
    await server.close();
    await store.close();
  });

  const signedIn = async (email: string) => {
    const browser = new Browser(server.base);
    assert.equal((await browser.signIn(email)).status, 303);
    return browser;
  };

  it("lists only the person's own reminders, each saying what, when and where", async () => {
    const token = await apiToken(store.sql, world.officer.id, ['read']);
    const response = await fetch(`${server.base}/api/reminders`, { headers: bearer(token) });
    assert.equal(response.status, 200);
    const { items } = (await response.json()) as { items: ReminderItem[] };
    assert.deepEqual(
      items.map((r) => [r.kind, r.dueOn, r.href, r.sentence]),
      [['next_step', '2027-06-03', `/cases/${world.caseId}`, 'Next step for Barnsley, due 3 June 2027: Send the revised budget plan']],
    );

    const adviser = (await (await fetch(`${server.base}/api/reminders`, { headers: bearer(await apiToken(store.sql, world.adviser.id, ['read'])) })).json()) as { items: ReminderItem[] };
    assert.deepEqual(adviser.items.map((r) => [r.kind, r.insteadOf, r.href]).sort(), [
      ['next_step', 'Kim Leader', `/cases/${world.caseId}`],
      ['panel_action', null, adviser.items.find((r) => r.kind === 'panel_action')!.href],
    ]);
    assert.match(adviser.items.find((r) => r.kind === 'panel_action')!.href, /^\/panel\/meetings\/\d+$/);
    const other = (await (await fetch(`${server.base}/api/reminders`, { headers: bearer(await apiToken(store.sql, world.other.id, ['read'])) })).json()) as { items: ReminderItem[] };
    assert.deepEqual(
      other.items.map((r) => [r.kind, r.href]),
      [['milestone', `/cases/${world.caseId}/package`]],
    );
  });

  it('shows the page, and marking one read moves it under Read', async () => {
    const browser = await signedIn(world.officer.email);
    const page = await (await browser.fetch('/reminders')).text();
    assert.match(page, /<h1 class="govuk-heading-xl">Your reminders<\/h1>/);
    assert.match(page, /Send the revised budget plan/);
    assert.match(page, /Due 3 June 2027, overdue since 4 June 2027/);
    assert.ok(page.includes(`href="/cases/${world.caseId}"`), 'links to the case');
    assert.ok(!page.includes('Publish the improvement plan'), "not the adviser's");

    const { id } = (await store.sql<{ id: number }[]>`select id from reminder where kind = 'next_step' and thing_id = ${officerStep}`)[0]!;
    const marked = await browser.fetch(`/reminders/${id}/read`, { method: 'POST', body: new URLSearchParams({ _csrf: browser.csrfToken }) });
    assert.equal(marked.status, 303);
    assert.equal(marked.headers.get('location'), '/reminders');
    const after = await (await browser.fetch('/reminders')).text();
    assert.match(after, /Nothing overdue is waiting for you/);
    assert.match(after, /<h2 class="govuk-heading-m" id="read">Read<\/h2>/);
    const [row] = await store.sql<{ readAt: Date | null }[]>`select read_at as "readAt" from reminder where id = ${id}`;
    assert.ok(row!.readAt, 'read in the store');
  });

  it("refuses another person's reminder as not found, from the API and the page, and leaves it unread", async () => {
    const officer = await signedIn(world.officer.email);
    const api = await officer.json('POST', `/api/reminders/${adviserReminder}/read`);
    assert.equal(api.status, 404);
    assert.match(((await api.json()) as { message: string }).message, new RegExp(`there is no reminder ${adviserReminder} that you may see`));
    const missing = await officer.json('POST', '/api/reminders/99999/read');
    assert.equal(missing.status, 404, 'the same answer as for one that does not exist');
    const page = await officer.fetch(`/reminders/${adviserReminder}/read`, { method: 'POST', body: new URLSearchParams({ _csrf: officer.csrfToken }) });
    assert.equal(page.status, 404);
    const [row] = await store.sql<{ readAt: Date | null }[]>`select read_at as "readAt" from reminder where id = ${adviserReminder}`;
    assert.equal(row!.readAt, null);
  });

  it('marks one read through the API for its owner, and names the field of a bad id', async () => {
    const adviser = await signedIn(world.adviser.email);
    const marked = await adviser.json('POST', `/api/reminders/${adviserReminder}/read`);
    assert.equal(marked.status, 200);
    assert.ok(((await marked.json()) as ReminderItem).readAt);
    const bad = await adviser.json('POST', '/api/reminders/twelve/read');
    assert.equal(bad.status, 400);
    assert.match(((await bad.json()) as { message: string }).message, /'id' must be a whole number: there is no reminder 'twelve'/);
  });

  it('asks the public to sign in, and refuses a read-only token a change', async () => {
    assert.equal((await fetch(`${server.base}/api/reminders`)).status, 401);
    const page = await fetch(`${server.base}/reminders`, { redirect: 'manual' });
    assert.ok([401, 303].includes(page.status), `the public's page: ${page.status}`);
    const token = await apiToken(store.sql, world.adviser.id, ['read']);
    const refused = await fetch(`${server.base}/api/reminders/${adviserReminder}/read`, { method: 'POST', headers: bearer(token) });
    assert.equal(refused.status, 403);
    assert.match(((await refused.json()) as { message: string }).message, /'change' scope/);
  });
});
