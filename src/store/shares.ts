// Shares: a restricted or confidential record shared with an organisation or
// a person, by whom, why and when; un-sharing sets the revoked columns once
// (the table's trigger refuses anything else). The council a share is about
// reads every share about itself, current and revoked.
import type { Db } from './store.ts';

export const SHARED_KINDS = ['intelligence_item', 'observation', 'improvement_case', 'survey', 'council_return', 'peer_challenge'] as const;
export type SharedKind = (typeof SHARED_KINDS)[number];

export interface Share {
  readonly id: number;
  readonly recordKind: SharedKind;
  readonly recordId: string;
  readonly subjectArea: string | null;
  readonly subjectName: string | null;
  readonly withOrganisationId: number | null;
  readonly withOrganisationName: string | null;
  readonly withUserId: number | null;
  readonly withUserName: string | null;
  readonly reason: string;
  readonly sharedBy: number;
  readonly sharedByName: string;
  readonly sharedByOrganisationId: number;
  readonly sharedByOrganisationName: string;
  readonly sharedAt: Date;
  readonly revokedBy: number | null;
  readonly revokedByName: string | null;
  readonly revokedAt: Date | null;
  readonly revokeReason: string | null;
}

const SELECT = `s.id, s.record_kind as "recordKind", s.record_id as "recordId", s.subject_area as "subjectArea", a.name as "subjectName",
  s.with_organisation_id as "withOrganisationId", wo.name as "withOrganisationName", s.with_user_id as "withUserId", wu.name as "withUserName",
  s.reason, s.shared_by as "sharedBy", sb.name as "sharedByName", sb.organisation_id as "sharedByOrganisationId", sbo.name as "sharedByOrganisationName",
  s.shared_at as "sharedAt", s.revoked_by as "revokedBy", rb.name as "revokedByName", s.revoked_at as "revokedAt", s.revoke_reason as "revokeReason"`;
const FROM = `share s
  left join area a on a.code = s.subject_area
  left join organisation wo on wo.id = s.with_organisation_id
  left join user_account wu on wu.id = s.with_user_id
  join user_account sb on sb.id = s.shared_by
  join organisation sbo on sbo.id = sb.organisation_id
  left join user_account rb on rb.id = s.revoked_by`;

export interface NewShare {
  readonly recordKind: SharedKind;
  readonly recordId: string;
  readonly subjectArea: string | null;
  readonly withOrganisationId: number | null;
  readonly withUserId: number | null;
  readonly reason: string;
  readonly sharedBy: number;
}

export async function createShare(sql: Db, share: NewShare): Promise<Share> {
  const [row] = await sql<{ id: number }[]>`
    insert into share (record_kind, record_id, subject_area, with_organisation_id, with_user_id, reason, shared_by)
    values (${share.recordKind}, ${share.recordId}, ${share.subjectArea}, ${share.withOrganisationId}, ${share.withUserId}, ${share.reason}, ${share.sharedBy})
    returning id`;
  return (await getShare(sql, row!.id))!;
}

export async function getShare(sql: Db, id: number): Promise<Share | undefined> {
  const [row] = await sql<Share[]>`select ${sql.unsafe(SELECT)} from ${sql.unsafe(FROM)} where s.id = ${id}`;
  return row;
}

export async function revokeShare(sql: Db, id: number, revokedBy: number, reason: string): Promise<Share | undefined> {
  const rows = await sql`
    update share set revoked_by = ${revokedBy}, revoked_at = now(), revoke_reason = ${reason} where id = ${id} and revoked_at is null returning id`;
  return rows.length === 0 ? undefined : getShare(sql, id);
}

/** The shares of one record; `current` leaves out the revoked. */
export function sharesOfRecord(sql: Db, recordKind: SharedKind, recordId: string, current = false) {
  return sql<Share[]>`
    select ${sql.unsafe(SELECT)} from ${sql.unsafe(FROM)}
    where s.record_kind = ${recordKind} and s.record_id = ${recordId} ${current ? sql`and s.revoked_at is null` : sql``}
    order by s.id`;
}

export interface ShareQuery {
  /** Shares about this council, and every early-sight release (about every council). */
  readonly about?: string | undefined;
  readonly recordKind?: SharedKind | undefined;
  readonly recordId?: string | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** Shares newest first, about a council or of a record. */
export function queryShares(sql: Db, query: ShareQuery) {
  return sql<Share[]>`
    select ${sql.unsafe(SELECT)} from ${sql.unsafe(FROM)}
    where true
      ${query.about ? sql`and (s.subject_area = ${query.about} or s.subject_area is null)` : sql``}
      ${query.recordKind ? sql`and s.record_kind = ${query.recordKind}` : sql``}
      ${query.recordId ? sql`and s.record_id = ${query.recordId}` : sql``}
    order by greatest(s.shared_at, coalesce(s.revoked_at, s.shared_at)) desc, s.id desc
    limit ${query.limit} offset ${query.offset}`;
}
