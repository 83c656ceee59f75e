// Worse than comparators and getting worse over HTTP, on the demo store with
// intervals imported for the last five years of one metric: County Durham's
// inactivity rising above England's is found, with figures that match the
// index; Hartlepool's, worse but falling, is not; a region that is worse
// still takes the finding away with benchmark=group; bad input is refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import { trendOf } from '../../src/domain/benchmark/trend-of.ts';
import { importText } from '../support/import.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

const INACTIVE = 'percentage-of-physically-inactive-adults';
const ENGLAND = 'E92000001';
const NORTH_EAST = 'E12000001';
const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';
const YEARS = ['2017/18', '2018/19', '2019/20', '2020/21', '2021/22'];

/** Each figure with an interval of ±half around it, one row per year. */
function rows(area: string, values: readonly number[], half: number): string[] {
  return values.map((value, i) => `${INACTIVE},${area},${YEARS[i]},${value},${value - half},${value + half}`);
}

interface Finding {
  metric: { code: string; polarity: string };
  period: string;
  value: number;
  significance: { test: string; level: number; interval: { lower: number; upper: number }; benchmark: { value: number; source: string }; words: string };
  trend: { test: string; periods: string[]; slope: number; statistic: number; words: string };
}

describe('GET /api/benchmark/concerns', () => {
  let store: TestStore;
  let server: TestServer;

  before(async () => {
    store = await openDemoStore();
    const csv = [
      'metric,area,period,value,lower_ci,upper_ci',
      ...rows(ENGLAND, [22, 22, 22, 22, 22], 0.1),
      ...rows(NORTH_EAST, [30, 30, 30, 30, 30], 0.2),
      ...rows(DURHAM, [20, 22, 24, 26, 28], 0.5),
      ...rows(HARTLEPOOL, [36, 34, 32, 30, 28], 0.5),
    ].join('\n');
    const result = await importText(store.sql, 'inactivity-intervals.csv', csv);
    assert.equal(result.status, 'loaded', JSON.stringify(result));
    server = await startTestServer(store);
  });
  after(async () => {
    await server.close();
    await store.close();
  });

  async function get<T>(address: string): Promise<{ status: number; body: T }> {
    const response = await fetch(server.base + address);
    return { status: response.status, body: (await response.json()) as T };
  }

  it("finds County Durham's inactivity worse than England's and rising, with the index's own figures", async () => {
    const { status, body } = await get<{ area: { code: string }; items: Finding[] }>(`/api/benchmark/concerns?area=${DURHAM}`);
    assert.equal(status, 200);
    assert.equal(body.area.code, DURHAM);
    assert.deepEqual(
      body.items.map((i) => i.metric.code),
      [INACTIVE],
    );
    const finding = body.items[0]!;
    const index = server.engine.index;
    const series = index.metric(INACTIVE)!;
    const slice = series.latest()!;
    const durham = index.area(DURHAM)!;
    const position = slice.position(index.areaNumber(DURHAM)!);
    assert.equal(finding.period, slice.period);
    assert.equal(finding.value, slice.value(position));
    assert.deepEqual(finding.significance.interval, { lower: slice.bounds!.lower[position], upper: slice.bounds!.upper[position] });
    assert.deepEqual(finding.significance.benchmark, { value: slice.value(slice.position(index.areaNumber(ENGLAND)!)), source: 'England' });
    assert.equal(finding.significance.words, '95% confidence interval 27.5 to 28.5 wholly above the benchmark (England, 22.0)');
    const recent = trendOf(index, series, slice, durham).recent;
    assert.equal(recent.kind, 'ok');
    assert.deepEqual([finding.trend.test, finding.trend.slope, finding.trend.statistic], [recent.method, recent.slope, recent.statistic]);
    assert.deepEqual(finding.trend.periods, YEARS);
  });

  /** What the area page's profile says of the metric: the two judgements the rule reads. */
  async function profiled(query: string): Promise<[string, string]> {
    const { body } = await get<{ items: { significance: string; trend: { recent: string } }[] }>(`/api/benchmark/profile?metrics=${INACTIVE}&${query}`);
    return [body.items[0]!.significance, body.items[0]!.trend.recent];
  }

  it('leaves out a council that is worse than England but getting better', async () => {
    assert.deepEqual(await profiled(`area=${HARTLEPOOL}&group=england`), ['worse', 'getting_better']);
    const { status, body } = await get<{ items: Finding[] }>(`/api/benchmark/concerns?area=${HARTLEPOOL}`);
    assert.equal(status, 200);
    assert.deepEqual(body.items, []);
  });

  it("tests against the region's own value with benchmark=group, where Durham is better though getting worse", async () => {
    assert.deepEqual(await profiled(`area=${DURHAM}&group=region&benchmark=group`), ['better', 'getting_worse']);
    const { status, body } = await get<{ items: Finding[] }>(`/api/benchmark/concerns?area=${DURHAM}&group=region&benchmark=group`);
    assert.equal(status, 200);
    assert.deepEqual(body.items, []);
  });

  it('gives the finding as CSV, figures to the metric’s decimals', async () => {
    const response = await fetch(`${server.base}/api/benchmark/concerns?area=${DURHAM}&format=csv`);
    assert.equal(response.status, 200);
    const parsed = Papa.parse<Record<string, string>>((await response.text()).trim(), { header: true });
    assert.equal(parsed.data.length, 1);
    const row = parsed.data[0]!;
    assert.deepEqual([row.metric, row.value, row.benchmark, row.trend_from, row.trend_to], [INACTIVE, '28', '22', '2017/18', '2021/22']);
  });

  it('refuses a bad area, benchmark or level naming the field, and an unknown council with a 404', async () => {
    const cases: [string, number, RegExp][] = [
      ['/api/benchmark/concerns', 400, /'area' is required/],
      ['/api/benchmark/concerns?area=durham', 400, /'area'/],
      [`/api/benchmark/concerns?area=${DURHAM}&benchmark=scotland`, 400, /'benchmark' must be england or group/],
      [`/api/benchmark/concerns?area=${DURHAM}&group=planet`, 400, /'group' must be/],
      [`/api/benchmark/concerns?area=${DURHAM}&level=90`, 400, /'level' must be 95 or 99.8/],
      ['/api/benchmark/concerns?area=E06999999', 404, /no area with the code 'E06999999'/],
    ];
    for (const [address, status, message] of cases) {
      const { status: got, body } = await get<{ message: string }>(address);
      assert.equal(got, status, address);
      assert.match(body.message, message, address);
    }
  });
});
