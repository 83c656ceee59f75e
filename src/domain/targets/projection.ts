// A projection of the trend to the target date, with its interval, shown
// beside the partners' likelihood of delivery so that judgement and
// arithmetic can visibly disagree (IMPROVEMENT.md, "Targets and agreements").
//
// Least squares of value on period number (x = periods since the first
// point, so a non-survey year leaves a gap rather than closing it):
//   b = Σ(x − x̄)(y − ȳ) / Σ(x − x̄)²,  a = ȳ − b·x̄,  ŷ₀ = a + b·x₀
// and the 95% prediction interval for a single new value at x₀:
//   ŷ₀ ± t(0.975, n − 2) · s · √(1 + 1/n + (x₀ − x̄)² / Σ(x − x̄)²)
// with s² = Σ(y − ŷ)² / (n − 2). A prediction interval, not the narrower
// confidence interval of the line: the question is where the target
// period's one value will fall. Three points at least, so that s has a
// degree of freedom.
import tQuantile from '@stdlib/stats-base-dists-t-quantile';
import type { Polarity } from '../metric/index.ts';
import { parsePeriod, stepsBetween, type Period } from '../period/index.ts';
import { isBetter } from './progress.ts';
import type { Assurance } from './spc.ts';
import type { Band, Likelihood, PeriodValue } from './types.ts';

export const PROJECTION_MINIMUM_POINTS = 3;

/** What the arithmetic says of the target: its whole interval on or better than the target, worse than it, or either way. */
export type Outlook = 'likely' | 'uncertain' | 'unlikely';

export type Projection =
  | { readonly kind: 'projected'; readonly period: string; readonly value: number; readonly lower: number; readonly upper: number; readonly slope: number; readonly outlook: Outlook }
  | { readonly kind: 'not_projected'; readonly reason: string };

/** The trend of the actuals carried to the target period, with its 95% prediction interval and what it says of the target. */
export function projectTrend(actuals: readonly PeriodValue[], targetPeriod: string, targetValue: number, polarity: Polarity): Projection {
  const placed = placeAll(actuals, targetPeriod);
  if (typeof placed === 'string') return { kind: 'not_projected', reason: placed };
  const { xs, x0 } = placed;
  const ys = actuals.map((point) => point.value);
  if (xs.length < PROJECTION_MINIMUM_POINTS) return { kind: 'not_projected', reason: `${xs.length} actuals: a projection needs at least ${PROJECTION_MINIMUM_POINTS}` };
  const n = xs.length;
  const xBar = mean(xs);
  const yBar = mean(ys);
  const sxx = xs.reduce((sum, x) => sum + (x - xBar) ** 2, 0);
  if (sxx === 0) return { kind: 'not_projected', reason: 'the actuals are all for one period' };
  const slope = xs.reduce((sum, x, i) => sum + (x - xBar) * (ys[i]! - yBar), 0) / sxx;
  const intercept = yBar - slope * xBar;
  const residual = xs.reduce((sum, x, i) => sum + (ys[i]! - intercept - slope * x) ** 2, 0);
  const s = Math.sqrt(residual / (n - 2));
  const value = intercept + slope * x0;
  const half = tQuantile(0.975, n - 2) * s * Math.sqrt(1 + 1 / n + (x0 - xBar) ** 2 / sxx);
  const [lower, upper] = [value - half, value + half];
  return { kind: 'projected', period: targetPeriod, value, lower, upper, slope, outlook: outlookOf(lower, upper, targetValue, polarity) };
}

function outlookOf(lower: number, upper: number, target: number, polarity: Polarity): Outlook {
  if (polarity === 'neutral') return lower <= target && target <= upper ? 'likely' : 'unlikely';
  const [worst, best] = polarity === 'higher_is_better' ? [lower, upper] : [upper, lower];
  if (!isBetter(target, worst, polarity)) return 'likely';
  return isBetter(target, best, polarity) ? 'unlikely' : 'uncertain';
}

/** Each actual's period number counted from the first, and the target period's; or why they cannot be placed on one line. */
function placeAll(actuals: readonly PeriodValue[], targetPeriod: string): { xs: number[]; x0: number } | string {
  const first = actuals[0];
  if (first === undefined) return 'no actuals yet';
  const origin = periodOf(first.period);
  const target = periodOf(targetPeriod);
  if (!origin || !target) return `the periods ${first.period} and ${targetPeriod} are not periods Lantern reads`;
  const xs: number[] = [];
  for (const point of actuals) {
    const period = periodOf(point.period);
    const x = period && stepsBetween(origin, period);
    if (x === undefined) return `${point.period} is not a period of the same kind as ${first.period}`;
    xs.push(x);
  }
  const x0 = stepsBetween(origin, target);
  return x0 === undefined ? `the target period ${targetPeriod} is not of the same kind as the actuals (${first.period})` : { xs, x0 };
}

function periodOf(label: string): Period | undefined {
  const parsed = parsePeriod(label);
  return parsed.kind === 'ok' ? parsed.period : undefined;
}

function mean(values: readonly number[]): number {
  return values.reduce((sum, value) => sum + value, 0) / values.length;
}

/** Where the arithmetic stands against the partners' judgement. */
export interface Arithmetic {
  readonly projection?: Projection | null;
  readonly band?: Band | null;
  readonly assurance?: Assurance | null;
}

export interface Disagreement {
  readonly source: 'projection' | 'rating' | 'assurance';
  readonly words: string;
}

const HOPEFUL: readonly Likelihood[] = ['green', 'amber_green'];
const DOUBTFUL: readonly Likelihood[] = ['amber_red', 'red'];

/**
 * Where a likelihood of delivery and the arithmetic point opposite ways, in
 * words: a hopeful judgement (Green, Amber/Green) beside a projection whose
 * whole interval misses the target, a red rating or an assurance of
 * consistently failing; a doubtful one (Amber/Red, Red) beside the reverse.
 * Amber disagrees with nothing. Both are shown; neither overrules.
 */
export function disagreements(likelihood: Likelihood, arithmetic: Arithmetic): Disagreement[] {
  const hopeful = HOPEFUL.includes(likelihood);
  if (!hopeful && !DOUBTFUL.includes(likelihood)) return [];
  const found: Disagreement[] = [];
  const projection = arithmetic.projection?.kind === 'projected' ? arithmetic.projection : undefined;
  if (projection && projection.outlook === (hopeful ? 'unlikely' : 'likely')) {
    found.push({ source: 'projection', words: `the trend projected to ${projection.period} ${hopeful ? 'misses' : 'meets'} the target across its whole 95% interval` });
  }
  if (arithmetic.band === (hopeful ? 'red' : 'green')) found.push({ source: 'rating', words: `the latest actual is rated ${hopeful ? 'red' : 'green'} by the tolerance rule` });
  if (arithmetic.assurance === (hopeful ? 'consistently_fail' : 'consistently_pass')) {
    found.push({ source: 'assurance', words: `the process limits show the target ${hopeful ? 'consistently failed' : 'consistently passed'}` });
  }
  return found;
}
