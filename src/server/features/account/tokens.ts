// API tokens, each use-case once, called by the API and the account page
// alike: made (from a signed-in browser session only, so that a token never
// mints another) with the scopes asked for and its secret shown this once,
// and revoked by its owner or an administrator, every server told before
// the answer.
import { guardedRecord, type UserViewer } from '../../../domain/access/index.ts';
import { createApiToken, getApiToken, revokeApiToken, type ApiToken } from '../../../store/api-tokens.ts';
import { identityChangesSettled } from '../../../store/identity-changes.ts';
import type { Sql } from '../../../store/store.ts';
import { notSeen, type RequestAccess } from '../../platform/access/index.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import type { Credential } from '../../platform/http/locals.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { newApiToken, sha256 } from '../../platform/identity/secrets.ts';
import { newTokenBody } from './api-inputs.ts';

export function tokenRecord(token: Pick<ApiToken, 'userId'>) {
  return guardedRecord('api_token', 'confidential', { author: token.userId });
}

export async function makeToken(sql: Sql, access: RequestAccess, credential: Credential, body: Record<string, unknown>) {
  if (credential !== 'session') throw new HttpError(403, 'forbidden', 'API tokens are made from a signed-in browser session, not with another token');
  const { name, scopes, expiresInDays: days } = checked(newTokenBody, body);
  const viewer = access.viewer as UserViewer;
  access.require('change', tokenRecord({ userId: viewer.userId }), 'API token');
  const secret = newApiToken();
  const token = await sql.begin(async (tx) => {
    const made = await createApiToken(tx, { userId: viewer.userId, name, tokenHash: sha256(secret), scopes, expiresAt: days === undefined ? null : new Date(Date.now() + days * 86_400_000) });
    await access.audit(tx, 'change', 'api_token', String(made.id), `made token '${name}' (${scopes.join(', ')})`);
    return made;
  });
  return { ...token, token: secret };
}

export async function revokeToken(sql: Sql, access: RequestAccess, id: number) {
  const token = await getApiToken(sql, id);
  if (!token) throw notSeen(`API token ${id}`);
  access.require('change', tokenRecord(token), `API token ${id}`);
  await sql.begin(async (tx) => {
    await revokeApiToken(tx, id);
    await access.audit(tx, 'change', 'api_token', String(id), `revoked token '${token.name}'`);
  });
  await identityChangesSettled(sql); // every server has been told before the revocation is answered
  return (await getApiToken(sql, id))!;
}
