// The account's part of the OpenAPI document: the session and API tokens.
// Inputs come from the schemas their routes check them with (api-inputs.ts).
import { ACTIONS } from '../../../domain/access/index.ts';
import { list, refusals, withMissing, answer, operation } from '../../platform/service/openapi-parts.ts';
import { ref, text, nullableText, integer, instant, object } from '../../platform/service/openapi-types.ts';
import { newTokenBody, tokenPath } from './api-inputs.ts';

export const paths = {
  '/api/session': {
    get: operation(
      'getSession',
      'Who is signed in, and the CSRF token for changes made with the session cookie (header X-CSRF-Token)',
      {},
      { 200: answer('The user (null for none) and the token.', { type: 'object', properties: { user: { type: ['object', 'null'] }, csrfToken: text } }) },
    ),
  },
  '/api/tokens': {
    get: operation('listTokens', 'Your API tokens (never their secrets)', {}, { 200: answer('Tokens.', list('ApiToken')), ...refusals }),
    post: operation(
      'makeToken',
      'Make an API token, from a signed-in session; its secret is in this response only',
      { body: newTokenBody },
      { 201: answer('Made.', { allOf: [ref('ApiToken'), { type: 'object', properties: { token: text } }] }), ...refusals },
    ),
  },
  '/api/tokens/{id}/revoke': {
    post: operation('revokeToken', 'Revoke an API token (yours, or any as an administrator)', { path: tokenPath }, { 200: answer('Revoked.', ref('ApiToken')), ...withMissing }),
  },
};

export const schemas = {
  ApiToken: object(['id', 'name', 'scopes'], {
    id: integer,
    userId: integer,
    name: text,
    scopes: { type: 'array', items: { type: 'string', enum: ACTIONS } },
    createdAt: instant,
    lastUsedAt: nullableText,
    expiresAt: nullableText,
    revokedAt: nullableText,
  }),
};
