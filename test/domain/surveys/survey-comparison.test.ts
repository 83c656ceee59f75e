import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { comparability, compareWithCouncils, compareWithPoll, percentagePositive, type CouncilFigure, type PercentagePositive, type SurveyResult } from '../../../src/domain/surveys/index.ts';
import { goodSurvey, lgaSet } from './fixtures.ts';

const SET = lgaSet();
const QUESTION = SET.questions.find((question) => question.code === 'satisfied-with-council')!;

/** positive of base "very satisfied", the rest "very dissatisfied", unweighted. */
function satisfied(positive: number, base: number): SurveyResult {
  return Object.freeze({
    questionCode: QUESTION.code,
    counts: { very_satisfied: positive, fairly_satisfied: 0, neither: 0, fairly_dissatisfied: 0, very_dissatisfied: base - positive, dont_know: 0 },
    base,
    weighted: null,
  });
}

function figure(positive: number, base: number): PercentagePositive {
  return percentagePositive(QUESTION, satisfied(positive, base));
}

const UNWEIGHTED = goodSurvey(SET, { weighting: { kind: 'none' } });
const COMPARABLE = comparability(goodSurvey(SET), SET);
const WITH_CAVEATS = comparability(UNWEIGHTED, SET);
const NOT_COMPARABLE = comparability(goodSurvey(SET, { sampling: 'opt_in_panel' }), SET);
// 550 of 1,000: 55.0%, 95% interval 51.9% to 58.1%.
const OWN = figure(550, 1000);

describe('compareWithPoll(question, own, verdict, pollRounds)', () => {
  it("pools the poll's rounds from counts and finds 55% (51.9% to 58.1%) worse than the poll's 60%", () => {
    const comparison = compareWithPoll(QUESTION, OWN, COMPARABLE, [satisfied(600, 1000), satisfied(580, 1000), satisfied(620, 1000)]);
    assert.deepEqual(comparison, { reference: 'the national poll', benchmark: 60, significance: 'worse', sentence: 'Worse than the national poll.' });
  });

  it('judges against the pooled poll, not the average of its rounds: 50 of 100 and 570 of 1,000 are 56.4%, not 53.5%', () => {
    const own = figure(1080, 2000); // 54.0%, 51.8% to 56.2%: worse than 56.4%, though it would be similar to 53.5%
    assert.ok(own.kind === 'ok' && own.lower < 53.5 && own.upper > 53.5 && own.upper < 56.4);
    const comparison = compareWithPoll(QUESTION, own, COMPARABLE, [satisfied(50, 100), satisfied(570, 1000)]);
    assert.ok(Math.abs(comparison.benchmark! - (620 / 1100) * 100) < 1e-9);
    assert.equal(comparison.significance, 'worse');
  });

  it('finds a result whose interval holds the poll similar, with caveats or without', () => {
    assert.equal(compareWithPoll(QUESTION, OWN, WITH_CAVEATS, [satisfied(560, 1000)]).sentence, 'Similar to the national poll.');
  });

  it('does not compare a result that is not comparable, saying why', () => {
    const comparison = compareWithPoll(QUESTION, OWN, NOT_COMPARABLE, [satisfied(600, 1000)]);
    assert.equal(comparison.significance, 'not_compared');
    assert.equal(comparison.sentence, 'Not compared with the national poll: Not comparable: random sampling fails.');
  });

  it('does not compare when the poll has no results for the question', () => {
    const comparison = compareWithPoll(QUESTION, OWN, COMPARABLE, [{ ...satisfied(600, 1000), questionCode: 'trust-council' }]);
    assert.equal(comparison.sentence, "Not compared with the national poll: The national poll has no results for question 'satisfied-with-council'.");
  });
});

describe('compareWithCouncils(own, ownVerdict, ownMethod, others, groupName)', () => {
  const others: readonly CouncilFigure[] = Object.freeze([
    { council: 'E07000224', method: 'telephone', verdict: COMPARABLE, figure: figure(500, 1000) },
    { council: 'E07000225', method: 'telephone', verdict: WITH_CAVEATS, figure: figure(520, 1000) },
    { council: 'E07000226', method: 'telephone', verdict: NOT_COMPARABLE, figure: figure(900, 1000) },
    { council: 'E07000227', method: 'postal', verdict: COMPARABLE, figure: figure(100, 1000) },
  ]);

  it("sets the result against the mean of comparable councils' percentages, leaving out the rest with reasons", () => {
    const comparison = compareWithCouncils(OWN, COMPARABLE, 'telephone', others, 'the South East');
    assert.equal(comparison.benchmark, 51);
    assert.equal(comparison.significance, 'better');
    assert.equal(comparison.sentence, 'Better than comparable councils in the South East.');
    assert.deepEqual(comparison.councils, ['E07000224', 'E07000225']);
    assert.deepEqual(comparison.leftOut, [
      { council: 'E07000226', reason: 'Not comparable: random sampling fails.' },
      { council: 'E07000227', reason: 'Its survey was done by post, not by telephone.' },
    ]);
  });

  it('does not compare when no council is comparable', () => {
    const comparison = compareWithCouncils(OWN, COMPARABLE, 'telephone', others.slice(2), 'the South East');
    assert.equal(comparison.significance, 'not_compared');
    assert.equal(comparison.benchmark, null);
    assert.equal(comparison.sentence, 'Not compared with comparable councils in the South East: none of its councils has a result that can fairly be compared.');
    assert.equal(compareWithCouncils(OWN, COMPARABLE, 'telephone', [], 'the South East').sentence, comparison.sentence, 'nor when the group has none');
  });

  it("does not compare a council's own result that is not comparable", () => {
    const comparison = compareWithCouncils(OWN, NOT_COMPARABLE, 'telephone', others, 'the South East');
    assert.equal(comparison.sentence, 'Not compared with comparable councils in the South East: Not comparable: random sampling fails.');
  });
});

describe('compareWithCouncils, a figure with no survey record behind it', () => {
  it('leaves it out saying its fairness is not known, and compares with the rest', () => {
    const others: readonly CouncilFigure[] = [
      { council: 'E07000224', method: 'telephone', verdict: COMPARABLE, figure: figure(500, 1000) },
      { council: 'E07000228', method: null, verdict: null, figure: figure(900, 1000) },
    ];
    const comparison = compareWithCouncils(OWN, COMPARABLE, 'telephone', others, 'the South East');
    assert.equal(comparison.benchmark, 50);
    assert.deepEqual(comparison.councils, ['E07000224']);
    assert.deepEqual(comparison.leftOut, [{ council: 'E07000228', reason: 'No survey record stands behind its figure, so whether it can fairly be compared is not known.' }]);
  });
});
