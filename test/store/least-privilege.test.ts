// The application connects as a role that owns nothing: with its credentials
// the audit trail and published report versions cannot be changed, emptied or
// unguarded (no dropping or disabling their triggers), while the owner's
// credentials still run the migrations. On the embedded server and, under
// `npm test`, on the run's server reached by URL as well.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { recordAudit } from '../../src/store/audit.ts';
import { openTestStore, serverUrl, type TestStore } from '../support/store.ts';

const PLACES = serverUrl() ? ['on the embedded server', 'on a server reached by URL'] : ['on the embedded server'];

for (const where of PLACES) {
  describe(`least privilege, ${where}`, () => {
    let store: TestStore;
    before(async () => {
      store = await openTestStore({ embedded: where === PLACES[0] });
      await recordAudit(store.sql, [{ userId: null, actor: 'test', action: 'change', recordKind: 'store', recordId: null, summary: 'kept', ip: null, userAgent: null }]);
    });
    after(() => store.close());

    const refused = (statement: Promise<unknown>) => assert.rejects(statement, (error: Error) => /permission denied|must be owner/.test(error.message), 'refused for lack of privilege');

    it('connects as a role that is no superuser, owns no table and is not the owner', async () => {
      const [app] = await store.sql<{ name: string; superuser: boolean; owned: number }[]>`
        select current_user as name, rolsuper as superuser,
          (select count(*)::int from pg_class where relowner = pg_roles.oid) as owned
        from pg_roles where rolname = current_user`;
      const owner = await store.asOwner(async (sql) => (await sql<{ name: string }[]>`select current_user as name`)[0]!.name);
      assert.deepEqual({ superuser: app!.superuser, owned: app!.owned }, { superuser: false, owned: 0 });
      assert.notEqual(app!.name, owner);
      if (store.dataDir) assert.equal(app!.name, 'lantern_app');
    });

    it('may not change, empty or unguard the audit trail', async () => {
      await refused(store.sql`update audit_event set summary = 'nothing happened'`);
      await refused(store.sql`delete from audit_event`);
      await refused(store.sql`truncate audit_event`);
      await refused(store.sql`drop trigger audit_event_append_only on audit_event`);
      await refused(store.sql`alter table audit_event disable trigger audit_event_append_only`);
      await refused(store.sql`alter table audit_event disable trigger all`);
      await refused(store.sql`drop table audit_event`);
      await refused(store.sql`create or replace function refuse_audit_change() returns trigger language plpgsql as $$ begin return old; end $$`);
      await refused(store.sql`set session_replication_role = replica`);
      const rows = await store.sql<{ summary: string }[]>`select summary from audit_event`;
      assert.deepEqual(
        rows.map((row) => row.summary),
        ['kept'],
      );
    });

    it('may not change, remove or unguard a published report version, nor delete a share', async () => {
      await refused(store.sql`update report_version set pdf = ''::bytea`);
      await refused(store.sql`delete from report_version`);
      await refused(store.sql`truncate report_version`);
      await refused(store.sql`drop trigger report_version_frozen on report_version`);
      await refused(store.sql`alter table report_version disable trigger report_version_frozen`);
      await refused(store.sql`delete from share`);
      await refused(store.sql`truncate share`);
      await refused(store.sql`drop trigger share_kept on share`);
    });

    it('may add to the history of observations, areas and metrics, never rewrite it', async () => {
      for (const table of ['observation_history', 'area_history', 'metric_history']) {
        await refused(store.sql`update ${store.sql(table)} set superseded_at = now()`);
        await refused(store.sql`delete from ${store.sql(table)}`);
        await refused(store.sql`truncate ${store.sql(table)}`);
      }
    });

    it('may not change the schema or the record of migrations', async () => {
      await refused(store.sql`create table taken (note text)`);
      await refused(store.sql`alter table observation add column note text`);
      await refused(store.sql`delete from schema_migration`);
    });

    it('migrates as the owner, and the application is granted the tables a later migration makes', async () => {
      assert.deepEqual(await store.migrate(), []);
      await store.asOwner((owner) => owner`create table later_table (note text)`);
      await refused(store.sql`select note from later_table`);
      await store.migrate();
      await store.sql`insert into later_table values ('granted')`;
      const rows = await store.sql<{ note: string }[]>`select note from later_table`;
      assert.deepEqual(
        rows.map((row) => row.note),
        ['granted'],
      );
    });
  });
}
