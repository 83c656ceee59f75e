// How a council's figure compares, as a page shows it: the domain's verdict
// (verdictOf: better, similar or worse than the benchmark where the figure
// has an interval, else its fifth of the group) with a colour and a shape.
// Every comparison has words as well as a colour and a shape; the words are
// the verdict's own, so the page, the API and the CSV say the same. A polar
// metric's fifths (q1 … q5) and a neutral one's (n1 … n5) have their own keys
// and colours, so that "Highest fifth" never wears the green of "Best fifth".
import { fifthLabel, scaleOf, significanceLabel, type Fifth, type Verdict } from '../../domain/benchmark/index.ts';
import type { Polarity } from '../../domain/metric/index.ts';
import { type VerdictScale } from '../../domain/benchmark/index.ts';
import { TEXT_CONTRAST, contrastRatio } from '../charts/contrast.ts';
import { INK, NEUTRAL_FIFTHS, POLAR_FIFTHS, SIGNIFICANCE_STYLE, WHITE, type Marker } from '../charts/palette.ts';

interface Look {
  /** A class modifier: better, similar, worse, higher, lower, q1 … q5 (best first), n1 … n5 (highest first), not-compared or none. */
  readonly key: string;
  readonly fill: string;
  readonly text: string;
  readonly marker: Marker;
}

export type Comparison = Verdict & Look;

/** What a tag, a map and a chart's shade need of a comparison (all a report frozen before verdicts carried their rule holds). */
export type ComparisonTag = Pick<Comparison, 'key' | 'label' | 'words' | 'fill' | 'text' | 'marker'>;

const FIFTHS: readonly Fifth[] = [1, 2, 3, 4, 5];
const NOT_COMPARED: Look = Object.freeze({ key: 'not-compared', fill: SIGNIFICANCE_STYLE.not_compared.fill, text: INK, marker: 'ring' });
const NO_VALUE: Look = Object.freeze({ ...NOT_COMPARED, key: 'none' });

export function comparisonOf(verdict: Verdict): Comparison {
  return { ...verdict, ...lookOf(verdict) };
}

function lookOf(verdict: Verdict): Look {
  switch (verdict.kind) {
    case 'significance': {
      const style = SIGNIFICANCE_STYLE[verdict.significance];
      return { key: verdict.significance, fill: style.fill, text: style.text, marker: style.marker };
    }
    case 'fifth':
      return fifthLook(verdict.fifth, verdict.scale);
    case 'not_compared':
      return NOT_COMPARED;
    case 'no_value':
      return NO_VALUE;
    default: {
      const unknown: never = verdict;
      throw new RangeError(`unknown verdict: ${String(unknown)}`);
    }
  }
}

function fifthLook(fifth: Fifth, scale: VerdictScale): Look {
  const fill = (scale === 'polar' ? POLAR_FIFTHS : NEUTRAL_FIFTHS)[fifth - 1]!;
  const text = contrastRatio(WHITE, fill) >= TEXT_CONTRAST ? WHITE : INK;
  return { key: `${scale === 'polar' ? 'q' : 'n'}${fifth}`, fill, text, marker: 'circle' };
}

/**
 * An area a map draws with no figure for the period: the key's "No data",
 * which a map's key in HTML (for phones, where the map's own key is hidden)
 * must carry as the map's does.
 */
export const NO_DATA_TAG: ComparisonTag & { readonly sentence: string } = Object.freeze({
  key: NO_VALUE.key,
  fill: NO_VALUE.fill,
  text: NO_VALUE.text,
  marker: NO_VALUE.marker,
  label: 'No data',
  words: 'No data',
  sentence: 'Lantern holds no figure for this area in this period; the map hatches it.',
});

/** The legend of every comparison a page may show. */
export function comparisonLegend(polarity: Polarity): { key: string; fill: string; label: string; marker: Marker }[] {
  const significance = (['better', 'similar', 'worse', 'higher', 'lower'] as const).map((s) => ({
    key: s as string,
    fill: SIGNIFICANCE_STYLE[s].fill,
    label: significanceLabel(s),
    marker: SIGNIFICANCE_STYLE[s].marker,
  }));
  const scale = scaleOf(polarity);
  const fifths = FIFTHS.map((q) => ({ ...fifthLook(q, scale), label: fifthLabel(q, scale) }));
  return [...significance, ...fifths, { key: NO_VALUE.key, fill: NO_VALUE.fill, label: 'No value', marker: NO_VALUE.marker }];
}

/** Every comparison's colours by key, for the stylesheet's tag classes. */
export function comparisonColours(): { key: string; fill: string; text: string }[] {
  const significance = (['better', 'similar', 'worse', 'higher', 'lower', 'not_compared'] as const).map((s) => ({
    key: s === 'not_compared' ? 'not-compared' : s,
    fill: SIGNIFICANCE_STYLE[s].fill,
    text: SIGNIFICANCE_STYLE[s].text,
  }));
  const fifths = (['polar', 'neutral'] as const).flatMap((scale) => FIFTHS.map((q) => fifthLook(q, scale)));
  return [...significance, ...fifths, { key: NO_VALUE.key, fill: NO_VALUE.fill, text: NO_VALUE.text }];
}
