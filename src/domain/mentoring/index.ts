export {
  HELPFUL_ANSWERS,
  MENTEE_ROLES,
  MENTEE_ROLE_LABELS,
  checkArrangement,
  checkReview,
  checkSession,
  mentorConflicts,
  type ArrangementDraft,
  type HelpfulAnswer,
  type MenteeRole,
  type ReviewDraft,
  type SessionDraft,
} from './arrangement.ts';
