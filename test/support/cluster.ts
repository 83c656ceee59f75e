// A second Lantern server on a test's store: the same database reached as
// `lantern serve` on another machine would reach it (LANTERN_DATABASE_URL as
// the application's role, LANTERN_MIGRATION_DATABASE_URL as the owner), so
// with a connection pool, a listener and an engine of its own.
import { identityChangesOf } from '../../src/store/identity-changes.ts';
import { APP_USER, DATABASE_NAME, DATABASE_USER } from '../../src/store/embedded-server.ts';
import { openStore } from '../../src/store/store.ts';
import { startTestServer, type TestServer } from './server.ts';
import type { TestStore } from './store.ts';

/** The same database as `store`, opened again by URL: its own pool, closed apart from `store`. */
export async function openStoreAgain(store: TestStore): Promise<TestStore> {
  const urls = store.embedded
    ? {
        databaseUrl: `postgres://${APP_USER}:${encodeURIComponent(store.embedded.appPassword)}@127.0.0.1:${store.embedded.port}/${DATABASE_NAME}`,
        migrationDatabaseUrl: `postgres://${DATABASE_USER}:${encodeURIComponent(store.embedded.password)}@127.0.0.1:${store.embedded.port}/${DATABASE_NAME}`,
      }
    : { databaseUrl: store.databaseUrl!, migrationDatabaseUrl: store.migrationDatabaseUrl };
  const again = await openStore({ ...urls, dataDir: '', role: 'test, second server' });
  return { ...again, dataDir: store.dataDir, ...urls };
}

/** Two servers on one database: `a` on the test's store, `b` on the same database through a store of its own. */
export async function startTwoServers(store: TestStore): Promise<{ a: TestServer; b: TestServer; storeB: TestStore; close(): Promise<void> }> {
  const storeB = await openStoreAgain(store);
  const a = await startTestServer(store);
  const b = await startTestServer(storeB);
  return {
    a,
    b,
    storeB,
    async close() {
      await b.close();
      await a.close();
      await identityChangesOf(storeB.sql).close();
      await storeB.close();
    },
  };
}
