// Breaks in a metric's series, on a real store and the index built from it:
// a metric redefined (a new definition, a new unit) breaks its series at the
// first period whose figures came after the change; a new title does not. A
// target whose baseline is before the break and whose actual is after it is
// not rated, "needs a rebased baseline"; a target rebased on or after the
// break is rated as any other.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BenchmarkIndex } from '../../../src/domain/benchmark/benchmark-index.ts';
import type { ToleranceRule } from '../../../src/domain/targets/index.ts';
import { BenchmarkEngine, buildIndex } from '../../../src/engine/benchmark-engine.ts';
import { indexRatings } from '../../../src/server/platform/agreements/ratings.ts';
import type { Agreement } from '../../../src/store/agreements.ts';
import { seriesBreaks } from '../../../src/store/series-breaks.ts';
import type { StoredTarget } from '../../../src/store/targets.ts';
import { importText, seedCatalogue } from '../../support/import.ts';
import { eventually } from '../../support/jobs.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';

const DURHAM = 'E06000047';
const HARTLEPOOL = 'E06000001';
const RULE: ToleranceRule = { kind: 'absolute', version: 1, greenWithin: 0.5, amberWithin: 1 };
const METRICS = 'code,title,polarity,value_kind,period_kind,multiplier,unit,definition';

/** A stored target on obesity in Durham, lower being better, from `baseline` to 27 by `targetPeriod`. */
function target(id: number, baseline: { period: string; value: number }, trajectory: { period: string; value: number }[]): StoredTarget {
  return {
    id,
    agreementId: 1,
    reference: `T${id}`,
    formerReferences: [],
    metricCode: 'obesity',
    areas: [DURHAM],
    kind: 'local',
    indicatorRole: 'performance',
    baselinePeriod: baseline.period,
    baselineValue: baseline.value,
    targetPeriod: trajectory.at(-1)!.period,
    targetValue: trajectory.at(-1)!.value,
    trajectoryShape: 'profiled',
    trajectory,
    leadPartnerId: 1,
    contributingPartnerIds: [],
    toleranceRule: RULE,
    placeholderDue: null,
    worseReason: null,
    replacesTargetId: null,
    revision: 1,
    updatedBy: 'test',
    updatedAt: new Date(),
  };
}

describe('breaks in a series from the definition history', () => {
  let store: TestStore;
  let index: BenchmarkIndex;
  const rate = indexRatings(() => index);
  const metricId = async (code: string) => (await store.sql<{ id: number }[]>`select id from metric where code = ${code}`)[0]!.id;
  const load = async (name: string, text: string) => assert.equal((await importText(store.sql, name, text)).status, 'loaded');

  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    await load('before.csv', `metric,area,period,value\nobesity,${DURHAM},2007/08,30\nobesity,${DURHAM},2008/09,29.4\nvisits,${DURHAM},2008,100\n`);
    // Obesity is measured anew from 2009/10; library visits only get a clearer title.
    await load(
      'redefined.csv',
      [
        METRICS,
        'obesity,Adults classified as obese,lower_is_better,proportion,financial_year,100,%,"Measured BMI of 30 or more, from the survey\'s new design"',
        'visits,Visits to public libraries,higher_is_better,count,calendar_year,,visits,',
      ].join('\n'),
    );
    // Durham's 2008/09 figure is revised after the change: a revision of a period that had come keeps it on the old side.
    await load(
      'after.csv',
      `metric,area,period,value\nobesity,${DURHAM},2008/09,29.2\nobesity,${DURHAM},2009/10,28.5\nobesity,${HARTLEPOOL},2009/10,31\nobesity,${DURHAM},2010/11,28\nvisits,${DURHAM},2009,110\n`,
    );
    index = await buildIndex(store.sql);
  });
  after(() => store.close());

  it('breaks the series at the first period that came after a change to what is counted, not after a new title', async () => {
    const obesity = await metricId('obesity');
    const breaks = await seriesBreaks(store.sql);
    assert.deepEqual([...breaks], [[obesity, ['2009/10']]]);
    assert.deepEqual(index.metric('obesity')?.metric.seriesBreaks, ['2009/10']);
    assert.equal(index.metric('visits')?.metric.seriesBreaks, undefined);
    assert.deepEqual([...(await seriesBreaks(store.sql, [await metricId('visits')]))], []);
  });

  it('reaches a running engine with the batch that brings the first figures after a change', async () => {
    const engine = await BenchmarkEngine.start(store.sql, () => {});
    try {
      assert.equal(engine.index.metric('visits')?.metric.seriesBreaks, undefined);
      await load('visits-redefined.csv', [METRICS, 'visits,Visits to public libraries,higher_is_better,count,calendar_year,,visits in person,'].join('\n'));
      await load('visits-2010.csv', `metric,area,period,value\nvisits,${DURHAM},2010,90\n`);
      const breaks = await eventually('the engine to read the break', () => engine.index.metric('visits')?.metric.seriesBreaks);
      assert.deepEqual(breaks, ['2010']);
    } finally {
      await engine.stop();
    }
  });

  it('leaves a target across the break not rated until it is rebased, and rates the rebased one', () => {
    const across = target(1, { period: '2007/08', value: 30 }, [
      { period: '2009/10', value: 28.5 },
      { period: '2010/11', value: 27 },
    ]);
    const rebased = target(2, { period: '2009/10', value: 28.5 }, [
      { period: '2010/11', value: 27.8 },
      { period: '2011/12', value: 27 },
    ]);
    const ratings = rate({} as Agreement, [across, rebased]);
    const [a] = ratings.get(1)!;
    assert.deepEqual([a!.period, a!.actual, a!.label], ['2010/11', 28, 'Break in series: needs a rebased baseline']);
    assert.ok('notRated' in a!.rating && a!.rating.rule.length > 10, 'the reason comes with the rule');
    const [b] = ratings.get(2)!;
    assert.deepEqual([b!.period, b!.actual, b!.expected, b!.label], ['2010/11', 28, 27.8, 'Green']);
    // At the end of an agreement the same holds: the final actual across a break is not judged.
    const [final] = rate({} as Agreement, [across], { final: true }).get(1)!;
    assert.equal(final!.label, 'Break in series: needs a rebased baseline');
  });
});
