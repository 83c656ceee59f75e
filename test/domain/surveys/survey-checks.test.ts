import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkResults, checkSurvey, RESULTS_RULES } from '../../../src/domain/surveys/index.ts';
import { councilResult, goodSurvey, lgaSet } from './fixtures.ts';

const SET = lgaSet();
const TODAY = '2025-12-05';

describe('checkSurvey(record, sets, today)', () => {
  it('finds nothing wrong with a survey that follows the guidance', () => {
    assert.deepEqual(checkSurvey(goodSurvey(SET), [SET], TODAY), []);
  });

  it('refuses fieldwork ending in the future', () => {
    assert.deepEqual(checkSurvey(goodSurvey(SET, { fieldworkEnd: '2025-12-06' }), [SET], TODAY), [
      { field: 'fieldworkEnd', message: 'Fieldwork ends on 6 December 2025, in the future: enter the results once fieldwork has ended' },
    ]);
  });

  it('accepts fieldwork ending today', () => {
    assert.deepEqual(checkSurvey(goodSurvey(SET, { fieldworkEnd: TODAY }), [SET], TODAY), []);
  });

  it('refuses fieldwork ending before it starts', () => {
    assert.deepEqual(checkSurvey(goodSurvey(SET, { fieldworkStart: '2025-07-12' }), [SET], TODAY), [
      { field: 'fieldworkEnd', message: 'Fieldwork ends on 11 July 2025, before it starts on 12 July 2025' },
    ]);
  });

  it('refuses dates that are not calendar days', () => {
    assert.deepEqual(checkSurvey(goodSurvey(SET, { fieldworkStart: '2025-02-30', fieldworkEnd: '11/07/2025' }), [SET], TODAY), [
      { field: 'fieldworkStart', message: "The fieldwork's first day '2025-02-30' is not a date: write it as 2025-03-14" },
      { field: 'fieldworkEnd', message: "The fieldwork's last day '11/07/2025' is not a date: write it as 2025-03-14" },
    ]);
  });

  it('refuses an achieved sample under the minimum, naming the minimum', () => {
    assert.equal(RESULTS_RULES.minimumBase, 100);
    assert.deepEqual(checkSurvey(goodSurvey(SET, { achievedSample: 99, weighting: { kind: 'none' } }), [SET], TODAY), [
      { field: 'achievedSample', message: 'The achieved sample of 99 is under the minimum of 100 completed questionnaires' },
    ]);
  });

  it('refuses a fractional or negative achieved sample', () => {
    assert.deepEqual(checkSurvey(goodSurvey(SET, { achievedSample: 1000.5 }), [SET], TODAY), [
      { field: 'achievedSample', message: 'The achieved sample must be a whole number of people, 0 or more, not 1000.5' },
    ]);
    assert.deepEqual(checkSurvey(goodSurvey(SET, { achievedSample: -1, weighting: { kind: 'none' } }), [SET], TODAY), [
      { field: 'achievedSample', message: 'The achieved sample must be a whole number of people, 0 or more, not -1' },
      { field: 'achievedSample', message: 'The achieved sample of -1 is under the minimum of 100 completed questionnaires' },
    ]);
  });

  it('refuses a council code, method or sampling it does not know', () => {
    const record = { ...goodSurvey(SET), council: 'Adur', method: 'carrier_pigeon', sampling: 'friends' } as unknown as Parameters<typeof checkSurvey>[0];
    assert.deepEqual(checkSurvey(record, [SET], TODAY), [
      { field: 'council', message: "The council's area code 'Adur' is not an ONS code such as E07000223" },
      { field: 'method', message: "Choose the survey's method: postal, online, telephone, face to face or mixed" },
      { field: 'sampling', message: 'Choose how the sample was drawn: random probability, quota or opt-in panel' },
    ]);
  });

  it('refuses weighting without variables, or with an effective base above the sample', () => {
    assert.deepEqual(checkSurvey(goodSurvey(SET, { weighting: { kind: 'weighted', variables: [' '], effectiveBase: 1200 } }), [SET], TODAY), [
      { field: 'weighting.variables', message: 'Name the variables the survey was weighted by, such as age and sex' },
      { field: 'weighting.effectiveBase', message: 'The effective base of 1200 is above the achieved sample of 1000: weighting can only lower it' },
    ]);
    assert.deepEqual(checkSurvey(goodSurvey(SET, { weighting: { kind: 'weighted', variables: ['age'], effectiveBase: 0 } }), [SET], TODAY), [
      { field: 'weighting.effectiveBase', message: 'The effective base must be a number above 0, not 0' },
    ]);
  });

  it('refuses placements of a set or question Lantern does not hold, twice over, or at a bad position', () => {
    const [first, second] = goodSurvey(SET).placements;
    const placements = [
      { ...first!, setVersion: 9 },
      { ...second!, questionCode: 'favourite-colour' },
      { ...second!, position: 0, order: 1.5 },
      { ...second!, wordingUsed: ' ' },
    ];
    assert.deepEqual(checkSurvey(goodSurvey(SET, { placements }), [SET], TODAY), [
      { field: 'placements[satisfied-with-local-area].setVersion', message: "Question 'satisfied-with-local-area' names the set lga-resident-satisfaction, version 9, which Lantern does not hold" },
      { field: 'placements[favourite-colour].questionCode', message: "Question 'favourite-colour' is not in the set lga-resident-satisfaction, version 1" },
      { field: 'placements[satisfied-with-council].position', message: "Question 'satisfied-with-council' has position 0: give a whole number from 1" },
      { field: 'placements[satisfied-with-council].order', message: "Question 'satisfied-with-council' has order 1.5: give a whole number from 1" },
      { field: 'placements[satisfied-with-council]', message: "Question 'satisfied-with-council' is placed twice: give where it was asked once" },
      { field: 'placements[satisfied-with-council].position', message: "Question 'satisfied-with-council' is at position 2, where another question already is" },
      { field: 'placements[satisfied-with-council].wordingUsed', message: "Question 'satisfied-with-council' has no wording: give the words the questionnaire used" },
    ]);
  });

  it('refuses a tracker wave without a name or with a wave that is not a whole number', () => {
    assert.deepEqual(checkSurvey(goodSurvey(SET, { tracker: { name: '', wave: 0 } }), [SET], TODAY), [
      { field: 'tracker.name', message: 'Name the tracker survey this is a wave of' },
      { field: 'tracker.wave', message: 'The wave must be a whole number from 1, not 0' },
    ]);
  });
});

describe('checkResults(record, set, results)', () => {
  const record = goodSurvey(SET);

  it('finds nothing wrong with counts that add up to the base and percentages that sum to 100', () => {
    assert.deepEqual(checkResults(record, SET, [councilResult()]), []);
  });

  it('refuses counts that do not add up to the base', () => {
    assert.deepEqual(checkResults(record, SET, [councilResult({ base: 1001 })]), [
      { field: 'results[satisfied-with-council].base', message: "Question 'satisfied-with-council': the counts add up to 1000, not the base of 1001" },
      { field: 'results[satisfied-with-council].base', message: "Question 'satisfied-with-council': the base of 1001 is above the achieved sample of 1000" },
    ]);
  });

  it('refuses a base under the minimum', () => {
    const counts = { very_satisfied: 10, fairly_satisfied: 40, neither: 20, fairly_dissatisfied: 10, very_dissatisfied: 5, dont_know: 5 };
    assert.deepEqual(checkResults(goodSurvey(SET, { weighting: { kind: 'none' } }), SET, [councilResult({ counts, base: 90, weighted: null })]), [
      { field: 'results[satisfied-with-council].base', message: "Question 'satisfied-with-council' was answered by 90, under the minimum base of 100" },
    ]);
  });

  it('refuses negative or fractional counts, naming the option', () => {
    const counts = { ...councilResult().counts, very_satisfied: -120, neither: 200.5 };
    const problems = checkResults(record, SET, [councilResult({ counts })]);
    assert.deepEqual(problems.slice(0, 2), [
      {
        field: 'results[satisfied-with-council].counts.very_satisfied',
        message: `Question 'satisfied-with-council': the count of "Very satisfied" must be a whole number of people, 0 or more, not -120`,
      },
      {
        field: 'results[satisfied-with-council].counts.neither',
        message: `Question 'satisfied-with-council': the count of "Neither satisfied nor dissatisfied" must be a whole number of people, 0 or more, not 200.5`,
      },
    ]);
  });

  it('refuses a base that is not a whole number of people', () => {
    assert.deepEqual(checkResults(record, SET, [councilResult({ base: 999.5 })]), [
      { field: 'results[satisfied-with-council].base', message: "Question 'satisfied-with-council': the base must be a whole number of people, 0 or more, not 999.5" },
    ]);
  });

  it('refuses results missing an option, or counting one the question does not have', () => {
    const rest: Record<string, number> = { ...councilResult().counts };
    delete rest.dont_know;
    assert.deepEqual(checkResults(record, SET, [councilResult({ counts: { ...rest, no_reply: 50 } })]), [
      { field: 'results[satisfied-with-council].counts.no_reply', message: "Question 'satisfied-with-council' has no option 'no_reply'" },
      { field: 'results[satisfied-with-council].counts.dont_know', message: `Question 'satisfied-with-council' has no count for "Don't know": enter 0 if nobody gave it` },
      { field: 'results[satisfied-with-council].base', message: "Question 'satisfied-with-council': the counts add up to 950, not the base of 1000" },
    ]);
  });

  it('refuses results for a question whose set gives it no options', () => {
    const bare = { ...SET, questions: SET.questions.map((question) => ({ ...question, answerOptions: [] })) };
    assert.deepEqual(checkResults(goodSurvey(SET, { weighting: { kind: 'none' } }), bare, [councilResult({ counts: {}, base: 0, weighted: null })]), [
      { field: 'results[satisfied-with-council].counts', message: "Question 'satisfied-with-council' has no answer options in its set, so its results cannot be counted" },
      { field: 'results[satisfied-with-council].base', message: "Question 'satisfied-with-council' was answered by 0, under the minimum base of 100" },
    ]);
  });

  it('refuses a question not in the set, and two results for one question', () => {
    assert.deepEqual(checkResults(record, SET, [councilResult(), councilResult(), councilResult({ questionCode: 'favourite-colour' })]), [
      { field: 'results[satisfied-with-council]', message: "Question 'satisfied-with-council' has two sets of results: give one" },
      { field: 'results[favourite-colour].questionCode', message: "Question 'favourite-colour' is not in the set lga-resident-satisfaction, version 1" },
    ]);
  });

  it('accepts whole percentages summing to 102 for six options, as rounding each to a whole number can', () => {
    const percentages = { very_satisfied: 12, fairly_satisfied: 42, neither: 21, fairly_dissatisfied: 12, very_dissatisfied: 9, dont_know: 6 };
    assert.deepEqual(checkResults(record, SET, [councilResult({ weighted: { percentages, effectiveBase: 820 } })]), []);
  });

  it('refuses percentages given to one decimal that sum to 102.5: six of them can be off by 0.3 at most', () => {
    const percentages = { very_satisfied: 11.5, fairly_satisfied: 42, neither: 21, fairly_dissatisfied: 12, very_dissatisfied: 9, dont_know: 7 };
    assert.deepEqual(checkResults(record, SET, [councilResult({ weighted: { percentages, effectiveBase: 820 } })]), [
      {
        field: 'results[satisfied-with-council].weighted.percentages',
        message: "Question 'satisfied-with-council': the weighted percentages sum to 102.5, more than 0.3 from 100, which rounding alone cannot explain",
      },
    ]);
  });

  it('refuses whole percentages more than 3 points (six halves) from 100', () => {
    const percentages = { very_satisfied: 11, fairly_satisfied: 42, neither: 21, fairly_dissatisfied: 12, very_dissatisfied: 9, dont_know: 9 };
    assert.deepEqual(checkResults(record, SET, [councilResult({ weighted: { percentages, effectiveBase: 820 } })]), [
      {
        field: 'results[satisfied-with-council].weighted.percentages',
        message: "Question 'satisfied-with-council': the weighted percentages sum to 104, more than 3 from 100, which rounding alone cannot explain",
      },
    ]);
  });

  it('refuses a weighted percentage missing or outside 0 to 100', () => {
    const percentages = { very_satisfied: 11, fairly_satisfied: 42, neither: 21, fairly_dissatisfied: 12, very_dissatisfied: 109 };
    assert.deepEqual(checkResults(record, SET, [councilResult({ weighted: { percentages, effectiveBase: 820 } })]), [
      { field: 'results[satisfied-with-council].weighted.percentages.very_dissatisfied', message: `Question 'satisfied-with-council', "Very dissatisfied", needs a weighted percentage from 0 to 100` },
      { field: 'results[satisfied-with-council].weighted.percentages.dont_know', message: `Question 'satisfied-with-council', "Don't know", needs a weighted percentage from 0 to 100` },
    ]);
  });

  it('refuses weighted percentages for an unweighted survey, and their absence for a weighted one', () => {
    assert.deepEqual(checkResults(goodSurvey(SET, { weighting: { kind: 'none' } }), SET, [councilResult()]), [
      { field: 'results[satisfied-with-council].weighted', message: "Question 'satisfied-with-council' has weighted percentages, but the survey says it was not weighted" },
    ]);
    assert.deepEqual(checkResults(record, SET, [councilResult({ weighted: null })]), [
      { field: 'results[satisfied-with-council].weighted', message: "Question 'satisfied-with-council' has no weighted percentages, but the survey was weighted: give them and the effective base" },
    ]);
  });

  it('refuses an effective base of 0 or above the base', () => {
    const { percentages } = councilResult().weighted!;
    assert.deepEqual(checkResults(record, SET, [councilResult({ weighted: { percentages, effectiveBase: 0 } })]), [
      { field: 'results[satisfied-with-council].weighted.effectiveBase', message: "Question 'satisfied-with-council': the effective base must be a number above 0" },
    ]);
    assert.deepEqual(checkResults(record, SET, [councilResult({ weighted: { percentages, effectiveBase: 1001 } })]), [
      {
        field: 'results[satisfied-with-council].weighted.effectiveBase',
        message: "Question 'satisfied-with-council': the effective base of 1001 is above the base of 1000: weighting can only lower it",
      },
    ]);
  });
});
