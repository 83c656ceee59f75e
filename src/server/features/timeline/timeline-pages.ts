// A council's timeline as a page: the same entries as the API, each with
// its day on London's calendar and a link to its record.
import express from 'express';
import { formatDate } from '../../../domain/format/index.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, reads } from '../../platform/access/index.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { onlyKnown } from '../../platform/http/query-params.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { timelinePath } from './api-inputs.ts';
import { readTimeline } from './timeline.ts';

export function timelinePages(sql: Sql): express.Router {
  const router = express.Router();
  router.get('/areas/:code/timeline', reads('area'), async (req, res) => {
    onlyKnown(req.query, []);
    const timeline = await readTimeline(sql, accessOf(res), checked(timelinePath, req.params).code);
    renderPage(res, 'timeline/council.njk', {
      council: timeline.council,
      signedIn: accessOf(res).viewer.kind === 'user',
      entries: timeline.entries.map((e) => ({ ...e, day: formatDate(e.at), iso: e.at.toISOString() })),
    });
  });
  return router;
}
