// How a council's figure compares, as a page shows it: the profiles' verdict
// against the benchmark where there is one (better, similar, worse; higher,
// lower), or else which fifth of its group it falls in, in blues. Every
// comparison has words as well as a colour and a shape.
import { significanceLabel, type Significance } from '../../domain/benchmark/compare-to-benchmark.ts';
import { quantileOf } from '../../domain/benchmark/quantile.ts';
import type { Polarity } from '../../domain/metric/index.ts';
import { INK, QUINTILE_BLUES, SIGNIFICANCE_STYLE, WHITE, type Marker } from '../charts/palette.ts';

export interface Comparison {
  /** A class modifier: better, similar, worse, higher, lower, q1 … q5, or none. */
  readonly key: string;
  /** A short word or two for a tag. */
  readonly label: string;
  /** A sentence for people and screen readers. */
  readonly words: string;
  readonly fill: string;
  readonly text: string;
  readonly marker: Marker;
}

const NONE: Comparison = Object.freeze({
  key: 'none', label: 'No value', words: 'No value for this period', fill: SIGNIFICANCE_STYLE.not_compared.fill, text: INK, marker: 'ring',
});

const FIFTHS = {
  judged: ['Best fifth', 'Second fifth', 'Middle fifth', 'Fourth fifth', 'Worst fifth'],
  neutral: ['Highest fifth', 'Second highest fifth', 'Middle fifth', 'Second lowest fifth', 'Lowest fifth'],
} as const;

export interface Compared {
  readonly value: number | null;
  readonly significance: Significance;
  readonly rank: number | null;
}

/** `ranked`: how many of the group have a value; `benchmarkLabel`: what the verdict is against ("England"). */
export function comparisonOf(row: Compared, ranked: number, polarity: Polarity, groupLabel: string, benchmarkLabel: string): Comparison {
  if (row.value === null) return NONE;
  if (row.significance !== 'not_compared') {
    const style = SIGNIFICANCE_STYLE[row.significance];
    const label = significanceLabel(row.significance);
    return { key: row.significance, label, words: `${label} than ${benchmarkLabel}`.replace('Similar than', 'Similar to'), fill: style.fill, text: style.text, marker: style.marker };
  }
  const fifth = row.rank === null ? undefined : quantileOf(row.rank, ranked, 5);
  if (fifth?.kind !== 'ok') {
    return { ...NONE, key: 'not-compared', label: 'Not compared', words: `Not compared: too few values in ${groupLabel}` };
  }
  const q = fifth.quantile;
  const label = FIFTHS[polarity === 'neutral' ? 'neutral' : 'judged'][q - 1]!;
  const fill = QUINTILE_BLUES[5 - q]!;
  return { key: `q${q}`, label, words: `${label} of ${groupLabel}`, fill, text: q <= 2 ? WHITE : INK, marker: 'circle' };
}

/** The legend of every comparison a page may show. */
export function comparisonLegend(polarity: Polarity): { key: string; fill: string; label: string; marker: Marker }[] {
  const significance = (['better', 'similar', 'worse', 'higher', 'lower'] as const)
    .map((s) => ({ key: s as string, fill: SIGNIFICANCE_STYLE[s].fill, label: significanceLabel(s), marker: SIGNIFICANCE_STYLE[s].marker }));
  const fifths = [1, 2, 3, 4, 5].map((q) => ({
    key: `q${q}`, fill: QUINTILE_BLUES[5 - q]!, label: FIFTHS[polarity === 'neutral' ? 'neutral' : 'judged'][q - 1]!, marker: 'circle' as Marker,
  }));
  return [...significance, ...fifths, { key: 'none', fill: NONE.fill, label: 'No value', marker: 'ring' }];
}

/** Every comparison's colours by key, for the stylesheet's tag classes. */
export function comparisonColours(): { key: string; fill: string; text: string }[] {
  const significance = (['better', 'similar', 'worse', 'higher', 'lower', 'not_compared'] as const)
    .map((s) => ({ key: s === 'not_compared' ? 'not-compared' : s, fill: SIGNIFICANCE_STYLE[s].fill, text: SIGNIFICANCE_STYLE[s].text }));
  const fifths = [1, 2, 3, 4, 5].map((q) => ({ key: `q${q}`, fill: QUINTILE_BLUES[5 - q]!, text: q <= 2 ? WHITE : INK }));
  return [...significance, ...fifths, { key: 'none', fill: NONE.fill, text: NONE.text }];
}
