import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { checkNewVersion, readQuestionSet, type FieldProblem, type QuestionSet } from '../../../src/domain/surveys/index.ts';
import { PROJECT_DIR } from '../../support/data.ts';

function lgaJson(): Record<string, unknown> {
  return JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, 'data/surveys/lga-resident-satisfaction.json'), 'utf8')) as Record<string, unknown>;
}

const OPTIONS = Object.freeze([
  { code: 'yes', label: 'Yes', positive: true, dontKnow: false },
  { code: 'no', label: 'No', positive: false, dontKnow: false },
]);

function setWith(questions: unknown, extra: Record<string, unknown> = {}): Record<string, unknown> {
  return { code: 'own-set', version: 1, title: 'Our questions', source: 'The council', questions, ...extra };
}

function problemsOf(json: unknown): readonly FieldProblem[] {
  const read = readQuestionSet(json);
  assert.equal(read.kind, 'invalid');
  return read.kind === 'invalid' ? read.problems : [];
}

describe('data/surveys/lga-resident-satisfaction.json', () => {
  it("reads as a set at version 1 with the LGA's themes, every question benchmarkable and feeding a metric", () => {
    const read = readQuestionSet(lgaJson());
    assert.equal(read.kind, 'ok', JSON.stringify(read));
    if (read.kind !== 'ok') return;
    assert.equal(read.set.version, 1);
    const codes = read.set.questions.map((question) => question.code);
    for (const code of [
      'satisfied-with-local-area',
      'satisfied-with-council',
      'council-value-for-money',
      'council-acts-on-concerns',
      'council-keeps-residents-informed',
      'trust-council',
      'safe-after-dark',
      'safe-during-day',
    ])
      assert.ok(codes.includes(code), code);
    assert.ok(read.set.questions.every((question) => question.benchmarkable && question.metricCode !== null));
  });

  it('counts "very or fairly satisfied" as positive and offers "Don\'t know" on every question', () => {
    const read = readQuestionSet(lgaJson());
    if (read.kind !== 'ok') return assert.fail('the LGA set does not read');
    const council = read.set.questions.find((question) => question.code === 'satisfied-with-council')!;
    assert.deepEqual(
      council.answerOptions.filter((option) => option.positive).map((option) => option.label),
      ['Very satisfied', 'Fairly satisfied'],
    );
    assert.ok(read.set.questions.every((question) => question.answerOptions.filter((option) => option.dontKnow).length === 1));
  });
});

describe('readQuestionSet(json)', () => {
  it('returns a frozen set', () => {
    const read = readQuestionSet(setWith([{ code: 'own-q', wording: 'Do you use the library?', answerOptions: OPTIONS, benchmarkable: false, metricCode: null }]));
    assert.equal(read.kind, 'ok');
    if (read.kind === 'ok') assert.ok(Object.isFrozen(read.set) && Object.isFrozen(read.set.questions[0]) && Object.isFrozen(read.set.questions[0]!.answerOptions));
  });

  it('refuses something that is not an object', () => {
    assert.deepEqual(problemsOf([])[0], { field: 'set', message: 'A question set must be a JSON object' });
  });

  it('refuses a set without a version, saying a changed wording needs a new one', () => {
    const rest = lgaJson();
    delete rest.version;
    assert.deepEqual(problemsOf(rest), [{ field: 'version', message: 'The set has no version: give a whole number from 1, and a new one whenever a wording changes' }]);
  });

  it('refuses a version that is not a whole number from 1', () => {
    assert.deepEqual(problemsOf({ ...lgaJson(), version: 1.5 }), [{ field: 'version', message: "The set's version must be a whole number from 1, not 1.5" }]);
    assert.deepEqual(problemsOf({ ...lgaJson(), version: '2' }), [{ field: 'version', message: 'The set\'s version must be a whole number from 1, not "2"' }]);
  });

  it('refuses a set without a code, title, source or questions', () => {
    assert.deepEqual(problemsOf({ version: 1, questions: [] }), [
      { field: 'code', message: 'The set has no code' },
      { field: 'title', message: 'The set has no title' },
      { field: 'source', message: 'The set has no source' },
      { field: 'questions', message: 'The set has no questions: give at least one' },
    ]);
  });

  it('refuses a code in capitals or with spaces', () => {
    assert.deepEqual(problemsOf({ ...lgaJson(), code: 'LGA set' }), [{ field: 'code', message: "The set has the code 'LGA set': use lower-case letters, digits, hyphens and underscores, up to 100" }]);
  });

  it('refuses a question without answer options, naming the question', () => {
    assert.deepEqual(problemsOf(setWith([{ code: 'own-q', wording: 'Do you use the library?', answerOptions: [], benchmarkable: false, metricCode: null }])), [
      { field: 'questions[own-q].answerOptions', message: `Question 'own-q' has no answer options: give its scale, with "Don't know" where it is offered` },
    ]);
  });

  it('refuses a question with no positive option', () => {
    const options = OPTIONS.map((option) => ({ ...option, positive: false }));
    assert.deepEqual(problemsOf(setWith([{ code: 'own-q', wording: 'Do you use the library?', answerOptions: options, benchmarkable: false, metricCode: null }])), [
      { field: 'questions[own-q].answerOptions', message: `Question 'own-q' has no positive option: mark the options counted as positive ("very or fairly satisfied")` },
    ]);
  });

  it('refuses two questions with one code', () => {
    const question = { code: 'own-q', wording: 'Do you use the library?', answerOptions: OPTIONS, benchmarkable: false, metricCode: null };
    assert.deepEqual(problemsOf(setWith([question, question])), [{ field: 'questions[own-q].code', message: "Two questions have the code 'own-q': each question needs its own" }]);
  });

  it('refuses two options with one code within a question', () => {
    const options = [OPTIONS[0], { ...OPTIONS[1], code: 'yes' }];
    assert.deepEqual(problemsOf(setWith([{ code: 'own-q', wording: 'Do you use the library?', answerOptions: options, benchmarkable: false, metricCode: null }])), [
      { field: 'questions[own-q].answerOptions[1].code', message: "Question 'own-q' has two options with the code 'yes': each option needs its own" },
    ]);
  });

  it('refuses an option that is both positive and "Don\'t know", or that leaves either unsaid', () => {
    const options = [
      { code: 'yes', label: 'Yes', positive: true, dontKnow: true },
      { code: 'no', label: 'No' },
    ];
    assert.deepEqual(problemsOf(setWith([{ code: 'own-q', wording: 'Do you use the library?', answerOptions: options, benchmarkable: false, metricCode: null }])), [
      { field: 'questions[own-q].answerOptions[0].positive', message: `Question 'own-q', option 'yes', cannot be both positive and "Don't know"` },
      { field: 'questions[own-q].answerOptions[1].positive', message: "Question 'own-q', option 'no', must say whether it is positive: true or false" },
      { field: 'questions[own-q].answerOptions[1].dontKnow', message: `Question 'own-q', option 'no', must say whether it is "Don't know": true or false` },
    ]);
  });

  it('refuses an option without a code or label, naming it by its place', () => {
    const options = [{ positive: true, dontKnow: false }, OPTIONS[1]];
    assert.deepEqual(problemsOf(setWith([{ code: 'own-q', wording: 'Do you use the library?', answerOptions: options, benchmarkable: false, metricCode: null }])), [
      { field: 'questions[own-q].answerOptions[0].code', message: "Question 'own-q', option 1, has no code" },
      { field: 'questions[own-q].answerOptions[0].label', message: "Question 'own-q', option 1, has no label" },
    ]);
  });

  it('refuses a question without a code or wording, naming it by its place', () => {
    assert.deepEqual(problemsOf(setWith([{ answerOptions: OPTIONS, benchmarkable: true, metricCode: null }])), [
      { field: 'questions[0].code', message: 'Question 1 has no code' },
      { field: 'questions[0].wording', message: 'Question 1 has no wording' },
    ]);
  });

  it('refuses a question that does not say whether it is for benchmarking, or names a metric badly', () => {
    assert.deepEqual(problemsOf(setWith([{ code: 'own-q', wording: 'Do you use the library?', answerOptions: OPTIONS, metricCode: 'Library Use' }])), [
      { field: 'questions[own-q].benchmarkable', message: "Question 'own-q' must say whether it is for benchmarking: true or false" },
      { field: 'questions[own-q].metricCode', message: 'Question \'own-q\' names its metric as "Library Use": a metric code is lower-case words joined by hyphens, or null' },
    ]);
  });
});

describe('checkNewVersion(held, next)', () => {
  function lga(): QuestionSet {
    const read = readQuestionSet(lgaJson());
    if (read.kind !== 'ok') throw new Error('the LGA set does not read');
    return read.set;
  }

  it('accepts a new set, the same set again, and a changed set at a new version', () => {
    const set = lga();
    const changed = { ...set, version: 2, questions: set.questions.map((question, index) => (index === 0 ? { ...question, wording: 'How satisfied are you with your area?' } : question)) };
    assert.deepEqual(checkNewVersion([], set), []);
    assert.deepEqual(checkNewVersion([set], lga()), []);
    assert.deepEqual(checkNewVersion([set], changed), []);
  });

  it('refuses a changed wording under a version already held, naming the next version', () => {
    const set = lga();
    const changed = { ...set, questions: set.questions.map((question, index) => (index === 0 ? { ...question, wording: 'How satisfied are you with your area?' } : question)) };
    assert.deepEqual(checkNewVersion([set, { ...set, version: 2 }], changed), [
      { field: 'version', message: 'Version 1 of lga-resident-satisfaction is already held with other questions or wording: give the changed set version 3' },
    ]);
  });

  it('refuses a changed positive option under a version already held', () => {
    const set = lga();
    const changed = { ...set, questions: set.questions.map((question) => ({ ...question, answerOptions: question.answerOptions.map((option) => ({ ...option, positive: !option.dontKnow })) })) };
    assert.equal(checkNewVersion([set], changed).length, 1);
  });
});
