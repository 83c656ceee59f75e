/*
 * The numbers surveys are judged by, as versioned data rather than constants in
 * the checks: a verdict names the rule and version that made it, and a change of
 * threshold is a new version, so an old verdict can still be explained.
 *
 * Two rules, because they answer two questions:
 *   - results rules: what Lantern will store at all. Its minimum base is Lantern's
 *     own floor, not the LGA's: below 100 answers a 95% Wilson interval around 50%
 *     runs from 40.4% to 59.6%, wider than ±9.6 points, and a percentage that loose
 *     says little to anyone reading it.
 *   - comparability rules: what may be set beside the LGA's national telephone poll
 *     and other councils. Today's defaults are the LGA's 2021 guidance as best
 *     known (data/surveys/PROVENANCE.md names it); each threshold says where it
 *     comes from.
 */
import type { ComparabilityCondition, SurveyMethod } from './types.ts';

export interface ResultsRules {
  readonly code: string;
  readonly version: number;
  /** The fewest answers to a question, and completed questionnaires, Lantern stores a result for. */
  readonly minimumBase: number;
  readonly minimumBaseSource: string;
}

export const RESULTS_RULES: ResultsRules = Object.freeze({
  code: 'survey-results',
  version: 1,
  minimumBase: 100,
  minimumBaseSource:
    "Lantern's own floor: below 100 answers a 95% interval around 50% is wider than ±9.6 percentage points (Wilson, 50 of 100: 40.4% to 59.6%), too wide to tell one council from another.",
});

/** A weighting variable the rule asks for, and the names a survey record may give it. */
export interface WeightingVariable {
  readonly name: string;
  readonly accepts: readonly string[];
}

export interface ComparabilityRules {
  readonly code: string;
  readonly version: number;
  readonly source: string;
  /** The methods whose results may be set beside the reference series (the LGA's poll is by telephone). */
  readonly methods: readonly SurveyMethod[];
  /** The fewest answers to a question for its result to be benchmarked. */
  readonly minimumBase: number;
  readonly minimumBaseSource: string;
  /**
   * What is set against the minimum for a weighted result: its effective base (as
   * precise as that many answers) or its answers.
   */
  readonly minimumBaseOn: 'effective_base' | 'answers';
  /** The set's questions must come first in the questionnaire, before anything else is asked, in the set's order. */
  readonly standardQuestionsFirst: boolean;
  /** The variables a survey must be weighted by, to match the population as the poll does. */
  readonly weightingVariables: readonly WeightingVariable[];
  readonly weightingSource: string;
  /** The longest fieldwork, in days, both ends included. */
  readonly fieldworkMaxDays: number;
  /** Fieldwork within one financial year (1 April to 31 March), the period results are published for. */
  readonly fieldworkWithinFinancialYear: boolean;
  readonly fieldworkSource: string;
  /**
   * The conditions whose failure makes a survey not comparable. A failure of any
   * other condition, or any condition unknown, makes it comparable with caveats.
   */
  readonly decisive: readonly ComparabilityCondition[];
  /** Pairs of different methods allowed to be compared with each other; none by default. */
  readonly comparableMethodPairs: readonly (readonly [SurveyMethod, SurveyMethod])[];
}

export const COMPARABILITY_RULES: ComparabilityRules = Object.freeze({
  code: 'lga-benchmarking',
  version: 1,
  source: 'Local Government Association, Benchmarking resident satisfaction data: question set and guidance, July 2021',
  methods: Object.freeze(['telephone'] as const),
  minimumBase: 500,
  minimumBaseSource:
    "The LGA's advice to councils surveying residents: a random sample of at least about 500 (local.gov.uk, understanding residents' views). Judged on the effective base where weighted, since weighted answers are only as precise as it (Lantern's reading).",
  minimumBaseOn: 'effective_base',
  standardQuestionsFirst: true,
  weightingVariables: Object.freeze([Object.freeze({ name: 'age', accepts: Object.freeze(['age', 'age group']) }), Object.freeze({ name: 'sex', accepts: Object.freeze(['sex', 'gender']) })]),
  weightingSource: "The LGA's national poll is weighted to the adult population; age and sex are the least a local survey needs to match it (Lantern's reading of the guidance).",
  fieldworkMaxDays: 92,
  fieldworkWithinFinancialYear: true,
  fieldworkSource:
    "The poll runs three rounds a year, so about three months of fieldwork matches one round's season; results are published by financial year (LG Inform's upload rules), so fieldwork across two years belongs to neither. Lantern's reading.",
  decisive: Object.freeze(['method', 'random_sampling', 'minimum_base', 'position_and_order', 'wording_version'] as const),
  comparableMethodPairs: Object.freeze([]),
});
