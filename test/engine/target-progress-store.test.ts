// Targets kept current with the benchmark engine on a real PostgreSQL: an
// import's batch reaches the engine, which rates again only the targets on
// the batch's metrics, and the book then says what rating every target
// afresh says.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BenchmarkEngine } from '../../src/engine/benchmark-engine.ts';
import { TargetProgressBook, keepCurrent, rateTargets } from '../../src/engine/target-progress.ts';
import type { Target, ToleranceRule } from '../../src/domain/targets/index.ts';
import { importText, seedCatalogue } from '../support/import.ts';
import { eventually } from '../support/jobs.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const RULE: ToleranceRule = Object.freeze({ kind: 'relative', version: 1, greenWithinPercent: 2, amberWithinPercent: 5, amberIfImproved: false });

function target(id: string, metricCode: string, areaCode: string): Target {
  return Object.freeze({
    id,
    metricCode,
    areaCodes: [areaCode],
    polarity: 'lower_is_better',
    baseline: { period: '2021/22', value: 32 },
    trajectory: [
      { period: '2022/23', value: 31 },
      { period: '2023/24', value: 30 },
    ],
    shape: 'straight',
    targetValue: 30,
    targetPeriod: '2023/24',
    role: 'performance',
    kind: 'local',
    rule: RULE,
    placeholderDue: null,
  });
}

describe('target progress kept current with the engine', () => {
  let store: TestStore;
  let engine: BenchmarkEngine;
  let stop: () => void;
  const targets = [target('durham', 'obesity', 'E06000047'), target('hartlepool', 'obesity', 'E06000001'), target('visits', 'visits', 'E06000047')];
  const book = new TargetProgressBook(targets);
  const band = (id: string) => {
    const rating = book.progress(id)?.areas[0]?.rating;
    return rating && ('band' in rating ? rating.band : rating.notRated);
  };

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    await importText(store.sql, 'obesity.csv', 'metric,area,period,value\nobesity,E06000047,2022/23,31.2\nobesity,E06000001,2022/23,33\n');
    engine = await BenchmarkEngine.start(store.sql, () => {});
    stop = keepCurrent(book, engine);
  });
  after(async () => {
    stop();
    await engine.stop();
    await store.close();
  });

  it('rates every target once the index is built', () => {
    assert.deepEqual([band('durham'), band('hartlepool'), band('visits')], ['green', 'red', 'no_data']);
  });

  it("rates a batch's targets again after it loads, as rating them all afresh would", async () => {
    await importText(store.sql, 'obesity-2023.csv', 'metric,area,period,value\nobesity,E06000047,2023/24,31.2\nobesity,E06000001,2023/24,30.5\n');
    await eventually('the batch to reach the book', () => (book.progress('hartlepool')?.areas[0]?.period === '2023/24' ? true : undefined));
    assert.deepEqual([band('durham'), band('hartlepool'), band('visits')], ['amber', 'green', 'no_data']);
    const afresh = rateTargets(engine.index, targets);
    assert.deepEqual(
      targets.map((t) => book.progress(t.id)),
      afresh,
    );
  });
});
