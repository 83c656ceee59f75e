// The demo's agreement on the demo's store: made once, after the demo's
// people, signed off and public; each of its targets rated from the demo's
// figures with its rule's words, at least one red and one green, and its
// published review's narrative shown to the public.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { buildIndex } from '../../../src/engine/benchmark-engine.ts';
import { createDemoAccess } from '../../../src/server/features/admin/demo-access.ts';
import { readAgreement } from '../../../src/server/features/targets/agreement-view.ts';
import { createDemoAgreement } from '../../../src/server/features/targets/demo-agreement.ts';
import { indexRatings } from '../../../src/server/platform/agreements/ratings.ts';
import { RequestAccess } from '../../../src/server/platform/access/request-access.ts';
import { PUBLIC_VIEWER } from '../../../src/domain/access/index.ts';
import { openDemoStore, type TestStore } from '../../support/store.ts';

describe('the demo agreement', () => {
  let store: TestStore;
  before(async () => {
    store = await openDemoStore();
  });
  after(() => store.close());

  it('is made once the council is there, rated from the demo figures, and read by the public', async () => {
    const lines: string[] = [];
    assert.equal(await createDemoAgreement(store.sql, (line) => lines.push(line)), undefined, 'no council organisation yet');
    await createDemoAccess(store.sql, 'a long demo passphrase 7', () => {});
    const id = await createDemoAgreement(store.sql, (line) => lines.push(line));
    assert.ok(id);
    assert.equal(await createDemoAgreement(store.sql, (line) => lines.push(line)), undefined, 'made once');
    const index = await buildIndex(store.sql);
    const publicAccess = new RequestAccess(PUBLIC_VIEWER, () => ({ userId: null, actor: 'public', ip: null, userAgent: null }), store.sql, Date.now());
    const agreement = await readAgreement(
      store.sql,
      publicAccess,
      id,
      indexRatings(() => index),
    );
    assert.equal(agreement.status, 'signed_off');
    const ratings = agreement.targets.map((t) => [t.reference, t.ratings[0]?.label, t.ratings[0]?.period]);
    assert.deepEqual(ratings, [
      ['PH 1', 'Green', '2021/22'],
      ['PH 2', 'Red', '2021/22'],
      ['PH 3', 'Amber', '2021/22'],
      ['PH 4', 'Green', '2022'],
    ]);
    for (const t of agreement.targets) assert.ok(t.ratings[0]!.rating.rule.length > 20, `${t.reference} carries its rule's words`);
    const obesity = agreement.targets.find((t) => t.reference === 'PH 2')!;
    assert.equal(obesity.latestReview?.likelihood, 'amber_red');
    assert.match(obesity.latestReview?.narrative ?? '', /^Excess weight rose/);
    assert.match(lines.join('\n'), /made the demo agreement \d+, County Durham's council plan with 4 targets/);
  });
});
