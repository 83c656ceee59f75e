// The last administrator stays, whoever tries to remove them: the admin API
// and `lantern users disable` go through the same use-case
// (src/server/features/admin/users.ts), so both refuse with the same words
// and change nothing; the console, which is no one signed in, may disable an
// administrator once there is another.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getUser, type User } from '../../../src/store/users.ts';
import { apiToken, bearer, organisation, user } from '../../support/access.ts';
import { lantern } from '../../support/lantern-command.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';

const LAST = 'this is the last administrator: add another before changing this one';

describe('the last administrator, from the API and from the command line', () => {
  let store: TestStore;
  let server: TestServer;
  let only: User;
  let token: string;

  before(async () => {
    store = await openTestStore();
    server = await startTestServer(store);
    const service = await organisation(store.sql, 'Lantern service', 'sector_body');
    only = await user(store.sql, 'only-admin@service.example', 'administrator', service.id);
    token = await apiToken(store.sql, only.id);
  });
  after(async () => {
    await server.close();
    await store.close();
  });

  const patch = (id: number, body: object, as = token) =>
    fetch(`${server.base}/api/admin/users/${id}`, {
      method: 'PATCH',
      headers: { ...bearer(as), 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
  const changesAudited = async () => (await store.sql<{ n: number }[]>`select count(*)::int as n from audit_event where record_kind = 'user'`)[0]!.n;

  it('the API refuses to disable or demote the only administrator, and says why', async () => {
    for (const body of [{ disabled: true }, { role: 'principal_adviser' }]) {
      const response = await patch(only.id, body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal(((await response.json()) as { message: string }).message, LAST);
    }
  });

  it('the command line refuses with the same words, and nothing changes', async () => {
    const run = await lantern(store, ['users', 'disable', only.email]);
    assert.equal(run.code, 2, run.stderr);
    assert.equal(run.stderr, `lantern: ${LAST}\n`);
    assert.equal((await getUser(store.sql, only.id))!.disabled, false);
    assert.equal(await changesAudited(), 0);
  });

  it('once there is another, the console may disable the first; the other then stays, from either side', async () => {
    const added = await lantern(
      store,
      ['users', 'add', '--email', 'second-admin@service.example', '--name', 'Second', '--organisation', 'Lantern service', '--role', 'administrator', '--password-stdin'],
      'a long enough password\n',
    );
    assert.equal(added.code, 0, added.stderr);
    const disabled = await lantern(store, ['users', 'disable', only.email]);
    assert.equal(disabled.code, 0, disabled.stderr);
    assert.equal((await getUser(store.sql, only.id))!.disabled, true);

    const second = (await store.sql<{ id: number }[]>`select id from user_account where email = 'second-admin@service.example'`)[0]!;
    const refused = await lantern(store, ['users', 'disable', 'second-admin@service.example']);
    assert.equal(refused.stderr, `lantern: ${LAST}\n`);
    const own = await patch(second.id, { disabled: true }, await apiToken(store.sql, second.id));
    assert.equal(((await own.json()) as { message: string }).message, LAST);
    assert.equal((await getUser(store.sql, second.id))!.disabled, false);
  });
});
