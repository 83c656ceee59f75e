// Verdict: significance where a figure has an interval and there is a
// benchmark, else the fifth of the group on a polar or neutral scale, else
// not compared; each with its rule, figures and sentence. Case tables per
// polarity, the order of the rule, and properties that tie it to
// compareToBenchmark and quantileOf.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { VERDICT_RULES, compareToBenchmark, describeSignificance, fifthLabel, quantileOf, verdictOf, verdictOfRow, type VerdictInput } from '../../../src/domain/benchmark/index.ts';
import type { Polarity } from '../../../src/domain/metric/index.ts';

const GROUP = 'North East councils';

/** A figure of 12 in a group of 12, with neither an interval nor a benchmark unless a case gives them. */
function input(changes: Partial<VerdictInput>): VerdictInput {
  return Object.freeze({
    value: 12,
    polarity: 'higher_is_better',
    decimals: 1,
    rank: 1,
    ranked: 12,
    group: GROUP,
    interval: null,
    level: 0.95,
    benchmark: null,
    ...changes,
  });
}

const ENGLAND = Object.freeze({ value: 10, source: 'England' });
const ABOVE = Object.freeze({ lower: 11, upper: 13 });
const AROUND = Object.freeze({ lower: 9, upper: 13 });

describe('verdictOf(input): significance, where the figure has an interval and there is a benchmark', () => {
  const cases: readonly [Polarity, number, { lower: number; upper: number }, string, string][] = [
    ['higher_is_better', 12, ABOVE, 'Better', 'Better than England'],
    ['lower_is_better', 12, ABOVE, 'Worse', 'Worse than England'],
    ['neutral', 12, ABOVE, 'Higher', 'Higher than England'],
    ['higher_is_better', 8, { lower: 7, upper: 9 }, 'Worse', 'Worse than England'],
    ['lower_is_better', 8, { lower: 7, upper: 9 }, 'Better', 'Better than England'],
    ['neutral', 8, { lower: 7, upper: 9 }, 'Lower', 'Lower than England'],
    ['higher_is_better', 12, AROUND, 'Similar', 'Similar to England'],
    ['neutral', 12, { lower: 10, upper: 14 }, 'Similar', 'Similar to England'],
  ];
  for (const [polarity, value, interval, label, words] of cases) {
    it(`a ${polarity} figure of ${value} (${interval.lower} to ${interval.upper}) against England's 10 is '${words}'`, () => {
      const verdict = verdictOf(input({ polarity, value, interval, benchmark: ENGLAND }));
      assert.equal(verdict.kind, 'significance');
      assert.equal(verdict.label, label);
      assert.equal(verdict.words, words);
      assert.deepEqual(verdict.rule, { id: 'compare_to_benchmark', version: VERDICT_RULES.compare_to_benchmark.version });
    });
  }

  it('tests significance before placing the figure in a fifth, even at the top of its group', () => {
    const verdict = verdictOf(input({ rank: 1, interval: AROUND, benchmark: ENGLAND }));
    assert.equal(verdict.words, 'Similar to England');
  });

  it('carries its figures and says why in a sentence with them', () => {
    const verdict = verdictOf(input({ value: 12.04, interval: { lower: 11.25, upper: 13 }, benchmark: ENGLAND, level: 0.998 }));
    assert.deepEqual(verdict.figures, { value: 12.04, lower: 11.25, upper: 13, level: 0.998, benchmark: 10, benchmarkSource: 'England' });
    assert.equal(verdict.sentence, 'Its 99.8% confidence interval, 11.3 to 13.0, lies wholly above the benchmark (England: 10.0), so 12.0 is significantly better.');
    const similar = verdictOf(input({ interval: AROUND, benchmark: ENGLAND }));
    assert.equal(similar.sentence, 'Its 95% confidence interval, 9.0 to 13.0, reaches the benchmark (England: 10.0), so 12.0 is not significantly different.');
  });
});

describe('verdictOf(input): the fifth of the group, where there is no significance to test', () => {
  const polar = ['Best fifth', 'Second fifth', 'Middle fifth', 'Fourth fifth', 'Worst fifth'];
  const neutral = ['Highest fifth', 'Second highest fifth', 'Middle fifth', 'Second lowest fifth', 'Lowest fifth'];
  const tables: readonly [Polarity, readonly string[]][] = [
    ['higher_is_better', polar],
    ['lower_is_better', polar],
    ['neutral', neutral],
  ];
  for (const [polarity, labels] of tables) {
    it(`ranks 1, 3, 5, 8 and 10 of 10 for a ${polarity} metric are the ${labels.join(', ')}`, () => {
      const got = [1, 3, 5, 8, 10].map((rank) => verdictOf(input({ polarity, rank, ranked: 10 })));
      assert.deepEqual(
        got.map((v) => v.label),
        labels,
      );
      assert.deepEqual(
        got.map((v) => v.words),
        labels.map((label) => `${label} of ${GROUP}`),
      );
      assert.ok(got.every((v) => v.kind === 'fifth' && v.scale === (polarity === 'neutral' ? 'neutral' : 'polar')));
    });
  }

  it('places a figure with an interval but no benchmark in its fifth, and says there was nothing to test against', () => {
    const verdict = verdictOf(input({ interval: ABOVE, rank: 2, ranked: 10 }));
    assert.equal(verdict.label, 'Best fifth');
    assert.equal(verdict.sentence, `There is no benchmark to test it against. It is 2nd of 10 in ${GROUP}, best first: the best fifth.`);
  });

  it('says a figure without an interval was not tested, and where it ranks', () => {
    const verdict = verdictOf(input({ polarity: 'neutral', rank: 12, ranked: 12, benchmark: ENGLAND }));
    assert.deepEqual(verdict.figures, { value: 12, rank: 12, ranked: 12 });
    assert.deepEqual(verdict.rule, { id: 'fifth_of_group', version: VERDICT_RULES.fifth_of_group.version });
    assert.equal(verdict.sentence, `It has no confidence interval to test against a benchmark. It is 12th of 12 in ${GROUP}, highest first: the lowest fifth.`);
  });
});

describe('verdictOf(input): not compared, and no value', () => {
  it('does not compare a figure in a group of fewer than five values', () => {
    const verdict = verdictOf(input({ rank: 1, ranked: 4 }));
    assert.equal(verdict.kind, 'not_compared');
    assert.equal(verdict.kind === 'not_compared' && verdict.reason, 'too_few_values');
    assert.equal(verdict.words, `Not compared: too few values in ${GROUP}`);
  });

  it('does not compare a figure that is not ranked in the group', () => {
    const verdict = verdictOf(input({ rank: null }));
    assert.equal(verdict.kind === 'not_compared' && verdict.reason, 'not_ranked');
    assert.equal(verdict.words, `Not compared: not ranked in ${GROUP}`);
  });

  it('says there is no value, with no rule, whatever else it is given', () => {
    const verdict = verdictOf(input({ value: null, interval: ABOVE, benchmark: ENGLAND }));
    assert.deepEqual([verdict.kind, verdict.label, verdict.words, verdict.rule], ['no_value', 'No value', 'No value for this period', null]);
  });
});

describe('verdictOfRow(metric, row, group, level)', () => {
  it("gives the verdict of the row's figures against the group", () => {
    const row = Object.freeze({ value: 12, interval: ABOVE, rank: 3, quartile: 1, significance: 'better' });
    assert.deepEqual(
      verdictOfRow({ polarity: 'lower_is_better', decimals: 0 }, row, { label: GROUP, ranked: 12, benchmark: ENGLAND }, 0.95),
      verdictOf(input({ polarity: 'lower_is_better', decimals: 0, interval: ABOVE, rank: 3, benchmark: ENGLAND })),
    );
  });
});

describe('fifthLabel(fifth, scale)', () => {
  it('names the ends of each scale', () => {
    assert.deepEqual([fifthLabel(1, 'polar'), fifthLabel(5, 'polar'), fifthLabel(1, 'neutral'), fifthLabel(5, 'neutral')], ['Best fifth', 'Worst fifth', 'Highest fifth', 'Lowest fifth']);
  });
});

describe('verdictOf: properties', () => {
  const polarity = fc.constantFrom<Polarity>('higher_is_better', 'lower_is_better', 'neutral');
  const figure = fc.record({
    value: fc.double({ min: -1e6, max: 1e6, noNaN: true }),
    below: fc.double({ min: 0, max: 1e3, noNaN: true }),
    above: fc.double({ min: 0, max: 1e3, noNaN: true }),
    benchmark: fc.option(fc.double({ min: -1e6, max: 1e6, noNaN: true })),
    withInterval: fc.boolean(),
    ranked: fc.integer({ min: 1, max: 400 }),
    at: fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
  });

  it('agrees with compareToBenchmark where there is significance, and with quantileOf (n = 5) otherwise', () => {
    fc.assert(
      fc.property(polarity, figure, (p, f) => {
        const interval = f.withInterval ? { lower: f.value - f.below, upper: f.value + f.above } : null;
        const rank = 1 + Math.floor(f.at * f.ranked);
        const benchmark = f.benchmark === null ? null : { value: f.benchmark, source: 'England' };
        const verdict = verdictOf(input({ polarity: p, value: f.value, interval, rank, ranked: f.ranked, benchmark }));
        const significance = compareToBenchmark({ value: f.value, lower: interval?.lower ?? null, upper: interval?.upper ?? null, benchmark: f.benchmark, polarity: p });
        if (significance !== 'not_compared') {
          assert.equal(verdict.kind === 'significance' && verdict.significance, significance);
          assert.equal(verdict.words, describeSignificance(significance, 'England'));
          return;
        }
        const fifth = quantileOf(rank, f.ranked, 5);
        if (fifth.kind === 'ok') assert.equal(verdict.kind === 'fifth' && verdict.fifth, fifth.quantile);
        else assert.equal(verdict.kind, 'not_compared');
      }),
      { numRuns: 500 },
    );
  });

  it('never calls a neutral metric best or worst, better or worse', () => {
    fc.assert(
      fc.property(figure, (f) => {
        const interval = f.withInterval ? { lower: f.value - f.below, upper: f.value + f.above } : null;
        const benchmark = f.benchmark === null ? null : { value: f.benchmark, source: 'England' };
        const verdict = verdictOf(input({ polarity: 'neutral', value: f.value, interval, rank: 1 + Math.floor(f.at * f.ranked), ranked: f.ranked, benchmark }));
        assert.doesNotMatch(`${verdict.label} ${verdict.words} ${verdict.sentence}`, /best|worst|better|worse/i);
      }),
      { numRuns: 300 },
    );
  });
});
