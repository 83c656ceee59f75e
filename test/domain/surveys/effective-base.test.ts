import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { effectiveBase } from '../../../src/domain/surveys/index.ts';

function valueOf(weights: readonly number[]): number {
  const base = effectiveBase(weights);
  assert.equal(base.kind, 'ok');
  return base.kind === 'ok' ? base.value : Number.NaN;
}

describe('effectiveBase(weights)', () => {
  it('is 90 for 100 respondents, half weighted 1 and half 2: (150)² ÷ 250, a design effect of 1.11', () => {
    const weights = Object.freeze([...Array<number>(50).fill(1), ...Array<number>(50).fill(2)]);
    assert.equal(valueOf(weights), 90);
  });

  it('is 100 ÷ 26 = 3.846 for the weights 1, 1, 2, 2 and 4 (worked by hand: Σw = 10, Σw² = 26)', () => {
    assert.ok(Math.abs(valueOf(Object.freeze([1, 1, 2, 2, 4])) - 3.846153846) < 1e-9);
  });

  it('is the sample size when every weight is equal', () => {
    assert.ok(Math.abs(valueOf(Object.freeze(Array<number>(1000).fill(0.7))) - 1000) < 1e-9);
  });

  it('is not computed without weights, or with every weight 0', () => {
    assert.deepEqual(effectiveBase([]), { kind: 'not_computed', reason: 'no_weights' });
    assert.deepEqual(effectiveBase([0, 0]), { kind: 'not_computed', reason: 'all_weights_zero' });
  });

  it('throws for a negative or non-finite weight, a programmer error', () => {
    assert.throws(() => effectiveBase([1, -1]), RangeError);
    assert.throws(() => effectiveBase([1, Number.NaN]), RangeError);
  });

  it('lies between 1 and the number of respondents, and does not change when every weight is scaled', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0.01, max: 50, noNaN: true }), { minLength: 1, maxLength: 200 }), fc.double({ min: 0.1, max: 10, noNaN: true }), (weights, scale) => {
        const value = valueOf(weights);
        assert.ok(value >= 1 - 1e-9 && value <= weights.length + 1e-9, `${value} of ${weights.length}`);
        assert.ok(Math.abs(valueOf(weights.map((weight) => weight * scale)) - value) < 1e-9 * weights.length);
      }),
    );
  });
});
