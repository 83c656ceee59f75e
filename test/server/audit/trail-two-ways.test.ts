// Reading the audit trail is one use-case (readTrail in
// src/server/features/audit/audit-trail.ts) for its page and its API: both
// record the reading in the same words, naming the filter that was read.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openWorld, type World } from '../access/world.ts';

describe('the audit trail read from its page and from its API', () => {
  let world: World;

  before(async () => {
    world = await openWorld();
  });
  after(() => world.close());

  it('records each reading in the same words, naming the filter', async () => {
    const admin = world.browsers.administrator;
    assert.equal((await admin.fetch('/audit?recordKind=intelligence_item')).status, 200);
    assert.equal((await admin.fetch('/api/audit?recordKind=intelligence_item')).status, 200);
    const readings = await world.store.sql<{ actor: string; summary: string }[]>`
      select actor, summary from audit_event where action = 'read' and record_kind = 'audit_event' order by id`;
    assert.deepEqual(
      Array.from(readings, (r) => ({ ...r })),
      [
        { actor: 'admin <admin@service.example>', summary: 'audit trail where recordKind=intelligence_item' },
        { actor: 'admin <admin@service.example>', summary: 'audit trail where recordKind=intelligence_item' },
      ],
    );
  });
});
