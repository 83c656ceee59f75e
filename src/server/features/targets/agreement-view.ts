// An agreement as it is read: its partners, versions and targets, each target
// with its ratings (each beside the words of the rule that made it) and its
// latest review. A target's reason for being worse than its baseline, and a
// review's narrative and risks, are shown only to those the policy lets read
// them (the partners, the government office, inspectorates) unless the
// review was published; every such read of a draft is in the audit trail.
import { AGREEMENT_STATUS_LABELS, LIKELIHOOD_LABELS, type Rating } from '../../../domain/targets/index.ts';
import { versionsOf, type Agreement } from '../../../store/agreements.ts';
import type { Sql } from '../../../store/store.ts';
import { changesOf, latestReviews, reviewsOf, targetByReference, targetsOf, type ProgressReview, type StoredTarget } from '../../../store/targets.ts';
import { notSeen, type RequestAccess } from '../../platform/access/index.ts';
import { reasonsRecord } from './agreement-record.ts';
import { findAgreement } from './agreements.ts';
import { targetOf } from './targets.ts';

/** One area's rating of a target at a period, with the rule's words beside it (the engine's progress, labelled). */
export interface AreaRating {
  readonly area: string;
  readonly period: string | null;
  readonly rating: Rating;
  readonly label: string;
  /** The actual it was rated on, and where the trajectory says it should be; absent (or null) where there is none. */
  readonly actual?: number | null;
  readonly expected?: number | null;
}

/** Rates an agreement's targets from the figures the hub holds (the engine's target progress); none until it can. */
export type RateTargets = (agreement: Agreement, targets: readonly StoredTarget[]) => ReadonlyMap<number, readonly AreaRating[]>;

export const NOT_YET_RATED: RateTargets = () => new Map();

export async function readAgreement(sql: Sql, access: RequestAccess, idText: unknown, rate: RateTargets = NOT_YET_RATED) {
  const agreement = await findAgreement(sql, access, idText, 'read');
  const targets = await targetsOf(sql, agreement.id);
  const reviews = await latestReviews(
    sql,
    targets.map((t) => t.id),
  );
  const ratings = rate(agreement, targets);
  const reasons = access.may('read', reasonsRecord(agreement));
  return {
    ...agreementJson(agreement),
    versions: await versionsOf(sql, agreement.id),
    targets: targets.map((t) => ({ ...targetJson(agreement, t, reasons), ratings: ratings.get(t.id) ?? [], latestReview: reviewJson(reviews.get(t.id), reasons) })),
  };
}

/**
 * One target with its history: its ratings, every review (newest first) and
 * every change of a refresh with its old and new values, reason, proposer and
 * approver. The path may name the target by id, or by its reference or a
 * former one ("NI 56"), so that old reference numbers resolve.
 */
export async function readTarget(sql: Sql, access: RequestAccess, agreementIdText: unknown, targetText: unknown, rate: RateTargets = NOT_YET_RATED) {
  const agreement = await findAgreement(sql, access, agreementIdText, 'read');
  const text = String(targetText);
  const target = /^\d+$/.test(text) ? await targetOf(sql, agreement, text) : await targetByReference(sql, agreement.id, text);
  if (!target) throw notSeen(`target ${text.slice(0, 40)} of agreement ${agreement.id}`);
  const reasons = access.may('read', reasonsRecord(agreement));
  return {
    ...targetJson(agreement, target, reasons),
    agreement: { id: agreement.id, title: agreement.title, status: agreement.status, version: agreement.version },
    ratings: rate(agreement, [target]).get(target.id) ?? [],
    reviews: (await reviewsOf(sql, target.id)).map((r) => reviewJson(r, reasons)),
    changes: await changesOf(sql, target.id),
  };
}

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
    partners: agreement.partners,
    revision: agreement.revision,
    updatedBy: agreement.updatedBy,
    updatedAt: agreement.updatedAt,
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
    baseline: target.baselinePeriod === null ? null : { period: target.baselinePeriod, value: target.baselineValue },
    target: { period: target.targetPeriod, value: target.targetValue },
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
