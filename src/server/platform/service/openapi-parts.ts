// The pieces every feature's part of the OpenAPI document is made of
// (src/server/openapi.ts puts the parts together): an operation, how an
// answer, a list and an error are written, the refusals every guarded
// operation may answer, the bodies of a share and an un-share, and the
// schemas and security schemes the whole API shares (the types fields are
// made of are in openapi-types.ts). Parameters and request bodies come from
// the schemas the routes check them with (openapi-input.ts), so a feature's
// openapi.ts says only what is particular to its routes.
import { ACTIONS, DENIAL_REASONS } from '../../../domain/access/index.ts';
import { shareBody, unshareBody } from '../access/share-inputs.ts';
import type { z } from '../http/input-schema.ts';
import { jsonBody, pathParameters, queryParameters } from './openapi-input.ts';
import { ref } from './openapi-types.ts';

export const json = (schema: object) => ({ 'application/json': { schema } });
export const list = (item: string) => ({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref(item) } } });
/** A page of a list that says how many there are in all: nothing is ever cut off unsaid. */
export const counted = (item: string) => ({
  ...list(item),
  required: ['items', 'total'],
  properties: { ...list(item).properties, total: { type: 'integer', description: 'How many there are in all.' } },
});
/** An answer in JSON, or in CSV where the operation's format=csv asks for it. */
export const jsonOrCsv = (schema: object) => ({ ...json(schema), 'text/csv': { schema: { type: 'string' } } });
export const body = (schema: object) => ({ required: true, content: json(schema) });
export const error = (description: string) => ({ description, content: json(ref('Error')) });
/** A response in JSON: what it is, and its schema. */
export const answer = (description: string, schema: object) => ({ description, content: json(schema) });

/** What an operation's route reads: path and query parameters and a JSON body from the schemas it checks them with, or a request body written out. */
interface Inputs {
  readonly path?: z.ZodObject;
  readonly query?: z.ZodObject;
  readonly body?: z.ZodType;
  readonly requestBody?: object;
  readonly parameters?: readonly object[];
}

/** One operation: its id and summary, what its route reads, and its responses by status. */
export function operation(operationId: string, summary: string, inputs: Inputs, responses: object) {
  const parameters = [...(inputs.path ? pathParameters(inputs.path) : []), ...(inputs.query ? queryParameters(inputs.query) : []), ...(inputs.parameters ?? [])];
  const requestBody = inputs.body ? jsonBody(inputs.body) : inputs.requestBody;
  return { operationId, summary, ...(parameters.length > 0 ? { parameters } : {}), ...(requestBody ? { requestBody } : {}), responses };
}

/** The public data's errors. */
export const errors = {
  400: { description: 'A parameter was wrong; the message says which and why.', content: json(ref('Error')) },
  404: { description: 'No such thing.', content: json(ref('Error')) },
};

/** Every guarded operation's refusals: 401 (sign in) or 403 (which access is missing, in details.missing); an unreadable record is a 404. */
export const refusals = {
  400: error('A field or parameter was wrong; the message names it.'),
  401: error('Sign in (a session, or an API token in the Authorization header).'),
  403: error('Refused: the message says which access is missing, and details.missing its reason.'),
};
export const withMissing = { ...refusals, 404: error('No such record, or none that you may read.') };

/** The body of a share: with whom, and why; from the schema the sharing use-case reads it with. */
export const shareRequest = jsonBody(shareBody);
/** The body of an un-share: why. */
export const unshareRequest = jsonBody(unshareBody);

/** Names one of a shared record's operations, and the schema its route checks the path with. */
interface ShareOperation {
  readonly operationId: string;
  readonly summary: string;
  readonly path: z.ZodObject;
}

/**
 * A shared record's two operations, one path each: sharing it (with whom and
 * why) and un-sharing one of its shares (why).
 */
export function shareOperations(share: ShareOperation, unshare: ShareOperation) {
  return {
    share: { post: operation(share.operationId, share.summary, { path: share.path, requestBody: shareRequest }, { 201: answer('Shared.', ref('Share')), ...withMissing }) },
    unshare: { post: operation(unshare.operationId, unshare.summary, { path: unshare.path, requestBody: unshareRequest }, { 200: answer('Revoked.', ref('Share')), ...withMissing }) },
  };
}

/** A GET operation: its parameters, its answer (200) and how it may fail. */
export const getOperation = (operationId: string, summary: string, parameters: readonly object[], found: { description: string; content: object }, failures: object = errors) => ({
  get: operation(operationId, summary, { parameters }, { 200: found, ...failures }),
});

export const platformSchemas = {
  Error: {
    type: 'object',
    required: ['status', 'code', 'message'],
    properties: { status: { type: 'integer' }, code: { type: 'string' }, message: { type: 'string' }, details: {} },
  },
  Refusal: {
    type: 'object',
    properties: { missing: { type: 'string', enum: DENIAL_REASONS }, action: { type: 'string', enum: ACTIONS }, kind: { type: 'string' } },
  },
};

export const securitySchemes = {
  apiToken: { type: 'http', scheme: 'bearer', description: 'An API token made on your account page (lantern_…), with the scopes it needs.' },
  session: { type: 'apiKey', in: 'cookie', name: 'lantern_session', description: 'A signed-in browser session; changes also need the X-CSRF-Token header (GET /api/session).' },
};
