// The partnership's savings read as each person would: the page counts only
// the savings the policy lets them read, asked once for each council, and
// every one of those reads is in the audit trail, one row a saving, each
// once, found by the saving's own trail; nothing they may not read is shown
// or recorded as read.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { keptSavingsGoal } from '../../../src/ingest/savings-goal.ts';
import { savingRecord } from '../../../src/server/features/savings/savings.ts';
import { queryAudit } from '../../../src/store/audit.ts';
import { savingsOfYears } from '../../../src/store/savings.ts';
import { accessAs } from '../../support/access.ts';
import { openWorld, type World } from '../access/world.ts';

const goal = keptSavingsGoal();
const SUMMARY = 'read the partnership’s savings against the goal';

describe('the partnership’s savings, each read audited', () => {
  let world: World;
  before(async () => {
    world = await openWorld();
    const made: [keyof World['browsers'], number][] = [
      ['performance_officer', 3],
      ['hartlepoolOfficer', 2],
    ];
    for (const [who, count] of made) {
      for (let i = 0; i < count; i++) {
        const response = await world.browsers[who].json('POST', '/api/savings', {
          year: goal.years[i % goal.years.length],
          amount: 10_000 * (i + 1),
          cashReleasing: true,
          lastsFullYears: 2,
          source: 'procurement',
          description: `Saving ${i} of ${who}`,
        });
        assert.equal(response.status, 201);
      }
    }
  });
  after(() => world?.close());

  for (const who of ['regional_partner', 'performance_officer', 'hartlepoolOfficer', 'principal_adviser', 'council_member'] as const) {
    it(`shows ${who} the councils the policy lets them read, and audits each saving read once`, async () => {
      const person = world.users[who];
      const area = Object.values(world.organisations).find((o) => o.id === person.organisationId)?.areaCode ?? null;
      const access = accessAs(world.store.sql, person, area);
      const all = await savingsOfYears(world.store.sql, goal.years);
      const readable = all.filter((s) => access.may('read', savingRecord(s)));
      const before = (await queryAudit(world.store.sql, { userId: person.id, limit: null })).length;
      const response = await world.browsers[who].fetch('/api/savings/partnership');
      assert.equal(response.status, 200);
      const page = (await response.json()) as { councils: { councilCode: string }[] };
      assert.deepEqual(page.councils.map((c) => c.councilCode).sort(), [...new Set(readable.map((s) => s.councilCode))].sort());
      const trail = await queryAudit(world.store.sql, { userId: person.id, limit: null });
      const reads = trail.slice(0, trail.length - before).filter((e) => e.summary === SUMMARY);
      assert.deepEqual(
        reads.map((e) => [e.action, e.recordKind]).filter(([a, k]) => a !== 'read' || k !== 'saving'),
        [],
      );
      assert.deepEqual(
        reads.map((e) => Number(e.recordId)).sort((a, b) => a - b),
        readable.map((s) => s.id).sort((a, b) => a - b),
      );
      for (const saving of readable) {
        const ofSaving = await queryAudit(world.store.sql, { recordKind: 'saving', recordId: String(saving.id), userId: person.id, limit: null });
        assert.equal(ofSaving.filter((e) => e.summary === SUMMARY).length, 1, `saving ${saving.id} in its own trail`);
      }
    });
  }

  it('shows some councils to some and none to others, so that the cases differ', async () => {
    const all = await savingsOfYears(world.store.sql, goal.years);
    assert.equal(all.length, 5);
    const counts = (['regional_partner', 'performance_officer', 'principal_adviser'] as const).map((who) => {
      const person = world.users[who];
      const area = Object.values(world.organisations).find((o) => o.id === person.organisationId)?.areaCode ?? null;
      return all.filter((s) => accessAs(world.store.sql, person, area).may('read', savingRecord(s))).length;
    });
    assert.equal(new Set(counts).size > 1, true, `readable savings: ${counts.join(', ')}`);
  });
});
