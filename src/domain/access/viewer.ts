// Who is asking: the public (no sign-in), or a signed-in user, seen through the
// credential they came with. A browser session may read, change and share; an
// API token only what its scopes say, so a leaked read token changes nothing.
import type { Action } from './record-kind.ts';
import type { Role } from './roles.ts';

export interface PublicViewer {
  readonly kind: 'public';
}

export interface UserViewer {
  readonly kind: 'user';
  readonly userId: number;
  readonly role: Role;
  readonly organisationId: number;
  /** The area (GSS code) of the user's council; null for partners. */
  readonly councilArea: string | null;
  /** What the credential allows: every action for a session, the scopes of an API token. */
  readonly actions: readonly Action[];
}

export type Viewer = PublicViewer | UserViewer;

export const PUBLIC_VIEWER: PublicViewer = Object.freeze({ kind: 'public' });

export const SESSION_ACTIONS: readonly Action[] = Object.freeze(['read', 'change', 'share'] as const);
