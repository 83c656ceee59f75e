import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isMetricCode, isMetricStatus, isPolarity, isValueKind, metricCodeFromTitle, METRIC_STATUSES, POLARITIES, VALUE_KINDS } from '../../../src/domain/metric/index.ts';

describe('metricCodeFromTitle(title)', () => {
  const CASES = Object.freeze([
    ['Healthy life expectancy (Male)', 'healthy-life-expectancy-male'],
    ['Café déjà vu', 'cafe-deja-vu'],
    ['Level 3+ qualifications', 'level-3-plus-qualifications'],
    ['A+', 'a-plus'],
    ['GCSE 9–4 English & maths', 'gcse-9-4-english-maths'],
    ["Children's social care: re-referrals (%)", 'children-s-social-care-re-referrals'],
    ['  --Leading and trailing!!  ', 'leading-and-trailing'],
    ['already-a-code', 'already-a-code'],
    ['', ''],
    ['???', ''],
  ] as const);
  for (const [title, code] of CASES) {
    it(`makes '${title}' into '${code}'`, () => assert.equal(metricCodeFromTitle(title), code));
  }

  it('cuts the code at 100 characters, with no hyphen left at the end', () => {
    assert.equal(metricCodeFromTitle('a'.repeat(150)), 'a'.repeat(100));
    assert.equal(metricCodeFromTitle(`${'a'.repeat(99)} bcd`), 'a'.repeat(99));
    assert.equal(metricCodeFromTitle(`${'a'.repeat(98)} bcd`), `${'a'.repeat(98)}-b`);
  });

  it('gives one code to two titles that differ only after the cut', () => {
    const stem = 'x'.repeat(100);
    assert.equal(metricCodeFromTitle(`${stem} (Male)`), metricCodeFromTitle(`${stem} (Female)`));
  });

  it('always gives a metric code or nothing, and gives a code back unchanged', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 200 }), (title) => {
        const code = metricCodeFromTitle(title);
        assert.ok(code === '' || isMetricCode(code), code);
        assert.equal(metricCodeFromTitle(code), code);
      }),
    );
  });
});

describe('isMetricCode(text)', () => {
  const CASES = Object.freeze([
    ['healthy-life-expectancy-male', true],
    ['a', true],
    ['0-to-4', true],
    ['x'.repeat(100), true],
    ['x'.repeat(101), false],
    ['', false],
    ['-leading', false],
    ['Upper', false],
    ['snake_case', false],
    ['with space', false],
    ['café', false],
  ] as const);
  for (const [text, expected] of CASES) {
    it(`is ${expected} for '${text.length > 20 ? `${text.slice(0, 3)}… (${text.length} characters)` : text}'`, () => assert.equal(isMetricCode(text), expected));
  }
});

describe('isPolarity(text), isValueKind(text) and isMetricStatus(text)', () => {
  const GUARDS = Object.freeze([
    ['isPolarity', isPolarity, POLARITIES, ['Higher_is_better', 'higher-is-better', 'count']],
    ['isValueKind', isValueKind, VALUE_KINDS, ['Count', 'percentage', 'neutral']],
    ['isMetricStatus', isMetricStatus, METRIC_STATUSES, ['Published', 'early-sight', 'mean']],
  ] as const);
  for (const [name, guard, words, others] of GUARDS) {
    it(`${name} is true for ${words.join(', ')} and false for ${others.join(', ')} and ''`, () => {
      for (const word of words) assert.equal(guard(word), true, word);
      for (const other of [...others, '']) assert.equal(guard(other), false, other);
    });
  }

  it('the word lists are those of DESIGN.md', () => {
    assert.deepEqual(POLARITIES, ['higher_is_better', 'lower_is_better', 'neutral']);
    assert.deepEqual(VALUE_KINDS, ['count', 'proportion', 'rate', 'mean', 'currency', 'index']);
    assert.deepEqual(METRIC_STATUSES, ['published', 'early_sight', 'local', 'survey']);
  });
});
