// Signing in and the session: cookie flags, the id kept only as its hash,
// a new id at every sign-in (no fixation), idle and absolute expiry, sign-out,
// disabled users, CSRF on every form and cookie-authenticated change, and the
// sign-in rate limits by account and by address.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { identityChangesSettled } from '../../../src/store/identity-changes.ts';
import { Browser, TEST_PASSWORD } from '../../support/access.ts';
import { openWorld, type World } from './world.ts';

const sha256 = (text: string) => createHash('sha256').update(text).digest();

describe('sessions and sign-in', () => {
  let world: World;
  const signedInAs = async (browser: Browser) => ((await (await browser.fetch('/api/session')).json()) as { user: { email: string } | null }).user?.email ?? null;

  before(async () => {
    world = await openWorld({ signIn: false });
  });
  after(() => world.close());

  it('signs in through the form: a 303 to the account page, an HttpOnly SameSite=Lax session cookie, the user known', async () => {
    const browser = new Browser(world.base);
    const response = await browser.signIn('member@durham.example');
    assert.equal(response.status, 303);
    assert.equal(response.headers.get('location'), '/account');
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('lantern_session='))!;
    assert.match(cookie, /; Path=\/; HttpOnly; SameSite=Lax/);
    assert.doesNotMatch(cookie, /Secure/, 'no Secure flag over plain HTTP');
    assert.equal(await signedInAs(browser), 'member@durham.example');
  });

  it('keeps only the SHA-256 of the session id in the store', async () => {
    const browser = new Browser(world.base);
    await browser.signIn('officer@durham.example');
    const id = browser.cookie('lantern_session')!;
    assert.match(id, /^[A-Za-z0-9_-]{43}$/);
    const rows = await world.store.sql<{ idHash: Buffer }[]>`select id_hash as "idHash" from user_session where user_id = ${world.users.performance_officer.id}`;
    assert.ok(rows.some((r) => r.idHash.equals(sha256(id))));
    const raw = await world.store.sql`select 1 from user_session where encode(id_hash, 'escape') like ${'%' + id + '%'} or csrf_token = ${id}`;
    assert.equal(raw.length, 0, 'the id itself is nowhere in the table');
  });

  it('marks the cookie Secure, with the __Host- prefix, behind a TLS proxy on loopback', async () => {
    const session = await fetch(`${world.base}/api/session`, { headers: { 'X-Forwarded-Proto': 'https' } });
    const presession = session.headers.getSetCookie().find((c) => c.includes('presession'))!;
    assert.match(presession, /^__Host-lantern_presession=[^;]+; Path=\/; HttpOnly; SameSite=Strict; Secure/);
    const token = presession.split(';')[0]!.split('=')[1]!;
    const response = await fetch(`${world.base}/sign-in`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'X-Forwarded-Proto': 'https', Cookie: `__Host-lantern_presession=${token}` },
      body: new URLSearchParams({ email: 'member@durham.example', password: TEST_PASSWORD, _csrf: token }),
    });
    assert.equal(response.status, 303);
    assert.match(
      response.headers.getSetCookie().find((c) => c.startsWith('__Host-lantern_session='))!,
      /HttpOnly; SameSite=Lax; Secure/,
    );
  });

  it('gives a new session id at every sign-in: an id planted before sign-in (fixation) is never the session', async () => {
    const victim = new Browser(world.base);
    const planted = 'A'.repeat(43);
    victim.setCookie('lantern_session', planted);
    await victim.signIn('member@durham.example');
    assert.notEqual(victim.cookie('lantern_session'), planted);
    const attacker = new Browser(world.base);
    attacker.setCookie('lantern_session', planted);
    assert.equal(await signedInAs(attacker), null);

    const first = victim.cookie('lantern_session')!;
    await victim.signIn('member@durham.example');
    const second = victim.cookie('lantern_session')!;
    assert.notEqual(first, second);
    const old = new Browser(world.base);
    old.setCookie('lantern_session', first);
    assert.equal(await signedInAs(old), null, 'the session before re-sign-in has ended');
  });

  it('ends a session left idle too long, and one past its absolute end', async () => {
    const idle = new Browser(world.base);
    await idle.signIn('partner@region.example');
    await world.store.sql`update user_session set last_seen_at = now() - interval '31 minutes' where id_hash = ${sha256(idle.cookie('lantern_session')!)}`;
    await identityChangesSettled(world.store.sql); // a change made in SQL, not through Lantern: the server has heard of it
    assert.equal(await signedInAs(idle), null);
    assert.equal(idle.cookie('lantern_session'), undefined, 'the cookie is cleared');

    const old = new Browser(world.base);
    await old.signIn('partner@region.example');
    await world.store.sql`update user_session set expires_at = now() - interval '1 second' where id_hash = ${sha256(old.cookie('lantern_session')!)}`;
    await identityChangesSettled(world.store.sql);
    assert.equal(await signedInAs(old), null);
    const left = await world.store.sql`select 1 from user_session where id_hash = ${sha256(old.cookie('lantern_session') ?? 'x')}`;
    assert.equal(left.length, 0);
  });

  it('signs out: the session is gone from the store', async () => {
    const browser = new Browser(world.base);
    await browser.signIn('panel@panel.example');
    const id = browser.cookie('lantern_session')!;
    const response = await browser.fetch('/sign-out', { method: 'POST', body: new URLSearchParams({ _csrf: browser.csrfToken }) });
    assert.equal(response.status, 303);
    assert.equal(await signedInAs(browser), null);
    assert.equal((await world.store.sql`select 1 from user_session where id_hash = ${sha256(id)}`).length, 0);
  });

  it("ends a disabled user's sessions and refuses their sign-in", async () => {
    const browser = new Browser(world.base);
    await browser.signIn('inspector@inspectorate.example');
    await world.store.sql`update user_account set disabled_at = now() where id = ${world.users.inspector.id}`;
    await identityChangesSettled(world.store.sql);
    assert.equal(await signedInAs(browser), null);
    const again = await new Browser(world.base).signIn('inspector@inspectorate.example');
    assert.equal(again.status, 401);
    await world.store.sql`update user_account set disabled_at = null where id = ${world.users.inspector.id}`;
  });

  it('refuses a wrong password or unknown email with the same words, and says which field is missing', async () => {
    const wrong = await new Browser(world.base).signIn('member@durham.example', 'not the password at all');
    const unknown = await new Browser(world.base).signIn('nobody@nowhere.example', 'not the password at all');
    assert.equal(wrong.status, 401);
    assert.equal(unknown.status, 401);
    const [a, b] = [await wrong.text(), await unknown.text()];
    assert.ok(a.includes('The email address or password is not right'), 'a wrong password is told');
    assert.ok(b.includes('The email address or password is not right'), 'an unknown email is told the same');
    const browser = new Browser(world.base);
    const token = ((await (await browser.fetch('/api/session')).json()) as { csrfToken: string }).csrfToken;
    const empty = await browser.fetch('/sign-in', { method: 'POST', body: new URLSearchParams({ email: '', password: '', _csrf: token }) });
    assert.equal(empty.status, 400);
    assert.ok((await empty.text()).includes('Enter your email address and password'));
  });

  describe('CSRF', () => {
    it("refuses a sign-in without the pre-session token, or with another browser's", async () => {
      const plain = await fetch(`${world.base}/sign-in`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ email: 'member@durham.example', password: TEST_PASSWORD }) });
      assert.equal(plain.status, 403);
      const other = new Browser(world.base);
      const token = ((await (await other.fetch('/api/session')).json()) as { csrfToken: string }).csrfToken;
      const forged = await new Browser(world.base).fetch('/sign-in', { method: 'POST', body: new URLSearchParams({ email: 'member@durham.example', password: TEST_PASSWORD, _csrf: token }) });
      assert.equal(forged.status, 403);
    });

    it("refuses every cookie-authenticated change without the session's token: forms and JSON", async () => {
      const browser = new Browser(world.base);
      await browser.signIn('author@sector.example');
      const body = JSON.stringify({ subjectArea: 'E06000047', riskFactor: 'disengagement', title: 't', note: 'A note that is long enough to be specific.' });
      const missing = await browser.fetch('/api/intelligence', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body });
      assert.equal(missing.status, 403);
      assert.equal(((await missing.json()) as { code: string }).code, 'csrf');
      const wrong = await browser.fetch('/api/intelligence', { method: 'POST', headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': 'x'.repeat(43) }, body });
      assert.equal(wrong.status, 403);
      const signOut = await browser.fetch('/sign-out', { method: 'POST', body: new URLSearchParams({}) });
      assert.equal(signOut.status, 403);
      assert.equal(await signedInAs(browser), 'author@sector.example', 'the forged sign-out did nothing');
      const right = await browser.json('POST', '/api/intelligence', JSON.parse(body));
      assert.equal(right.status, 201);
      const [row] = await world.store.sql<{ count: number }[]>`select count(*)::int as count from intelligence_item`;
      assert.equal(row!.count, 1, 'only the request with the token made an item');
    });
  });

  describe('sign-in throttling', () => {
    /** A sign-in through the form from an address (behind the loopback proxy Lantern trusts). */
    const signInFrom = async (address: string, email: string, password = TEST_PASSWORD) => {
      const browser = new Browser(world.base);
      const from = { 'X-Forwarded-For': address };
      const { csrfToken } = (await (await browser.fetch('/api/session', { headers: from })).json()) as { csrfToken: string };
      return browser.fetch('/sign-in', { method: 'POST', headers: from, body: new URLSearchParams({ email, password, _csrf: csrfToken }) });
    };

    it('stops an address after five failures on an account, but the right password from another address still signs in', async () => {
      for (let i = 0; i < 5; i++) assert.equal((await signInFrom('203.0.113.7', 'peers@sector.example', `wrong ${i} password`)).status, 401);
      const limited = await signInFrom('203.0.113.7', 'peers@sector.example');
      assert.equal(limited.status, 429, 'the guessing address may not try again, even with the right password');
      assert.ok((await limited.text()).includes('too many failed sign-ins for this account from this address'));
      assert.equal((await signInFrom('198.51.100.20', 'peers@sector.example')).status, 303, 'the owner, elsewhere, is not locked out');
      const refused = await world.store.sql`select 1 from audit_event where action = 'sign_in_refused' and user_id = ${world.users.peer_challenge_manager.id}`;
      assert.equal(refused.length, 5, 'each failure is in the audit trail, under the account');
    });

    it('slows, never locks, an account guessed at from many addresses, and tells its owner at their next sign-in', async () => {
      const email = 'inspector@inspectorate.example';
      for (let i = 0; i < 21; i++) assert.equal((await signInFrom(`192.0.2.${Math.floor(i / 5)}`, email, `guess ${i}`)).status, 401);
      const started = performance.now();
      const owner = new Browser(world.base);
      const from = { 'X-Forwarded-For': '198.51.100.30' };
      const { csrfToken } = (await (await owner.fetch('/api/session', { headers: from })).json()) as { csrfToken: string };
      const right = await owner.fetch('/sign-in', {
        method: 'POST',
        headers: { ...from, 'Content-Type': 'application/json', 'X-CSRF-Token': csrfToken },
        body: JSON.stringify({ email, password: TEST_PASSWORD }),
      });
      const body = (await right.json()) as { notice: string | null };
      assert.equal(right.status, 200, JSON.stringify(body));
      assert.ok(performance.now() - started >= 900, 'the attempt waited: guessing at the account is slowed');
      const told = /^(\d+) failed sign-ins on your account since you last signed in/.exec(body.notice ?? '');
      assert.ok(told && Number(told[1]) >= 21, body.notice ?? 'no notice');
      assert.match(await (await owner.fetch('/account')).text(), new RegExp(`${told[1]} failed sign-ins on your account since you last signed in`), 'the account page says so too');
      const slowed = await world.store.sql`select 1 from audit_event where action = 'sign_in_refused' and user_id = ${world.users.inspector.id} and summary like '%slowed%'`;
      assert.equal(slowed.length, 1, 'the audit trail says when the account began to be slowed');
    });

    it('still stops one address guessing at many accounts', async () => {
      // Not the account slowed above: each guess at it would wait seconds, and the rule
      // for an address is the same over the other ten (three guesses each, under the five a pair may make).
      const emails = Object.values(world.users)
        .map((u) => u.email)
        .filter((email) => email !== 'inspector@inspectorate.example');
      for (let i = 0; i < 30; i++) assert.equal((await signInFrom('203.0.113.99', emails[i % emails.length]!, `guess ${i}`)).status, 401);
      assert.equal((await signInFrom('203.0.113.99', 'adviser@sector.example')).status, 429);
    });
  });
});
