// A target's trajectory: the value expected at each period from the baseline
// to the target (IMPROVEMENT.md, "Targets and agreements"). By default a
// straight line, one point per year or quarter; profiled when every point is
// given (a survey target gives points only in survey years, so a year without
// a point is a non-survey year); stepped when the value is held and then
// steps. Whatever its shape, a trajectory is kept as its points, so that the
// value expected at a period is read, never worked out again.
import type { Polarity } from '../metric/index.ts';
import { parsePeriod, stepPeriod, stepsBetween, type Period, type PeriodKind } from '../period/index.ts';
import type { PeriodValue } from './types.ts';

/** A refusal naming the field, as the forms and the API show it. */
export interface Problem {
  readonly field: string;
  readonly message: string;
}

/** Trajectories run per year or per quarter. */
export const TRAJECTORY_PERIOD_KINDS: readonly PeriodKind[] = Object.freeze(['financial_year', 'calendar_year', 'quarter'] as const);

/** The plan years an agreement covers, as period labels ('2008/09' to '2010/11'). */
export interface Plan {
  readonly first: string;
  readonly last: string;
}

/** What is checked before a target is kept. */
export interface TrajectoryDraft {
  readonly baseline: PeriodValue;
  readonly trajectory: readonly PeriodValue[];
  readonly targetValue: number;
  readonly targetPeriod: string;
  readonly polarity: Polarity;
  readonly plan: Plan;
  readonly worseThanBaselineReason?: string | null;
}

/** The straight line from baseline to target, a point for every period after the baseline; the last point is the target exactly. */
export function straightTrajectory(baseline: PeriodValue, target: PeriodValue): PeriodValue[] {
  const { from, steps } = span(baseline, target);
  const rise = target.value - baseline.value;
  return Array.from({ length: steps }, (_, i) => ({
    period: stepPeriod(from, i + 1)!.label,
    value: i + 1 === steps ? target.value : baseline.value + (rise * (i + 1)) / steps,
  }));
}

/** A stepped line: the baseline's value held until the first step, each step's value held until the next; a point for every period. */
export function steppedTrajectory(baseline: PeriodValue, steps: readonly PeriodValue[]): PeriodValue[] {
  const last = steps[steps.length - 1];
  if (last === undefined) return [];
  const { from, steps: count } = span(baseline, last);
  const byPeriod = new Map(steps.map((step) => [step.period, step.value]));
  let held = baseline.value;
  return Array.from({ length: count }, (_, i) => {
    const period = stepPeriod(from, i + 1)!.label;
    held = byPeriod.get(period) ?? held;
    return { period, value: held };
  });
}

/** The value expected at a period, or undefined where the trajectory has no point (before it, after it, or a non-survey year). */
export function expectedAt(trajectory: readonly PeriodValue[], period: string): number | undefined {
  return trajectory.find((point) => point.period === period)?.value;
}

/** Whether a target is worse than its baseline, by the metric's polarity; a neutral metric has no worse. */
export function isWorseThanBaseline(baseline: number, target: number, polarity: Polarity): boolean {
  if (polarity === 'higher_is_better') return target < baseline;
  if (polarity === 'lower_is_better') return target > baseline;
  return false;
}

/**
 * Everything wrong with a trajectory, each naming its field: a period that is
 * not a year or quarter, of another kind than the target's, not after the
 * baseline, out of order or outside the plan; a last point that is not the
 * target; a target worse than the baseline without a reason.
 */
export function checkTrajectory(draft: TrajectoryDraft): Problem[] {
  const problems: Problem[] = [];
  const target = trajectoryPeriod(draft.targetPeriod, problems);
  const baseline = readPeriod(draft.baseline.period, 'baseline.period', problems);
  const plan = planSpan(draft.plan, problems);
  if (target && baseline && baseline.kind !== target.kind) {
    problems.push({ field: 'baseline.period', message: `'baseline.period' ${baseline.label} must be a period of the same kind as the target's (${target.label})` });
  }
  checkValues(draft, problems);
  checkPoints(draft.trajectory, { target, baseline, plan }, problems);
  checkEnd(draft, problems);
  if (isWorseThanBaseline(draft.baseline.value, draft.targetValue, draft.polarity) && !draft.worseThanBaselineReason?.trim()) {
    problems.push({
      field: 'worseThanBaselineReason',
      message: `the target (${draft.targetValue}) is worse than the baseline (${draft.baseline.value}): 'worseThanBaselineReason' must say why it was agreed`,
    });
  }
  return problems;
}

interface Frame {
  readonly target: Period | undefined;
  readonly baseline: Period | undefined;
  readonly plan: { readonly start: string; readonly end: string; readonly words: string } | undefined;
}

function checkPoints(points: readonly PeriodValue[], frame: Frame, problems: Problem[]): void {
  if (points.length === 0) problems.push({ field: 'trajectory', message: "'trajectory' must have at least one point, the target" });
  let previous = frame.baseline;
  points.forEach((point, i) => {
    const field = `trajectory[${i}].period`;
    const period = readPeriod(point.period, field, problems);
    if (!period) return;
    if (frame.target && period.kind !== frame.target.kind) {
      problems.push({ field, message: `'${field}' ${period.label} is not of the trajectory's kind: the target period is ${frame.target.label}` });
      return;
    }
    if (frame.plan && (period.start < frame.plan.start || period.end > frame.plan.end)) {
      problems.push({ field, message: `'${field}' ${period.label} is outside the plan (${frame.plan.words})` });
    }
    if (previous && previous.kind === period.kind && (stepsBetween(previous, period) ?? 1) <= 0) {
      const what = previous === frame.baseline ? 'the baseline' : 'the point before it';
      problems.push({ field, message: `'${field}' ${period.label} must come after ${what} (${previous.label})` });
    }
    previous = period;
  });
}

function checkEnd(draft: TrajectoryDraft, problems: Problem[]): void {
  const last = draft.trajectory[draft.trajectory.length - 1];
  if (!last) return;
  // Compared as periods, so '2010-11' and '2010/11' are one year.
  if (parsed(last.period)?.label !== parsed(draft.targetPeriod)?.label) {
    problems.push({ field: 'trajectory', message: `the last point of 'trajectory' (${last.period}) must be the target period (${draft.targetPeriod})` });
  } else if (last.value !== draft.targetValue) {
    problems.push({ field: 'trajectory', message: `the last value of 'trajectory' (${last.value}) must be the target (${draft.targetValue})` });
  }
}

function checkValues(draft: TrajectoryDraft, problems: Problem[]): void {
  if (!Number.isFinite(draft.baseline.value)) problems.push({ field: 'baseline.value', message: "'baseline.value' must be a number" });
  if (!Number.isFinite(draft.targetValue)) problems.push({ field: 'targetValue', message: "'targetValue' must be a number" });
  draft.trajectory.forEach((point, i) => {
    if (!Number.isFinite(point.value)) problems.push({ field: `trajectory[${i}].value`, message: `'trajectory[${i}].value' must be a number` });
  });
}

function planSpan(plan: Plan, problems: Problem[]): Frame['plan'] {
  const first = readPeriod(plan.first, 'plan.first', problems);
  const last = readPeriod(plan.last, 'plan.last', problems);
  if (!first || !last) return undefined;
  if (last.end < first.start) {
    problems.push({ field: 'plan.last', message: `'plan.last' ${last.label} must not come before 'plan.first' ${first.label}` });
    return undefined;
  }
  return { start: first.start, end: last.end, words: `${first.label} to ${last.label}` };
}

/** The target's period when it is a year or a quarter; any other is refused once here, not again at every point. */
function trajectoryPeriod(label: string, problems: Problem[]): Period | undefined {
  const target = readPeriod(label, 'targetPeriod', problems);
  if (!target || TRAJECTORY_PERIOD_KINDS.includes(target.kind)) return target;
  problems.push({ field: 'targetPeriod', message: `'targetPeriod' must be a year or a quarter, not ${target.label}` });
  return undefined;
}

function readPeriod(label: string, field: string, problems: Problem[]): Period | undefined {
  const result = parsePeriod(label);
  if (result.kind === 'ok') return result.period;
  problems.push({ field, message: `'${field}': ${result.reason}` });
  return undefined;
}

function parsed(label: string): Period | undefined {
  const result = parsePeriod(label);
  return result.kind === 'ok' ? result.period : undefined;
}

/** The baseline's period and the count of periods to the end; refuses ends that do not step from the baseline, as checkTrajectory would. */
function span(baseline: PeriodValue, end: PeriodValue): { from: Period; steps: number } {
  const from = parsed(baseline.period);
  const to = parsed(end.period);
  const steps = from && to ? stepsBetween(from, to) : undefined;
  if (!from || steps === undefined || steps < 1) {
    throw new RangeError(`a trajectory runs from the baseline (${baseline.period}) to a later year or quarter of the same kind, not ${end.period}`);
  }
  return { from, steps };
}
