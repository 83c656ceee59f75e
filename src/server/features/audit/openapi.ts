// The audit trail's part of the OpenAPI document.
import { AUDIT_ACTIONS } from '../../../store/audit.ts';
import { counted, format, jsonOrCsv, query, refusals } from '../../platform/service/openapi-parts.ts';

export const paths = {
  '/api/audit': {
    get: {
      operationId: 'auditTrail', summary: 'The audit trail, newest first, or every matching event as CSV (administrators)',
      parameters: [
        query('recordKind', 'Kind of record.'), query('recordId', 'The record.'), query('userId', 'Who.', { type: 'integer' }),
        query('action', 'What was done.', { type: 'string', enum: AUDIT_ACTIONS }), query('before', 'Events older than this id (the next page).'),
        query('limit', 'How many (default 100).', { type: 'integer', minimum: 1, maximum: 1000 }), format('csv to export every matching event.'),
      ],
      responses: { 200: { description: 'Events, with how many match the filter in all (total) and the next page (next).', content: jsonOrCsv(counted('AuditEvent')) }, ...refusals },
    },
  },
};

export const schemas = {
  AuditEvent: {
    type: 'object', required: ['id', 'at', 'actor', 'action', 'recordKind'],
    properties: {
      id: { type: 'string' }, at: { type: 'string', format: 'date-time' }, userId: { type: ['integer', 'null'] }, actor: { type: 'string' },
      action: { type: 'string', enum: AUDIT_ACTIONS }, recordKind: { type: 'string' }, recordId: { type: ['string', 'null'] }, summary: { type: 'string' },
      ip: { type: ['string', 'null'] }, userAgent: { type: ['string', 'null'] },
    },
  },
};
