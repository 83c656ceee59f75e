// The account's part of the OpenAPI document: the session and API tokens.
// Inputs come from the schemas their routes check them with (api-inputs.ts).
import { ACTIONS } from '../../../domain/access/index.ts';
import { ref, json, list, refusals, withMissing } from '../../platform/service/openapi-parts.ts';
import { jsonBody, pathParameters } from '../../platform/service/openapi-input.ts';
import { newTokenBody, tokenPath } from './api-inputs.ts';

export const paths = {
  '/api/session': {
    get: {
      operationId: 'getSession',
      summary: 'Who is signed in, and the CSRF token for changes made with the session cookie (header X-CSRF-Token)',
      responses: {
        200: { description: 'The user (null for none) and the token.', content: json({ type: 'object', properties: { user: { type: ['object', 'null'] }, csrfToken: { type: 'string' } } }) },
      },
    },
  },
  '/api/tokens': {
    get: { operationId: 'listTokens', summary: 'Your API tokens (never their secrets)', responses: { 200: { description: 'Tokens.', content: json(list('ApiToken')) }, ...refusals } },
    post: {
      operationId: 'makeToken',
      summary: 'Make an API token, from a signed-in session; its secret is in this response only',
      requestBody: jsonBody(newTokenBody),
      responses: { 201: { description: 'Made.', content: json({ allOf: [ref('ApiToken'), { type: 'object', properties: { token: { type: 'string' } } }] }) }, ...refusals },
    },
  },
  '/api/tokens/{id}/revoke': {
    post: {
      operationId: 'revokeToken',
      summary: 'Revoke an API token (yours, or any as an administrator)',
      parameters: pathParameters(tokenPath),
      responses: { 200: { description: 'Revoked.', content: json(ref('ApiToken')) }, ...withMissing },
    },
  },
};

export const schemas = {
  ApiToken: {
    type: 'object',
    required: ['id', 'name', 'scopes'],
    properties: {
      id: { type: 'integer' },
      userId: { type: 'integer' },
      name: { type: 'string' },
      scopes: { type: 'array', items: { type: 'string', enum: ACTIONS } },
      createdAt: { type: 'string', format: 'date-time' },
      lastUsedAt: { type: ['string', 'null'] },
      expiresAt: { type: ['string', 'null'] },
      revokedAt: { type: ['string', 'null'] },
    },
  },
};
