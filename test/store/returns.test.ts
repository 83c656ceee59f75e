// Returns in a real store: a council's local metric is owned by it and made
// once a title; a return is one a council, metric and frequency; the values
// it holds are held values with their history, and the calendar reads what
// each period holds.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { parsePeriod, type Period } from '../../src/domain/period/index.ts';
import { checkLocalMetric, DEFAULT_DUE_RULE } from '../../src/domain/returns/index.ts';
import { holdValues } from '../../src/store/held-values.ts';
import { createOrganisation } from '../../src/store/organisations.ts';
import { createLocalMetric, createReturn, getReturn, heldPeriods, listReturns, localMetricsOf, returnMetric, returnRevisions } from '../../src/store/returns.ts';
import { seedCatalogue } from '../support/import.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';

function periodOf(label: string): Period {
  const parsed = parsePeriod(label);
  if (parsed.kind !== 'ok') throw new Error(label);
  return parsed.period;
}

describe('returns', () => {
  let store: TestStore;
  let organisationId: number;
  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    organisationId = (await createOrganisation(store.sql, { name: 'Durham County Council', kind: 'council', areaCode: DURHAM })).id;
  });
  after(() => store.close());

  it('keeps a local metric owned by its council, once a title', async () => {
    const check = checkLocalMetric(DURHAM, { title: 'Missed bins', definition: 'Bins reported missed', polarity: 'lower_is_better', valueKind: 'count', periodKind: 'month' });
    assert.equal(check.kind, 'ok');
    if (check.kind !== 'ok') return;
    assert.ok(await store.sql.begin((tx) => createLocalMetric(tx, check.metric, DURHAM, null)));
    assert.equal(await store.sql.begin((tx) => createLocalMetric(tx, check.metric, DURHAM, null)), undefined);
    const metric = await returnMetric(store.sql, check.metric.code);
    assert.deepEqual([metric?.status, metric?.ownerArea, metric?.decimals], ['local', DURHAM, 2]);
    assert.deepEqual(
      (await localMetricsOf(store.sql, DURHAM)).map((m) => m.code),
      [check.metric.code],
    );
    assert.equal((await localMetricsOf(store.sql, 'E06000001')).length, 0);
  });

  it('refuses an owner on a metric that is not local', async () => {
    await assert.rejects(store.sql`update metric set owner_area_id = (select id from area where code = ${DURHAM}) where code = 'visits'`, /metric_owner_is_local/);
  });

  it('keeps one return a council, metric and frequency, and reads its values with their history', async () => {
    const draft = { areaCode: DURHAM, organisationId, metricCode: 'visits', periodKind: 'quarter', firstPeriod: periodOf('2025/26 Q1'), lastPeriod: null, dueRule: DEFAULT_DUE_RULE } as const;
    const id = await store.sql.begin((tx) => createReturn(tx, draft, null));
    assert.ok(id);
    assert.equal(await store.sql.begin((tx) => createReturn(tx, draft, null)), undefined);
    assert.ok(await store.sql.begin((tx) => createReturn(tx, { ...draft, periodKind: 'month', firstPeriod: periodOf('2025-04') }, null)), 'another frequency is another return');

    const read = await getReturn(store.sql, id!);
    assert.deepEqual([read?.areaName, read?.metric.code, read?.periodKind, read?.firstPeriod, read?.dueRule], ['County Durham', 'visits', 'quarter', '2025/26 Q1', DEFAULT_DUE_RULE]);
    assert.equal((await listReturns(store.sql, { areaCode: DURHAM, metricCode: 'visits' })).length, 2);
    assert.equal((await listReturns(store.sql, { areaCode: 'E06000001' })).length, 0);

    const held = (value: number | null, provisional: boolean, note: string | null = null) => ({
      metricCode: 'visits',
      areaCode: DURHAM,
      period: periodOf('2025/26 Q1'),
      value,
      note,
      provisional,
      origin: 'return' as const,
      originId: id!,
    });
    await store.sql.begin((tx) => holdValues(tx, [held(100, true)], null));
    await store.sql.begin((tx) => holdValues(tx, [held(104, false, 'Revised after audit')], null));
    assert.deepEqual(
      (await returnRevisions(store.sql, id!)).map((r) => [r.period, r.value, r.provisional, r.current]),
      [
        ['2025/26 Q1', 104, false, true],
        ['2025/26 Q1', 100, true, false],
      ],
    );
    const periods = await heldPeriods(store.sql, [id!]);
    assert.deepEqual(periods.get(id!)?.get('2025/26 Q1'), { hasValue: true, provisional: false, note: 'Revised after audit' });
  });
});
