// Shares over HTTP: the log of shares (filtered through the policy, so a
// council sees every share about itself, current and revoked, even where it
// may not read the record), a council's feed of them, and the two steps every
// share and un-share takes: the recipient and reason read from the request,
// then the share written with its audit event in one transaction.
import express from 'express';
import { RECORD_KIND_LABELS } from '../domain/access/index.ts';
import { getOrganisation } from '../store/organisations.ts';
import { createShare, getShare, queryShares, revokeShare, SHARED_KINDS, type Share, type SharedKind } from '../store/shares.ts';
import type { Sql } from '../store/store.ts';
import { getUser, findUserByEmail } from '../store/users.ts';
import { accessOf, notSeen, reads, type RequestAccess } from './access.ts';
import { optionalId, pathId, requiredText } from './auth/request-body.ts';
import { badRequest, notFound } from './http-error.ts';
import { shareRecord } from './features/intelligence/intelligence-record.ts';
import { onlyKnown, optionalCode, optionalText, page } from './query-params.ts';

export interface Recipient {
  readonly organisationId: number | null;
  readonly userId: number | null;
  readonly label: string;
}

/** With whom: `organisationId`, or a person by `userId` or `userEmail`; exactly one. */
export async function readRecipient(sql: Sql, body: Record<string, unknown>): Promise<Recipient> {
  const organisationId = optionalId(body, 'organisationId');
  const userId = optionalId(body, 'userId');
  const email = typeof body.userEmail === 'string' && body.userEmail.trim() !== '' ? body.userEmail.trim().toLowerCase() : undefined;
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

export function readReason(body: Record<string, unknown>, field = 'reason'): string {
  return requiredText(body, field, 2000, 10);
}

/** Writes a share and its audit event together. */
export async function recordShare(sql: Sql, access: RequestAccess, share: { recordKind: SharedKind; recordId: string; subjectArea: string | null; recipient: Recipient; reason: string }): Promise<Share> {
  return sql.begin(async (tx) => {
    const created = await createShare(tx, {
      recordKind: share.recordKind, recordId: share.recordId, subjectArea: share.subjectArea,
      withOrganisationId: share.recipient.organisationId, withUserId: share.recipient.userId, reason: share.reason,
      sharedBy: (access.viewer as { userId: number }).userId,
    });
    await access.audit(tx, 'share', share.recordKind, share.recordId, `shared with ${share.recipient.label} (share ${created.id}): ${share.reason}`);
    return created;
  });
}

/** Revokes a share of the record and audits it; 404 when the share is not one of this record's current ones. */
export async function recordUnshare(sql: Sql, access: RequestAccess, recordKind: SharedKind, recordId: string, shareId: number, reason: string): Promise<Share> {
  const existing = await getShare(sql, shareId);
  if (!existing || existing.recordKind !== recordKind || existing.recordId !== recordId) throw notFound(`there is no share ${shareId} of this record`);
  if (existing.revokedAt !== null) throw badRequest(`share ${shareId} was already revoked`);
  return sql.begin(async (tx) => {
    const revoked = await revokeShare(tx, shareId, (access.viewer as { userId: number }).userId, reason);
    if (!revoked) throw badRequest(`share ${shareId} was already revoked`);
    await access.audit(tx, 'unshare', recordKind, recordId, `un-shared from ${existing.withOrganisationName ?? existing.withUserName} (share ${shareId}): ${reason}`);
    return revoked;
  });
}

export function shareJson(share: Share) {
  return {
    id: share.id, record: { kind: share.recordKind, id: share.recordId, label: RECORD_KIND_LABELS[share.recordKind] },
    about: share.subjectArea === null ? null : { code: share.subjectArea, name: share.subjectName },
    with: share.withOrganisationId !== null
      ? { kind: 'organisation', id: share.withOrganisationId, name: share.withOrganisationName }
      : { kind: 'user', id: share.withUserId, name: share.withUserName },
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
export async function visibleShares(sql: Sql, access: RequestAccess, filter: { about?: string | undefined; recordKind?: SharedKind | undefined; recordId?: string | undefined }, paging: { limit: number; offset: number }): Promise<{ items: Share[]; total: number }> {
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

/** Adds the routes to `router` (the flat /api router, so that the OpenAPI test sees them). */
export function sharesRouter(sql: Sql, router: express.Router = express.Router()): express.Router {

  router.get('/shares', reads('share'), async (req, res) => {
    const q = req.query;
    onlyKnown(q, ['about', 'recordKind', 'recordId', 'limit', 'offset']);
    const recordKind = optionalText(q, 'recordKind');
    if (recordKind !== undefined && !(SHARED_KINDS as readonly string[]).includes(recordKind)) throw badRequest(`'recordKind' must be one of ${SHARED_KINDS.join(', ')}`);
    const paging = page(q, 100, 1000);
    const { items, total } = await visibleShares(sql, accessOf(res), {
      about: optionalCode(q, 'about'), recordKind: recordKind as SharedKind | undefined, recordId: optionalText(q, 'recordId'),
    }, paging);
    res.set('Cache-Control', 'private, no-store').json({ items: items.map(shareJson), total, ...paging });
  });

  // The subject council's feed (JSON Feed 1.1): every share and un-share about it, newest first,
  // a page of shares at a time: `next_url` leads to the next, and `_lantern.total` says how many there are.
  router.get('/shares/feed', reads('share'), async (req, res) => {
    onlyKnown(req.query, ['about', 'limit', 'offset']);
    const viewer = accessOf(res).viewer;
    const about = optionalCode(req.query, 'about') ?? (viewer.kind === 'user' ? viewer.councilArea ?? undefined : undefined);
    if (!about) throw badRequest("'about' is required: the GSS code of the council whose shares to follow (a council's own users get their own by default)");
    const paging = page(req.query, 100, 1000);
    const { items: shares, total } = await visibleShares(sql, accessOf(res), { about }, paging);
    const base = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    const items = shares.flatMap((s) => feedItems(s, base)).sort((a, b) => b.date_published.localeCompare(a.date_published));
    const next = paging.offset + paging.limit < total ? `${base}/api/shares/feed?about=${about}&limit=${paging.limit}&offset=${paging.offset + paging.limit}` : undefined;
    res.set('Cache-Control', 'private, no-store').type('application/feed+json').send(JSON.stringify({
      version: 'https://jsonfeed.org/version/1.1', title: `Shares about ${about}`, home_page_url: `${base}/shares?about=${about}`, feed_url: `${base}/api/shares/feed?about=${about}`,
      ...(next ? { next_url: next } : {}), _lantern: { total, offset: paging.offset, limit: paging.limit }, items,
    }));
  });

  router.get('/shares/:id', reads('share'), async (req, res) => {
    const id = pathId(req.params.id, 'share');
    const share = await getShare(sql, id);
    const access = accessOf(res);
    if (!share) throw notSeen(`share ${id}`);
    access.require('read', shareRecord(share), `share ${share.id}`);
    await access.reveal([share], shareRecord, (s) => String(s.id));
    res.set('Cache-Control', 'private, no-store').json(shareJson(share));
  });

  return router;
}

function feedItems(share: Share, base: string) {
  const what = `${RECORD_KIND_LABELS[share.recordKind].replace(/s$/, '')} ${share.recordId}`;
  const recipient = share.withOrganisationName ?? share.withUserName ?? '';
  const shared = {
    id: `share-${share.id}`, url: `${base}/shares/${share.id}`, date_published: share.sharedAt.toISOString(),
    title: `${share.sharedByName} (${share.sharedByOrganisationName}) shared ${what} with ${recipient}`,
    content_text: `Why: ${share.reason}`,
  };
  if (share.revokedAt === null) return [shared];
  return [shared, {
    id: `unshare-${share.id}`, url: `${base}/shares/${share.id}`, date_published: share.revokedAt.toISOString(),
    title: `${share.revokedByName ?? ''} stopped sharing ${what} with ${recipient}`, content_text: `Why: ${share.revokeReason ?? ''}`,
  }];
}

