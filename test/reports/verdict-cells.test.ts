// A verdict as CSV cells: words, sentence and rule, the same columns in the
// API's CSV and a report's; a report version frozen before verdicts carried
// their rule keeps its words and leaves the rest empty.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { verdictOf } from '../../src/domain/benchmark/index.ts';
import { VERDICT_COLUMNS, verdictCells } from '../../src/reports/verdict-cells.ts';

describe('verdictCells(verdict)', () => {
  it("gives a verdict's words, sentence and rule", () => {
    const verdict = verdictOf(
      Object.freeze({
        value: 12,
        polarity: 'higher_is_better',
        decimals: 0,
        rank: 1,
        ranked: 10,
        group: 'the region',
        interval: null,
        level: 0.95,
        benchmark: null,
      }),
    );
    assert.deepEqual(verdictCells(verdict), {
      verdict: 'Best fifth of the region',
      verdict_sentence: 'It has no confidence interval to test against a benchmark. It is 1st of 10 in the region, best first: the best fifth.',
      verdict_rule: 'fifth_of_group v1',
    });
  });

  it('leaves the rule empty where there is no value, and so no rule', () => {
    const verdict = verdictOf(
      Object.freeze({
        value: null,
        polarity: 'neutral',
        decimals: 0,
        rank: null,
        ranked: 10,
        group: 'the region',
        interval: null,
        level: 0.95,
        benchmark: null,
      }),
    );
    assert.deepEqual(verdictCells(verdict), { verdict: 'No value for this period', verdict_sentence: 'There is no value for this period.', verdict_rule: null });
  });

  it('keeps the words of a comparison frozen before verdicts carried their rule', () => {
    const frozen = Object.freeze({ key: 'q1', label: 'Best fifth', words: 'Best fifth of the region', fill: '#0f385c', text: '#fff', marker: 'circle' });
    assert.deepEqual(verdictCells(frozen), { verdict: 'Best fifth of the region', verdict_sentence: null, verdict_rule: null });
  });

  it('names one column for each cell', () => {
    assert.deepEqual([...VERDICT_COLUMNS], ['verdict', 'verdict_sentence', 'verdict_rule']);
  });
});
