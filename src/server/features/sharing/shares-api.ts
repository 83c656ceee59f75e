// Shares over HTTP: the log of shares (filtered through the policy, so a
// council sees every share about itself, current and revoked, even where it
// may not read the record), a council's feed of them (JSON Feed), and one
// share by its id.
import express from 'express';
import { RECORD_KIND_LABELS } from '../../../domain/access/index.ts';
import { getShare, type Share } from '../../../store/shares.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, notSeen, reads } from '../../platform/access/index.ts';
import { badRequest } from '../../platform/http/http-error.ts';
import { shareJson, shareRecord, visibleShares } from '../../platform/access/shares.ts';
import { checked, checkedQuery } from '../../platform/http/input-schema.ts';
import { feedQuery, sharePath, sharesQuery } from './api-inputs.ts';

/** Adds the routes to `router` (the flat /api router, so that the OpenAPI test sees them). */
export function sharesRouter(sql: Sql, router: express.Router = express.Router()): express.Router {
  router.get('/shares', reads('share'), async (req, res) => {
    const { limit, offset, ...filter } = checkedQuery(sharesQuery, req.query);
    const paging = { limit, offset };
    const { items, total } = await visibleShares(sql, accessOf(res), filter, paging);
    res.set('Cache-Control', 'private, no-store').json({ items: items.map(shareJson), total, ...paging });
  });

  // The subject council's feed (JSON Feed 1.1): every share and un-share about it, newest first,
  // a page of shares at a time: `next_url` leads to the next, and `_lantern.total` says how many there are.
  router.get('/shares/feed', reads('share'), async (req, res) => {
    const { limit, offset, ...asked } = checkedQuery(feedQuery, req.query);
    const viewer = accessOf(res).viewer;
    const about = asked.about ?? (viewer.kind === 'user' ? (viewer.councilArea ?? undefined) : undefined);
    if (!about) throw badRequest("'about' is required: the GSS code of the council whose shares to follow (a council's own users get their own by default)");
    const paging = { limit, offset };
    const { items: shares, total } = await visibleShares(sql, accessOf(res), { about }, paging);
    const base = `${req.protocol}://${req.get('host') ?? 'localhost'}`;
    const items = shares.flatMap((s) => feedItems(s, base)).sort((a, b) => b.date_published.localeCompare(a.date_published));
    const next = paging.offset + paging.limit < total ? `${base}/api/shares/feed?about=${about}&limit=${paging.limit}&offset=${paging.offset + paging.limit}` : undefined;
    res
      .set('Cache-Control', 'private, no-store')
      .type('application/feed+json')
      .send(
        JSON.stringify({
          version: 'https://jsonfeed.org/version/1.1',
          title: `Shares about ${about}`,
          home_page_url: `${base}/shares?about=${about}`,
          feed_url: `${base}/api/shares/feed?about=${about}`,
          ...(next ? { next_url: next } : {}),
          _lantern: { total, offset: paging.offset, limit: paging.limit },
          items,
        }),
      );
  });

  router.get('/shares/:id', reads('share'), async (req, res) => {
    const { id } = checked(sharePath, req.params);
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
    id: `share-${share.id}`,
    url: `${base}/api/shares/${share.id}`,
    date_published: share.sharedAt.toISOString(),
    title: `${share.sharedByName} (${share.sharedByOrganisationName}) shared ${what} with ${recipient}`,
    content_text: `Why: ${share.reason}`,
  };
  if (share.revokedAt === null) return [shared];
  return [
    shared,
    {
      id: `unshare-${share.id}`,
      url: `${base}/api/shares/${share.id}`,
      date_published: share.revokedAt.toISOString(),
      title: `${share.revokedByName ?? ''} stopped sharing ${what} with ${recipient}`,
      content_text: `Why: ${share.revokeReason ?? ''}`,
    },
  ];
}
