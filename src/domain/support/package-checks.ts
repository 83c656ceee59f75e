// A support package's checks (issue 19, build item 6): "a bigger degree of
// support is needed" becomes objectives, milestones each with an owner and a
// due date, the providers who give the support, and the metrics it should
// move. A package that names no metric could never be judged to have worked,
// so it is refused, naming the field; so is a metric judged by a period no
// later than its own baseline, or a milestone due before the package began.
import { comparePeriods, parsePeriod, type Period } from '../period/index.ts';

export const PROVIDER_KINDS = ['mentor', 'peer', 'consultancy', 'sector_body'] as const;
export type ProviderKind = (typeof PROVIDER_KINDS)[number];

export const DIRECTIONS = ['up', 'down'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export interface Provider {
  readonly name: string;
  readonly kind: ProviderKind;
}

export interface MilestoneDraft {
  readonly title: string;
  readonly ownerName: string;
  /** The owner as a user of Lantern, where they are one (for reminders). */
  readonly ownerUserId: number | null;
  readonly dueOn: string;
}

/** A metric the package should move: from its baseline in the hub, in a direction, by a period. */
export interface PackageMetricDraft {
  readonly metricCode: string;
  readonly baselinePeriod: string;
  readonly baselineValue: number;
  readonly direction: Direction;
  readonly byPeriod: string;
}

export interface PackageDraft {
  readonly objectives: readonly string[];
  readonly providers: readonly Provider[];
  readonly milestones: readonly MilestoneDraft[];
  readonly metrics: readonly PackageMetricDraft[];
  /** The day the package was agreed (ISO date). */
  readonly agreedOn: string;
}

export interface Problem {
  readonly field: string;
  readonly message: string;
}

/** Every problem of a draft package, each naming its field; none when it may be agreed. */
export function checkPackage(draft: PackageDraft): Problem[] {
  const problems: Problem[] = [];
  if (draft.objectives.filter((o) => o.trim() !== '').length === 0) problems.push({ field: 'objectives', message: "'objectives': a package needs at least one objective" });
  if (draft.providers.length === 0) problems.push({ field: 'providers', message: "'providers': a package needs at least one provider (a mentor, a peer, a consultancy or the sector body itself)" });
  if (draft.milestones.length === 0) problems.push({ field: 'milestones', message: "'milestones': a package needs at least one milestone, with its owner and due date" });
  draft.milestones.forEach((m, i) => {
    if (m.dueOn < draft.agreedOn)
      problems.push({ field: `milestones[${i}].dueOn`, message: `'milestones': milestone '${m.title}' is due ${m.dueOn}, before the package was agreed on ${draft.agreedOn}` });
  });
  if (draft.metrics.length === 0) problems.push({ field: 'metrics', message: "'metrics': a package without metrics cannot show that it worked: name at least one metric it should move" });
  const seen = new Set<string>();
  draft.metrics.forEach((m, i) => {
    if (seen.has(m.metricCode)) problems.push({ field: `metrics[${i}].metric`, message: `'metrics': ${m.metricCode} is named twice` });
    seen.add(m.metricCode);
    problems.push(...checkPeriods(m, i));
  });
  return problems;
}

function checkPeriods(metric: PackageMetricDraft, i: number): Problem[] {
  const baseline = parsePeriod(metric.baselinePeriod);
  const by = parsePeriod(metric.byPeriod);
  const problems: Problem[] = [];
  if (baseline.kind === 'invalid') problems.push({ field: `metrics[${i}].baselinePeriod`, message: `'metrics': the baseline period of ${metric.metricCode}: ${baseline.reason}` });
  if (by.kind === 'invalid') problems.push({ field: `metrics[${i}].byPeriod`, message: `'metrics': the period by which ${metric.metricCode} should move: ${by.reason}` });
  if (baseline.kind === 'ok' && by.kind === 'ok' && !isLater(by.period, baseline.period)) {
    problems.push({ field: `metrics[${i}].byPeriod`, message: `'metrics': ${metric.metricCode} should move by a period after its baseline ${baseline.period.label}, not ${by.period.label}` });
  }
  return problems;
}

function isLater(a: Period, b: Period): boolean {
  return comparePeriods(a, b) > 0;
}
