// What every request carries in res.locals, typed once: set by identification
// (platform/identity/identify.ts) before any route runs, and read through
// localsOf(res) rather than a cast at each use.
import type { Response } from 'express';
import type { Viewer } from '../../../domain/access/index.ts';
import type { RequestAccess } from '../access/request-access.ts';

/** How the viewer proved who they are. */
export type Credential = 'public' | 'session' | 'token';

/** What pages show of the user signed in. */
export interface PageUser {
  readonly id: number;
  readonly name: string;
  readonly email: string;
  readonly role: string;
  readonly roleLabel: string;
  readonly organisationName: string;
  readonly councilArea: string | null;
  /** Early warning's pages the menu leads them to, as the policy lets them read them: the risk view of England, the Panel. */
  readonly leads: { readonly risk: boolean; readonly panel: boolean };
}

export interface RequestLocals {
  /** Whom the policy is asked about. */
  viewer: Viewer;
  credential: Credential;
  /** The session's id as the store keeps it (hashed), to end it on sign-in or sign-out; none without a session. */
  sessionHash: Buffer | undefined;
  /** The user signed in as pages show them, or null for the public and for API tokens' scripts alike when none. */
  user: PageUser | null;
  /**
   * The CSRF token for forms: the session's for a signed-in user; for the
   * public the pre-session cookie's, or '' until a form asks for one
   * (formToken in identify.ts makes it).
   */
  csrfToken: string;
  /** What handlers ask the policy through (request-access.ts). */
  access: RequestAccess;
}

export function localsOf(res: Response): RequestLocals {
  return res.locals as RequestLocals;
}
