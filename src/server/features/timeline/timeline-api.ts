// A council's timeline as JSON: what happened about it, newest first, each
// entry a sentence with when and a link, only what the reader may see.
import express from 'express';
import type { Sql } from '../../../store/store.ts';
import { accessOf, reads } from '../../platform/access/index.ts';
import { checked, checkedQuery } from '../../platform/http/input-schema.ts';
import { timelinePath, timelineQuery } from './api-inputs.ts';
import { readTimeline, type Timeline } from './timeline.ts';

/** Adds the routes to `router` (the flat /api router, so that the OpenAPI test sees them). */
export function timelineRouter(sql: Sql, router: express.Router = express.Router()): express.Router {
  router.get('/areas/:code/timeline', reads('area'), async (req, res) => {
    const page = checkedQuery(timelineQuery, req.query);
    const timeline = await readTimeline(sql, accessOf(res), checked(timelinePath, req.params).code, page);
    res.set('Cache-Control', 'private, no-store').json({ ...timelineJson(timeline), limit: page.limit, offset: page.offset });
  });
  return router;
}

export function timelineJson(timeline: Timeline) {
  return {
    council: timeline.council,
    total: timeline.total,
    entries: timeline.entries.map((e) => ({ at: e.at, kind: e.kind, sentence: e.sentence, record: e.record, href: e.href })),
  };
}
