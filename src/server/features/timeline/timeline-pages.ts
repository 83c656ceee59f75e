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
import type { EntryKind } from './timeline-entries.ts';

const KIND_LABELS: Readonly<Record<EntryKind, string>> = {
  flag_raised: 'Flag raised',
  flag_cleared: 'Flag cleared',
  item_recorded: 'Intelligence recorded',
  shared: 'Shared',
  unshared: 'Sharing stopped',
  case_opened: 'Case opened',
  case_closed: 'Case closed',
  outcome: 'Outcome',
  event: 'Statutory action',
  panel_decision: 'Panel decision',
};

export function timelinePages(sql: Sql): express.Router {
  const router = express.Router();
  router.get('/areas/:code/timeline', reads('area'), async (req, res) => {
    onlyKnown(req.query, []);
    const timeline = await readTimeline(sql, accessOf(res), checked(timelinePath, req.params).code);
    renderPage(res, 'timeline/council.njk', {
      council: timeline.council,
      signedIn: accessOf(res).viewer.kind === 'user',
      entries: timeline.entries.map((e) => ({ ...e, label: KIND_LABELS[e.kind], day: formatDate(e.at), iso: e.at.toISOString() })),
    });
  });
  return router;
}
