// Resident surveys in IMPROVEMENT.md's words ("Resident surveys and councils'
// own data"): the question sets, a council's survey as it was run, its results
// as counts, and the shapes of the checks and verdicts read from them. Every
// shape is plain JSON (strings, numbers, arrays) so the store keeps a set, a
// record or a verdict as it is and the API returns it unchanged.

/** One answer on a question's scale: "Very satisfied", "Don't know". */
export interface AnswerOption {
  /** Stable within the question: 'very_satisfied'. Results count by this code. */
  readonly code: string;
  /** The words the respondent read. */
  readonly label: string;
  /** Counted in the percentage positive ("very or fairly satisfied"). */
  readonly positive: boolean;
  /** "Don't know" (or "no opinion"): left out of the base the percentage is of. */
  readonly dontKnow: boolean;
}

export interface Question {
  /** Stable within the set across versions: 'satisfied-with-local-area'. */
  readonly code: string;
  /** The wording as asked; a changed wording is a new version of the set. */
  readonly wording: string;
  /** In questionnaire order; at least one positive option. */
  readonly answerOptions: readonly AnswerOption[];
  /**
   * A standard question whose results may be set beside other councils'. A
   * council's own question is stored and shown to it, never benchmarked.
   */
  readonly benchmarkable: boolean;
  /** The hub metric its percentage positive becomes ('residents-satisfied-with-council'); null for none. */
  readonly metricCode: string | null;
}

/** A published set of questions at one version: the LGA's "Are you being served?" set, or a council's own. */
export interface QuestionSet {
  /** 'lga-resident-satisfaction'. */
  readonly code: string;
  /** A whole number from 1; a changed wording, scale or positive option is a new version. */
  readonly version: number;
  readonly title: string;
  /** Who publishes it and where: the guidance a research officer can open. */
  readonly source: string;
  readonly questions: readonly Question[];
}

export const SURVEY_METHODS = ['postal', 'online', 'telephone', 'face_to_face', 'mixed'] as const;
export type SurveyMethod = (typeof SURVEY_METHODS)[number];

export const SURVEY_METHOD_LABELS: Readonly<Record<SurveyMethod, string>> = {
  postal: 'Postal',
  online: 'Online',
  telephone: 'Telephone',
  face_to_face: 'Face to face',
  mixed: 'Mixed methods',
};

/** How a sentence says a survey was done: 'The survey was done by post'. */
export const SURVEY_METHOD_PHRASES: Readonly<Record<SurveyMethod, string>> = {
  postal: 'by post',
  online: 'online',
  telephone: 'by telephone',
  face_to_face: 'face to face',
  mixed: 'by mixed methods',
};

export function isSurveyMethod(text: string): text is SurveyMethod {
  return (SURVEY_METHODS as readonly string[]).includes(text);
}

/** Only a random probability sample supports intervals and comparison; quota and panels are described, not benchmarked. */
export const SAMPLINGS = ['random_probability', 'quota', 'opt_in_panel'] as const;
export type Sampling = (typeof SAMPLINGS)[number];

export const SAMPLING_LABELS: Readonly<Record<Sampling, string>> = {
  random_probability: 'Random probability sample',
  quota: 'Quota sample',
  opt_in_panel: 'Opt-in panel',
};

export function isSampling(text: string): text is Sampling {
  return (SAMPLINGS as readonly string[]).includes(text);
}

/**
 * How the achieved sample was weighted to the population. Weighting widens an
 * interval: the effective base (Kish, (Σw)² ÷ Σw²) is the sample size the
 * weighted results are as precise as.
 */
export type Weighting = { readonly kind: 'none' } | { readonly kind: 'weighted'; readonly variables: readonly string[]; readonly effectiveBase: number };

/** Where a set's question sat in the council's questionnaire, and how it was worded there. */
export interface Placement {
  readonly questionCode: string;
  readonly setCode: string;
  readonly setVersion: number;
  /** 1 for the questionnaire's first question, counting every question asked. */
  readonly position: number;
  /** 1 for the first of the set's standard questions asked, counting those alone. */
  readonly order: number;
  /** The words actually asked, to set against the set's wording. */
  readonly wordingUsed: string;
}

/** A wave of a tracker survey: 'Residents' panel', wave 3. */
export interface TrackerWave {
  readonly name: string;
  /** A whole number from 1. */
  readonly wave: number;
}

/**
 * A council's survey as it was run. A joint county and districts survey gives
 * one record per authority, each with its own achieved sample.
 */
export interface SurveyRecord {
  /** The council's area code (GSS): 'E07000223'. */
  readonly council: string;
  readonly method: SurveyMethod;
  /** ISO dates, 'YYYY-MM-DD', both days included. */
  readonly fieldworkStart: string;
  readonly fieldworkEnd: string;
  readonly sampling: Sampling;
  /** Completed questionnaires. */
  readonly achievedSample: number;
  readonly weighting: Weighting;
  readonly placements: readonly Placement[];
  /** The wave, for a tracker; null for a one-off survey. */
  readonly tracker: TrackerWave | null;
}

/** Weighted results of one question: percentages per option code, and the effective base they are as precise as. */
export interface WeightedResult {
  readonly percentages: Readonly<Record<string, number>>;
  readonly effectiveBase: number;
}

/** The answers to one question: unweighted counts per option code, whose sum is the base. */
export interface SurveyResult {
  readonly questionCode: string;
  readonly counts: Readonly<Record<string, number>>;
  /** Respondents who answered the question, "don't know" included. */
  readonly base: number;
  /** Present when the survey was weighted. */
  readonly weighted: WeightedResult | null;
}

/** A refusal that names where the problem is, as a form names it: 'results[satisfied-with-council].base'. */
export interface FieldProblem {
  readonly field: string;
  readonly message: string;
}

/** The conditions for fair comparison that IMPROVEMENT.md lists, each judged on its own. */
export const COMPARABILITY_CONDITIONS = ['method', 'random_sampling', 'minimum_base', 'position_and_order', 'wording_version', 'weighting', 'fieldwork_window'] as const;
export type ComparabilityCondition = (typeof COMPARABILITY_CONDITIONS)[number];

export const COMPARABILITY_CONDITION_LABELS: Readonly<Record<ComparabilityCondition, string>> = {
  method: 'Method',
  random_sampling: 'Random sampling',
  minimum_base: 'Minimum base',
  position_and_order: 'Position and order of questions',
  wording_version: 'Wording',
  weighting: 'Weighting',
  fieldwork_window: 'Fieldwork window',
};

/** unknown: the record does not say enough to judge, which is not the same as failing. */
export const CONDITION_OUTCOMES = ['pass', 'fail', 'unknown'] as const;
export type ConditionOutcome = (typeof CONDITION_OUTCOMES)[number];

export const COMPARABILITIES = ['comparable', 'comparable_with_caveats', 'not_comparable'] as const;
export type Comparability = (typeof COMPARABILITIES)[number];

export const COMPARABILITY_LABELS: Readonly<Record<Comparability, string>> = {
  comparable: 'Comparable',
  comparable_with_caveats: 'Comparable with caveats',
  not_comparable: 'Not comparable',
};

export interface ConditionVerdict {
  readonly condition: ComparabilityCondition;
  readonly outcome: ConditionOutcome;
  /** In plain words a research officer understands: "Fieldwork ran from … to …, outside the window of …". */
  readonly reason: string;
}

/** A survey's comparability, with the rule (code and version) that made it and a reason for each condition. */
export interface ComparabilityVerdict {
  readonly rule: { readonly code: string; readonly version: number };
  readonly overall: Comparability;
  readonly conditions: readonly ConditionVerdict[];
  /** The overall verdict in a sentence, naming the conditions that decided it. */
  readonly sentence: string;
}
