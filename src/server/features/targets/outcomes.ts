// The end of an agreement (issue 18, "End of agreement"): the council that
// holds a signed-off agreement closes it at a date, and every target's outcome
// in each of its areas is judged on the latest actual at or before its target
// period (achieved; partly, with the share of the improvement sought; not
// achieved; not assessable, with the reason), priced by the agreement's
// reward rule and frozen, with the audit event, in one transaction. A frozen
// outcome never changes: where the data were revised since, what they say
// now is worked out afresh and shown beside it.
import Papa from 'papaparse';
import { formatNumber } from '../../../domain/format/index.ts';
import {
  NOT_RATED_LABELS,
  OUTCOME_LABELS,
  OUTCOMES,
  describeRewardRule,
  isRated,
  outcomeOf,
  rewardOf,
  type NotRatedReason,
  type Outcome,
  type RewardRule,
  type TargetOutcome,
} from '../../../domain/targets/index.ts';
import type { Polarity } from '../../../domain/metric/index.ts';
import { getAgreement, setAgreementStatus, type Agreement } from '../../../store/agreements.ts';
import { getMetric } from '../../../store/catalogue.ts';
import type { Sql } from '../../../store/store.ts';
import { freezeOutcomes, outcomesOf, type FrozenOutcome, type OutcomeDraft } from '../../../store/target-outcomes.ts';
import { targetsOf, type StoredTarget } from '../../../store/targets.ts';
import type { RequestAccess } from '../../platform/access/index.ts';
import { agreementRecord, refuseStale } from '../../platform/agreements/agreement-record.ts';
import { NOT_YET_RATED, type AreaRating, type RateTargets } from '../../platform/agreements/agreement-json.ts';
import { badRequest, HttpError } from '../../platform/http/http-error.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { findAgreement } from './agreements.ts';
import { closeBody } from './api-inputs.ts';

/** What the outcomes read of a metric: which way is better, and how its figures are written. */
interface MetricReading {
  readonly polarity: Polarity;
  readonly decimals: number;
}

/**
 * Closes a signed-off agreement at a date: its status becomes closed, and
 * every target's outcome is frozen. `rate` must read the figures: no default,
 * for outcomes frozen before the figures were read would all say "no data".
 */
export async function closeAgreement(sql: Sql, access: RequestAccess, idText: unknown, body: unknown, rate: RateTargets): Promise<Agreement> {
  const agreement = await findAgreement(sql, access, idText, 'change');
  // Partners change targets and record reviews; the end of the agreement is the holding council's to call.
  access.require('change', agreementRecord({ ...agreement, partners: [] }), `agreement ${agreement.id}`);
  const given = checked(closeBody, body);
  refuseStale(`agreement ${agreement.id}`, given.revision, agreement);
  refuseUnclosable(agreement, given.closedOn);
  const targets = await targetsOf(sql, agreement.id);
  const metrics = await metricsOf(sql, targets);
  const finals = rate(agreement, targets, { final: true });
  const outcomes = targets.flatMap((t) =>
    t.areas.map((area): OutcomeDraft => {
      const judged = judge(
        t,
        metrics.get(t.metricCode),
        finals.get(t.id)?.find((r) => r.area === area),
        agreement.rewardRule,
      );
      return { targetId: t.id, area, version: agreement.version, closedOn: given.closedOn, baselineValue: t.baselineValue, targetValue: t.targetValue, ...judged, rewardRule: agreement.rewardRule };
    }),
  );
  return sql.begin(async (tx) => {
    await freezeOutcomes(tx, agreement.id, outcomes, access.actor.actor);
    await setAgreementStatus(tx, agreement.id, 'closed', agreement.version, access.actor.actor);
    await access.audit(tx, 'change', 'agreement', String(agreement.id), `closed version ${agreement.version} at ${given.closedOn}: ${tally(outcomes)}`);
    return (await getAgreement(tx, agreement.id))!;
  });
}

/** An agreement's frozen outcomes, each with what the data say now where they were revised since. */
export async function readOutcomes(sql: Sql, access: RequestAccess, idText: unknown, rate: RateTargets = NOT_YET_RATED) {
  const agreement = await findAgreement(sql, access, idText, 'read');
  const targets = await targetsOf(sql, agreement.id);
  const outcomes = [...(await outcomesFor(sql, agreement, targets, rate)).values()].flat();
  return {
    agreement: { id: agreement.id, title: agreement.title, status: agreement.status, version: agreement.version },
    closedOn: outcomes[0]?.closedOn ?? null,
    rewardRule: { ...agreement.rewardRule, words: describeRewardRule(agreement.rewardRule) },
    counts: Object.fromEntries(OUTCOMES.map((o) => [o, outcomes.filter((x) => x.outcome === o).length])),
    outcomes,
  };
}

export type OutcomeJson = ReturnType<typeof outcomeJson>;

/** The outcomes as CSV, a line a target and area: the frozen outcome with its rule in words, and what the data say now beside it. */
export function outcomesCsv(read: Awaited<ReturnType<typeof readOutcomes>>): string {
  const fields = [
    'agreement',
    'agreement_title',
    'closed_on',
    'target',
    'reference',
    'metric',
    'area',
    'baseline',
    'target_value',
    'period',
    'actual',
    'share',
    'outcome',
    'reason',
    'reward_share',
    'reward_rule',
    'reward_rule_version',
    'sentence',
    'frozen_by',
    'now_period',
    'now_actual',
    'now_outcome',
    'now_reward_share',
  ];
  const data = read.outcomes.map((o) => [
    read.agreement.id,
    read.agreement.title,
    o.closedOn,
    o.target.id,
    o.target.reference,
    o.target.metric,
    o.area,
    o.baselineValue ?? '',
    o.targetValue ?? '',
    o.period ?? '',
    o.actual ?? '',
    o.share ?? '',
    o.outcome,
    o.reason ?? '',
    o.rewardShare,
    o.rewardRule.words,
    o.rewardRule.version,
    o.sentence,
    o.frozenBy,
    o.now?.period ?? '',
    o.now?.actual ?? '',
    o.now?.outcome ?? '',
    o.now?.rewardShare ?? '',
  ]);
  return Papa.unparse({ fields, data }, { escapeFormulae: true, newline: '\r\n' }) + '\r\n';
}

/** A closed agreement's outcomes by target id (none before it closes), each with the data's word now beside it where it differs. */
export async function outcomesFor(sql: Sql, agreement: Agreement, targets: readonly StoredTarget[], rate: RateTargets): Promise<Map<number, OutcomeJson[]>> {
  const byTarget = new Map<number, OutcomeJson[]>();
  if (agreement.status !== 'closed') return byTarget;
  const frozen = await outcomesOf(sql, agreement.id);
  const judgedOn = new Map(targets.map((t) => [t.id, t]));
  const shown = frozen.flatMap((f) => (judgedOn.has(f.targetId) ? [f] : []));
  const metrics = await metricsOf(sql, targets);
  const finals = rate(agreement, targets, { final: true });
  for (const f of shown) {
    const target = judgedOn.get(f.targetId)!;
    const metric = metrics.get(target.metricCode);
    const now = judge(
      f,
      metric,
      finals.get(f.targetId)?.find((r) => r.area === f.area),
      f.rewardRule,
    );
    const revised = finals.size > 0 && (now.period !== f.period || now.actual !== f.actual || now.outcome !== f.outcome);
    const list = byTarget.get(f.targetId) ?? [];
    list.push(outcomeJson(target, f, revised ? now : null, metric?.decimals ?? 1));
    byTarget.set(f.targetId, list);
  }
  return byTarget;
}

type Judged = Pick<FrozenOutcome, 'period' | 'actual' | 'share' | 'outcome' | 'reason' | 'rewardShare'>;
type Line = Pick<FrozenOutcome, 'baselineValue' | 'targetValue'>;

function outcomeJson(target: StoredTarget, f: FrozenOutcome, now: Judged | null, decimals: number) {
  return {
    target: { id: target.id, reference: target.reference, metric: target.metricCode },
    area: f.area,
    version: f.version,
    closedOn: f.closedOn,
    baselineValue: f.baselineValue,
    targetValue: f.targetValue,
    ...said(f, f, decimals),
    rewardRule: { ...f.rewardRule, words: describeRewardRule(f.rewardRule) },
    frozenBy: f.frozenBy,
    frozenAt: f.frozenAt,
    /** What the data say now, where a revision since changed the figure or the outcome; the frozen outcome stands. */
    now: now && said(now, f, decimals),
  };
}

/** An outcome's figures with its words: the outcome, the figure it was judged on, the share made and the reward. */
function said(o: Judged, line: Line, decimals: number) {
  const figure = (value: number | null) => (value === null ? 'none' : formatNumber(value, decimals));
  const percent = (share: number) => `${formatNumber(share * 100, 0)}%`;
  const judgedOn = o.actual === null || o.period === null ? '' : `${figure(o.actual)} in ${o.period}, against a target of ${figure(line.targetValue)} from a baseline of ${figure(line.baselineValue)}`;
  const made = o.share === null || o.reason !== null ? '' : `; ${percent(o.share)} of the improvement sought`;
  const why = o.reason === null ? '' : `${NOT_RATED_LABELS[o.reason]}${judgedOn === '' ? '' : ` (${judgedOn})`}`;
  return {
    period: o.period,
    actual: o.actual,
    share: o.share,
    outcome: o.outcome,
    outcomeLabel: OUTCOME_LABELS[o.outcome],
    reason: o.reason,
    reasonLabel: o.reason === null ? null : NOT_RATED_LABELS[o.reason],
    rewardShare: o.rewardShare,
    sentence: `${OUTCOME_LABELS[o.outcome]}: ${why || judgedOn}${made}. Reward: ${percent(o.rewardShare)} of the target's reward.`,
  };
}

/**
 * One area's outcome from its final rating. A placeholder, a break in the
 * series (the figure is on another definition than the baseline) and a
 * missing or suppressed figure leave it not assessable, with the reason; a
 * figure off the trajectory's years is still judged against the target.
 */
function judge(line: Line, metric: MetricReading | undefined, final: AreaRating | undefined, rule: RewardRule): Judged {
  const { baselineValue: baseline, targetValue: target } = line;
  const reason: NotRatedReason | null = final && !isRated(final.rating) ? final.rating.notRated : null;
  const period = final?.period ?? null;
  const actual = final?.actual ?? null;
  const unjudged = baseline === null || target === null || !metric || actual === null || reason === 'placeholder' || reason === 'break_in_series';
  const outcome: TargetOutcome = unjudged
    ? { outcome: 'not_assessable', share: null, reason: baseline === null || target === null ? 'placeholder' : (reason ?? 'no_data') }
    : outcomeOf({ baseline, target, polarity: metric.polarity, actual });
  return { period, actual, share: outcome.share, outcome: outcome.outcome, reason: outcome.reason, rewardShare: rewardOf(outcome, rule) };
}

/** Only a signed-off agreement closes, once, at a date its plan has run to and that has come. */
function refuseUnclosable(agreement: Agreement, closedOn: string): void {
  if (agreement.status === 'closed') throw new HttpError(409, 'conflict', `'status': agreement ${agreement.id} is already closed: its outcomes are frozen`);
  if (agreement.status !== 'signed_off') {
    const now = agreement.status === 'in_refresh' ? 'in refresh: sign off the refresh first' : `${agreement.status}: sign it off first`;
    throw new HttpError(409, 'conflict', `'status': only a signed-off agreement is closed; agreement ${agreement.id} is ${now}`);
  }
  if (closedOn < agreement.planEnd) throw badRequest(`'closedOn': ${closedOn} is before the plan's last year (${agreement.lastYear}) ends on ${agreement.planEnd}`);
  if (closedOn > new Date().toISOString().slice(0, 10)) throw badRequest(`'closedOn': ${closedOn} is in the future; an agreement closes at a date that has come`);
}

async function metricsOf(sql: Sql, targets: readonly StoredTarget[]): Promise<Map<string, MetricReading>> {
  const found = new Map<string, MetricReading>();
  for (const code of new Set(targets.map((t) => t.metricCode))) {
    const metric = await getMetric(sql, code);
    if (metric) found.set(code, { polarity: metric.polarity, decimals: metric.decimals });
  }
  return found;
}

/** "2 achieved, 1 not assessable": the audit trail's summary of a closing. */
function tally(outcomes: readonly { outcome: Outcome }[]): string {
  const counts = OUTCOMES.map((o) => [o, outcomes.filter((x) => x.outcome === o).length] as const).filter(([, n]) => n > 0);
  return counts.map(([o, n]) => `${n} ${OUTCOME_LABELS[o].toLowerCase()}`).join(', ') || 'no outcomes';
}
