// Builders for benchmark index tests: areas, metrics and an index made from a
// compact table of rows, in memory, without the store. Everything returned is
// frozen, so a test that mutates its inputs fails.
import { countsGiveIntervals } from '../../src/domain/benchmark/benchmark-queries.ts';
import { BenchmarkIndex, SeriesBuilder } from '../../src/domain/benchmark/benchmark-index.ts';
import type { IndexArea, IndexMetric, PeriodSlice } from '../../src/domain/benchmark/benchmark-index.ts';
import type { AreaType } from '../../src/domain/area/index.ts';
import { parsePeriod } from '../../src/domain/period/index.ts';

export const ENGLAND_CODE = 'E92000001';

/** An area; a council in a region by default, open-ended, replacing nothing. */
export function indexArea(code: string, name: string, type: AreaType, more: Partial<Omit<IndexArea, 'code' | 'name' | 'type'>> = {}): IndexArea {
  return Object.freeze({
    code,
    name,
    type,
    regionCode: more.regionCode ?? null,
    countyCode: more.countyCode ?? null,
    startDate: more.startDate ?? null,
    endDate: more.endDate ?? null,
    successorCodes: Object.freeze([...(more.successorCodes ?? [])]),
  });
}

let nextMetricId = 1;

/** A metric: a mean, higher is better, calendar years, no themes, unless told otherwise. */
export function indexMetric(code: string, more: Partial<IndexMetric> = {}): IndexMetric {
  return Object.freeze({
    id: nextMetricId++,
    code,
    title: code,
    definition: null,
    unit: null,
    polarity: 'higher_is_better',
    valueKind: 'mean',
    multiplier: null,
    periodKind: 'calendar_year',
    source: null,
    decimals: 1,
    ciMethod: null,
    status: 'published',
    ...more,
    themes: Object.freeze([...(more.themes ?? [])]),
  });
}

/**
 * One observation: period label (as parsePeriod reads it), area code, value
 * (null: suppressed), then, where the row has them, lower and upper bounds and
 * numerator and denominator.
 */
export type Row = readonly [period: string, area: string, value: number | null, lower?: number | null, upper?: number | null, numerator?: number | null, denominator?: number | null];

/** A metric and its rows, in any order. */
export type MetricRows = readonly [metric: IndexMetric, rows: readonly Row[]];

/** The slices a SeriesBuilder makes of the rows, areas numbered by their place in `areas`; bounds kept as the store loader keeps them for a metric of `kind`. */
export function buildSlices(areas: readonly IndexArea[], rows: readonly Row[], kind: Pick<IndexMetric, 'valueKind'> = { valueKind: 'mean' }): PeriodSlice[] {
  const number = new Map(areas.map((area, i) => [area.code, i]));
  const builder = new SeriesBuilder(countsGiveIntervals(kind));
  for (const [label, code, value, lowerCi = null, upperCi = null, numerator = null, denominator = null] of rows) {
    const parsed = parsePeriod(label);
    if (parsed.kind !== 'ok') throw new RangeError(`not a period: ${label} (${parsed.reason})`);
    const area = number.get(code);
    if (area === undefined) throw new RangeError(`no area ${code} among the index's areas`);
    builder.add(parsed.period.label, parsed.period.start, parsed.period.end, { area, value, lowerCi, upperCi, numerator, denominator });
  }
  return builder.build();
}

/** An index of the areas, holding each metric's rows. */
export function buildIndex(areas: readonly IndexArea[], metrics: readonly MetricRows[]): BenchmarkIndex {
  const index = new BenchmarkIndex(Object.freeze([...areas]));
  for (const [metric, rows] of metrics) index.put(metric, buildSlices(areas, rows, metric));
  return index;
}

/** The area of the index with the code, which the test put there. */
export function areaOf(index: BenchmarkIndex, code: string): IndexArea {
  const area = index.area(code);
  if (area === undefined) throw new RangeError(`no area ${code} in the index`);
  return area;
}
