export { problem, type Problem } from './problem.ts';
export {
  COST_KINDS,
  OFFER_KINDS,
  PROVIDER_KINDS,
  checkRequest,
  eligibleOffers,
  readSupportOffer,
  whyNotEligible,
  type AvailableOffer,
  type Contact,
  type Cost,
  type CostKind,
  type Eligibility,
  type Entitlement,
  type Offer,
  type OfferCouncil,
  type OfferKind,
  type OfferRequestDraft,
  type OfferUse,
  type Provider,
  type ProviderKind,
  type SupportOffer,
} from './offer.ts';
export {
  AGREEMENT,
  RATING_RULE,
  REQUEST_STATES,
  advanceRequest,
  ratingVerdict,
  type Agreement,
  type OfferRequest,
  type Rating,
  type RatingRule,
  type RatingVerdict,
  type RequestEvent,
  type RequestState,
  type RequestStep,
} from './offer-request.ts';
export { CHALLENGE_KINDS, FIVE_CORE_ELEMENTS, FOCUS_AREA_LABELS, FOCUS_RULES, FOCUS_RULES_2011, checkFocus, isChallengeKind, type ChallengeKind, type FocusRule, type FocusRules } from './focus.ts';
export { PEER_ROLES, PEER_ROLE_LABELS, isMemberPeer, overlaps, type DateSpan, type DeclaredConflict, type Peer, type PeerRole } from './peer.ts';
export { COMPOSITION_RULE, checkComposition, type CompositionRule, type Place, type TeamMember } from './team-composition.ts';
export {
  MAX_DAYS_ON_SITE,
  STAGES,
  STAGE_LABELS,
  advance,
  checkOnSite,
  enquiry,
  eventsFrom,
  type Challenge,
  type ChallengeEvent,
  type ChallengeStep,
  type LifecycleRules,
  type Stage,
} from './lifecycle.ts';
export { CHILDRENS_AUTHORITIES } from './authorities.ts';
export {
  DEADLINE_RULES,
  DUE_ITEMS,
  DUE_ITEM_LABELS,
  dueDates,
  dueStatus,
  moveDueDates,
  overdueItems,
  type CadenceRule,
  type DeadlineRules,
  type DueDate,
  type DueDateMove,
  type DueItem,
  type DueRule,
  type DueStatus,
} from './deadlines.ts';
export {
  CADENCE_STATUSES,
  DUE_AHEAD_MONTHS,
  attentionOf,
  councilCadence,
  councilsWithoutChallenge,
  type AttentionReason,
  type CadenceCouncil,
  type CadenceStatus,
  type CadenceVerdict,
  type ChallengeGap,
  type HistoryHeld,
} from './cadence.ts';
export { CONFLICT_KINDS, conflictsOf, type Conflict, type ConflictKind, type CouncilPlace, type Places } from './conflicts.ts';
export { checkTeam, suggestTeam, type Booking, type Candidate, type Clash, type Exclusion, type TeamChallenge, type TeamSuggestion } from './team-suggestion.ts';
export {
  RECIPIENT_KINDS,
  checkAllocation,
  checkBudget,
  checkSpend,
  fundingPosition,
  money,
  type Allocation,
  type AllocationDraft,
  type AllocationPosition,
  type Budget,
  type FundingPosition,
  type RecipientKind,
} from './funding.ts';
export { allocationChanges, budgetChanges, checkBudgetChange, type AllocationFields, type FieldChange } from './funding-changes.ts';
export { DATA_PACK_RULES, packMetrics, type DataPackRules, type PackMetricCandidate } from './data-pack.ts';
