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
  /** The council's own name (Durham County Council beside County Durham), found by search. */
  readonly officialName?: string | null;
  /** Other names people know it by (Caerdydd for Cardiff), found by search. */
  readonly otherNames?: readonly string[];
  readonly countyCode: string | null;
  readonly startDate: string | null;
  readonly endDate: string | null;
  readonly successorCodes: readonly string[];
}

export interface IndexMetric extends Metric {
  readonly id: number;
  /** Periods from which the series breaks (its definition changed), oldest first; none when it never did. */
  readonly seriesBreaks?: readonly string[];
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
    return (
      this.areas.byteLength +
      this.values.byteLength +
      (this.trendCodes?.byteLength ?? 0) +
      (this.bounds ? this.bounds.lower.byteLength * 2 : 0) +
      (this.counts ? this.counts.numerator.byteLength * 2 : 0)
    );
  }
}

export class MetricSeries {
  readonly tierSet: TierSet;

  constructor(
    readonly metric: IndexMetric,
    readonly slices: readonly PeriodSlice[],
    areaTypes: readonly AreaType[],
  ) {
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

/** A period as a slice is labelled and ordered. */
export interface PeriodSpan {
  readonly label: string;
  readonly start: string;
  readonly end: string;
}

/**
 * One metric's rows as columns, row i across them all, in any order: each
 * row's area number, its period (a position in a list of PeriodSpan), and its
 * figures with NaN for none. Bounds and counts may be left out where no row
 * has them. This is the shape the store reads four million rows into: typed
 * arrays, no object per row.
 */
export interface SeriesColumns {
  readonly areas: Uint16Array;
  readonly periods: Uint16Array;
  readonly values: Float64Array;
  readonly lower?: Float64Array | undefined;
  readonly upper?: Float64Array | undefined;
  readonly numerator?: Float64Array | undefined;
  readonly denominator?: Float64Array | undefined;
}

/**
 * Makes a metric's slices from its rows, sorted by period end (a longer span
 * ending on the same day first), each slice's areas ascending. The arrays for
 * counts are made only when some row of the slice has both; those for bounds
 * only when some row has bounds that its counts cannot stand in for
 * (`countsGiveIntervals`: intervals are worked from counts for proportions,
 * rates and counts), so that an observation takes at most 26 bytes in the
 * usual cases.
 */
export function slicesOf(periods: readonly PeriodSpan[], columns: SeriesColumns, countsGiveIntervals: boolean): PeriodSlice[] {
  const rowsOf = rowsByPeriod(periods.length, columns.periods);
  const slices: PeriodSlice[] = [];
  for (let p = 0; p < periods.length; p++) {
    const rows = rowsOf[p];
    if (rows !== undefined) slices.push(sliceOf(periods[p]!, columns, inAreaOrder(rows, columns.areas), countsGiveIntervals));
  }
  return slices.sort((a, b) => (a.end === b.end ? a.start.localeCompare(b.start) : a.end.localeCompare(b.end)));
}

/** The rows of each period, in the order they came (a counting sort: two passes, no comparisons). */
function rowsByPeriod(periodCount: number, periods: Uint16Array): (Int32Array | undefined)[] {
  const counts = new Int32Array(periodCount);
  for (let i = 0; i < periods.length; i++) counts[periods[i]!]!++;
  const rowsOf = Array.from(counts, (n) => (n === 0 ? undefined : new Int32Array(n)));
  const filled = new Int32Array(periodCount);
  for (let i = 0; i < periods.length; i++) {
    const p = periods[i]!;
    rowsOf[p]![filled[p]!++] = i;
  }
  return rowsOf;
}

/**
 * The rows sorted by area number. Rows read along the store's key often come
 * in area order already, so that is checked first; otherwise each row is
 * sorted as one number (area number × 65,536 + its place), which typed
 * arrays sort natively, and equal areas keep their order. A slice holds at
 * most one row per area, so at most 65,536 rows.
 */
function inAreaOrder(rows: Int32Array, areas: Uint16Array): Int32Array {
  let sorted = true;
  for (let i = 1; i < rows.length && sorted; i++) sorted = areas[rows[i - 1]!]! <= areas[rows[i]!]!;
  if (sorted) return rows;
  if (rows.length > 0x10000) throw new RangeError(`a period slice holds one row per area, at most 65,536 rows, not ${rows.length.toLocaleString('en-GB')}`);
  const keys = new Uint32Array(rows.length);
  for (let i = 0; i < rows.length; i++) keys[i] = areas[rows[i]!]! * 0x10000 + i;
  keys.sort();
  const ordered = new Int32Array(rows.length);
  for (let i = 0; i < rows.length; i++) ordered[i] = rows[keys[i]! & 0xffff]!;
  return ordered;
}

function sliceOf(period: PeriodSpan, columns: SeriesColumns, rows: Int32Array, countsGiveIntervals: boolean): PeriodSlice {
  const n = rows.length;
  const areas = new Uint16Array(n);
  const values = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const r = rows[i]!;
    areas[i] = columns.areas[r]!;
    values[i] = columns.values[r]!;
  }
  const numerator = columns.numerator && columns.denominator ? pick(columns.numerator, rows) : undefined;
  const denominator = numerator && pick(columns.denominator!, rows);
  let anyCounted = false;
  if (numerator && denominator) for (let i = 0; i < n && !anyCounted; i++) anyCounted = !Number.isNaN(numerator[i]!) && !Number.isNaN(denominator[i]!);
  const lower = columns.lower && pick(columns.lower, rows);
  const upper = columns.upper && pick(columns.upper, rows);
  let boundsNeeded = false;
  for (let i = 0; i < n && !boundsNeeded; i++) {
    const bounded = (lower !== undefined && !Number.isNaN(lower[i]!)) || (upper !== undefined && !Number.isNaN(upper[i]!));
    // Bounds are kept only where counts cannot give the interval instead.
    const counted = anyCounted && !Number.isNaN(numerator![i]!) && denominator![i]! > 0;
    boundsNeeded = bounded && !(countsGiveIntervals && counted);
  }
  return new PeriodSlice(
    period.label,
    period.start,
    period.end,
    areas,
    values,
    boundsNeeded ? { lower: lower ?? nans(n), upper: upper ?? nans(n) } : undefined,
    anyCounted ? { numerator: numerator!, denominator: denominator! } : undefined,
  );
}

function pick(column: Float64Array, rows: Int32Array): Float64Array {
  const picked = new Float64Array(rows.length);
  for (let i = 0; i < rows.length; i++) picked[i] = column[rows[i]!]!;
  return picked;
}

function nans(n: number): Float64Array {
  return new Float64Array(n).fill(Number.NaN);
}

/**
 * Collects a metric's rows one at a time, in any order, and makes its slices
 * (see slicesOf): for rows that do not come as columns.
 */
export class SeriesBuilder {
  private readonly spans: PeriodSpan[] = [];
  private readonly periodOf = new Map<string, number>();
  private readonly areas: number[] = [];
  private readonly periods: number[] = [];
  private readonly figures: number[][] = [[], [], [], [], []]; // value, lower, upper, numerator, denominator

  /** `countsGiveIntervals`: whether the metric's intervals are worked from counts (proportions, rates, counts). */
  constructor(private readonly countsGiveIntervals = false) {}

  add(period: string, start: string, end: string, row: SliceRow): void {
    let p = this.periodOf.get(period);
    if (p === undefined) {
      this.periodOf.set(period, (p = this.spans.length));
      this.spans.push({ label: period, start, end });
    }
    this.areas.push(row.area);
    this.periods.push(p);
    [row.value, row.lowerCi, row.upperCi, row.numerator, row.denominator].forEach((figure, c) => this.figures[c]!.push(figure ?? Number.NaN));
  }

  build(): PeriodSlice[] {
    const [values, lower, upper, numerator, denominator] = this.figures.map((column) => Float64Array.from(column));
    return slicesOf(
      this.spans,
      {
        areas: Uint16Array.from(this.areas),
        periods: Uint16Array.from(this.periods),
        values: values!,
        lower,
        upper,
        numerator,
        denominator,
      },
      this.countsGiveIntervals,
    );
  }
}
