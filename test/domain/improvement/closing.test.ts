// A case closes with its reason; "improved" only on linked evidence.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closingProblems, STRANDS, isStrand } from '../../../src/domain/improvement/index.ts';

describe('closing a case', () => {
  it('refuses "improved" without evidence, naming the field', () => {
    const [problem] = closingProblems({ closure: 'improved', reason: 'Flags cleared', evidence: [] });
    assert.equal(problem?.field, 'evidence');
    assert.deepEqual(closingProblems({ closure: 'improved', reason: 'Flag cleared', evidence: [{ kind: 'flag_cleared', flagId: 4 }] }), []);
  });

  it('closes explained or withdrawn with a reason alone', () => {
    assert.deepEqual(closingProblems({ closure: 'withdrawn', reason: 'The council merged', evidence: [] }), []);
    assert.equal(closingProblems({ closure: 'explained', reason: ' ', evidence: [] })[0]?.field, 'reason');
    assert.equal(closingProblems({ closure: 'solved', evidence: [] })[0]?.field, 'closure');
  });

  it('knows the three strands of the single conversation', () => {
    assert.deepEqual([...STRANDS], ['corporate', 'childrens', 'adults']);
    assert.equal(isStrand('housing'), false);
  });
});
