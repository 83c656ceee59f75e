// A council's telephone survey that meets every condition of the LGA's guidance,
// and its results, for the surveys tests to change one thing at a time.
import fs from 'node:fs';
import path from 'node:path';
import { readQuestionSet, type QuestionSet, type SurveyRecord, type SurveyResult } from '../../../src/domain/surveys/index.ts';
import { PROJECT_DIR } from '../../support/data.ts';

export function lgaSet(): QuestionSet {
  const read = readQuestionSet(JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, 'data/surveys/lga-resident-satisfaction.json'), 'utf8')));
  if (read.kind !== 'ok') throw new Error(`the LGA set does not read: ${JSON.stringify(read.problems)}`);
  return read.set;
}

/** The first three questions of the set, asked first and in order, worded as the set words them for "Adur District Council". */
export function goodSurvey(set: QuestionSet = lgaSet(), change: Partial<SurveyRecord> = {}): SurveyRecord {
  const placements = set.questions.slice(0, 3).map((question, index) => ({
    questionCode: question.code,
    setCode: set.code,
    setVersion: set.version,
    position: index + 1,
    order: index + 1,
    wordingUsed: question.wording.replace('[name of council]', 'Adur District Council'),
  }));
  const record: SurveyRecord = {
    council: 'E07000223',
    method: 'telephone',
    fieldworkStart: '2025-06-02',
    fieldworkEnd: '2025-07-11',
    sampling: 'random_probability',
    achievedSample: 1000,
    weighting: { kind: 'weighted', variables: ['age', 'sex', 'ward'], effectiveBase: 820 },
    placements,
    tracker: null,
    ...change,
  };
  return Object.freeze(record);
}

/** 1,000 answers to "the way the council runs things": 120 + 430 very or fairly satisfied, 50 don't know. */
export function councilResult(change: Partial<SurveyResult> = {}): SurveyResult {
  return Object.freeze({
    questionCode: 'satisfied-with-council',
    counts: { very_satisfied: 120, fairly_satisfied: 430, neither: 200, fairly_dissatisfied: 120, very_dissatisfied: 80, dont_know: 50 },
    base: 1000,
    weighted: { percentages: { very_satisfied: 11, fairly_satisfied: 42, neither: 21, fairly_dissatisfied: 12, very_dissatisfied: 9, dont_know: 5 }, effectiveBase: 820 },
    ...change,
  });
}
