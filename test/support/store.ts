// A real PostgreSQL store for a test file. By default each store is Lantern's
// own embedded server on a fresh temporary data folder; when the test run
// gives LANTERN_TEST_DATABASE_URL (a separately started server), each store
// is a fresh database there, reached through LANTERN_DATABASE_URL's code path:
// migrated as the server's superuser (LANTERN_MIGRATION_DATABASE_URL) and used
// as a role of its own that owns nothing (LANTERN_DATABASE_URL), as Lantern
// is meant to be run.
//
// `npm test` (test/run.ts) starts that server once per run and makes two
// template databases on it: the migrated empty store, and the same with the
// demo's extracts loaded. A store is then a copy of one (CREATE DATABASE ...
// TEMPLATE), which takes a fraction of a second where loading the demo takes
// twelve or more; a server without them makes and migrates each database.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { loadDemo } from '../../src/ingest/demo.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { SHARED_DATA } from './data.ts';

export interface TestStore extends Store {
  /** The data folder of an embedded store, or undefined on a server. */
  readonly dataDir: string | undefined;
  /** The application's URL on a server: a role that owns nothing. */
  readonly databaseUrl: string | undefined;
  /** The owner's URL on a server, for migrations. */
  readonly migrationDatabaseUrl?: string | undefined;
}

let databases = 0;

/** The migrated empty store, and the store with the demo's extracts: made once per run by makeTemplates. */
export const EMPTY_TEMPLATE = 'lantern_test_empty';
export const DEMO_TEMPLATE = 'lantern_test_demo';

export function serverUrl(): string | undefined {
  return process.env.LANTERN_TEST_DATABASE_URL || undefined;
}

/**
 * A fresh, migrated, empty store: a database on the test run's server, or,
 * with `embedded` or without a server, Lantern's embedded server of its own.
 */
export async function openTestStore(options: { embedded?: boolean } = {}): Promise<TestStore> {
  const url = serverUrl();
  if (url && !options.embedded) return openDatabase(url, EMPTY_TEMPLATE);
  const dataDir = tempDir('lantern-store-');
  const store = await openStore({ dataDir, role: 'test' });
  return {
    ...store,
    dataDir,
    databaseUrl: undefined,
    async close() {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A store holding the demo's extracts from the shared data, as loadDemo leaves it: copied from the run's template, or loaded here. */
export async function openDemoStore(): Promise<TestStore> {
  const url = serverUrl();
  if (url) return openDatabase(url, DEMO_TEMPLATE, loadDemoExtracts);
  const store = await openTestStore();
  await loadDemoExtracts(store);
  return store;
}

async function loadDemoExtracts(store: Store): Promise<void> {
  const loaded = await loadDemo(store.sql, SHARED_DATA, () => {}, { only: ['fingertips-extracts'] });
  assert.ok(loaded, `the demo data is at ${SHARED_DATA}`);
}

/**
 * A database of its own on the server, and a role for the application that
 * owns nothing: a copy of `template` when the run made it, or else a new
 * database that `fill` makes what a copy would be.
 */
async function openDatabase(url: string, template: string, fill: (store: Store) => Promise<void> = async () => {}): Promise<TestStore> {
  const name = `lantern_test_${process.pid}_${++databases}`;
  const app = `${name}_app`;
  const password = randomBytes(18).toString('base64url');
  const copied = await asSuperuser(url, async (admin) => {
    const [made] = await admin`select from pg_database where datname = ${template}`;
    await admin.unsafe(`create database ${name}${made ? ` template ${template}` : ''}`);
    await admin.unsafe(`create role ${app} login password '${password}'`);
    return made !== undefined;
  });
  const migrationDatabaseUrl = withDatabase(url, name);
  const databaseUrl = withUser(migrationDatabaseUrl, app, password);
  const drop = () => dropDatabase(url, name, app);
  const store = await openStore({ databaseUrl, migrationDatabaseUrl, dataDir: '', role: 'test' }).catch(async (error: unknown) => {
    await drop();
    throw error;
  });
  if (!copied) {
    await fill(store).catch(async (error: unknown) => {
      await store.close();
      await drop();
      throw error;
    });
  }
  return {
    ...store,
    dataDir: undefined,
    databaseUrl,
    migrationDatabaseUrl,
    async close() {
      await store.close();
      await drop();
    },
  };
}

async function dropDatabase(url: string, name: string, app: string): Promise<void> {
  await asSuperuser(url, async (admin) => {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.unsafe(`drop role if exists ${app}`);
  });
}

async function asSuperuser<T>(url: string, work: (admin: postgres.Sql) => Promise<T>): Promise<T> {
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  try {
    return await work(admin);
  } finally {
    await admin.end();
  }
}

/**
 * Makes the run's two templates on the server at `url`: a database migrated
 * as a test store is, then a copy of it with the demo's extracts loaded
 * through the application's role and analysed, so that copies plan their
 * queries as a loaded store would. The role is dropped once each is made, and
 * a template takes no connections: a copy needs its template left alone.
 */
export async function makeTemplates(url: string): Promise<void> {
  await makeTemplate(url, EMPTY_TEMPLATE, async () => {});
  await makeTemplate(url, DEMO_TEMPLATE, loadDemoExtracts);
}

async function makeTemplate(url: string, name: string, fill: (store: Store) => Promise<void>): Promise<void> {
  const store = await openDatabase(url, EMPTY_TEMPLATE);
  const made = new URL(store.migrationDatabaseUrl!).pathname.slice(1);
  const app = new URL(store.databaseUrl!).username;
  try {
    await fill(store);
    await store.asOwner(async (owner) => {
      await owner`analyze`;
      await owner.unsafe(`drop owned by ${app}`);
    });
  } finally {
    await store.sql.end();
  }
  await asSuperuser(url, async (admin) => {
    await admin.unsafe(`drop role ${app}`);
    await admin.unsafe(`alter database ${made} rename to ${name}`);
    await admin.unsafe(`alter database ${name} with is_template true allow_connections false`);
  });
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

function withUser(url: string, user: string, password: string): string {
  const parsed = new URL(url);
  parsed.username = user;
  parsed.password = password;
  return parsed.toString();
}

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** The pid of the embedded server running on the data folder, as its postmaster.pid names it. */
export function postmasterPid(dataDir: string): number {
  return Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
}
