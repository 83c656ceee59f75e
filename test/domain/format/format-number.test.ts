// Format number: en-GB figures with the metric's decimals, never -0, as every
// page, chart, report and verdict sentence writes them; a value with its unit;
// ordinal ranks.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { formatNumber, formatValue, ordinal } from '../../../src/domain/format/index.ts';

describe('formatNumber(value, decimals)', () => {
  it('writes en-GB numbers with the given decimals', () => {
    assert.equal(formatNumber(12345.678, 1), '12,345.7');
    assert.equal(formatNumber(0.5, 2), '0.50');
    assert.equal(formatNumber(1234567, 0), '1,234,567');
    assert.equal(formatNumber(-1234.5, 1), '-1,234.5');
  });

  it('never writes -0: a value that rounds to zero is 0 to the decimals asked', () => {
    assert.equal(formatNumber(-0.04, 1), '0.0');
    assert.equal(formatNumber(-0, 0), '0');
    assert.equal(formatNumber(-0.4, 0), '0');
    assert.equal(formatNumber(-0.004, 2), '0.00');
    assert.equal(formatNumber(-0.05, 1), '-0.1');
  });

  it('treats odd decimals as whole places from 0 to 20', () => {
    assert.equal(formatNumber(1.25, 1.9), '1.3');
    assert.equal(formatNumber(1.5, -2), '2');
    assert.equal(formatNumber(1.5, Number.NaN), '2');
  });

  it('never writes a minus sign before a figure of nothing but zeros', () => {
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), fc.integer({ min: 0, max: 6 }), (value, decimals) => {
        assert.doesNotMatch(formatNumber(value, decimals), /^-[0.,]+$/);
      }),
      { numRuns: 500 },
    );
  });
});

describe('formatValue(value, decimals, unit)', () => {
  it("writes '–' for no value, or one that is not finite", () => {
    assert.equal(formatValue(null, 1), '–');
    assert.equal(formatValue(Number.NaN, 1), '–');
    assert.equal(formatValue(Number.POSITIVE_INFINITY, 1, '%'), '–');
  });

  it("joins '%' to the number and puts other short units after a space", () => {
    assert.equal(formatValue(61.23, 1, '%'), '61.2%');
    assert.equal(formatValue(81.04, 1, 'years'), '81.0 years');
    assert.equal(formatValue(12, 0, ''), '12');
  });

  it('leaves out a unit too long to repeat beside every figure', () => {
    assert.equal(formatValue(412.5, 1, 'per 100,000 population'), '412.5');
  });

  it('writes a negative zero as the table and the chart both do: 0', () => {
    assert.equal(formatValue(-0.04, 1), formatNumber(-0.04, 1));
    assert.equal(formatValue(-0.04, 1, '%'), '0.0%');
  });
});

describe('ordinal(n)', () => {
  it('gives 1st, 2nd, 3rd, 4th and the teens their th', () => {
    assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 23, 101, 111, 112].map(ordinal), ['1st', '2nd', '3rd', '4th', '11th', '12th', '13th', '21st', '22nd', '23rd', '101st', '111th', '112th']);
  });

  it('groups the digits of a long rank', () => {
    assert.equal(ordinal(1001), '1,001st');
  });
});
