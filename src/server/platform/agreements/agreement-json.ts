// An agreement, its targets and reviews as every feature shows them: the JSON
// of the API, which the pages and the monitoring views read too, and the
// ratings beside each target (each with the words of the rule that made it).
import { AGREEMENT_STATUS_LABELS, LIKELIHOOD_LABELS, describeRewardRule, type Rating } from '../../../domain/targets/index.ts';
import type { RatingReach } from '../../../engine/target-progress.ts';
import type { Agreement } from '../../../store/agreements.ts';
import type { ProgressReview, StoredTarget } from '../../../store/targets.ts';

/** One area's rating of a target at a period, with the rule's words beside it (the engine's progress, labelled). */
export interface AreaRating {
  readonly area: string;
  readonly period: string | null;
  readonly rating: Rating;
  readonly label: string;
  /** The actual it was rated on, and where the trajectory says it should be; absent (or null) where there is none. */
  readonly actual?: number | null;
  readonly expected?: number | null;
  /** Actual against the trajectory, positive when better; absent (or null) where either is missing. */
  readonly gap?: number | null;
}

/**
 * Rates an agreement's targets from the figures the hub holds (the engine's
 * target progress); none until it can. With `{ final: true }`, on the latest
 * actual at or before each target period, as an outcome is judged.
 */
export type RateTargets = (agreement: Agreement, targets: readonly StoredTarget[], reach?: RatingReach) => ReadonlyMap<number, readonly AreaRating[]>;

export const NOT_YET_RATED: RateTargets = () => new Map();

export function agreementJson(agreement: Agreement) {
  return {
    id: agreement.id,
    kind: agreement.kind,
    title: agreement.title,
    council: { id: agreement.organisationId, name: agreement.organisationName },
    planYears: { first: agreement.firstYear, last: agreement.lastYear },
    status: agreement.status,
    statusLabel: AGREEMENT_STATUS_LABELS[agreement.status],
    version: agreement.version,
    areas: agreement.areas,
    designatedCap: agreement.designatedCap,
    rewardRule: { ...agreement.rewardRule, words: describeRewardRule(agreement.rewardRule) },
    partners: agreement.partners,
    revision: agreement.revision,
    updatedBy: agreement.updatedBy,
    updatedAt: agreement.updatedAt,
  };
}

/** A target's baseline (none without its period) and the figure it aims at, as the API and a review's frozen copy give them. */
export function plannedFigures(target: StoredTarget) {
  return {
    baseline: target.baselinePeriod === null ? null : { period: target.baselinePeriod, value: target.baselineValue },
    target: { period: target.targetPeriod, value: target.targetValue },
  };
}

export function targetJson(agreement: Agreement, target: StoredTarget, reasons: boolean) {
  const partner = (id: number) => agreement.partners.find((p) => p.id === id)?.name ?? null;
  return {
    id: target.id,
    reference: target.reference,
    formerReferences: target.formerReferences,
    metric: target.metricCode,
    areas: target.areas,
    kind: target.kind,
    indicatorRole: target.indicatorRole,
    ...plannedFigures(target),
    trajectoryShape: target.trajectoryShape,
    trajectory: target.trajectory,
    leadPartner: partner(target.leadPartnerId),
    contributingPartners: target.contributingPartnerIds.map(partner),
    toleranceRule: target.toleranceRule,
    placeholderDue: target.placeholderDue,
    worseThanBaselineReason: reasons ? target.worseReason : target.worseReason === null ? null : 'withheld',
    replacesTarget: target.replacesTargetId,
    revision: target.revision,
    updatedBy: target.updatedBy,
    updatedAt: target.updatedAt,
  };
}

/** A review: its likelihood is public with the targets; its narrative and risks only to those who may read them, or once published. */
export function reviewJson(review: ProgressReview | undefined, reasons: boolean) {
  if (!review) return null;
  const shown = reasons || review.published;
  return {
    id: review.id,
    reviewedOn: review.reviewedOn,
    likelihood: review.likelihood,
    likelihoodLabel: LIKELIHOOD_LABELS[review.likelihood],
    narrative: shown ? review.narrative : null,
    risks: shown ? review.risks : null,
    actions: review.actions,
    frozen: review.frozen,
    published: review.published,
    recordedBy: review.recordedBy,
    recordedAt: review.recordedAt,
  };
}
