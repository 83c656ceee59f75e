// Two Lanterns starting at once on one database: the migrations run under an
// advisory lock, so a server that opens the store while another migrates
// waits for it, then finds nothing left to apply.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { MIGRATION_LOCK, migrations, openStore, type Store } from '../../src/store/store.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

describe('a store opened while another Lantern migrates', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());

  const openSecond = (): Promise<Store> =>
    store.databaseUrl
      ? openStore({ databaseUrl: store.databaseUrl, migrationDatabaseUrl: store.migrationDatabaseUrl, dataDir: '', role: 'test' })
      : openStore({ dataDir: store.dataDir!, role: 'test' });

  it('waits for the migrator, then finds its migration applied and applies nothing', async () => {
    const latest = migrations().at(-1)!;
    // A migrator under way: it holds the lock and has not yet recorded its last migration.
    await store.asOwner((owner) => owner`delete from schema_migration where version = ${latest.version}`);
    let locked!: () => void;
    let finish!: () => void;
    const holding = new Promise<void>((resolve) => {
      locked = resolve;
    });
    const finishing = new Promise<void>((resolve) => {
      finish = resolve;
    });
    const migrator = store.asOwner((owner) =>
      owner.begin(async (tx) => {
        await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK})`;
        locked();
        await finishing;
        await tx`insert into schema_migration (version, name, applied_at) values (${latest.version}, ${latest.name}, '2000-01-01T00:00:00Z')`;
      }),
    );
    await holding;

    let opened = false;
    const second = openSecond().then((opening) => {
      opened = true;
      return opening;
    });
    await new Promise((resolve) => setTimeout(resolve, 700));
    assert.equal(opened, false, 'the second Lantern waits while the first migrates');
    finish();
    await migrator;
    const secondStore = await second;
    try {
      const [row] = await store.sql<{ appliedAt: Date }[]>`select applied_at as "appliedAt" from schema_migration where version = ${latest.version}`;
      assert.equal(row!.appliedAt.toISOString(), '2000-01-01T00:00:00.000Z', 'the migration was recorded once, by the first');
      assert.deepEqual(await secondStore.migrate(), []);
    } finally {
      await secondStore.close();
    }
  });
});
