// packMetrics(focusArea, candidates): the metrics a data pack's section
// shows, those of the area's themes in the order of its themes then by
// title, contextual ones left out, at most perArea of them.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DATA_PACK_RULES, packMetrics, type DataPackRules } from '../../../src/domain/peer-challenge/index.ts';

const CANDIDATES = Object.freeze([
  { code: 'cin', title: 'Children in need', themes: ["children's social care"] },
  { code: 'cla', title: 'Children looked after', themes: ['children looked after'] },
  { code: 'cp', title: 'Child protection plans', themes: ["children's social care"] },
  { code: 'pop', title: 'Population', themes: ['context', "children's social care"] },
  { code: 'bins', title: 'Household waste recycled', themes: ['environment'] },
]);

describe('packMetrics(focusArea, candidates)', () => {
  it("keeps the area's themes in their order, then by title, leaving out contextual metrics", () => {
    assert.deepEqual(
      packMetrics('safeguarding_practice', CANDIDATES).map((m) => m.code),
      ['cp', 'cin', 'cla'],
    );
  });

  it('shows at most perArea metrics, and none for an area the rules do not know', () => {
    const two: DataPackRules = { ...DATA_PACK_RULES, perArea: 2 };
    assert.deepEqual(
      packMetrics('safeguarding_practice', CANDIDATES, two).map((m) => m.code),
      ['cp', 'cin'],
    );
    assert.deepEqual(packMetrics('leisure', CANDIDATES), []);
  });
});
