// A comparison's colour follows its verdict's scale: a neutral metric's
// "Highest fifth" never wears the green of a polar metric's "Best fifth",
// and the text on every tag reaches 4.5:1 against its fill.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { verdictOf, type VerdictInput } from '../../../src/domain/benchmark/index.ts';
import type { Polarity } from '../../../src/domain/metric/index.ts';
import { TEXT_CONTRAST, contrastRatio } from '../../../src/web/charts/contrast.ts';
import { comparisonColours, comparisonOf } from '../../../src/web/views/comparison.ts';

function fifthOf(rank: number, polarity: Polarity) {
  const input: VerdictInput = {
    value: 10,
    polarity,
    decimals: 1,
    rank,
    ranked: 10,
    group: 'North East councils',
    interval: null,
    level: 0.95,
    benchmark: null,
  };
  return comparisonOf(verdictOf(input));
}

describe('comparisonOf', () => {
  it('gives the best and the highest fifth different keys and colours', () => {
    const best = fifthOf(1, 'higher_is_better');
    const highest = fifthOf(1, 'neutral');
    assert.equal(best.label, 'Best fifth');
    assert.equal(highest.label, 'Highest fifth');
    assert.equal(best.key, 'q1');
    assert.equal(highest.key, 'n1');
    assert.notEqual(best.fill, highest.fill);
  });

  it("shares no colour between a polar metric's fifths and a neutral one's", () => {
    const ranks = [1, 3, 5, 7, 9];
    const polar = new Set(ranks.map((rank) => fifthOf(rank, 'lower_is_better').fill));
    const neutral = ranks.map((rank) => fifthOf(rank, 'neutral').fill);
    assert.equal(polar.size, 5);
    assert.deepEqual(
      neutral.filter((fill) => polar.has(fill)),
      [],
    );
  });

  it('names the group beside the fifth', () => {
    assert.equal(fifthOf(10, 'higher_is_better').words, 'Worst fifth of North East councils');
  });

  it('writes every tag in a colour that reads on its fill', () => {
    for (const { key, fill, text } of comparisonColours()) {
      assert.ok(contrastRatio(text, fill) >= TEXT_CONTRAST, `${key}: ${text} on ${fill}`);
    }
  });
});
