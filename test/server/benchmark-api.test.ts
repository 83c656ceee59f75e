// The benchmarking API over HTTP, on a real store loaded with the demo data:
// league tables, area profiles, series, neighbours and saved groups, their
// CSV, their errors, and the index following an import.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import { administratorToken, bearer } from '../support/access.ts';
import { importText } from '../support/import.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

const ACTIVE = 'percentage-of-physically-active-adults';
const INACTIVE = 'percentage-of-physically-inactive-adults';
const DURHAM = 'E06000047';
const NORTH_EAST = 'E12000001';

interface Row {
  area: string;
  name: string;
  value: number | null;
  rank: number | null;
  quartile: number | null;
  significance: string;
}
interface Table {
  period: string;
  group: { label: string; size: number; mean: number | null; benchmark: { value: number; source: string } | null };
  rows: Row[];
}

describe('the benchmarking API on the demo data', () => {
  let store: TestStore;
  let server: TestServer;
  let engine: TestServer['engine'];
  let base: string;
  let logged: string[];
  /** Saving a group needs a signed-in user (see test/server/access). */
  let signedIn: Record<string, string>;

  before(async () => {
    store = await openDemoStore();
    signedIn = bearer(await administratorToken(store.sql));
    server = await startTestServer(store);
    ({ engine, base, logged } = server);
  });
  after(async () => {
    await server.close();
    await store.close();
  });

  async function get<T>(address: string): Promise<{ status: number; body: T }> {
    const response = await fetch(base + address);
    return { status: response.status, body: (await response.json()) as T };
  }

  /** The latest values of a metric for a set of councils, read from the store itself. */
  async function storedValues(metric: string, region: string) {
    return store.sql<{ code: string; value: number; period: string }[]>`
      select a.code, o.value, o.period from observation o join area a on a.id = o.area_id join metric m on m.id = o.metric_id
      join period p on p.label = o.period
      where m.code = ${metric} and a.region_code = ${region} and a.type in ('unitary', 'metropolitan_district', 'district', 'london_borough')
        and p.end_date = (select max(p2.end_date) from observation o2 join period p2 on p2.label = o2.period where o2.metric_id = m.id)
        and o.value is not null`;
  }

  describe('GET /api/benchmark/league-table', () => {
    it("ranks the region's councils by the store's latest values, best first, with quartiles", async () => {
      const { status, body } = await get<Table>(`/api/benchmark/league-table?metric=${ACTIVE}&area=${DURHAM}&group=region`);
      assert.equal(status, 200);
      const stored = await storedValues(ACTIVE, NORTH_EAST);
      assert.equal(body.period, stored[0]!.period);
      assert.deepEqual(body.rows.map((r) => r.area).sort(), stored.map((s) => s.code).sort());
      const expected = [...stored].sort((a, b) => b.value - a.value); // higher is better
      assert.deepEqual(
        body.rows.map((r) => r.value),
        expected.map((s) => s.value),
      );
      for (const row of body.rows) {
        assert.equal(row.rank, 1 + stored.filter((s) => s.value > row.value!).length, row.name);
        assert.ok(row.quartile! >= 1 && row.quartile! <= 4);
      }
      assert.match(body.group.label, /North East/);
      // England is the benchmark, whichever group ranks the councils.
      const [england] = await store.sql<{ value: number }[]>`
        select o.value from observation o join area a on a.id = o.area_id join metric m on m.id = o.metric_id
        where m.code = ${ACTIVE} and a.code = 'E92000001' and o.period = ${body.period}`;
      assert.deepEqual(body.group.benchmark, { value: england!.value, source: 'England' });
    });

    it("says each council's verdict in the metric page's words, names the benchmark and gives the source's own verdict; the CSV has no quartile", async () => {
      const [judged] = await store.sql<{ metric: string; period: string }[]>`
        select m.code as metric, v.period from source_verdict v join metric m on m.id = v.metric_id join area a on a.id = v.area_id
        where a.code = ${DURHAM} order by m.code, v.period desc limit 1`;
      assert.ok(judged, 'the demo keeps a source verdict on a figure of County Durham');
      const address = `/api/benchmark/league-table?metric=${judged.metric}&period=${encodeURIComponent(judged.period)}&area=${DURHAM}&group=region`;
      const { body } = await get<Omit<Table, 'rows'> & { benchmark: { name: string; value: number } | null; rows: (Row & { verdict: { words: string }; sourceVerdict: { words: string } | null })[] }>(
        address,
      );
      assert.equal(body.benchmark?.name, 'England');
      const durham = body.rows.find((r) => r.area === DURHAM)!;
      assert.match(durham.sourceVerdict?.words ?? '', /^Source: (better|similar|worse|higher|lower) (than|to) England$/i);
      assert.match(durham.verdict.words, /England|North East/);
      const csv = Papa.parse<Record<string, string>>(await (await fetch(`${base}${address}&format=csv`)).text(), { header: true, skipEmptyLines: true });
      assert.ok(!csv.meta.fields!.includes('quartile'), csv.meta.fields!.join(', '));
      const row = csv.data.find((r) => r.area === DURHAM)!;
      assert.deepEqual([row.verdict, row.source_verdict, row.benchmark_name], [durham.verdict.words, durham.sourceVerdict!.words, 'England']);
      const profile = Papa.parse<Record<string, string>>(await (await fetch(`${base}/api/benchmark/profile?area=${DURHAM}&format=csv`)).text(), { header: true });
      assert.ok(!profile.meta.fields!.includes('quartile') && profile.meta.fields!.includes('benchmark_name'), profile.meta.fields!.join(', '));
      const openApi = await get<{ components: { schemas: { LeagueTable: { properties: { rows: { items: { properties: { quartile: { deprecated?: boolean } } } } } } } } }>('/api/openapi.json');
      assert.equal(openApi.body.components.schemas.LeagueTable.properties.rows.items.properties.quartile.deprecated, true);
    });

    it('ranks a lower-is-better metric from the lowest value', async () => {
      const { body } = await get<Table>(`/api/benchmark/league-table?metric=${INACTIVE}&area=${DURHAM}&group=region`);
      const values = body.rows.map((r) => r.value!);
      assert.deepEqual(
        values,
        [...values].sort((a, b) => a - b),
      );
      assert.equal(body.rows[0]!.rank, 1);
    });

    it("compares England's councils with England's own value", async () => {
      const { body } = await get<Table>(`/api/benchmark/league-table?metric=${ACTIVE}`);
      assert.equal(body.group.benchmark?.source, 'England');
      assert.ok(body.group.size > 250, `${body.group.size} councils`);
      assert.ok(
        body.rows.every((r) => r.significance === 'not_compared'),
        'the extracts carry no intervals, so nothing is called significant',
      );
    });

    it('gives the same table as CSV', async () => {
      const response = await fetch(`${base}/api/benchmark/league-table?metric=${ACTIVE}&area=${DURHAM}&group=region&format=csv`);
      assert.match(response.headers.get('content-type')!, /text\/csv/);
      const csv = Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true });
      const { body } = await get<Table>(`/api/benchmark/league-table?metric=${ACTIVE}&area=${DURHAM}&group=region`);
      assert.deepEqual(
        csv.data.map((r) => [r.area, Number(r.rank)]),
        body.rows.map((r) => [r.area, r.rank]),
      );
    });

    it('answers bad parameters with 400s and unknown things with 404s that say what was wrong', async () => {
      const cases: [string, number, RegExp][] = [
        ['/api/benchmark/league-table', 400, /'metric' is required/],
        [`/api/benchmark/league-table?metric=${ACTIVE}&group=planet`, 400, /'group' must be/],
        [`/api/benchmark/league-table?metric=${ACTIVE}&level=90`, 400, /'level' must be 95 or 99.8/],
        [`/api/benchmark/league-table?metric=${ACTIVE}&group=region`, 400, /England has no region/],
        ['/api/benchmark/league-table?metric=no-such-metric', 404, /no metric/],
        [`/api/benchmark/league-table?metric=${ACTIVE}&period=1999/00`, 404, /no values for 1999\/00/],
        [`/api/benchmark/profile?area=E06999999`, 404, /no area/],
        ['/api/benchmark/profile', 400, /'area' is required/],
        [`/api/benchmark/series?metric=${ACTIVE}`, 400, /'areas' must list/],
        [`/api/benchmark/neighbours?area=${NORTH_EAST}`, 400, /not a council/],
        [`/api/benchmark/neighbours?area=${DURHAM}&variables=nothing`, 400, /no such metric: nothing/],
        [`/api/benchmark/neighbours?area=${DURHAM}&weights=-1`, 400, /'weights'/],
      ];
      for (const [address, status, message] of cases) {
        const { status: got, body } = await get<{ message: string }>(address);
        assert.equal(got, status, address);
        assert.match(body.message, message, address);
      }
    });
  });

  describe('GET /api/benchmark/profile', () => {
    it("gives every metric for County Durham against its neighbours, each at the metric's latest period", async () => {
      const { status, body } = await get<{ items: { metric: { code: string }; period: string; value: number | null; rank: number | null; groupSize: number; groupLabel: string }[] }>(
        `/api/benchmark/profile?area=${DURHAM}`,
      );
      assert.equal(status, 200);
      const [metrics] = await store.sql<{ n: number }[]>`select count(*)::int as n from metric`;
      assert.equal(body.items.length, metrics!.n);
      const active = body.items.find((i) => i.metric.code === ACTIVE)!;
      const [stored] = await storedValues(ACTIVE, NORTH_EAST).then((rows) => rows.filter((r) => r.code === DURHAM));
      assert.equal(active.value, stored!.value);
      assert.equal(active.period, stored!.period);
      assert.match(active.groupLabel, /County Durham and its 15 nearest neighbours/);
      assert.ok(active.groupSize <= 16 && active.rank! <= active.groupSize);
    });

    it('gives the profile against the region at a chosen period, as CSV too', async () => {
      const { body } = await get<{ items: { metric: { code: string }; period: string }[] }>(`/api/benchmark/profile?area=${DURHAM}&group=region&period=2019/20`);
      assert.ok(body.items.length > 0 && body.items.every((i) => i.period === '2019/20'));
      const response = await fetch(`${base}/api/benchmark/profile?area=${DURHAM}&group=region&period=2019/20&format=csv`);
      const csv = Papa.parse<Record<string, string>>(await response.text(), { header: true, skipEmptyLines: true });
      assert.deepEqual(
        csv.data.map((r) => r.metric),
        body.items.map((i) => i.metric.code),
      );
    });
  });

  describe('GET /api/benchmark/series and /neighbours', () => {
    it('gives every period of a metric for chosen areas, as stored', async () => {
      const { body } = await get<{ points: { area: string; period: string; value: number | null }[] }>(`/api/benchmark/series?metric=${ACTIVE}&areas=${DURHAM},E92000001`);
      const stored = await store.sql<{ code: string; period: string; value: number }[]>`
        select a.code, o.period, o.value from observation o join area a on a.id = o.area_id join metric m on m.id = o.metric_id
        where m.code = ${ACTIVE} and a.code in (${DURHAM}, 'E92000001')`;
      const withValues = body.points.filter((p) => p.value !== null);
      assert.equal(withValues.length, stored.length);
      for (const s of stored) assert.ok(withValues.some((p) => p.area === s.code && p.period === s.period && p.value === s.value));
    });

    it("finds Manchester's nearest single-tier neighbours on the contextual metrics, nearest first, each with its reason", async () => {
      const { body } = await get<{ neighbours: { code: string; distance: number; reason: string }[]; variables: { id: string }[] }>('/api/benchmark/neighbours?area=E08000003&count=5');
      assert.deepEqual(
        body.variables.map((v) => v.id),
        ['population-2020', 'population-density-2020'],
      );
      assert.equal(body.neighbours.length, 5);
      const distances = body.neighbours.map((n) => n.distance);
      assert.deepEqual(
        distances,
        [...distances].sort((a, b) => a - b),
      );
      const types = await store.sql<{ type: string }[]>`select type from area where code in ${store.sql(body.neighbours.map((n) => n.code))}`;
      assert.ok(types.every((t) => ['unitary', 'metropolitan_district', 'london_borough'].includes(t.type)));
      assert.ok(body.neighbours.every((n) => /closest on|compared on|the same as/.test(n.reason)));
    });
  });

  describe('saved comparator groups', () => {
    it('saves a group and ranks its members in a league table', async () => {
      const members = [DURHAM, 'E06000001', 'E06000002'];
      const created = await fetch(`${base}/api/benchmark/groups`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...signedIn },
        body: JSON.stringify({ name: 'Tees and Durham', areaCodes: members }),
      });
      assert.equal(created.status, 201);
      const group = (await created.json()) as { id: number };
      const { body } = await get<Table>(`/api/benchmark/league-table?metric=${ACTIVE}&area=${DURHAM}&group=custom&groupId=${group.id}`);
      assert.equal(body.group.label, 'Tees and Durham');
      assert.deepEqual(body.rows.map((r) => r.area).sort(), [...members].sort());
      assert.deepEqual(
        body.rows.map((r) => r.rank),
        [1, 2, 3],
      );
      const { body: listed } = await get<{ items: { name: string }[] }>('/api/benchmark/groups');
      assert.ok(listed.items.some((g) => g.name === 'Tees and Durham'));
    });

    it('refuses a group without a name or with unknown areas', async () => {
      for (const body of [{ areaCodes: [DURHAM] }, { name: 'x', areaCodes: [] }, { name: 'x', areaCodes: ['E06999999'] }]) {
        const response = await fetch(`${base}/api/benchmark/groups`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...signedIn }, body: JSON.stringify(body) });
        assert.equal(response.status, 400, JSON.stringify(body));
      }
    });
  });

  describe('after an import', () => {
    it('answers with the new values once the batch has loaded', async () => {
      const before = await get<Table>(`/api/benchmark/league-table?metric=${ACTIVE}&area=${DURHAM}&group=region`);
      const durham = before.body.rows.find((r) => r.area === DURHAM)!;
      const result = await importText(store.sql, 'durham-revised.csv', `metric,area,period,value\n${ACTIVE},${DURHAM},${before.body.period},99.9\n`);
      assert.equal(result.status, 'loaded');
      assert.equal(result.revised, 1);
      const deadline = Date.now() + 5000;
      let after = before;
      while (Date.now() < deadline) {
        await engine.settled();
        after = await get<Table>(`/api/benchmark/league-table?metric=${ACTIVE}&area=${DURHAM}&group=region`);
        if (after.body.rows[0]!.area === DURHAM) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.notEqual(durham.rank, 1);
      assert.deepEqual([after.body.rows[0]!.area, after.body.rows[0]!.value, after.body.rows[0]!.rank], [DURHAM, 99.9, 1]);
      assert.deepEqual(logged, []);
    });

    it('keeps the trend of every area at the latest period, after the start and after a refresh', async () => {
      await engine.trendsKept;
      await engine.settled();
      const index = engine.index;
      const unkept = [...index.metrics()].flatMap((series) => {
        const latest = series.latest()!;
        return Array.from(latest.areas, (_, position) => position)
          .filter((p) => latest.trendCode(p) === 0)
          .map((p) => `${series.metric.code} ${p}`);
      });
      assert.deepEqual(unkept, []);
      const profile = await get<{ items: { metric: { code: string }; trend: { direction: string; recent: string } }[] }>(`/api/benchmark/profile?area=${DURHAM}&group=region`);
      const active = profile.body.items.find((i) => i.metric.code === ACTIVE)!;
      assert.equal(active.trend.direction, 'not_compared', 'a value of 99.9 without an interval is not compared with the year before');
    });
  });
});
