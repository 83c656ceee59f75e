// The demo's people are made once: in a store with no users, the
// organisations, one administrator and an invented regional partner (who
// verifies the demo's savings, signing in with the same password); in a
// store that has users, nothing.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDemoAccess, DEMO_ADMINISTRATOR, DEMO_PARTNER } from '../../../src/server/features/admin/demo-access.ts';
import { findUserByEmail, listUsers } from '../../../src/store/users.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';

describe('createDemoAccess', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());

  it('makes the administrator and the invented partner in a store with no users, and nothing once it has one', async () => {
    const lines: string[] = [];
    assert.equal(await createDemoAccess(store.sql, 'a long demo passphrase 7', (line) => lines.push(line)), true);
    const admin = await findUserByEmail(store.sql, DEMO_ADMINISTRATOR);
    assert.equal(admin?.role, 'administrator');
    assert.equal(admin?.organisationName, 'Lantern service');
    assert.match(lines.join('\n'), /its password is LANTERN_ADMIN_PASSWORD/);
    const partner = await findUserByEmail(store.sql, DEMO_PARTNER);
    assert.deepEqual([partner?.role, partner?.organisationName, partner?.name], ['regional_partner', 'North East improvement partnership', 'Pat Partner (invented demo user)']);
    assert.match(lines.join('\n'), /Pat Partner \(invented demo user\), partner@lantern.example, a regional partner of the North East who verifies savings, with the same password/);
    assert.equal(await createDemoAccess(store.sql, undefined, (line) => lines.push(line)), false);
    assert.equal((await listUsers(store.sql)).length, 2);
    assert.equal(lines.length, 2);
  });
});
