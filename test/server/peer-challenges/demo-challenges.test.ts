// The demo's peer challenges in a real store: made through the real
// lifecycle, once, held by the demo's sector body, at every stage from a
// first enquiry to closed, with items overdue on a day after them.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDemoChallenges } from '../../../src/server/features/peer-challenges/demo-challenges.ts';
import { programme } from '../../../src/store/peer-programme.ts';
import { organisation } from '../../support/access.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';

describe("the demo's peer challenges", () => {
  let store: TestStore;
  let body: number;
  before(async () => {
    store = await openTestStore();
    body = (await organisation(store.sql, 'Sector improvement body', 'sector_body')).id;
    await createDemoChallenges(store.sql, () => {});
    await createDemoChallenges(store.sql, () => {});
  });
  after(() => store.close());

  it('makes them once, each held by the sector body, at every stage', async () => {
    const rows = await store.sql<{ stage: string; heldBy: number }[]>`select stage, held_by as "heldBy" from peer_challenge order by id`;
    assert.equal(rows.length, 10);
    assert.ok(rows.every((r) => r.heldBy === body));
    assert.deepEqual(
      [...new Set(rows.map((r) => r.stage))].sort(),
      ['action_plan', 'booked', 'closed', 'enquiry', 'feedback', 'report_fact_check', 'report_final', 'scoping', 'team_confirmed'].sort(),
    );
  });

  it('fills the programme: counts of each kind, and overdue items on a later day', async () => {
    const whole = await programme(store.sql, '2026-12-05');
    assert.deepEqual(whole.counts.corporate, { delivered: 4, booked: 1, inDiscussion: 2 });
    const overdue = whole.councils.filter((c) => c.overdue.length > 0).map((c) => [c.councilName, c.overdue.map((d) => d.item)]);
    assert.deepEqual(overdue, [
      ['County Durham', ['progress_review']],
      ['Darlington', ['report', 'action_plan']],
    ]);
  });
});
