// The log of shares' part of the OpenAPI document; its parameters come from
// the schemas the routes check them with (api-inputs.ts).
import { counted, refusals, withMissing, answer, operation } from '../../platform/service/openapi-parts.ts';
import { ref, text, integer, instant, anyObject, object } from '../../platform/service/openapi-types.ts';
import { feedQuery, sharePath, sharesQuery } from './api-inputs.ts';

export const paths = {
  '/api/shares': {
    get: operation(
      'listShares',
      'Shares you may see: a council sees every share about itself, even of records it may not read',
      { query: sharesQuery },
      { 200: answer('Shares, newest first, with their total, limit and offset.', counted('Share')), ...refusals },
    ),
  },
  '/api/shares/feed': {
    get: operation(
      'sharesFeed',
      "A council's feed (JSON Feed 1.1) of every share and un-share about it",
      { query: feedQuery },
      {
        200: { description: 'The feed: next_url leads to the next page, and _lantern.total says how many shares there are.', content: { 'application/feed+json': { schema: anyObject } } },
        ...refusals,
      },
    ),
  },
  '/api/shares/{id}': {
    get: operation('getShare', 'One share', { path: sharePath }, { 200: answer('The share.', ref('Share')), ...withMissing }),
  },
};

export const schemas = {
  Share: object(['id', 'record', 'with', 'reason', 'sharedBy', 'sharedAt'], {
    id: integer,
    record: anyObject,
    about: { type: ['object', 'null'] },
    with: anyObject,
    reason: text,
    sharedBy: anyObject,
    sharedAt: instant,
    revoked: { type: ['object', 'null'] },
  }),
};
