// Reading the store into the benchmark index, on a real store: the packed
// columns PostgreSQL sends must make the same slices as the rows themselves
// added one at a time, whatever the order of area ids; a metric without
// observations has an empty series; a refresh replaces only its metrics;
// an observation the index cannot place is named, not misfiled; and nothing
// keeps an index its caller has let go.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setImmediate } from 'node:timers/promises';
import v8 from 'node:v8';
import vm from 'node:vm';
import { BenchmarkIndex, SeriesBuilder, type PeriodSlice } from '../../src/domain/benchmark/benchmark-index.ts';
import { countsGiveIntervals } from '../../src/domain/benchmark/benchmark-queries.ts';
import { loadEverySeries, loadIndexAreas, loadIndexMetrics, loadSeries } from '../../src/store/benchmark-source.ts';
import type { Sql } from '../../src/store/store.ts';
import { importText, seedCatalogue } from '../support/import.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

// E06000000 sorts before every council but is added last: its id is the highest, its area number the lowest.
const FIRST_BY_CODE = 'E06000000';

async function everySeries(sql: Sql): Promise<BenchmarkIndex> {
  const index = new BenchmarkIndex(await loadIndexAreas(sql));
  await loadEverySeries(sql, index, await loadIndexMetrics(sql));
  return index;
}

/** The slices of each metric as the rows themselves make them, one at a time. */
async function rowByRow(sql: Sql, index: BenchmarkIndex): Promise<Map<string, PeriodSlice[]>> {
  const rows = await sql<
    {
      metricId: number;
      code: string;
      period: string;
      start: string;
      end: string;
      value: number | null;
      lowerCi: number | null;
      upperCi: number | null;
      numerator: number | null;
      denominator: number | null;
    }[]
  >`
    select o.metric_id as "metricId", a.code, o.period, to_char(p.start_date, 'YYYY-MM-DD') as start, to_char(p.end_date, 'YYYY-MM-DD') as end,
      o.value, o.lower_ci as "lowerCi", o.upper_ci as "upperCi", o.numerator, o.denominator
    from observation o join area a on a.id = o.area_id join period p on p.label = o.period`;
  const metrics = await loadIndexMetrics(sql);
  return new Map(
    metrics.map((metric) => {
      const builder = new SeriesBuilder(countsGiveIntervals(metric));
      for (const row of rows.filter((r) => r.metricId === metric.id)) builder.add(row.period, row.start, row.end, { ...row, area: index.areaNumber(row.code)! });
      return [metric.code, builder.build()];
    }),
  );
}

/** A slice as plain data, NaN kept as NaN, so that deepEqual compares every figure. */
function plain(slice: PeriodSlice) {
  return {
    period: slice.period,
    start: slice.start,
    end: slice.end,
    areas: [...slice.areas],
    values: [...slice.values],
    lower: slice.bounds && [...slice.bounds.lower],
    upper: slice.bounds && [...slice.bounds.upper],
    numerator: slice.counts && [...slice.counts.numerator],
    denominator: slice.counts && [...slice.counts.denominator],
  };
}

describe('loadEverySeries and loadSeries', () => {
  let store: TestStore;

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    const area = await importText(store.sql, 'first.csv', `code,name,type,region_code\n${FIRST_BY_CODE},Firstbury,unitary,E12000001\n`);
    assert.equal(area.status, 'loaded', JSON.stringify(area.rejections));
    const metrics = await importText(
      store.sql,
      'more-metrics.csv',
      [
        'code,title,polarity,value_kind,period_kind,multiplier,unit',
        'satisfaction,Residents satisfied,higher_is_better,mean,financial_year,,score',
        'unmeasured,Not yet measured,neutral,count,calendar_year,,',
      ].join('\n'),
    );
    assert.equal(metrics.status, 'loaded', JSON.stringify(metrics.rejections));
    const observations = await importText(
      store.sql,
      'observations.csv',
      [
        'metric,area,period,value,numerator,denominator,lower_ci,upper_ci,flags',
        `obesity,E06000047,2022/23,25,250,1000,,,`,
        `obesity,${FIRST_BY_CODE},2022/23,30,30,100,,,`,
        `obesity,E06000001,2022/23,,,,,,suppressed`,
        `obesity,E06000047,2023/24,26.5,265,1000,24,29,`,
        `obesity,${FIRST_BY_CODE},2023/24,31,,,28,34,`,
        `visits,E06000047,2023,1200,,,,,`,
        `visits,${FIRST_BY_CODE},2023,800,,,,,`,
        `visits,E06000001,2022,640,,,,,`,
        `satisfaction,E06000047,2023/24,3.4,,,3.1,3.7,`,
        `satisfaction,E06000001,2023/24,3.9,,,,,`,
      ].join('\n'),
    );
    assert.equal(observations.status, 'loaded', JSON.stringify(observations.rejections));
  });
  after(() => store.close());

  // First in the file: the driver keeps something of the first call of each statement only.
  it('keeps nothing of an index once the caller lets it go', async () => {
    const kept = new WeakRef(await everySeries(store.sql));
    for (let turn = 0; turn < 3; turn++) {
      await setImmediate();
      collectGarbage();
    }
    assert.equal(kept.deref(), undefined);
  });

  it('makes the slices the rows make one at a time, for every metric', async () => {
    const index = await everySeries(store.sql);
    const expected = await rowByRow(store.sql, index);
    for (const [code, slices] of expected) assert.deepEqual(index.metric(code)!.slices.map(plain), slices.map(plain), code);
    assert.ok(
      index.metric('obesity')!.slices.every((s) => s.areas[0] === index.areaNumber(FIRST_BY_CODE)),
      'the area added last comes first',
    );
  });

  it('keeps bounds and counts where the rows have them, and NaN where a row has none', async () => {
    const obesity = (await everySeries(store.sql)).metric('obesity')!;
    const [earlier, later] = obesity.slices.map(plain);
    assert.deepEqual(earlier!.values, [30, Number.NaN, 25]);
    assert.equal(earlier!.lower, undefined);
    assert.deepEqual(later!.numerator, [Number.NaN, 265]);
    assert.deepEqual(later!.lower, [28, 24], 'the row without counts needs its bounds');
  });

  it('gives a metric without observations an empty series', async () => {
    assert.deepEqual((await everySeries(store.sql)).metric('unmeasured')!.slices, []);
  });

  it('replaces only the metrics it is given', async () => {
    const index = await everySeries(store.sql);
    const visits = index.metric('visits');
    await importText(store.sql, 'revised.csv', 'metric,area,period,value\nobesity,E06000001,2022/23,22\n');
    const read = await loadSeries(store.sql, index, await loadIndexMetrics(store.sql, [index.metric('obesity')!.metric.id]));
    assert.equal(read, 5);
    assert.equal(index.metric('visits'), visits);
    const slice = index.metric('obesity')!.slices[0]!;
    assert.equal(slice.value(slice.position(index.areaNumber('E06000001')!)), 22);
  });

  describe('an observation the index cannot place', () => {
    it('names the metric of an observation whose period the period table does not hold', async () => {
      await store
        .asOwner((owner) =>
          owner.begin(async (tx) => {
            await tx`insert into observation (metric_id, area_id, period, value, batch_id)
          select m.id, a.id, '1999/00', 1, b.id from metric m, area a, import_batch b where m.code = 'visits' and a.code = 'E06000047' limit 1`;
            await assert.rejects(everySeries(tx as unknown as Sql), /metric visits has observations of a period the period table does not hold/);
            throw new RolledBack();
          }),
        )
        .catch(rolledBack);
    });

    it('names the metric and the area id the area table does not hold', async () => {
      await store
        .asOwner((owner) =>
          owner.begin(async (tx) => {
            await tx`insert into observation (metric_id, area_id, period, value, batch_id)
          select m.id, 999999, '2023', 1, b.id from metric m, import_batch b where m.code = 'visits' limit 1`;
            await assert.rejects(everySeries(tx as unknown as Sql), /metric visits has observations of area id 999999, which the area table does not hold/);
            throw new RolledBack();
          }),
        )
        .catch(rolledBack);
    });
  });
});

v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc') as () => void;

/** Thrown to roll a transaction back once its checks are done. */
class RolledBack extends Error {}

function rolledBack(error: unknown): void {
  if (!(error instanceof RolledBack)) throw error;
}
