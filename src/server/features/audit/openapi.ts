// The audit trail's part of the OpenAPI document; its parameters come from
// the schema the route checks them with (api-inputs.ts).
import { AUDIT_ACTIONS } from '../../../store/audit.ts';
import { counted, jsonOrCsv, refusals } from '../../platform/service/openapi-parts.ts';
import { queryParameters } from '../../platform/service/openapi-input.ts';
import { auditQuery } from './api-inputs.ts';

export const paths = {
  '/api/audit': {
    get: {
      operationId: 'auditTrail',
      summary: 'The audit trail, newest first, or every matching event as CSV (administrators)',
      parameters: queryParameters(auditQuery),
      responses: { 200: { description: 'Events, with how many match the filter in all (total) and the next page (next).', content: jsonOrCsv(counted('AuditEvent')) }, ...refusals },
    },
  },
};

export const schemas = {
  AuditEvent: {
    type: 'object',
    required: ['id', 'at', 'actor', 'action', 'recordKind'],
    properties: {
      id: { type: 'string' },
      at: { type: 'string', format: 'date-time' },
      userId: { type: ['integer', 'null'] },
      actor: { type: 'string' },
      action: { type: 'string', enum: AUDIT_ACTIONS },
      recordKind: { type: 'string' },
      recordId: { type: ['string', 'null'] },
      summary: { type: 'string' },
      ip: { type: ['string', 'null'] },
      userAgent: { type: ['string', 'null'] },
    },
  },
};
