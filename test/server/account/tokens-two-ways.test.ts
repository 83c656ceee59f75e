// API tokens are made and revoked by one use-case each (makeToken and
// revokeToken in src/server/features/account/tokens.ts), which the account
// page and the API both call: so both refuse a scope that does not exist in
// the same words, both audit in the same words, and neither lets another
// person revoke someone's token.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openWorld, type World } from '../access/world.ts';

describe('API tokens from the account page and from the API', () => {
  let world: World;

  before(async () => {
    world = await openWorld();
  });
  after(() => world.close());

  const author = () => world.browsers.author;
  const page = (address: string, fields: Record<string, string>, browser = author()) =>
    browser.fetch(address, {
      method: 'POST',
      body: new URLSearchParams({ ...fields, _csrf: browser.csrfToken }),
    });
  const tokenEvents = async () =>
    (
      await world.store.sql<{ summary: string }[]>`
    select summary from audit_event where action = 'change' and record_kind = 'api_token' order by id`
    ).map((e) => e.summary);
  const tokenNamed = async (name: string) => (await world.store.sql<{ id: number }[]>`select id from api_token where name = ${name}`)[0]!.id;

  it('refuses a scope that does not exist in the same words', async () => {
    const api = await author().json('POST', '/api/tokens', { name: 'bad', scopes: ['admin'] });
    const message = ((await api.json()) as { message: string }).message;
    const form = await page('/account/tokens', { name: 'bad', scopes: 'admin' });
    assert.equal(form.status, 400);
    assert.ok((await form.text()).replaceAll('&#39;', "'").includes(message.charAt(0).toUpperCase() + message.slice(1)), message);
    assert.deepEqual(await tokenEvents(), []);
  });

  it('makes and revokes a token either way, audited in the same words; another person revokes neither', async () => {
    assert.equal((await page('/account/tokens', { name: 'from the page', scopes: 'read' })).status, 201);
    assert.equal((await author().json('POST', '/api/tokens', { name: 'from the API', scopes: ['read'] })).status, 201);
    const [fromPage, fromApi] = [await tokenNamed('from the page'), await tokenNamed('from the API')];
    assert.equal((await page(`/account/tokens/${fromApi}/revoke`, {}, world.browsers.principal_adviser)).status, 404);
    assert.equal((await world.browsers.principal_adviser.json('POST', `/api/tokens/${fromPage}/revoke`)).status, 404);
    assert.equal((await page(`/account/tokens/${fromApi}/revoke`, {})).status, 303);
    assert.equal((await author().json('POST', `/api/tokens/${fromPage}/revoke`)).status, 200);
    assert.deepEqual(await tokenEvents(), ["made token 'from the page' (read)", "made token 'from the API' (read)", "revoked token 'from the API'", "revoked token 'from the page'"]);
  });
});
