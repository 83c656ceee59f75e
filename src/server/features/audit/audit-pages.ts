// The audit trail as a page, for administrators: the newest events, filtered
// by record, user and action, a page at a time, with the CSV export of the
// same filter. Viewing it is itself recorded.
import express from 'express';
import { formatDate } from '../../../domain/format/index.ts';
import { AUDIT_ACTIONS } from '../../../store/audit.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, reads } from '../../platform/access/index.ts';
import { auditFilter } from './audit-api.ts';
import { readTrail } from './audit-trail.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { onlyKnown } from '../../platform/http/query-params.ts';

export function auditPages(sql: Sql): express.Router {
  const router = express.Router();

  router.get('/audit', reads('audit_event'), async (req, res) => {
    onlyKnown(req.query, ['recordKind', 'recordId', 'userId', 'action', 'before']);
    const filter = auditFilter(req);
    const { items: events, total } = await readTrail(sql, accessOf(res), filter, 100);
    const query = new URLSearchParams(
      Object.entries(filter)
        .filter(([k, v]) => v !== undefined && k !== 'before')
        .map(([k, v]) => [k, String(v)]),
    );
    renderPage(res, 'access/audit.njk', {
      filter,
      total,
      actions: [{ value: '', text: 'Any' }, ...AUDIT_ACTIONS.map((a) => ({ value: a, text: a, selected: filter.action === a }))],
      events: events.map((e) => ({ ...e, when: formatDate(e.at, 'second') })),
      exportAddress: `/api/audit?${new URLSearchParams([...query, ['format', 'csv']])}`,
      nextAddress: events.length === 100 ? `/audit?${new URLSearchParams([...query, ['before', events[events.length - 1]!.id]])}` : null,
    });
  });

  return router;
}
