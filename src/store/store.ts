// Opening the store: the embedded PostgreSQL server by default, or the server
// named by LANTERN_DATABASE_URL; then the migrations, in order, once.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import postgres from 'postgres';
import { DATABASE_NAME, DATABASE_USER, startEmbeddedServer, type EmbeddedServer } from './embedded-server.ts';

export type Sql = postgres.Sql;
/** Anything queries run on: the pool or an open transaction. */
export type Db = postgres.Sql | postgres.TransactionSql;

export interface StoreOptions {
  readonly databaseUrl?: string | undefined;
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
  readonly sql: Sql;
  /** Set when Lantern runs its own embedded server. */
  readonly embedded: EmbeddedServer | undefined;
  /** Where the data lives, for messages: never the password. */
  readonly description: string;
  /** Said once on start when the store is not where it was asked to be, and why. */
  readonly notice: string | undefined;
  close(): Promise<void>;
}

const MIGRATIONS_DIR = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
const MIGRATION_LOCK = 7_246_001; // advisory lock key: one migrator at a time

export async function openStore(options: StoreOptions): Promise<Store> {
  const embedded = options.databaseUrl
    ? undefined
    : await startEmbeddedServer(options.dataDir, options.role ?? 'lantern', {
      isDefaultFolder: options.isDefaultFolder ?? false,
      ...(options.log ? { log: options.log } : {}), ...(options.onLost ? { onLost: options.onLost } : {}),
    });
  const connection = {
    max: options.maxConnections ?? 10,
    onnotice: () => {},
    connection: { application_name: `lantern ${options.role ?? ''}`.trim() },
  };
  const sql = embedded
    ? postgres({ host: '127.0.0.1', port: embedded.port, user: DATABASE_USER, password: embedded.password, database: DATABASE_NAME, ...connection })
    : postgres(options.databaseUrl as string, connection);
  const description = embedded ? `embedded PostgreSQL in ${embedded.dataDir}` : `PostgreSQL at ${redact(options.databaseUrl as string)}`;
  try {
    if (!embedded) await reachServer(sql, description, options.log ?? ((line) => { process.stderr.write(line + '\n'); }));
    await migrate(sql);
  } catch (error) {
    await sql.end({ timeout: 1 });
    await embedded?.stop();
    throw error;
  }
  return {
    sql,
    embedded,
    description,
    notice: embedded?.movedFrom && `${displayPath(embedded.movedFrom)} is inside a private folder; the store is kept in ${embedded.dataDir} instead`,
    async close() {
      await sql.end({ timeout: 5 });
      await embedded?.stop();
    },
  };
}

/** Errors that say the server is not (yet) there, rather than that it refused Lantern. */
const UNREACHABLE = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'CONNECT_TIMEOUT', 'CONNECTION_CLOSED', '57P03']);
const BACKOFF_SECONDS = [0.5, 1, 2, 4, 8, 16];

/**
 * A server reached by URL may be starting, restarting or briefly away: it is
 * asked again, waiting twice as long each time (about 30 s in all), before
 * Lantern gives up with the last error. Once running, the driver opens a new
 * connection for the next query by itself, and /health says 503 meanwhile.
 */
async function reachServer(sql: Sql, description: string, log: (line: string) => void): Promise<void> {
  for (const seconds of BACKOFF_SECONDS) {
    try {
      await sql`select 1`;
      return;
    } catch (error) {
      const code = String((error as { code?: unknown }).code ?? '');
      if (!UNREACHABLE.has(code)) throw error;
      log(`Lantern: ${description} does not answer (${(error as Error).message}); trying again in ${seconds} s`);
      await new Promise((resolve) => setTimeout(resolve, seconds * 1000));
    }
  }
  await sql`select 1`;
}

export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

export function migrations(): Migration[] {
  return fs.readdirSync(MIGRATIONS_DIR)
    .filter((file) => /^\d{3}-.*\.sql$/.test(file))
    .sort()
    .map((file) => ({ version: Number(file.slice(0, 3)), name: file, sql: fs.readFileSync(path.join(MIGRATIONS_DIR, file), 'utf8') }));
}

/** Applies every migration not yet applied; returns the names it applied. */
export async function migrate(sql: Sql): Promise<string[]> {
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
