// The audit trail read a page at a time: newest first by time, then by id,
// and every event seen once however its id is written (9 before 10, 99 before
// 100) and whatever order the events' transactions committed in.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { countAudit, queryAudit, type AuditEvent } from '../../src/store/audit.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const EVENTS = 130;
const PAGE = 7;

describe('the audit trail, page by page', () => {
  let store: TestStore;
  let at: (id: number) => Date;
  before(async () => {
    store = await openTestStore();
    // Events whose ids and times disagree, as when a transaction that began
    // first commits last: every fifth event is dated a minute earlier than
    // its neighbours, and events 98 to 101 share one instant.
    const start = Date.parse('2026-01-05T09:00:00Z');
    at = (id: number) => new Date(start + (id >= 98 && id <= 101 ? 98 : id) * 1000 - (id % 5 === 0 ? 60_000 : 0));
    for (let id = 1; id <= EVENTS; id += 1) {
      await store.sql`insert into audit_event (at, actor, action, record_kind, record_id, summary)
        values (${at(id)}, 'public', 'read', 'report', ${String(id)}, ${`event ${id}`})`;
    }
  });
  after(() => store.close());

  async function everyPage(): Promise<AuditEvent[]> {
    const seen: AuditEvent[] = [];
    let before: string | undefined;
    for (;;) {
      const page = await queryAudit(store.sql, { before, limit: PAGE });
      seen.push(...page);
      if (page.length < PAGE) return seen;
      before = page[page.length - 1]!.id;
    }
  }

  it('shows each event exactly once across the pages', async () => {
    const seen = await everyPage();
    assert.equal(await countAudit(store.sql, {}), EVENTS);
    assert.equal(seen.length, EVENTS);
    assert.equal(new Set(seen.map((e) => e.id)).size, EVENTS);
  });

  it('runs newest first, and by id among events of one instant', async () => {
    const seen = await everyPage();
    for (let i = 1; i < seen.length; i += 1) {
      const [newer, older] = [seen[i - 1]!, seen[i]!];
      const order = newer.at.getTime() - older.at.getTime() || Number(newer.id) - Number(older.id);
      assert.ok(order > 0, `event ${newer.id} (${newer.at.toISOString()}) comes before ${older.id} (${older.at.toISOString()})`);
    }
    const shared = seen.filter((e) => ['98', '99', '101'].includes(e.id)).map((e) => e.id);
    assert.deepEqual(shared, ['101', '99', '98']);
  });

  it("runs in exactly the order of the events' times, then ids", async () => {
    const expected = Array.from({ length: EVENTS }, (_, i) => i + 1)
      .sort((a, b) => at(b).getTime() - at(a).getTime() || b - a)
      .map(String);
    assert.deepEqual(
      (await everyPage()).map((e) => e.id),
      expected,
    );
  });
});
