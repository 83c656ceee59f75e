// A target's outcome at the end of its agreement (issue 18, "End of
// agreement"): achieved (the final actual on or better than the target);
// partly achieved, with the share of the improvement sought that was made;
// not achieved (no improvement on the baseline); not assessable, with the
// reason. A reward rule is data, as the 2008 agreements' reward grant was:
// the whole reward for a target achieved, and a part above a share of the
// improvement sought.
import type { Polarity } from '../metric/index.ts';
import { isBetter, progressOf } from './progress.ts';
import type { NotRatedReason, Outcome } from './types.ts';
import type { Problem } from './trajectory.ts';

export interface TargetOutcome {
  readonly outcome: Outcome;
  /** The share of the improvement sought that was made, where there is one. */
  readonly share: number | null;
  /** Why a target is not assessable. */
  readonly reason: NotRatedReason | null;
}

/** What the outcome reads: the baseline, the target and the final actual, or why there is none. */
export interface OutcomeInput {
  readonly baseline: number;
  readonly target: number;
  readonly polarity: Polarity;
  readonly actual: number | null;
  readonly reason?: NotRatedReason | null;
}

/** The outcome of one target; a target that holds the baseline is achieved or not, never partly. */
export function outcomeOf(input: OutcomeInput): TargetOutcome {
  if (input.actual === null) return { outcome: 'not_assessable', share: null, reason: input.reason ?? 'no_data' };
  const share = progressOf(input.baseline, input.target, input.actual);
  if (!isBetter(input.target, input.actual, input.polarity) && (input.polarity !== 'neutral' || input.actual === input.target)) {
    return { outcome: 'achieved', share, reason: null };
  }
  if (share !== null && share > 0 && share < 1) return { outcome: 'partly_achieved', share, reason: null };
  return { outcome: 'not_achieved', share, reason: null };
}

/** Part of the reward from `partFromShare` of the improvement sought, paid pro rata to the share made; the whole for a target achieved. */
export interface RewardRule {
  readonly version: number;
  readonly partFromShare: number;
}

/** The share of a target's reward earned: 1 achieved, its share of the improvement from the rule's threshold, 0 otherwise. */
export function rewardOf(outcome: TargetOutcome, rule: RewardRule): number {
  if (outcome.outcome === 'achieved') return 1;
  if (outcome.outcome !== 'partly_achieved' || outcome.share === null) return 0;
  return outcome.share >= rule.partFromShare ? outcome.share : 0;
}

// Made once: toLocaleString makes a formatter at every call, and monitoring describes every agreement's rule on each request.
const PERCENT = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 2 });

export function describeRewardRule(rule: RewardRule): string {
  const percent = PERCENT.format(rule.partFromShare * 100);
  return `The whole reward for a target achieved; from ${percent}% of the improvement sought, the share of the reward made; nothing below`;
}

/** A reward rule from JSON, or every problem with it naming its field. */
export function checkRewardRule(input: unknown, field = 'rewardRule'): { kind: 'valid'; rule: RewardRule } | { kind: 'invalid'; problems: Problem[] } {
  const given = (typeof input === 'object' && input !== null ? input : {}) as Readonly<Record<string, unknown>>;
  const problems: Problem[] = [];
  if (!Number.isInteger(given.version) || (given.version as number) < 1) problems.push({ field: `${field}.version`, message: `'${field}.version' must be a whole number from 1` });
  const share = given.partFromShare;
  if (typeof share !== 'number' || !(share > 0 && share <= 1)) {
    problems.push({ field: `${field}.partFromShare`, message: `'${field}.partFromShare' must be a share above 0 and at most 1 (0.6 for 60%)` });
  }
  return problems.length > 0 ? { kind: 'invalid', problems } : { kind: 'valid', rule: { version: given.version as number, partFromShare: share as number } };
}
