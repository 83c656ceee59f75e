// The timeline's part of the OpenAPI document; its parameter comes from the
// schema the route checks it with (api-inputs.ts).
import { json, ref, withMissing } from '../../platform/service/openapi-parts.ts';
import { pathParameters, queryParameters } from '../../platform/service/openapi-input.ts';
import { timelinePath, timelineQuery } from './api-inputs.ts';
import { ENTRY_KINDS } from './timeline-entries.ts';

export const paths = {
  '/api/areas/{code}/timeline': {
    get: {
      operationId: 'councilTimeline',
      summary:
        "A council's timeline, newest first: flags raised and cleared, intelligence recorded, shares, improvement cases, outcomes, statutory action and the Panel's decisions, only those you may see (reads of restricted and confidential records are audited)",
      parameters: [...pathParameters(timelinePath), ...queryParameters(timelineQuery)],
      responses: { 200: { description: 'The timeline.', content: json(ref('Timeline')) }, ...withMissing },
    },
  },
};

export const schemas = {
  Timeline: {
    type: 'object',
    required: ['council', 'total', 'entries', 'limit', 'offset'],
    properties: {
      total: { type: 'integer', description: 'How many entries you may see in all; entries is the page of them asked for.' },
      limit: { type: 'integer' },
      offset: { type: 'integer' },
      council: { type: 'object', required: ['code', 'name'], properties: { code: { type: 'string' }, name: { type: 'string' } } },
      entries: {
        type: 'array',
        items: {
          type: 'object',
          required: ['at', 'kind', 'sentence', 'record', 'href'],
          properties: {
            at: { type: 'string', format: 'date-time' },
            kind: { type: 'string', enum: ENTRY_KINDS },
            sentence: { type: 'string' },
            record: { type: 'object', required: ['kind', 'id'], properties: { kind: { type: 'string' }, id: { type: 'string' } } },
            href: { type: 'string', description: 'The page of the record.' },
          },
        },
      },
    },
  },
};
