/*
 * Verdict: what Lantern says of a figure beside its comparator group, the one
 * rule behind every tag, chart shade and map key, and every API field, CSV
 * column and PDF table cell that says how a figure compares.
 *
 * Rule, in order:
 *   no value                                  no_value
 *   an interval and a benchmark value         significance (compareToBenchmark): better, similar
 *                                             or worse than the benchmark; higher, similar or
 *                                             lower where the metric has no polarity
 *   else a rank among five or more values     the fifth of the group it falls in (quantileOf,
 *                                             n = 5, as phe_quantile assigns them): best to worst
 *                                             fifth, or highest to lowest where neither is better
 *   else                                      not_compared: not ranked in the group, or too few
 *                                             values to make fifths
 *
 * A fifth is never a judgement of significance: the best fifth of a group
 * may be no different from its benchmark. That is why a figure with an
 * interval is tested first, and why a neutral metric's fifths are "highest"
 * and "lowest", never "best" and "worst" (its scale says which, so that a
 * page can colour the two differently).
 *
 * Judgements explain themselves: each verdict carries the rule that made it
 * (an id and a version, kept in VERDICT_RULES), the figures it was made from
 * and a sentence, so that the page, the API, the CSV and the PDF can all say
 * the same thing and say why.
 */
import { formatNumber, ordinal } from '../format/index.ts';
import type { Polarity } from '../metric/index.ts';
import type { ConfidenceLevel } from '../stats/index.ts';
import { compareToBenchmark, describeSignificance, significanceLabel, type Significance } from './compare-to-benchmark.ts';
import { quantileOf } from './quantile.ts';

/** Which words a polarity's fifths use: best and worst, or highest and lowest. */
export type VerdictScale = 'polar' | 'neutral';

export type Fifth = 1 | 2 | 3 | 4 | 5;

export interface VerdictRule {
  readonly id: 'compare_to_benchmark' | 'fifth_of_group';
  readonly version: number;
  readonly statement: string;
}

/** The rules, as data: a verdict names its rule by id and version, and a reader can look the statement up. */
export const VERDICT_RULES = Object.freeze({
  compare_to_benchmark: Object.freeze({
    id: 'compare_to_benchmark',
    version: 1,
    statement:
      'A figure with a confidence interval is better or worse than the benchmark (higher or lower where neither is better) ' +
      'when its interval lies wholly above or below the benchmark, and similar when the interval reaches it.',
  }),
  fifth_of_group: Object.freeze({
    id: 'fifth_of_group',
    version: 1,
    statement:
      'A figure without an interval, or without a benchmark to test it against, is placed in the fifth of its group its rank falls in ' +
      '(best to worst, or highest to lowest where neither is better); a group of fewer than five values has no fifths.',
  }),
} as const satisfies Record<string, VerdictRule>);

/** A verdict names its rule; VERDICT_RULES holds the statement. */
export interface VerdictRuleRef {
  readonly id: VerdictRule['id'];
  readonly version: number;
}

interface Said {
  /** A word or two for a tag: 'Better', 'Best fifth'. */
  readonly label: string;
  /** The verdict in a phrase naming what it is against: 'Better than England', 'Best fifth of North East councils'. */
  readonly words: string;
  /** Why, with the figures: the interval and the benchmark, or the rank in the group. */
  readonly sentence: string;
}

export type Verdict = Said &
  (
    | {
        readonly kind: 'significance';
        readonly significance: Exclude<Significance, 'not_compared'>;
        readonly scale: VerdictScale;
        readonly rule: VerdictRuleRef;
        readonly figures: {
          readonly value: number;
          readonly lower: number;
          readonly upper: number;
          readonly level: ConfidenceLevel;
          readonly benchmark: number;
          readonly benchmarkSource: string;
        };
      }
    | {
        readonly kind: 'fifth';
        readonly fifth: Fifth;
        readonly scale: VerdictScale;
        readonly rule: VerdictRuleRef;
        readonly figures: { readonly value: number; readonly rank: number; readonly ranked: number };
      }
    | {
        readonly kind: 'not_compared';
        readonly reason: 'not_ranked' | 'too_few_values';
        readonly rule: VerdictRuleRef;
        readonly figures: { readonly value: number; readonly rank: number | null; readonly ranked: number };
      }
    | { readonly kind: 'no_value'; readonly rule: null; readonly figures: null }
  );

export interface VerdictInput {
  readonly value: number | null;
  readonly polarity: Polarity;
  /** The metric's decimals, for the figures in the sentence. */
  readonly decimals: number;
  /** Its rank in the group, 1 the best (the highest where neither is better); null where it is not ranked there. */
  readonly rank: number | null;
  /** How many of the group have a value. */
  readonly ranked: number;
  /** The group's name, as the words say it: 'North East councils'. */
  readonly group: string;
  readonly interval: { readonly lower: number; readonly upper: number } | null | undefined;
  /** The level the interval was worked at. */
  readonly level: ConfidenceLevel;
  /** The value the figure is tested against, and what it is ('England', 'group mean'). */
  readonly benchmark: { readonly value: number; readonly source: string } | null;
}

const FIFTH_LABELS: Readonly<Record<VerdictScale, readonly string[]>> = Object.freeze({
  polar: Object.freeze(['Best fifth', 'Second fifth', 'Middle fifth', 'Fourth fifth', 'Worst fifth']),
  neutral: Object.freeze(['Highest fifth', 'Second highest fifth', 'Middle fifth', 'Second lowest fifth', 'Lowest fifth']),
});

const NO_VALUE: Verdict = Object.freeze({
  kind: 'no_value',
  rule: null,
  figures: null,
  label: 'No value',
  words: 'No value for this period',
  sentence: 'There is no value for this period.',
});

export function verdictOf(input: VerdictInput): Verdict {
  const { value, interval, benchmark, polarity } = input;
  if (value === null) return NO_VALUE;
  const significance = compareToBenchmark({
    value,
    lower: interval?.lower ?? null,
    upper: interval?.upper ?? null,
    benchmark: benchmark?.value ?? null,
    polarity,
  });
  if (significance !== 'not_compared') return significanceVerdict(input, value, significance, interval!, benchmark!);
  return fifthVerdict(input, value);
}

/**
 * The verdict on one of the benchmark engine's rows (a league table's, a
 * profile's, a dashboard tile's) against its group: the one way pages,
 * reports and the API turn a row into its verdict, so that they agree.
 */
export function verdictOfRow(
  metric: Pick<VerdictInput, 'polarity' | 'decimals'>,
  row: Pick<VerdictInput, 'value' | 'interval' | 'rank'>,
  group: { readonly label: string; readonly ranked: number; readonly benchmark: VerdictInput['benchmark'] },
  level: ConfidenceLevel,
): Verdict {
  return verdictOf({
    value: row.value,
    interval: row.interval,
    rank: row.rank,
    polarity: metric.polarity,
    decimals: metric.decimals,
    ranked: group.ranked,
    group: group.label,
    benchmark: group.benchmark,
    level,
  });
}

/** Which scale a polarity's fifths are on. */
export function scaleOf(polarity: Polarity): VerdictScale {
  return polarity === 'neutral' ? 'neutral' : 'polar';
}

/** A fifth's label on its scale: 'Best fifth', 'Second lowest fifth'. */
export function fifthLabel(fifth: Fifth, scale: VerdictScale): string {
  return FIFTH_LABELS[scale][fifth - 1]!;
}

function significanceVerdict(
  input: VerdictInput,
  value: number,
  significance: Exclude<Significance, 'not_compared'>,
  interval: { readonly lower: number; readonly upper: number },
  benchmark: { readonly value: number; readonly source: string },
): Verdict {
  const n = (figure: number) => formatNumber(figure, input.decimals);
  const level = `${formatNumber(input.level * 100, input.level === 0.95 ? 0 : 1)}%`;
  const against = `the benchmark (${benchmark.source}: ${n(benchmark.value)})`;
  const where =
    significance === 'similar'
      ? `reaches ${against}, so ${n(value)} is not significantly different`
      : `lies wholly ${interval.lower > benchmark.value ? 'above' : 'below'} ${against}, so ${n(value)} is significantly ${significance}`;
  return {
    kind: 'significance',
    significance,
    scale: scaleOf(input.polarity),
    rule: ruleRef('compare_to_benchmark'),
    figures: { value, lower: interval.lower, upper: interval.upper, level: input.level, benchmark: benchmark.value, benchmarkSource: benchmark.source },
    label: significanceLabel(significance),
    words: describeSignificance(significance, benchmark.source),
    sentence: `Its ${level} confidence interval, ${n(interval.lower)} to ${n(interval.upper)}, ${where}.`,
  };
}

function fifthVerdict(input: VerdictInput, value: number): Verdict {
  const { rank, ranked, group } = input;
  const rule = ruleRef('fifth_of_group');
  const untested = input.interval ? 'There is no benchmark to test it against' : 'It has no confidence interval to test against a benchmark';
  if (rank === null) {
    return {
      kind: 'not_compared',
      reason: 'not_ranked',
      rule,
      figures: { value, rank, ranked },
      label: 'Not compared',
      words: `Not compared: not ranked in ${group}`,
      sentence: `${untested}, and it is not ranked in ${group}.`,
    };
  }
  const fifth = quantileOf(rank, ranked, 5);
  if (fifth.kind !== 'ok') {
    return {
      kind: 'not_compared',
      reason: 'too_few_values',
      rule,
      figures: { value, rank, ranked },
      label: 'Not compared',
      words: `Not compared: too few values in ${group}`,
      sentence: `${untested}, and ${group} has ${ranked} ${ranked === 1 ? 'value' : 'values'}, too few to make fifths.`,
    };
  }
  const scale = scaleOf(input.polarity);
  const label = fifthLabel(fifth.quantile as Fifth, scale);
  return {
    kind: 'fifth',
    fifth: fifth.quantile as Fifth,
    scale,
    rule,
    figures: { value, rank, ranked },
    label,
    words: `${label} of ${group}`,
    sentence: `${untested}. It is ${ordinal(rank)} of ${ranked} in ${group}, ${scale === 'polar' ? 'best' : 'highest'} first: the ${label.toLowerCase()}.`,
  };
}

function ruleRef(id: VerdictRule['id']): VerdictRuleRef {
  const { version } = VERDICT_RULES[id];
  return { id, version };
}
