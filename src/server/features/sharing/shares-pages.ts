// A council's page of every share about itself: who shared what, with whom,
// why and when, and every un-share, even where it may not read the record.
// Others see the shares they may read, about a council they name. A hundred
// shares a page, with how many there are and the GOV.UK pagination to the rest.
// The council is named as people name it, with suggestions; a code works too.
import express from 'express';
import { formatDate } from '../../../domain/format/index.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, reads } from '../../platform/access/index.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { integer, onlyKnown, optionalText } from '../../platform/http/query-params.ts';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import { councilNamed, councilNames } from '../../../web/views/named-choices.ts';
import { shareJson, visibleShares } from '../../platform/access/shares.ts';

export function sharesPages(sql: Sql, engine: BenchmarkEngine): express.Router {
  const router = express.Router();

  router.get('/shares', reads('share'), async (req, res) => {
    onlyKnown(req.query, ['about', 'page']);
    const access = accessOf(res);
    const own = access.viewer.kind === 'user' ? access.viewer.councilArea : null;
    const asked = optionalText(req.query, 'about');
    const named = asked === undefined ? undefined : councilNamed(engine.index, asked, 'Council');
    const about = named?.kind === 'found' ? named.code : asked === undefined ? (own ?? undefined) : undefined;
    const number = integer(req.query, 'page', 1, 1, 1_000_000);
    const { items: shares, total } = about ? await visibleShares(sql, access, { about }, { limit: PER_PAGE, offset: (number - 1) * PER_PAGE }) : { items: [], total: 0 };
    const events = shares
      .flatMap((s) => {
        const share = shareJson(s);
        const shared = { at: s.sharedAt, when: formatDate(s.sharedAt, 'minute'), kind: 'Shared', share, why: s.reason, by: `${s.sharedByName} (${s.sharedByOrganisationName})` };
        return s.revokedAt === null ? [shared] : [shared, { at: s.revokedAt, when: formatDate(s.revokedAt, 'minute'), kind: 'Stopped sharing', share, why: s.revokeReason, by: s.revokedByName }];
      })
      .sort((a, b) => b.at.getTime() - a.at.getTime());
    const problems = named?.kind === 'not_found' ? [{ field: 'about', message: named.message }] : [];
    renderPage(
      res,
      'access/shares.njk',
      {
        about,
        asked: asked ?? engine.index.area(about ?? '')?.name ?? '',
        problems,
        councils: councilNames(engine.index),
        own: about !== undefined && about === own,
        events,
        subjectName: shares.find((s) => s.subjectName)?.subjectName ?? about,
        counted: { from: total === 0 ? 0 : (number - 1) * PER_PAGE + 1, to: Math.min(total, number * PER_PAGE), total },
        pagination: pagination(number, Math.ceil(total / PER_PAGE), (n) => `/shares?${new URLSearchParams({ ...(about ? { about } : {}), page: String(n) })}`),
      },
      problems.length > 0 ? 400 : 200,
    );
  });

  return router;
}

const PER_PAGE = 100;

/** The options of GOV.UK's pagination component for page `current` of `pages`: null for a single page. */
export function pagination(current: number, pages: number, href: (page: number) => string) {
  if (pages <= 1) return null;
  const shown = [...new Set([1, current - 1, current, current + 1, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const items = shown.flatMap((n, i) => [...(i > 0 && n - shown[i - 1]! > 1 ? [{ ellipsis: true }] : []), { number: String(n), href: href(n), current: n === current }]);
  return {
    items,
    ...(current > 1 ? { previous: { href: href(current - 1) } } : {}),
    ...(current < pages ? { next: { href: href(current + 1) } } : {}),
  };
}
