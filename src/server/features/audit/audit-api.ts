// The audit trail over HTTP, for administrators: filter by record, user and
// action, page back from the newest, or export every matching event as CSV.
// Reading the trail is itself recorded (one event per query or export).
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import express, { type Request } from 'express';
import Papa from 'papaparse';
import { isRecordKind } from '../../../domain/access/index.ts';
import { AUDIT_ACTIONS, countAudit, queryAudit, streamAudit, type AuditEvent, type AuditQuery } from '../../../store/audit.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, reads } from '../../platform/access/index.ts';
import { badRequest } from '../../platform/http/http-error.ts';
import { integer, onlyKnown, optionalText } from '../../platform/http/query-params.ts';

const COLUMNS = ['id', 'at', 'userId', 'actor', 'action', 'recordKind', 'recordId', 'summary', 'ip', 'userAgent'] as const;

/** Adds the routes to `router` (the flat /api router, so that the OpenAPI test sees them). */
export function auditRouter(sql: Sql, router: express.Router = express.Router()): express.Router {

  router.get('/audit', reads('audit_event'), async (req, res) => {
    onlyKnown(req.query, ['recordKind', 'recordId', 'userId', 'action', 'before', 'limit', 'format']);
    const filter = auditFilter(req);
    const format = optionalText(req.query, 'format') ?? 'json';
    if (format !== 'json' && format !== 'csv') throw badRequest(`'format' must be json or csv, not '${format}'`);
    const access = accessOf(res);
    res.set('Cache-Control', 'private, no-store');
    if (format === 'csv') {
      if ('limit' in req.query) throw badRequest("'limit' does not apply to format=csv: the export holds every matching event");
      await access.audit(sql, 'export', 'audit_event', null, describeFilter(filter));
      res.type('text/csv; charset=utf-8').attachment('lantern-audit.csv');
      await pipeline(Readable.from(auditCsv(streamAudit(sql, filter))), res).catch((error: unknown) => {
        if (!res.destroyed) throw error;
      });
      return;
    }
    const limit = integer(req.query, 'limit', 100, 1, 1000);
    const [items, total] = await Promise.all([queryAudit(sql, { ...filter, limit }), countAudit(sql, filter)]);
    await access.audit(sql, 'read', 'audit_event', null, describeFilter(filter));
    res.json({ items, total, next: items.length === limit ? `before=${items[items.length - 1]!.id}` : null });
  });

  return router;
}

export function auditFilter(req: Request): Omit<AuditQuery, 'limit'> {
  const q = req.query;
  const recordKind = optionalText(q, 'recordKind');
  if (recordKind !== undefined && !isRecordKind(recordKind)) throw badRequest(`'recordKind' is not a kind of record Lantern keeps: '${recordKind}'`);
  const action = optionalText(q, 'action');
  if (action !== undefined && !(AUDIT_ACTIONS as readonly string[]).includes(action)) throw badRequest(`'action' must be one of ${AUDIT_ACTIONS.join(', ')}`);
  const recordId = optionalText(q, 'recordId');
  const before = optionalText(q, 'before');
  if (before !== undefined && !/^\d{1,18}$/.test(before)) throw badRequest("'before' must be an audit event id");
  const userId = optionalText(q, 'userId') === undefined ? undefined : integer(q, 'userId', 0, 1, 2_147_483_647);
  return { recordKind, recordId, userId, action, before };
}

function describeFilter(filter: Omit<AuditQuery, 'limit'>): string {
  const parts = Object.entries(filter).filter(([, v]) => v !== undefined).map(([k, v]) => `${k}=${String(v)}`);
  return parts.length > 0 ? `audit trail where ${parts.join(', ')}` : 'audit trail, unfiltered';
}

/** CSV of audit events, a page at a time; cells a spreadsheet would run as formulas are escaped. */
export async function* auditCsv(pages: AsyncIterable<AuditEvent[]>): AsyncIterable<string> {
  yield COLUMNS.join(',') + '\r\n';
  for await (const events of pages) {
    const rows = events.map((e) => COLUMNS.map((c) => (c === 'at' ? e.at.toISOString() : e[c] ?? null)));
    yield Papa.unparse(rows, { escapeFormulae: true, newline: '\r\n', header: false }) + '\r\n';
  }
}
