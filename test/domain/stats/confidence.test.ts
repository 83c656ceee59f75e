import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CONFIDENCE_LEVELS, isConfidenceLevel, zFor } from '../../../src/domain/stats/index.ts';
import type { ConfidenceLevel } from '../../../src/domain/stats/index.ts';

const Z: readonly (readonly [level: ConfidenceLevel, z: number])[] = Object.freeze([Object.freeze([0.95, 1.959963985] as const), Object.freeze([0.998, 3.090232306] as const)]);

describe('zFor(level)', () => {
  for (const [level, z] of Z) {
    it(`is ${z} at ${level * 100}%, the two-sided normal quantile qnorm(level + (1 - level) / 2)`, () => {
      assert.ok(Math.abs(zFor(level) - z) < 5e-10, `${zFor(level)}`);
    });
  }

  it('throws a RangeError for a level that got past the type, such as 0.9 or 95', () => {
    for (const level of [0.9, 95, Number.NaN]) {
      assert.throws(() => zFor(level as ConfidenceLevel), RangeError);
    }
  });
});

describe('CONFIDENCE_LEVELS and isConfidenceLevel(value)', () => {
  it('lists the two levels the public health profiles publish, 95% and 99.8%, frozen', () => {
    assert.deepEqual(CONFIDENCE_LEVELS, [0.95, 0.998]);
    assert.ok(Object.isFrozen(CONFIDENCE_LEVELS));
  });

  it('accepts 0.95 and 0.998 and nothing else', () => {
    assert.ok(isConfidenceLevel(0.95) && isConfidenceLevel(0.998));
    for (const value of [0.9, 0.99, 1, 95, 99.8, Number.NaN]) assert.equal(isConfidenceLevel(value), false);
  });
});
