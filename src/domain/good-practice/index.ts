export {
  CASE_STUDY_SOURCES,
  CASE_STUDY_SOURCE_LABELS,
  LIMITS,
  checkCaseStudy,
  type CaseStudyDraft,
  type CaseStudySource,
  type CheckedCaseStudy,
  type ImprovedMetric,
  type ReadMetric,
} from './case-study.ts';
export { MODERATION_STATES, MODERATION_STATE_LABELS, MODERATION_STEPS, classificationOf, isEditable, moderate, type ModerationState, type ModerationStep, type Moved } from './moderation.ts';
