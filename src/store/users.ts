// Users: one role in one organisation, signing in with an email address and
// a password kept only as its argon2id hash. Users are disabled, never
// deleted, so that the audit trail always names who did what.
import type { OrganisationKind, Role } from '../domain/access/index.ts';
import type { Db } from './store.ts';

/** A user as Lantern knows them when they act: who, in which organisation, for which council. */
export interface User {
  readonly id: number;
  readonly email: string;
  readonly name: string;
  readonly role: Role;
  readonly organisationId: number;
  readonly organisationName: string;
  readonly organisationKind: OrganisationKind;
  /** The area of the user's council; null for partners. */
  readonly councilArea: string | null;
  readonly disabled: boolean;
  readonly createdAt: Date;
}

export const USER_SELECT = `u.id, u.email, u.name, u.role, u.organisation_id as "organisationId", o.name as "organisationName",
  o.kind as "organisationKind", o.area_code as "councilArea", u.disabled_at is not null as disabled, u.created_at as "createdAt"`;

export interface NewUser {
  readonly email: string;
  readonly name: string;
  readonly organisationId: number;
  readonly role: Role;
  readonly passwordHash: string;
}

export async function createUser(sql: Db, user: NewUser): Promise<User> {
  const [row] = await sql<{ id: number }[]>`
    insert into user_account (email, name, organisation_id, role, password_hash)
    values (${user.email.toLowerCase()}, ${user.name}, ${user.organisationId}, ${user.role}, ${user.passwordHash}) returning id`;
  return (await getUser(sql, row!.id))!;
}

export async function getUser(sql: Db, id: number): Promise<User | undefined> {
  const [row] = await sql<User[]>`select ${sql.unsafe(USER_SELECT)} from user_account u join organisation o on o.id = u.organisation_id where u.id = ${id}`;
  return row;
}

export async function findUserByEmail(sql: Db, email: string): Promise<User | undefined> {
  const [row] = await sql<User[]>`
    select ${sql.unsafe(USER_SELECT)} from user_account u join organisation o on o.id = u.organisation_id where u.email = ${email.toLowerCase()}`;
  return row;
}

/** What signing in needs: the user and the stored hash, for an email that exists. */
export async function credentialsOf(sql: Db, email: string): Promise<{ user: User; passwordHash: string } | undefined> {
  const [row] = await sql<(User & { passwordHash: string })[]>`
    select ${sql.unsafe(USER_SELECT)}, u.password_hash as "passwordHash"
    from user_account u join organisation o on o.id = u.organisation_id where u.email = ${email.toLowerCase()}`;
  if (!row) return undefined;
  const { passwordHash, ...user } = row;
  return { user, passwordHash };
}

export function listUsers(sql: Db, organisationId?: number) {
  return sql<User[]>`
    select ${sql.unsafe(USER_SELECT)} from user_account u join organisation o on o.id = u.organisation_id
    ${organisationId === undefined ? sql`` : sql`where u.organisation_id = ${organisationId}`}
    order by o.name, u.name, u.id`;
}

/**
 * Disables a user, ends their sessions and revokes their API tokens for good:
 * enabling them again revives none, so a token that leaked while they were
 * away stays dead. Returns false when there is no such user.
 */
export async function disableUser(sql: Db, id: number): Promise<boolean> {
  const rows = await sql`update user_account set disabled_at = coalesce(disabled_at, now()) where id = ${id} returning id`;
  await sql`delete from user_session where user_id = ${id}`;
  await sql`update api_token set revoked_at = coalesce(revoked_at, now()) where user_id = ${id}`;
  return rows.length > 0;
}

export async function enableUser(sql: Db, id: number): Promise<boolean> {
  const rows = await sql`update user_account set disabled_at = null where id = ${id} returning id`;
  return rows.length > 0;
}

export async function setUserRole(sql: Db, id: number, role: Role): Promise<void> {
  await sql`update user_account set role = ${role} where id = ${id}`;
  await sql`delete from user_session where user_id = ${id}`;
}

export async function countUsers(sql: Db): Promise<number> {
  const [row] = await sql<{ count: number }[]>`select count(*)::int as count from user_account`;
  return row!.count;
}

export async function countAdministrators(sql: Db): Promise<number> {
  const [row] = await sql<{ count: number }[]>`select count(*)::int as count from user_account where role = 'administrator' and disabled_at is null`;
  return row!.count;
}

/** The names and organisations of the users with these e-mail addresses, by address: how provenance names people. */
export async function peopleByEmail(sql: Db, emails: readonly string[]): Promise<Map<string, { name: string; organisationName: string }>> {
  if (emails.length === 0) return new Map();
  const rows = await sql<{ email: string; name: string; organisationName: string }[]>`
    select u.email, u.name, o.name as "organisationName" from user_account u join organisation o on o.id = u.organisation_id
    where u.email = any(${emails as string[]})`;
  return new Map(rows.map((r) => [r.email, { name: r.name, organisationName: r.organisationName }]));
}
