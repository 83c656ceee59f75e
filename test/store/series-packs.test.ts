// Metrics' packs (migration 021), on a real store holding the demo's
// extracts: an index read from packs is the index made from the
// observations, figure for figure; every change to a metric's observations
// (insert, update, delete) deletes that metric's pack and no other; and a
// packer that starts while a writer is under way waits for it, so its pack
// holds the writer's change.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { BenchmarkIndex, type PeriodSlice } from '../../src/domain/benchmark/benchmark-index.ts';
import { loadEverySeries, loadIndexAreas, loadIndexMetrics } from '../../src/store/benchmark-source.ts';
import { forgetSeriesPacks, packMissingSeries, SERIES_PACK_LOCK } from '../../src/store/series-packs.ts';
import type { Sql } from '../../src/store/store.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

async function built(sql: Sql, packs: boolean): Promise<BenchmarkIndex> {
  const index = new BenchmarkIndex(await loadIndexAreas(sql));
  await loadEverySeries(sql, index, await loadIndexMetrics(sql), { packs });
  return index;
}

/** Every metric's slices as plain data (NaN kept as NaN), by metric code. */
function contents(index: BenchmarkIndex) {
  const plain = (slice: PeriodSlice) => ({
    period: slice.period,
    areas: [...slice.areas],
    values: [...slice.values],
    lower: slice.bounds && [...slice.bounds.lower],
    upper: slice.bounds && [...slice.bounds.upper],
    numerator: slice.counts && [...slice.counts.numerator],
    denominator: slice.counts && [...slice.counts.denominator],
  });
  return new Map([...index.metrics()].map((series) => [series.metric.code, series.slices.map(plain)]));
}

/** The packer waiting for the writers' lock in this database (a bigint key is held as its high and low halves). */
function waitingForTheLock(sql: Sql) {
  const high = Math.floor(SERIES_PACK_LOCK / 2 ** 32);
  const low = SERIES_PACK_LOCK % 2 ** 32;
  return sql`
    select 1 from pg_locks where locktype = 'advisory' and not granted and classid = ${high} and objid = ${low}
      and database = (select oid from pg_database where datname = current_database())`;
}

async function packedMetrics(sql: Sql): Promise<Set<number>> {
  return new Set((await sql<{ id: number }[]>`select metric_id as id from series_pack`).map((row) => row.id));
}

describe('series packs', () => {
  let store: TestStore;
  let sql: Sql;
  let metricIds: number[];

  before(async () => {
    store = await openDemoStore();
    sql = store.sql;
    metricIds = (await sql<{ id: number }[]>`select distinct metric_id as id from observation order by 1`).map((row) => row.id);
    assert.ok(metricIds.length >= 3, 'the demo has several metrics with observations');
  });
  after(() => store.close());

  it('packs every metric with observations, once, and the index read from them is the same', async () => {
    const fromObservations = contents(await built(sql, false));
    const [counted] = await sql<{ count: number }[]>`select count(*)::int as count from observation`;
    assert.deepEqual(await packMissingSeries(sql), { metrics: metricIds.length, observations: counted!.count });
    assert.deepEqual(await packMissingSeries(sql), { metrics: 0, observations: 0 });
    assert.deepEqual(await packedMetrics(sql), new Set(metricIds));
    assert.deepEqual(contents(await built(sql, true)), fromObservations);
  });

  it('an update, a delete or an insert of observations deletes the packs of those metrics only', async () => {
    await packMissingSeries(sql);
    const [updated, deleted] = metricIds;
    await sql`update observation set value = value + 1 where metric_id = ${updated!} and value is not null`;
    assert.deepEqual(await packedMetrics(sql), new Set(metricIds.filter((id) => id !== updated)));

    const [gone] = await sql<{ areaId: number; period: string; value: number | null }[]>`
      delete from observation where ctid = (select ctid from observation where metric_id = ${deleted!} limit 1)
      returning area_id as "areaId", period, value`;
    assert.deepEqual(await packedMetrics(sql), new Set(metricIds.filter((id) => id !== updated && id !== deleted)));

    await packMissingSeries(sql);
    const batch = (await sql<{ id: number }[]>`select batch_id as id from observation where metric_id = ${deleted!} limit 1`)[0]!.id;
    await sql`insert into observation (metric_id, area_id, period, value, batch_id) values (${deleted!}, ${gone!.areaId}, ${gone!.period}, ${gone!.value}, ${batch})`;
    assert.deepEqual(await packedMetrics(sql), new Set(metricIds.filter((id) => id !== deleted)));

    // Read partly from packs and partly from observations, the index is the store's.
    assert.deepEqual(contents(await built(sql, true)), contents(await built(sql, false)));
  });

  it('a packer waits for a writer under way, and its pack holds the write', async () => {
    await forgetSeriesPacks(sql);
    const [metric] = metricIds;
    let write!: () => void;
    const written = new Promise<void>((resolve) => {
      write = resolve;
    });
    let commit!: () => void;
    const committing = new Promise<void>((resolve) => {
      commit = resolve;
    });
    const writer = sql.begin(async (tx) => {
      await tx`update observation set value = value * 2 where metric_id = ${metric!} and value is not null`;
      write();
      await committing;
    });
    await written;
    let packed = false;
    const packer = packMissingSeries(sql).finally(() => {
      packed = true;
    });
    // The packer waits for the writers' lock before it reads anything (one that did not would be done by now).
    while (!packed && (await waitingForTheLock(sql)).length === 0) await sleep(20);
    commit();
    await writer;
    await packer;
    assert.deepEqual(await packedMetrics(sql), new Set(metricIds));
    assert.deepEqual(contents(await built(sql, true)), contents(await built(sql, false)));
  });

  it('forgetting the packs reads the observations again', async () => {
    await packMissingSeries(sql);
    await forgetSeriesPacks(sql);
    assert.equal((await packedMetrics(sql)).size, 0);
    assert.deepEqual(contents(await built(sql, true)), contents(await built(sql, false)));
  });
});
