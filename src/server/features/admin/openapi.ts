// Administration's part of the OpenAPI document: organisations, users and
// early-sight releases. Bodies and paths come from the schemas their routes
// and use-cases check them with (api-inputs.ts).
import { ORGANISATION_KINDS, ROLES } from '../../../domain/access/index.ts';
import { list, error, refusals, withMissing, shareOperations, answer, operation } from '../../platform/service/openapi-parts.ts';
import { ref, text, nullableText, integer, boolean, anyObject, object } from '../../platform/service/openapi-types.ts';
import { embargoBody, newOrganisationBody, newUserBody, releasePath, releaseSharePath, userPatchBody, userPath } from './api-inputs.ts';

const releaseSharing = shareOperations(
  { operationId: 'shareEarlySight', summary: 'Name a partner of an early-sight release (administrators); every council sees it', path: releasePath },
  { operationId: 'unshareEarlySight', summary: 'Stop sharing an early-sight release with a partner (administrators)', path: releaseSharePath },
);

export const paths = {
  '/api/admin/organisations': {
    get: operation('listOrganisations', 'Organisations (any signed-in user: they are whom one shares with)', {}, { 200: answer('Organisations.', list('Organisation')), ...refusals }),
    post: operation(
      'addOrganisation',
      'Add an organisation (administrators); a council names its area',
      { body: newOrganisationBody },
      { 201: answer('Added.', ref('Organisation')), ...refusals, 409: error('The name, or the council for that area, is taken.') },
    ),
  },
  '/api/admin/users': {
    get: operation('listUsers', 'Users (administrators; others see themselves)', {}, { 200: answer('Users.', list('User')), ...refusals }),
    post: operation(
      'addUser',
      'Add a user (administrators); without a password one is made and returned once',
      { body: newUserBody },
      { 201: answer('Added.', ref('User')), ...refusals, 409: error('The email address is taken.') },
    ),
  },
  '/api/admin/users/{id}': {
    patch: operation(
      'changeUser',
      "Change a user's role, or disable or enable them (administrators)",
      { path: userPath, body: userPatchBody },
      { 200: answer('Changed.', ref('User')), ...withMissing },
    ),
  },
  '/api/admin/early-sight': {
    get: operation('listEarlySight', 'Early-sight metrics, their embargo ends, and (for administrators) their partners', {}, { 200: answer('Releases.', anyObject), ...refusals }),
  },
  '/api/admin/early-sight/{metric}/embargo': {
    put: operation(
      'setEmbargo',
      "Set the instant an early-sight metric's observations become public (administrators)",
      { path: releasePath, body: embargoBody },
      { 200: answer('Set.', anyObject), ...withMissing },
    ),
  },
  '/api/admin/early-sight/{metric}/shares': releaseSharing.share,
  '/api/admin/early-sight/{metric}/shares/{shareId}/revoke': releaseSharing.unshare,
};

export const schemas = {
  Organisation: object(['id', 'name', 'kind'], {
    id: integer,
    name: text,
    kind: { type: 'string', enum: ORGANISATION_KINDS },
    areaCode: nullableText,
    areaName: nullableText,
    users: integer,
  }),
  User: object(['id', 'email', 'name', 'role'], {
    id: integer,
    email: text,
    name: text,
    role: { type: 'string', enum: ROLES },
    organisationId: integer,
    organisationName: text,
    councilArea: nullableText,
    disabled: boolean,
    password: { type: 'string', description: 'Only when Lantern made it.' },
  }),
};
