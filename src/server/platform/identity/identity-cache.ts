// Each server's short memory of the sessions and API tokens it has lately
// looked up, so that a signed-in request costs about what a public one does
// rather than a query to the store. What it holds is forgotten:
//   - after a short while (30 s), whatever happens;
//   - for a user, at once, when the store says their sessions, tokens, role,
//     organisation or password changed, or they were disabled; for a whole
//     organisation when it changed (identity-changes.ts hears the store);
//   - all of it whenever this server may have missed such a notice: while it
//     is not listening nothing is recalled, and on listening again
//     everything is forgotten.
// A lookup that was under way when anything was forgotten is used for its
// own request but not remembered: it may have read the store before the
// change it was told of.
import type { Action, Viewer } from '../../../domain/access/index.ts';
import { identityChangesOf, type IdentityChange, type IdentityChanges } from '../../../store/identity-changes.ts';
import type { Sql } from '../../../store/store.ts';
import type { User } from '../../../store/users.ts';

/** A session or token as remembered, with what every request needs of it made once. */
export interface KnownIdentity {
  readonly user: User;
  readonly viewer: Viewer;
  readonly actions: readonly Action[];
  /** The session's CSRF token; none for a token. */
  readonly csrfToken?: string;
  /** The API token's id; none for a session. */
  readonly tokenId?: number;
  /** The session's id as the store knows it (its SHA-256); none for a token. */
  readonly sessionHash?: Buffer;
  /** When it ends whatever happens (ms): the session's absolute end, the token's expiry. */
  readonly endsAt: number;
  /** When the store last recorded its use (ms): the session's last_seen_at, the token's last_used_at. */
  lastUsedAt: number;
}

interface Entry {
  readonly known: KnownIdentity;
  readonly forgetAt: number;
}

export interface IdentityCacheOptions {
  /** How long an entry is trusted without hearing otherwise. */
  readonly lifetimeMs: number;
  /** The most entries kept: the oldest go first. */
  readonly maxEntries: number;
}

export const IDENTITY_CACHE: IdentityCacheOptions = Object.freeze({ lifetimeMs: 30_000, maxEntries: 10_000 });

export class IdentityCache {
  private readonly entries = new Map<string, Entry>();
  private forgettings = 0;

  constructor(
    private readonly changes: IdentityChanges,
    private readonly options: IdentityCacheOptions = IDENTITY_CACHE,
  ) {
    changes.subscribe((change) => this.forget(change));
  }

  /** What is remembered under `key`, if it may be used now. */
  recall(key: string, now: number): KnownIdentity | undefined {
    if (!this.changes.listening) return undefined;
    const entry = this.entries.get(key);
    if (entry === undefined) return undefined;
    if (entry.forgetAt > now) return entry.known;
    this.entries.delete(key);
    return undefined;
  }

  /** A mark to take before looking `key` up in the store, for `remember`. */
  mark(): number {
    return this.forgettings;
  }

  /** Keeps a lookup begun at `mark`, unless anything has been forgotten since it began. */
  remember(key: string, known: KnownIdentity, mark: number, now: number): void {
    if (mark !== this.forgettings || !this.changes.listening) return;
    this.entries.delete(key); // re-inserted last: the Map's order is the order of age
    this.entries.set(key, { known, forgetAt: now + this.options.lifetimeMs });
    if (this.entries.size > this.options.maxEntries) this.entries.delete(this.entries.keys().next().value!);
  }

  /** Forgets one key: a session found ended. */
  drop(key: string): void {
    this.entries.delete(key);
  }

  /** How many identities are remembered. */
  get size(): number {
    return this.entries.size;
  }

  private forget(change: IdentityChange): void {
    this.forgettings++;
    if (change.kind === 'everyone') return this.entries.clear();
    for (const [key, { known }] of this.entries) {
      if (change.kind === 'user' ? known.user.id === change.userId : known.user.organisationId === change.organisationId) this.entries.delete(key);
    }
  }
}

const caches = new WeakMap<Sql, IdentityCache>();

/** The cache of a connection pool, that is of one server: every app made on the same pool shares it. */
export function identityCacheOf(sql: Sql): IdentityCache {
  let cache = caches.get(sql);
  if (!cache) caches.set(sql, (cache = new IdentityCache(identityChangesOf(sql))));
  return cache;
}
