// Attacks that must all fail: SQL injection in every query parameter, path
// parameter and body field the API documents, and in every form field of the
// pages; stored cross-site scripting in names, notes, reasons and evidence;
// forms sent without their CSRF token; guessing other councils' record ids;
// raising one's own privileges through the API; and guessing passwords.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openApiDocument } from '../../../src/server/openapi.ts';
import { Browser, administratorToken, apiToken, bearer } from '../../support/access.ts';
import { startTestServer } from '../../support/server.ts';
import { authorItem, DURHAM, openWorld, type World } from './world.ts';

const INJECTIONS = [
  "' OR '1'='1",
  "'; DROP TABLE audit_event; --",
  '1; DELETE FROM user_account',
  "E06000047' UNION SELECT password_hash FROM user_account --",
  '1)) OR 1=1 --',
  "\\'; TRUNCATE share; --",
  '%27%20OR%201%3D1',
  '$1',
  "'||(SELECT pg_sleep(0))||'",
];
const SCRIPTS = ['<script>alert("x")</script>', '"><img src=x onerror=alert(1)>', "<svg onload=alert('x')>", 'javascript:alert(1)//'];
const DATABASE_WORDS = /syntax error|unterminated|pg_catalog|relation ".*" does not exist|PostgresError|at .*\.ts:\d+/;

interface Operation {
  readonly method: string;
  readonly path: string;
  readonly query: string[];
  readonly pathParameters: string[];
  readonly bodyFields: string[];
}

/** Every operation of the API as its OpenAPI document describes it: the parameters and body fields a client may send. */
function operations(): Operation[] {
  const found: Operation[] = [];
  for (const [path, methods] of Object.entries(
    openApiDocument.paths as unknown as Record<
      string,
      Record<string, { parameters?: { name: string; in: string }[]; requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> } }>
    >,
  )) {
    for (const [method, operation] of Object.entries(methods)) {
      const parameters = operation.parameters ?? [];
      found.push({
        method: method.toUpperCase(),
        path,
        query: parameters.filter((p) => p.in === 'query').map((p) => p.name),
        pathParameters: parameters.filter((p) => p.in === 'path').map((p) => p.name),
        bodyFields: Object.keys(operation.requestBody?.content['application/json']?.schema.properties ?? {}),
      });
    }
  }
  return found;
}

describe('probes that must all fail', () => {
  let world: World;
  let admin: Record<string, string>;
  let counts: Record<string, number>;
  const count = async () =>
    Object.fromEntries(
      await Promise.all(
        ['area', 'metric', 'observation', 'user_account', 'organisation', 'intelligence_item', 'share', 'api_token'].map(async (table) => {
          const [row] = await world.store.sql<{ n: number }[]>`select count(*)::int as n from ${world.store.sql(table)}`;
          return [table, row!.n] as const;
        }),
      ),
    );

  before(async () => {
    world = await openWorld();
    admin = bearer(await administratorToken(world.store.sql));
    await authorItem(world, 'confidential');
    counts = await count();
  });
  after(() => world.close());

  describe('SQL injection', () => {
    it('in every documented query and path parameter: never a server error, never a database message, nothing changed', async () => {
      let requests = 0;
      for (const operation of operations()) {
        // An operation that refuses the public as not signed in (401) does so by its access rule, before it reads
        // a parameter: the public is not sent its other payloads, each the same case. The administrator is sent all.
        let refusesPublic = false;
        for (const payload of INJECTIONS) {
          const addresses: string[] = [];
          const filled = operation.path.replace(/\{(\w+)\}/g, () => encodeURIComponent(payload));
          if (operation.pathParameters.length > 0) addresses.push(filled);
          for (const name of operation.query) addresses.push(`${operation.path.replace(/\{(\w+)\}/g, '1')}?${name}=${encodeURIComponent(payload)}`);
          for (const address of addresses) {
            for (const headers of refusesPublic ? [admin] : [admin, {}]) {
              const response = await fetch(world.base + address, {
                method: operation.method,
                headers: { ...headers, 'Content-Type': 'application/json' },
                ...(operation.method === 'GET' ? {} : { body: '{}' }),
              });
              const text = await response.text();
              requests++;
              assert.ok(response.status < 500, `${operation.method} ${address}: ${response.status} ${text.slice(0, 200)}`);
              assert.doesNotMatch(text, DATABASE_WORDS, `${operation.method} ${address}`);
              if (headers !== admin && response.status === 401) refusesPublic = true;
            }
          }
        }
      }
      assert.ok(requests > 500, `${requests} requests`);
      assert.deepEqual(await count(), counts);
    });

    it('in every documented body field: refused or stored as plain text, never run', async () => {
      for (const operation of operations().filter((o) => o.bodyFields.length > 0)) {
        const address = operation.path.replace(/\{(\w+)\}/g, '1');
        for (const field of operation.bodyFields) {
          for (const payload of INJECTIONS) {
            const response = await fetch(world.base + address, { method: operation.method, headers: { ...admin, 'Content-Type': 'application/json' }, body: JSON.stringify({ [field]: payload }) });
            const text = await response.text();
            assert.ok(response.status < 500, `${operation.method} ${address} ${field}: ${response.status} ${text.slice(0, 200)}`);
            assert.doesNotMatch(text, DATABASE_WORDS);
          }
        }
      }
      const now = await count();
      assert.deepEqual({ ...now, organisation: counts.organisation }, counts, 'nothing but (perhaps) organisations named like an injection was added');
      const stored = await world.browsers.author.json('POST', '/api/intelligence', {
        subjectArea: DURHAM,
        riskFactor: 'disengagement',
        title: INJECTIONS[1],
        note: `${INJECTIONS[3]} and then some more words`,
      });
      assert.equal(stored.status, 201);
      const item = (await stored.json()) as { id: number; title: string; note: string };
      assert.equal(item.title, INJECTIONS[1]);
      const [row] = await world.store.sql<{ title: string }[]>`select title from intelligence_item where id = ${item.id}`;
      assert.equal(row!.title, INJECTIONS[1], 'stored exactly as given');
      assert.equal((await world.store.sql`select to_regclass('audit_event') as t`)[0]!.t, 'audit_event');
    });

    it('in every form field of the pages: sign-in, intelligence, shares, administration, tokens', async () => {
      const forms: [Browser, string, string[]][] = [
        [new Browser(world.base), '/sign-in', ['email', 'password', 'returnTo']],
        [
          world.browsers.author,
          '/intelligence',
          ['subjectArea', 'cause', 'bestValueTheme', 'title', 'note', 'evidenceMetric', 'evidenceArea', 'evidencePeriod', 'evidenceSource', 'evidenceUrl', 'classification', 'shareable'],
        ],
        [world.browsers.author, '/intelligence/1/shares', ['organisationId', 'userEmail', 'reason']],
        [world.browsers.administrator, '/admin/organisations', ['name', 'kind', 'council']],
        [world.browsers.administrator, '/admin/users', ['name', 'email', 'organisationId', 'role', 'password']],
        [world.browsers.administrator, '/admin/users/1', ['role', 'disabled']],
        [world.browsers.author, '/account/tokens', ['name', 'scopes']],
      ];
      for (const [browser, address, fields] of forms) {
        const token = address === '/sign-in' ? ((await (await browser.fetch('/api/session')).json()) as { csrfToken: string }).csrfToken : browser.csrfToken;
        for (const field of fields) {
          for (const payload of INJECTIONS.slice(0, 4)) {
            const response = await browser.fetch(address, { method: 'POST', body: new URLSearchParams({ [field]: payload, _csrf: token }) });
            const text = await response.text();
            assert.ok(response.status < 500, `${address} ${field}: ${response.status}`);
            assert.doesNotMatch(text, DATABASE_WORDS, `${address} ${field}`);
          }
        }
      }
      const now = await count();
      assert.equal(now.user_account, counts.user_account);
      assert.equal(now.area, counts.area);
      assert.equal(now.observation, counts.observation);
    });
  });

  describe('stored cross-site scripting', () => {
    let itemId: number;

    before(async () => {
      const organisation = await fetch(`${world.base}/api/admin/organisations`, {
        method: 'POST',
        headers: { ...admin, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: SCRIPTS[0], kind: 'government' }),
      });
      assert.equal(organisation.status, 201);
      const { id: organisationId } = (await organisation.json()) as { id: number };
      const person = await fetch(`${world.base}/api/admin/users`, {
        method: 'POST',
        headers: { ...admin, 'Content-Type': 'application/json' },
        body: JSON.stringify({ name: SCRIPTS[1], email: 'xss@government.example', organisationId, role: 'government_officer' }),
      });
      assert.equal(person.status, 201);
      itemId = (
        await authorItem(world, 'restricted', {
          title: SCRIPTS[0],
          note: `${SCRIPTS[1]} ${SCRIPTS[2]}`,
          evidence: [{ kind: 'source', description: `${SCRIPTS[2]} source`, url: 'https://example.org/?q=<script>' }],
        })
      ).id;
      const shared = await world.browsers.author.json('POST', `/api/intelligence/${itemId}/shares`, { userEmail: 'member@durham.example', reason: `${SCRIPTS[2]} because` });
      assert.equal(shared.status, 201);
      const token = await world.browsers.author.json('POST', '/api/tokens', { name: SCRIPTS[1], scopes: ['read'] });
      assert.equal(token.status, 201);
    });

    it('shows names, notes, reasons and evidence as text on every page, never as markup', async () => {
      const pages: [Browser, string][] = [
        [world.browsers.administrator, '/admin'],
        [world.browsers.administrator, '/audit'],
        [world.browsers.author, '/intelligence'],
        [world.browsers.author, `/intelligence/${itemId}`],
        [world.browsers.council_member, '/shares'],
        [world.browsers.council_member, `/intelligence/${itemId}`],
        [world.browsers.author, '/account'],
      ];
      for (const [browser, address] of pages) {
        const response = await browser.fetch(address);
        const html = await response.text();
        assert.equal(response.status, 200, address);
        for (const payload of SCRIPTS.slice(0, 3)) assert.ok(!html.includes(payload), `${address} holds ${payload} unescaped`);
        assert.doesNotMatch(html, /<script>alert|<img src=x|<svg onload/, address);
      }
      const item = await (await world.browsers.author.fetch(`/intelligence/${itemId}`)).text();
      assert.ok(item.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;'), 'the title is there, escaped');
      const admin = await (await world.browsers.administrator.fetch('/admin')).text();
      assert.ok(admin.includes('&quot;&gt;&lt;img src=x onerror=alert(1)&gt;'), "the user's name is there, escaped");
    });

    it('sends JSON as JSON, never sniffed as HTML, and every page with a script policy', async () => {
      const response = await world.browsers.author.fetch(`/api/intelligence/${itemId}`);
      assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      const page = await world.browsers.author.fetch(`/intelligence/${itemId}`);
      assert.match(page.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    });
  });

  describe('CSRF: forms without their token', () => {
    it('are refused, and change nothing', async () => {
      const before = await count();
      const attempts: [Browser, string, Record<string, string>][] = [
        [
          world.browsers.administrator,
          '/admin/users',
          { name: 'Mallory', email: 'mallory@evil.example', organisationId: String(world.organisations.service.id), role: 'administrator', password: 'a long password 123' },
        ],
        [world.browsers.administrator, '/admin/organisations', { name: 'Evil Corp', kind: 'government' }],
        [world.browsers.author, '/intelligence', { subjectArea: DURHAM, riskFactor: 'disengagement', title: 'x', note: 'A long enough note for a forged item.' }],
        [world.browsers.author, '/intelligence/1/shares', { organisationId: String(world.organisations.recipient.id), reason: 'forged share of an item' }],
        [world.browsers.author, '/account/tokens', { name: 'forged', scopes: 'share' }],
        [world.browsers.administrator, `/admin/users/${world.users.author.id}`, { disabled: 'true' }],
      ];
      for (const [browser, address, fields] of attempts) {
        for (const token of [undefined, '', 'forged-token', world.browsers.public.csrfToken]) {
          const response = await browser.fetch(address, { method: 'POST', body: new URLSearchParams(token === undefined ? fields : { ...fields, _csrf: token }) });
          assert.equal(response.status, 403, `${address} with ${token === undefined ? 'no' : `'${token}'`} token`);
        }
      }
      assert.deepEqual(await count(), before);
      assert.equal((await world.store.sql`select 1 from user_account where id = ${world.users.author.id} and disabled_at is null`).length, 1);
    });
  });

  describe("IDOR: guessing another council's record ids", () => {
    it('finds nothing: every intelligence item, share and token id answers 404 or 403, with none of its content', async () => {
      const [max] = await world.store.sql<{ items: number; shares: number; tokens: number; users: number }[]>`
        select (select max(id) from intelligence_item)::int as items, (select max(id) from share)::int as shares,
          (select max(id) from api_token)::int as tokens, (select max(id) from user_account)::int as users`;
      const titles = (await world.store.sql<{ title: string }[]>`select title from intelligence_item`).map((r) => r.title);
      for (const who of ['hartlepoolOfficer', 'inspector', 'government_officer'] as const) {
        const browser = world.browsers[who];
        for (let id = 1; id <= max!.items + 2; id++) {
          for (const response of [
            await browser.fetch(`/api/intelligence/${id}`),
            await browser.fetch(`/intelligence/${id}`),
            await browser.json('PATCH', `/api/intelligence/${id}`, { title: 'taken over' }),
            await browser.json('POST', `/api/intelligence/${id}/shares`, { organisationId: world.organisations.hartlepool.id, reason: 'please let me see this' }),
          ]) {
            const text = await response.text();
            assert.ok(response.status === 404 || response.status === 403, `${who} ${response.url}: ${response.status}`);
            for (const title of titles) assert.ok(!text.includes(title) || title.length < 8, `${who} saw '${title}'`);
          }
        }
        for (let id = 1; id <= max!.shares + 2; id++) assert.equal((await browser.fetch(`/api/shares/${id}`)).status, 404, `${who} share ${id}`);
        for (let id = 1; id <= max!.tokens + 2; id++) assert.equal((await browser.json('POST', `/api/tokens/${id}/revoke`)).status, 404, `${who} token ${id}`);
        for (let id = 1; id <= max!.users; id++) assert.equal((await browser.json('PATCH', `/api/admin/users/${id}`, { role: 'administrator' })).status, 403);
      }
      assert.equal((await world.store.sql`select 1 from intelligence_item where title = 'taken over'`).length, 0);
    });
  });

  describe('privilege escalation through the API', () => {
    it('a council officer cannot make users, raise their own role, import, embargo, or name early-sight partners', async () => {
      const officer = world.browsers.performance_officer;
      const attempts = [
        await officer.json('POST', '/api/admin/users', { name: 'Me Again', email: 'me2@durham.example', organisationId: world.organisations.durham.id, role: 'administrator' }),
        await officer.json('PATCH', `/api/admin/users/${world.users.performance_officer.id}`, { role: 'administrator' }),
        await officer.json('POST', '/api/admin/organisations', { name: 'My own sector body', kind: 'sector_body' }),
        await officer.fetch('/api/imports?fileName=x.csv', {
          method: 'POST',
          headers: { 'Content-Type': 'text/csv', 'X-CSRF-Token': officer.csrfToken },
          body: `metric,area,period,value\nobesity,${DURHAM},2023/24,1\n`,
        }),
        await officer.json('PUT', '/api/admin/early-sight/early-reserves/embargo', { embargoUntil: null }),
        await officer.json('POST', '/api/admin/early-sight/early-reserves/shares', { organisationId: world.organisations.durham.id, reason: 'we would like to see it all' }),
        await officer.json('POST', '/api/intelligence', { subjectArea: 'E06000001', riskFactor: 'disengagement', title: 'About our neighbours', note: 'Something about the council next door to us.' }),
      ];
      for (const response of attempts) assert.equal(response.status, 403, `${response.url}: ${await response.text()}`);
      const [me] = await world.store.sql<{ role: string }[]>`select role from user_account where id = ${world.users.performance_officer.id}`;
      assert.equal(me!.role, 'performance_officer');
    });

    it('fields that name another author, organisation or owner are refused or ignored', async () => {
      const created = await world.browsers.author.json('POST', '/api/intelligence', {
        subjectArea: DURHAM,
        riskFactor: 'disengagement',
        title: 'Mine',
        note: 'A note long enough to be specific about it.',
        authorId: world.users.administrator.id,
        ownerOrganisationId: world.organisations.durham.id,
      });
      const item = (await created.json()) as { id: number; author: { id: number }; organisation: { id: number } };
      assert.deepEqual([item.author.id, item.organisation.id], [world.users.author.id, world.organisations.sectorBody.id]);
      const patched = await world.browsers.author.json('PATCH', `/api/intelligence/${item.id}`, { authorId: world.users.principal_adviser.id });
      assert.equal(patched.status, 400);
      const renamed = await world.browsers.administrator.json('PATCH', `/api/admin/users/${world.users.author.id}`, { organisationId: world.organisations.service.id });
      assert.equal(renamed.status, 400);
    });

    it('a read-only token, or a token of a disabled user, changes nothing', async () => {
      const token = await apiToken(world.store.sql, world.users.author.id, ['read']);
      const response = await fetch(`${world.base}/api/intelligence`, {
        method: 'POST',
        headers: { ...bearer(token), 'Content-Type': 'application/json' },
        body: JSON.stringify({ subjectArea: DURHAM, riskFactor: 'disengagement', title: 'x', note: 'A long enough note about something.' }),
      });
      assert.equal(response.status, 403);
      const adminToken = await apiToken(world.store.sql, world.users.administrator.id);
      await world.store.sql`update user_account set disabled_at = now() where id = ${world.users.administrator.id}`;
      assert.equal((await fetch(`${world.base}/api/admin/users`, { headers: bearer(adminToken) })).status, 401);
      await world.store.sql`update user_account set disabled_at = null where id = ${world.users.administrator.id}`;
    });

    it('the last administrator cannot be disabled or demoted', async () => {
      const [row] = await world.store.sql<{ n: number }[]>`select count(*)::int as n from user_account where role = 'administrator' and disabled_at is null`;
      assert.ok(row!.n >= 2, 'this world has the administrator of the tests and one more');
      const self = await world.browsers.administrator.json('PATCH', `/api/admin/users/${world.users.administrator.id}`, { role: 'principal_adviser' });
      assert.equal(self.status, 400);
      assert.match(((await self.json()) as { message: string }).message, /your own administration|last administrator/);
    });
  });

  describe('brute-force sign-in', () => {
    it('refuses any address after thirty failures in fifteen minutes, whichever accounts it tries', async () => {
      const fresh = await startTestServer(world.store); // its own limits, untouched by the probes above
      try {
        const emails = Object.values(world.users).map((u) => u.email);
        let first429 = 0;
        for (let attempt = 1; attempt <= 32 && first429 === 0; attempt++) {
          const response = await new Browser(fresh.base).signIn(emails[attempt % emails.length]!, `guess number ${attempt}`);
          if (response.status === 429) first429 = attempt;
          else assert.equal(response.status, 401);
        }
        assert.equal(first429, 31, 'the thirty-first attempt is refused');
        const right = await new Browser(fresh.base).signIn('member@durham.example');
        assert.equal(right.status, 429, 'even with the right password');
      } finally {
        await fresh.close();
      }
    });
  });
});
