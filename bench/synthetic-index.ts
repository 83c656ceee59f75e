// A made-up benchmark index for benches that need one in memory: 400 unitary
// councils and England, proportion metrics with counts (so every figure has an
// interval and a trend can be tested) over ten financial years, each council
// at a level and drifting at a pace of its own, so that some are worse and
// getting worse. In-year metrics, when asked for, are monthly over
// `months` months with a rare jump, so that an SPC chart has something to see.
import { BenchmarkIndex, SeriesBuilder, type IndexArea, type IndexMetric } from '../src/domain/benchmark/benchmark-index.ts';
import { countsGiveIntervals } from '../src/domain/benchmark/benchmark-queries.ts';
import { seededRandom } from './seeded-random.ts';
import { syntheticProportion } from './synthetic-metric.ts';

export const ENGLAND = 'E92000001';
export const COUNCILS = 400;
export const FIRST_YEAR = 2014;
export const LAST_YEAR = 2023;

export const councilCode = (a: number) => `E06${String(a + 1).padStart(6, '0')}`;

interface Span {
  readonly label: string;
  readonly start: string;
  readonly end: string;
}

const YEARS: readonly Span[] = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => {
  const y = FIRST_YEAR + i;
  return { label: `${y}/${String((y + 1) % 100).padStart(2, '0')}`, start: `${y}-04-01`, end: `${y + 1}-03-31` };
});

function monthsTo(count: number): Span[] {
  return Array.from({ length: count }, (_, i) => {
    const first = new Date(Date.UTC(LAST_YEAR, 3 + i - count, 1));
    const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
    return { label: first.toISOString().slice(0, 7), start: first.toISOString().slice(0, 10), end: last.toISOString().slice(0, 10) };
  });
}

export interface SyntheticShape {
  /** Yearly metrics, numbered from 1. */
  readonly metrics: number;
  /** Monthly metrics, numbered after the yearly ones. */
  readonly inYear?: number;
  readonly months?: number;
}

export function syntheticIndex({ metrics, inYear = 0, months = 15 }: SyntheticShape): BenchmarkIndex {
  const random = seededRandom(20240401);
  const councils: IndexArea[] = Array.from({ length: COUNCILS }, (_, a) => ({
    code: councilCode(a),
    name: `Council ${a + 1}`,
    type: 'unitary',
    regionCode: `E1200000${1 + (a % 9)}`,
    countyCode: null,
    startDate: null,
    endDate: null,
    successorCodes: [],
  }));
  const england: IndexArea = { code: ENGLAND, name: 'England', type: 'england', regionCode: null, countyCode: null, startDate: null, endDate: null, successorCodes: [] };
  const index = new BenchmarkIndex([...councils, england]);
  for (let m = 1; m <= metrics; m++) {
    const metric = syntheticProportion(m, '%');
    index.put(metric, seriesOf(metric, YEARS, random));
  }
  const spans = monthsTo(months);
  for (let m = metrics + 1; m <= metrics + inYear; m++) {
    const metric: IndexMetric = { ...syntheticProportion(m, '%'), periodKind: 'month' };
    index.put(metric, seriesOf(metric, spans, random));
  }
  return index;
}

/** Each council a level and a drift of its own, and in-year one time in a hundred a jump; England's row is the councils' pooled proportion. */
function seriesOf(metric: IndexMetric, spans: readonly Span[], random: () => number) {
  const builder = new SeriesBuilder(countsGiveIntervals(metric));
  const inYear = metric.periodKind === 'month';
  const levels = Array.from({ length: COUNCILS }, () => 0.2 + 0.1 * (random() - 0.5));
  const drifts = Array.from({ length: COUNCILS }, () => 0.01 * (random() - 0.5));
  spans.forEach((span, t) => {
    let numerators = 0;
    let denominators = 0;
    for (let a = 0; a < COUNCILS; a++) {
      const denominator = 2000 + Math.floor(random() * 8000);
      // Only in-year series jump, so that the yearly ones draw the same numbers as before there were any.
      const jump = inYear && random() < 0.01 ? 0.1 : 0;
      const p = Math.min(0.95, Math.max(0.05, levels[a]! + drifts[a]! * t + jump + 0.01 * (random() - 0.5)));
      const numerator = Math.round(p * denominator);
      numerators += numerator;
      denominators += denominator;
      builder.add(span.label, span.start, span.end, { area: a, value: (100 * numerator) / denominator, lowerCi: null, upperCi: null, numerator, denominator });
    }
    builder.add(span.label, span.start, span.end, { area: COUNCILS, value: (100 * numerators) / denominators, lowerCi: null, upperCi: null, numerator: numerators, denominator: denominators });
  });
  return builder.build();
}
