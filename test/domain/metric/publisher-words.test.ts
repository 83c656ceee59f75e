// polarityFromWords, valueKindFromWords, multiplierFromWords: the words
// publishers' metadata files use, as they appear in ../shared/data (LAIT's
// High/Low, Oflog's 'Higher is better' and 'desc', H-CLIC's suggestions, ELS's units).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { multiplierFromWords, polarityFromWords, valueKindFromWords } from '../../../src/domain/metric/index.ts';

describe('polarityFromWords(text)', () => {
  const cases: readonly [string, string | undefined][] = Object.freeze([
    ['High', 'higher_is_better'],
    ['Low', 'lower_is_better'],
    ['Higher is better', 'higher_is_better'],
    ['Lower is better', 'lower_is_better'],
    ['desc', 'higher_is_better'],
    ['DESC', 'higher_is_better'],
    ['lower is better (demand)', 'lower_is_better'],
    ['context; definition widens from 2023-07', 'neutral'],
    ['-', 'neutral'],
    ['', 'neutral'],
    ['higher_is_better', 'higher_is_better'],
    ['sideways', undefined],
    ['higher is better, lower is better', undefined],
  ]);
  for (const [words, polarity] of cases) {
    it(`reads '${words}' as ${polarity ?? 'nothing it can read'}`, () => assert.equal(polarityFromWords(words), polarity));
  }
});

describe('valueKindFromWords(text) and multiplierFromWords(text, kind)', () => {
  const cases: readonly [string, string, number | null][] = Object.freeze([
    ['%', 'proportion', 100],
    ['Percentage', 'proportion', 100],
    ['Rate per 100,000 population', 'rate', 100000],
    ['Count per 10,000 people', 'rate', 10000],
    ['Number of enterprises', 'count', null],
    ['£', 'currency', null],
    ['Unit Cost', 'currency', null],
    ['Score out of 10', 'mean', null],
    ['mins', 'mean', null],
  ]);
  for (const [words, kind, multiplier] of cases) {
    it(`reads '${words}' as a ${kind}${multiplier ? ` per ${multiplier}` : ''}`, () => {
      assert.equal(valueKindFromWords(words), kind);
      assert.equal(multiplierFromWords(words, valueKindFromWords(words)), multiplier);
    });
  }
});
