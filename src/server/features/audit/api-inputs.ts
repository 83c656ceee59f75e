// The audit trail's inputs, one schema each: the route and the page read
// their checked filter from these, and the OpenAPI document describes the
// parameters from them.
import { RECORD_KINDS } from '../../../domain/access/index.ts';
import { AUDIT_ACTIONS } from '../../../store/audit.ts';
import { fromQuery, fromQueryOr, oneOf, wholeNumber, z } from '../../platform/http/input-schema.ts';

/** Which events: by record, user and action, older than an event. */
export const auditFilterQuery = z.object({
  recordKind: fromQuery(z.enum(RECORD_KINDS, { error: (issue) => `is not a kind of record Lantern keeps: '${String(issue.input)}'` })).describe('Kind of record.'),
  recordId: fromQuery(z.string()).describe('The record.'),
  userId: fromQuery(wholeNumber(1, 2_147_483_647)).describe('Who.'),
  action: fromQuery(z.enum(AUDIT_ACTIONS, { error: `must be one of ${AUDIT_ACTIONS.join(', ')}` })).describe('What was done.'),
  before: fromQuery(z.string().regex(/^\d{1,18}$/, 'must be an audit event id')).describe('Events older than this id (the next page).'),
});

export const auditQuery = auditFilterQuery.extend({
  limit: fromQueryOr(wholeNumber(1, 1000), 100).describe('How many (default 100).'),
  format: fromQueryOr(oneOf(['json', 'csv']), 'json').describe('csv to export every matching event.'),
});
