// kept-pages over HTTP: pages kept for people signed in, one copy per scope
// of what they may read, never served to someone whose scope differs, each
// served with its viewer's own name, compressed for them alone, and every
// read of early-sight figures audited. The world's early-sight metric
// (Durham's reserves) is what tells scopes apart: on Durham's area page it
// shows only for those who may read every council's figures.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { administratorToken, bearer, Browser } from '../support/access.ts';
import { DURHAM, EARLY, openWorld, type World } from './access/world.ts';

const AREA = `/areas/${DURHAM}?group=england`;
const EARLY_TITLE = 'Reserves as a share of spending';

describe('signed-in pages from the cache', () => {
  let world: World;
  let admin: Record<string, string>;

  before(async () => {
    world = await openWorld();
    await world.server.engine.settled();
    admin = bearer(await administratorToken(world.store.sql));
  });
  after(() => world.close());

  const adminJson = async (method: string, address: string, body: unknown) => {
    const response = await fetch(world.base + address, { method, headers: { ...admin, 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    assert.ok(response.ok, `${method} ${address}: ${response.status} ${await response.clone().text()}`);
    return (await response.json()) as { id: number };
  };
  const page = async (browser: Browser, address = AREA) => {
    const response = await browser.fetch(address);
    assert.equal(response.status, 200, address);
    return { text: await response.text(), cacheControl: response.headers.get('cache-control') };
  };
  /** The name in the header's account link, or null where there is none (the public's "Sign in"). */
  const accountName = (text: string) => /<a class="govuk-service-navigation__link" href="\/account"[^>]*>\s*([^<]*?)\s*<\/a>/.exec(text)?.[1] ?? null;
  const withName = (text: string, name: string) => text.replace(/(href="\/account"[^>]*>\s*)[^<]*?(\s*<\/a>)/, `$1${name}$2`);
  const auditedReads = async (userId: number) => {
    const [row] = await world.store.sql<{ count: number }[]>`
      select count(*)::int as count from audit_event where action = 'read' and record_kind = 'observation' and record_id = ${EARLY} and user_id = ${userId}`;
    return row!.count;
  };

  it('never serves one person the page kept for a colleague who may read more, in either order', async () => {
    // Two principal advisers of the same body; the early-sight release is shared with one of them alone.
    const { author, principal_adviser: colleague } = world.browsers;
    const share = await adminJson('POST', `/api/admin/early-sight/${EARLY}/shares`, { userId: world.users.author.id, reason: 'Early sight for the autumn review' });

    const colleagueFirst = await page(colleague);
    const authorAfter = await page(author);
    assert.ok(!colleagueFirst.text.includes(EARLY_TITLE), 'the colleague, outside the release, does not see it');
    assert.ok(authorAfter.text.includes(EARLY_TITLE), 'the author, named by the share, sees it though the colleague’s page was kept first');
    const compare = `/areas/${DURHAM}?group=region`;
    const authorFirst = await page(author, compare);
    const colleagueAfter = await page(colleague, compare);
    assert.ok(authorFirst.text.includes(EARLY_TITLE));
    assert.ok(!colleagueAfter.text.includes(EARLY_TITLE), 'the colleague is not served the page kept for the author');
    assert.equal((await page(colleague)).text, colleagueFirst.text, 'the colleague’s own page comes back unchanged');

    // The share revoked: the author's next page leaves the metric out.
    await adminJson('POST', `/api/admin/early-sight/${EARLY}/shares/${share.id}/revoke`, { reason: 'Review over' });
    assert.ok(!(await page(author)).text.includes(EARLY_TITLE), 'a revoked share reaches the next page');
    assert.ok(!(await page(author, compare)).text.includes(EARLY_TITLE));
  });

  it('audits each read of early-sight figures, whether the page was made for the reader or kept', async () => {
    const partner = world.browsers.regional_partner;
    const share = await adminJson('POST', `/api/admin/early-sight/${EARLY}/shares`, { organisationId: world.organisations.region.id, reason: 'Regional early sight' });
    const before = await auditedReads(world.users.regional_partner.id);
    const made = await page(partner);
    const kept = await page(partner);
    assert.ok(made.text.includes(EARLY_TITLE));
    assert.equal(kept.text, made.text, 'the second is the kept page');
    assert.equal(await auditedReads(world.users.regional_partner.id), before + 2, 'both reads are in the audit trail');
    await adminJson('POST', `/api/admin/early-sight/${EARLY}/shares/${share.id}/revoke`, { reason: 'Review over' });
  });

  it('serves readers of two scopes asking at the same time each their own page, and audits every read', async () => {
    const { regional_partner: partner, inspector } = world.browsers;
    const share = await adminJson('POST', `/api/admin/early-sight/${EARLY}/shares`, { organisationId: world.organisations.region.id, reason: 'Regional early sight' });
    const before = await auditedReads(world.users.regional_partner.id);
    const fresh = `/areas/${DURHAM}?group=type`; // made by none of them yet
    const asked = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? partner : inspector));
    const texts = await Promise.all(asked.map(async (browser) => (await browser.fetch(fresh)).text()));
    texts.forEach((text, i) => assert.equal(text.includes(EARLY_TITLE), i % 2 === 0, `request ${i}: ${i % 2 === 0 ? 'the partner sees' : 'the inspector does not see'} the release`));
    assert.equal(await auditedReads(world.users.regional_partner.id), before + 6, 'each of the partner’s six reads is audited');
    await adminJson('POST', `/api/admin/early-sight/${EARLY}/shares/${share.id}/revoke`, { reason: 'Review over' });
  });

  it('shows each viewer their own name and nothing of anyone else’s, and keeps signed-in pages out of shared caches', async () => {
    // Same role, same body, same scope: one kept page between them.
    const { author, principal_adviser: colleague, public: anyone } = world.browsers;
    const mine = await page(author);
    const theirs = await page(colleague);
    assert.equal(accountName(mine.text), world.users.author.name);
    assert.equal(accountName(theirs.text), world.users.principal_adviser.name);
    assert.equal(withName(theirs.text, world.users.author.name), mine.text, 'the same page but for the name');
    for (const [text, other] of [
      [theirs.text, world.users.author],
      [mine.text, world.users.principal_adviser],
    ] as const) {
      assert.ok(!text.includes(other.name) && !text.includes(other.email), `no trace of ${other.name}`);
      assert.doesNotMatch(text, /lantern-slot-/, 'no stand-in is left in a page');
    }
    assert.equal(mine.cacheControl, 'private, no-store');
    const publicPage = await page(anyone);
    assert.equal(accountName(publicPage.text), null, 'the public is never served a signed-in page');
    assert.match(publicPage.text, /href="\/sign-in"/);
    assert.equal(publicPage.cacheControl, 'public, max-age=0, must-revalidate');
  });

  it('compresses a signed-in page for each reader, their name in it, as it sends the page uncompressed', async () => {
    const { author, principal_adviser: colleague } = world.browsers;
    for (const [browser, name] of [
      [author, world.users.author.name],
      [colleague, world.users.principal_adviser.name],
      [author, world.users.author.name],
    ] as const) {
      const plain = await browser.fetch(AREA, { headers: { 'Accept-Encoding': 'identity' } });
      const packed = await browser.fetch(AREA, { headers: { 'Accept-Encoding': 'gzip' } });
      assert.equal(plain.headers.get('content-encoding'), null);
      assert.equal(packed.headers.get('content-encoding'), 'gzip');
      assert.equal(packed.headers.get('vary'), 'Accept-Encoding');
      const text = await packed.text(); // fetch undoes the compression
      assert.equal(text, await plain.text());
      assert.equal(accountName(text), name);
    }
  });

  it('escapes a name as the templates would', async () => {
    const browser = new Browser(world.base);
    const named = await world.store.sql<{ email: string }[]>`
      update user_account set name = ${'Jo <b>"Quotes"</b> & Co'} where id = ${world.users.inspector.id} returning email`;
    await browser.signIn(named[0]!.email);
    const { text } = await page(browser);
    assert.equal(accountName(text), 'Jo &lt;b&gt;&quot;Quotes&quot;&lt;/b&gt; &amp; Co', 'the name is escaped');
    assert.ok(!text.includes('<b>"Quotes"</b>'));
  });

  it('keeps each person’s CSRF token theirs: a change with it succeeds after kept pages, one with a colleague’s is refused', async () => {
    const { author, principal_adviser: colleague } = world.browsers;
    await page(author);
    await page(colleague);
    const group = { name: 'Durham and Hartlepool', areaCodes: [DURHAM, 'E06000001'] };
    const forged = await author.fetch('/api/benchmark/groups', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': colleague.csrfToken },
      body: JSON.stringify(group),
    });
    assert.equal(forged.status, 403, 'a colleague’s token is not the author’s');
    const made = await author.json('POST', '/api/benchmark/groups', group);
    assert.equal(made.status, 201, await made.clone().text());
  });

  it('serves the new page on the next request once a role changes, and once an embargo ends', async () => {
    const colleague = world.browsers.principal_adviser;
    assert.ok(!(await page(colleague)).text.includes(EARLY_TITLE));
    // Administrators read every early-sight release (they oversee the data hub). A change of role ends the person's sessions.
    const becomes = async (role: string) => {
      await adminJson('PATCH', `/api/admin/users/${world.users.principal_adviser.id}`, { role });
      assert.equal((await colleague.signIn(world.users.principal_adviser.email)).status, 303);
    };
    await becomes('administrator');
    assert.ok((await page(colleague)).text.includes(EARLY_TITLE), 'the administrator sees the release at once');
    await becomes('principal_adviser');
    assert.ok(!(await page(colleague)).text.includes(EARLY_TITLE), 'and no longer once the role is taken back');

    const inspector = world.browsers.inspector;
    assert.ok(!(await page(inspector)).text.includes(EARLY_TITLE));
    await adminJson('PUT', `/api/admin/early-sight/${EARLY}/embargo`, { embargoUntil: new Date(Date.now() - 1000).toISOString() });
    assert.ok((await page(inspector)).text.includes(EARLY_TITLE), 'an ended embargo reaches a kept signed-in page');
    assert.ok((await page(world.browsers.public)).text.includes(EARLY_TITLE), 'and the public’s');
  });
});
