// The audit trail as a page, for administrators: the newest events, filtered
// by record, user and action, a page at a time, with the CSV export of the
// same filter. Viewing it is itself recorded. Kinds of record and people are
// chosen by name from selects; a filter that does not read is named in the
// error summary as the page labels it.
import express from 'express';
import { RECORD_KIND_LABELS, RECORD_KINDS } from '../../../domain/access/index.ts';
import { formatDate } from '../../../domain/format/index.ts';
import { AUDIT_ACTIONS } from '../../../store/audit.ts';
import type { Sql } from '../../../store/store.ts';
import { listUsers } from '../../../store/users.ts';
import { accessOf, reads } from '../../platform/access/index.ts';
import { auditFilter } from './audit-api.ts';
import { readTrail } from './audit-trail.ts';
import { capitalise, problemsOf, type FieldProblem } from '../../platform/http/checked-input.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { onlyKnown } from '../../platform/http/query-params.ts';

/** The filters as the page labels them, and what to do when one does not read. */
const FILTER_WORDS: Readonly<Record<string, string>> = {
  recordKind: 'Kind of record: choose one of the kinds offered',
  recordId: 'Record: enter the record’s number or code as the trail shows it',
  userId: 'User: choose one of the people offered',
  action: 'Action: choose one of the actions offered',
  before: 'The next page’s address is not one Lantern made: start again from the first page',
};

export function auditPages(sql: Sql): express.Router {
  const router = express.Router();

  router.get('/audit', reads('audit_event'), async (req, res) => {
    onlyKnown(req.query, ['recordKind', 'recordId', 'userId', 'action', 'before']);
    // A filter that does not read comes back in the error summary, naming the field as labelled, over the whole trail.
    let problems: FieldProblem[] = [];
    let filter: ReturnType<typeof auditFilter> = {};
    try {
      filter = auditFilter(req);
    } catch (error) {
      problems = problemsOf(error).map((p) => ({ field: p.field, message: FILTER_WORDS[p.field] ?? p.message }));
    }
    const { items: events, total } = await readTrail(sql, accessOf(res), filter, 100);
    const query = new URLSearchParams(
      Object.entries(filter)
        .filter(([k, v]) => v !== undefined && k !== 'before')
        .map(([k, v]) => [k, String(v)]),
    );
    const users = await listUsers(sql);
    renderPage(
      res,
      'access/audit.njk',
      {
        filter,
        total,
        problems,
        recordKinds: [
          { value: '', text: 'Any' },
          ...RECORD_KINDS.map((k) => ({ value: k, text: capitalise(RECORD_KIND_LABELS[k]), selected: filter.recordKind === k })).sort((a, b) => a.text.localeCompare(b.text, 'en-GB')),
        ],
        users: [
          { value: '', text: 'Anyone' },
          ...[...users].sort((a, b) => a.name.localeCompare(b.name, 'en-GB')).map((u) => ({ value: String(u.id), text: `${u.name} (${u.email})`, selected: filter.userId === u.id })),
        ],
        actions: [{ value: '', text: 'Any' }, ...AUDIT_ACTIONS.map((a) => ({ value: a, text: a.replace(/_/g, ' '), selected: filter.action === a }))],
        events: events.map((e) => ({ ...e, when: formatDate(e.at, 'second'), kindWords: e.recordKind.replace(/_/g, ' ') })),
        exportAddress: `/api/audit?${new URLSearchParams([...query, ['format', 'csv']])}`,
        nextAddress: events.length === 100 ? `/audit?${new URLSearchParams([...query, ['before', events[events.length - 1]!.id]])}` : null,
      },
      problems.length > 0 ? 400 : 200,
    );
  });

  return router;
}
