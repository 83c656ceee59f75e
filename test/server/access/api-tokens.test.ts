// API tokens: made from a signed-in session with chosen scopes, shown once,
// kept only as a hash, limited to their scopes, revocable by their owner and
// by administrators, and never able to mint another token.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, describe, it } from 'node:test';
import { bearer } from '../../support/access.ts';
import { DURHAM, openWorld, type World } from './world.ts';

interface Made {
  id: number;
  token: string;
  scopes: string[];
  message?: string;
}

describe('API tokens', () => {
  let world: World;
  let readToken: Made;
  let fullToken: Made;

  before(async () => {
    world = await openWorld();
    const made = async (scopes: string[]) => {
      const response = await world.browsers.author.json('POST', '/api/tokens', { name: `script ${scopes.join('+')}`, scopes });
      assert.equal(response.status, 201);
      return (await response.json()) as Made;
    };
    readToken = await made(['read']);
    fullToken = await made(['read', 'change', 'share']);
  });
  after(() => world.close());

  const api = (token: string, method: string, address: string, body?: unknown) =>
    fetch(world.base + address, {
      method,
      headers: { ...bearer(token), 'Content-Type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  const item = { subjectArea: DURHAM, riskFactor: 'high_risk_change', title: 'New operating model', note: 'Three directorates merged in one quarter without a plan.' };

  it('shows the token once, and keeps only its SHA-256', async () => {
    assert.match(readToken.token, /^lantern_[A-Za-z0-9_-]{43}$/);
    const [row] = await world.store.sql<{ tokenHash: Buffer }[]>`select token_hash as "tokenHash" from api_token where id = ${readToken.id}`;
    assert.ok(row!.tokenHash.equals(createHash('sha256').update(readToken.token).digest()));
    const listed = (await (await world.browsers.author.fetch('/api/tokens')).json()) as { items: Record<string, unknown>[] };
    assert.equal(listed.items.length, 2);
    assert.ok(listed.items.every((t) => !('token' in t) && !('tokenHash' in t)));
  });

  it('a read token reads what its user may read, and may not change or share (403 naming the scope)', async () => {
    const created = await api(fullToken.token, 'POST', '/api/intelligence', item);
    assert.equal(created.status, 201, 'a change token needs no CSRF token: it carries no ambient authority');
    const { id } = (await created.json()) as { id: number };
    assert.equal((await api(readToken.token, 'GET', `/api/intelligence/${id}`)).status, 200);
    const change = await api(readToken.token, 'PATCH', `/api/intelligence/${id}`, { title: 'x' });
    assert.equal(change.status, 403);
    assert.deepEqual(((await change.json()) as { details: { missing: string } }).details.missing, 'token_scope');
    assert.equal((await api(readToken.token, 'POST', '/api/intelligence', item)).status, 403);
  });

  it('a token cannot make another token', async () => {
    const response = await api(fullToken.token, 'POST', '/api/tokens', { name: 'escalated', scopes: ['read', 'change', 'share'] });
    assert.equal(response.status, 403);
    assert.match(((await response.json()) as { message: string }).message, /not with another token/);
  });

  it('refuses a made-up, malformed or revoked token with a 401, never as the public', async () => {
    assert.equal((await api(`lantern_${'A'.repeat(43)}`, 'GET', '/api/areas')).status, 401);
    assert.equal((await fetch(`${world.base}/api/areas`, { headers: { Authorization: 'Bearer nonsense' } })).status, 401);
    assert.equal((await fetch(`${world.base}/api/areas`, { headers: { Authorization: 'Basic dXNlcjpwYXNz' } })).status, 401);
    const revoke = await world.browsers.author.json('POST', `/api/tokens/${readToken.id}/revoke`);
    assert.equal(revoke.status, 200);
    assert.equal((await api(readToken.token, 'GET', '/api/areas')).status, 401);
  });

  it("others may not revoke a user's token; an administrator may", async () => {
    const other = await world.browsers.principal_adviser.json('POST', `/api/tokens/${fullToken.id}/revoke`);
    assert.equal(other.status, 404);
    assert.equal((await api(fullToken.token, 'GET', '/api/tokens')).status, 200);
    const admin = await world.browsers.administrator.json('POST', `/api/tokens/${fullToken.id}/revoke`);
    assert.equal(admin.status, 200);
    assert.equal((await api(fullToken.token, 'GET', '/api/tokens')).status, 401);
    const events = await world.store.sql<
      { actor: string; summary: string }[]
    >`select actor, summary from audit_event where action = 'change' and record_kind = 'api_token' and record_id = ${String(fullToken.id)} order by id`;
    assert.deepEqual(
      events.map((e) => e.summary),
      ["made token 'script read+change+share' (read, change, share)", "revoked token 'script read+change+share'"],
    );
  });

  it('refuses scopes that do not exist, naming the field', async () => {
    const response = await world.browsers.author.json('POST', '/api/tokens', { name: 'bad', scopes: ['admin'] });
    assert.equal(response.status, 400);
    assert.match(((await response.json()) as { message: string }).message, /'scopes'/);
  });
});
