// A made-up proportion metric for benches that build an index in memory:
// numbered, mostly polar (every tenth neutral, odd numbers higher is better),
// yearly, with counts that give intervals.
import type { IndexMetric } from '../src/domain/benchmark/benchmark-index.ts';

export function syntheticProportion(m: number, unit: string | null): IndexMetric {
  return {
    id: m,
    code: `m${String(m).padStart(4, '0')}`,
    title: `Metric ${m}`,
    definition: null,
    unit,
    polarity: m % 10 === 0 ? 'neutral' : m % 2 === 1 ? 'higher_is_better' : 'lower_is_better',
    valueKind: 'proportion',
    multiplier: 100,
    periodKind: 'financial_year',
    source: null,
    themes: [],
    decimals: 1,
    ciMethod: null,
    status: 'published',
  };
}
