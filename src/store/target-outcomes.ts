// Targets' outcomes at the end of an agreement: one row per target and area,
// frozen at the date the agreement closed with the figures it was judged on
// and the reward rule that priced it. Only ever added (the migration's
// triggers refuse the rest): a later revision of the data is worked out
// afresh where it is shown, never written over what was frozen.
import type { NotRatedReason, Outcome, RewardRule } from '../domain/targets/index.ts';
import type { Db } from './store.ts';

export interface FrozenOutcome {
  readonly targetId: number;
  readonly area: string;
  readonly version: number;
  /** ISO date the agreement closed at. */
  readonly closedOn: string;
  readonly baselineValue: number | null;
  readonly targetValue: number | null;
  /** The final actual and its period; null when there was none (see `reason`). */
  readonly period: string | null;
  readonly actual: number | null;
  readonly share: number | null;
  readonly outcome: Outcome;
  readonly reason: NotRatedReason | null;
  readonly rewardShare: number;
  readonly rewardRule: RewardRule;
  readonly frozenBy: string;
  readonly frozenAt: Date;
}

export type OutcomeDraft = Omit<FrozenOutcome, 'frozenBy' | 'frozenAt'>;

const SELECT = `o.target_id as "targetId", o.area_code as area, o.version, o.closed_on::text as "closedOn", o.baseline_value as "baselineValue",
  o.target_value as "targetValue", o.period, o.actual, o.share, o.outcome, o.reason, o.reward_share as "rewardShare", o.reward_rule as "rewardRule",
  o.frozen_by as "frozenBy", o.frozen_at as "frozenAt"`;

/** Freezes an agreement's outcomes in one statement, however many targets and areas. */
export async function freezeOutcomes(sql: Db, agreementId: number, outcomes: readonly OutcomeDraft[], who: string): Promise<void> {
  if (outcomes.length === 0) return;
  const rows = outcomes.map((o) => ({
    target_id: o.targetId,
    area_code: o.area,
    version: o.version,
    closed_on: o.closedOn,
    baseline_value: o.baselineValue,
    target_value: o.targetValue,
    period: o.period,
    actual: o.actual,
    share: o.share,
    outcome: o.outcome,
    reason: o.reason,
    reward_share: o.rewardShare,
    reward_rule: o.rewardRule,
    reward_version: o.rewardRule.version,
  }));
  await sql`
    insert into target_outcome (agreement_id, target_id, area_code, version, closed_on, baseline_value, target_value, period, actual, share,
      outcome, reason, reward_share, reward_rule, reward_version, frozen_by)
    select ${agreementId}, target_id, area_code, version, closed_on, baseline_value, target_value, period, actual, share,
      outcome, reason, reward_share, reward_rule, reward_version, ${who}
    from jsonb_to_recordset(${sql.json(rows as never)}) as r(target_id int, area_code text, version int, closed_on date, baseline_value double precision,
      target_value double precision, period text, actual double precision, share double precision, outcome text, reason text,
      reward_share double precision, reward_rule jsonb, reward_version int)`;
}

/** An agreement's frozen outcomes, target by target, each target's areas in order. */
export function outcomesOf(sql: Db, agreementId: number): Promise<FrozenOutcome[]> {
  return sql<FrozenOutcome[]>`select ${sql.unsafe(SELECT)} from target_outcome o where o.agreement_id = ${agreementId} order by o.target_id, o.area_code`;
}
