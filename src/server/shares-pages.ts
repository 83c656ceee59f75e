// A council's page of every share about itself: who shared what, with whom,
// why and when, and every un-share, even where it may not read the record.
// Others see the shares they may read, about a council they name.
import express from 'express';
import type { Sql } from '../store/store.ts';
import { accessOf, reads } from './access.ts';
import { renderPage } from './auth/page.ts';
import { onlyKnown, optionalCode } from './query-params.ts';
import { shareJson, visibleShares } from './shares-api.ts';

export function sharesPages(sql: Sql): express.Router {
  const router = express.Router();

  router.get('/shares', reads('share'), async (req, res) => {
    onlyKnown(req.query, ['about']);
    const access = accessOf(res);
    const own = access.viewer.kind === 'user' ? access.viewer.councilArea : null;
    const about = optionalCode(req.query, 'about') ?? own ?? undefined;
    const shares = about ? await visibleShares(sql, access, { about }, { limit: 1000, offset: 0 }) : [];
    const events = shares.flatMap((s) => {
      const share = shareJson(s);
      const shared = { at: s.sharedAt, when: s.sharedAt.toISOString().slice(0, 16).replace('T', ' '), kind: 'Shared', share, why: s.reason, by: `${s.sharedByName} (${s.sharedByOrganisationName})` };
      return s.revokedAt === null ? [shared] : [shared, { at: s.revokedAt, when: s.revokedAt.toISOString().slice(0, 16).replace('T', ' '), kind: 'Stopped sharing', share, why: s.revokeReason, by: s.revokedByName }];
    }).sort((a, b) => b.at.getTime() - a.at.getTime());
    renderPage(res, 'access/shares.njk', { about, own: about !== undefined && about === own, events, subjectName: shares.find((s) => s.subjectName)?.subjectName ?? about });
  });

  return router;
}
