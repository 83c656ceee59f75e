import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { percentagePositive, type PercentagePositive, type Question, type SurveyResult } from '../../../src/domain/surveys/index.ts';
import { councilResult, lgaSet } from './fixtures.ts';

const YES_NO: Question = Object.freeze({
  code: 'own-q',
  wording: 'Have you used a library this year?',
  answerOptions: Object.freeze([
    Object.freeze({ code: 'yes', label: 'Yes', positive: true, dontKnow: false }),
    Object.freeze({ code: 'no', label: 'No', positive: false, dontKnow: false }),
    Object.freeze({ code: 'dont_know', label: "Don't know", positive: false, dontKnow: true }),
  ]),
  benchmarkable: false,
  metricCode: null,
});

const COUNCIL = lgaSet().questions.find((question) => question.code === 'satisfied-with-council')!;

function counted(yes: number, no: number, dontKnow = 0): SurveyResult {
  return Object.freeze({ questionCode: 'own-q', counts: Object.freeze({ yes, no, dont_know: dontKnow }), base: yes + no + dontKnow, weighted: null });
}

function ok(figure: PercentagePositive): Extract<PercentagePositive, { kind: 'ok' }> {
  assert.equal(figure.kind, 'ok', JSON.stringify(figure));
  if (figure.kind !== 'ok') throw new Error('not computed');
  return figure;
}

function close(actual: number, expected: number, within: number): void {
  assert.ok(Math.abs(actual - expected) <= within, `${actual} is not within ${within} of ${expected}`);
}

// Newcombe RG, Two-sided confidence intervals for the single proportion: comparison of
// seven methods, Statistics in Medicine 17, 1998, 857-872, Table II, method 3 (the
// Wilson score interval), 95%, given to four decimals of a proportion.
const NEWCOMBE_1998 = Object.freeze([
  [81, 263, 25.53, 36.62],
  [15, 148, 6.24, 16.05],
  [0, 20, 0, 16.11],
  [1, 29, 0.61, 17.18],
] as const);

describe('percentagePositive(question, result, options)', () => {
  for (const [positive, base, lower, upper] of NEWCOMBE_1998) {
    it(`${positive} of ${base} positive is ${((positive / base) * 100).toFixed(2)}%, 95% interval ${lower}% to ${upper}% (Newcombe 1998, Table II)`, () => {
      const figure = ok(percentagePositive(YES_NO, counted(positive, base - positive)));
      close(figure.percent, (positive / base) * 100, 1e-9);
      close(figure.lower, lower, 0.005);
      close(figure.upper, upper, 0.005);
      assert.equal(figure.base, base);
    });
  }

  it('65 of 100 at 99.8% is 49.55% to 77.84%, as PHEindicatormethods gives it', () => {
    const figure = ok(percentagePositive(YES_NO, counted(65, 35), { level: 0.998 }));
    close(figure.lower, 49.5494657, 5e-5);
    close(figure.upper, 77.8354061, 5e-5);
  });

  it('counts "very or fairly satisfied" as positive and keeps "don\'t know" in the base, as the LGA poll does', () => {
    const figure = ok(percentagePositive(COUNCIL, councilResult({ weighted: null })));
    assert.equal(figure.positive, 550);
    assert.equal(figure.base, 1000);
    close(figure.percent, 55, 1e-9);
    assert.equal(figure.dontKnow, 'in_base');
  });

  it('leaves "don\'t know" out of the base when asked', () => {
    const figure = ok(percentagePositive(COUNCIL, councilResult({ weighted: null }), { dontKnow: 'left_out' }));
    assert.equal(figure.base, 950);
    close(figure.percent, (550 / 950) * 100, 1e-9);
  });

  it('works on the effective base where weighted, which widens the interval', () => {
    const weighted = ok(percentagePositive(COUNCIL, councilResult()));
    const unweighted = ok(percentagePositive(COUNCIL, councilResult({ weighted: null })));
    assert.equal(weighted.weighted, true);
    assert.equal(weighted.base, 820);
    close(weighted.percent, 53, 1e-9);
    close(weighted.positive, 0.53 * 820, 1e-9);
    assert.ok(weighted.upper - weighted.lower > unweighted.upper - unweighted.lower);
  });

  it('divides weighted percentages by their sum, so rounding does not move the figure', () => {
    const percentages = { very_satisfied: 11, fairly_satisfied: 42, neither: 21, fairly_dissatisfied: 12, very_dissatisfied: 9, dont_know: 6 };
    close(ok(percentagePositive(COUNCIL, councilResult({ weighted: { percentages, effectiveBase: 820 } }))).percent, (53 / 101) * 100, 1e-9);
  });

  it('leaves "don\'t know" out of a weighted base by its weighted share', () => {
    const figure = ok(percentagePositive(COUNCIL, councilResult(), { dontKnow: 'left_out' }));
    close(figure.base, 820 * 0.95, 1e-9);
    close(figure.percent, (53 / 95) * 100, 1e-9);
  });

  it('is not computed when nobody but "don\'t know" answered and they are left out', () => {
    assert.deepEqual(percentagePositive(YES_NO, counted(0, 0, 120), { dontKnow: 'left_out' }), { kind: 'not_computed', reason: 'no_answers' });
    assert.deepEqual(percentagePositive(YES_NO, counted(0, 0, 0)), { kind: 'not_computed', reason: 'no_answers' });
  });

  it('is not computed for a weighted result without percentages', () => {
    assert.deepEqual(percentagePositive(YES_NO, { ...counted(50, 50), weighted: { percentages: {}, effectiveBase: 80 } }), { kind: 'not_computed', reason: 'no_weighted_percentages' });
  });

  it('returns a frozen figure', () => {
    assert.ok(Object.isFrozen(percentagePositive(YES_NO, counted(65, 35))));
  });
});
