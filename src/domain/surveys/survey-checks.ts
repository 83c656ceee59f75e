/*
 * Checks of a survey record and its results before they are stored: each refusal
 * names the question and the field, in plain words, as the form will show it.
 * An empty list means the record (or results) may be stored; whether it may be
 * compared with others is the comparability check's question, not these.
 *
 * Weighted percentages are checked to sum to 100 within rounding. Each percentage,
 * given to d decimals, is at most half a unit of its last decimal (0.5 × 10⁻ᵈ) from
 * its exact value, so k of them may sum to anything within k × 0.5 × 10⁻ᵈ of 100
 * and no closer bound is safe: six options given as whole numbers may honestly sum
 * to 97.5 or 102.5. d is the most decimals any of the question's percentages shows.
 *
 * The same survey twice (one council, one period, one method, one tracker wave) is
 * refused by the store, which alone sees every survey (its unique index
 * survey_once).
 */
import { SAMPLINGS, SURVEY_METHODS, type FieldProblem, type Question, type QuestionSet, type SurveyRecord, type SurveyResult } from './types.ts';
import { describeDay, isIsoDate } from './fieldwork.ts';
import { RESULTS_RULES, type ResultsRules } from './survey-rules.ts';

/** A council's area code, as the ONS writes it: 'E07000223'. */
const AREA_CODE = /^[EWSN]\d{8}$/;

/** Problems with a survey record; `today` is 'YYYY-MM-DD', `sets` the sets its placements name. */
export function checkSurvey(record: SurveyRecord, sets: readonly QuestionSet[], today: string, rules: ResultsRules = RESULTS_RULES): readonly FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (!AREA_CODE.test(record.council)) problems.push({ field: 'council', message: `The council's area code '${record.council}' is not an ONS code such as E07000223` });
  if (!(SURVEY_METHODS as readonly string[]).includes(record.method)) problems.push({ field: 'method', message: `Choose the survey's method: postal, online, telephone, face to face or mixed` });
  if (!(SAMPLINGS as readonly string[]).includes(record.sampling)) problems.push({ field: 'sampling', message: `Choose how the sample was drawn: random probability, quota or opt-in panel` });
  checkFieldwork(record, today, problems);
  checkWholeCount(record.achievedSample, 'achievedSample', 'The achieved sample', problems);
  if (record.achievedSample < rules.minimumBase)
    problems.push({ field: 'achievedSample', message: `The achieved sample of ${record.achievedSample} is under the minimum of ${rules.minimumBase} completed questionnaires` });
  checkWeighting(record, problems);
  checkPlacements(record, sets, problems);
  checkTracker(record, problems);
  return Object.freeze(problems);
}

/** Problems with a survey's results against its record and the set they answer. */
export function checkResults(record: SurveyRecord, set: QuestionSet, results: readonly SurveyResult[], rules: ResultsRules = RESULTS_RULES): readonly FieldProblem[] {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  for (const result of results) {
    const at = `results[${result.questionCode}]`;
    const question = set.questions.find((candidate) => candidate.code === result.questionCode);
    if (question === undefined) {
      problems.push({ field: `${at}.questionCode`, message: `Question '${result.questionCode}' is not in the set ${set.code}, version ${set.version}` });
      continue;
    }
    if (seen.has(question.code)) problems.push({ field: at, message: `Question '${question.code}' has two sets of results: give one` });
    seen.add(question.code);
    checkCounts(question, result, at, problems);
    checkBase(record, question, result, at, rules, problems);
    checkWeighted(record, question, result, at, problems);
  }
  return Object.freeze(problems);
}

function checkFieldwork(record: SurveyRecord, today: string, problems: FieldProblem[]): void {
  const start = isIsoDate(record.fieldworkStart);
  const end = isIsoDate(record.fieldworkEnd);
  if (!start) problems.push({ field: 'fieldworkStart', message: `The fieldwork's first day '${record.fieldworkStart}' is not a date: write it as 2025-03-14` });
  if (!end) problems.push({ field: 'fieldworkEnd', message: `The fieldwork's last day '${record.fieldworkEnd}' is not a date: write it as 2025-03-14` });
  if (end && record.fieldworkEnd > today)
    problems.push({ field: 'fieldworkEnd', message: `Fieldwork ends on ${describeDay(record.fieldworkEnd)}, in the future: enter the results once fieldwork has ended` });
  if (start && end && record.fieldworkEnd < record.fieldworkStart)
    problems.push({ field: 'fieldworkEnd', message: `Fieldwork ends on ${describeDay(record.fieldworkEnd)}, before it starts on ${describeDay(record.fieldworkStart)}` });
}

function checkWeighting(record: SurveyRecord, problems: FieldProblem[]): void {
  if (record.weighting.kind !== 'weighted') return;
  const { variables, effectiveBase } = record.weighting;
  if (variables.filter((variable) => variable.trim() !== '').length === 0)
    problems.push({ field: 'weighting.variables', message: 'Name the variables the survey was weighted by, such as age and sex' });
  if (!Number.isFinite(effectiveBase) || effectiveBase <= 0) problems.push({ field: 'weighting.effectiveBase', message: `The effective base must be a number above 0, not ${effectiveBase}` });
  else if (effectiveBase > record.achievedSample)
    problems.push({ field: 'weighting.effectiveBase', message: `The effective base of ${effectiveBase} is above the achieved sample of ${record.achievedSample}: weighting can only lower it` });
}

function checkPlacements(record: SurveyRecord, sets: readonly QuestionSet[], problems: FieldProblem[]): void {
  const questions = new Set<string>();
  const positions = new Set<number>();
  for (const placement of record.placements) {
    const at = `placements[${placement.questionCode}]`;
    const set = sets.find((candidate) => candidate.code === placement.setCode && candidate.version === placement.setVersion);
    if (set === undefined)
      problems.push({ field: `${at}.setVersion`, message: `Question '${placement.questionCode}' names the set ${placement.setCode}, version ${placement.setVersion}, which Lantern does not hold` });
    else if (!set.questions.some((question) => question.code === placement.questionCode))
      problems.push({ field: `${at}.questionCode`, message: `Question '${placement.questionCode}' is not in the set ${placement.setCode}, version ${placement.setVersion}` });
    if (questions.has(placement.questionCode)) problems.push({ field: at, message: `Question '${placement.questionCode}' is placed twice: give where it was asked once` });
    questions.add(placement.questionCode);
    for (const [name, value] of [
      ['position', placement.position],
      ['order', placement.order],
    ] as const)
      if (!Number.isInteger(value) || value < 1) problems.push({ field: `${at}.${name}`, message: `Question '${placement.questionCode}' has ${name} ${value}: give a whole number from 1` });
    if (positions.has(placement.position))
      problems.push({ field: `${at}.position`, message: `Question '${placement.questionCode}' is at position ${placement.position}, where another question already is` });
    positions.add(placement.position);
    if (placement.wordingUsed.trim() === '') problems.push({ field: `${at}.wordingUsed`, message: `Question '${placement.questionCode}' has no wording: give the words the questionnaire used` });
  }
}

function checkTracker(record: SurveyRecord, problems: FieldProblem[]): void {
  if (record.tracker === null) return;
  if (record.tracker.name.trim() === '') problems.push({ field: 'tracker.name', message: 'Name the tracker survey this is a wave of' });
  if (!Number.isInteger(record.tracker.wave) || record.tracker.wave < 1) problems.push({ field: 'tracker.wave', message: `The wave must be a whole number from 1, not ${record.tracker.wave}` });
}

function checkCounts(question: Question, result: SurveyResult, at: string, problems: FieldProblem[]): void {
  for (const code of Object.keys(result.counts))
    if (!question.answerOptions.some((option) => option.code === code)) problems.push({ field: `${at}.counts.${code}`, message: `Question '${question.code}' has no option '${code}'` });
  if (question.answerOptions.length === 0) problems.push({ field: `${at}.counts`, message: `Question '${question.code}' has no answer options in its set, so its results cannot be counted` });
  for (const option of question.answerOptions) {
    const count = result.counts[option.code];
    if (count === undefined) problems.push({ field: `${at}.counts.${option.code}`, message: `Question '${question.code}' has no count for "${option.label}": enter 0 if nobody gave it` });
    else checkWholeCount(count, `${at}.counts.${option.code}`, `Question '${question.code}': the count of "${option.label}"`, problems);
  }
}

function checkBase(record: SurveyRecord, question: Question, result: SurveyResult, at: string, rules: ResultsRules, problems: FieldProblem[]): void {
  if (!checkWholeCount(result.base, `${at}.base`, `Question '${question.code}': the base`, problems)) return;
  const total = question.answerOptions.reduce((sum, option) => sum + (result.counts[option.code] ?? 0), 0);
  if (total !== result.base) problems.push({ field: `${at}.base`, message: `Question '${question.code}': the counts add up to ${total}, not the base of ${result.base}` });
  if (result.base < rules.minimumBase) problems.push({ field: `${at}.base`, message: `Question '${question.code}' was answered by ${result.base}, under the minimum base of ${rules.minimumBase}` });
  if (result.base > record.achievedSample)
    problems.push({ field: `${at}.base`, message: `Question '${question.code}': the base of ${result.base} is above the achieved sample of ${record.achievedSample}` });
}

function checkWeighted(record: SurveyRecord, question: Question, result: SurveyResult, at: string, problems: FieldProblem[]): void {
  if (record.weighting.kind === 'none') {
    if (result.weighted !== null) problems.push({ field: `${at}.weighted`, message: `Question '${question.code}' has weighted percentages, but the survey says it was not weighted` });
    return;
  }
  if (result.weighted === null) {
    problems.push({ field: `${at}.weighted`, message: `Question '${question.code}' has no weighted percentages, but the survey was weighted: give them and the effective base` });
    return;
  }
  const { percentages, effectiveBase } = result.weighted;
  for (const option of question.answerOptions) {
    const percentage = percentages[option.code];
    if (percentage === undefined || !Number.isFinite(percentage) || percentage < 0 || percentage > 100)
      problems.push({ field: `${at}.weighted.percentages.${option.code}`, message: `Question '${question.code}', "${option.label}", needs a weighted percentage from 0 to 100` });
  }
  const given = question.answerOptions.map((option) => percentages[option.code]).filter((value): value is number => value !== undefined && Number.isFinite(value));
  const sum = given.reduce((total, value) => total + value, 0);
  const tolerance = (given.length * 0.5) / 10 ** Math.max(0, ...given.map(decimalsOf));
  if (given.length === question.answerOptions.length && Math.abs(sum - 100) > tolerance + 1e-9)
    problems.push({
      field: `${at}.weighted.percentages`,
      message: `Question '${question.code}': the weighted percentages sum to ${round(sum)}, more than ${round(tolerance)} from 100, which rounding alone cannot explain`,
    });
  if (!Number.isFinite(effectiveBase) || effectiveBase <= 0)
    problems.push({ field: `${at}.weighted.effectiveBase`, message: `Question '${question.code}': the effective base must be a number above 0` });
  else if (effectiveBase > result.base)
    problems.push({
      field: `${at}.weighted.effectiveBase`,
      message: `Question '${question.code}': the effective base of ${effectiveBase} is above the base of ${result.base}: weighting can only lower it`,
    });
}

function checkWholeCount(value: number, field: string, who: string, problems: FieldProblem[]): boolean {
  if (Number.isInteger(value) && value >= 0) return true;
  problems.push({ field, message: `${who} must be a whole number of people, 0 or more, not ${value}` });
  return false;
}

/** The decimals a percentage was given to: 33.3 → 1, 12 → 0 (to six at most). */
function decimalsOf(value: number): number {
  for (let decimals = 0; decimals < 6; decimals += 1) if (Math.abs(Math.round(value * 10 ** decimals) - value * 10 ** decimals) < 1e-6) return decimals;
  return 6;
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}
