// People for HTTP tests: organisations and users made straight in the store
// (as `lantern users add` makes them), API tokens with chosen scopes, and a
// browser-like client that signs in through the real sign-in form and keeps
// its cookies and CSRF token.
import type { Action, OrganisationKind, Role } from '../../src/domain/access/index.ts';
import { createApiToken } from '../../src/store/api-tokens.ts';
import { createOrganisation, findOrganisationByName, type Organisation } from '../../src/store/organisations.ts';
import type { Sql } from '../../src/store/store.ts';
import { createUser, type User } from '../../src/store/users.ts';
import { hashPassword } from '../../src/server/platform/identity/passwords.ts';
import { newApiToken, sha256 } from '../../src/server/platform/identity/secrets.ts';
import { RequestAccess } from '../../src/server/platform/access/request-access.ts';
import { HttpError } from '../../src/server/platform/http/http-error.ts';

export const TEST_PASSWORD = 'a long test password 1';
let passwordHash: Promise<string> | undefined;

export async function organisation(sql: Sql, name: string, kind: OrganisationKind, areaCode: string | null = null): Promise<Organisation> {
  return (await findOrganisationByName(sql, name)) ?? createOrganisation(sql, { name, kind, areaCode });
}

export async function user(sql: Sql, email: string, role: Role, organisationId: number, name = email.split('@')[0]!): Promise<User> {
  return createUser(sql, { email, name, organisationId, role, passwordHash: await (passwordHash ??= hashPassword(TEST_PASSWORD)) });
}

export async function apiToken(sql: Sql, userId: number, scopes: readonly Action[] = ['read', 'change', 'share']): Promise<string> {
  const token = newApiToken();
  await createApiToken(sql, { userId, name: 'test', tokenHash: sha256(token), scopes, expiresAt: null });
  return token;
}

/** An administrator of a service organisation, and a token with every scope: for tests that import or configure. */
export async function administratorToken(sql: Sql): Promise<string> {
  const service = await organisation(sql, 'Lantern service (tests)', 'sector_body');
  const admin = await user(sql, `admin-${Math.random().toString(36).slice(2)}@tests.example`, 'administrator', service.id);
  return apiToken(sql, admin.id);
}

export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** The refusal a use-case answers with: fails unless it is an HttpError. */
export async function refusalOf(work: Promise<unknown>): Promise<HttpError> {
  const error = await work.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof HttpError)) throw new Error(`expected a refusal, got ${String(error)}`);
  return error;
}

/** The user as a use-case sees them acting from a signed-in browser: every action, audited under their address. */
export function accessAs(sql: Sql, person: User, councilArea: string | null = null): RequestAccess {
  return new RequestAccess(
    { kind: 'user', userId: person.id, role: person.role, organisationId: person.organisationId, councilArea, actions: ['read', 'change', 'share'] },
    () => ({ userId: person.id, actor: person.email, ip: null, userAgent: 'test' }),
    sql,
    Date.now(),
  );
}

/** A browser: cookies kept between requests, CSRF token sent with changes. */
export class Browser {
  private readonly cookies = new Map<string, string>();
  csrfToken = '';

  constructor(readonly base: string) {}

  async fetch(address: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size > 0) headers.set('Cookie', [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; '));
    const ask = () => fetch(this.base + address, { ...init, headers, redirect: 'manual' });
    // A kept-alive connection the server closed while idle fails at once; a browser asks again on a new one, and so does this.
    const response = await ask().catch((error: unknown) => {
      if ((error as { cause?: { code?: string } }).cause?.code === 'UND_ERR_SOCKET') return ask();
      throw error;
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const name = pair!.slice(0, at);
      const value = pair!.slice(at + 1);
      if (/Max-Age=0/i.test(line) || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    return response;
  }

  cookie(name: string): string | undefined {
    return this.cookies.get(name);
  }

  setCookie(name: string, value: string): void {
    this.cookies.set(name, value);
  }

  /** Signs in through the form, as a person would: the pre-session token first, then the form. */
  async signIn(email: string, password = TEST_PASSWORD): Promise<Response> {
    const session = (await (await this.fetch('/api/session')).json()) as { csrfToken: string };
    const response = await this.fetch('/sign-in', { method: 'POST', body: new URLSearchParams({ email, password, _csrf: session.csrfToken }) });
    if (response.status === 303) await this.refreshToken();
    return response;
  }

  async refreshToken(): Promise<void> {
    this.csrfToken = ((await (await this.fetch('/api/session')).json()) as { csrfToken: string }).csrfToken;
  }

  /** A JSON request with the session's CSRF token. */
  json(method: string, address: string, body?: unknown): Promise<Response> {
    return this.fetch(address, {
      method,
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': this.csrfToken },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  }
}
