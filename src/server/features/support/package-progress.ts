// A package's metrics read against the benchmark index: each metric's latest
// figure for the case's council and its progress from the baseline, in the
// domain's words. The package page, the API, the Panel's agenda and its pack
// all read progress here, so they say the same.
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import { latestFigure, metricProgress, metricTitle, progressLabel, type MetricProgress, type PackageOnCase } from '../../../domain/support/index.ts';
import type { CaseHeld, PackageMetric, SupportPackage } from '../../../store/support-packages.ts';

export interface MetricLine extends MetricProgress {
  readonly metric: PackageMetric;
  readonly title: string;
  readonly label: string;
}

export function metricLines(index: BenchmarkIndex, areaCode: string, pkg: Pick<SupportPackage, 'metrics'>): MetricLine[] {
  return pkg.metrics.map((metric) => {
    const title = metricTitle(index, metric.metricCode);
    const progress = metricProgress(metric, latestFigure(index, metric.metricCode, areaCode), title);
    return { ...progress, metric, title, label: progressLabel(progress.verdict) };
  });
}

/** What the Panel's agenda reads of a package on its case. */
export function packageOnCase(index: BenchmarkIndex, held: CaseHeld, pkg: SupportPackage): PackageOnCase {
  return {
    caseId: held.caseId,
    areaName: held.areaName,
    packageId: pkg.id,
    agreedOn: pkg.agreedOn,
    status: pkg.status,
    milestones: pkg.milestones,
    metrics: metricLines(index, held.areaCode, pkg).map((l) => ({ title: l.title, verdict: l.verdict, due: l.due })),
  };
}

/** The JSON of a package with each metric's progress. */
export function packageJson(index: BenchmarkIndex, held: CaseHeld, pkg: SupportPackage) {
  return {
    id: pkg.id,
    case: held.caseId,
    area: { code: held.areaCode, name: held.areaName },
    objectives: pkg.objectives,
    providers: pkg.providers,
    agreedOn: pkg.agreedOn,
    status: pkg.status,
    revision: pkg.revision,
    updatedBy: pkg.updatedBy,
    updatedAt: pkg.updatedAt,
    milestones: pkg.milestones.map((m) => ({ id: m.id, title: m.title, owner: m.ownerName, ownerUser: m.ownerUserId, dueOn: m.dueOn, metOn: m.metOn })),
    metrics: metricLines(index, held.areaCode, pkg).map((l) => ({
      metric: l.metric.metricCode,
      title: l.title,
      baseline: { period: l.metric.baselinePeriod, value: l.metric.baselineValue },
      direction: l.metric.direction,
      byPeriod: l.metric.byPeriod,
      latest: l.latest,
      progress: l.verdict,
      significance: l.significance,
      due: l.due,
      sentence: l.sentence,
    })),
  };
}
