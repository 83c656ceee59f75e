export {
  DIRECTIONS,
  PROVIDER_KINDS,
  checkPackage,
  type Direction,
  type MilestoneDraft,
  type PackageDraft,
  type PackageMetricDraft,
  type Problem,
  type Provider,
  type ProviderKind,
} from './package-checks.ts';
export { METRIC_PROGRESS, metricProgress, progressLabel, type LatestFigure, type MetricProgress, type MetricProgressVerdict } from './metric-progress.ts';
export { AGENDA_KINDS, draftAgenda, readyToClose, type AgendaDraftItem, type AgendaInput, type AgendaKind, type PackageOnCase } from './panel-agenda.ts';
export { carriedActions, type MonitoredAction } from './action-monitor.ts';
export { latestFigure, metricTitle } from './latest-figure.ts';
