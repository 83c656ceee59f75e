// Every route asks the access policy: this walks the whole application's
// router stack (every router mounted at any depth, whenever it was added) and
// fails for any route whose first handler is not an access rule (reads,
// changes or shares of a record kind: src/server/platform/access/rules.ts), and for any
// middleware that is neither a router, an error handler, nor declared with
// middleware(purpose). A new router is covered without being listed here.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isAction, isRecordKind } from '../../../src/domain/access/index.ts';
import { ACCESS_RULE, MIDDLEWARE_PURPOSE, type AccessRule } from '../../../src/server/platform/access/rules.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';

interface Layer {
  readonly name: string;
  readonly rawPath?: unknown;
  readonly handle: ((...args: unknown[]) => unknown) & { stack?: Layer[]; [ACCESS_RULE]?: AccessRule; [MIDDLEWARE_PURPOSE]?: string };
  readonly route?: { readonly path: unknown; readonly methods: Record<string, boolean>; readonly stack: Layer[] };
}

interface Found {
  readonly routes: { readonly address: string; readonly rule: AccessRule }[];
  readonly middleware: { readonly address: string; readonly purpose: string }[];
  readonly undeclared: string[];
}

function walk(stack: readonly Layer[], prefix: string, found: Found): void {
  for (const layer of stack) {
    const path = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
    if (layer.route) {
      const address = `${Object.keys(layer.route.methods)
        .map((m) => m.toUpperCase())
        .join(',')} ${prefix}${String(layer.route.path)}`;
      const rule = layer.route.stack[0]?.handle[ACCESS_RULE];
      if (rule) found.routes.push({ address, rule });
      else found.undeclared.push(`route ${address}: its first handler must be reads(kind), changes(kind) or shares(kind)`);
    } else if (Array.isArray(layer.handle.stack)) {
      walk(layer.handle.stack, prefix + path, found);
    } else if (layer.handle.length === 4) {
      continue; // an error handler: it answers errors, never records
    } else if (layer.handle[MIDDLEWARE_PURPOSE]) {
      found.middleware.push({ address: `${prefix}${path || '/'} ${layer.name}`, purpose: layer.handle[MIDDLEWARE_PURPOSE]! });
    } else {
      found.undeclared.push(`middleware '${layer.name}' at ${prefix}${path || '/'}: declare it with middleware('what it is for', handler), or make it a route`);
    }
  }
}

describe('every route declares its access rule', () => {
  let store: TestStore;
  let server: TestServer;
  let found: Found;

  before(async () => {
    store = await openTestStore();
    server = await startTestServer(store);
    found = { routes: [], middleware: [], undeclared: [] };
    walk((server.app as unknown as { router: { stack: Layer[] } }).router.stack, '', found);
  });
  after(async () => {
    await server.close();
    await store.close();
  });

  it('finds the routes of every router: the JSON API, benchmarking, access, health', () => {
    const addresses = found.routes.map((r) => r.address);
    for (const expected of [
      'GET /health',
      'GET /api/areas',
      'GET /api/observations',
      'POST /api/imports',
      'GET /api/benchmark/league-table',
      'POST /api/benchmark/groups',
      'GET /api/openapi.json',
      'POST /sign-in',
      'GET /api/intelligence/:id',
      'POST /api/intelligence/:id/shares',
      'GET /api/shares/feed',
      'GET /api/audit',
      'POST /api/admin/users',
      'POST /api/tokens',
    ]) {
      assert.ok(addresses.includes(expected), `${expected} is among the routes found: ${addresses.join('; ')}`);
    }
    assert.ok(found.routes.length >= 40, `${found.routes.length} routes`);
  });

  it('has no route or middleware without a declared access rule or purpose', () => {
    assert.deepEqual(found.undeclared, [], `undeclared:\n  ${found.undeclared.join('\n  ')}`);
  });

  it('declares only real actions and record kinds', () => {
    for (const { address, rule } of found.routes) {
      assert.ok(isAction(rule.action) && isRecordKind(rule.kind), `${address}: ${JSON.stringify(rule)}`);
    }
  });

  it('declares every route that changes something (POST, PUT, PATCH, DELETE) as a change or a share, never a read', () => {
    const wrong = found.routes.filter((r) => /^(POST|PUT|PATCH|DELETE)/.test(r.address) && r.rule.action === 'read');
    assert.deepEqual(
      wrong.map((r) => r.address),
      [],
    );
    const forms = found.routes.filter((r) => /^GET/.test(r.address) && r.rule.action !== 'read');
    // A form is shown only to those who may make the change it leads to: a new record, an edit, or the confirmation before publishing or withdrawing.
    const isForm = (address: string) => /\/(new|edit)$/.test(address) || /^GET \/reports\/:id\/(publish|versions\/:version\/withdraw)$/.test(address);
    assert.ok(
      forms.every((r) => isForm(r.address)),
      `a GET declared as a change is only a form for a new record, an edit or a confirmation: ${forms
        .filter((r) => !isForm(r.address))
        .map((r) => r.address)
        .join(', ')}`,
    );
  });

  it('identifies the viewer before any route runs', () => {
    const stack = (server.app as unknown as { router: { stack: Layer[] } }).router.stack;
    const identify = stack.findIndex((l) => l.handle[MIDDLEWARE_PURPOSE]?.startsWith('identifies the viewer'));
    const firstRoute = stack.findIndex((l) => l.route !== undefined || Array.isArray(l.handle.stack));
    assert.ok(identify >= 0 && identify < firstRoute, `identify at ${identify}, first route or router at ${firstRoute}`);
  });

  it('a route that forgets its rule is caught', () => {
    const probe: Found = { routes: [], middleware: [], undeclared: [] };
    const handler = Object.assign(() => undefined, {});
    walk([{ name: 'x', handle: handler, route: { path: '/forgotten', methods: { get: true }, stack: [{ name: 'h', handle: handler }] } }], '', probe);
    walk([{ name: 'loose', handle: Object.assign((_a: unknown, _b: unknown, _c: unknown) => undefined, {}) }], '/pages', probe);
    assert.deepEqual(probe.undeclared.length, 2);
    assert.match(probe.undeclared[0]!, /GET \/forgotten/);
  });
});
