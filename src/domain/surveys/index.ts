export {
  COMPARABILITIES,
  COMPARABILITY_CONDITIONS,
  COMPARABILITY_CONDITION_LABELS,
  COMPARABILITY_LABELS,
  CONDITION_OUTCOMES,
  SAMPLINGS,
  SAMPLING_LABELS,
  SURVEY_METHODS,
  SURVEY_METHOD_LABELS,
  SURVEY_METHOD_PHRASES,
  isSampling,
  isSurveyMethod,
  type AnswerOption,
  type Comparability,
  type ComparabilityCondition,
  type ComparabilityVerdict,
  type ConditionOutcome,
  type ConditionVerdict,
  type FieldProblem,
  type Placement,
  type Question,
  type QuestionSet,
  type Sampling,
  type SurveyMethod,
  type SurveyRecord,
  type SurveyResult,
  type TrackerWave,
  type WeightedResult,
  type Weighting,
} from './types.ts';
export { checkNewVersion, questionOf, readQuestionSet, type ReadQuestionSet } from './question-set.ts';
export { checkResults, checkSurvey } from './survey-checks.ts';
export { COMPARABILITY_RULES, RESULTS_RULES, type ComparabilityRules, type ResultsRules, type WeightingVariable } from './survey-rules.ts';
export { daysInclusive, describeDay, financialYearOf, isIsoDate } from './fieldwork.ts';
export { effectiveBase, type EffectiveBase } from './effective-base.ts';
export { percentagePositive, type DontKnowRule, type PercentagePositive, type PercentagePositiveOptions } from './percentage-positive.ts';
export { poolResults, poolWaves, type PooledWaves, type Wave } from './pool-waves.ts';
export { COMPARABILITY_OVERALL_RULE, comparability, comparabilityOf, comparableWith, overallOf, wordingMatches } from './comparability.ts';
export { NATIONAL_POLL, compareWithCouncils, compareWithPoll, type CouncilFigure, type CouncilsComparison, type SurveyComparison } from './survey-comparison.ts';
export { describeWaveTrend, waveTrend, type WaveFigure, type WaveTrend, type WaveTrendWords } from './wave-trend.ts';
export { waveSeries, type SeriesCandidate, type WaveSeries } from './wave-series.ts';
