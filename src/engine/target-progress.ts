// Targets' progress from data collected once: each target's actuals are the
// hub's observations, read through the benchmark index, never keyed again.
// For each area of a target the latest actual since the baseline gives the
// progress, the gap to the trajectory and the rating by the target's
// tolerance rule, or the reason there is no rating.
//
// After an import the engine refreshes the batch's metrics in the index;
// TargetProgressBook.recomputeMetrics then rates only the targets on those
// metrics, which gives what rating every target again would (a property the
// tests check). Targets are prepared once when they are given (their periods
// read, their trajectory put in a map), so that rating them all is a walk
// over arrays with no period parsing.
import type { BenchmarkIndex, IndexArea, MetricSeries, PeriodSlice } from '../domain/benchmark/benchmark-index.ts';
import { intervalOf, resolveArea } from '../domain/benchmark/benchmark-queries.ts';
import { parsePeriod, sameTimeLastYear, type Period } from '../domain/period/index.ts';
import type { Polarity } from '../domain/metric/index.ts';
import type { StoredTarget } from '../store/targets.ts';
import type { BenchmarkEngine } from './benchmark-engine.ts';
import {
  gapToTrajectory,
  laneyChart,
  notRated,
  progressOf,
  projectTrend,
  rate,
  spcChart,
  type CountPoint,
  type NotRatedReason,
  type PeriodValue,
  type Projection,
  type Rating,
  type Rebase,
  type SpcChart,
  type SpcOptions,
  type Target,
} from '../domain/targets/index.ts';

/** One area's standing against a target: its latest actual since the baseline, and what it means. */
export interface AreaProgress {
  readonly area: string;
  /** The actual's period; null when there is none since the baseline. */
  readonly period: string | null;
  readonly actual: number | null;
  readonly expected: number | null;
  /** (actual − baseline) ÷ (target − baseline). */
  readonly progress: number | null;
  /** Actual against the trajectory, positive when better. */
  readonly gap: number | null;
  readonly rating: Rating;
}

export interface TargetProgress {
  readonly targetId: string;
  readonly metricCode: string;
  readonly areas: readonly AreaProgress[];
}

/** A target with its periods read once: end dates compare as text, so no period is parsed while rating. */
interface Prepared {
  readonly target: Target;
  readonly baseline: { readonly end: string; readonly value: number } | null;
  readonly targetEnd: string | null;
  readonly expected: ReadonlyMap<string, number>;
  readonly breakStarts: readonly string[];
}

/** A target in a book, with its latest progress (written in place: rating every target then touches no map). */
interface Entry {
  readonly prepared: Prepared;
  result: TargetProgress | undefined;
}

/** Every target's progress, kept, and brought up to date in whole or by metric. */
export class TargetProgressBook {
  private readonly byMetric = new Map<string, Entry[]>();
  private readonly byId = new Map<string, Entry>();

  constructor(targets: readonly Target[]) {
    for (const target of targets) this.add(prepare(target));
  }

  /** Rates every target again. */
  recomputeAll(index: BenchmarkIndex): void {
    for (const code of this.byMetric.keys()) this.rateMetric(index, code);
  }

  /** Rates again only the targets on these metrics (a batch's). */
  recomputeMetrics(index: BenchmarkIndex, metricCodes: Iterable<string>): void {
    for (const code of new Set(metricCodes)) this.rateMetric(index, code);
  }

  /** Puts a target in, or replaces it, and rates it (after an edit or a refresh). */
  put(index: BenchmarkIndex, target: Target): TargetProgress {
    this.remove(target.id);
    const entry = this.add(prepare(target));
    return (entry.result = progressIn(index, index.metric(target.metricCode), entry.prepared));
  }

  remove(targetId: string): void {
    const entry = this.byId.get(targetId);
    if (!entry) return;
    this.byId.delete(targetId);
    const code = entry.prepared.target.metricCode;
    this.byMetric.set(
      code,
      this.byMetric.get(code)!.filter((e) => e !== entry),
    );
  }

  progress(targetId: string): TargetProgress | undefined {
    return this.byId.get(targetId)?.result;
  }

  /** Every rated target's progress, metric by metric, in the order targets were given. */
  *all(): IterableIterator<TargetProgress> {
    for (const list of this.byMetric.values()) {
      for (const entry of list) if (entry.result) yield entry.result;
    }
  }

  /** The targets on one metric, as a metric page or monitoring shows them. */
  ofMetric(metricCode: string): TargetProgress[] {
    return (this.byMetric.get(metricCode) ?? []).flatMap((entry) => entry.result ?? []);
  }

  private add(prepared: Prepared): Entry {
    const entry: Entry = { prepared, result: undefined };
    this.byId.set(prepared.target.id, entry);
    const list = this.byMetric.get(prepared.target.metricCode);
    if (list) list.push(entry);
    else this.byMetric.set(prepared.target.metricCode, [entry]);
    return entry;
  }

  private rateMetric(index: BenchmarkIndex, code: string): void {
    const series = index.metric(code);
    for (const entry of this.byMetric.get(code) ?? []) entry.result = progressIn(index, series, entry.prepared);
  }
}

/**
 * Keeps a book current with an engine's index: every target rated once the
 * index is built, then after each batch only the targets on its metrics.
 * Returns how to stop.
 */
export function keepCurrent(book: TargetProgressBook, engine: BenchmarkEngine): () => void {
  const stop = engine.onChange((change, index) => (change.kind === 'all' ? book.recomputeAll(index) : book.recomputeMetrics(index, change.codes)));
  if (engine.isReady) book.recomputeAll(engine.index);
  return stop;
}

/** How far rating reads: the latest actual of all, or (at the end of an agreement) the latest at or before the target period. */
export interface RatingReach {
  readonly final?: boolean;
}

/**
 * Every target's progress against the index, afresh. A target given again
 * (the same object: the flags job keeps them while the targets are
 * unchanged) is not prepared again; preparing took twice as long as rating.
 */
export function rateTargets(index: BenchmarkIndex, targets: readonly Target[], reach: RatingReach = {}): TargetProgress[] {
  return targets.map((target) => progressIn(index, index.metric(target.metricCode), preparedOnce(target), reach.final === true));
}

/** Targets as prepared, for as long as each target is held. */
const PREPARED = new WeakMap<Target, Prepared>();

function preparedOnce(target: Target): Prepared {
  let prepared = PREPARED.get(target);
  if (!prepared) PREPARED.set(target, (prepared = prepare(target)));
  return prepared;
}

function progressIn(index: BenchmarkIndex, series: MetricSeries | undefined, prepared: Prepared, final = false): TargetProgress {
  const { target } = prepared;
  return { targetId: target.id, metricCode: target.metricCode, areas: target.areaCodes.map((code) => areaProgress(index, series, prepared, code, final)) };
}

function areaProgress(index: BenchmarkIndex, series: MetricSeries | undefined, prepared: Prepared, code: string, final: boolean): AreaProgress {
  const { target, baseline } = prepared;
  if (!baseline || prepared.targetEnd === null || target.targetValue === null || target.placeholderDue !== null) return unrated(prepared, code, 'placeholder');
  const area = index.area(code);
  // An outcome is judged on the target period's figure: one published for a later period says nothing of it.
  const found = series && area ? latestRow(index, series, area, baseline.end, final ? prepared.targetEnd : undefined) : undefined;
  if (!found) return unrated(prepared, code, 'no_data');
  const { slice, position } = found;
  const actual = slice.value(position);
  if (prepared.breakStarts.length > 0 && crossesBreak(prepared.breakStarts, baseline.end, slice.end)) return unrated(prepared, code, 'break_in_series', slice.period, actual);
  if (actual === null) return unrated(prepared, code, 'suppressed', slice.period);
  const expected = prepared.expected.get(slice.period) ?? (slice.end > prepared.targetEnd ? target.targetValue : undefined);
  const progress = progressOf(baseline.value, target.targetValue, actual);
  if (expected === undefined) return { ...unrated(prepared, code, 'non_survey_year', slice.period, actual), progress };
  // Last year's actual and the interval are read only for the rules that use them: an interval from counts is worked out afresh.
  const rule = target.rule;
  const rating = rate(rule, {
    expected,
    actual,
    polarity: target.polarity,
    lastYear: rule.kind === 'relative' && rule.amberIfImproved ? lastYearValue(index, series!, slice, area!) : null,
    interval: rule.kind === 'statistical' ? (intervalOf(series!.metric, slice, position, 0.95) ?? null) : null,
  });
  return { area: code, period: slice.period, actual, expected, progress, gap: gapToTrajectory(expected, actual, target.polarity), rating };
}

function crossesBreak(starts: readonly string[], after: string, upTo: string): boolean {
  return starts.some((start) => start > after && start <= upTo);
}

function unrated(prepared: Prepared, area: string, reason: NotRatedReason, period: string | null = null, actual: number | null = null): AreaProgress {
  return { area, period, actual, expected: null, progress: null, gap: null, rating: notRated(prepared.target.rule, reason) };
}

/** The latest slice after the baseline (and ending by `upTo`, if given) in which the area (or the council it stands for whole) has a row, suppressed or not. */
function latestRow(index: BenchmarkIndex, series: MetricSeries, area: IndexArea, after: string, upTo?: string): { slice: PeriodSlice; position: number } | undefined {
  const number = index.areaNumber(area.code)!;
  for (let s = series.slices.length - 1; s >= 0; s--) {
    const slice = series.slices[s]!;
    if (slice.end <= after) return undefined;
    if (upTo !== undefined && slice.end > upTo) continue;
    const { position } = resolveArea(index, slice, area, number);
    if (position >= 0) return { slice, position };
  }
  return undefined;
}

/** Each slice's slice of a year before, found once per slice (slices are made anew when a metric is refreshed). */
const YEAR_BEFORE = new WeakMap<PeriodSlice, PeriodSlice | null>();

function lastYearValue(index: BenchmarkIndex, series: MetricSeries, slice: PeriodSlice, area: IndexArea): number | null {
  let before = YEAR_BEFORE.get(slice);
  if (before === undefined) {
    const period = periodOf(slice.period);
    const label = period && sameTimeLastYear(period)?.label;
    before = (label && series.slice(label)) || null;
    YEAR_BEFORE.set(slice, before);
  }
  if (!before) return null;
  const { position } = resolveArea(index, before, area);
  return position < 0 ? null : before.value(position);
}

function prepare(target: Target): Prepared {
  const baselineEnd = target.baseline ? periodOf(target.baseline.period)?.end : undefined;
  return {
    target,
    baseline: target.baseline && baselineEnd ? { end: baselineEnd, value: target.baseline.value } : null,
    targetEnd: (target.targetPeriod && periodOf(target.targetPeriod)?.end) ?? null,
    expected: new Map(target.trajectory.map((point) => [periodOf(point.period)?.label ?? point.period, point.value])),
    breakStarts: (target.seriesBreaks ?? []).flatMap((label) => periodOf(label)?.start ?? []),
  };
}

function periodOf(label: string): Period | undefined {
  const parsed = parsePeriod(label);
  return parsed.kind === 'ok' ? parsed.period : undefined;
}

/** An SPC chart, or why a series has none: SPC is for monthly and quarterly series only. */
export type TargetSpc = SpcChart | { readonly kind: 'not_in_year'; readonly reason: string };

/**
 * The SPC chart of an area's in-year series for a target's metric, with the
 * target for the assurance icon and the recorded rebases. Annual series keep
 * the interval trend test the benchmark index already gives.
 */
export function targetSpc(index: BenchmarkIndex, target: Target, areaCode: string, rebases: readonly Rebase[] = [], options: SpcOptions = {}): TargetSpc {
  const series = index.metric(target.metricCode);
  const kind = series?.metric.periodKind;
  if (kind !== 'month' && kind !== 'quarter') {
    return { kind: 'not_in_year', reason: 'SPC is for monthly and quarterly series; an annual series is judged by its confidence interval trend test' };
  }
  const counts = laneyCounts(index, series!, areaCode);
  if (counts) {
    const multiplier = series!.metric.multiplier ?? (series!.metric.valueKind === 'rate' ? 100_000 : 1);
    return laneyChart(counts, series!.metric.valueKind === 'rate' ? 'rate' : 'proportion', target.polarity, target.targetValue, rebases, { ...options, multiplier });
  }
  return spcChart(areaSeries(index, series!, areaCode, ''), target.polarity, target.targetValue, rebases, options);
}

/**
 * A proportion's or rate's counts, period by period, where every period with
 * a value has them: Laney's chart then replaces the XmR chart, whose limits
 * mislead when denominators vary. Undefined where any value lacks counts.
 */
function laneyCounts(index: BenchmarkIndex, series: MetricSeries, areaCode: string): CountPoint[] | undefined {
  const { valueKind } = series.metric;
  const area = index.area(areaCode);
  if ((valueKind !== 'proportion' && valueKind !== 'rate') || !area) return undefined;
  const number = index.areaNumber(areaCode)!;
  const points: CountPoint[] = [];
  for (const slice of series.slices) {
    const { position } = resolveArea(index, slice, area, number);
    if (position < 0 || slice.value(position) === null) continue;
    const numerator = slice.counts?.numerator[position] ?? Number.NaN;
    const denominator = slice.counts?.denominator[position] ?? Number.NaN;
    if (!(numerator >= 0 && denominator > 0)) return undefined;
    points.push({ period: slice.period, numerator, denominator });
  }
  return points;
}

/** The trend of an area's actuals since the baseline (the baseline's own period included) carried to the target period. */
export function targetProjection(index: BenchmarkIndex, target: Target, areaCode: string): Projection {
  const series = index.metric(target.metricCode);
  const baseline = target.baseline && periodOf(target.baseline.period);
  if (!series || !baseline || target.targetPeriod === null || target.targetValue === null) {
    return { kind: 'not_projected', reason: 'the target has no baseline, target or actuals yet' };
  }
  return projectTrend(areaSeries(index, series, areaCode, baseline.start), target.targetPeriod, target.targetValue, target.polarity);
}

/** An area's values, oldest first, in slices starting on or after `from` (an ISO date; '' for all); suppressed and missing periods left out. */
function areaSeries(index: BenchmarkIndex, series: MetricSeries, areaCode: string, from: string): PeriodValue[] {
  const area = index.area(areaCode);
  if (!area) return [];
  const number = index.areaNumber(areaCode)!;
  const points: PeriodValue[] = [];
  for (const slice of series.slices) {
    if (slice.start < from) continue;
    const { position } = resolveArea(index, slice, area, number);
    const value = position < 0 ? null : slice.value(position);
    if (value !== null) points.push({ period: slice.period, value });
  }
  return points;
}

/** A stored target as the engine's rules read it, with the breaks in its metric's series (an actual across one waits for a rebased baseline). */
export function asTarget(t: StoredTarget, polarity: Polarity, seriesBreaks: readonly string[] = []): Target {
  return {
    id: String(t.id),
    metricCode: t.metricCode,
    areaCodes: t.areas,
    polarity,
    baseline: t.baselinePeriod === null || t.baselineValue === null ? null : { period: t.baselinePeriod, value: t.baselineValue },
    trajectory: t.trajectory,
    shape: t.trajectoryShape,
    targetValue: t.targetValue,
    targetPeriod: t.targetPeriod,
    role: t.indicatorRole,
    kind: t.kind,
    rule: t.toleranceRule,
    placeholderDue: t.placeholderDue,
    worseThanBaselineReason: t.worseReason,
    seriesBreaks,
  };
}
