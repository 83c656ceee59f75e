// What the demo loader makes, in the audit trail: no one signed in made it,
// so each event names 'lantern demo' as its actor, and an administrator
// reading the trail can tell invented records from real ones.
import type { RecordKind } from '../../../domain/access/index.ts';
import type { AuditEntry } from '../../../store/audit.ts';

export const DEMO_ACTOR = 'lantern demo';

/** The audit event for a record the demo made (`id` null for a batch of them, named in `summary`). */
export function madeByDemo(kind: RecordKind, id: string | number | null, summary: string): AuditEntry {
  return { userId: null, actor: DEMO_ACTOR, action: 'change', recordKind: kind, recordId: id === null ? null : String(id), summary, ip: null, userAgent: null };
}
