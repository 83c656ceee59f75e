// Progress reviews: the lead partner's likelihood of delivery on the
// five-point scale, always with the narrative that explains it, its actions
// (owner, due date; an action keeps its id from review to review) and risks.
// A review freezes the target's line and ratings as they were on its date:
// they are never worked out again, so judgement and arithmetic can be set
// side by side later. The narrative and risks stay with the partners and
// those who oversee the agreement unless the review is published.
import { LIKELIHOOD_LABELS } from '../../../domain/targets/index.ts';
import type { Sql } from '../../../store/store.ts';
import { createReview, type ProgressReview } from '../../../store/targets.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { badRequest } from '../../platform/http/http-error.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { reviewRecord } from '../../platform/agreements/agreement-record.ts';
import { NOT_YET_RATED, type RateTargets } from '../../platform/agreements/agreement-json.ts';
import { findAgreement } from './agreements.ts';
import { reviewBody } from './api-inputs.ts';
import { targetOf } from './targets.ts';

export async function recordReview(sql: Sql, access: RequestAccess, agreementIdText: unknown, targetIdText: unknown, body: unknown, rate: RateTargets = NOT_YET_RATED): Promise<ProgressReview> {
  const agreement = await findAgreement(sql, access, agreementIdText, 'read');
  const target = await targetOf(sql, agreement, targetIdText);
  access.require('change', reviewRecord(agreement), `agreement ${agreement.id}`);
  const given = checked(reviewBody, body);
  const narrative = given.narrative?.trim() ?? '';
  if (narrative === '') throw badRequest(`'narrative' is required: say why delivery is judged ${LIKELIHOOD_LABELS[given.likelihood]}`);
  if (narrative.length > 5000) throw badRequest("'narrative' is longer than 5000 characters");
  const actions = (given.actions ?? []).map((a, i) => ({ id: a.id ?? `${target.id}-${i + 1}`, action: a.action, owner: a.owner, due: a.due }));
  const frozen = {
    reference: target.reference,
    metric: target.metricCode,
    baseline: target.baselinePeriod === null ? null : { period: target.baselinePeriod, value: target.baselineValue },
    target: { period: target.targetPeriod, value: target.targetValue },
    trajectory: target.trajectory,
    toleranceRule: target.toleranceRule,
    ratings: rate(agreement, [target]).get(target.id) ?? [],
  };
  return sql.begin(async (tx) => {
    const review = await createReview(
      tx,
      { targetId: target.id, reviewedOn: given.reviewedOn, likelihood: given.likelihood, narrative, actions, risks: given.risks ?? null, frozen, published: given.published ?? false },
      access.actor.actor,
    );
    await access.audit(tx, 'change', 'progress_review', String(review.id), `reviewed target ${target.reference}: ${LIKELIHOOD_LABELS[given.likelihood]}`);
    return review;
  });
}
