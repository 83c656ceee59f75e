// Theme: the one rule for the heading a metric is filed under, and the order
// of headings.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { compareThemes, isContextual, themeOf, themeTitle } from '../../../src/domain/metric/index.ts';

describe('themeOf(metric)', () => {
  it("is the metric's first theme", () => {
    assert.equal(themeOf(Object.freeze({ themes: Object.freeze(['life expectancy', 'context']) })), 'life expectancy');
  });

  it("is 'other' for a metric with no theme", () => {
    assert.equal(themeOf(Object.freeze({ themes: Object.freeze([]) })), 'other');
  });
});

describe('isContextual(metric)', () => {
  it("is true where any of the metric's themes is 'context'", () => {
    assert.equal(isContextual({ themes: ['context'] }), true);
    assert.equal(isContextual({ themes: ['population', 'context'] }), true);
    assert.equal(isContextual({ themes: ['physical activity'] }), false);
    assert.equal(isContextual({ themes: [] }), false);
  });
});

describe('themeTitle(theme)', () => {
  it('gives a heading with a capital, and words for context and other', () => {
    assert.equal(themeTitle('physical activity'), 'Physical activity');
    assert.equal(themeTitle('context'), 'Context');
    assert.equal(themeTitle('other'), 'Other metrics');
  });
});

describe('compareThemes(a, b)', () => {
  it("puts the named themes A to Z, then 'other', then 'context'", () => {
    const themes = Object.freeze(['context', 'physical activity', 'other', 'health and wellbeing', 'life expectancy']);
    assert.deepEqual([...themes].sort(compareThemes), ['health and wellbeing', 'life expectancy', 'physical activity', 'other', 'context']);
  });
});
