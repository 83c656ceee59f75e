// Administration's part of the OpenAPI document: organisations, users and
// early-sight releases. Bodies and paths come from the schemas their routes
// and use-cases check them with (api-inputs.ts).
import { ORGANISATION_KINDS, ROLES } from '../../../domain/access/index.ts';
import { ref, json, list, error, refusals, withMissing, shareOperations } from '../../platform/service/openapi-parts.ts';
import { jsonBody, pathParameters } from '../../platform/service/openapi-input.ts';
import { embargoBody, newOrganisationBody, newUserBody, releasePath, releaseSharePath, userPatchBody, userPath } from './api-inputs.ts';

const releaseSharing = shareOperations(
  { operationId: 'shareEarlySight', summary: 'Name a partner of an early-sight release (administrators); every council sees it', parameters: pathParameters(releasePath) },
  { operationId: 'unshareEarlySight', summary: 'Stop sharing an early-sight release with a partner (administrators)', parameters: pathParameters(releaseSharePath) },
);

export const paths = {
  '/api/admin/organisations': {
    get: {
      operationId: 'listOrganisations',
      summary: 'Organisations (any signed-in user: they are whom one shares with)',
      responses: { 200: { description: 'Organisations.', content: json(list('Organisation')) }, ...refusals },
    },
    post: {
      operationId: 'addOrganisation',
      summary: 'Add an organisation (administrators); a council names its area',
      requestBody: jsonBody(newOrganisationBody),
      responses: { 201: { description: 'Added.', content: json(ref('Organisation')) }, ...refusals, 409: error('The name, or the council for that area, is taken.') },
    },
  },
  '/api/admin/users': {
    get: { operationId: 'listUsers', summary: 'Users (administrators; others see themselves)', responses: { 200: { description: 'Users.', content: json(list('User')) }, ...refusals } },
    post: {
      operationId: 'addUser',
      summary: 'Add a user (administrators); without a password one is made and returned once',
      requestBody: jsonBody(newUserBody),
      responses: { 201: { description: 'Added.', content: json(ref('User')) }, ...refusals, 409: error('The email address is taken.') },
    },
  },
  '/api/admin/users/{id}': {
    patch: {
      operationId: 'changeUser',
      summary: "Change a user's role, or disable or enable them (administrators)",
      parameters: pathParameters(userPath),
      requestBody: jsonBody(userPatchBody),
      responses: { 200: { description: 'Changed.', content: json(ref('User')) }, ...withMissing },
    },
  },
  '/api/admin/early-sight': {
    get: {
      operationId: 'listEarlySight',
      summary: 'Early-sight metrics, their embargo ends, and (for administrators) their partners',
      responses: { 200: { description: 'Releases.', content: json({ type: 'object' }) }, ...refusals },
    },
  },
  '/api/admin/early-sight/{metric}/embargo': {
    put: {
      operationId: 'setEmbargo',
      summary: "Set the instant an early-sight metric's observations become public (administrators)",
      parameters: pathParameters(releasePath),
      requestBody: jsonBody(embargoBody),
      responses: { 200: { description: 'Set.', content: json({ type: 'object' }) }, ...withMissing },
    },
  },
  '/api/admin/early-sight/{metric}/shares': releaseSharing.share,
  '/api/admin/early-sight/{metric}/shares/{shareId}/revoke': releaseSharing.unshare,
};

export const schemas = {
  Organisation: {
    type: 'object',
    required: ['id', 'name', 'kind'],
    properties: {
      id: { type: 'integer' },
      name: { type: 'string' },
      kind: { type: 'string', enum: ORGANISATION_KINDS },
      areaCode: { type: ['string', 'null'] },
      areaName: { type: ['string', 'null'] },
      users: { type: 'integer' },
    },
  },
  User: {
    type: 'object',
    required: ['id', 'email', 'name', 'role'],
    properties: {
      id: { type: 'integer' },
      email: { type: 'string' },
      name: { type: 'string' },
      role: { type: 'string', enum: ROLES },
      organisationId: { type: 'integer' },
      organisationName: { type: 'string' },
      councilArea: { type: ['string', 'null'] },
      disabled: { type: 'boolean' },
      password: { type: 'string', description: 'Only when Lantern made it.' },
    },
  },
};
