/*
 * A council's survey result set beside the LGA's national poll and beside
 * comparable councils, with significance as the benchmark engine judges every
 * other figure: compareToBenchmark (the council's interval against the reference
 * value, an interval that touches it "similar"). No second rule is written here;
 * this file only chooses what is fair to compare.
 *
 * The national poll is held as a reference series of rounds (each a SurveyResult
 * of counts); the rounds given are pooled from counts (poolResults) into the
 * reference figure, so a year's three rounds are one figure, not an average of
 * three.
 *
 * Comparable councils are those whose own verdict is not "not comparable" and
 * whose method may be compared with this council's (comparableWith); a figure
 * with no survey record behind it is left out, as its fairness is not known. Their
 * reference figure is the mean of their percentages, as a comparator group's
 * average is the mean of its members' values (summariseGroup). Councils left out
 * are listed with the reason, so a reader can see who the figure is without.
 *
 * A council's own result that is not comparable is not compared at all
 * ('not_compared', with the verdict's sentence): a significance would claim a
 * fair test that was never possible.
 */
import { compareToBenchmark, describeSignificance, summariseGroup, type Significance } from '../benchmark/index.ts';
import type { Polarity } from '../metric/index.ts';
import { comparableWith } from './comparability.ts';
import { percentagePositive, type PercentagePositive, type PercentagePositiveOptions } from './percentage-positive.ts';
import { poolResults } from './pool-waves.ts';
import { COMPARABILITY_RULES, type ComparabilityRules } from './survey-rules.ts';
import { SURVEY_METHOD_PHRASES, type ComparabilityVerdict, type Question, type SurveyMethod, type SurveyResult } from './types.ts';

export interface SurveyComparison {
  /** What the result is compared with: 'the national poll', 'comparable councils in the South East'. */
  readonly reference: string;
  /** The reference's percentage positive, or null when it has none. */
  readonly benchmark: number | null;
  readonly significance: Significance;
  readonly sentence: string;
}

/**
 * Another council's result, with its verdict and method, as a candidate for
 * comparison; method and verdict are null where no survey record stands behind
 * the figure (a value loaded from a file), which is then left out, since whether
 * it is fair to compare cannot be known.
 */
export interface CouncilFigure {
  readonly council: string;
  readonly method: SurveyMethod | null;
  readonly verdict: ComparabilityVerdict | null;
  readonly figure: PercentagePositive;
}

export interface CouncilsComparison extends SurveyComparison {
  /** The councils whose figures made the reference. */
  readonly councils: readonly string[];
  readonly leftOut: readonly { readonly council: string; readonly reason: string }[];
}

export const NATIONAL_POLL = 'the national poll';

/** The council's result against the national poll's rounds, pooled from counts. */
export function compareWithPoll(
  question: Question,
  own: PercentagePositive,
  verdict: ComparabilityVerdict,
  pollRounds: readonly SurveyResult[],
  options: PercentagePositiveOptions & { readonly polarity?: Polarity } = {},
): SurveyComparison {
  if (verdict.overall === 'not_comparable') return notCompared(NATIONAL_POLL, verdict.sentence);
  const rounds = pollRounds.filter((round) => round.questionCode === question.code);
  if (rounds.length === 0) return notCompared(NATIONAL_POLL, `The national poll has no results for question '${question.code}'.`);
  const poll = percentagePositive(question, poolResults(rounds), { ...options, level: own.kind === 'ok' ? own.level : options.level });
  return compareWith(own, poll.kind === 'ok' ? poll.percent : null, NATIONAL_POLL, options.polarity);
}

/** The council's result against the mean of comparable councils' results in a group. */
export function compareWithCouncils(
  own: PercentagePositive,
  ownVerdict: ComparabilityVerdict,
  ownMethod: SurveyMethod,
  others: readonly CouncilFigure[],
  groupName: string,
  options: { readonly polarity?: Polarity; readonly rules?: ComparabilityRules } = {},
): CouncilsComparison {
  const rules = options.rules ?? COMPARABILITY_RULES;
  const leftOut: { council: string; reason: string }[] = [];
  const kept: { council: string; percent: number }[] = [];
  for (const other of others) {
    const reason = reasonLeftOut(other, ownMethod, rules);
    if (reason === null && other.figure.kind === 'ok') kept.push({ council: other.council, percent: other.figure.percent });
    else leftOut.push({ council: other.council, reason: reason ?? 'It has no percentage positive for this question.' });
  }
  const reference = `comparable councils in ${groupName}`;
  const councils = Object.freeze(kept.map((item) => item.council));
  const frozenLeftOut = Object.freeze(leftOut.map((item) => Object.freeze(item)));
  if (ownVerdict.overall === 'not_comparable') return Object.freeze({ ...notCompared(reference, ownVerdict.sentence), councils, leftOut: frozenLeftOut });
  if (kept.length === 0) return Object.freeze({ ...notCompared(reference, 'none of its councils has a result that can fairly be compared.'), councils, leftOut: frozenLeftOut });
  const group = summariseGroup(kept.map((item) => item.percent));
  const mean = group.kind === 'ok' ? group.mean : null;
  return Object.freeze({ ...compareWith(own, mean, reference, options.polarity), councils, leftOut: frozenLeftOut });
}

function reasonLeftOut(other: CouncilFigure, ownMethod: SurveyMethod, rules: ComparabilityRules): string | null {
  if (other.verdict === null || other.method === null) return 'No survey record stands behind its figure, so whether it can fairly be compared is not known.';
  if (other.verdict.overall === 'not_comparable') return other.verdict.sentence;
  if (!comparableWith(ownMethod, other.method, rules)) return `Its survey was done ${SURVEY_METHOD_PHRASES[other.method]}, not ${SURVEY_METHOD_PHRASES[ownMethod]}.`;
  return null;
}

function compareWith(own: PercentagePositive, benchmark: number | null, reference: string, polarity: Polarity = 'higher_is_better'): SurveyComparison {
  const significance =
    own.kind === 'ok'
      ? compareToBenchmark({ value: own.percent, lower: own.lower, upper: own.upper, benchmark, polarity })
      : compareToBenchmark({ value: null, lower: null, upper: null, benchmark, polarity });
  return Object.freeze({ reference, benchmark, significance, sentence: `${describeSignificance(significance, reference)}.` });
}

function notCompared(reference: string, why: string): SurveyComparison {
  return Object.freeze({ reference, benchmark: null, significance: 'not_compared', sentence: `${describeSignificance('not_compared', reference)}: ${why}` });
}
