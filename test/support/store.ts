// A real PostgreSQL store for a test file. By default each store is Lantern's
// own embedded server on a fresh temporary data folder; when the test run
// gives LANTERN_TEST_DATABASE_URL (a separately started server), each store
// is a fresh database there, reached through LANTERN_DATABASE_URL's code path.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { openStore, type Store } from '../../src/store/store.ts';

export interface TestStore extends Store {
  /** The data folder of an embedded store, or undefined on a server. */
  readonly dataDir: string | undefined;
  readonly databaseUrl: string | undefined;
}

let databases = 0;

export function serverUrl(): string | undefined {
  return process.env.LANTERN_TEST_DATABASE_URL || undefined;
}

export async function openTestStore(): Promise<TestStore> {
  const url = serverUrl();
  if (url) {
    const name = `lantern_test_${process.pid}_${++databases}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const databaseUrl = withDatabase(url, name);
    const store = await openStore({ databaseUrl, dataDir: '', role: 'test' });
    return {
      ...store, dataDir: undefined, databaseUrl,
      async close() {
        await store.close();
        const drop = postgres(url, { max: 1, onnotice: () => {} });
        await drop.unsafe(`drop database if exists ${name} with (force)`);
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

export function tempDir(prefix: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
