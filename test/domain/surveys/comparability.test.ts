import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import {
  COMPARABILITY_CONDITIONS,
  COMPARABILITY_RULES,
  SAMPLINGS,
  SURVEY_METHODS,
  comparability,
  comparabilityOf,
  comparableWith,
  overallOf,
  wordingMatches,
  type ComparabilityCondition,
  type ComparabilityVerdict,
  type ConditionVerdict,
  type SurveyRecord,
} from '../../../src/domain/surveys/index.ts';
import { councilResult, goodSurvey, lgaSet } from './fixtures.ts';

const SET = lgaSet();

function conditionOf(verdict: ComparabilityVerdict, condition: ComparabilityCondition): ConditionVerdict {
  return verdict.conditions.find((item) => item.condition === condition)!;
}

function judged(change: Partial<SurveyRecord>, condition: ComparabilityCondition, withResult = true): ConditionVerdict {
  return conditionOf(comparability(goodSurvey(SET, change), SET, withResult ? councilResult() : undefined), condition);
}

describe('comparability(record, set, result?)', () => {
  it('finds a survey that follows the guidance comparable, with a reason for every condition', () => {
    const verdict = comparability(goodSurvey(SET), SET, councilResult());
    assert.equal(verdict.overall, 'comparable');
    assert.equal(verdict.sentence, 'Comparable: every condition passes.');
    assert.deepEqual(verdict.rule, { code: 'lga-benchmarking', version: 1 });
    assert.deepEqual(
      verdict.conditions.map((item) => item.condition),
      [...COMPARABILITY_CONDITIONS],
    );
    assert.ok(verdict.conditions.every((item) => item.outcome === 'pass' && item.reason.length > 20));
    assert.ok(Object.isFrozen(verdict) && Object.isFrozen(verdict.conditions));
  });

  describe('method', () => {
    it('passes a telephone survey, as the national poll is', () => {
      assert.deepEqual(judged({}, 'method'), { condition: 'method', outcome: 'pass', reason: 'The survey was done by telephone, as the national poll is.' });
    });
    it('fails a postal survey, saying why methods are not mixed', () => {
      assert.deepEqual(judged({ method: 'postal' }, 'method'), {
        condition: 'method',
        outcome: 'fail',
        reason: 'The survey was done by post; only surveys done by telephone are compared with the national poll, because people answer differently to an interviewer than on paper or screen.',
      });
    });
    it('is unknown when the record gives no method Lantern knows', () => {
      assert.equal(judged({ method: '' as SurveyRecord['method'] }, 'method').outcome, 'unknown');
    });
  });

  describe('random sampling', () => {
    it('passes a random probability sample', () => {
      assert.equal(judged({}, 'random_sampling').outcome, 'pass');
    });
    it('fails a quota sample and an opt-in panel', () => {
      assert.deepEqual(judged({ sampling: 'quota' }, 'random_sampling'), {
        condition: 'random_sampling',
        outcome: 'fail',
        reason: 'The sample was a quota sample, not drawn at random; without a random sample there is no sound interval, and those who choose to answer may not be like those who do not.',
      });
      assert.match(judged({ sampling: 'opt_in_panel' }, 'random_sampling').reason, /^The sample was an opt-in panel, not drawn at random/);
    });
    it('is unknown when the record does not say how the sample was drawn', () => {
      assert.equal(judged({ sampling: 'snowball' as SurveyRecord['sampling'] }, 'random_sampling').outcome, 'unknown');
      assert.equal(judged({ sampling: 'toString' as SurveyRecord['sampling'] }, 'random_sampling').outcome, 'unknown');
    });
  });

  describe('minimum base', () => {
    it(`passes a question whose effective base is at least ${COMPARABILITY_RULES.minimumBase}`, () => {
      assert.deepEqual(judged({}, 'minimum_base'), { condition: 'minimum_base', outcome: 'pass', reason: 'The base is 820 effective (1,000 answers, weighted), at least the minimum of 500.' });
      const unweighted = comparability(goodSurvey(SET, { weighting: { kind: 'none' } }), SET, councilResult({ weighted: null }));
      assert.equal(conditionOf(unweighted, 'minimum_base').reason, 'The base is 1,000 answers, at least the minimum of 500.');
    });
    it('fails a question answered by fewer, naming it', () => {
      const counts = { very_satisfied: 50, fairly_satisfied: 150, neither: 100, fairly_dissatisfied: 60, very_dissatisfied: 40, dont_know: 20 };
      const verdict = comparability(goodSurvey(SET, { weighting: { kind: 'none' } }), SET, councilResult({ counts, base: 420, weighted: null }));
      assert.deepEqual(conditionOf(verdict, 'minimum_base'), {
        condition: 'minimum_base',
        outcome: 'fail',
        reason: "Question 'satisfied-with-council' has a base of 420 answers, under the minimum of 500; below it the interval is too wide to compare fairly.",
      });
      assert.equal(verdict.overall, 'not_comparable');
      assert.equal(verdict.sentence, 'Not comparable: minimum base fails.');
    });
    it('fails 1,000 answers whose weighting leaves an effective base of 450, unless the rules judge answers', () => {
      const result = councilResult({ weighted: { ...councilResult().weighted!, effectiveBase: 450 } });
      assert.equal(
        conditionOf(comparability(goodSurvey(SET), SET, result), 'minimum_base').reason,
        "Question 'satisfied-with-council' has a base of 450 effective (1,000 answers, weighted), under the minimum of 500; below it the interval is too wide to compare fairly.",
      );
      assert.equal(conditionOf(comparability(goodSurvey(SET), SET, result, { ...COMPARABILITY_RULES, minimumBaseOn: 'answers' }), 'minimum_base').outcome, 'pass');
    });
    it('judges the achieved sample before results are entered', () => {
      assert.match(judged({}, 'minimum_base', false).reason, /^1,000 people took part, at least the minimum of 500/);
      assert.deepEqual(judged({ achievedSample: 300 }, 'minimum_base', false), { condition: 'minimum_base', outcome: 'fail', reason: 'Only 300 people took part, under the minimum of 500.' });
    });
    it('is unknown when the record does not say how many took part', () => {
      assert.equal(judged({ achievedSample: Number.NaN }, 'minimum_base', false).outcome, 'unknown');
    });
  });

  describe('position and order', () => {
    const [first, second, third] = goodSurvey(SET).placements as [SurveyRecord['placements'][number], SurveyRecord['placements'][number], SurveyRecord['placements'][number]];
    it('passes questions asked first and in order', () => {
      assert.deepEqual(judged({}, 'position_and_order'), { condition: 'position_and_order', outcome: 'pass', reason: "The question was asked where the set puts it: first, and in the set's order." });
      assert.equal(judged({}, 'position_and_order', false).reason, "The 3 questions were asked first in the questionnaire and in the set's order.");
    });
    it('fails a standard question asked after questions not in the set', () => {
      const placements = [first, second, { ...third, position: 7 }];
      assert.deepEqual(judged({ placements }, 'position_and_order'), {
        condition: 'position_and_order',
        outcome: 'fail',
        reason:
          "Question 'council-value-for-money' was asked at position 7, after 4 questions not in the set. Answers shift with what was asked before them, so the set's questions must come first and in its order.",
      });
    });
    it("fails questions asked against the set's order", () => {
      const placements = [{ ...second, position: 1, order: 1 }, { ...first, position: 2, order: 2 }, third];
      assert.match(judged({ placements }, 'position_and_order').reason, /^Question 'satisfied-with-local-area' was asked after 'satisfied-with-council', against the set's order\./);
    });
    it('is unknown when the record does not place the question', () => {
      assert.deepEqual(judged({ placements: [first, third] }, 'position_and_order'), {
        condition: 'position_and_order',
        outcome: 'unknown',
        reason: "The record does not say where 'satisfied-with-council' was asked.",
      });
      assert.equal(judged({ placements: [] }, 'position_and_order', false).outcome, 'unknown');
    });
  });

  describe('wording version', () => {
    const [first, second, third] = goodSurvey(SET).placements as [SurveyRecord['placements'][number], SurveyRecord['placements'][number], SurveyRecord['placements'][number]];
    it("passes the set's wording with the council's name in place of the placeholder, whatever the case and spacing", () => {
      const placements = [first, { ...second, wordingUsed: '  overall, how satisfied or dissatisfied are you with the way  Adur   District Council runs things?' }, third];
      assert.deepEqual(judged({ placements }, 'wording_version'), {
        condition: 'wording_version',
        outcome: 'pass',
        reason: 'Worded as version 1 of the set "Benchmarking resident satisfaction data: question set (Are you being served?)" words it.',
      });
    });
    it('fails a changed wording, quoting both', () => {
      const placements = [first, { ...second, wordingUsed: 'How happy are you with Adur District Council?' }, third];
      assert.deepEqual(judged({ placements }, 'wording_version'), {
        condition: 'wording_version',
        outcome: 'fail',
        reason:
          'Question \'satisfied-with-council\' was worded "How happy are you with Adur District Council?", not as the set words it: "Overall, how satisfied or dissatisfied are you with the way [name of council] runs things?". A changed word can change the answer, so only the set\'s wording is compared.',
      });
    });
    it('fails a question asked from another version of the set', () => {
      const placements = [first, { ...second, setVersion: 2 }, third];
      assert.match(judged({ placements }, 'wording_version').reason, /^Question 'satisfied-with-council' was asked from version 2 of the set, not version 1\./);
    });
    it('is unknown when the record does not give the wording', () => {
      assert.deepEqual(judged({ placements: [first, third] }, 'wording_version'), {
        condition: 'wording_version',
        outcome: 'unknown',
        reason: "The record does not give the wording used for 'satisfied-with-council'.",
      });
    });
  });

  describe('weighting', () => {
    it('passes results weighted by age and sex at least, with the effective base', () => {
      assert.deepEqual(judged({}, 'weighting'), { condition: 'weighting', outcome: 'pass', reason: 'The results were weighted by age, sex and ward, with an effective base of 820.' });
      assert.equal(judged({ weighting: { kind: 'weighted', variables: ['Age group', 'Gender'], effectiveBase: 800 } }, 'weighting').outcome, 'pass');
    });
    it('fails unweighted results and weighting that leaves out age or sex, as a caveat', () => {
      const unweighted = comparability(goodSurvey(SET, { weighting: { kind: 'none' } }), SET, councilResult({ weighted: null }));
      assert.deepEqual(conditionOf(unweighted, 'weighting'), {
        condition: 'weighting',
        outcome: 'fail',
        reason: 'The results were not weighted; the national poll is weighted to the population by age and sex at least, so unweighted results lean towards whoever answered most.',
      });
      assert.equal(unweighted.overall, 'comparable_with_caveats');
      assert.equal(unweighted.sentence, 'Comparable with caveats: weighting fails.');
      assert.equal(
        judged({ weighting: { kind: 'weighted', variables: ['ward'], effectiveBase: 900 } }, 'weighting').reason,
        'The results were weighted by ward, but not by age and sex, as the national poll is.',
      );
    });
    it('is unknown when the record does not say what the results were weighted by', () => {
      assert.equal(judged({ weighting: { kind: 'weighted', variables: [], effectiveBase: 900 } }, 'weighting').outcome, 'unknown');
    });
  });

  describe('fieldwork window', () => {
    it('passes fieldwork within 92 days of one financial year', () => {
      assert.deepEqual(judged({}, 'fieldwork_window'), {
        condition: 'fieldwork_window',
        outcome: 'pass',
        reason: 'Fieldwork ran from 2 June 2025 to 11 July 2025, 40 days, within the window of 92 days within one financial year (2025/26).',
      });
    });
    it('fails fieldwork across two financial years', () => {
      assert.deepEqual(judged({ fieldworkStart: '2025-03-03', fieldworkEnd: '2025-04-14' }, 'fieldwork_window'), {
        condition: 'fieldwork_window',
        outcome: 'fail',
        reason: 'Fieldwork ran from 3 March 2025 to 14 April 2025, across the financial years 2024/25 and 2025/26, outside the window of 92 days within one financial year.',
      });
    });
    it('fails fieldwork longer than the window', () => {
      assert.equal(
        judged({ fieldworkStart: '2025-04-01', fieldworkEnd: '2025-09-30' }, 'fieldwork_window').reason,
        'Fieldwork ran from 1 April 2025 to 30 September 2025, 183 days, outside the window of 92 days within one financial year: opinion can move over so long.',
      );
    });
    it('is unknown when the dates cannot be read', () => {
      assert.equal(judged({ fieldworkStart: 'spring' }, 'fieldwork_window').outcome, 'unknown');
    });
  });

  describe('the overall rule', () => {
    it('is not comparable when any decisive condition fails, naming each', () => {
      const verdict = comparability(goodSurvey(SET, { method: 'online', sampling: 'opt_in_panel', weighting: { kind: 'none' } }), SET, councilResult({ weighted: null }));
      assert.equal(verdict.overall, 'not_comparable');
      assert.equal(verdict.sentence, 'Not comparable: method and random sampling fail.');
    });
    it('is comparable with caveats when only a caveat condition fails or a condition is unknown', () => {
      const verdict = comparability(goodSurvey(SET, { fieldworkStart: '2025-03-03', weighting: { kind: 'weighted', variables: [], effectiveBase: 800 } }), SET, councilResult());
      assert.equal(verdict.overall, 'comparable_with_caveats');
      assert.equal(verdict.sentence, 'Comparable with caveats: fieldwork window fails; weighting cannot be judged.');
    });
    it('overallOf follows the rule for every mix of outcomes', () => {
      fc.assert(
        fc.property(fc.array(fc.constantFrom('pass', 'fail', 'unknown'), { minLength: 7, maxLength: 7 }), (outcomes) => {
          const conditions = COMPARABILITY_CONDITIONS.map((condition, index) => ({ condition, outcome: outcomes[index]!, reason: 'r' }));
          const decisiveFail = conditions.some((item) => item.outcome === 'fail' && COMPARABILITY_RULES.decisive.includes(item.condition));
          const expected = decisiveFail ? 'not_comparable' : conditions.every((item) => item.outcome === 'pass') ? 'comparable' : 'comparable_with_caveats';
          assert.equal(overallOf(conditions), expected);
        }),
      );
    });
    it('gives every verdict a reason for each condition, whatever the record says', () => {
      const record = fc.record({
        method: fc.constantFrom(...SURVEY_METHODS),
        sampling: fc.constantFrom(...SAMPLINGS),
        achievedSample: fc.integer({ min: 0, max: 5000 }),
        fieldworkStart: fc.constantFrom('2025-01-10', '2025-04-01', 'soon'),
        fieldworkEnd: fc.constantFrom('2025-02-10', '2025-12-01'),
        placements: fc.subarray([...goodSurvey(SET).placements]),
      });
      fc.assert(
        fc.property(record, (change) => {
          const verdict = comparability(goodSurvey(SET, change), SET, councilResult());
          assert.equal(verdict.conditions.length, COMPARABILITY_CONDITIONS.length);
          assert.ok(verdict.conditions.every((item) => item.reason.trim().length > 0));
          assert.ok(verdict.sentence.length > 0);
        }),
      );
    });
  });
});

describe('comparabilityOf(record, sets, results)', () => {
  it("judges a survey's results together, the minimum base on the smallest of them", () => {
    const counts = { very_satisfied: 50, fairly_satisfied: 150, neither: 100, fairly_dissatisfied: 60, very_dissatisfied: 40, dont_know: 20 };
    const area = { ...councilResult({ counts, base: 420, weighted: { ...councilResult().weighted!, effectiveBase: 400 } }), questionCode: 'satisfied-with-local-area' };
    const verdict = comparabilityOf(goodSurvey(SET), [SET], [councilResult(), area]);
    assert.equal(
      conditionOf(verdict, 'minimum_base').reason,
      "Question 'satisfied-with-local-area' has a base of 400 effective (420 answers, weighted), under the minimum of 500; below it the interval is too wide to compare fairly.",
    );
    const both = comparabilityOf(goodSurvey(SET), [SET], [councilResult(), councilResult({ questionCode: 'satisfied-with-local-area' })]);
    assert.equal(conditionOf(both, 'minimum_base').reason, 'The smallest base of any question is 820 effective (1,000 answers, weighted), at least the minimum of 500.');
  });

  it("leaves out a council's own questions, which are not for benchmarking", () => {
    const own = { ...SET, code: 'own', questions: SET.questions.map((question) => ({ ...question, benchmarkable: false })) };
    const verdict = comparabilityOf(goodSurvey(SET), [own], [councilResult()]);
    assert.equal(conditionOf(verdict, 'position_and_order').outcome, 'unknown');
  });
});

describe('comparableWith(a, b)', () => {
  it('compares a method with itself only, by default', () => {
    assert.equal(comparableWith('telephone', 'telephone'), true);
    assert.equal(comparableWith('telephone', 'postal'), false);
    assert.equal(comparableWith('online', 'mixed'), false);
  });
  it('compares two methods the rules pair, either way round', () => {
    const rules = { ...COMPARABILITY_RULES, comparableMethodPairs: [['postal', 'online']] as const };
    assert.equal(comparableWith('online', 'postal', rules), true);
    assert.equal(comparableWith('postal', 'telephone', rules), false);
  });
});

describe('wordingMatches(setWording, used)', () => {
  it('takes any name for a bracketed placeholder, and ignores case, spacing and curly quotes', () => {
    assert.equal(wordingMatches('How much do you trust [name of council]?', 'How much do you trust  the London Borough of Camden?'), true);
    assert.equal(wordingMatches("Don't you [x]?", 'DON’T YOU agree?'), true);
  });
  it('refuses other words, and an empty placeholder', () => {
    assert.equal(wordingMatches('How much do you trust [name of council]?', 'How far do you trust Camden?'), false);
    assert.equal(wordingMatches('How much do you trust [name of council]?', 'How much do you trust ?'), false);
  });
});
