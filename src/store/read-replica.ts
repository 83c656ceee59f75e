// Reading from a replica (LANTERN_DATABASE_READ_URL): every write goes to the
// primary; the index is built and refreshed from the replica; a request's
// reads go to the replica until the request writes, and then to the primary,
// so that it reads what it wrote.
//
// The rest of Lantern does not know: the store's `sql` routes each query by
// itself. Outside a request (the command line, the engine's listening, jobs)
// everything goes to the primary; inside one, the request's scope (set by
// the server's middleware, kept by AsyncLocalStorage across awaits) says
// whether reads may go to the replica. A query goes there only when its text
// is plainly a read: a `select` or `with` naming nothing that writes, locks,
// notifies or needs the primary. Anything else, and every transaction, goes
// to the primary and turns the scope to the primary for the rest of the
// request. A query misjudged as a read cannot change anything: a hot standby
// refuses every write ("cannot execute ... in a read-only transaction").
//
// A replica lags the primary by its replay. `caughtUp()` reads the primary's
// current WAL position and waits until the replica has replayed it: the
// engine asks it when it hears that a batch committed (the notification
// itself comes from the primary: LISTEN does not work on a hot standby), and
// the store asks it on opening, so that the replica has the migrations.
import { AsyncLocalStorage } from 'node:async_hooks';
import type postgres from 'postgres';

type Sql = postgres.Sql;

/** Where a request's reads go: the replica, until the request writes. */
interface ReadScope {
  primary: boolean;
}

export interface Replica {
  /** The replica's own pool, as the application's role: reads only. */
  readonly sql: Sql;
  /** Where it is, for messages: never the password. */
  readonly description: string;
  /** Resolves once the replica has replayed everything committed on the primary until now. */
  caughtUp(): Promise<void>;
}

export interface ReadRouting {
  /** Routes each query: see the header. */
  readonly sql: Sql;
  /** Runs `work` (a request) reading from `where` until it writes. */
  readingFrom<T>(where: 'replica' | 'primary', work: () => T): T;
}

/**
 * What sends a query to the primary although it starts as a read: writes,
 * row locks, advisory locks, notifications, sequences, session settings and
 * the functions a standby cannot answer. Words in comments count too, which
 * only sends a read to the primary.
 */
const NEEDS_PRIMARY = new RegExp(
  [
    'insert',
    'update',
    'delete',
    'merge',
    'truncate',
    'copy',
    'into',
    'lock',
    'share',
    'nextval',
    'setval',
    'pg_notify',
    'pg_advisory\\w*',
    'pg_try_advisory\\w*',
    'set_config',
    'pg_current_wal\\w*',
    'txid_current\\w*',
    'pg_current_xact_id\\w*',
  ]
    .map((word) => `\\b${word}\\b`)
    .join('|'),
  'i',
);

/** Whether the query's text (with its fragments') is plainly a read a replica can answer. */
export function isPlainRead(text: string): boolean {
  return /^\s*(?:select|with)\b/i.test(text) && !NEEDS_PRIMARY.test(text);
}

export function readRouting(primary: Sql, replica: Sql): ReadRouting {
  const scopes = new AsyncLocalStorage<ReadScope>();
  const toPrimary = () => {
    const scope = scopes.getStore();
    if (scope) scope.primary = true;
  };
  const sql = new Proxy(primary, {
    apply(_target, _this, args: unknown[]) {
      const [strings] = args;
      const scope = scopes.getStore();
      if (!scope || scope.primary || !isTemplate(strings)) return Reflect.apply(primary, undefined, args);
      if (isPlainRead(queryText(strings, args.slice(1)))) return Reflect.apply(replica, undefined, args);
      scope.primary = true;
      return Reflect.apply(primary, undefined, args);
    },
    get(target, property, receiver) {
      const value: unknown = Reflect.get(target, property, receiver);
      // A transaction or a reserved connection may write: what follows reads the primary.
      if ((property === 'begin' || property === 'reserve') && typeof value === 'function') {
        return (...args: unknown[]) => {
          toPrimary();
          return (value as (...a: unknown[]) => unknown)(...args);
        };
      }
      return value;
    },
  });
  return {
    sql,
    readingFrom: (where, work) => scopes.run({ primary: where === 'primary' }, work),
  };
}

/** A tagged template's strings, as postgres.js tells them from a helper call (`sql(values)`). */
function isTemplate(strings: unknown): strings is TemplateStringsArray {
  return Array.isArray(strings) && Array.isArray((strings as unknown as TemplateStringsArray).raw);
}

/** The text of a tagged query and of the fragments (nested queries) among its values. */
function queryText(strings: readonly string[], values: readonly unknown[]): string {
  let text = strings.join(' ');
  for (const value of values) {
    for (const part of Array.isArray(value) ? value : [value]) {
      const nested = (part as { strings?: unknown } | null)?.strings;
      if (Array.isArray(nested)) text += ' ' + queryText(nested as string[], (part as { args?: unknown[] }).args ?? []);
    }
  }
  return text;
}

const WAIT_AT_MOST_MS = 30_000;

/**
 * The replica and how to wait for it. A server that is not in recovery (the
 * URL names a primary, or the replica was promoted) is caught up at once.
 */
export function replicaOf(primary: Sql, sql: Sql, description: string): Replica {
  return {
    sql,
    description,
    async caughtUp() {
      const [{ lsn }] = await primary<[{ lsn: string }]>`select pg_current_wal_lsn()::text as lsn`;
      const started = Date.now();
      for (let pause = 1; ; pause = Math.min(pause * 2, 50)) {
        const [{ replayed, behind }] = await sql<[{ replayed: boolean; behind: string | null }]>`
          select not pg_is_in_recovery() or pg_last_wal_replay_lsn() >= ${lsn}::pg_lsn as replayed,
                 pg_size_pretty(${lsn}::pg_lsn - pg_last_wal_replay_lsn()) as behind`;
        if (replayed) return;
        if (Date.now() - started > WAIT_AT_MOST_MS) {
          throw new Error(`the replica (${description}) is still ${behind ?? 'some way'} behind the primary after ${WAIT_AT_MOST_MS / 1000} s`);
        }
        await new Promise((resolve) => setTimeout(resolve, pause));
      }
    },
  };
}
