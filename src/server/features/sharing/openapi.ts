// The log of shares' part of the OpenAPI document; its parameters come from
// the schemas the routes check them with (api-inputs.ts).
import { ref, json, counted, refusals, withMissing } from '../../platform/service/openapi-parts.ts';
import { pathParameters, queryParameters } from '../../platform/service/openapi-input.ts';
import { feedQuery, sharePath, sharesQuery } from './api-inputs.ts';

export const paths = {
  '/api/shares': {
    get: {
      operationId: 'listShares',
      summary: 'Shares you may see: a council sees every share about itself, even of records it may not read',
      parameters: queryParameters(sharesQuery),
      responses: { 200: { description: 'Shares, newest first, with their total, limit and offset.', content: json(counted('Share')) }, ...refusals },
    },
  },
  '/api/shares/feed': {
    get: {
      operationId: 'sharesFeed',
      summary: "A council's feed (JSON Feed 1.1) of every share and un-share about it",
      parameters: queryParameters(feedQuery),
      responses: {
        200: { description: 'The feed: next_url leads to the next page, and _lantern.total says how many shares there are.', content: { 'application/feed+json': { schema: { type: 'object' } } } },
        ...refusals,
      },
    },
  },
  '/api/shares/{id}': {
    get: { operationId: 'getShare', summary: 'One share', parameters: pathParameters(sharePath), responses: { 200: { description: 'The share.', content: json(ref('Share')) }, ...withMissing } },
  },
};

export const schemas = {
  Share: {
    type: 'object',
    required: ['id', 'record', 'with', 'reason', 'sharedBy', 'sharedAt'],
    properties: {
      id: { type: 'integer' },
      record: { type: 'object' },
      about: { type: ['object', 'null'] },
      with: { type: 'object' },
      reason: { type: 'string' },
      sharedBy: { type: 'object' },
      sharedAt: { type: 'string', format: 'date-time' },
      revoked: { type: ['object', 'null'] },
    },
  },
};
