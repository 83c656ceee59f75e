// The demo's people are made once: in a store with no users, the
// organisations and one administrator; in a store that has users, nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDemoAccess, DEMO_ADMINISTRATOR } from '../../../src/server/features/admin/demo-access.ts';
import { findUserByEmail, listUsers } from '../../../src/store/users.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';

describe('createDemoAccess', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());

  it('makes the administrator in a store with no users, and nothing once it has one', async () => {
    const lines: string[] = [];
    assert.equal(await createDemoAccess(store.sql, 'a long demo passphrase 7', (line) => lines.push(line)), true);
    const admin = await findUserByEmail(store.sql, DEMO_ADMINISTRATOR);
    assert.equal(admin?.role, 'administrator');
    assert.equal(admin?.organisationName, 'Lantern service');
    assert.match(lines.join('\n'), /its password is LANTERN_ADMIN_PASSWORD/);
    assert.equal(await createDemoAccess(store.sql, undefined, (line) => lines.push(line)), false);
    assert.equal((await listUsers(store.sql)).length, 1);
    assert.equal(lines.length, 1);
  });
});
