// The log of shares' part of the OpenAPI document.
import { ref, query, path, json, counted, recordPaging, refusals, withMissing } from '../../platform/service/openapi-parts.ts';

export const paths = {
  '/api/shares': {
    get: {
      operationId: 'listShares', summary: 'Shares you may see: a council sees every share about itself, even of records it may not read',
      parameters: [query('about', 'Council GSS code.'), query('recordKind', 'Kind of record shared.', { type: 'string', enum: ['intelligence_item', 'observation'] }), query('recordId', 'The record.'), ...recordPaging],
      responses: { 200: { description: 'Shares, newest first, with their total, limit and offset.', content: json(counted('Share')) }, ...refusals },
    },
  },
  '/api/shares/feed': {
    get: {
      operationId: 'sharesFeed', summary: "A council's feed (JSON Feed 1.1) of every share and un-share about it",
      parameters: [
        query('about', "Council GSS code (default: your own council's)."), query('limit', 'How many shares a page (default 100).', { type: 'integer', minimum: 1, maximum: 1000 }),
        query('offset', 'How many to skip: next_url gives the next page.', { type: 'integer', minimum: 0 }),
      ],
      responses: { 200: { description: 'The feed: next_url leads to the next page, and _lantern.total says how many shares there are.', content: { 'application/feed+json': { schema: { type: 'object' } } } }, ...refusals },
    },
  },
  '/api/shares/{id}': {
    get: { operationId: 'getShare', summary: 'One share', parameters: [path('id', 'Share id.', { type: 'integer' })], responses: { 200: { description: 'The share.', content: json(ref('Share')) }, ...withMissing } },
  },
};

export const schemas = {
  Share: {
    type: 'object', required: ['id', 'record', 'with', 'reason', 'sharedBy', 'sharedAt'],
    properties: {
      id: { type: 'integer' }, record: { type: 'object' }, about: { type: ['object', 'null'] }, with: { type: 'object' }, reason: { type: 'string' },
      sharedBy: { type: 'object' }, sharedAt: { type: 'string', format: 'date-time' }, revoked: { type: ['object', 'null'] },
    },
  },
};
