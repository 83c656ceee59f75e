// A table of decisions written out by hand, walked: for each person named,
// what decide() answers to reading, changing and sharing one record, as
// 'allow' or the reason for refusal. The people are the cast (one of each
// role around County Durham), the author, the public, and an officer of
// another council.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { decide, PUBLIC_VIEWER, SESSION_ACTIONS, type Decision, type GuardedRecord, type UserViewer, type Viewer } from '../../../src/domain/access/index.ts';
import { AUTHOR, CAST } from './cast.ts';

export const NOW = Date.UTC(2026, 11, 1, 9, 30);

export const OTHER_COUNCIL: UserViewer = Object.freeze({ kind: 'user', userId: 302, role: 'performance_officer', organisationId: 99, councilArea: 'E06000002', actions: SESSION_ACTIONS });

const VIEWERS: Readonly<Record<string, Viewer>> = { public: PUBLIC_VIEWER, author: AUTHOR, ...CAST, otherCouncil: OTHER_COUNCIL };

export type Row = readonly [read: string, change: string, share: string];

const cell = (decision: Decision) => (decision.allowed ? 'allow' : decision.reason);

/** One test a person: their read, change and share of `record` at NOW. */
export function walk(label: string, record: GuardedRecord, table: Readonly<Record<string, Row>>): void {
  describe(label, () => {
    for (const [who, row] of Object.entries(table)) {
      it(`${who}: read ${row[0]}, change ${row[1]}, share ${row[2]}`, () => {
        const answer = ['read', 'change', 'share'].map((action) => cell(decide(VIEWERS[who]!, action as 'read', record, NOW)));
        assert.deepEqual(answer, row);
      });
    }
  });
}

/** One answer alone, for the odd cell a table does not hold. */
export function decisionOf(who: Viewer, action: 'read' | 'change' | 'share', record: GuardedRecord): string {
  return cell(decide(who, action, record, NOW));
}
