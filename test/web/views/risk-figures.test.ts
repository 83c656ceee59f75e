// The figures a rule read, as the council's risk view shows them: whole
// numbers as they are, fractions to four significant figures, words without
// their underscores, a missing figure as "none".
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { figuresInWords } from '../../../src/web/views/risk-view.ts';

describe('the figures a rule read, in words', () => {
  it('rounds what an XmR chart read to four significant figures', () => {
    const read = { mean: 64.23333333333333, lower: 32.221609195402294, upper: 96.24505747126437, value: 102, points: 30, signal: 'outside_limits' };
    assert.equal(figuresInWords(read), 'mean 64.23; lower 32.22; upper 96.25; value 102; points 30; signal outside limits');
  });

  it('keeps small rates readable and says when a figure is missing', () => {
    assert.equal(figuresInWords({ value: 0.4637, benchmark: 0.17501740229885, place: null }), 'value 0.4637; benchmark 0.175; place none');
  });

  it('groups thousands as every other figure in Lantern does', () => {
    assert.equal(figuresInWords({ reserves: 12345678, yearlyUse: 4567890.5 }), 'reserves 12,345,678; yearlyUse 4,568,000');
  });
});
