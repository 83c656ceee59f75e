// Reading the audit trail, as its page and its API both do: the events the
// filter asks for, newest first, a page at a time, with how many there are,
// or every matching event for the export. Reading the trail is itself
// recorded, in the same words from either place: the filter that was read.
import { countAudit, queryAudit, streamAudit, type AuditEvent, type AuditQuery } from '../../../store/audit.ts';
import type { Sql } from '../../../store/store.ts';
import type { RequestAccess } from '../../platform/access/index.ts';

export type TrailFilter = Omit<AuditQuery, 'limit'>;

/** One page of the trail, newest first, and how many events match. */
export async function readTrail(sql: Sql, access: RequestAccess, filter: TrailFilter, limit: number): Promise<{ items: AuditEvent[]; total: number }> {
  const [items, total] = await Promise.all([queryAudit(sql, { ...filter, limit }), countAudit(sql, filter)]);
  await access.audit(sql, 'read', 'audit_event', null, describeFilter(filter));
  return { items, total };
}

/** Every matching event, a page at a time, for the export; the export is recorded before the first is read. */
export async function exportTrail(sql: Sql, access: RequestAccess, filter: TrailFilter): Promise<AsyncIterable<AuditEvent[]>> {
  await access.audit(sql, 'export', 'audit_event', null, describeFilter(filter));
  return streamAudit(sql, filter);
}

function describeFilter(filter: TrailFilter): string {
  const parts = Object.entries(filter)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}=${String(v)}`);
  return parts.length > 0 ? `audit trail where ${parts.join(', ')}` : 'audit trail, unfiltered';
}
