// Monitoring's part of the OpenAPI document. `/api/agreements` is shared with
// the targets feature (its POST records an agreement); src/server/openapi.ts
// merges the two by method.
import { json, jsonOrCsv, list, ref, refusals } from '../../platform/service/openapi-parts.ts';
import { queryParameters } from '../../platform/service/openapi-input.ts';
import { monitoringQuery } from './api-inputs.ts';

export const paths = {
  '/api/agreements': {
    get: {
      operationId: 'monitorAgreements',
      summary: 'Agreements of a region or England that you may read, with targets counted by RAG and likelihood, trouble first',
      parameters: queryParameters(monitoringQuery),
      responses: { 200: { description: 'Monitoring lines.', content: json(list('MonitoringLine')) }, ...refusals },
    },
  },
  '/api/agreements.csv': {
    get: {
      operationId: 'monitorAgreementsCsv',
      summary: 'The monitoring view as CSV, in the same order',
      parameters: queryParameters(monitoringQuery),
      responses: { 200: { description: 'One line an agreement.', content: jsonOrCsv({ type: 'string' }) }, ...refusals },
    },
  },
};

export const schemas = {
  MonitoringLine: {
    type: 'object',
    required: ['agreement', 'targets', 'rag', 'likelihood'],
    properties: { agreement: ref('Agreement'), targets: { type: 'integer' }, rag: { type: 'object' }, likelihood: { type: 'object' } },
  },
};
