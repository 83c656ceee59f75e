// Early warning's hard-data flags over the benchmark index: each metric's
// councils that are worse than England and getting worse, each council's
// special-cause concern on an in-year series, and each agreed target off its
// trajectory. The book keeps them by metric and, after a batch, works out
// again only the batch's metrics, as target progress does; working out every
// metric gives the same flags (tested).
//
// The reserves horizon and the missing return are rules of the domain too,
// but read figures (usable reserves, returns' due dates) that the hub does not
// hold yet; they join the book when it does.
import type { IndexArea, MetricSeries } from '../domain/benchmark/benchmark-index.ts';
import type { BenchmarkIndex } from '../domain/benchmark/benchmark-index.ts';
import { metricConcerns } from '../domain/benchmark/worse-and-worsening.ts';
import { inYearSpecialCause, isFlag, offTrajectoryFlag, worseAndWorseningFlag, type Flag, type FlagMetric, type NotFlagged } from '../domain/early-warning/index.ts';
import type { PeriodValue } from '../domain/targets/index.ts';
import { offTrajectory, type RatedProgress } from './off-trajectory.ts';

/** Worse and worsening is judged against England at 95%, as the area page's concerns are by default. */
const AGAINST_ENGLAND = { group: { kind: 'england' }, level: 0.95 } as const;

/** A metric's findings: its flags, and where a rule could not look, why. */
export interface MetricFlags {
  readonly flags: readonly Flag[];
  readonly notFlagged: readonly NotFlagged[];
}

const NOTHING: MetricFlags = Object.freeze({ flags: [], notFlagged: [] });

export class FlagBook {
  private readonly byMetric = new Map<string, MetricFlags>();

  /**
   * `targets` gives the agreed targets' latest ratings on a metric (the
   * target progress book's `ofMetric`, or the store's through it).
   */
  constructor(private readonly targets: (metricCode: string) => Iterable<RatedProgress> = () => []) {}

  /** Works out every metric's flags again (after the index is built). */
  recomputeAll(index: BenchmarkIndex): void {
    this.byMetric.clear();
    for (const series of index.metrics()) this.put(series.metric.code, metricFlags(index, series, this.targets(series.metric.code)));
  }

  /** Works out again only these metrics' flags (a batch's); a metric gone from the index has none. */
  recomputeMetrics(index: BenchmarkIndex, metricCodes: Iterable<string>): void {
    for (const code of new Set(metricCodes)) {
      const series = index.metric(code);
      this.put(code, series ? metricFlags(index, series, this.targets(code)) : NOTHING);
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
export function metricFlags(index: BenchmarkIndex, series: MetricSeries, targets: Iterable<RatedProgress> = []): MetricFlags {
  const metric = flagMetric(series);
  const flags: Flag[] = metricConcerns(index, series, AGAINST_ENGLAND).map((concern) => worseAndWorseningFlag(concern, metric.code));
  const notFlagged: NotFlagged[] = [];
  if (isInYear(series)) {
    for (const area of areasWithLatest(index, series)) {
      const finding = inYearSpecialCause(area.code, metric, areaValues(index, series, area));
      if (finding === null) continue;
      if (isFlag(finding)) flags.push(finding);
      else notFlagged.push(finding);
    }
  }
  for (const [areaCode, rated] of byArea(targets)) {
    for (const line of offTrajectory(rated, areaCode)) flags.push(offTrajectoryFlag(areaCode, line));
  }
  return { flags, notFlagged };
}

/** Each council's own ratings of the targets, so that each is read once and not once a council. */
function byArea(targets: Iterable<RatedProgress>): Map<string, RatedProgress[]> {
  const found = new Map<string, RatedProgress[]>();
  for (const progress of targets) {
    for (const area of progress.areas) {
      const own = { targetId: progress.targetId, metricCode: progress.metricCode, areas: [area] };
      const list = found.get(area.area);
      if (list) list.push(own);
      else found.set(area.area, [own]);
    }
  }
  return found;
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
