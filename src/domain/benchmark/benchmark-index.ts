// The benchmark index: every current observation held in memory, per metric
// and period, in typed arrays, so that a league table or an area profile is
// answered without touching the store.
//
// A period slice keeps the areas that have a row (ascending area numbers, two
// bytes each), their values (eight bytes; NaN stands for a suppressed value
// inside the arrays only), and, only where the data has them, confidence
// bounds and numerators and denominators. Group figures (members, values in
// order, mean, median) are worked out the first time a group is asked for and
// kept with the slice. The store stays the truth: the index is rebuilt from it
// at start and per metric after each import.
import type { AreaType } from '../area/index.ts';
import type { Metric } from '../metric/index.ts';
import { tierSetOf, type GroupableArea, type TierSet } from './comparator-group.ts';

export interface IndexArea extends GroupableArea {
  readonly countyCode: string | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly successorCodes: readonly string[];
}

export interface IndexMetric extends Metric {
  readonly id: number;
}

const TITLE_ORDER = new Intl.Collator('en-GB').compare;

export class PeriodSlice {
  private readonly groups = new Map<string, unknown>();
  /** Each row's trend, once worked out, as a one-byte code (0: not yet); see trend-of.ts. */
  private trendCodes: Uint8Array | undefined;

  constructor(
    readonly period: string,
    readonly start: string,
    readonly end: string,
    /** Area numbers (positions in the index's area list), ascending. */
    readonly areas: Uint16Array,
    readonly values: Float64Array,
    readonly bounds: { readonly lower: Float64Array; readonly upper: Float64Array } | undefined,
    readonly counts: { readonly numerator: Float64Array; readonly denominator: Float64Array } | undefined,
  ) {}

  /** Where an area's row is, or -1. */
  position(area: number): number {
    let low = 0;
    let high = this.areas.length - 1;
    while (low <= high) {
      const middle = (low + high) >>> 1;
      const here = this.areas[middle]!;
      if (here === area) return middle;
      if (here < area) low = middle + 1;
      else high = middle - 1;
    }
    return -1;
  }

  value(position: number): number | null {
    const value = this.values[position]!;
    return Number.isNaN(value) ? null : value;
  }

  /** Figures worked out once per group and kept: the caller says how to make them (with its arguments, so that no closure is made per call). */
  cached<T, A extends unknown[]>(key: string, make: (...args: A) => T, ...args: A): T {
    let found = this.groups.get(key) as T | undefined;
    if (found === undefined) this.groups.set(key, (found = make(...args)));
    return found;
  }

  trendCode(position: number): number {
    return this.trendCodes === undefined ? 0 : this.trendCodes[position]!;
  }

  keepTrendCode(position: number, code: number): void {
    (this.trendCodes ??= new Uint8Array(this.areas.length))[position] = code;
  }

  bytes(): number {
    return this.areas.byteLength + this.values.byteLength + (this.trendCodes?.byteLength ?? 0)
      + (this.bounds ? this.bounds.lower.byteLength * 2 : 0) + (this.counts ? this.counts.numerator.byteLength * 2 : 0);
  }
}

export class MetricSeries {
  readonly tierSet: TierSet;

  constructor(readonly metric: IndexMetric, readonly slices: readonly PeriodSlice[], areaTypes: readonly AreaType[]) {
    const latest = slices[slices.length - 1];
    this.tierSet = tierSetOf(latest ? [...latest.areas].map((a) => areaTypes[a]!) : []);
  }

  latest(): PeriodSlice | undefined {
    return this.slices[this.slices.length - 1];
  }

  slice(period: string): PeriodSlice | undefined {
    return this.slices.find((s) => s.period === period);
  }

  observations(): number {
    return this.slices.reduce((sum, s) => sum + s.areas.length, 0);
  }
}

export class BenchmarkIndex {
  private readonly byCode = new Map<string, number>();
  private readonly series = new Map<string, MetricSeries>();
  private readonly types: AreaType[];
  private readonly predecessors = new Map<string, string[]>();
  private byTitle: MetricSeries[] | undefined;

  constructor(readonly areas: readonly IndexArea[]) {
    areas.forEach((area, i) => this.byCode.set(area.code, i));
    for (const area of areas) {
      for (const successor of area.successorCodes) this.predecessors.set(successor, [...(this.predecessors.get(successor) ?? []), area.code]);
    }
    this.types = areas.map((a) => a.type);
    if (areas.length > 65_535) throw new RangeError('the index numbers areas in two bytes: at most 65,535');
  }

  /** The areas a council replaced, as the register says. */
  predecessorsOf(code: string): readonly string[] {
    return this.predecessors.get(code) ?? [];
  }

  areaNumber(code: string): number | undefined {
    return this.byCode.get(code);
  }

  area(code: string): IndexArea | undefined {
    const n = this.byCode.get(code);
    return n === undefined ? undefined : this.areas[n];
  }

  metric(code: string): MetricSeries | undefined {
    return this.series.get(code);
  }

  metrics(): IterableIterator<MetricSeries> {
    return this.series.values();
  }

  /** Every series, by metric title (then code): sorted once after each change, not per question. */
  metricsByTitle(): readonly MetricSeries[] {
    this.byTitle ??= [...this.series.values()].sort((a, b) => TITLE_ORDER(a.metric.title, b.metric.title) || (a.metric.code < b.metric.code ? -1 : 1));
    return this.byTitle;
  }

  /** Puts a metric's series in, replacing what the index held for it (after an import). */
  put(metric: IndexMetric, slices: readonly PeriodSlice[]): MetricSeries {
    const series = new MetricSeries(metric, slices, this.types);
    this.series.set(metric.code, series);
    this.byTitle = undefined;
    return series;
  }

  remove(metricCode: string): void {
    this.series.delete(metricCode);
    this.byTitle = undefined;
  }

  /** Observations held, and the bytes of their arrays (group figures, made on demand, not counted). */
  size(): { observations: number; bytes: number } {
    let observations = 0;
    let bytes = 0;
    for (const series of this.series.values()) {
      for (const slice of series.slices) {
        observations += slice.areas.length;
        bytes += slice.bytes();
      }
    }
    return { observations, bytes };
  }
}

/** One row as the builder takes it: areas by number, missing figures as null. */
export interface SliceRow {
  readonly area: number;
  readonly value: number | null;
  readonly lowerCi: number | null;
  readonly upperCi: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
}

/**
 * Collects a metric's rows, in any order, and makes its slices, sorted by
 * period end. The arrays for counts are made only when some row has them;
 * those for bounds only when some row has bounds that its counts cannot
 * stand in for (intervals are worked from counts where a metric's kind
 * allows), so that an observation takes at most 26 bytes in the usual cases.
 */
export class SeriesBuilder {
  private readonly periods = new Map<string, { start: string; end: string; rows: number[] }>();
  private readonly areasOf: number[] = [];
  private readonly figures: number[] = []; // five per row: value, lower, upper, numerator, denominator

  /** `countsGiveIntervals`: whether the metric's intervals are worked from counts (proportions, rates, counts). */
  constructor(private readonly countsGiveIntervals = false) {}

  add(period: string, start: string, end: string, row: SliceRow): void {
    let slot = this.periods.get(period);
    if (!slot) this.periods.set(period, (slot = { start, end, rows: [] }));
    slot.rows.push(this.areasOf.length);
    this.areasOf.push(row.area);
    this.figures.push(nan(row.value), nan(row.lowerCi), nan(row.upperCi), nan(row.numerator), nan(row.denominator));
  }

  build(): PeriodSlice[] {
    const slices: PeriodSlice[] = [];
    for (const [period, { start, end, rows }] of this.periods) slices.push(this.slice(period, start, end, rows));
    return slices.sort((a, b) => (a.end === b.end ? a.start.localeCompare(b.start) : a.end.localeCompare(b.end)));
  }

  private slice(period: string, start: string, end: string, rows: number[]): PeriodSlice {
    const areasOf = this.areasOf;
    const figures = this.figures;
    rows.sort((a, b) => areasOf[a]! - areasOf[b]!);
    const n = rows.length;
    const areas = new Uint16Array(n);
    const columns = [0, 1, 2, 3, 4].map(() => new Float64Array(n));
    let boundsNeeded = false;
    let anyCounted = false;
    for (let i = 0; i < n; i++) {
      const r = rows[i]!;
      areas[i] = areasOf[r]!;
      for (let c = 0; c < 5; c++) columns[c]![i] = figures[r * 5 + c]!;
      const counted = !Number.isNaN(figures[r * 5 + 3]!) && !Number.isNaN(figures[r * 5 + 4]!);
      anyCounted ||= counted;
      const bounded = !Number.isNaN(figures[r * 5 + 1]!) || !Number.isNaN(figures[r * 5 + 2]!);
      // Bounds are kept only where counts cannot give the interval instead.
      if (bounded && !(this.countsGiveIntervals && counted && figures[r * 5 + 4]! > 0)) boundsNeeded = true;
    }
    return new PeriodSlice(
      period, start, end, areas, columns[0]!,
      boundsNeeded ? { lower: columns[1]!, upper: columns[2]! } : undefined,
      anyCounted ? { numerator: columns[3]!, denominator: columns[4]! } : undefined,
    );
  }
}

function nan(value: number | null): number {
  return value === null ? Number.NaN : value;
}
