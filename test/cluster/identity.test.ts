// Two Lantern servers on one PostgreSQL, each with its own connection pool,
// listener and memory of sessions and tokens: a sign-out, a revocation, a
// disabling or a change of role on one is in force on the other at the very
// next request; a change of organisation made in SQL reaches both; failed
// sign-ins add up across both; and a server whose listening connection is
// lost answers from the store, not from what it remembers, until it listens
// again.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { identityCacheOf } from '../../src/server/platform/identity/identity-cache.ts';
import { sha256 } from '../../src/server/platform/identity/secrets.ts';
import { identityChangesOf, identityChangesSettled } from '../../src/store/identity-changes.ts';
import type { User } from '../../src/store/users.ts';
import { apiToken, bearer, Browser, organisation, TEST_PASSWORD, user } from '../support/access.ts';
import { startTwoServers } from '../support/cluster.ts';
import type { TestServer } from '../support/server.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

interface Who {
  readonly status: number;
  readonly email: string | null;
  readonly role: string | null;
  readonly organisationName: string | null;
}

/** Who `server` takes the request to be, from GET /api/session. */
async function who(server: TestServer, headers: Record<string, string>): Promise<Who> {
  const response = await fetch(`${server.base}/api/session`, { headers });
  if (response.status !== 200) return { status: response.status, email: null, role: null, organisationName: null };
  const { user: seen } = (await response.json()) as { user: { email: string; role: string; organisationName: string } | null };
  return { status: 200, email: seen?.email ?? null, role: seen?.role ?? null, organisationName: seen?.organisationName ?? null };
}

const sessionOf = (browser: Browser) => ({ Cookie: `lantern_session=${browser.cookie('lantern_session')}` });

describe('two servers on one store', () => {
  let store: TestStore;
  let servers: Awaited<ReturnType<typeof startTwoServers>>;
  let a: TestServer;
  let b: TestServer;
  let people: Record<'adviser' | 'manager' | 'partner' | 'reader' | 'counted' | 'administrator', User>;
  let adminToken: string;
  let partnershipId: number;

  before(async () => {
    store = await openTestStore();
    const sql = store.sql;
    const sector = await organisation(sql, 'Sector improvement body', 'sector_body');
    const partnership = await organisation(sql, 'North East improvement partnership', 'regional_partnership');
    const service = await organisation(sql, 'Lantern service', 'sector_body');
    partnershipId = partnership.id;
    people = {
      adviser: await user(sql, 'adviser@sector.example', 'principal_adviser', sector.id),
      manager: await user(sql, 'peers@sector.example', 'principal_adviser', sector.id),
      partner: await user(sql, 'partner@region.example', 'regional_partner', partnership.id),
      reader: await user(sql, 'reader@region.example', 'regional_partner', partnership.id),
      counted: await user(sql, 'counted@region.example', 'regional_partner', partnership.id),
      administrator: await user(sql, 'admin@service.example', 'administrator', service.id),
    };
    adminToken = await apiToken(sql, people.administrator.id);
    servers = await startTwoServers(store);
    ({ a, b } = servers);
    await until(() => identityChangesOf(store.sql).listening && identityChangesOf(servers.storeB.sql).listening);
  });
  after(async () => {
    await servers.close();
    await store.close();
  });

  it('a sign-out on one server ends the session on the other at the next request', async () => {
    const browser = new Browser(a.base);
    assert.equal((await browser.signIn(people.adviser.email)).status, 303);
    const remembered = identityCacheOf(servers.storeB.sql).size;
    assert.equal((await who(b, sessionOf(browser))).email, people.adviser.email, 'the other server takes the session');
    assert.equal(identityCacheOf(servers.storeB.sql).size, remembered + 1, 'and remembers it');
    const cookie = sessionOf(browser);
    const out = await browser.fetch('/sign-out', { method: 'POST', body: new URLSearchParams({ _csrf: browser.csrfToken }) });
    assert.equal(out.status, 303);
    assert.deepEqual(await who(b, cookie), { status: 200, email: null, role: null, organisationName: null }, 'the very next request on the other server is the public');
  });

  it('a token revoked on one server is refused by the other at the next request', async () => {
    const token = await apiToken(store.sql, people.reader.id, ['read']);
    assert.equal((await who(b, bearer(token))).email, people.reader.email);
    const [row] = await store.sql<{ id: number }[]>`select id from api_token where token_hash = ${sha256(token)}`;
    const revoked = await fetch(`${a.base}/api/tokens/${row!.id}/revoke`, { method: 'POST', headers: bearer(adminToken) });
    assert.equal(revoked.status, 200);
    assert.equal((await who(b, bearer(token))).status, 401);
    assert.equal((await who(a, bearer(token))).status, 401);
  });

  it('a user disabled on one server is refused by the other at the next request, by session and by token', async () => {
    const browser = new Browser(b.base);
    assert.equal((await browser.signIn(people.partner.email)).status, 303);
    const token = await apiToken(store.sql, people.partner.id, ['read']);
    assert.equal((await who(b, sessionOf(browser))).email, people.partner.email);
    assert.equal((await who(b, bearer(token))).email, people.partner.email);
    const cookie = sessionOf(browser);
    const disabled = await fetch(`${a.base}/api/admin/users/${people.partner.id}`, {
      method: 'PATCH',
      headers: { ...bearer(adminToken), 'Content-Type': 'application/json' },
      body: JSON.stringify({ disabled: true }),
    });
    assert.equal(disabled.status, 200);
    assert.equal((await who(b, cookie)).email, null, 'the session has ended');
    assert.equal((await who(b, bearer(token))).status, 401, 'the token is refused');
  });

  it("a change of role on one server is the user's role on the other at the next request", async () => {
    const token = await apiToken(store.sql, people.manager.id, ['read']);
    assert.equal((await who(b, bearer(token))).role, 'principal_adviser');
    const changed = await fetch(`${a.base}/api/admin/users/${people.manager.id}`, {
      method: 'PATCH',
      headers: { ...bearer(adminToken), 'Content-Type': 'application/json' },
      body: JSON.stringify({ role: 'peer_challenge_manager' }),
    });
    assert.equal(changed.status, 200);
    assert.equal((await who(b, bearer(token))).role, 'peer_challenge_manager');
  });

  it('a change to an organisation, made in SQL, reaches both servers once they have heard it', async () => {
    const token = await apiToken(store.sql, people.reader.id, ['read']);
    assert.equal((await who(a, bearer(token))).organisationName, 'North East improvement partnership');
    assert.equal((await who(b, bearer(token))).organisationName, 'North East improvement partnership');
    await store.sql`update organisation set name = 'North East partnership' where id = ${partnershipId}`;
    await identityChangesSettled(store.sql);
    assert.equal((await who(a, bearer(token))).organisationName, 'North East partnership');
    assert.equal((await who(b, bearer(token))).organisationName, 'North East partnership');
  });

  it('failed sign-ins add up across both servers: four on one and one on the other stop the address', async () => {
    const signInFrom = async (server: TestServer, password: string) => {
      const browser = new Browser(server.base);
      const from = { 'X-Forwarded-For': '203.0.113.50' };
      const { csrfToken } = (await (await browser.fetch('/api/session', { headers: from })).json()) as { csrfToken: string };
      return (await browser.fetch('/sign-in', { method: 'POST', headers: from, body: new URLSearchParams({ email: people.counted.email, password, _csrf: csrfToken }) })).status;
    };
    for (let i = 0; i < 4; i++) assert.equal(await signInFrom(a, `wrong password ${i}`), 401);
    assert.equal(await signInFrom(b, 'wrong password 4'), 401, 'the fifth failure, on the other server');
    assert.equal(await signInFrom(b, TEST_PASSWORD), 429, 'the other server has counted all five');
    assert.equal(await signInFrom(a, TEST_PASSWORD), 429);
  });

  it('a server that has lost its listening connection answers from the store until it listens again', async () => {
    const sql = store.sql;
    const changes = identityChangesOf(sql);
    const revoked = await apiToken(sql, people.reader.id, ['read']);
    const kept = await apiToken(sql, people.reader.id, ['read']);
    assert.equal((await who(a, bearer(revoked))).status, 200, 'remembered by server a');
    assert.equal((await who(a, bearer(kept))).status, 200);
    const [{ role }] = await sql<[{ role: string }]>`select current_user as role`;
    // The pool opens every connection it may use now, for it may not open one while the role cannot log in.
    await Promise.all(Array.from({ length: 10 }, () => sql`select pg_sleep(0.05)`));
    // The application's role may not log in meanwhile: the listeners cannot come back until the test says so.
    await store.asOwner(async (owner) => {
      await owner.unsafe(`alter role "${role}" nologin`);
      await owner`select pg_terminate_backend(pid) from pg_stat_activity
        where application_name = 'lantern identity listener' and datname = current_database()`;
    });
    try {
      await until(() => !changes.listening);
      await sql`update api_token set revoked_at = now() where token_hash = ${sha256(revoked)}`; // its notice is heard by no one
      assert.equal((await who(a, bearer(revoked))).status, 401, 'the revoked token is refused: the store was asked');
      assert.equal((await who(a, bearer(kept))).status, 200, 'the other is still taken');
      assert.equal(changes.listening, false, 'all the while without listening');
    } finally {
      await store.asOwner((owner) => owner.unsafe(`alter role "${role}" login`));
    }
    await until(() => changes.listening);
    assert.equal((await who(a, bearer(kept))).status, 200);
    assert.equal((await who(a, bearer(revoked))).status, 401);
  });
});

async function until(condition: () => boolean, seconds = 15): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`not so within ${seconds} s`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
