// The targets issue 18 is measured on: each unitary area of an index gets
// one target on each of the first 50 generated metrics, baseline 2020/21
// read from the index, a straight trajectory over 2021/22 to 2023/24 and the
// target 10% better than the baseline; the tolerance rules take turns
// (Havering's relative rule, which reads last year's actual; absolute;
// statistical, which works each actual's Wilson interval from its counts;
// two bands). Shared by the rating bench and the target pages bench; the
// drafts they are stored as, by the target pages and early-warning benches.
import type { BenchmarkIndex } from '../src/domain/benchmark/benchmark-index.ts';
import { straightTrajectory, type Target, type ToleranceRule } from '../src/domain/targets/index.ts';
import type { TargetDraft } from '../src/store/targets.ts';

export const TARGETS_PER_AREA = 50;
export const BASELINE = '2020/21';
export const TARGET_PERIOD = '2023/24';
export const RULES: readonly ToleranceRule[] = [
  { kind: 'relative', version: 1, greenWithinPercent: 10, amberWithinPercent: null, amberIfImproved: true },
  { kind: 'absolute', version: 1, greenWithin: 1, amberWithin: 3 },
  { kind: 'statistical', version: 1 },
  { kind: 'two_bands', version: 1, measure: 'percent', greenWithin: 5 },
];

/** 50 targets per unitary area on the first 50 metrics, baseline from the index, 10% better by 2023/24. */
export function targetsOver(index: BenchmarkIndex): Target[] {
  const metrics = [...index.metrics()].filter((series) => /^m\d{4}$/.test(series.metric.code)).slice(0, TARGETS_PER_AREA);
  const targets: Target[] = [];
  for (const series of metrics) {
    const slice = series.slice(BASELINE)!;
    const sign = series.metric.polarity === 'lower_is_better' ? -1 : 1;
    for (const area of index.areas) {
      if (area.type !== 'unitary') continue;
      const position = slice.position(index.areaNumber(area.code)!);
      const value = position < 0 ? 50 : (slice.value(position) ?? 50);
      const baseline = { period: BASELINE, value };
      const goal = { period: TARGET_PERIOD, value: value * (1 + sign * 0.1) };
      targets.push({
        id: `${series.metric.code}-${area.code}`,
        metricCode: series.metric.code,
        areaCodes: [area.code],
        polarity: series.metric.polarity,
        baseline,
        trajectory: straightTrajectory(baseline, goal),
        shape: 'straight',
        targetValue: goal.value,
        targetPeriod: TARGET_PERIOD,
        role: 'performance',
        kind: 'designated',
        rule: RULES[targets.length % RULES.length]!,
        placeholderDue: null,
      });
    }
  }
  return targets;
}

/** One area's targets as local drafts to store in its agreement, led by `leadPartnerId`: how the benches that read targets from the store write them. */
export function targetDrafts(targets: readonly Target[], area: string, leadPartnerId: number): TargetDraft[] {
  return targets.map((t) => ({
    reference: `T ${t.metricCode}`,
    metricCode: t.metricCode,
    areas: [area],
    kind: 'local',
    indicatorRole: 'performance',
    baselinePeriod: t.baseline!.period,
    baselineValue: t.baseline!.value,
    targetPeriod: t.targetPeriod!,
    targetValue: t.targetValue,
    trajectoryShape: 'straight',
    trajectory: t.trajectory,
    leadPartnerId,
    contributingPartnerIds: [],
    toleranceRule: t.rule,
    placeholderDue: null,
    worseReason: null,
    replacesTargetId: null,
  }));
}
