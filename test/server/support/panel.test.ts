// The Performance Support Panel over HTTP on a real store: meetings read and
// changed by the Panel and advisers alone; the agenda drafted from the cases;
// items taken in private, and their decisions, kept from a Panel member whose
// organisation the case was not referred to and always from the council; the
// action monitor carried once to the next meeting; the pack's PDF text and
// its audited copies; bad input named by its field.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { apiToken, bearer } from '../../support/access.ts';
import { pdfText } from '../../support/pdf.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { openDemoStore, type TestStore } from '../../support/store.ts';
import { organisation, user } from '../../support/access.ts';
import { packageBody, referToPanel, supportWorld, type SupportWorld } from './world.ts';

interface Answer {
  status: number;
  body: Record<string, unknown> & { message?: string };
}
type Item = { id: number; kind: string; case: number | null; title: string; confidential: boolean };

describe('the Performance Support Panel over HTTP', () => {
  let store: TestStore;
  let server: TestServer;
  let world: SupportWorld;
  const tokens: Record<string, string> = {};
  let first: number;
  let second: number;
  const call = async (who: string | null, method: string, path: string, body?: unknown): Promise<Answer> => {
    const response = await fetch(server.base + path, {
      method,
      headers: { ...(who ? bearer(tokens[who]!) : {}), ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: response.status, body: (await response.json()) as Answer['body'] };
  };
  const pack = async (who: string, id: number) => {
    const response = await fetch(`${server.base}/panel/meetings/${id}/pack.pdf`, { headers: bearer(tokens[who]!) });
    return { status: response.status, type: response.headers.get('content-type'), text: response.status === 200 ? await pdfText(new Uint8Array(await response.arrayBuffer())) : '' };
  };

  before(async () => {
    store = await openDemoStore();
    world = await supportWorld(store.sql, 'panel');
    const otherPanel = await organisation(store.sql, 'Another panel (panel)', 'sector_body');
    const outsider = await user(store.sql, 'outsider-panel@panel.example', 'panel_member', otherPanel.id, 'Cllr Out Sider');
    for (const who of ['lead', 'colleague', 'panelMember', 'officer', 'otherOfficer'] as const) tokens[who] = await apiToken(store.sql, world[who].id);
    tokens.outsider = await apiToken(store.sql, outsider.id);
    await referToPanel(store.sql, world.caseId, world.panelOrg, world.lead.id);
    server = await startTestServer(store);
    const made = await call('lead', 'POST', `/api/cases/${world.caseId}/package`, packageBody({ agreedOn: '2026-01-25' }));
    assert.equal(made.status, 201);
  });
  after(async () => {
    await server.close();
    await store.close();
  });

  it('lets the Panel and advisers record meetings; councils are refused by role', async () => {
    assert.equal((await call(null, 'GET', '/api/panel/meetings')).status, 401);
    assert.equal((await call('officer', 'GET', '/api/panel/meetings')).status, 403);
    assert.equal((await call('officer', 'POST', '/api/panel/meetings', { heldOn: '2026-01-20', title: 'January' })).status, 403);
    const bad = await call('lead', 'POST', '/api/panel/meetings', { heldOn: '20/01/2026', title: 'January' });
    assert.equal(bad.status, 400);
    assert.match(bad.body.message!, /^'heldOn' must be a date/);
    const blank = await call('lead', 'POST', '/api/panel/meetings', { heldOn: '2026-01-20', title: '  ' });
    assert.match(blank.body.message!, /^'title' is required/);
    first = ((await call('lead', 'POST', '/api/panel/meetings', { heldOn: '2026-01-20', title: 'Panel, January 2026' })).body as { id: number }).id;
    second = ((await call('lead', 'POST', '/api/panel/meetings', { heldOn: '2026-03-20', title: 'Panel, March 2026' })).body as { id: number }).id;
    const listed = await call('panelMember', 'GET', '/api/panel/meetings');
    assert.deepEqual(
      (listed.body.meetings as { id: number }[]).map((m) => m.id).filter((id) => id === first || id === second),
      [second, first],
    );
    assert.equal((await call('officer', 'GET', `/api/panel/meetings/${first}`)).status, 403);
    assert.equal((await call('lead', 'GET', '/api/panel/meetings/99999999')).status, 404);
  });

  it('carries the last meeting’s open actions once, with their progress', async () => {
    const action = await call('panelMember', 'POST', `/api/panel/meetings/${first}/actions`, { action: 'Report on the leisure partnership', actionBy: 'Dennis Skinner', dueOn: '2026-03-01' });
    assert.equal(action.status, 201);
    const actionId = (action.body as { id: number }).id;
    const progress = await call('lead', 'PATCH', `/api/panel/meetings/${first}/actions/${actionId}`, { progress: 'Partners met twice' });
    assert.equal((progress.body as { progress: string }).progress, 'Partners met twice');
    assert.equal((await call('lead', 'PATCH', `/api/panel/meetings/${second}/actions/${actionId}`, { progress: 'x' })).status, 404, "another meeting's action is not found");
    const noDue = await call('lead', 'POST', `/api/panel/meetings/${first}/actions`, { action: 'Write', actionBy: 'Someone' });
    assert.match(noDue.body.message!, /^'dueOn'/);
    const carried = await call('lead', 'POST', `/api/panel/meetings/${second}/actions/carry`, {});
    const actions = carried.body.actions as { carriedFrom: number; progress: string; actionBy: string }[];
    assert.deepEqual(
      actions.map((a) => [a.carriedFrom, a.progress, a.actionBy]),
      [[actionId, 'Partners met twice', 'Dennis Skinner']],
    );
    assert.equal(((await call('lead', 'POST', `/api/panel/meetings/${second}/actions/carry`, {})).body.actions as unknown[]).length, 1, 'carried once');
  });

  it('drafts the agenda from the cases, the case taken in private, and drafts nothing twice', async () => {
    const drafted = await call('lead', 'POST', `/api/panel/meetings/${second}/agenda`, { confidentialCases: [world.caseId] });
    assert.equal(drafted.status, 201);
    const items = (drafted.body.agenda as Item[]).filter((i) => i.case === world.caseId);
    assert.deepEqual(
      items.map((i) => [i.kind, i.confidential]),
      [
        ['new_package', true],
        ['overdue_milestone', true],
      ],
    );
    assert.match(items[1]!.title, /^County Durham: 1 overdue milestone: Activity plan agreed by cabinet \(due 2026-02-28\)/);
    const again = await call('lead', 'POST', `/api/panel/meetings/${second}/agenda`, { confidentialCases: [world.caseId] });
    assert.equal((again.body.agenda as Item[]).length, (drafted.body.agenda as Item[]).length);
    const hand = await call('lead', 'POST', `/api/panel/meetings/${second}/agenda`, { item: { title: 'Any other business' } });
    assert.equal((hand.body.agenda as Item[]).at(-1)!.title, 'Any other business');
  });

  it('keeps items in private, and their decisions, from those they are not open to', async () => {
    const meeting = await call('lead', 'GET', `/api/panel/meetings/${second}`);
    const secret = (meeting.body.agenda as Item[]).find((i) => i.kind === 'new_package')!;
    const open = (meeting.body.agenda as Item[]).find((i) => i.title === 'Any other business')!;
    assert.equal((await call('panelMember', 'POST', `/api/panel/meetings/${second}/decisions`, { agendaItem: secret.id, decision: 'Mentor to report in private' })).status, 201);
    assert.equal((await call('lead', 'POST', `/api/panel/meetings/${second}/decisions`, { agendaItem: open.id, decision: 'Noted in public' })).status, 201);
    const outsider = await call('outsider', 'GET', `/api/panel/meetings/${second}`);
    assert.equal(outsider.status, 200);
    assert.ok(!(outsider.body.agenda as Item[]).some((i) => i.confidential), 'a Panel member the case was not referred to sees no item in private');
    assert.ok((outsider.body.withheld as number) >= 2);
    assert.deepEqual(
      (outsider.body.decisions as { decision: string }[]).map((d) => d.decision),
      ['Noted in public'],
    );
    const refused = await call('outsider', 'POST', `/api/panel/meetings/${second}/decisions`, { agendaItem: secret.id, decision: 'x' });
    assert.equal(refused.status, 400);
    assert.match(refused.body.message!, /^'agendaItem': Panel meeting \d+ has no agenda item/);
    const council = await call('officer', 'GET', `/api/cases/${world.caseId}/package`);
    assert.deepEqual(
      (council.body.panelDecisions as { decision: string }[]).map((d) => d.decision),
      [],
      'the council reads no decision taken in private',
    );
    const lead = await call('lead', 'GET', `/api/cases/${world.caseId}/package`);
    assert.deepEqual(
      (lead.body.panelDecisions as { decision: string; inPrivate: boolean }[]).map((d) => [d.decision, d.inPrivate]),
      [['Mentor to report in private', true]],
    );
  });

  it('prints the pack with each case’s papers and the action monitor, private items only for those they are open to, each copy audited', async () => {
    const full = await pack('panelMember', second);
    assert.equal(full.status, 200);
    assert.equal(full.type, 'application/pdf');
    const text = full.text.replace(/\s+/g, ' ');
    for (const words of [
      'Panel, March 2026',
      'County Durham',
      'Physical activity has fallen behind neighbours',
      'Activity plan agreed by cabinet',
      'Moved as agreed',
      'Mentor to report in private',
      'Action monitor',
      'Dennis Skinner',
      'Partners met twice',
    ]) {
      assert.ok(text.includes(words), `the pack holds '${words}'`);
    }
    const partial = (await pack('outsider', second)).text.replace(/\s+/g, ' ');
    assert.ok(!partial.includes('Mentor to report in private') && !partial.includes('Physical activity has fallen behind'), "an outsider's copy leaves private items out");
    assert.match(partial, /2 items are taken in private and left out of this copy/);
    assert.equal((await pack('officer', second)).status, 403);
    const copies = await store.sql`select user_id from audit_event where record_kind = 'panel_meeting' and record_id = ${String(second)} and action = 'export'`;
    assert.equal(copies.length, 2);
  });
});
