// API tokens for scripts: a user's named, scoped and revocable credential. The
// store keeps the SHA-256 of each token, never the token.
import type { Action } from '../domain/access/index.ts';
import type { Db } from './store.ts';
import { USER_SELECT, type User } from './users.ts';

export interface ApiToken {
  readonly id: number;
  readonly userId: number;
  readonly name: string;
  readonly scopes: readonly Action[];
  readonly createdAt: Date;
  readonly lastUsedAt: Date | null;
  readonly expiresAt: Date | null;
  readonly revokedAt: Date | null;
}

const SELECT = `t.id, t.user_id as "userId", t.name, t.scopes, t.created_at as "createdAt", t.last_used_at as "lastUsedAt",
  t.expires_at as "expiresAt", t.revoked_at as "revokedAt"`;

export async function createApiToken(sql: Db, token: { userId: number; name: string; tokenHash: Buffer; scopes: readonly Action[]; expiresAt: Date | null }): Promise<ApiToken> {
  const [row] = await sql<ApiToken[]>`
    insert into api_token as t (user_id, name, token_hash, scopes, expires_at)
    values (${token.userId}, ${token.name}, ${token.tokenHash}, ${token.scopes as Action[]}, ${token.expiresAt})
    returning ${sql.unsafe(SELECT)}`;
  return row!;
}

/** The live token of a hash, with its user: not revoked, not expired, its user not disabled. */
export async function findApiToken(sql: Db, tokenHash: Buffer): Promise<{ token: ApiToken; user: User } | undefined> {
  const [row] = await sql<(User & { tokenId: number; userId: number; tokenName: string; scopes: Action[]; tokenCreatedAt: Date; lastUsedAt: Date | null; expiresAt: Date | null })[]>`
    select ${sql.unsafe(USER_SELECT)}, t.id as "tokenId", t.user_id as "userId", t.name as "tokenName", t.scopes, t.created_at as "tokenCreatedAt",
      t.last_used_at as "lastUsedAt", t.expires_at as "expiresAt"
    from api_token t join user_account u on u.id = t.user_id join organisation o on o.id = u.organisation_id
    where t.token_hash = ${tokenHash} and t.revoked_at is null and (t.expires_at is null or t.expires_at > now()) and u.disabled_at is null`;
  if (!row) return undefined;
  const { tokenId, userId, tokenName, scopes, tokenCreatedAt, lastUsedAt, expiresAt, ...user } = row;
  return { token: { id: tokenId, userId, name: tokenName, scopes, createdAt: tokenCreatedAt, lastUsedAt, expiresAt, revokedAt: null }, user };
}

/** Records that a token was used now; its caller does so once a minute at most, not on every request. */
export async function noteApiTokenUsed(sql: Db, id: number): Promise<void> {
  await sql`update api_token set last_used_at = now() where id = ${id}`;
}

export async function getApiToken(sql: Db, id: number): Promise<ApiToken | undefined> {
  const [row] = await sql<ApiToken[]>`select ${sql.unsafe(SELECT)} from api_token t where t.id = ${id}`;
  return row;
}

export function listApiTokens(sql: Db, userId: number) {
  return sql<ApiToken[]>`select ${sql.unsafe(SELECT)} from api_token t where t.user_id = ${userId} order by t.id desc`;
}

export async function revokeApiToken(sql: Db, id: number): Promise<void> {
  await sql`update api_token set revoked_at = coalesce(revoked_at, now()) where id = ${id}`;
}
