// A target as given, checked against the store and the domain's rules: the
// metric in the library and its period kind, the agreement's areas and
// partners, the tolerance rule, and the trajectory (the domain's
// checkTrajectory: periods of the target's kind inside the plan, the last
// value the target, a reason when the target is worse than the baseline).
// Every refusal names its field. A placeholder (awaiting a definition or a
// baseline) needs only its due date.
import type { Metric } from '../../../domain/metric/index.ts';
import { parsePeriod } from '../../../domain/period/index.ts';
import { checkToleranceRule, checkTrajectory, steppedTrajectory, straightTrajectory, type PeriodValue } from '../../../domain/targets/index.ts';
import type { Agreement } from '../../../store/agreements.ts';
import { getArea, getMetric } from '../../../store/catalogue.ts';
import type { Db } from '../../../store/store.ts';
import { getTarget, type TargetDraft } from '../../../store/targets.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';
import { badRequest } from '../../platform/http/http-error.ts';
import type { z } from '../../platform/http/input-schema.ts';
import type { targetBody } from './api-inputs.ts';

export type TargetInput = z.output<typeof targetBody>;

/** Metrics read once for many targets (an import), by code. */
export type MetricLookup = (code: string) => Promise<Metric | undefined>;

export function metricLookup(sql: Db): MetricLookup {
  const known = new Map<string, Promise<Metric | undefined>>();
  return (code) => {
    if (!known.has(code)) known.set(code, getMetric(sql, code));
    return known.get(code)!;
  };
}

export async function checkTarget(sql: Db, agreement: Agreement, given: TargetInput, metrics: MetricLookup = metricLookup(sql)): Promise<TargetDraft> {
  const metric = await metrics(given.metric);
  if (!metric) throw badRequest(`'metric': ${given.metric} is not a metric in the library`);
  const areas = await checkAreas(sql, agreement, given.areas);
  const ruleCheck = checkToleranceRule(given.toleranceRule, 'toleranceRule');
  if (ruleCheck.kind === 'invalid') throw invalidInput(ruleCheck.problems);
  const targetPeriod = checkPeriodKind(given.targetPeriod, metric);
  const placeholderDue = given.placeholderDue ?? null;
  const baseline = given.baseline ?? null;
  const targetValue = given.targetValue ?? null;
  let trajectory: readonly PeriodValue[] = given.trajectory ?? [];
  const shape = given.trajectoryShape ?? 'straight';
  if (placeholderDue === null) {
    if (baseline === null) throw badRequest("'baseline' is required, or 'placeholderDue' for a placeholder awaiting its baseline");
    if (targetValue === null) throw badRequest("'targetValue' is required, or 'placeholderDue' for a placeholder awaiting its definition");
    trajectory = drawn(shape, baseline, { period: targetPeriod, value: targetValue }, trajectory);
    const problems = checkTrajectory({
      baseline,
      trajectory,
      targetValue,
      targetPeriod,
      polarity: metric.polarity,
      plan: { first: agreement.firstYear, last: agreement.lastYear },
      worseThanBaselineReason: given.worseThanBaselineReason ?? null,
    });
    if (problems.length > 0) throw invalidInput(problems);
  } else if (baseline !== null && targetValue !== null) {
    throw badRequest("'placeholderDue' is only for a placeholder: this target has its baseline and target");
  }
  if (given.replacesTarget != null && !(await getTarget(sql, given.replacesTarget))) throw badRequest(`'replacesTarget': there is no target ${given.replacesTarget}`);
  return {
    reference: given.reference,
    metricCode: metric.code,
    areas,
    kind: given.kind,
    indicatorRole: given.indicatorRole ?? 'performance',
    baselinePeriod: baseline?.period ?? null,
    baselineValue: baseline?.value ?? null,
    targetPeriod,
    targetValue,
    trajectoryShape: shape,
    trajectory,
    leadPartnerId: partnerId(agreement, given.leadPartner, 'leadPartner'),
    contributingPartnerIds: (given.contributingPartners ?? []).map((name, i) => partnerId(agreement, name, `contributingPartners[${i}]`)),
    toleranceRule: ruleCheck.rule,
    placeholderDue,
    worseReason: given.worseThanBaselineReason ?? null,
    replacesTargetId: given.replacesTarget ?? null,
  };
}

/** Some of the agreement's areas, or all of them; sorted, so that a duplicate target is found whatever the order given. */
async function checkAreas(sql: Db, agreement: Agreement, given: readonly string[] | undefined): Promise<string[]> {
  if (given === undefined) return [...agreement.areas];
  for (const [i, code] of given.entries()) {
    if (agreement.areas.includes(code)) continue;
    const known = await getArea(sql, code);
    throw badRequest(`'areas[${i}]': ${code} is ${known ? `not one of agreement ${agreement.id}'s areas (${agreement.areas.join(', ')})` : 'not an area Lantern knows'}`);
  }
  return [...new Set(given)].sort();
}

/** A target's period is of the kind its metric is counted in: a quarter's target for an annual figure could never be rated. */
function checkPeriodKind(label: string, metric: Metric): string {
  const parsed = parsePeriod(label);
  if (parsed.kind !== 'ok') throw badRequest(`'targetPeriod': ${parsed.reason}`);
  if (parsed.period.kind !== metric.periodKind) {
    throw badRequest(`'targetPeriod' ${parsed.period.label} is a ${words(parsed.period.kind)}, but ${metric.code} is counted per ${words(metric.periodKind)}`);
  }
  return parsed.period.label;
}

const words = (kind: string) => kind.replace(/_/g, ' ');

function partnerId(agreement: Agreement, name: string, field: string): number {
  const partner = agreement.partners.find((p) => p.name.toLowerCase() === name.trim().toLowerCase());
  if (!partner) throw badRequest(`'${field}': ${name} is not a partner of agreement ${agreement.id} (${agreement.partners.map((p) => p.name).join(', ')})`);
  return partner.id;
}

/** The line as kept: a straight line drawn when no points are given, a stepped one filled out; a line that cannot be drawn is left for checkTrajectory to refuse. */
function drawn(shape: string, baseline: PeriodValue, target: PeriodValue, given: readonly PeriodValue[]): readonly PeriodValue[] {
  try {
    if (shape === 'straight' && given.length === 0) return straightTrajectory(baseline, target);
    if (shape === 'stepped' && given.length > 0) return steppedTrajectory(baseline, given);
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    return given.length > 0 ? given : [target];
  }
  return given;
}
