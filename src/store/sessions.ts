// Server-side sessions: the browser holds a random id, the store its SHA-256
// with the user, a CSRF token, and when it was last used and must end.
import type { Db } from './store.ts';
import { USER_SELECT, type User } from './users.ts';

export interface SessionRecord {
  readonly user: User;
  readonly csrfToken: string;
  readonly createdAt: Date;
  readonly lastSeenAt: Date;
  readonly expiresAt: Date;
}

export interface NewSession {
  readonly idHash: Buffer;
  readonly userId: number;
  readonly csrfToken: string;
  readonly expiresAt: Date;
  readonly ip: string | null;
  readonly userAgent: string | null;
}

export async function createSession(sql: Db, session: NewSession): Promise<void> {
  await sql`
    insert into user_session (id_hash, user_id, csrf_token, expires_at, ip, user_agent)
    values (${session.idHash}, ${session.userId}, ${session.csrfToken}, ${session.expiresAt}, ${session.ip}, ${session.userAgent})`;
}

/** The session of an id hash, with its user, if it exists and its user is not disabled. */
export async function findSession(sql: Db, idHash: Buffer): Promise<SessionRecord | undefined> {
  const [row] = await sql<(User & { csrfToken: string; sessionCreatedAt: Date; lastSeenAt: Date; expiresAt: Date })[]>`
    select ${sql.unsafe(USER_SELECT)}, s.csrf_token as "csrfToken", s.created_at as "sessionCreatedAt", s.last_seen_at as "lastSeenAt", s.expires_at as "expiresAt"
    from user_session s join user_account u on u.id = s.user_id join organisation o on o.id = u.organisation_id
    where s.id_hash = ${idHash} and u.disabled_at is null`;
  if (!row) return undefined;
  const { csrfToken, sessionCreatedAt, lastSeenAt, expiresAt, ...user } = row;
  return { user, csrfToken, createdAt: sessionCreatedAt, lastSeenAt, expiresAt };
}

export async function touchSession(sql: Db, idHash: Buffer): Promise<void> {
  await sql`update user_session set last_seen_at = now() where id_hash = ${idHash}`;
}

export async function deleteSession(sql: Db, idHash: Buffer): Promise<void> {
  await sql`delete from user_session where id_hash = ${idHash}`;
}
