// Early warning's hard-data flags over the benchmark index: each metric's
// councils that are worse than England and getting worse, each council's
// special-cause concern on an in-year series, and each agreed target off its
// trajectory. The book keeps them by metric and, after a batch, works out
// again only the batch's metrics, as target progress does; working out every
// metric gives the same flags (tested).
//
// The reserves horizon reads the hub's usable reserves, year end by year end,
// and places the council among its nearest neighbours (the published sets,
// given by the caller); the missing return reads every metric's latest
// period against the one before, on the day given (missing-return.ts says
// what is due). The other resilience measures are positions, not flags:
// `financialResilience` gives a council's, for the risk view.
import type { IndexArea, MetricSeries, PeriodSlice } from '../domain/benchmark/benchmark-index.ts';
import type { BenchmarkIndex } from '../domain/benchmark/benchmark-index.ts';
import { metricConcerns } from '../domain/benchmark/worse-and-worsening.ts';
import {
  COUNCIL_TYPE_NAMES,
  RESILIENCE_MEASURES,
  USABLE_RESERVES,
  inYearSpecialCause,
  inYearSpecialCauseOf,
  isFlag,
  missingReturn,
  offTrajectoryFlag,
  reservesFlag,
  reservesHorizon,
  resiliencePosition,
  worseAndWorseningFlag,
  type Finding,
  type Flag,
  type FlagMetric,
  type NotFlagged,
  type ResiliencePosition,
} from '../domain/early-warning/index.ts';
import type { PeriodValue } from '../domain/targets/index.ts';
import { offTrajectoryOfEach, type RatedProgress } from './off-trajectory.ts';

/** Worse and worsening is judged against England at 95%, as the area page's concerns are by default. */
const AGAINST_ENGLAND = { group: { kind: 'england' }, level: 0.95 } as const;

/** A metric's findings: its flags, and where a rule could not look, why. */
export interface MetricFlags {
  readonly flags: readonly Flag[];
  readonly notFlagged: readonly NotFlagged[];
}

const NOTHING: MetricFlags = Object.freeze({ flags: [], notFlagged: [] });

/** What the rules read beside the index. */
export interface FlagContext {
  /** A council's nearest neighbours (a published set), nearest first; none known, none placed. */
  readonly neighbours?: (areaCode: string) => readonly string[];
  /** The day the rules are run, written 2024-05-01: returns past due are judged on it; without it, not at all. */
  readonly today?: string;
}

export class FlagBook {
  private readonly byMetric = new Map<string, MetricFlags>();

  /**
   * `targets` gives the agreed targets' latest ratings on a metric (the
   * target progress book's `ofMetric`, or the store's through it).
   */
  constructor(
    private readonly targets: (metricCode: string) => Iterable<RatedProgress> = () => [],
    private readonly context: FlagContext = {},
  ) {}

  /** Works out every metric's flags again (after the index is built). */
  recomputeAll(index: BenchmarkIndex): void {
    this.byMetric.clear();
    for (const series of index.metrics()) this.put(series.metric.code, metricFlags(index, series, this.targets(series.metric.code), this.context));
  }

  /** Works out again only these metrics' flags (a batch's); a metric gone from the index has none. */
  recomputeMetrics(index: BenchmarkIndex, metricCodes: Iterable<string>): void {
    for (const code of new Set(metricCodes)) {
      const series = index.metric(code);
      this.put(code, series ? metricFlags(index, series, this.targets(code), this.context) : NOTHING);
    }
  }

  /** Every flag, metric by metric. */
  *flags(): IterableIterator<Flag> {
    for (const found of this.byMetric.values()) yield* found.flags;
  }

  /** One council's flags and the rules that could not look, in metric order. */
  ofArea(areaCode: string): MetricFlags {
    const flags: Flag[] = [];
    const notFlagged: NotFlagged[] = [];
    for (const found of this.byMetric.values()) {
      for (const flag of found.flags) if (flag.area === areaCode) flags.push(flag);
      for (const reason of found.notFlagged) if (reason.area === areaCode) notFlagged.push(reason);
    }
    return { flags, notFlagged };
  }

  ofMetric(metricCode: string): MetricFlags {
    return this.byMetric.get(metricCode) ?? NOTHING;
  }

  private put(code: string, found: MetricFlags): void {
    if (found.flags.length === 0 && found.notFlagged.length === 0) this.byMetric.delete(code);
    else this.byMetric.set(code, found);
  }
}

/** Every rule's findings on one metric, council by council. */
export function metricFlags(index: BenchmarkIndex, series: MetricSeries, targets: Iterable<RatedProgress> = [], context: FlagContext = {}): MetricFlags {
  const metric = flagMetric(series);
  const flags: Flag[] = metricConcerns(index, series, AGAINST_ENGLAND).map((concern) => worseAndWorseningFlag(concern, metric.code));
  const notFlagged: NotFlagged[] = [];
  if (isInYear(series)) {
    const numbers = series.latest()?.areas ?? new Uint16Array();
    const { values, latestPeriods } = valuesOfEach(series, numbers);
    for (let i = 0; i < numbers.length; i++) {
      const finding = inYearSpecialCauseOf(index.areas[numbers[i]!]!.code, metric, values[i]!, latestPeriods[i]!);
      if (finding === null) continue;
      if (isFlag(finding)) flags.push(finding);
      else notFlagged.push(finding);
    }
  }
  for (const [areaCode, lines] of offTrajectoryOfEach(targets)) {
    for (const line of lines) flags.push(offTrajectoryFlag(areaCode, line));
  }
  const found = (finding: Finding) => {
    if (finding === null) return;
    if (isFlag(finding)) flags.push(finding);
    else notFlagged.push(finding);
  };
  if (metric.code === USABLE_RESERVES) reservesFindings(index, series, context).forEach(found);
  if (context.today !== undefined) missingReturns(index, series, context.today).forEach(found);
  return { flags, notFlagged };
}

/** Whether the rules on this metric read the context's neighbours: only the reserves horizon does (reservesFindings, below). */
export function readsNeighbours(metricCode: string): boolean {
  return metricCode === USABLE_RESERVES;
}

/** Each council's reserves horizon, placed among its neighbours' (a neighbour with one year-end has none, and is left out). */
function reservesFindings(index: BenchmarkIndex, series: MetricSeries, context: FlagContext & { readonly only?: string }): Finding[] {
  const slice = series.latest();
  if (!slice) return [];
  const councils = areasWithLatest(index, series).filter(isCouncil);
  const horizons = new Map(councils.map((area) => [area.code, reservesHorizon(areaValues(index, series, area))]));
  return councils.flatMap((area) => {
    if (context.only !== undefined && area.code !== context.only) return [];
    if (slice.value(slice.position(index.areaNumber(area.code)!)) === null) return notFlaggedSuppressed(area.code, slice.period);
    const neighbours = (context.neighbours?.(area.code) ?? []).flatMap((code) => {
      const found = horizons.get(code);
      return found ? [found.horizon] : [];
    });
    return reservesFlag(area.code, areaValues(index, series, area), neighbours);
  });
}

function notFlaggedSuppressed(area: string, period: string): NotFlagged {
  return { rule: 'reserves_horizon', area, metric: USABLE_RESERVES, reason: 'suppressed', detail: `the figure for ${period} is suppressed` };
}

/**
 * The latest period's return not sent, council by council: due from the
 * councils of each type that sent the period before or this one (a council
 * gone by this period's start is not asked), on the period's last day.
 */
function missingReturns(index: BenchmarkIndex, series: MetricSeries, today: string): Finding[] {
  const { slices } = series;
  const latest = slices[slices.length - 1];
  const previous = slices[slices.length - 2];
  if (!latest || !previous || today <= latest.end) return [];
  // The same councils as the period before (the usual case): every one due has sent it.
  if (sameAreas(previous.areas, latest.areas)) return [];
  const byType = returnsByType(index, previous, latest);
  const due = { collection: series.metric.code, title: series.metric.title, period: latest.period, due: latest.end };
  const findings: Finding[] = [];
  for (const [type, { unsent, due: ofType }] of byType) {
    if (unsent.length === 0) continue;
    const received = { sent: false, ofType, sentOfType: ofType - unsent.length, typeName: COUNCIL_TYPE_NAMES[type]! };
    for (const area of unsent) findings.push(missingReturn(area.code, due, received, today));
  }
  return findings;
}

/**
 * Each type's councils due a return and those that have not sent it, types in
 * the order their first council is met: the period before's councils, then
 * this period's newcomers. Both slices' areas are ascending, so each is walked
 * once beside the other rather than looked up: this runs on every metric.
 */
function returnsByType(index: BenchmarkIndex, previous: PeriodSlice, latest: PeriodSlice): Map<string, { due: number; unsent: IndexArea[] }> {
  const byType = new Map<string, { due: number; unsent: IndexArea[] }>();
  const count = (number: number, sent: boolean) => {
    const area = index.areas[number]!;
    if (!isCouncil(area) || (area.endDate !== null && area.endDate < latest.start)) return;
    let type = byType.get(area.type);
    if (!type) byType.set(area.type, (type = { due: 0, unsent: [] }));
    type.due++;
    if (!sent) type.unsent.push(area);
  };
  const before = previous.areas;
  const now = latest.areas;
  for (let i = 0, j = 0; i < before.length; i++) {
    while (j < now.length && now[j]! < before[i]!) j++;
    count(before[i]!, now[j] === before[i]);
  }
  for (let i = 0, j = 0; i < now.length; i++) {
    while (j < before.length && before[j]! < now[i]!) j++;
    if (before[j] !== now[i]) count(now[i]!, true);
  }
  return byType;
}

function sameAreas(a: Uint16Array, b: Uint16Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Why the rules could not look at one council, metric by metric (too few
 * in-year points, a suppressed or single year-end of reserves): what the
 * book's `ofArea` keeps, worked out for the one council on the index when
 * the risk view asks, so that a quiet row is not mistaken for a clean one.
 */
export function notFlaggedOf(index: BenchmarkIndex, areaCode: string, context: FlagContext = {}): NotFlagged[] {
  const area = index.area(areaCode);
  if (!area) return [];
  const found: NotFlagged[] = [];
  for (const series of index.metrics()) {
    const slice = series.latest();
    if (!slice || slice.position(index.areaNumber(areaCode)!) < 0) continue;
    const findings: Finding[] = [];
    if (isInYear(series)) findings.push(inYearSpecialCause(areaCode, flagMetric(series), areaValues(index, series, area)));
    if (series.metric.code === USABLE_RESERVES && isCouncil(area)) findings.push(...reservesFindings(index, series, { ...context, only: areaCode }));
    for (const finding of findings) if (finding !== null && !isFlag(finding)) found.push(finding);
  }
  return found;
}

/** A council's standing on each of CIPFA's resilience measures the hub holds for it: its latest figure placed among its neighbours' of the same period. Never summed. */
export function financialResilience(index: BenchmarkIndex, areaCode: string, neighbours: readonly string[]): ResiliencePosition[] {
  const number = index.areaNumber(areaCode);
  if (number === undefined) return [];
  return RESILIENCE_MEASURES.flatMap((measure) => {
    const series = index.metric(measure.code);
    const slice = series && [...series.slices].reverse().find((s) => s.position(number) >= 0 && s.value(s.position(number)) !== null);
    if (!slice) return [];
    const others = neighbours.flatMap((code) => {
      const at = index.areaNumber(code);
      const position = at === undefined ? -1 : slice.position(at);
      const value = position < 0 ? null : slice.value(position);
      return value === null ? [] : [value];
    });
    return [resiliencePosition(measure, slice.period, slice.value(slice.position(number))!, others)];
  });
}

/** A council a return may be due from, by its type. */
function isCouncil(area: IndexArea): boolean {
  return area.type in COUNCIL_TYPE_NAMES;
}

function flagMetric(series: MetricSeries): FlagMetric {
  const { code, title, polarity, decimals, unit } = series.metric;
  return { code, title, polarity, decimals, unit: unit ?? '' };
}

/** SPC is for monthly and quarterly series; an annual one keeps the interval trend test. */
function isInYear(series: MetricSeries): boolean {
  return series.metric.periodKind === 'month' || series.metric.periodKind === 'quarter';
}

/** The councils with a figure at the latest period: a council that has gone is not flagged. */
function areasWithLatest(index: BenchmarkIndex, series: MetricSeries): IndexArea[] {
  const slice = series.latest();
  return slice ? Array.from(slice.areas, (number) => index.areas[number]!) : [];
}

/**
 * Each of these areas' own values (area numbers, ascending), oldest first,
 * and the period of each one's latest: what `areaValues` gives one, without a
 * period-and-value pair a point. Each slice is walked once beside the areas,
 * both ascending, rather than searched once an area.
 */
function valuesOfEach(series: MetricSeries, numbers: Uint16Array): { values: number[][]; latestPeriods: (string | null)[] } {
  const values = Array.from(numbers, (): number[] => []);
  const latestPeriods: (string | null)[] = Array.from(numbers, () => null);
  for (const slice of series.slices) {
    const { areas } = slice;
    for (let i = 0, j = 0; i < numbers.length; i++) {
      while (j < areas.length && areas[j]! < numbers[i]!) j++;
      if (areas[j] !== numbers[i]) continue;
      const value = slice.value(j);
      if (value === null) continue;
      values[i]!.push(value);
      latestPeriods[i] = slice.period;
    }
  }
  return { values, latestPeriods };
}

/** An area's own values, oldest first; suppressed and missing periods left out. */
function areaValues(index: BenchmarkIndex, series: MetricSeries, area: IndexArea): PeriodValue[] {
  const number = index.areaNumber(area.code)!;
  const values: PeriodValue[] = [];
  for (const slice of series.slices) {
    const position = slice.position(number);
    const value = position < 0 ? null : slice.value(position);
    if (value !== null) values.push({ period: slice.period, value });
  }
  return values;
}
