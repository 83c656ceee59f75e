// A case's support package over HTTP on a real store: role × action on every
// route through the policy, with id-guessing probes answered as "not found"
// alike; the council reads its case's package and its metrics' progress,
// never a decision taken in private; bad input named by its field; a stale
// change refused naming who changed it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiToken, bearer } from '../../support/access.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { openDemoStore, type TestStore } from '../../support/store.ts';
import { agreeOutcome, openCase, packageBody, referToPanel, supportWorld, HARTLEPOOL, type SupportWorld } from './world.ts';

interface Answer {
  status: number;
  body: Record<string, unknown> & { message?: string };
}

describe('support packages over HTTP', () => {
  let store: TestStore;
  let server: TestServer;
  let world: SupportWorld;
  const tokens: Record<string, string> = {};
  const call = async (who: string | null, method: string, path: string, body?: unknown): Promise<Answer> => {
    const response = await fetch(server.base + path, {
      method,
      headers: { ...(who ? bearer(tokens[who]!) : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };

  before(async () => {
    store = await openDemoStore();
    world = await supportWorld(store.sql, 'packages');
    for (const who of ['lead', 'colleague', 'panelMember', 'officer', 'otherOfficer'] as const) tokens[who] = await apiToken(store.sql, world[who].id);
    server = await startTestServer(store);
  });
  after(async () => {
    await server.close();
    await store.close();
  });

  it('refuses a package without metrics, naming the field, and a body of the wrong shape', async () => {
    const none = await call('lead', 'POST', `/api/cases/${world.caseId}/package`, packageBody({ metrics: [] }));
    assert.equal(none.status, 400);
    assert.match(none.body.message!, /^'metrics': a package without metrics/);
    const wrong = await call('lead', 'POST', `/api/cases/${world.caseId}/package`, packageBody({ agreedOn: '2026-02-30' }));
    assert.equal(wrong.status, 400);
    assert.match(wrong.body.message!, /'agreedOn' is not a day of the calendar/);
    const unknown = await call(
      'lead',
      'POST',
      `/api/cases/${world.caseId}/package`,
      packageBody({ metrics: [{ metric: 'no-such-metric', baselinePeriod: '2019/20', baselineValue: 1, direction: 'up', byPeriod: '2021/22' }] }),
    );
    assert.equal(unknown.status, 400);
    assert.match(unknown.body.message!, /'metrics': there is no metric no-such-metric/);
  });

  it('lets only the sector body’s advisers agree a package; others are refused by role, or not told the case exists', async () => {
    assert.equal((await call(null, 'POST', `/api/cases/${world.caseId}/package`, packageBody())).status, 401);
    assert.equal((await call('officer', 'POST', `/api/cases/${world.caseId}/package`, packageBody())).status, 403);
    assert.equal((await call('panelMember', 'POST', `/api/cases/${world.caseId}/package`, packageBody())).status, 403);
    const made = await call('lead', 'POST', `/api/cases/${world.caseId}/package`, packageBody());
    assert.equal(made.status, 201);
    const again = await call('colleague', 'POST', `/api/cases/${world.caseId}/package`, packageBody());
    assert.equal(again.status, 409);
    assert.match(again.body.message!, /already has an active support package/);
  });

  it('reads the package to the council it is about, with each metric’s progress from the index', async () => {
    const read = await call('officer', 'GET', `/api/cases/${world.caseId}/package`);
    assert.equal(read.status, 200);
    const pkg = read.body.package as { metrics: { progress: string; latest: { period: string; value: number }; significance: string; sentence: string }[]; milestones: unknown[] };
    assert.equal(pkg.milestones.length, 2);
    assert.equal(pkg.metrics[0]!.progress, 'moved');
    assert.deepEqual(pkg.metrics[0]!.latest, { period: '2021/22', value: 66.7, lower: null, upper: null });
    assert.equal(pkg.metrics[0]!.significance, 'not_compared');
    const audited = await store.sql`select 1 from audit_event where record_kind = 'support_package' and action = 'read' and user_id = ${world.officer.id}`;
    assert.ok(audited.length >= 1, "the council's read of a restricted package is audited");
  });

  it('answers id-guessing alike: another council, the Panel before referral, and a case that does not exist', async () => {
    const other = await call('otherOfficer', 'GET', `/api/cases/${world.caseId}/package`);
    const missing = await call('lead', 'GET', '/api/cases/99999999/package');
    assert.equal(other.status, 404);
    assert.equal(missing.status, 404);
    assert.equal(other.body.message!.replace(/\d+/g, 'N'), missing.body.message!.replace(/\d+/g, 'N'));
    assert.equal((await call('panelMember', 'GET', `/api/cases/${world.caseId}/package`)).status, 404);
    assert.equal((await call('lead', 'GET', '/api/cases/abc/package')).status, 400);
    assert.equal((await call('otherOfficer', 'PUT', `/api/cases/${world.caseId}/package`, { ...packageBody(), revision: 1 })).status, 403);
  });

  it('marks a milestone met, then refuses a change made from the older reading, naming who changed it', async () => {
    const read = await call('lead', 'GET', `/api/cases/${world.caseId}/package`);
    const pkg = read.body.package as { revision: number; milestones: { id: number }[] };
    const met = await call('colleague', 'POST', `/api/cases/${world.caseId}/package/milestones/${pkg.milestones[0]!.id}`, { revision: pkg.revision, metOn: '2026-02-20' });
    assert.equal(met.status, 200);
    assert.equal((met.body as { milestones: { metOn: string | null }[] }).milestones[0]!.metOn, '2026-02-20');
    const stale = await call('lead', 'PUT', `/api/cases/${world.caseId}/package`, { ...packageBody(), revision: pkg.revision });
    assert.equal(stale.status, 409);
    assert.match(stale.body.message!, new RegExp(world.colleague.email.replace('.', '\\.')));
    const changed = await call('lead', 'PUT', `/api/cases/${world.caseId}/package`, { ...packageBody({ objectives: ['Raise activity', 'Open two leisure centres'] }), revision: pkg.revision + 1 });
    assert.equal(changed.status, 200);
    const after = changed.body as { objectives: string[]; milestones: unknown[] };
    assert.deepEqual(after.objectives, ['Raise activity', 'Open two leisure centres']);
    assert.equal(after.milestones.length, 4, 'milestones given without ids are added; none is removed');
    const foreign = await call('lead', 'POST', `/api/cases/${world.caseId}/package/milestones/99999999`, { revision: pkg.revision + 2, metOn: null });
    assert.equal(foreign.status, 404);
  });

  it('reads the package to the Panel once the case is referred to it', async () => {
    await referToPanel(store.sql, world.caseId, world.panelOrg, world.lead.id);
    assert.equal((await call('panelMember', 'GET', `/api/cases/${world.caseId}/package`)).status, 200);
  });

  it('agrees a package only when the case’s outcome is a support package', async () => {
    const caseId = await openCase(store.sql, world.lead.id, world.body, HARTLEPOOL, 'Reserves falling');
    await agreeOutcome(store.sql, caseId, 'light_touch_support');
    const refused = await call('lead', 'POST', `/api/cases/${caseId}/package`, packageBody());
    assert.equal(refused.status, 409);
    assert.match(refused.body.message!, /^'outcome': .* light touch support/);
  });
});
