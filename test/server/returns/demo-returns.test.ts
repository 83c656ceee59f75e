// The demo's returns: made once for County Durham when its organisation is
// there, each marked synthetic, every value provisional, and the calendar
// shows months received, one explained and some overdue.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { returnCalendar } from '../../../src/domain/returns/index.ts';
import { createOrganisation } from '../../../src/store/organisations.ts';
import { heldPeriods, listReturns } from '../../../src/store/returns.ts';
import { createDemoReturns } from '../../../src/server/features/returns/demo-returns.ts';
import { commitmentOf } from '../../../src/server/features/returns/return-view.ts';
import { seedCatalogue } from '../../support/import.ts';
import { openTestStore, type TestStore } from '../../support/store.ts';

const DURHAM = 'E06000047';

describe('createDemoReturns(sql, log)', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
  });
  after(() => store.close());

  it('makes nothing without Durham’s organisation', async () => {
    await createDemoReturns(store.sql, () => undefined);
    assert.equal((await listReturns(store.sql, { areaCode: DURHAM })).length, 0);
  });

  it('makes Durham’s synthetic returns once, every value provisional', async () => {
    await createOrganisation(store.sql, { name: 'Durham County Council', kind: 'council', areaCode: DURHAM });
    await createDemoReturns(store.sql, () => undefined);
    await createDemoReturns(store.sql, () => undefined);
    const returns = await listReturns(store.sql, { areaCode: DURHAM });
    assert.equal(returns.length, 1, 'the seeded catalogue has no library metric of the demo: the local one alone');
    const [bins] = returns;
    assert.deepEqual([bins!.synthetic, bins!.metric.status, bins!.metric.title], [true, 'local', 'Missed bin collections (synthetic)']);
    const held = (await heldPeriods(store.sql, [bins!.id])).get(bins!.id)!;
    assert.ok([...held.values()].every((h) => h.provisional));
    const states = returnCalendar(commitmentOf(bins!), held, '2026-12-05').map((e) => e.state);
    assert.deepEqual([states.filter((s) => s === 'received').length, states.filter((s) => s === 'explained').length, states.filter((s) => s === 'overdue').length], [16, 1, 2]);
  });
});
