// The probe: a council's held values reach no one outside their rule before
// their release instant, and reach everyone after it. It walks the whole
// application's router for every GET route (so a route added later is probed
// too), fills its parameters with the council and the held metric, and asks
// each as the public and as an organisation outside the rule, as a page or
// JSON and as CSV; and a report published before and after the release.
// Before: the held figures appear in no answer. After: they appear on the
// public API, its CSV export and a report published then; a provisional
// value appears nowhere, ever.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parsePeriod, type Period } from '../../../src/domain/period/index.ts';
import { startLanternJobs, type LanternJobs } from '../../../src/jobs/index.ts';
import { holdValues, type HeldValueInput } from '../../../src/store/held-values.ts';
import { Browser, organisation, user } from '../../support/access.ts';
import { importText } from '../../support/import.ts';
import { eventually, QUICK } from '../../support/jobs.ts';
import { startTestServer, type TestServer } from '../../support/server.ts';
import { openDemoStore, type TestStore } from '../../support/store.ts';

const DURHAM = 'E06000047';
const HELD = 'probe-held-footfall';
/** The held figures, as any page, JSON or CSV might write them (with or without the thousands' comma, between a CSV's commas). */
const RELEASED = /(?<![\d.])73,?5(19|28|37)(?!\d|,\d)/;
const PROVISIONAL = /(?<![\d.])73,?546(?!\d|,\d)/;

function periodOf(label: string): Period {
  const parsed = parsePeriod(label);
  if (parsed.kind !== 'ok') throw new Error(label);
  return parsed.period;
}

const held = (period: string, value: number, provisional = false): HeldValueInput => ({ metricCode: HELD, areaCode: DURHAM, period: periodOf(period), value, provisional, origin: 'return' });

interface Layer {
  readonly rawPath?: unknown;
  readonly handle: { stack?: Layer[] };
  readonly route?: { readonly path: unknown; readonly methods: Record<string, boolean> };
}

/** Every GET route's path, from the router stack at any depth. */
function getRoutes(stack: readonly Layer[], prefix = ''): string[] {
  return stack.flatMap((layer) => {
    const path = typeof layer.rawPath === 'string' && layer.rawPath !== '/' ? layer.rawPath : '';
    if (layer.route) return layer.route.methods.get ? [`${prefix}${String(layer.route.path)}`] : [];
    return Array.isArray(layer.handle.stack) ? getRoutes(layer.handle.stack, prefix + path) : [];
  });
}

/** A route's path with its parameters filled: the council, the held metric, or a first record. */
function filled(route: string): string {
  return route.replace(/:(\w+)/g, (_, name: string) => {
    if (/^(code|area|areaCode|council)$/.test(name)) return DURHAM;
    if (/^(metric|metricCode)$/.test(name)) return HELD;
    return '1';
  });
}

const KEYS = `metric=${HELD}&area=${DURHAM}`;

/** An address with the metric and council (as JSON or a page, and as CSV), and with the comparison's keys too. */
const withKeys = (address: string) => [`${address}?${KEYS}`, `${address}?${KEYS}&format=csv`, `${address}?${KEYS}&areas=${DURHAM}&group=region`];

describe('the probe: no held value before its release, every one after', () => {
  let store: TestStore;
  let server: TestServer;
  let jobs: LanternJobs;
  let officer: Browser;
  let outsider: Browser;
  /** Each GET route with its parameters filled, and what is asked of it: itself and with the keys. */
  let bare: string[];
  let addresses: string[];
  let routes = 0;
  const probed = { count: 0, refused: 0 };

  before(async () => {
    store = await openDemoStore();
    const metric = await importText(store.sql, 'held-metric.csv', `code,title,polarity,value_kind,period_kind,status\n${HELD},Town centre footfall,higher_is_better,count,month,local\n`);
    assert.equal(metric.status, 'loaded', JSON.stringify(metric.rejections));
    await store.sql.begin((tx) => holdValues(tx, [held('2025-04', 73519), held('2025-05', 73528), held('2025-06', 73537), held('2025-07', 73546, true)], null));
    server = await startTestServer(store);
    jobs = await startLanternJobs(store, server.engine, { ...QUICK, log: () => {}, server: 'probe' });
    const durham = await organisation(store.sql, 'Durham County Council', 'council', DURHAM);
    const outside = await organisation(store.sql, 'North East Partnership', 'regional_partnership');
    await user(store.sql, 'officer@durham.example', 'performance_officer', durham.id);
    await user(store.sql, 'partner@outside.example', 'regional_partner', outside.id);
    officer = new Browser(server.base);
    outsider = new Browser(server.base);
    assert.equal((await officer.signIn('officer@durham.example')).status, 303);
    assert.equal((await outsider.signIn('partner@outside.example')).status, 303);
    const found = getRoutes((server.app as unknown as { router: { stack: Layer[] } }).router.stack).filter((route) => !/sign-(in|out)|session/.test(route));
    routes = found.length;
    // Each route bare, with the metric and council (as JSON or a page, and as CSV), and with the comparison's keys too.
    bare = [...new Set(found.map(filled))];
    addresses = bare.flatMap((address) => [address, ...withKeys(address)]);
  });
  after(async () => {
    await jobs?.stop();
    await server?.close();
    await store?.close();
  });

  /**
   * Every address, as the public and as the outsider, asked once: those
   * whose answer shows the released figures, and those whose answer shows
   * the provisional one. Both are read from one sweep, as nothing changes
   * between them. A route that refuses a viewer for not being signed in (401,
   * or a redirect to sign in) does so by its access rule, before it reads
   * the query: that viewer is not asked it again with the keys.
   */
  async function showing(extra: readonly string[] = []): Promise<{ released: string[]; provisional: string[] }> {
    const seen = { released: [] as string[], provisional: [] as string[] };
    for (const [who, browser] of [
      ['the public', new Browser(server.base)],
      ['an outsider', outsider],
    ] as const) {
      const ask = async (address: string) => {
        probed.count++;
        const response = await browser.fetch(address, { signal: AbortSignal.timeout(10_000) }).catch(() => undefined);
        const body = response ? await response.text().catch(() => '') : '';
        if (RELEASED.test(body)) seen.released.push(`${who}: ${address}`);
        if (PROVISIONAL.test(body)) seen.provisional.push(`${who}: ${address}`);
        return response;
      };
      for (const address of bare) {
        const response = await ask(address);
        const signInFirst = response?.status === 401 || (response?.status === 303 && (response.headers.get('location') ?? '').startsWith('/sign-in'));
        if (signInFirst) probed.refused++;
        else for (const keyed of withKeys(address)) await ask(keyed);
      }
      for (const address of extra) await ask(address);
    }
    return seen;
  }

  function post(browser: Browser, address: string, fields: Record<string, string>) {
    return browser.fetch(address, { method: 'POST', body: new URLSearchParams({ _csrf: browser.csrfToken, ...fields }) });
  }

  /** Publishes a new version of a report of the held metric for Durham; its public address. */
  async function publishReport(title: string): Promise<string> {
    const drafted = await post(officer, '/reports', {
      title,
      areas: DURHAM,
      group: 'region',
      notes: '',
      sections: '1',
      do: 'save',
      section_title_0: 'Footfall',
      section_chart_0: 'bar',
      section_metrics_0: HELD,
    });
    const id = Number(/(\d+)$/.exec(drafted.headers.get('location') ?? '')?.[1]);
    assert.ok(id > 0, `the draft was saved: ${drafted.status}`);
    const published = await post(officer, `/reports/${id}/publish`, {});
    assert.equal(published.status, 303);
    const [version] = await store.sql<{ slug: string; version: number }[]>`select r.slug, v.version from report r join report_version v on v.report_id = r.id where r.id = ${id}`;
    assert.ok(version, 'the report was published');
    return `/published/${version.slug}/${version.version}`;
  }

  it('shows no held figure to the public or an outsider before the instant, on any route, export or report', async () => {
    const rule = await officer.json('PUT', `/api/releases/${DURHAM}/${HELD}`, { kind: 'public_from', publicFrom: new Date(Date.now() + 3_600_000).toISOString() });
    assert.equal(rule.status, 200, await rule.text());
    const report = await publishReport('Footfall before release');
    const calendar = (await (await officer.fetch(`/api/releases/${DURHAM}`)).json()) as { metrics: { values: unknown[] }[] };
    assert.equal(calendar.metrics[0]?.values.length, 4, 'the council reads its own values, released or not');
    const { released, provisional } = await showing([report, `${report}?format=csv`]);
    assert.deepEqual(released, [], 'nothing held is reachable before its instant');
    assert.deepEqual(provisional, []);
    assert.ok(addresses.length > 100, `the router gave ${addresses.length} addresses to probe`);
  });

  it('shows every released figure after the instant, and never the provisional one', async () => {
    // An instant five seconds ahead, whose own job releases the values: an instant already past when the rule is set
    // is left to the minutely check, up to a minute later, past the 30 s the test waits half the time.
    const rule = await officer.json('PUT', `/api/releases/${DURHAM}/${HELD}`, { kind: 'public_from', publicFrom: new Date(Date.now() + 5000).toISOString() });
    assert.equal(rule.status, 200, await rule.text());
    const api = `/api/observations?metric=${HELD}&area=${DURHAM}`;
    await eventually(
      'the release to reach the API',
      async () => {
        const body = (await (await new Browser(server.base).fetch(api)).json()) as { items: unknown[] };
        return body.items.length === 3 ? true : undefined;
      },
      30,
    );
    // The index holds the metric from the start, with no figures: wait for the release's three months in it, or a
    // report published before the index has heard of the release shows none of them (as it did under heavy load).
    await eventually('the index to hold the released values', () => (server.engine.index.metric(HELD)?.slices.length === 3 ? true : undefined), 30);
    const report = await publishReport('Footfall after release');
    const { released: reached, provisional } = await showing([report, `${report}?format=csv`]);
    for (const address of [api, `${api}&format=csv`, report, `${report}?format=csv`]) {
      assert.ok(
        reached.some((r) => r.startsWith('the public: ') && r.includes(address)),
        `the public reads the released figures at ${address}; found at ${reached.join(', ')}`,
      );
    }
    assert.deepEqual(provisional, [], 'a provisional value is never released');
    const calendar = (await (await new Browser(server.base).fetch(`/api/releases/${DURHAM}`)).json()) as { metrics: { values: { period: string }[] }[] };
    assert.deepEqual(
      calendar.metrics[0]?.values.map((v) => v.period),
      ['2025-04', '2025-05', '2025-06'],
      'the public calendar shows what was released',
    );
    console.log(
      `probe: ${addresses.length} addresses from ${routes} GET routes; ${probed.count} requests in all (${probed.refused} routes refused a viewer not signed in, asked once); ` +
        `after release the figures were reachable at ${reached.length} answers`,
    );
  });
});
