// The OpenAPI description of who may see what: the session, API tokens,
// intelligence items and their shares, the log of shares and its feed, the
// audit trail, and administration. Spread into the document in openapi.ts.
// Every operation's refusals are 401 (sign in) or 403 (which access is
// missing, in details.missing); an unreadable record is a 404.
import { ACTIONS, CLASSIFICATIONS, DENIAL_REASONS, ORGANISATION_KINDS, RISK_FACTORS, ROLES } from '../../domain/access/index.ts';
import { AUDIT_ACTIONS } from '../../store/audit.ts';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const json = (schema: object) => ({ 'application/json': { schema } });
const query = (name: string, description: string, schema: object = { type: 'string' }) => ({ name, in: 'query', required: false, description, schema });
const path = (name: string, description: string, schema: object = { type: 'string' }) => ({ name, in: 'path', required: true, description, schema });
const list = (item: string) => ({ type: 'object', required: ['items'], properties: { items: { type: 'array', items: ref(item) } } });
/** A page of a list that says how many there are in all: nothing is ever cut off unsaid. */
const counted = (item: string) => ({ ...list(item), required: ['items', 'total'], properties: { ...list(item).properties, total: { type: 'integer', description: 'How many there are in all.' } } });
const body = (schema: object) => ({ required: true, content: json(schema) });
const error = (description: string) => ({ description, content: json(ref('Error')) });
const refusals = {
  400: error('A field or parameter was wrong; the message names it.'),
  401: error('Sign in (a session, or an API token in the Authorization header).'),
  403: error('Refused: the message says which access is missing, and details.missing its reason.'),
};
const withMissing = { ...refusals, 404: error('No such record, or none that you may read.') };
const paging = [query('limit', 'How many (default 100).', { type: 'integer', minimum: 1 }), query('offset', 'How many to skip.', { type: 'integer', minimum: 0 })];
const recipient = {
  type: 'object', required: ['reason'],
  description: 'With whom: exactly one of organisationId, userId or userEmail.',
  properties: { organisationId: { type: 'integer' }, userId: { type: 'integer' }, userEmail: { type: 'string' }, reason: { type: 'string', minLength: 10, maxLength: 2000 } },
};
const reason = { type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 10, maxLength: 2000 } } };
const evidence = {
  oneOf: [
    { type: 'object', required: ['kind', 'metric', 'area', 'period'], properties: { kind: { const: 'observation' }, metric: { type: 'string' }, area: { type: 'string' }, period: { type: 'string' } } },
    { type: 'object', required: ['kind', 'description'], properties: { kind: { const: 'source' }, description: { type: 'string', minLength: 10 }, url: { type: ['string', 'null'] } } },
  ],
};
const itemFields = {
  subjectArea: { type: 'string', description: 'GSS code of the council.' }, riskFactor: { type: 'string', enum: RISK_FACTORS },
  title: { type: 'string', maxLength: 200 }, note: { type: 'string', minLength: 20, maxLength: 10000 }, evidence: { type: 'array', items: evidence },
  classification: { type: 'string', enum: CLASSIFICATIONS, default: 'confidential' }, shareable: { type: 'boolean', default: false, description: 'Only with evidence.' },
};

export const accessPaths = {
  '/api/session': {
    get: {
      operationId: 'getSession', summary: 'Who is signed in, and the CSRF token for changes made with the session cookie (header X-CSRF-Token)',
      responses: { 200: { description: 'The user (null for none) and the token.', content: json({ type: 'object', properties: { user: { type: ['object', 'null'] }, csrfToken: { type: 'string' } } }) } },
    },
  },
  '/api/tokens': {
    get: { operationId: 'listTokens', summary: 'Your API tokens (never their secrets)', responses: { 200: { description: 'Tokens.', content: json(list('ApiToken')) }, ...refusals } },
    post: {
      operationId: 'makeToken', summary: 'Make an API token, from a signed-in session; its secret is in this response only',
      requestBody: body({ type: 'object', required: ['name', 'scopes'], properties: { name: { type: 'string' }, scopes: { type: 'array', items: { type: 'string', enum: ACTIONS } }, expiresInDays: { type: 'integer', minimum: 1, maximum: 366 } } }),
      responses: { 201: { description: 'Made.', content: json({ allOf: [ref('ApiToken'), { type: 'object', properties: { token: { type: 'string' } } }] }) }, ...refusals },
    },
  },
  '/api/tokens/{id}/revoke': {
    post: { operationId: 'revokeToken', summary: 'Revoke an API token (yours, or any as an administrator)', parameters: [path('id', 'Token id.', { type: 'integer' })], responses: { 200: { description: 'Revoked.', content: json(ref('ApiToken')) }, ...withMissing } },
  },
  '/api/intelligence': {
    get: {
      operationId: 'listIntelligence', summary: 'Intelligence items you may read, newest first (reads of restricted and confidential items are audited)',
      parameters: [query('about', 'Council GSS code.'), query('riskFactor', 'Risk factor.', { type: 'string', enum: RISK_FACTORS }), query('q', 'Words in the title or note.'), ...paging],
      responses: { 200: { description: 'Items.', content: json(list('IntelligenceItem')) }, ...refusals },
    },
    post: {
      operationId: 'recordIntelligence', summary: 'Record an intelligence item (principal advisers)',
      requestBody: body({ type: 'object', required: ['subjectArea', 'riskFactor', 'title', 'note'], properties: itemFields }),
      responses: { 201: { description: 'Recorded.', content: json(ref('IntelligenceItem')) }, ...refusals },
    },
  },
  '/api/intelligence/{id}': {
    get: { operationId: 'getIntelligence', summary: 'One intelligence item and the shares of it you may see', parameters: [path('id', 'Item id.', { type: 'integer' })], responses: { 200: { description: 'The item.', content: json(ref('IntelligenceItem')) }, ...withMissing } },
    patch: {
      operationId: 'changeIntelligence', summary: 'Change an intelligence item (its author)', parameters: [path('id', 'Item id.', { type: 'integer' })],
      requestBody: body({ type: 'object', properties: itemFields }), responses: { 200: { description: 'Changed.', content: json(ref('IntelligenceItem')) }, ...withMissing },
    },
  },
  '/api/intelligence/{id}/shares': {
    post: {
      operationId: 'shareIntelligence', summary: 'Share a restricted or confidential item that has its evidence, saying why; the council sees it',
      parameters: [path('id', 'Item id.', { type: 'integer' })], requestBody: body(recipient), responses: { 201: { description: 'Shared.', content: json(ref('Share')) }, ...withMissing },
    },
  },
  '/api/intelligence/{id}/shares/{shareId}/revoke': {
    post: {
      operationId: 'unshareIntelligence', summary: 'Stop sharing an item, saying why; the council sees this too',
      parameters: [path('id', 'Item id.', { type: 'integer' }), path('shareId', 'Share id.', { type: 'integer' })], requestBody: body(reason),
      responses: { 200: { description: 'Revoked.', content: json(ref('Share')) }, ...withMissing },
    },
  },
  '/api/shares': {
    get: {
      operationId: 'listShares', summary: 'Shares you may see: a council sees every share about itself, even of records it may not read',
      parameters: [query('about', 'Council GSS code.'), query('recordKind', 'Kind of record shared.', { type: 'string', enum: ['intelligence_item', 'observation'] }), query('recordId', 'The record.'), ...paging],
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
  '/api/audit': {
    get: {
      operationId: 'auditTrail', summary: 'The audit trail, newest first, or every matching event as CSV (administrators)',
      parameters: [
        query('recordKind', 'Kind of record.'), query('recordId', 'The record.'), query('userId', 'Who.', { type: 'integer' }),
        query('action', 'What was done.', { type: 'string', enum: AUDIT_ACTIONS }), query('before', 'Events older than this id (the next page).'),
        query('limit', 'How many (default 100).', { type: 'integer', minimum: 1, maximum: 1000 }), query('format', 'csv to export every matching event.', { type: 'string', enum: ['json', 'csv'] }),
      ],
      responses: { 200: { description: 'Events, with how many match the filter in all (total) and the next page (next).', content: { ...json(counted('AuditEvent')), 'text/csv': { schema: { type: 'string' } } } }, ...refusals },
    },
  },
  '/api/admin/organisations': {
    get: { operationId: 'listOrganisations', summary: 'Organisations (any signed-in user: they are whom one shares with)', responses: { 200: { description: 'Organisations.', content: json(list('Organisation')) }, ...refusals } },
    post: {
      operationId: 'addOrganisation', summary: 'Add an organisation (administrators); a council names its area',
      requestBody: body({ type: 'object', required: ['name', 'kind'], properties: { name: { type: 'string' }, kind: { type: 'string', enum: ORGANISATION_KINDS }, areaCode: { type: 'string' } } }),
      responses: { 201: { description: 'Added.', content: json(ref('Organisation')) }, ...refusals, 409: error('The name, or the council for that area, is taken.') },
    },
  },
  '/api/admin/users': {
    get: { operationId: 'listUsers', summary: 'Users (administrators; others see themselves)', responses: { 200: { description: 'Users.', content: json(list('User')) }, ...refusals } },
    post: {
      operationId: 'addUser', summary: 'Add a user (administrators); without a password one is made and returned once',
      requestBody: body({ type: 'object', required: ['email', 'name', 'organisationId', 'role'], properties: { email: { type: 'string' }, name: { type: 'string' }, organisationId: { type: 'integer' }, role: { type: 'string', enum: ROLES }, password: { type: 'string', minLength: 12 } } }),
      responses: { 201: { description: 'Added.', content: json(ref('User')) }, ...refusals, 409: error('The email address is taken.') },
    },
  },
  '/api/admin/users/{id}': {
    patch: {
      operationId: 'changeUser', summary: "Change a user's role, or disable or enable them (administrators)", parameters: [path('id', 'User id.', { type: 'integer' })],
      requestBody: body({ type: 'object', properties: { role: { type: 'string', enum: ROLES }, disabled: { type: 'boolean' } } }),
      responses: { 200: { description: 'Changed.', content: json(ref('User')) }, ...withMissing },
    },
  },
  '/api/admin/early-sight': {
    get: { operationId: 'listEarlySight', summary: 'Early-sight metrics, their embargo ends, and (for administrators) their partners', responses: { 200: { description: 'Releases.', content: json({ type: 'object' }) }, ...refusals } },
  },
  '/api/admin/early-sight/{metric}/embargo': {
    put: {
      operationId: 'setEmbargo', summary: "Set the instant an early-sight metric's observations become public (administrators)", parameters: [path('metric', 'Metric code.')],
      requestBody: body({ type: 'object', required: ['embargoUntil'], properties: { embargoUntil: { type: ['string', 'null'], format: 'date-time' } } }),
      responses: { 200: { description: 'Set.', content: json({ type: 'object' }) }, ...withMissing },
    },
  },
  '/api/admin/early-sight/{metric}/shares': {
    post: {
      operationId: 'shareEarlySight', summary: 'Name a partner of an early-sight release (administrators); every council sees it',
      parameters: [path('metric', 'Metric code.')], requestBody: body(recipient), responses: { 201: { description: 'Shared.', content: json(ref('Share')) }, ...withMissing },
    },
  },
  '/api/admin/early-sight/{metric}/shares/{shareId}/revoke': {
    post: {
      operationId: 'unshareEarlySight', summary: 'Stop sharing an early-sight release with a partner (administrators)',
      parameters: [path('metric', 'Metric code.'), path('shareId', 'Share id.', { type: 'integer' })], requestBody: body(reason),
      responses: { 200: { description: 'Revoked.', content: json(ref('Share')) }, ...withMissing },
    },
  },
};

export const accessSchemas = {
  ApiToken: {
    type: 'object', required: ['id', 'name', 'scopes'],
    properties: {
      id: { type: 'integer' }, userId: { type: 'integer' }, name: { type: 'string' }, scopes: { type: 'array', items: { type: 'string', enum: ACTIONS } },
      createdAt: { type: 'string', format: 'date-time' }, lastUsedAt: { type: ['string', 'null'] }, expiresAt: { type: ['string', 'null'] }, revokedAt: { type: ['string', 'null'] },
    },
  },
  IntelligenceItem: {
    type: 'object', required: ['id', 'about', 'riskFactor', 'title', 'note', 'classification'],
    properties: {
      id: { type: 'integer' }, about: { type: 'object' }, riskFactor: { type: 'string', enum: RISK_FACTORS }, title: { type: 'string' }, note: { type: 'string' },
      evidence: { type: 'array', items: evidence }, classification: { type: 'string', enum: CLASSIFICATIONS }, shareable: { type: 'boolean' },
      author: { type: 'object' }, organisation: { type: 'object' }, shares: { type: 'array', items: ref('Share') },
      createdAt: { type: 'string', format: 'date-time' }, updatedAt: { type: 'string', format: 'date-time' },
    },
  },
  Share: {
    type: 'object', required: ['id', 'record', 'with', 'reason', 'sharedBy', 'sharedAt'],
    properties: {
      id: { type: 'integer' }, record: { type: 'object' }, about: { type: ['object', 'null'] }, with: { type: 'object' }, reason: { type: 'string' },
      sharedBy: { type: 'object' }, sharedAt: { type: 'string', format: 'date-time' }, revoked: { type: ['object', 'null'] },
    },
  },
  AuditEvent: {
    type: 'object', required: ['id', 'at', 'actor', 'action', 'recordKind'],
    properties: {
      id: { type: 'string' }, at: { type: 'string', format: 'date-time' }, userId: { type: ['integer', 'null'] }, actor: { type: 'string' },
      action: { type: 'string', enum: AUDIT_ACTIONS }, recordKind: { type: 'string' }, recordId: { type: ['string', 'null'] }, summary: { type: 'string' },
      ip: { type: ['string', 'null'] }, userAgent: { type: ['string', 'null'] },
    },
  },
  Organisation: {
    type: 'object', required: ['id', 'name', 'kind'],
    properties: { id: { type: 'integer' }, name: { type: 'string' }, kind: { type: 'string', enum: ORGANISATION_KINDS }, areaCode: { type: ['string', 'null'] }, areaName: { type: ['string', 'null'] }, users: { type: 'integer' } },
  },
  User: {
    type: 'object', required: ['id', 'email', 'name', 'role'],
    properties: {
      id: { type: 'integer' }, email: { type: 'string' }, name: { type: 'string' }, role: { type: 'string', enum: ROLES }, organisationId: { type: 'integer' },
      organisationName: { type: 'string' }, councilArea: { type: ['string', 'null'] }, disabled: { type: 'boolean' }, password: { type: 'string', description: 'Only when Lantern made it.' },
    },
  },
  Refusal: {
    type: 'object', properties: { missing: { type: 'string', enum: DENIAL_REASONS }, action: { type: 'string', enum: ACTIONS }, kind: { type: 'string' } },
  },
};

export const accessSecuritySchemes = {
  apiToken: { type: 'http', scheme: 'bearer', description: 'An API token made on your account page (lantern_…), with the scopes it needs.' },
  session: { type: 'apiKey', in: 'cookie', name: 'lantern_session', description: 'A signed-in browser session; changes also need the X-CSRF-Token header (GET /api/session).' },
};
