/*
 * Reading a question set from JSON: the LGA's set kept in data/surveys/, or one an
 * administrator adds. A set is refused whole, with every problem named by its
 * field ('questions[trust-council].answerOptions'), rather than stored half right:
 * a question without a positive option has no percentage positive, and two
 * questions with one code would mix their results.
 */
import { isMetricCode } from '../metric/index.ts';
import type { AnswerOption, FieldProblem, Question, QuestionSet } from './types.ts';

export type ReadQuestionSet = { readonly kind: 'ok'; readonly set: QuestionSet } | { readonly kind: 'invalid'; readonly problems: readonly FieldProblem[] };

/** Codes of sets, questions and options: lower-case words joined by hyphens or underscores. */
const CODE = /^[a-z0-9][a-z0-9_-]{0,99}$/;

export function readQuestionSet(json: unknown): ReadQuestionSet {
  const problems: FieldProblem[] = [];
  const given = isRecord(json) ? json : {};
  if (!isRecord(json)) problems.push({ field: 'set', message: 'A question set must be a JSON object' });
  const code = codeOf(given.code, 'code', 'The set', problems);
  const version = versionOf(given.version, problems);
  const title = textOf(given.title, 'title', 'The set', problems);
  const source = textOf(given.source, 'source', 'The set', problems);
  const questions = questionsOf(given.questions, problems);
  if (problems.length > 0) return Object.freeze({ kind: 'invalid', problems: Object.freeze(problems) });
  return Object.freeze({ kind: 'ok', set: Object.freeze({ code, version, title, source, questions }) });
}

/** The question of a set with this code, if the set has one. */
export function questionOf(set: QuestionSet, questionCode: string): Question | undefined {
  return set.questions.find((question) => question.code === questionCode);
}

/**
 * Problems with keeping `next` beside the sets already held under its code: a
 * set at a version already held must be that version word for word, since
 * results name the version they were asked from and a changed wording is a
 * new version.
 */
export function checkNewVersion(held: readonly QuestionSet[], next: QuestionSet): readonly FieldProblem[] {
  const same = held.find((set) => set.code === next.code && set.version === next.version);
  if (same === undefined || sameQuestions(same, next)) return [];
  const latest = Math.max(...held.filter((set) => set.code === next.code).map((set) => set.version));
  return [{ field: 'version', message: `Version ${next.version} of ${next.code} is already held with other questions or wording: give the changed set version ${latest + 1}` }];
}

function sameQuestions(a: QuestionSet, b: QuestionSet): boolean {
  const shape = (set: QuestionSet) =>
    JSON.stringify(set.questions.map(({ code, wording, answerOptions }) => [code, wording, answerOptions.map(({ code, label, positive, dontKnow }) => [code, label, positive, dontKnow])]));
  return shape(a) === shape(b);
}

function versionOf(value: unknown, problems: FieldProblem[]): number {
  if (value === undefined || value === null) problems.push({ field: 'version', message: 'The set has no version: give a whole number from 1, and a new one whenever a wording changes' });
  else if (typeof value !== 'number' || !Number.isInteger(value) || value < 1)
    problems.push({ field: 'version', message: `The set's version must be a whole number from 1, not ${JSON.stringify(value)}` });
  return typeof value === 'number' ? value : 0;
}

function questionsOf(value: unknown, problems: FieldProblem[]): readonly Question[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push({ field: 'questions', message: 'The set has no questions: give at least one' });
    return [];
  }
  const seen = new Set<string>();
  return Object.freeze(
    value.map((item: unknown, index) => {
      const question = readQuestion(item, index, problems);
      if (question.code !== '' && seen.has(question.code))
        problems.push({ field: `questions[${question.code}].code`, message: `Two questions have the code '${question.code}': each question needs its own` });
      seen.add(question.code);
      return question;
    }),
  );
}

function readQuestion(item: unknown, index: number, problems: FieldProblem[]): Question {
  const given = isRecord(item) ? item : {};
  const rawCode = typeof given.code === 'string' && CODE.test(given.code) ? given.code : null;
  const at = `questions[${rawCode ?? index}]`;
  const who = rawCode === null ? `Question ${index + 1}` : `Question '${rawCode}'`;
  const code = codeOf(given.code, `${at}.code`, who, problems);
  const wording = textOf(given.wording, `${at}.wording`, who, problems);
  const answerOptions = optionsOf(given.answerOptions, at, who, problems);
  if (typeof given.benchmarkable !== 'boolean') problems.push({ field: `${at}.benchmarkable`, message: `${who} must say whether it is for benchmarking: true or false` });
  const metricCode = given.metricCode ?? null;
  if (metricCode !== null && (typeof metricCode !== 'string' || !isMetricCode(metricCode)))
    problems.push({ field: `${at}.metricCode`, message: `${who} names its metric as ${JSON.stringify(metricCode)}: a metric code is lower-case words joined by hyphens, or null` });
  return Object.freeze({ code, wording, answerOptions, benchmarkable: given.benchmarkable === true, metricCode: typeof metricCode === 'string' ? metricCode : null });
}

function optionsOf(value: unknown, at: string, who: string, problems: FieldProblem[]): readonly AnswerOption[] {
  if (!Array.isArray(value) || value.length === 0) {
    problems.push({ field: `${at}.answerOptions`, message: `${who} has no answer options: give its scale, with "Don't know" where it is offered` });
    return [];
  }
  const seen = new Set<string>();
  const options = value.map((item: unknown, index) => {
    const given = isRecord(item) ? item : {};
    const field = `${at}.answerOptions[${index}]`;
    const code = codeOf(given.code, `${field}.code`, `${who}, option ${index + 1},`, problems);
    if (code !== '' && seen.has(code)) problems.push({ field: `${field}.code`, message: `${who} has two options with the code '${code}': each option needs its own` });
    seen.add(code);
    const label = textOf(given.label, `${field}.label`, `${who}, option ${index + 1},`, problems);
    for (const flag of ['positive', 'dontKnow'] as const)
      if (typeof given[flag] !== 'boolean')
        problems.push({ field: `${field}.${flag}`, message: `${who}, option '${code || index + 1}', must say whether it is ${flag === 'positive' ? 'positive' : '"Don\'t know"'}: true or false` });
    if (given.positive === true && given.dontKnow === true) problems.push({ field: `${field}.positive`, message: `${who}, option '${code}', cannot be both positive and "Don't know"` });
    return Object.freeze({ code, label, positive: given.positive === true, dontKnow: given.dontKnow === true });
  });
  if (!options.some((option) => option.positive))
    problems.push({ field: `${at}.answerOptions`, message: `${who} has no positive option: mark the options counted as positive ("very or fairly satisfied")` });
  return Object.freeze(options);
}

function codeOf(value: unknown, field: string, who: string, problems: FieldProblem[]): string {
  if (typeof value !== 'string' || value === '') {
    problems.push({ field, message: `${who} has no code` });
    return '';
  }
  if (!CODE.test(value)) problems.push({ field, message: `${who} has the code '${value}': use lower-case letters, digits, hyphens and underscores, up to 100` });
  return value;
}

function textOf(value: unknown, field: string, who: string, problems: FieldProblem[]): string {
  const text = typeof value === 'string' ? value.trim() : '';
  const name = field.slice(field.lastIndexOf('.') + 1);
  if (text === '') problems.push({ field, message: `${who} has no ${name}` });
  return text;
}

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
