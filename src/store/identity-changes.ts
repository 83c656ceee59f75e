// Notices that who may do what has changed: a session ended, a token revoked,
// a user disabled, re-roled, moved or given a new password, an organisation
// changed. Triggers (migration 014) send them on the channel inside the
// changing transaction, so PostgreSQL delivers each on commit, to every
// listening server; this file reads them, so that both ends of the channel
// live in the store.
//
// Each server listens on a connection of its own, apart from the pool, so
// that it knows the moment that connection is lost: from then until it
// listens again `listening` is false, and whoever remembers identities must
// not trust what they remember (a notice may go unheard). On listening again
// every handler is told 'everyone': whatever was remembered before may have
// missed a notice.
//
// A change made through Lantern is answered only once every listening
// server has heard it (`settled`): the changing server sends a marker after
// its commit, each listener answers it once it has heard everything before
// it (notices arrive in commit order), and the changing server waits for as
// many answers as there are listeners on the database. So a token revoked on
// one server is refused by the next request to any other.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import type { Sql } from './store.ts';

const CHANNEL = 'lantern_identity';
const LISTENER_NAME = 'lantern identity listener';
/** Waits between attempts to listen again, in ms; the last repeats. */
const RETRY_MS = [100, 250, 500, 1000, 2000, 5000];
/** How long `settled` waits for every listener's answer before it gives up and forgets everything here. */
const SETTLE_MS = 1000;

export type IdentityChange = { readonly kind: 'user'; readonly userId: number } | { readonly kind: 'organisation'; readonly organisationId: number } | { readonly kind: 'everyone' };

export interface IdentityChanges {
  /** True while this server is sure to hear every notice. */
  readonly listening: boolean;
  /** Calls `handler` with every change heard, and with 'everyone' when notices may have been missed. */
  subscribe(handler: (change: IdentityChange) => void): void;
  /** Resolves once every listening server has heard every notice committed before the call. */
  settled(): Promise<void>;
  close(): Promise<void>;
}

const listeners = new WeakMap<Sql, Listener>();

/** The one listener of a connection pool (one server), started on first use. */
export function identityChangesOf(sql: Sql): IdentityChanges {
  let listener = listeners.get(sql);
  if (!listener) listeners.set(sql, (listener = new Listener(sql)));
  return listener;
}

/**
 * After a change to sessions, tokens, users or organisations has committed:
 * waits until every listening server has heard it, so that the request that
 * made the change answers only once all of them refuse what it ended. A
 * process that does not listen (the command line) does not wait; the
 * servers hear its changes a moment after they commit.
 */
export async function identityChangesSettled(sql: Sql): Promise<void> {
  await listeners.get(sql)?.settled();
}

interface Settling {
  answers: number;
  readonly expected: number;
  readonly done: () => void;
}

class Listener implements IdentityChanges {
  listening = false;
  private readonly handlers = new Set<(change: IdentityChange) => void>();
  private readonly settling = new Map<string, Settling>();
  private readonly connection: Sql;
  private readonly name = randomBytes(6).toString('base64url');
  private settles = 0;
  private attempts = 0;
  private retrying: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(private readonly sql: Sql) {
    // Made as the driver makes its own listening connection (postgres 3.4's sql.listen): the pool's
    // settings, one connection that never idles out, and its `onnotify` option, which the typings omit.
    const options = {
      ...sql.options,
      max: 1,
      idle_timeout: null,
      max_lifetime: null,
      fetch_types: false,
      connection: { ...sql.options.connection, application_name: LISTENER_NAME },
      onnotify: (channel: string, payload: string) => {
        if (channel === CHANNEL) this.heard(payload);
      },
      onclose: () => this.lost(),
    };
    this.connection = postgres(options as unknown as postgres.Options<Record<string, never>>);
    void this.listen();
  }

  subscribe(handler: (change: IdentityChange) => void): void {
    this.handlers.add(handler);
  }

  async settled(): Promise<void> {
    if (!this.listening) return; // nothing here is trusted meanwhile, so there is nothing to wait for
    const marker = `${this.name}:${++this.settles}`;
    const [row] = await this.sql<{ listeners: number }[]>`
      select count(*)::int as listeners from pg_stat_activity where datname = current_database() and application_name = ${LISTENER_NAME}`;
    let timer: NodeJS.Timeout | undefined;
    const answered = new Promise<boolean>((resolve) => {
      this.settling.set(marker, { answers: 0, expected: Math.max(1, row!.listeners), done: () => resolve(true) });
      timer = setTimeout(() => resolve(false), SETTLE_MS);
    });
    try {
      await this.sql`select pg_notify(${CHANNEL}, ${`settle:${marker}`})`;
      if (!(await answered)) this.tell({ kind: 'everyone' }); // some listener did not answer in time: trust nothing here
    } finally {
      clearTimeout(timer);
      this.settling.delete(marker);
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    this.listening = false;
    clearTimeout(this.retrying);
    if (listeners.get(this.sql) === this) listeners.delete(this.sql);
    await this.connection.end({ timeout: 1 });
  }

  private async listen(): Promise<void> {
    try {
      await this.connection.unsafe(`listen ${CHANNEL}`);
    } catch {
      this.retry();
      return;
    }
    if (this.closed) return;
    this.attempts = 0;
    this.tell({ kind: 'everyone' });
    this.listening = true;
  }

  private lost(): void {
    this.listening = false;
    for (const settling of this.settling.values()) settling.done(); // nothing here is trusted until listening again
    this.retry();
  }

  /** Listens again after a wait, unless closed; gives up for good once the pool itself has been ended. */
  private retry(): void {
    if (this.closed || this.retrying) return;
    const wait = RETRY_MS[Math.min(this.attempts++, RETRY_MS.length - 1)]!;
    this.retrying = setTimeout(() => {
      this.retrying = undefined;
      void this.poolEnded().then((ended) => (ended ? this.close() : this.listen()));
    }, wait);
    this.retrying.unref(); // a server that is stopping is not kept alive by this
  }

  private async poolEnded(): Promise<boolean> {
    try {
      await this.sql`select 1`;
      return false;
    } catch (error) {
      return (error as { code?: unknown }).code === 'CONNECTION_ENDED';
    }
  }

  private heard(payload: string): void {
    if (payload.startsWith('settle:')) return this.answer(payload.slice('settle:'.length));
    if (payload.startsWith('heard:')) return this.answered(payload.slice('heard:'.length));
    this.tell(changeFrom(payload));
  }

  /**
   * Every notice before a marker has been heard, and acted on: says so to the
   * server waiting on it. Said even in the moment before `listening` is set
   * again: nothing here is trusted until then, and then everything is forgotten.
   */
  private answer(marker: string): void {
    this.connection`select pg_notify(${CHANNEL}, ${`heard:${marker}`})`.catch(() => {});
  }

  private answered(marker: string): void {
    const settling = this.settling.get(marker);
    if (settling && ++settling.answers >= settling.expected) settling.done();
  }

  private tell(change: IdentityChange): void {
    for (const handler of this.handlers) handler(change);
  }
}

/** The trigger's payload ('user:12', 'organisation:3', 'everyone'); anything else is taken as 'everyone', the safe reading. */
function changeFrom(payload: string): IdentityChange {
  const match = /^(user|organisation):(\d+)$/.exec(payload);
  if (!match) return { kind: 'everyone' };
  const id = Number(match[2]);
  return match[1] === 'user' ? { kind: 'user', userId: id } : { kind: 'organisation', organisationId: id };
}
