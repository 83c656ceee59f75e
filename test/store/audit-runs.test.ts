// Events added to the trail together: a list's reads (events that differ
// only in their record) go as one insert, and whatever the runs, every event
// is kept once, in the order given, with each of its fields as it was.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { countAudit, queryAudit, recordAudit, type AuditEntry } from '../../src/store/audit.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const reader = { userId: null, actor: 'Ann <ann@example.org>', action: 'read', ip: '192.0.2.7', userAgent: 'a browser' } as const;

function run(kind: string, from: number, count: number, summary: string): AuditEntry[] {
  return Array.from({ length: count }, (_, i) => ({ ...reader, recordKind: kind, recordId: String(from + i), summary }));
}

describe('the audit trail, written a list at a time', () => {
  let store: TestStore;
  let entries: AuditEntry[];
  let statements = 0;

  before(async () => {
    store = await openTestStore();
    entries = [
      ...run('saving', 1, 2500, 'read the partnership’s savings'),
      { ...reader, recordKind: 'saving', recordId: '2501', summary: 'read a saving' },
      { ...reader, action: 'sign_in', recordKind: 'user', recordId: null, summary: 'signed in' },
      ...run('case', 1, 3, 'case list'),
      { ...reader, userAgent: 'x'.repeat(500), recordKind: 'case', recordId: '4', summary: 'y'.repeat(2500) },
      ...run('case', 5, 2, 'case list'),
    ];
    const counting = new Proxy(store.sql, {
      apply(target, self, args) {
        statements++;
        return Reflect.apply(target, self, args);
      },
    });
    await recordAudit(counting, entries);
  });
  after(() => store.close());

  it('keeps every event once, in the order given, each field as it was', async () => {
    assert.equal(await countAudit(store.sql, {}), entries.length);
    const kept = (await queryAudit(store.sql, { limit: null })).reverse();
    assert.deepEqual(
      kept.map((e) => [e.userId, e.actor, e.action, e.recordKind, e.recordId, e.summary, e.ip, e.userAgent]),
      entries.map((e) => [e.userId, e.actor, e.action, e.recordKind, e.recordId, e.summary.slice(0, 2000), e.ip, e.userAgent?.slice(0, 400)]),
    );
    const ids = kept.map((e) => BigInt(e.id));
    assert.ok(
      ids.every((id, i) => i === 0 || id > ids[i - 1]!),
      'ids rise in the order given',
    );
  });

  it('writes each run of events that differ only in their record as one statement', () => {
    // the 2,500 savings, one saving, the sign-in, three cases, the long case, two cases
    assert.equal(statements, 6);
  });

  it('finds each read of a record by the record', async () => {
    const read = await queryAudit(store.sql, { recordKind: 'saving', recordId: '1234', limit: null });
    assert.deepEqual(
      read.map((e) => e.summary),
      ['read the partnership’s savings'],
    );
  });
});
