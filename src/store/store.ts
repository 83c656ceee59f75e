// Opening the store: the embedded PostgreSQL server by default, or the server
// named by LANTERN_DATABASE_URL; then the migrations, in order, once.
//
// Least privilege: the migrations run as the owner of Lantern's tables (the
// embedded server's `lantern`, or LANTERN_MIGRATION_DATABASE_URL's role) on a
// connection closed once they are done; the application connects as a role
// that owns nothing (the embedded server's `lantern_app`, made here, or
// LANTERN_DATABASE_URL's role). After every migration run the owner grants it
// what Lantern does with each table, and no more: the audit trail and
// published report versions take rows but are never changed or emptied, and a
// share is never deleted. Only an owner may drop or disable a trigger, so the
// application's credentials cannot undo the triggers that guard them either.
//
// With a replica (LANTERN_DATABASE_READ_URL), `sql` sends every write to the
// primary and plain reads inside a request to the replica: see read-replica.ts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { APP_USER, DATABASE_NAME, DATABASE_USER, startEmbeddedServer, type EmbeddedServer } from './embedded-server.ts';
import { readRouting, replicaOf, type Replica } from './read-replica.ts';

export type Sql = postgres.Sql;
/** Anything queries run on: the pool or an open transaction. */
export type Db = postgres.Sql | postgres.TransactionSql;

export interface StoreOptions {
  /** A server to use instead of the embedded one, as the application's role (LANTERN_DATABASE_URL). */
  readonly databaseUrl?: string | undefined;
  /** The same database as the owner of its tables, for migrations (LANTERN_MIGRATION_DATABASE_URL); databaseUrl when unset. */
  readonly migrationDatabaseUrl?: string | undefined;
  /** A streaming replica of the same database, as the application's role, for reads (LANTERN_DATABASE_READ_URL). */
  readonly readDatabaseUrl?: string | undefined;
  readonly dataDir: string;
  /** dataDir is Lantern's default, not the administrator's choice: see data-folder.ts. */
  readonly isDefaultFolder?: boolean;
  /** What this process is ('serve', 'import', ...): told to a second Lantern that finds the server held. */
  readonly role?: string;
  readonly maxConnections?: number;
  /** Where the embedded server's deaths and restarts are said (default: standard error). */
  readonly log?: (line: string) => void;
  /** Told when the embedded server died and cannot be started again. */
  readonly onLost?: (message: string) => void;
}

export interface Store {
  /** Every query: to the primary, or with a replica routed by the request's scope (read-replica.ts). */
  readonly sql: Sql;
  /** The replica that index builds and a request's plain reads go to, when there is one. */
  readonly replica: Replica | undefined;
  /** Runs `work` (a request) reading from the replica until it writes, or from the primary; without a replica, just runs it. */
  readingFrom<T>(where: 'replica' | 'primary', work: () => T): T;
  /** Set when Lantern runs its own embedded server. */
  readonly embedded: EmbeddedServer | undefined;
  /** Where the data lives, for messages: never the password. */
  readonly description: string;
  /** Said once on start when the store is not where it was asked to be, and why. */
  readonly notice: string | undefined;
  /** Applies the migrations not yet applied, as the owner, and grants the application its privileges again; returns their names. */
  migrate(): Promise<string[]>;
  /** Runs `work` on a connection of its own as the owner of the tables (migrations; tests that change the schema), closed afterwards. */
  asOwner<T>(work: (owner: Sql) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
/** Advisory lock key: one migrator at a time; a second waits for the first, then finds nothing to apply. */
export const MIGRATION_LOCK = 7_246_001;

export async function openStore(options: StoreOptions): Promise<Store> {
  const embedded = options.databaseUrl
    ? undefined
    : await startEmbeddedServer(options.dataDir, options.role ?? 'lantern', {
        isDefaultFolder: options.isDefaultFolder ?? false,
        ...(options.log ? { log: options.log } : {}),
        ...(options.onLost ? { onLost: options.onLost } : {}),
      });
  const connection = {
    max: options.maxConnections ?? 10,
    onnotice: () => {},
    connection: { application_name: `lantern ${options.role ?? ''}`.trim() },
  };
  const server = embedded ? { host: '127.0.0.1', port: embedded.port, database: DATABASE_NAME } : undefined;
  const primary = server && embedded ? postgres({ ...server, user: APP_USER, password: embedded.appPassword, ...connection }) : postgres(options.databaseUrl as string, connection);
  const replicaSql =
    options.readDatabaseUrl === undefined ? undefined : postgres(options.readDatabaseUrl, { ...connection, connection: { application_name: `${connection.connection.application_name} reads` } });
  const replica = replicaSql && replicaOf(primary, replicaSql, `PostgreSQL replica at ${redact(options.readDatabaseUrl as string)}`);
  const routing = replicaSql && readRouting(primary, replicaSql);
  const sql = routing?.sql ?? primary;
  const asOwner = async <T>(work: (owner: Sql) => Promise<T>): Promise<T> => {
    const ownerConnection = { ...connection, max: 1 };
    const owner =
      server && embedded
        ? postgres({ ...server, user: DATABASE_USER, password: embedded.password, ...ownerConnection })
        : postgres(options.migrationDatabaseUrl ?? (options.databaseUrl as string), ownerConnection);
    try {
      return await work(owner);
    } finally {
      await owner.end({ timeout: 5 });
    }
  };
  const log =
    options.log ??
    ((line: string) => {
      process.stderr.write(line + '\n');
    });
  const description = embedded ? `embedded PostgreSQL in ${embedded.dataDir}` : `PostgreSQL at ${redact(options.databaseUrl as string)}`;
  let application: Application | undefined;
  const migrateAsOwner = () =>
    asOwner(async (owner) => {
      application ??= await applicationRole(primary, owner, embedded);
      if (!application.leastPrivilege) warnOnce(log, application.name);
      return migrate(owner, application.leastPrivilege ? application : undefined);
    });
  try {
    if (!embedded) await reachServer(primary, description, log);
    await migrateAsOwner();
    if (replica) {
      await reachServer(replica.sql, replica.description, log);
      await replica.caughtUp(); // the replica has the migrations before anything reads it
    }
  } catch (error) {
    await Promise.all([primary.end({ timeout: 1 }), replicaSql?.end({ timeout: 1 })]);
    await embedded?.stop();
    throw error;
  }
  return {
    sql,
    replica,
    readingFrom: (where, work) => (routing ? routing.readingFrom(where, work) : work()),
    embedded,
    description,
    notice: embedded?.movedFrom && `${displayPath(embedded.movedFrom)} is inside a private folder; the store is kept in ${embedded.dataDir} instead`,
    migrate: migrateAsOwner,
    asOwner,
    async close() {
      await Promise.all([primary.end({ timeout: 5 }), replicaSql?.end({ timeout: 5 })]);
      await embedded?.stop();
    },
  };
}

/** Errors that say the server is not (yet) there, rather than that it refused Lantern. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', '57P03']);
const BACKOFF_SECONDS = [0.5, 1, 2, 4, 8, 16];

/**
 * A server reached by URL may be starting, restarting or briefly away: it is
 * asked again (untilReachable) before Lantern gives up with the last error.
 * Once running, the driver opens a new connection for the next query by
 * itself, and /health says 503 meanwhile.
 */
async function reachServer(sql: Sql, description: string, log: (line: string) => void): Promise<void> {
  await untilReachable(() => sql`select 1`, description, log);
}

/**
 * Does `work`, which must be safe to do again, again while the server does
 * not answer (starting, restarting, briefly away), waiting twice as long each
 * time (about 30 s in all) before giving up with the last error; any other
 * error at once.
 */
export async function untilReachable<T>(work: () => Promise<T>, description: string, log: (line: string) => void): Promise<T> {
  for (const seconds of BACKOFF_SECONDS) {
    try {
      return await work();
    } catch (error) {
      const code = String((error as { code?: unknown }).code ?? '');
      if (!UNREACHABLE.has(code)) throw error;
      log(`Lantern: ${description} does not answer (${(error as Error).message}); trying again in ${seconds} s`);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
  }
  return work();
}

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export function migrations(): Migration[] {
  return fs
    .readdirSync(MIGRATIONS_DIR)
    .filter((file) => /^\d{3}-.*\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 3)), name: file, sql: fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8') }));
}

/** The role the application connects as; the embedded server's has a password to set. */
export interface Application {
  readonly name: string;
  readonly password: string | undefined;
  /** False when it is the owner itself or a superuser (one URL for both): nothing is granted or taken away. */
  readonly leastPrivilege: boolean;
}

async function applicationRole(sql: Sql, owner: Sql, embedded: EmbeddedServer | undefined): Promise<Application> {
  if (embedded) return { name: APP_USER, password: embedded.appPassword, leastPrivilege: true };
  const [app] = await sql<{ name: string; superuser: boolean }[]>`
    select current_user as name, rolsuper as superuser from pg_roles where rolname = current_user`;
  const [own] = await owner<{ name: string }[]>`select current_user as name`;
  return { name: app!.name, password: undefined, leastPrivilege: !app!.superuser && app!.name !== own!.name };
}

let warned = false;
function warnOnce(log: (line: string) => void, role: string): void {
  if (warned) return;
  warned = true;
  log(
    `Lantern: warning: least privilege is not in force: the application connects as '${role}', the role that runs the migrations or a superuser, ` +
      'so its credentials could undo the audit trail; set LANTERN_MIGRATION_DATABASE_URL to the owner and LANTERN_DATABASE_URL to a role that owns nothing (see .env.example)',
  );
}

/**
 * Tables whose rows the application adds but never changes or removes: the
 * audit trail and published report versions (whose triggers refuse it too,
 * for anyone), and the history of observations, areas and metrics, which is
 * what makes "never overwritten silently" true; and the record of jobs'
 * failed runs; and targets' outcomes, frozen when an agreement closes. A
 * share is revoked by an update, once, and never deleted.
 */
const APPEND_ONLY = [
  'audit_event',
  'peer_challenge_step',
  'peer_challenge_due_move',
  'peer_challenge_publication',
  'report_version',
  'report_withdrawal',
  'observation_history',
  'area_history',
  'metric_history',
  'job_failure',
  'target_outcome',
  'flag_acknowledgement',
  'case_outcome',
  'panel_decision',
  'release_batch',
  'held_release',
  'funding_change',
  'support_rating_change',
] as const;
/** Rows that may change but never go: a share revoked or a booking released is kept with when and why, a declared conflict and days away stay when withdrawn, and a rating withdrawn stays, marked so. */
const NEVER_DELETED = ['share', 'peer_booking', 'peer_conflict', 'peer_unavailable', 'support_request_rating'] as const;

/**
 * Grants the application role what Lantern does, afresh: every table made by
 * any migration so far, less what the append-only ones refuse. Truncate,
 * triggers and references are never granted, and only the owner may alter or
 * drop a table or its triggers. The embedded server's role is made here.
 */
async function grantApplication(tx: postgres.TransactionSql, app: Application): Promise<void> {
  const role = `"${app.name.replace(/"/g, '""')}"`;
  if (app.password !== undefined) {
    if (!/^[a-z_][a-z0-9_]*$/.test(app.name) || !/^[\w-]+$/.test(app.password)) throw new Error("the application role's name or password holds unexpected characters");
    await tx.unsafe(`do $$ begin if not exists (select from pg_roles where rolname = '${app.name}') then create role ${role}; end if; end $$`);
    await tx.unsafe(`alter role ${role} with login nosuperuser nocreatedb nocreaterole noreplication nobypassrls noinherit password '${app.password}'`);
  }
  await tx.unsafe(`
    revoke all on all tables in schema public from ${role};
    grant select, insert, update, delete on all tables in schema public to ${role};
    revoke update, delete on ${APPEND_ONLY.join(', ')} from ${role};
    revoke delete on ${NEVER_DELETED.join(', ')} from ${role};
    revoke insert, update, delete on schema_migration from ${role};
    revoke all on all sequences in schema public from ${role};
    grant usage, select on all sequences in schema public to ${role};
  `);
}

/**
 * Applies every migration not yet applied, on the owner's connection; then
 * grants the application role its privileges, when it is another role.
 * Returns the names it applied.
 */
export async function migrate(sql: Sql, app?: Application): Promise<string[]> {
  return sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK})`;
    await tx`create table if not exists schema_migration (version integer primary key, name text not null, applied_at timestamptz not null default now())`;
    const applied = new Set((await tx<{ version: number }[]>`select version from schema_migration`).map((row) => row.version));
    const names: string[] = [];
    for (const migration of migrations()) {
      if (applied.has(migration.version)) continue;
      await tx.unsafe(migration.sql);
      await tx`insert into schema_migration (version, name) values (${migration.version}, ${migration.name})`;
      names.push(migration.name);
    }
    if (app) await grantApplication(tx, app);
    return names;
  });
}

function redact(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '****';
    return parsed.toString();
  } catch {
    return 'the configured URL';
  }
}

/** A folder as the person who started Lantern would name it: ./lantern-data from the project folder. */
function displayPath(folder: string): string {
  const relative = path.relative(process.cwd(), folder);
  return relative === '' || relative.startsWith('..') || path.isAbsolute(relative) ? folder : `./${relative}`;
}
