export { CLASSIFICATIONS, CLASSIFICATION_LABELS, isClassification, isClassified, type Classification } from './classification.ts';
export { describeDenial } from './describe-denial.ts';
export { classificationAt, metricClassification } from './embargo.ts';
export { guardedRecord, type GuardedRecord } from './guarded-record.ts';
export {
  CAUSE_OF_RISK_FACTOR,
  MAX_EVIDENCE,
  NOTE_LENGTH,
  RISK_FACTORS,
  USUAL_THEME,
  checkIntelligenceItem,
  isBestValueTheme,
  isCause,
  isRiskFactor,
  riskFactorOf,
  type Evidence,
  type IntelligenceCheck,
  type IntelligenceDraft,
  type Problem,
  type RiskFactor,
} from './intelligence-item.ts';
export { STALE_AFTER_MONTHS, itemReview, staleFrom, type ItemReview } from './item-review.ts';
export { PERSON_BEHIND, SERVER_DETAILS, emailOfActor, isServerPath, nameOfActor } from './provenance.ts';
export { DENIAL_REASONS, decide, permits, type Decision, type DenialReason } from './policy.ts';
export { ACTIONS, RECORD_KINDS, RECORD_KIND_LABELS, isAction, isRecordKind, type Action, type RecordKind } from './record-kind.ts';
export { ORGANISATION_KINDS, ORGANISATION_KIND_LABELS, ROLES, ROLE_LABELS, isOrganisationKind, isRole, roleFitsOrganisation, rolesFor, type OrganisationKind, type Role } from './roles.ts';
export { PUBLIC_VIEWER, SESSION_ACTIONS, type PublicViewer, type UserViewer, type Viewer } from './viewer.ts';
