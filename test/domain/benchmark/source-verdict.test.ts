import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { sourceVerdictKey, sourceVerdictWord, sourceVerdictWords } from '../../../src/domain/benchmark/source-verdict.ts';

describe('sourceVerdictWord(cell)', () => {
  it("reads a source's judgement whatever its case or spacing", () => {
    assert.deepEqual(['Better', ' similar ', 'WORSE', 'Higher', 'lower'].map(sourceVerdictWord), ['better', 'similar', 'worse', 'higher', 'lower']);
  });

  it("keeps nothing for 'Not compared', 'NA', a blank or words it does not know", () => {
    assert.deepEqual(['Not compared', 'NA', '', 'Best', 'betterish'].map(sourceVerdictWord), [undefined, undefined, undefined, undefined, undefined]);
  });
});

describe('sourceVerdictWords(source)', () => {
  it('says whose verdict it is and what it is against', () => {
    assert.equal(sourceVerdictWords({ verdict: 'worse', benchmark: 'England' }), 'Source: worse than England');
    assert.equal(sourceVerdictWords({ verdict: 'similar', benchmark: 'England' }), 'Source: similar to England');
    assert.equal(sourceVerdictWords({ verdict: 'higher', benchmark: 'England' }), 'Source: higher than England');
  });

  it('keys a figure by metric and period', () => {
    assert.notEqual(sourceVerdictKey('a', '2021/22'), sourceVerdictKey('a', '2022/23'));
  });
});
