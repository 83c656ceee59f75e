/*
 * Comparability: whether a council's survey results can fairly be set beside the
 * LGA's national poll and other councils' results, condition by condition, each
 * with its reason in words a research officer reads without a manual.
 *
 * The conditions (COMPARABILITY_CONDITIONS) and their thresholds are the
 * versioned rules of survey-rules.ts; each is pass, fail or unknown, and unknown
 * means the record does not say enough to judge, never a quiet pass.
 *
 * The overall rule, written once here and carried by every verdict:
 *   not comparable           a decisive condition fails (rules.decisive: today
 *                            method, random sampling, minimum base, position and
 *                            order, wording), since each of these moves answers by
 *                            more than the differences being compared
 *   comparable with caveats  otherwise, when any condition fails or is unknown
 *   comparable               every condition passes
 *
 * Position and order are judged over all of a set's questions in the record, even
 * for one question's result: a standard question asked late, or out of order,
 * changes the answers to the questions after it as well as its own.
 *
 * comparability(record, set, result?) judges one set's questions (or one result);
 * comparabilityOf(record, sets, results) a survey's results across the sets its
 * placements name, the minimum base taken as the smallest of their bases.
 */
import { daysInclusive, describeDay, financialYearOf, isIsoDate } from './fieldwork.ts';
import { COMPARABILITY_RULES, type ComparabilityRules } from './survey-rules.ts';
import {
  COMPARABILITY_CONDITION_LABELS,
  COMPARABILITY_CONDITIONS,
  SAMPLINGS,
  SURVEY_METHODS,
  SURVEY_METHOD_PHRASES,
  type Comparability,
  type ComparabilityCondition,
  type ComparabilityVerdict,
  type ConditionOutcome,
  type ConditionVerdict,
  type Placement,
  type Question,
  type QuestionSet,
  type SurveyMethod,
  type SurveyRecord,
  type SurveyResult,
} from './types.ts';

/** The overall rule in words, for pages that show it beside a verdict. */
export const COMPARABILITY_OVERALL_RULE =
  'Not comparable when a decisive condition fails; comparable with caveats when any other condition fails or a condition cannot be judged; comparable when every condition passes.';

/** One question the verdict is about: its set, where the record placed it, and its result if given. */
interface Subject {
  readonly set: QuestionSet;
  readonly question: Question;
  readonly placement: Placement | undefined;
  readonly result: SurveyResult | undefined;
}

export function comparability(record: SurveyRecord, set: QuestionSet, result?: SurveyResult, rules: ComparabilityRules = COMPARABILITY_RULES): ComparabilityVerdict {
  const questions =
    result === undefined
      ? set.questions.filter((question) => question.benchmarkable && placementOf(record, set, question) !== undefined)
      : set.questions.filter((question) => question.code === result.questionCode);
  const subjects = questions.map((question) => ({ set, question, placement: placementOf(record, set, question), result }));
  return judge(record, subjects, rules);
}

export function comparabilityOf(record: SurveyRecord, sets: readonly QuestionSet[], results: readonly SurveyResult[], rules: ComparabilityRules = COMPARABILITY_RULES): ComparabilityVerdict {
  const subjects = results.flatMap((result): Subject[] => {
    const placement = record.placements.find((candidate) => candidate.questionCode === result.questionCode);
    const set =
      sets.find((candidate) => candidate.code === placement?.setCode && candidate.version === placement.setVersion) ??
      sets.find((candidate) => candidate.questions.some((question) => question.code === result.questionCode));
    const question = set?.questions.find((candidate) => candidate.code === result.questionCode);
    return set === undefined || question === undefined || !question.benchmarkable ? [] : [{ set, question, placement, result }];
  });
  return judge(record, subjects, rules);
}

/** Whether two surveys' methods may be compared: the same method, or a pair the rules allow. */
export function comparableWith(a: SurveyMethod, b: SurveyMethod, rules: ComparabilityRules = COMPARABILITY_RULES): boolean {
  return a === b || rules.comparableMethodPairs.some(([x, y]) => (x === a && y === b) || (x === b && y === a));
}

/** The overall verdict from the conditions' outcomes, by the rule above. */
export function overallOf(conditions: readonly ConditionVerdict[], rules: ComparabilityRules = COMPARABILITY_RULES): Comparability {
  if (conditions.some(({ condition, outcome }) => outcome === 'fail' && rules.decisive.includes(condition))) return 'not_comparable';
  if (conditions.some(({ outcome }) => outcome !== 'pass')) return 'comparable_with_caveats';
  return 'comparable';
}

function judge(record: SurveyRecord, subjects: readonly Subject[], rules: ComparabilityRules): ComparabilityVerdict {
  const judged: Readonly<Record<ComparabilityCondition, ConditionVerdict>> = {
    method: method(record, rules),
    random_sampling: randomSampling(record),
    minimum_base: minimumBase(record, subjects, rules),
    position_and_order: positionAndOrder(record, subjects, rules),
    wording_version: wordingVersion(subjects),
    weighting: weighting(record, rules),
    fieldwork_window: fieldworkWindow(record, rules),
  };
  const conditions = Object.freeze(COMPARABILITY_CONDITIONS.map((condition) => Object.freeze(judged[condition])));
  const overall = overallOf(conditions, rules);
  return Object.freeze({ rule: Object.freeze({ code: rules.code, version: rules.version }), overall, conditions, sentence: sentenceOf(overall, conditions, rules) });
}

function verdict(condition: ComparabilityCondition, outcome: ConditionOutcome, reason: string): ConditionVerdict {
  return { condition, outcome, reason };
}

function method(record: SurveyRecord, rules: ComparabilityRules): ConditionVerdict {
  if (!(SURVEY_METHODS as readonly string[]).includes(record.method)) return verdict('method', 'unknown', 'The record does not say how the survey was done.');
  const allowed = rules.methods.map((name) => SURVEY_METHOD_PHRASES[name]).join(' or ');
  if (rules.methods.includes(record.method)) return verdict('method', 'pass', `The survey was done ${SURVEY_METHOD_PHRASES[record.method]}, as the national poll is.`);
  return verdict(
    'method',
    'fail',
    `The survey was done ${SURVEY_METHOD_PHRASES[record.method]}; only surveys done ${allowed} are compared with the national poll, because people answer differently to an interviewer than on paper or screen.`,
  );
}

function randomSampling(record: SurveyRecord): ConditionVerdict {
  if (record.sampling === 'random_probability') return verdict('random_sampling', 'pass', 'The sample was drawn at random (a random probability sample), so its intervals mean what they say.');
  if (!(SAMPLINGS as readonly string[]).includes(record.sampling)) return verdict('random_sampling', 'unknown', 'The record does not say how the sample was drawn.');
  return verdict(
    'random_sampling',
    'fail',
    `The sample was ${record.sampling === 'quota' ? 'a quota sample' : 'an opt-in panel'}, not drawn at random; without a random sample there is no sound interval, and those who choose to answer may not be like those who do not.`,
  );
}

function minimumBase(record: SurveyRecord, subjects: readonly Subject[], rules: ComparabilityRules): ConditionVerdict {
  const minimum = rules.minimumBase.toLocaleString('en-GB');
  const answered = subjects.flatMap(({ question, result }) => (result === undefined ? [] : [baseOf(question.code, result, rules)]));
  const smallest = answered.reduce<JudgedBase | null>((least, item) => (least === null || item.judged < least.judged ? item : least), null);
  if (smallest === null) {
    if (!Number.isFinite(record.achievedSample)) return verdict('minimum_base', 'unknown', 'The record does not say how many people took part.');
    const sample = record.achievedSample.toLocaleString('en-GB');
    return record.achievedSample >= rules.minimumBase
      ? verdict('minimum_base', 'pass', `${sample} people took part, at least the minimum of ${minimum}; each question's own base is judged when its results are entered.`)
      : verdict('minimum_base', 'fail', `Only ${sample} people took part, under the minimum of ${minimum}.`);
  }
  if (smallest.judged >= rules.minimumBase)
    return verdict('minimum_base', 'pass', `${answered.length === 1 ? 'The base' : 'The smallest base of any question'} is ${smallest.words}, at least the minimum of ${minimum}.`);
  return verdict('minimum_base', 'fail', `Question '${smallest.code}' has a base of ${smallest.words}, under the minimum of ${minimum}; below it the interval is too wide to compare fairly.`);
}

interface JudgedBase {
  readonly code: string;
  /** The number set against the minimum: the effective base where the rules ask for it and the result is weighted. */
  readonly judged: number;
  readonly words: string;
}

function baseOf(code: string, result: SurveyResult, rules: ComparabilityRules): JudgedBase {
  const answers = result.base.toLocaleString('en-GB');
  if (rules.minimumBaseOn === 'effective_base' && result.weighted !== null) {
    const effective = Math.round(result.weighted.effectiveBase).toLocaleString('en-GB');
    return { code, judged: result.weighted.effectiveBase, words: `${effective} effective (${answers} answers, weighted)` };
  }
  return { code, judged: result.base, words: `${answers} answers` };
}

function positionAndOrder(record: SurveyRecord, subjects: readonly Subject[], rules: ComparabilityRules): ConditionVerdict {
  if (subjects.length === 0) return verdict('position_and_order', 'unknown', "The record places none of the set's benchmark questions, so where they were asked is not known.");
  const unplaced = subjects.filter((subject) => subject.placement === undefined).map((subject) => `'${subject.question.code}'`);
  if (unplaced.length > 0) return verdict('position_and_order', 'unknown', `The record does not say where ${listOf(unplaced)} ${unplaced.length === 1 ? 'was' : 'were'} asked.`);
  const problems = [...new Set(subjects.map((subject) => subject.set))].flatMap((set) => placementProblems(record, set, rules));
  if (problems.length > 0)
    return verdict('position_and_order', 'fail', `${problems.join(' ')} Answers shift with what was asked before them, so the set's questions must come first and in its order.`);
  const count = subjects.length;
  return verdict(
    'position_and_order',
    'pass',
    count === 1 ? "The question was asked where the set puts it: first, and in the set's order." : `The ${count} questions were asked first in the questionnaire and in the set's order.`,
  );
}

/** What is wrong with where a set's questions sat: late (after other questions) or out of the set's order. */
function placementProblems(record: SurveyRecord, set: QuestionSet, rules: ComparabilityRules): string[] {
  const placed = record.placements.filter((placement) => placement.setCode === set.code).sort((a, b) => a.position - b.position);
  const problems: string[] = [];
  if (rules.standardQuestionsFirst) {
    const late = placed.filter((placement, index) => placement.position !== index + 1);
    if (late.length > 0) {
      const first = late[0]!;
      const others = first.position - 1 - placed.indexOf(first);
      problems.push(`Question '${first.questionCode}' was asked at position ${first.position}, after ${others} question${others === 1 ? '' : 's'} not in the set.`);
    }
  }
  const setIndex = (code: string) => set.questions.findIndex((question) => question.code === code);
  for (let index = 1; index < placed.length; index += 1) {
    const [before, after] = [placed[index - 1]!, placed[index]!];
    if (setIndex(after.questionCode) < setIndex(before.questionCode)) problems.push(`Question '${after.questionCode}' was asked after '${before.questionCode}', against the set's order.`);
  }
  return problems;
}

function wordingVersion(subjects: readonly Subject[]): ConditionVerdict {
  if (subjects.length === 0) return verdict('wording_version', 'unknown', "The record places none of the set's benchmark questions, so their wording is not known.");
  const unplaced = subjects.filter((subject) => subject.placement === undefined).map((subject) => `'${subject.question.code}'`);
  if (unplaced.length > 0) return verdict('wording_version', 'unknown', `The record does not give the wording used for ${listOf(unplaced)}.`);
  const problems = subjects.flatMap(({ set, question, placement }) => {
    if (placement!.setVersion !== set.version) return [`Question '${question.code}' was asked from version ${placement!.setVersion} of the set, not version ${set.version}.`];
    if (!wordingMatches(question.wording, placement!.wordingUsed))
      return [`Question '${question.code}' was worded "${placement!.wordingUsed.trim()}", not as the set words it: "${question.wording}".`];
    return [];
  });
  if (problems.length > 0) return verdict('wording_version', 'fail', `${problems.join(' ')} A changed word can change the answer, so only the set's wording is compared.`);
  const { set } = subjects[0]!;
  return verdict('wording_version', 'pass', `Worded as version ${set.version} of the set "${set.title}" words ${subjects.length === 1 ? 'it' : 'them'}.`);
}

function weighting(record: SurveyRecord, rules: ComparabilityRules): ConditionVerdict {
  const wanted = rules.weightingVariables.map((variable) => variable.name);
  if (record.weighting.kind === 'none')
    return verdict(
      'weighting',
      'fail',
      `The results were not weighted; the national poll is weighted to the population by ${listOf(wanted)} at least, so unweighted results lean towards whoever answered most.`,
    );
  const given = record.weighting.variables.map((name) => name.trim().toLowerCase()).filter((name) => name !== '');
  if (given.length === 0) return verdict('weighting', 'unknown', 'The results were weighted, but the record does not say by what.');
  const missing = rules.weightingVariables.filter((variable) => !variable.accepts.some((name) => given.includes(name))).map((variable) => variable.name);
  const effective = Math.round(record.weighting.effectiveBase).toLocaleString('en-GB');
  if (missing.length > 0) return verdict('weighting', 'fail', `The results were weighted by ${listOf(given)}, but not by ${listOf(missing)}, as the national poll is.`);
  return verdict('weighting', 'pass', `The results were weighted by ${listOf(given)}, with an effective base of ${effective}.`);
}

function fieldworkWindow(record: SurveyRecord, rules: ComparabilityRules): ConditionVerdict {
  if (!isIsoDate(record.fieldworkStart) || !isIsoDate(record.fieldworkEnd) || record.fieldworkEnd < record.fieldworkStart)
    return verdict('fieldwork_window', 'unknown', 'The record does not give fieldwork dates that can be read.');
  const ran = `Fieldwork ran from ${describeDay(record.fieldworkStart)} to ${describeDay(record.fieldworkEnd)}`;
  const days = daysInclusive(record.fieldworkStart, record.fieldworkEnd);
  const [startYear, endYear] = [financialYearOf(record.fieldworkStart), financialYearOf(record.fieldworkEnd)];
  const window = `the window of ${rules.fieldworkMaxDays} days${rules.fieldworkWithinFinancialYear ? ' within one financial year' : ''}`;
  if (rules.fieldworkWithinFinancialYear && startYear !== endYear) return verdict('fieldwork_window', 'fail', `${ran}, across the financial years ${startYear} and ${endYear}, outside ${window}.`);
  if (days > rules.fieldworkMaxDays) return verdict('fieldwork_window', 'fail', `${ran}, ${days} days, outside ${window}: opinion can move over so long.`);
  return verdict('fieldwork_window', 'pass', `${ran}, ${days} day${days === 1 ? '' : 's'}, within ${window}${rules.fieldworkWithinFinancialYear ? ` (${endYear})` : ''}.`);
}

function sentenceOf(overall: Comparability, conditions: readonly ConditionVerdict[], rules: ComparabilityRules): string {
  const named = (keep: (item: ConditionVerdict) => boolean) => conditions.filter(keep).map((item) => COMPARABILITY_CONDITION_LABELS[item.condition].toLowerCase());
  switch (overall) {
    case 'comparable':
      return 'Comparable: every condition passes.';
    case 'not_comparable':
      return `Not comparable: ${listOf(named((item) => item.outcome === 'fail' && rules.decisive.includes(item.condition)))} ${failVerb(conditions, rules)}.`;
    case 'comparable_with_caveats': {
      const failed = named((item) => item.outcome === 'fail');
      const unknown = named((item) => item.outcome === 'unknown');
      const parts = [failed.length > 0 ? `${listOf(failed)} ${failed.length === 1 ? 'fails' : 'fail'}` : null, unknown.length > 0 ? `${listOf(unknown)} cannot be judged` : null].filter(
        (part) => part !== null,
      );
      return `Comparable with caveats: ${parts.join('; ')}.`;
    }
    default: {
      const unknown: never = overall;
      throw new RangeError(`unknown comparability: ${String(unknown)}`);
    }
  }
}

function failVerb(conditions: readonly ConditionVerdict[], rules: ComparabilityRules): string {
  return conditions.filter((item) => item.outcome === 'fail' && rules.decisive.includes(item.condition)).length === 1 ? 'fails' : 'fail';
}

function placementOf(record: SurveyRecord, set: QuestionSet, question: Question): Placement | undefined {
  return record.placements.find((placement) => placement.setCode === set.code && placement.questionCode === question.code);
}

/**
 * Whether the words asked are the set's, ignoring case, spacing and the shape of
 * quotes and dashes; a bracketed placeholder such as "[name of council]" stands
 * for any words.
 */
export function wordingMatches(setWording: string, used: string): boolean {
  const pattern = normalise(setWording)
    .split(/\[[^\]]+\]/)
    .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
    .join('.+');
  return new RegExp(`^${pattern}$`).test(normalise(used));
}

function normalise(text: string): string {
  return text.toLowerCase().replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/[–—]/g, '-').replace(/\s+/g, ' ').trim();
}

function listOf(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]!}`;
}
