// The targets that area and metric pages and reports list: only those of
// agreements the public may read, and none whose actual is an early-sight
// figure still under embargo, until the embargo ends.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildIndex } from '../../../src/engine/benchmark-engine.ts';
import { createDemoAccess } from '../../../src/server/features/admin/demo-access.ts';
import { createDemoAgreement } from '../../../src/server/features/targets/demo-agreement.ts';
import { publicTargetLines } from '../../../src/server/platform/agreements/target-lines.ts';
import { setAgreementStatus } from '../../../src/store/agreements.ts';
import { openDemoStore, type TestStore } from '../../support/store.ts';

const DURHAM = 'E06000047';
const ACTIVE = 'percentage-of-physically-active-adults';

describe('publicTargetLines', () => {
  let store: TestStore;
  let agreementId: number;
  before(async () => {
    store = await openDemoStore();
    await createDemoAccess(store.sql, 'a long demo passphrase 7', () => {});
    agreementId = (await createDemoAgreement(store.sql, () => {}))!;
  });
  after(() => store.close());

  const references = async (asked: Parameters<typeof publicTargetLines>[2]) =>
    (await publicTargetLines(store.sql, await buildIndex(store.sql), asked)).map((l) => `${l.target.reference} ${l.area.code}`);

  it("gives an area's targets and a metric's, each with its rating's rule", async () => {
    assert.deepEqual(
      await references({ areas: [DURHAM] }),
      ['PH 1', 'PH 2', 'PH 3', 'PH 4'].map((r) => `${r} ${DURHAM}`),
    );
    assert.deepEqual(await references({ metric: ACTIVE }), [`PH 1 ${DURHAM}`]);
    assert.deepEqual(await references({ areas: ['E08000035'] }), [], 'none for an area the agreement does not cover');
    const [line] = await publicTargetLines(store.sql, await buildIndex(store.sql), { metric: ACTIVE });
    assert.match(line!.rating.rule, /^Green: on or within/);
  });

  it('leaves out an agreement not signed off', async () => {
    await setAgreementStatus(store.sql, agreementId, 'negotiation', 1, 'test');
    assert.deepEqual(await references({ areas: [DURHAM] }), []);
    assert.deepEqual(await references({ metric: ACTIVE }), []);
    await setAgreementStatus(store.sql, agreementId, 'signed_off', 1, 'test');
  });

  it('leaves out a target on early-sight figures under embargo, and gives it once the embargo ends', async () => {
    await store.sql`update metric set status = 'early_sight', embargo_until = now() + interval '1 day' where code = ${ACTIVE}`;
    assert.deepEqual(await references({ metric: ACTIVE }), []);
    assert.ok(!(await references({ areas: [DURHAM] })).includes(`PH 1 ${DURHAM}`));
    await store.sql`update metric set embargo_until = now() - interval '1 minute' where code = ${ACTIVE}`;
    assert.deepEqual(await references({ metric: ACTIVE }), [`PH 1 ${DURHAM}`]);
  });
});
