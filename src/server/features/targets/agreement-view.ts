// An agreement as it is read: its partners, versions and targets, each target
// with its ratings (each beside the words of the rule that made it), its
// latest review and, once the agreement is closed, its frozen outcomes. A target's reason for being worse than its baseline, and a
// review's narrative and risks, are shown only to those the policy lets read
// them (the partners, the government office, inspectorates) unless the
// review was published; every such read of a draft is in the audit trail.
import { agreementChangesOf } from '../../../store/agreement-changes.ts';
import { versionsOf } from '../../../store/agreements.ts';
import type { Sql } from '../../../store/store.ts';
import { changesOf, latestReviews, reviewsOf, targetByReference, targetLineage, targetsOf, type StoredTarget } from '../../../store/targets.ts';
import { getAgreement } from '../../../store/agreements.ts';
import { notSeen, type RequestAccess } from '../../platform/access/index.ts';
import { reasonsRecord, targetRecord } from '../../platform/agreements/agreement-record.ts';
import { readableRatings } from '../../platform/agreements/withheld.ts';
import { agreementJson, NOT_YET_RATED, reviewJson, targetJson, type RateTargets } from '../../platform/agreements/agreement-json.ts';
import { shownToViewer, type ShownAgreement } from '../../platform/agreements/signed-view.ts';
import { findAgreement } from './agreements.ts';
import { outcomesFor } from './outcomes.ts';
import { targetOf } from './targets.ts';

export async function readAgreement(sql: Sql, access: RequestAccess, idText: unknown, rate: RateTargets = NOT_YET_RATED) {
  return agreementView(sql, access, await shownAgreement(sql, access, idText), rate);
}

/** The agreement the path names, and its targets, as the viewer reads them: in a refresh, the public reads what was last signed off. */
export async function shownAgreement(sql: Sql, access: RequestAccess, idText: unknown): Promise<ShownAgreement> {
  const agreement = await findAgreement(sql, access, idText, 'read');
  const [shown] = await shownToViewer(sql, access, [agreement], await targetsOf(sql, agreement.id));
  return shown!;
}

export async function agreementView(sql: Sql, access: RequestAccess, { agreement, targets, asSigned }: ShownAgreement, everyRating: RateTargets = NOT_YET_RATED) {
  const { rate } = await readableRatings(sql, access, everyRating, targets);
  const reviews = await latestReviews(
    sql,
    targets.map((t) => t.id),
  );
  const ratings = rate(agreement, targets);
  const outcomes = await outcomesFor(sql, agreement, targets, rate);
  const reasons = access.may('read', reasonsRecord(agreement));
  return {
    ...agreementJson(agreement),
    versions: await versionsOf(sql, agreement.id),
    // Changes to its own fields in a refresh, with their reasons; those of a refresh still under way only to those who read it.
    changes: (await agreementChangesOf(sql, agreement.id)).filter((c) => asSigned === null || c.version <= asSigned),
    targets: targets.map((t) => ({
      ...targetJson(agreement, t, reasons),
      ratings: ratings.get(t.id) ?? [],
      latestReview: reviewJson(reviews.get(t.id), reasons),
      outcomes: outcomes.get(t.id) ?? [],
    })),
  };
}

/**
 * One target with its history: its ratings, every review (newest first) and
 * every change of a refresh with its old and new values, reason, proposer and
 * approver. The path may name the target by id, or by its reference or a
 * former one ("NI 56"), so that old reference numbers resolve.
 */
export async function readTarget(sql: Sql, access: RequestAccess, agreementIdText: unknown, targetText: unknown, everyRating: RateTargets = NOT_YET_RATED) {
  const { agreement, asSigned, targets } = await shownAgreement(sql, access, agreementIdText);
  const text = String(targetText);
  const found = /^\d+$/.test(text) ? await targetOf(sql, agreement, text) : await targetByReference(sql, agreement.id, text);
  // As signed, for those who do not read the refresh under way: a target it added is not yet there, a changed one as it was.
  const target = asSigned === null ? found : targets.find((t) => t.id === found?.id);
  if (!target) throw notSeen(`target ${text.slice(0, 40)} of agreement ${agreement.id}`);
  const { rate } = await readableRatings(sql, access, everyRating, [target]);
  const reasons = access.may('read', reasonsRecord(agreement));
  return {
    ...targetJson(agreement, target, reasons),
    agreement: { id: agreement.id, title: agreement.title, status: agreement.status, version: agreement.version },
    ratings: rate(agreement, [target]).get(target.id) ?? [],
    outcomes: (await outcomesFor(sql, agreement, [target], rate)).get(target.id) ?? [],
    reviews: (await reviewsOf(sql, target.id)).map((r) => reviewJson(r, reasons)),
    changes: (await changesOf(sql, target.id)).filter((c) => asSigned === null || c.version <= asSigned),
    ...(await lineageOf(sql, access, target.id)),
  };
}

/**
 * Where a target's metric was replaced: the targets it continues and those
 * that continue it, each the viewer may read, so that its history follows the
 * chain; each earlier target with its own reviews and refresh changes.
 */
export async function lineageOf(sql: Sql, access: RequestAccess, id: number) {
  const { continues, continuedBy } = await targetLineage(sql, id);
  const readable = async (targets: readonly StoredTarget[]) => {
    const shown: StoredTarget[] = [];
    for (const target of targets) {
      const agreement = await getAgreement(sql, target.agreementId);
      if (agreement && access.may('read', targetRecord(agreement))) shown.push(target);
    }
    return shown;
  };
  const link = (t: StoredTarget) => ({ id: t.id, agreementId: t.agreementId, reference: t.reference, metric: t.metricCode });
  const earlier = await readable(continues);
  return {
    continues: await Promise.all(
      earlier.map(async (t) => ({
        ...link(t),
        reviews: (await reviewsOf(sql, t.id)).map((r) => ({ reviewedOn: r.reviewedOn, likelihood: r.likelihood })),
        changes: (await changesOf(sql, t.id)).map((c) => ({ field: c.field, oldValue: c.oldValue, newValue: c.newValue, reason: c.reason, changedOn: c.changedOn })),
      })),
    ),
    continuedBy: (await readable(continuedBy)).map(link),
  };
}
