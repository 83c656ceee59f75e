/*
 * Percentage positive: the share of a question's answers that are positive ("very
 * or fairly satisfied"), with its Wilson score interval, as the hub keeps it.
 *
 * Definition, unweighted, for the counts of a result:
 *   positive  Σ counts of the positive options
 *   base      the result's base ("don't know" included, see below)
 *   percent   positive ÷ base × 100, interval wilsonInterval(positive, base) × 100
 * Weighted, from the weighted percentages and the effective base n′ (Kish):
 *   percent   Σ weighted percentages of the positive options ÷ Σ all of them × 100
 *             (dividing by their sum rather than 100 takes out their rounding)
 *   positive  percent ÷ 100 × n′,  base n′
 * and the interval is Wilson's on those effective counts, so weighting widens it
 * as much as the weights' spread costs. `positive` and `base` are always the
 * counts the interval was computed on (effective ones where weighted), so a trend
 * or a hub figure built from them keeps the same precision.
 *
 * "Don't know" stays in the base by default. The LGA's national poll, which a
 * council's result is set beside, reports every answer as a share of all
 * respondents ("base: all respondents"), don't knows included; taking them out
 * of a council's base alone would raise its percentage against the poll's. A
 * council reporting for itself may leave them out ('left_out'); the base then
 * is the base less the don't knows, and where weighted the percentages are
 * rescaled to those giving a view and the effective base reduced in proportion.
 *
 * Sources: Wilson interval as src/domain/stats/wilson-interval.ts (PHEindicatormethods);
 * LGA, Benchmarking resident satisfaction data (2021) and its polling reports.
 *
 * No answers left in the base gives not_computed ('no_answers'), as does a
 * weighted result without its percentages ('no_weighted_percentages').
 */
import { wilsonInterval, type ConfidenceLevel } from '../stats/index.ts';
import type { Question, SurveyResult } from './types.ts';

export type DontKnowRule = 'in_base' | 'left_out';

export interface PercentagePositiveOptions {
  readonly level?: ConfidenceLevel;
  readonly dontKnow?: DontKnowRule;
}

export type PercentagePositive =
  | {
      readonly kind: 'ok';
      readonly percent: number;
      readonly lower: number;
      readonly upper: number;
      /** Positive answers, effective where weighted. */
      readonly positive: number;
      /** The base the percent is of, effective where weighted. */
      readonly base: number;
      readonly weighted: boolean;
      readonly level: ConfidenceLevel;
      readonly dontKnow: DontKnowRule;
    }
  | { readonly kind: 'not_computed'; readonly reason: 'no_answers' | 'no_weighted_percentages' };

export function percentagePositive(question: Question, result: SurveyResult, options: PercentagePositiveOptions = {}): PercentagePositive {
  const level = options.level ?? 0.95;
  const dontKnow = options.dontKnow ?? 'in_base';
  const effective = result.weighted === null ? unweightedCounts(question, result, dontKnow) : weightedCounts(question, result.weighted, dontKnow);
  if (effective.kind === 'not_computed') return effective;
  const { positive, base } = effective;
  const interval = wilsonInterval(positive, base, level);
  if (interval.kind === 'not_computed') return Object.freeze({ kind: 'not_computed', reason: 'no_answers' });
  return Object.freeze({
    kind: 'ok',
    percent: (positive / base) * 100,
    lower: interval.lower * 100,
    upper: interval.upper * 100,
    positive,
    base,
    weighted: result.weighted !== null,
    level,
    dontKnow,
  });
}

type Counts = { readonly kind: 'ok'; readonly positive: number; readonly base: number } | { readonly kind: 'not_computed'; readonly reason: 'no_answers' | 'no_weighted_percentages' };

function unweightedCounts(question: Question, result: SurveyResult, dontKnow: DontKnowRule): Counts {
  const sum = (keep: (option: Question['answerOptions'][number]) => boolean) => question.answerOptions.filter(keep).reduce((total, option) => total + (result.counts[option.code] ?? 0), 0);
  const base = result.base - (dontKnow === 'left_out' ? sum((option) => option.dontKnow) : 0);
  if (base <= 0) return { kind: 'not_computed', reason: 'no_answers' };
  return { kind: 'ok', positive: sum((option) => option.positive), base };
}

function weightedCounts(question: Question, weighted: NonNullable<SurveyResult['weighted']>, dontKnow: DontKnowRule): Counts {
  const sum = (keep: (option: Question['answerOptions'][number]) => boolean) => question.answerOptions.filter(keep).reduce((total, option) => total + (weighted.percentages[option.code] ?? 0), 0);
  if (question.answerOptions.every((option) => weighted.percentages[option.code] === undefined)) return { kind: 'not_computed', reason: 'no_weighted_percentages' };
  const all = sum(() => true);
  const answering = all - (dontKnow === 'left_out' ? sum((option) => option.dontKnow) : 0);
  if (all <= 0 || answering <= 0) return { kind: 'not_computed', reason: 'no_answers' };
  const base = weighted.effectiveBase * (answering / all);
  const proportion = Math.min(1, sum((option) => option.positive) / answering);
  return { kind: 'ok', positive: proportion * base, base };
}
