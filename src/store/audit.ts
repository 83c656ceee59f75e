// The audit trail: who read or changed what, when, from where. Rows are only
// ever added (the table's triggers refuse updates, deletes and truncation);
// administrators read them, filtered by record or user, a page or an export
// at a time.
import type { Db, Sql } from './store.ts';

export const AUDIT_ACTIONS = ['read', 'change', 'share', 'unshare', 'export', 'sign_in', 'sign_in_refused', 'sign_out'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export interface AuditEntry {
  readonly userId: number | null;
  readonly actor: string;
  readonly action: AuditAction;
  readonly recordKind: string;
  readonly recordId: string | null;
  readonly summary: string;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export interface AuditEvent extends AuditEntry {
  readonly id: string;
  readonly at: Date;
}

/**
 * Adds events to the trail, in their order. A list's reads are many events
 * that differ only in their record: each run of such events is one
 * statement, its records one array, so that reading a list of thousands
 * writes its thousands of rows in a single insert (one row a record still,
 * so that the trail of any record finds each read of it).
 */
export async function recordAudit(sql: Db, entries: readonly AuditEntry[]): Promise<void> {
  for (let start = 0; start < entries.length;) {
    const first = entries[start]!;
    let end = start + 1;
    while (end < entries.length && sameButRecord(first, entries[end]!)) end++;
    const records = entries.slice(start, end).map((e) => e.recordId);
    await sql`
      insert into audit_event (user_id, actor, action, record_kind, record_id, summary, ip, user_agent)
      select ${first.userId}, ${first.actor}, ${first.action}, ${first.recordKind}, r.id, ${first.summary.slice(0, 2000)}, ${first.ip},
        ${first.userAgent?.slice(0, 400) ?? null}
      from unnest(${records as string[]}::text[]) with ordinality as r (id, n)
      order by r.n`;
    start = end;
  }
}

function sameButRecord(a: AuditEntry, b: AuditEntry): boolean {
  return a.userId === b.userId && a.actor === b.actor && a.action === b.action && a.recordKind === b.recordKind && a.summary === b.summary && a.ip === b.ip && a.userAgent === b.userAgent;
}

export interface AuditQuery {
  readonly recordKind?: string | undefined;
  readonly recordId?: string | undefined;
  readonly userId?: number | undefined;
  readonly action?: string | undefined;
  /** Events after this one in the trail's order (newest first): the next page starts here. */
  readonly before?: string | undefined;
  readonly limit: number | null;
}

const SELECT = `id::text as id, at, user_id as "userId", actor, action, record_kind as "recordKind", record_id as "recordId", summary, ip, user_agent as "userAgent"`;

// The trail runs by time, newest first, and by id among events of the same
// instant. Ids alone are not time: a transaction that started earlier may
// commit later, so its event has the earlier id and the later time, or the
// reverse. The order names the table's columns, since the list's text `id`
// would otherwise sort 9 before 89 before 100. A page resumes after the (time, id) of the last event it showed,
// so that no event is skipped or shown twice whatever the ids look like.
function selectAudit(sql: Sql, query: AuditQuery) {
  return sql<AuditEvent[]>`
    select ${sql.unsafe(SELECT)} from audit_event
    where ${matching(sql, query)} ${query.before ? sql`and (at, id) < (select at, id from audit_event where id = ${query.before}::bigint)` : sql``}
    order by audit_event.at desc, audit_event.id desc
    ${query.limit === null ? sql`` : sql`limit ${query.limit}`}`;
}

function matching(sql: Sql, query: Omit<AuditQuery, 'limit' | 'before'>) {
  return sql`true
    ${query.recordKind ? sql`and record_kind = ${query.recordKind}` : sql``}
    ${query.recordId ? sql`and record_id = ${query.recordId}` : sql``}
    ${query.userId !== undefined ? sql`and user_id = ${query.userId}` : sql``}
    ${query.action ? sql`and action = ${query.action}` : sql``}`;
}

/** How many events match a filter, on every page: lists of the trail say so. */
export async function countAudit(sql: Sql, query: Omit<AuditQuery, 'limit' | 'before'>): Promise<number> {
  const [row] = await sql<{ count: number }[]>`select count(*)::int as count from audit_event where ${matching(sql, query)}`;
  return row!.count;
}

export function queryAudit(sql: Sql, query: AuditQuery) {
  return selectAudit(sql, query);
}

/** Every matching event, a thousand at a time: for exports. */
export function streamAudit(sql: Sql, query: Omit<AuditQuery, 'limit'>): AsyncIterable<AuditEvent[]> {
  return selectAudit(sql, { ...query, limit: null }).cursor(1000);
}

/**
 * The refused sign-ins on a user's account since the sign-in before their
 * latest: what they are told when they sign in, so that guessing at their
 * password is never hidden from them.
 */
export async function failedSignInsSinceLast(sql: Db, userId: number): Promise<number> {
  const [row] = await sql<{ count: number }[]>`
    select count(*)::int as count from audit_event
    where user_id = ${userId} and action = 'sign_in_refused'
      and id > coalesce((select id from audit_event where user_id = ${userId} and action = 'sign_in' order by id desc offset 1 limit 1), 0)`;
  return row!.count;
}
