// The audit trail: every read of a restricted or confidential record and every
// change, with who, what, when and from where; read and exported by
// administrators only, filtered by record and by user; no route edits it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import { authorItem, openWorld, type World } from './world.ts';

interface Event {
  id: string;
  at: string;
  userId: number | null;
  actor: string;
  action: string;
  recordKind: string;
  recordId: string | null;
  summary: string;
  ip: string | null;
}

describe('the audit trail', () => {
  let world: World;
  let itemId: number;

  before(async () => {
    world = await openWorld();
    itemId = (await authorItem(world, 'confidential')).id;
    await world.browsers.author.fetch(`/api/intelligence/${itemId}`);
    await world.browsers.council_member.fetch(`/api/intelligence/${itemId}`); // refused: not recorded as a read
    await world.browsers.author.json('PATCH', `/api/intelligence/${itemId}`, { title: 'Reserves falling fast' });
    await world.browsers.author.json('POST', `/api/intelligence/${itemId}/shares`, { userEmail: 'member@durham.example', reason: 'The member asked what we hold about the council' });
    await world.browsers.council_member.fetch(`/api/intelligence/${itemId}`); // now shared with them: recorded
  });
  after(() => world.close());

  const audit = async (query: string) => {
    const response = await world.browsers.administrator.fetch(`/api/audit?${query}`);
    assert.equal(response.status, 200);
    return ((await response.json()) as { items: Event[] }).items;
  };

  it('records, for one record, each change, share and read: who, what, when and from where', async () => {
    const events = (await audit(`recordKind=intelligence_item&recordId=${itemId}`)).reverse();
    assert.deepEqual(
      events.map((e) => [e.action, e.userId, e.summary]),
      [
        ['change', world.users.author.id, 'recorded (confidential, financial_difficulty)'],
        ['read', world.users.author.id, ''],
        ['change', world.users.author.id, 'changed title'],
        [
          'share',
          world.users.author.id,
          `shared with member (Durham County Council) (share ${events[3] ? /share (\d+)/.exec(events[3].summary)?.[1] : ''}): The member asked what we hold about the council`,
        ],
        ['read', world.users.council_member.id, ''],
      ],
    );
    assert.ok(events.every((e) => e.ip === '127.0.0.1' || e.ip === '::ffff:127.0.0.1'));
    assert.equal(events[0]!.actor, 'Alex Author <author@sector.example>');
    assert.ok(events.every((e, i) => i === 0 || Date.parse(e.at) >= Date.parse(events[i - 1]!.at)));
  });

  it('filters by user, and by action', async () => {
    const member = await audit(`userId=${world.users.council_member.id}`);
    assert.ok(member.length > 0 && member.every((e) => e.userId === world.users.council_member.id));
    const signIns = await audit('action=sign_in');
    assert.equal(signIns.length, Object.keys(world.users).length);
  });

  it('is for administrators only: others are refused, the public asked to sign in', async () => {
    for (const who of ['author', 'council_member', 'principal_adviser', 'inspector'] as const) {
      const response = await world.browsers[who].fetch('/api/audit');
      assert.equal(response.status, 403, who);
      assert.equal(((await response.json()) as { details: { missing: string } }).details.missing, 'role');
    }
    assert.equal((await world.browsers.public.fetch('/api/audit')).status, 401);
  });

  it('exports every matching event as CSV, and records the export', async () => {
    const response = await world.browsers.administrator.fetch(`/api/audit?format=csv&recordKind=intelligence_item&recordId=${itemId}`);
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-disposition') ?? '', /lantern-audit\.csv/);
    const parsed = Papa.parse<Record<string, string>>((await response.text()).trim(), { header: true });
    assert.deepEqual(parsed.data.map((r) => r.action).reverse(), ['change', 'read', 'change', 'share', 'read']);
    const exports = await audit('action=export');
    assert.equal(exports[0]!.summary, `audit trail where recordKind=intelligence_item, recordId=${itemId}`);
  });

  it('has no route that edits or deletes it', async () => {
    for (const method of ['PUT', 'PATCH', 'DELETE', 'POST']) {
      const response = await world.browsers.administrator.fetch('/api/audit', { method, headers: { 'X-CSRF-Token': world.browsers.administrator.csrfToken } });
      assert.equal(response.status, 404, method);
    }
  });
});
