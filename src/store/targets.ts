// Targets of an agreement, their progress reviews and the log of changes made
// to them in a refresh. A target keeps its id for life; a renumbered one
// keeps its old reference numbers, so that they still resolve. Reviews and
// changes are only ever added (the migration's triggers refuse the rest).
import type { IndicatorRole, Likelihood, PeriodValue, TargetKind, ToleranceRule, TrajectoryShape } from '../domain/targets/index.ts';
import type { Db } from './store.ts';

export interface StoredTarget {
  readonly id: number;
  readonly agreementId: number;
  readonly reference: string;
  readonly formerReferences: readonly string[];
  readonly metricCode: string;
  readonly areas: readonly string[];
  readonly kind: TargetKind;
  readonly indicatorRole: IndicatorRole;
  readonly baselinePeriod: string | null;
  readonly baselineValue: number | null;
  readonly targetPeriod: string;
  readonly targetValue: number | null;
  readonly trajectoryShape: TrajectoryShape;
  readonly trajectory: readonly PeriodValue[];
  readonly leadPartnerId: number;
  readonly contributingPartnerIds: readonly number[];
  readonly toleranceRule: ToleranceRule;
  readonly placeholderDue: string | null;
  readonly worseReason: string | null;
  readonly replacesTargetId: number | null;
  readonly revision: number;
  readonly updatedBy: string;
  readonly updatedAt: Date;
}

/** A target's fields as a person gives them, checked. */
export type TargetDraft = Omit<StoredTarget, 'id' | 'agreementId' | 'formerReferences' | 'revision' | 'updatedBy' | 'updatedAt'>;

const SELECT = `t.id, t.agreement_id as "agreementId", t.reference, t.former_references as "formerReferences", t.metric_code as "metricCode",
  t.areas, t.kind, t.indicator_role as "indicatorRole", t.baseline_period as "baselinePeriod", t.baseline_value as "baselineValue",
  t.target_period as "targetPeriod", t.target_value as "targetValue", t.trajectory_shape as "trajectoryShape", t.trajectory,
  t.lead_partner_id as "leadPartnerId", t.contributing_partner_ids as "contributingPartnerIds", t.tolerance_rule as "toleranceRule",
  t.placeholder_due::text as "placeholderDue", t.worse_reason as "worseReason", t.replaces_target_id as "replacesTargetId",
  t.revision, t.updated_by as "updatedBy", t.updated_at as "updatedAt"`;
const FROM = `target t`;

/**
 * Adds targets to an agreement in one statement, however many (an import of
 * thousands): the rows travel as one JSON document, typed by
 * jsonb_to_recordset. Returns their ids in the order given.
 */
export async function createTargets(sql: Db, agreementId: number, drafts: readonly TargetDraft[], who: string): Promise<number[]> {
  const rows = drafts.map((t, ord) => ({
    ord,
    reference: t.reference,
    metric_code: t.metricCode,
    areas: t.areas,
    kind: t.kind,
    indicator_role: t.indicatorRole,
    baseline_period: t.baselinePeriod,
    baseline_value: t.baselineValue,
    target_period: t.targetPeriod,
    target_value: t.targetValue,
    trajectory_shape: t.trajectoryShape,
    trajectory: t.trajectory,
    lead_partner_id: t.leadPartnerId,
    contributing_partner_ids: t.contributingPartnerIds,
    tolerance_rule: t.toleranceRule,
    tolerance_version: t.toleranceRule.version,
    placeholder_due: t.placeholderDue,
    worse_reason: t.worseReason,
    replaces_target_id: t.replacesTargetId,
  }));
  const made = await sql<{ id: number; reference: string }[]>`
    insert into target (agreement_id, reference, metric_code, areas, kind, indicator_role, baseline_period, baseline_value, target_period,
      target_value, trajectory_shape, trajectory, lead_partner_id, contributing_partner_ids, tolerance_rule, tolerance_version,
      placeholder_due, worse_reason, replaces_target_id, updated_by)
    select ${agreementId}, reference, metric_code, areas, kind, indicator_role, baseline_period, baseline_value, target_period,
      target_value, trajectory_shape, trajectory, lead_partner_id, contributing_partner_ids, tolerance_rule, tolerance_version,
      placeholder_due, worse_reason, replaces_target_id, ${who}
    from jsonb_to_recordset(${sql.json(rows as never)}) as r(ord int, reference text, metric_code text, areas text[], kind text,
      indicator_role text, baseline_period text, baseline_value double precision, target_period text, target_value double precision,
      trajectory_shape text, trajectory jsonb, lead_partner_id int, contributing_partner_ids int[], tolerance_rule jsonb,
      tolerance_version int, placeholder_due date, worse_reason text, replaces_target_id int)
    order by ord
    returning id, reference`;
  // References are unique among an agreement's targets in force, so they say which id is which.
  const idOf = new Map(made.map((row) => [row.reference, row.id]));
  const ids = drafts.map((t) => idOf.get(t.reference)!);
  return ids;
}

/** Rewrites a target; a new reference number keeps the old one among its former references. */
export async function updateTarget(sql: Db, id: number, t: TargetDraft, who: string): Promise<void> {
  await sql`
    update target set
      former_references = case when lower(reference) = lower(${t.reference}) then former_references else former_references || reference end,
      reference = ${t.reference}, metric_code = ${t.metricCode}, areas = ${sql.array([...t.areas])}, kind = ${t.kind},
      indicator_role = ${t.indicatorRole}, baseline_period = ${t.baselinePeriod}, baseline_value = ${t.baselineValue},
      target_period = ${t.targetPeriod}, target_value = ${t.targetValue}, trajectory_shape = ${t.trajectoryShape},
      trajectory = ${sql.json(t.trajectory as never)}, lead_partner_id = ${t.leadPartnerId},
      contributing_partner_ids = ${sql.array([...t.contributingPartnerIds])}::int[], tolerance_rule = ${sql.json(t.toleranceRule as never)},
      tolerance_version = ${t.toleranceRule.version}, placeholder_due = ${t.placeholderDue}, worse_reason = ${t.worseReason},
      replaces_target_id = ${t.replacesTargetId}, revision = revision + 1, updated_by = ${who}, updated_at = now()
    where id = ${id}`;
}

export async function getTarget(sql: Db, id: number): Promise<StoredTarget | undefined> {
  const [row] = await sql<StoredTarget[]>`select ${sql.unsafe(SELECT)} from ${sql.unsafe(FROM)} where t.id = ${id}`;
  return row;
}

/**
 * A target's line through replaced metrics: the targets it continues (the
 * one it replaces, then the one that one replaced, and on), nearest first,
 * and those that continue it, nearest first. Twenty steps at most each way.
 */
export async function targetLineage(sql: Db, id: number): Promise<{ continues: StoredTarget[]; continuedBy: StoredTarget[] }> {
  const chain = (rows: { id: number; step: number }[]) => rows.sort((a, b) => a.step - b.step).map((r) => r.id);
  const back = await sql<{ id: number; step: number }[]>`
    with recursive up (id, step) as (
      select replaces_target_id, 1 from target where id = ${id} and replaces_target_id is not null
      union all
      select t.replaces_target_id, up.step + 1 from target t join up on t.id = up.id where t.replaces_target_id is not null and up.step < 20
    ) select id, step from up`;
  const forward = await sql<{ id: number; step: number }[]>`
    with recursive down (id, step) as (
      select id, 1 from target where replaces_target_id = ${id}
      union all
      select t.id, down.step + 1 from target t join down on t.replaces_target_id = down.id where down.step < 20
    ) select id, step from down`;
  const read = async (ids: number[]) => {
    if (ids.length === 0) return [];
    const rows = await sql<StoredTarget[]>`select ${sql.unsafe(SELECT)} from ${sql.unsafe(FROM)} where t.id = any(${ids}::int[])`;
    return ids.flatMap((want) => rows.filter((r) => r.id === want));
  };
  return { continues: await read(chain(back)), continuedBy: await read(chain(forward)) };
}

/** The agreement's targets in force, by reference. */
export function targetsOf(sql: Db, agreementId: number): Promise<StoredTarget[]> {
  return sql<StoredTarget[]>`
    select ${sql.unsafe(SELECT)} from ${sql.unsafe(FROM)} where t.agreement_id = ${agreementId} and t.retired_at is null order by t.reference, t.id`;
}

/** The targets in force of many agreements at once, for monitoring. */
export function targetsOfAgreements(sql: Db, agreementIds: readonly number[]): Promise<StoredTarget[]> {
  return sql<StoredTarget[]>`
    select ${sql.unsafe(SELECT)} from ${sql.unsafe(FROM)} where t.agreement_id = any(${sql.array([...agreementIds])}::int[]) and t.retired_at is null
    order by t.agreement_id, t.reference, t.id`;
}

/** The targets in force on one metric, across every agreement: one metric's targets across areas. */
export function targetsOnMetric(sql: Db, metricCode: string): Promise<StoredTarget[]> {
  return sql<StoredTarget[]>`
    select ${sql.unsafe(SELECT)} from ${sql.unsafe(FROM)} where t.metric_code = ${metricCode} and t.retired_at is null order by t.agreement_id, t.reference, t.id`;
}

/**
 * Each agreement's targets in force as last read, by the agreement's revision
 * then: every change to a target touches its agreement (a new revision), so
 * targets kept under the revision an agreement still has are its targets now.
 * Kept per connection pool, never for a transaction.
 */
const KEPT = new WeakMap<Db, Map<number, { revision: number; targets: StoredTarget[] }>>();

/**
 * targetsOfAgreements for agreements as just read, their revisions known:
 * only the agreements changed since their targets were last read are read
 * again. Monitoring for England asks for every agreement's targets, 20,000
 * of them, on each request; most have not changed since the last.
 */
export async function targetsInForce(sql: Db, agreements: readonly { id: number; revision: number }[]): Promise<StoredTarget[]> {
  let kept = KEPT.get(sql);
  if (!kept) KEPT.set(sql, (kept = new Map()));
  const stale = agreements.filter((a) => kept.get(a.id)?.revision !== a.revision);
  if (stale.length > 0) {
    const read = await targetsOfAgreements(
      sql,
      stale.map((a) => a.id),
    );
    for (const a of stale) kept.set(a.id, { revision: a.revision, targets: [] });
    for (const target of read) kept.get(target.agreementId)!.targets.push(target);
  }
  return [...agreements].sort((a, b) => a.id - b.id).flatMap((a) => kept.get(a.id)!.targets);
}

export interface TargetChange {
  readonly targetId: number;
  readonly version: number;
  readonly field: string;
  readonly oldValue: unknown;
  readonly newValue: unknown;
  readonly reason: string;
  readonly proposedBy: string;
  readonly approvedBy: string;
  readonly changedOn: string;
}

export async function recordChanges(sql: Db, changes: readonly TargetChange[], who: string): Promise<void> {
  for (const c of changes) {
    await sql`
      insert into target_change (target_id, version, field, old_value, new_value, reason, proposed_by, approved_by, changed_on, recorded_by)
      values (${c.targetId}, ${c.version}, ${c.field}, ${sql.json((c.oldValue ?? null) as never)}, ${sql.json((c.newValue ?? null) as never)},
        ${c.reason}, ${c.proposedBy}, ${c.approvedBy}, ${c.changedOn}, ${who})`;
  }
}

export function changesOf(sql: Db, targetId: number): Promise<TargetChange[]> {
  return sql<TargetChange[]>`
    select target_id as "targetId", version, field, old_value as "oldValue", new_value as "newValue", reason, proposed_by as "proposedBy",
      approved_by as "approvedBy", changed_on::text as "changedOn"
    from target_change where target_id = ${targetId} order by id`;
}

export interface ReviewAction {
  readonly id: string;
  readonly action: string;
  readonly owner: string;
  readonly due: string;
}

export interface ProgressReview {
  readonly id: number;
  readonly targetId: number;
  readonly reviewedOn: string;
  readonly likelihood: Likelihood;
  readonly narrative: string;
  readonly actions: readonly ReviewAction[];
  readonly risks: string | null;
  readonly frozen: unknown;
  readonly published: boolean;
  readonly recordedBy: string;
  readonly recordedAt: Date;
}

export type ReviewDraft = Pick<ProgressReview, 'targetId' | 'reviewedOn' | 'likelihood' | 'narrative' | 'actions' | 'risks' | 'frozen' | 'published'>;

const REVIEW = `r.id, r.target_id as "targetId", r.reviewed_on::text as "reviewedOn", r.likelihood, r.narrative, r.actions, r.risks, r.frozen,
  r.published, r.recorded_by as "recordedBy", r.recorded_at as "recordedAt"`;

export async function createReview(sql: Db, review: ReviewDraft, who: string): Promise<ProgressReview> {
  const [row] = await sql<{ id: number }[]>`
    insert into progress_review (target_id, reviewed_on, likelihood, narrative, actions, risks, frozen, published, recorded_by)
    values (${review.targetId}, ${review.reviewedOn}, ${review.likelihood}, ${review.narrative}, ${sql.json(review.actions as never)},
      ${review.risks}, ${sql.json(review.frozen as never)}, ${review.published}, ${who})
    returning id`;
  const [made] = await sql<ProgressReview[]>`select ${sql.unsafe(REVIEW)} from progress_review r where r.id = ${row!.id}`;
  return made!;
}

/** The latest review of each of the targets, if any. */
export async function latestReviews(sql: Db, targetIds: readonly number[]): Promise<Map<number, ProgressReview>> {
  const rows = await sql<ProgressReview[]>`
    select distinct on (r.target_id) ${sql.unsafe(REVIEW)} from progress_review r
    where r.target_id = any(${sql.array([...targetIds])}::int[]) order by r.target_id, r.reviewed_on desc, r.id desc`;
  return new Map(rows.map((r) => [r.targetId, r]));
}

/** A target's reviews, newest first. */
export function reviewsOf(sql: Db, targetId: number): Promise<ProgressReview[]> {
  return sql<ProgressReview[]>`select ${sql.unsafe(REVIEW)} from progress_review r where r.target_id = ${targetId} order by r.reviewed_on desc, r.id desc`;
}

/** The agreement's target in force whose reference, or a former one, is this: old reference numbers still resolve. */
export async function targetByReference(sql: Db, agreementId: number, reference: string): Promise<StoredTarget | undefined> {
  const [row] = await sql<StoredTarget[]>`
    select ${sql.unsafe(SELECT)} from ${sql.unsafe(FROM)}
    where t.agreement_id = ${agreementId} and t.retired_at is null
      and (lower(t.reference) = lower(${reference}) or lower(${reference}) = any(select lower(f) from unnest(t.former_references) f))
    order by lower(t.reference) = lower(${reference}) desc limit 1`;
  return row;
}
