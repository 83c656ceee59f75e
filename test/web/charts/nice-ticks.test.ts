// Nice ticks: round steps, four to six of them, covering the range.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { niceTicks } from '../../../src/web/charts/nice-ticks.ts';
import { isNiceStep } from './chart-checks.ts';

describe('niceTicks', () => {
  const CASES: readonly [number, number, readonly number[]][] = [
    [0, 83.2, [0, 25, 50, 75, 100]],
    [0, 100, [0, 25, 50, 75, 100]],
    [0, 120, [0, 25, 50, 75, 100, 125]],
    [-12, 30, [-20, -10, 0, 10, 20, 30]],
    [55.2, 71.9, [55, 60, 65, 70, 75]],
    [0, 1, [0, 0.25, 0.5, 0.75, 1]],
    [0, 0, [0, 0.25, 0.5, 0.75, 1]],
    [60, 60, [50, 55, 60, 65, 70]],
    [0, 1e9, [0, 250000000, 500000000, 750000000, 1000000000]],
  ];
  for (const [low, high, expected] of CASES) {
    it(`${low} to ${high} gives ${expected.join(', ')}`, () => {
      assert.deepEqual(niceTicks(low, high).values, expected);
    });
  }

  it('writes ticks exactly: 0.1 + 0.2 is 0.3 on an axis', () => {
    const ticks = niceTicks(0, 0.5);
    assert.deepEqual(ticks.values, [0, 0.1, 0.2, 0.3, 0.4, 0.5]);
    assert.equal(ticks.decimals, 1);
  });

  it('gives four to six nice, evenly spaced ticks covering any range, with zero among them when the range spans zero', () => {
    const number = fc.double({ min: -1e9, max: 1e9, noNaN: true }).filter((value) => value === 0 || Math.abs(value) > 1e-10);
    fc.assert(
      fc.property(number, number, (a, b) => {
        const { values, step } = niceTicks(a, b);
        const [low, high] = [Math.min(a, b), Math.max(a, b)];
        const slack = 1e-9 * Math.max(1, Math.abs(low), Math.abs(high));
        assert.ok(values.length >= 4 && values.length <= 6, `${values.length} ticks`);
        assert.ok(isNiceStep(step), `step ${step}`);
        assert.ok((values[0] ?? Infinity) <= low + slack && (values[values.length - 1] ?? -Infinity) >= high - slack, `${values.join(',')} covers ${low} to ${high}`);
        for (let index = 1; index < values.length; index += 1) {
          assert.ok(Math.abs((values[index] ?? 0) - (values[index - 1] ?? 0) - step) <= step * 1e-6);
        }
        if (low <= 0 && high >= 0) assert.ok(values.includes(0), `0 is a tick of ${values.join(',')}`);
      }),
      { numRuns: 5000 },
    );
  });

  it('refuses a range that is not finite', () => {
    assert.throws(() => niceTicks(0, Number.NaN), RangeError);
    assert.throws(() => niceTicks(-Infinity, 1), RangeError);
  });
});
