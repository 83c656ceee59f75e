// A real PostgreSQL store for a test file. By default each store is Lantern's
// own embedded server on a fresh temporary data folder; when the test run
// gives LANTERN_TEST_DATABASE_URL (a separately started server), each store
// is a fresh database there, reached through LANTERN_DATABASE_URL's code path:
// migrated as the server's superuser (LANTERN_MIGRATION_DATABASE_URL) and used
// as a role of its own that owns nothing (LANTERN_DATABASE_URL), as Lantern
// is meant to be run.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openStore, type Store } from '../../src/store/store.ts';

export interface TestStore extends Store {
  /** The data folder of an embedded store, or undefined on a server. */
  readonly dataDir: string | undefined;
  /** The application's URL on a server: a role that owns nothing. */
  readonly databaseUrl: string | undefined;
  /** The owner's URL on a server, for migrations. */
  readonly migrationDatabaseUrl?: string | undefined;
}

let databases = 0;

export function serverUrl(): string | undefined {
  return process.env.LANTERN_TEST_DATABASE_URL || undefined;
}

export async function openTestStore(): Promise<TestStore> {
  const url = serverUrl();
  if (url) {
    const name = `lantern_test_${process.pid}_${++databases}`;
    const app = `${name}_app`;
    const password = randomBytes(18).toString('base64url');
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.unsafe(`create role ${app} login password '${password}'`);
    await admin.end();
    const migrationDatabaseUrl = withDatabase(url, name);
    const databaseUrl = withUser(migrationDatabaseUrl, app, password);
    const store = await openStore({ databaseUrl, migrationDatabaseUrl, dataDir: '', role: 'test' });
    return {
      ...store, dataDir: undefined, databaseUrl, migrationDatabaseUrl,
      async close() {
        await store.close();
        const drop = postgres(url, { max: 1, onnotice: () => {} });
        await drop.unsafe(`drop database if exists ${name} with (force)`);
        await drop.unsafe(`drop role if exists ${app}`);
        await drop.end();
      },
    };
  }
  const dataDir = tempDir('lantern-store-');
  const store = await openStore({ dataDir, role: 'test' });
  return {
    ...store, dataDir, databaseUrl: undefined,
    async close() {
      await store.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
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
