// A council's timeline as a page: the same entries as the API, each with
// its day on London's calendar and a link to its record, a hundred a page.
import express from 'express';
import { formatDate } from '../../../domain/format/index.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, reads } from '../../platform/access/index.ts';
import { checked, checkedQuery } from '../../platform/http/input-schema.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { timelinePageQuery, timelinePath } from './api-inputs.ts';
import { readTimeline } from './timeline.ts';

const PAGE = 100;

export function timelinePages(sql: Sql): express.Router {
  const router = express.Router();
  router.get('/areas/:code/timeline', reads('area'), async (req, res) => {
    const { offset } = checkedQuery(timelinePageQuery, req.query);
    const timeline = await readTimeline(sql, accessOf(res), checked(timelinePath, req.params).code, { limit: PAGE, offset });
    const here = `/areas/${timeline.council.code}/timeline`;
    renderPage(res, 'timeline/council.njk', {
      council: timeline.council,
      total: timeline.total,
      newer: offset > 0 ? (offset > PAGE ? `${here}?offset=${offset - PAGE}` : here) : null,
      older: offset + PAGE < timeline.total ? `${here}?offset=${offset + PAGE}` : null,
      signedIn: accessOf(res).viewer.kind === 'user',
      entries: timeline.entries.map((e) => ({ ...e, day: formatDate(e.at), iso: e.at.toISOString() })),
    });
  });
  return router;
}
