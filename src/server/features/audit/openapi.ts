// The audit trail's part of the OpenAPI document; its parameters come from
// the schema the route checks them with (api-inputs.ts).
import { AUDIT_ACTIONS } from '../../../store/audit.ts';
import { counted, jsonOrCsv, refusals, operation } from '../../platform/service/openapi-parts.ts';
import { text, nullableText, instant, object, nullable } from '../../platform/service/openapi-types.ts';
import { auditQuery } from './api-inputs.ts';

export const paths = {
  '/api/audit': {
    get: operation(
      'auditTrail',
      'The audit trail, newest first, or every matching event as CSV (administrators)',
      { query: auditQuery },
      { 200: { description: 'Events, with how many match the filter in all (total) and the next page (next).', content: jsonOrCsv(counted('AuditEvent')) }, ...refusals },
    ),
  },
};

export const schemas = {
  AuditEvent: object(['id', 'at', 'actor', 'action', 'recordKind'], {
    id: text,
    at: instant,
    userId: nullable('integer'),
    actor: text,
    action: { type: 'string', enum: AUDIT_ACTIONS },
    recordKind: text,
    recordId: nullableText,
    summary: text,
    ip: nullableText,
    userAgent: nullableText,
  }),
};
