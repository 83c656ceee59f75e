// A release says which periods it brought, and a listening index builds
// again only those slices of the metrics it touched. What it then holds must
// be what a whole build from the store holds: the periods released, a
// correction of a period released before, the official series beside them,
// and the latest period's trends worked out again.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BenchmarkIndex } from '../../src/domain/benchmark/benchmark-index.ts';
import { keepTrends } from '../../src/domain/benchmark/trend-of.ts';
import { parsePeriod, type Period } from '../../src/domain/period/index.ts';
import { BenchmarkEngine, buildIndex } from '../../src/engine/benchmark-engine.ts';
import { holdValues, type HeldValueInput } from '../../src/store/held-values.ts';
import { releaseDue, setReleaseRule } from '../../src/store/releases.ts';
import { importText, seedCatalogue } from '../support/import.ts';
import { eventually } from '../support/jobs.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';

function periodOf(label: string): Period {
  const parsed = parsePeriod(label);
  if (parsed.kind !== 'ok') throw new Error(label);
  return parsed.period;
}

const visits = (area: string, period: string, value: number): HeldValueInput => ({ metricCode: 'visits', areaCode: area, period: periodOf(period), value, provisional: false, origin: 'return' });

/** A series as plain data: each slice's period, areas and values, and the latest slice's trends as the index reads them. */
function seriesOf(index: BenchmarkIndex): unknown {
  const series = index.metric('visits');
  return series?.slices.map((s) => ({ period: s.period, start: s.start, end: s.end, areas: [...s.areas], values: [...s.values], bounds: s.bounds !== undefined, counts: s.counts !== undefined }));
}

describe("a release's refresh of the index", () => {
  let store: TestStore;
  let engine: BenchmarkEngine;
  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    const official = await importText(store.sql, 'official.csv', `metric,area,period,value\nvisits,${DURHAM},2018,300\nvisits,${HARTLEPOOL},2018,200\nvisits,${HARTLEPOOL},2019,210\n`);
    assert.equal(official.status, 'loaded');
    engine = await BenchmarkEngine.start(store.sql, () => {}, true);
  });
  after(async () => {
    await engine.stop();
    await store.close();
  });

  const released = async (now: string) => {
    const release = await releaseDue(store.sql, new Date(now));
    assert.ok(release.batchId !== null, 'something was due');
    await eventually('the index to hold the release', async () => (engine.holds([release.batchId!]) ? true : undefined), 30);
    const [batch] = await store.sql<{ periods: string[] }[]>`select periods from release_batch where batch_id = ${release.batchId}`;
    return batch!.periods;
  };

  it('holds what a whole build holds after each release, the slices outside it kept', async () => {
    await store.sql.begin((tx) => setReleaseRule(tx, DURHAM, 'visits', { kind: 'public_after_period', months: 0 }, null));
    await store.sql.begin((tx) => setReleaseRule(tx, HARTLEPOOL, 'visits', { kind: 'public_after_period', months: 0 }, null));
    await store.sql.begin((tx) => holdValues(tx, [visits(DURHAM, '2019', 310), visits(DURHAM, '2020', 320), visits(HARTLEPOOL, '2020', 220)], null));

    assert.deepEqual(await released('2030-01-01T00:00:00Z'), ['2019', '2020']);
    assert.deepEqual(seriesOf(engine.index), seriesOf(await buildIndex(store.sql)));
    assert.deepEqual(
      engine.index
        .metric('visits')
        ?.slices.map((s) => s.period)
        .join(' '),
      '2018 2019 2020',
      'the official 2018 is kept beside the released years',
    );

    await store.sql.begin((tx) => holdValues(tx, [visits(DURHAM, '2019', 315), visits(HARTLEPOOL, '2021', 230)], null));
    assert.deepEqual(await released('2030-01-02T00:00:00Z'), ['2019', '2021'], 'a correction of 2019 and a new year');
    const whole = await buildIndex(store.sql);
    keepTrends(whole, whole.metric('visits')!); // as the engine keeps them after each change
    assert.deepEqual(seriesOf(engine.index), seriesOf(whole));
    const latest = (index: BenchmarkIndex) => {
      const slice = index.metric('visits')!.latest()!;
      return [slice.period, [...slice.areas].map((_, position) => slice.trendCode(position))];
    };
    assert.deepEqual(latest(engine.index), latest(whole), "the latest slice's trends are those a whole build works out");
    const slice2019 = engine.index.metric('visits')!.slice('2019')!;
    assert.deepEqual([...slice2019.values], [...whole.metric('visits')!.slice('2019')!.values]);
    assert.ok([...slice2019.values].includes(315), 'the corrected value is held');
  });
});
