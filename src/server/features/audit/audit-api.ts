// The audit trail over HTTP, for administrators: filter by record, user and
// action, page back from the newest, or export every matching event as CSV.
// Reading the trail is itself recorded (one event per query or export).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import express, { type Request } from 'express';
import Papa from 'papaparse';
import type { AuditEvent, AuditQuery } from '../../../store/audit.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, reads } from '../../platform/access/index.ts';
import { badRequest } from '../../platform/http/http-error.ts';
import { checked, checkedQuery } from '../../platform/http/input-schema.ts';
import { auditFilterQuery, auditQuery } from './api-inputs.ts';
import { exportTrail, readTrail } from './audit-trail.ts';

const COLUMNS = ['id', 'at', 'userId', 'actor', 'action', 'recordKind', 'recordId', 'summary', 'ip', 'userAgent'] as const;

/** Adds the routes to `router` (the flat /api router, so that the OpenAPI test sees them). */
export function auditRouter(sql: Sql, router: express.Router = express.Router()): express.Router {
  router.get('/audit', reads('audit_event'), async (req, res) => {
    const { limit, format, ...filter } = checkedQuery(auditQuery, req.query);
    const access = accessOf(res);
    res.set('Cache-Control', 'private, no-store');
    if (format === 'csv') {
      if ('limit' in req.query) throw badRequest("'limit' does not apply to format=csv: the export holds every matching event");
      const pages = await exportTrail(sql, access, filter);
      res.type('text/csv; charset=utf-8').attachment('lantern-audit.csv');
      await pipeline(Readable.from(auditCsv(pages)), res).catch((error: unknown) => {
        if (!res.destroyed) throw error;
      });
      return;
    }
    const { items, total } = await readTrail(sql, access, filter, limit);
    res.json({ items, total, next: items.length === limit ? `before=${items[items.length - 1]!.id}` : null });
  });

  return router;
}

/** The filter of the trail the address asks for (the page's as well as the API's). */
export function auditFilter(req: Request): Omit<AuditQuery, 'limit'> {
  return checked(auditFilterQuery, req.query);
}

/** CSV of audit events, a page at a time; cells a spreadsheet would run as formulas are escaped. */
export async function* auditCsv(pages: AsyncIterable<AuditEvent[]>): AsyncIterable<string> {
  yield COLUMNS.join(',') + '\r\n';
  for await (const events of pages) {
    const rows = events.map((e) => COLUMNS.map((c) => (c === 'at' ? e.at.toISOString() : (e[c] ?? null))));
    yield Papa.unparse(rows, { escapeFormulae: true, newline: '\r\n', header: false }) + '\r\n';
  }
}
