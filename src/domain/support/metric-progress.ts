// A package's metric: has it moved from its baseline, in the direction agreed,
// by the period agreed? Read from the latest figure in the benchmark index.
// Where the figure has a confidence interval the move must be significant
// (the interval clear of the baseline, the profiles' compare-to-benchmark
// rule with the baseline as benchmark); where it has none the figure is set
// against the baseline as it stands, and the verdict says it was not tested.
//
//   moved              the latest figure is beyond the baseline in the direction agreed
//   moved_wrong_way    it is beyond the baseline the other way
//   unmoved            neither, with a figure for the by-period or later
//   not_yet_due        no figure after the baseline yet, or unmoved before the by-period
//
// A move the wrong way is reported whenever it shows: the Panel should hear
// of it before the by-period, not after.
import { compareToBenchmark, type Significance } from '../benchmark/index.ts';
import { comparePeriods, parsePeriod } from '../period/index.ts';
import type { PackageMetricDraft } from './package-checks.ts';

export const METRIC_PROGRESS = ['moved', 'unmoved', 'moved_wrong_way', 'not_yet_due'] as const;
export type MetricProgressVerdict = (typeof METRIC_PROGRESS)[number];

export interface LatestFigure {
  readonly period: string;
  readonly value: number;
  readonly lower: number | null;
  readonly upper: number | null;
}

export interface MetricProgress {
  readonly verdict: MetricProgressVerdict;
  /** The figure the verdict reads; null when the index has none after the baseline. */
  readonly latest: LatestFigure | null;
  /** Against the baseline, in the domain's significance words; not_compared without an interval. */
  readonly significance: Significance;
  /** Whether the latest figure is for the by-period or later: an unmoved metric is then the Panel's business. */
  readonly due: boolean;
  readonly sentence: string;
}

type Judged = Pick<PackageMetricDraft, 'metricCode' | 'baselinePeriod' | 'baselineValue' | 'direction' | 'byPeriod'>;

export function metricProgress(metric: Judged, latest: LatestFigure | null, title = metric.metricCode): MetricProgress {
  const after = latest !== null && later(latest.period, metric.baselinePeriod) ? latest : null;
  if (after === null) {
    return {
      verdict: 'not_yet_due',
      latest: null,
      significance: 'not_compared',
      due: false,
      sentence: `${title}: no figure yet after the baseline ${metric.baselinePeriod} (${metric.baselineValue}); due to move ${metric.direction} by ${metric.byPeriod}`,
    };
  }
  const due = !later(metric.byPeriod, after.period);
  const significance = compareToBenchmark({
    value: after.value,
    lower: after.lower,
    upper: after.upper,
    benchmark: metric.baselineValue,
    polarity: metric.direction === 'up' ? 'higher_is_better' : 'lower_is_better',
  });
  const moved = significance === 'not_compared' ? plainMove(metric, after.value) : significance;
  const verdict: MetricProgressVerdict = moved === 'better' ? 'moved' : moved === 'worse' ? 'moved_wrong_way' : due ? 'unmoved' : 'not_yet_due';
  return { verdict, latest: after, significance, due, sentence: sentenceOf(title, metric, after, verdict, significance) };
}

/** Without an interval: the figure as it stands against the baseline. */
function plainMove(metric: Judged, value: number): Significance {
  if (value === metric.baselineValue) return 'similar';
  return value > metric.baselineValue === (metric.direction === 'up') ? 'better' : 'worse';
}

const WORDS: Readonly<Record<MetricProgressVerdict, string>> = {
  moved: 'moved as agreed',
  moved_wrong_way: 'moved the wrong way',
  unmoved: 'not moved',
  not_yet_due: 'not yet due',
};

export function progressLabel(verdict: MetricProgressVerdict): string {
  return WORDS[verdict];
}

function sentenceOf(title: string, metric: Judged, latest: LatestFigure, verdict: MetricProgressVerdict, significance: Significance): string {
  const tested = significance === 'not_compared' ? 'no confidence interval, so not tested for significance' : significance === 'similar' ? 'not significantly different' : 'significant at 95%';
  return `${title}: ${latest.value} in ${latest.period} against ${metric.baselineValue} in ${metric.baselinePeriod}, to move ${metric.direction} by ${metric.byPeriod}: ${WORDS[verdict]} (${tested})`;
}

/** Whether period label `a` ends after `b`; labels that do not read as periods compare as text. */
function later(a: string, b: string): boolean {
  const pa = parsePeriod(a);
  const pb = parsePeriod(b);
  if (pa.kind === 'ok' && pb.kind === 'ok') return comparePeriods(pa.period, pb.period) > 0;
  return a > b;
}
