// The demo's surveys on the demo's store: made once, each marked synthetic,
// Durham's telephone surveys judged comparable and held as its values, its
// online panel not, and the national poll's waves kept as England's.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createDemoAccess } from '../../../src/server/features/admin/demo-access.ts';
import { createDemoSurveys } from '../../../src/server/features/surveys/demo-surveys.ts';
import { currentHeldValues } from '../../../src/store/held-values.ts';
import { surveysOf } from '../../../src/store/surveys.ts';
import { openDemoStore, type TestStore } from '../../support/store.ts';
import { DURHAM, ENGLAND } from './fixtures.ts';

describe('the demo surveys', () => {
  let store: TestStore;
  before(async () => {
    store = await openDemoStore();
    await createDemoAccess(store.sql, 'a long demo password 1', () => {});
  });
  after(() => store.close());

  it('makes synthetic surveys once, judged and held as entered ones are', async () => {
    const made = await createDemoSurveys(store.sql, () => {});
    assert.equal(made, 9);
    assert.equal(await createDemoSurveys(store.sql, () => {}), 0, 'made once');
    const durham = await surveysOf(store.sql, DURHAM);
    assert.ok(durham.every((s) => s.synthetic && /\(synthetic\)$/.test(s.title)));
    assert.deepEqual(
      durham.map((s) => [s.period, s.verdict?.overall]),
      [
        ['2025/26', 'not_comparable'],
        ['2024/25', 'comparable'],
        ['2023/24', 'comparable'],
      ],
    );
    assert.equal((await surveysOf(store.sql, ENGLAND)).length, 6);
    const held = await currentHeldValues(store.sql, DURHAM);
    assert.deepEqual([...new Set(held.map((v) => v.period))], ['2023/24', '2024/25']);
    assert.equal(held.length, 20);
    assert.ok(held.every((v) => v.origin === 'survey' && !v.provisional));
  });
});
