export { BEST_VALUE_THEMES, BEST_VALUE_THEME_LABELS, CAUSES, CAUSE_LABELS, type BestValueTheme, type Cause } from './causes.ts';
export {
  FLAG_RULES,
  NOT_FLAGGED_LABELS,
  NOT_FLAGGED_REASONS,
  fingerprintOf,
  flagOf,
  isFlag,
  notFlagged,
  type Finding,
  type Flag,
  type FlagRule,
  type FlagRuleId,
  type FlagValues,
  type NotFlagged,
  type NotFlaggedReason,
} from './flag.ts';
export {
  RESERVES_HORIZON_YEARS,
  RESILIENCE_MEASURES,
  USABLE_RESERVES,
  positionAmong,
  reservesFlag,
  reservesHorizon,
  resiliencePosition,
  type Position,
  type ReservesHorizon,
  type ResilienceMeasure,
  type ResiliencePosition,
} from './financial-resilience.ts';
export { COUNCIL_TYPE_NAMES, missingReturn, type DueReturn, type ReturnsReceived } from './missing-return.ts';
export { CHALLENGE_KIND_WORDS, gapFlag, noPeerChallengeFlags, noPeerChallengeSentence } from './no-peer-challenge.ts';
export { withMuting, type Acknowledgement, type ShownFlag } from './muting.ts';
export { RULES } from './rules.ts';
export { flagSentence, type SentenceMetric } from './sentences.ts';
export { inYearSpecialCause, inYearSpecialCauseOf, offTrajectoryFlag, worseAndWorseningFlag, type FlagMetric, type OffTrajectoryLine } from './service-flags.ts';
