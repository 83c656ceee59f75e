// Sharing, as every feature that shares a record does it: one use-case to
// share and one to stop sharing, whatever the record (an intelligence item,
// an early-sight release), each asking the policy, reading with whom and why,
// and writing the share (or un-share) with its audit event in one
// transaction; the policy's record of a share; and the shares a viewer may
// read, a page at a time, with how many there are (a council always knows
// what is shared about it). It lives in the platform because two features
// share records and neither imports the other.
import { guardedRecord, RECORD_KIND_LABELS, type GuardedRecord } from '../../../domain/access/index.ts';
import { getOrganisation } from '../../../store/organisations.ts';
import { createShare, getShare, queryShares, revokeShare, type Share, type SharedKind } from '../../../store/shares.ts';
import type { Sql } from '../../../store/store.ts';
import { getUser, findUserByEmail } from '../../../store/users.ts';
import type { RequestAccess } from './request-access.ts';
import { checked } from '../http/input-schema.ts';
import { shareBody, unshareBody } from './share-inputs.ts';
import { badRequest, HttpError, notFound } from '../http/http-error.ts';

/** A record as it is shared: the policy's view of it, and how a share and a refusal name it. */
export interface SharedRecord {
  readonly kind: SharedKind;
  readonly id: string;
  /** The council it is about; null for an early-sight release, about every council in it. */
  readonly subjectArea: string | null;
  readonly guarded: GuardedRecord;
  /** As a refusal names it: 'intelligence item 12'. */
  readonly label: string;
}

interface Recipient {
  readonly organisationId: number | null;
  readonly userId: number | null;
  readonly label: string;
}

/**
 * Shares the record with an organisation or a person (`organisationId`,
 * `userId` or `userEmail`; exactly one), saying why (`reason`).
 */
export async function shareWith(sql: Sql, access: RequestAccess, record: SharedRecord, body: Record<string, unknown>): Promise<Share> {
  const sharedBy = sharerOf(access, record);
  const { reason, ...given } = checked(shareBody, body);
  const recipient = await readRecipient(sql, given);
  return sql.begin(async (tx) => {
    const created = await createShare(tx, {
      recordKind: record.kind,
      recordId: record.id,
      subjectArea: record.subjectArea,
      withOrganisationId: recipient.organisationId,
      withUserId: recipient.userId,
      reason,
      sharedBy,
    });
    await access.audit(tx, 'share', record.kind, record.id, `shared with ${recipient.label} (share ${created.id}): ${reason}`);
    return created;
  });
}

/** Stops one of the record's current shares, saying why (`reason`); 404 when the share is not one of this record's. */
export async function stopSharing(sql: Sql, access: RequestAccess, record: SharedRecord, shareId: number, body: Record<string, unknown>): Promise<Share> {
  const revokedBy = sharerOf(access, record);
  const { reason } = checked(unshareBody, body);
  const existing = await getShare(sql, shareId);
  if (!existing || existing.recordKind !== record.kind || existing.recordId !== record.id) throw notFound(`there is no share ${shareId} of this record`);
  if (existing.revokedAt !== null) throw badRequest(`share ${shareId} was already revoked`);
  return sql.begin(async (tx) => {
    const revoked = await revokeShare(tx, shareId, revokedBy, reason);
    if (!revoked) throw badRequest(`share ${shareId} was already revoked`);
    await access.audit(tx, 'unshare', record.kind, record.id, `un-shared from ${existing.withOrganisationName ?? existing.withUserName} (share ${shareId}): ${reason}`);
    return revoked;
  });
}

/** Who shares: someone the policy lets share the record, and a person, since a share names who answers for it. */
function sharerOf(access: RequestAccess, record: SharedRecord): number {
  access.require('share', record.guarded, record.label);
  const viewer = access.viewer;
  if (viewer.kind !== 'user') throw new HttpError(403, 'forbidden', 'a share is made by someone signed in, who answers for it');
  return viewer.userId;
}

async function readRecipient(sql: Sql, { organisationId, userId, userEmail: email }: { organisationId?: number; userId?: number; userEmail?: string }): Promise<Recipient> {
  const given = [organisationId, userId, email].filter((v) => v !== undefined).length;
  if (given !== 1) throw badRequest("say with whom to share: exactly one of 'organisationId', 'userId' or 'userEmail'");
  if (organisationId !== undefined) {
    const organisation = await getOrganisation(sql, organisationId);
    if (!organisation) throw badRequest(`'organisationId': there is no organisation ${organisationId}`);
    return { organisationId, userId: null, label: organisation.name };
  }
  const user = userId !== undefined ? await getUser(sql, userId) : await findUserByEmail(sql, email!);
  if (!user || user.disabled) throw badRequest(userId !== undefined ? `'userId': there is no active user ${userId}` : "'userEmail': there is no active user with that email address");
  return { organisationId: null, userId: user.id, label: `${user.name} (${user.organisationName})` };
}

export function shareJson(share: Share) {
  return {
    id: share.id,
    record: { kind: share.recordKind, id: share.recordId, label: RECORD_KIND_LABELS[share.recordKind] },
    about: share.subjectArea === null ? null : { code: share.subjectArea, name: share.subjectName },
    with:
      share.withOrganisationId !== null ? { kind: 'organisation', id: share.withOrganisationId, name: share.withOrganisationName } : { kind: 'user', id: share.withUserId, name: share.withUserName },
    reason: share.reason,
    sharedBy: { id: share.sharedBy, name: share.sharedByName, organisation: share.sharedByOrganisationName },
    sharedAt: share.sharedAt,
    revoked: share.revokedAt === null ? null : { by: share.revokedByName, at: share.revokedAt, reason: share.revokeReason },
  };
}

/** The shares a viewer may read, newest first: a page of them. */
const SCAN = 1000;

/**
 * One page of the shares the viewer may read, newest first, and how many
 * they may read in all: no share is ever left out unsaid, however many
 * there are (the council always knows what is shared about it).
 */
export async function visibleShares(
  sql: Sql,
  access: RequestAccess,
  filter: { about?: string | undefined; recordKind?: SharedKind | undefined; recordId?: string | undefined },
  paging: { limit: number; offset: number },
): Promise<{ items: Share[]; total: number }> {
  const shown: Share[] = [];
  let total = 0;
  for (let from = 0; ; from += SCAN) {
    const candidates = await queryShares(sql, { ...filter, limit: SCAN, offset: from });
    for (const share of candidates) {
      if (!access.may('read', shareRecord(share))) continue;
      if (total >= paging.offset && total < paging.offset + paging.limit) shown.push(share);
      total++;
    }
    if (candidates.length < SCAN) break;
  }
  return { items: await access.reveal(shown, shareRecord, (s) => String(s.id), 'share log'), total };
}

/**
 * A share is read by the council it is about, the sharer and their
 * organisation, and the recipient. That early sight of a release went to a
 * partner (a share about no one council) is open to every signed-in user.
 */
export function shareRecord(share: Share): GuardedRecord {
  return guardedRecord('share', share.subjectArea === null ? 'sector' : 'restricted', {
    subjectArea: share.subjectArea,
    subjectReads: true,
    author: share.sharedBy,
    ownerOrganisation: share.sharedByOrganisationId,
    sharedWithOrganisations: share.withOrganisationId === null ? [] : [share.withOrganisationId],
    sharedWithUsers: share.withUserId === null ? [] : [share.withUserId],
  });
}
