/*
 * Direction of travel: an area's latest value set against its value for the
 * previous period: which way it moved, by how much, whether the move is
 * significant, and what that means for the metric.
 *
 * Definition:
 *   change        latest − previous
 *   direction     up (change > 0), down (change < 0) or same (change = 0)
 *   significant   the two confidence intervals do not overlap: latest.lower >
 *                 previous.upper or latest.upper < previous.lower. Intervals that
 *                 touch overlap, so they are not significant (as an interval that
 *                 touches a benchmark is "similar"); 'not_tested' when either value
 *                 lacks an interval.
 *   judgement     significant and up:   improving (higher_is_better), worsening
 *                                       (lower_is_better), increasing (neutral)
 *                 significant and down: worsening, improving, decreasing
 *                 not significant:      no_significant_change
 *                 not tested:           not_compared
 *   A neutral metric has no better or worse, so a significant move is named
 *   'increasing' or 'decreasing', as the profiles' trend markers name it.
 *
 * The overlap test is conservative. For two estimates with standard errors s₁ and
 * s₂ and intervals of ±z·s, the intervals fail to overlap when the difference
 * exceeds z·(s₁ + s₂), while a test of the difference at the same level needs only
 * z·√(s₁² + s₂²), which is smaller. Non-overlap therefore implies a significant
 * difference, but a difference can be significant while the intervals overlap:
 * with equal standard errors, non-overlapping 95% intervals mean p ≈ 0.006 and
 * non-overlapping 99.8% intervals p ≈ 0.00001. "Significant" here can be trusted;
 * "no significant change" may miss a real but modest change.
 *
 * It is used because it needs only what Lantern stores for a published figure: the
 * value and its interval. Testing the difference itself needs each estimate's
 * standard error, or its numerator and denominator, and the profiles' intervals are
 * often asymmetric (Wilson, Byar's, exact Poisson), so a standard error cannot be
 * read back from them. Both intervals must be at the same level (95% or 99.8%); the
 * answer is significance at that level, conservatively.
 *
 * Source: the public health profiles' (Fingertips) marker for the most recent value
 * against the previous one: fingertips-open, TrendBetweenTwoValuesCalculator and
 * DoubleOverlappingCIsComparer (PholioVisualisationWS/Analysis), 95% intervals,
 * touching counted as overlapping. On the conservatism: Schenker N and Gentleman JF,
 * On judging the significance of differences by examining the overlap between
 * confidence intervals, The American Statistician 55(3), 2001, 182-186.
 *
 * Without both values there is no direction: not_computed, with the missing one. An
 * interval the wrong way round, a value outside its interval, NaN or Infinity is a
 * programmer error (ingest rejects such rows) and throws.
 */
import type { Polarity } from '../metric/index.ts';

export interface PeriodFigure {
  readonly value: number | null;
  readonly lower: number | null;
  readonly upper: number | null;
}

export interface TravelComparison {
  readonly latest: PeriodFigure;
  readonly previous: PeriodFigure;
  readonly polarity: Polarity;
}

export type TravelDirection = 'up' | 'down' | 'same';

export type TravelJudgement = 'improving' | 'worsening' | 'increasing' | 'decreasing' | 'no_significant_change' | 'not_compared';

export type DirectionOfTravel =
  | {
      readonly kind: 'ok';
      readonly direction: TravelDirection;
      readonly change: number;
      readonly significant: boolean | 'not_tested';
      readonly judgement: TravelJudgement;
    }
  | { readonly kind: 'not_computed'; readonly reason: 'missing_latest_value' | 'missing_previous_value' };

interface Interval {
  readonly lower: number;
  readonly upper: number;
}

export function directionOfTravel({ latest, previous, polarity }: TravelComparison): DirectionOfTravel {
  const latestInterval = checkFigure('latest', latest);
  const previousInterval = checkFigure('previous', previous);
  if (latest.value === null) return Object.freeze({ kind: 'not_computed', reason: 'missing_latest_value' });
  if (previous.value === null) return Object.freeze({ kind: 'not_computed', reason: 'missing_previous_value' });

  const change = latest.value - previous.value;
  const direction: TravelDirection = change > 0 ? 'up' : change < 0 ? 'down' : 'same';
  if (latestInterval === null || previousInterval === null) {
    return Object.freeze({ kind: 'ok', direction, change, significant: 'not_tested', judgement: 'not_compared' });
  }
  const significant = latestInterval.lower > previousInterval.upper || latestInterval.upper < previousInterval.lower;
  return Object.freeze({
    kind: 'ok',
    direction,
    change,
    significant,
    judgement: significant && direction !== 'same' ? judge(direction, polarity) : 'no_significant_change',
  });
}

function judge(direction: 'up' | 'down', polarity: Polarity): TravelJudgement {
  switch (polarity) {
    case 'higher_is_better':
      return direction === 'up' ? 'improving' : 'worsening';
    case 'lower_is_better':
      return direction === 'up' ? 'worsening' : 'improving';
    case 'neutral':
      return direction === 'up' ? 'increasing' : 'decreasing';
    default: {
      const unknown: never = polarity;
      throw new RangeError(`unknown polarity: ${String(unknown)}`);
    }
  }
}

/** The figure's interval when it has a whole one (null otherwise), after checking its numbers. */
function checkFigure(name: string, { value, lower, upper }: PeriodFigure): Interval | null {
  for (const [part, number] of [
    ['value', value],
    ['lower', lower],
    ['upper', upper],
  ] as const) {
    if (number !== null && !Number.isFinite(number)) throw new RangeError(`${name}.${part} must be a finite number or null, not ${String(number)}`);
  }
  if (lower === null || upper === null) return null;
  if (lower > upper) throw new RangeError(`${name}'s interval is the wrong way round: lower ${lower} is above upper ${upper}`);
  if (value !== null && (value < lower || value > upper)) throw new RangeError(`${name}'s value ${value} lies outside its interval ${lower} to ${upper}`);
  return { lower, upper };
}
