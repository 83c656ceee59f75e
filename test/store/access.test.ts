// The access tables in the store: the audit trail refuses UPDATE, DELETE and
// TRUNCATE whoever asks (triggers, in real SQL: tried here as the tables'
// owner, since the application role is not even granted them, see
// least-privilege.test.ts); a share may only be revoked, once; an
// intelligence item cannot be stored shareable without evidence.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { recordAudit } from '../../src/store/audit.ts';
import { createShare, revokeShare } from '../../src/store/shares.ts';
import { organisation, user } from '../support/access.ts';
import { seedCatalogue } from '../support/import.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

describe('the access tables', () => {
  let store: TestStore;
  let userId: number;
  let organisationId: number;

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    organisationId = (await organisation(store.sql, 'Sector body', 'sector_body')).id;
    userId = (await user(store.sql, 'adviser@sector.example', 'principal_adviser', organisationId)).id;
    await recordAudit(store.sql, [{ userId, actor: 'adviser', action: 'change', recordKind: 'intelligence_item', recordId: '1', summary: 'recorded', ip: '127.0.0.1', userAgent: null }]);
  });
  after(() => store.close());

  const refused = async (statement: Promise<unknown>, pattern: RegExp) => {
    await assert.rejects(statement, (error: Error) => pattern.test(error.message));
  };

  it('the audit trail refuses UPDATE, DELETE and TRUNCATE, and keeps its rows', async () => {
    await store.asOwner(async (owner) => {
      await refused(owner`update audit_event set summary = 'nothing happened'`, /append-only: UPDATE refused/);
      await refused(owner`delete from audit_event`, /append-only: DELETE refused/);
      await refused(owner`truncate audit_event`, /append-only: TRUNCATE refused/);
      await refused(owner.unsafe('delete from audit_event where id in (select id from audit_event limit 1)'), /append-only/);
    });
    const rows = await store.sql<{ summary: string }[]>`select summary from audit_event`;
    assert.deepEqual(
      rows.map((r) => r.summary),
      ['recorded'],
    );
  });

  it('a share may be revoked once, and never rewritten or deleted', async () => {
    const share = await createShare(store.sql, {
      recordKind: 'intelligence_item',
      recordId: '1',
      subjectArea: 'E06000047',
      withOrganisationId: organisationId,
      withUserId: null,
      reason: 'for the review',
      sharedBy: userId,
    });
    await refused(store.sql`update share set reason = 'rewritten' where id = ${share.id}`, /never deleted or rewritten/);
    await store.asOwner(async (owner) => {
      await refused(owner`delete from share where id = ${share.id}`, /never deleted or rewritten/);
      await refused(owner`truncate share cascade`, /never deleted or rewritten/);
    });
    const revoked = await revokeShare(store.sql, share.id, userId, 'no longer needed');
    assert.equal(revoked?.revokeReason, 'no longer needed');
    assert.equal(await revokeShare(store.sql, share.id, userId, 'again'), undefined);
    await refused(store.sql`update share set revoked_at = null, revoked_by = null, revoke_reason = null where id = ${share.id}`, /never deleted or rewritten/);
  });

  it('refuses to store a shareable intelligence item without evidence', async () => {
    await refused(
      store.sql`
      insert into intelligence_item (subject_area, cause, best_value_theme, title, note, evidence, shareable, author_id, owner_organisation_id)
      values ('E06000047', 'disengagement', 'partnerships_and_community_engagement', 't', 'n', '[]', true, ${userId}, ${organisationId})`,
      /intelligence_item_check|check constraint/,
    );
  });

  it('keeps passwords as argon2id hashes only', async () => {
    await refused(
      store.sql`insert into user_account (email, name, organisation_id, role, password_hash) values ('x@y.example', 'x', ${organisationId}, 'inspector', 'plain text')`,
      /check constraint/,
    );
  });
});
