// The notices that who may do what has changed: sent by the store's triggers
// on commit, for every kind of change a server's memory of sessions and
// tokens relies on, and for none of those it does not; heard by a listener
// that says when it may have missed one.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createApiToken, noteApiTokenUsed, revokeApiToken } from '../../src/store/api-tokens.ts';
import { identityChangesOf, identityChangesSettled, type IdentityChange } from '../../src/store/identity-changes.ts';
import { createSession, deleteSession, touchSession } from '../../src/store/sessions.ts';
import { disableUser, setUserRole } from '../../src/store/users.ts';
import { organisation, user } from '../support/access.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

describe('identity changes', () => {
  let store: TestStore;
  const heard: IdentityChange[] = [];
  let userId: number;
  let organisationId: number;

  /** What the listener hears of `change`, once it has surely heard all of it. */
  const noticesOf = async (change: () => Promise<unknown>): Promise<IdentityChange[]> => {
    await identityChangesSettled(store.sql);
    heard.length = 0;
    await change();
    await identityChangesSettled(store.sql);
    return [...heard];
  };

  before(async () => {
    store = await openTestStore();
    const changes = identityChangesOf(store.sql);
    changes.subscribe((change) => heard.push(change));
    const partners = await organisation(store.sql, 'North East improvement partnership', 'regional_partnership');
    organisationId = partners.id;
    userId = (await user(store.sql, 'partner@region.example', 'regional_partner', partners.id)).id;
    await until(() => changes.listening);
  });
  after(async () => {
    await identityChangesOf(store.sql).close();
    await store.close();
  });

  const session = async (): Promise<Buffer> => {
    const idHash = Buffer.from(Math.random().toString(36).padEnd(32, 'x'));
    await createSession(store.sql, { idHash, userId, csrfToken: 'csrf', expiresAt: new Date(Date.now() + 3_600_000), ip: null, userAgent: null });
    return idHash;
  };
  const theUser = () => [{ kind: 'user', userId }];

  it('tells of a session ended, and of one whose last use is moved back, never of one used', async () => {
    const idHash = await session();
    assert.deepEqual(await noticesOf(() => touchSession(store.sql, idHash)), [], 'a use is noted by the server itself');
    assert.deepEqual(await noticesOf(() => store.sql`update user_session set last_seen_at = now() - interval '1 hour' where id_hash = ${idHash}`), theUser());
    assert.deepEqual(await noticesOf(() => store.sql`update user_session set expires_at = now() where id_hash = ${idHash}`), theUser());
    assert.deepEqual(await noticesOf(() => deleteSession(store.sql, idHash)), theUser());
  });

  it('tells of a token revoked, never of one used', async () => {
    const token = await createApiToken(store.sql, { userId, name: 'script', tokenHash: Buffer.from('a token hash'), scopes: ['read'], expiresAt: null });
    assert.deepEqual(await noticesOf(() => noteApiTokenUsed(store.sql, token.id)), []);
    assert.deepEqual(await noticesOf(() => revokeApiToken(store.sql, token.id)), theUser());
    assert.deepEqual(await noticesOf(() => revokeApiToken(store.sql, token.id)), [], 'revoking it again changes nothing');
  });

  it('tells of a role, a password or a disabling once for each user in a transaction, however many rows change', async () => {
    await session();
    await session();
    assert.deepEqual(await noticesOf(() => store.sql.begin((tx) => setUserRole(tx, userId, 'principal_adviser'))), theUser());
    assert.deepEqual(await noticesOf(() => store.sql`update user_account set password_hash = '$argon2id$v=19$m=19456,t=2,p=1$new' where id = ${userId}`), theUser());
    assert.deepEqual(await noticesOf(() => store.sql.begin((tx) => disableUser(tx, userId))), theUser(), 'one notice for the user, their sessions and their tokens');
  });

  it('tells of an organisation changed, and nothing of a change rolled back', async () => {
    assert.deepEqual(await noticesOf(() => store.sql`update organisation set name = 'North East partnership' where id = ${organisationId}`), [{ kind: 'organisation', organisationId }]);
    assert.deepEqual(await noticesOf(() => store.sql`update organisation set name = name where id = ${organisationId}`), [], 'an update that changes nothing');
    const rolledBack = noticesOf(() =>
      store.sql
        .begin(async (tx) => {
          await tx`update user_account set role = 'regional_partner' where id = ${userId}`;
          throw new Error('changed my mind');
        })
        .catch(() => undefined),
    );
    assert.deepEqual(await rolledBack, []);
  });

  it('says it is not listening from the moment its connection is lost, and tells everyone on listening again', async () => {
    const changes = identityChangesOf(store.sql);
    heard.length = 0;
    await store.asOwner((owner) => owner`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'lantern identity listener'`);
    await until(() => !changes.listening);
    await until(() => changes.listening);
    assert.deepEqual(heard, [{ kind: 'everyone' }], 'whatever was remembered may have missed a notice');
  });
});

async function until(condition: () => boolean, seconds = 10): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not so within ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
