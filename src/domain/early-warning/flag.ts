// A flag: one rule's finding about one council, kept with what it read. It
// names its rule and the rule's version, the metric and period, and the
// figures it compared, from which `flagSentence` says it in words a resident
// could read ("27.1% in 2022/23, worse than England (21.4%), and getting
// worse over 5 periods"). The sentence is made when a flag is shown or
// stored, not each time every flag is worked out again. There is no
// score: flags are positions with reasons, never summed (Improvement Board,
// 2010: "a robust narrative would be more effective").
//
// A rule that looks and finds no cause for concern is silent; a rule that
// cannot look says why (`NotFlagged`), so that a quiet row is not mistaken
// for a clean one.
import type { BestValueTheme, Cause } from './causes.ts';

export const FLAG_RULES = ['worse_and_worsening', 'in_year_special_cause', 'off_trajectory', 'reserves_horizon', 'missing_return', 'no_peer_challenge'] as const;
export type FlagRuleId = (typeof FLAG_RULES)[number];

export interface FlagRule {
  readonly id: FlagRuleId;
  /** Bumped when what the rule decides changes, so a stored flag says which reading raised it. */
  readonly version: number;
  readonly title: string;
  readonly cause: Cause;
  readonly theme: BestValueTheme;
  /** The test, in words, for the page beside every flag. */
  readonly test: string;
}

/** A figure the rule read, named: "value", "benchmark", "expected", "years". */
export type FlagValues = Readonly<Record<string, number | string | null>>;

export interface Flag {
  readonly rule: FlagRuleId;
  readonly version: number;
  readonly area: string;
  /** The metric it read; null for a rule that reads no metric (no peer challenge reads the programme's records). */
  readonly metric: string | null;
  readonly period: string | null;
  readonly values: FlagValues;
}

export const NOT_FLAGGED_REASONS = ['not_delivered_by_tier', 'suppressed', 'too_few_points', 'no_data', 'no_comparator'] as const;
export type NotFlaggedReason = (typeof NOT_FLAGGED_REASONS)[number];

export const NOT_FLAGGED_LABELS: Readonly<Record<NotFlaggedReason, string>> = {
  not_delivered_by_tier: 'Not looked at: this tier of council does not deliver the service',
  suppressed: 'Not looked at: the figure is suppressed',
  too_few_points: 'Not looked at: too few points to judge',
  no_data: 'Not looked at: no figure yet',
  no_comparator: 'Not looked at: no comparator figure',
};

export interface NotFlagged {
  readonly rule: FlagRuleId;
  readonly area: string;
  readonly metric: string | null;
  readonly reason: NotFlaggedReason;
  /** The particular reason, where there is more to say than the label ("8 points; 13 are needed"). */
  readonly detail: string | null;
}

/** A rule's answer for one council and metric: a flag, silence (null), or why it could not look. */
export type Finding = Flag | NotFlagged | null;

export function isFlag(finding: Finding): finding is Flag {
  return finding !== null && 'values' in finding;
}

export function flagOf(rule: FlagRule, area: string, metric: string | null, period: string | null, values: FlagValues): Flag {
  return { rule: rule.id, version: rule.version, area, metric, period, values };
}

/** What the flag read, as one string: an acknowledged flag stays muted while this is unchanged. */
export function fingerprintOf(flag: Flag): string {
  const { values } = flag;
  let figures = '';
  for (const key of figureOrder(flag.rule, values)) figures += `${figures === '' ? '' : ';'}${key}=${String(values[key])}`;
  return `${flag.rule}@${flag.version}|${flag.metric ?? ''}|${flag.period ?? ''}|${figures}`;
}

/** Each rule's figures' names as last made and as sorted: a rule names the same figures in the same order flag after flag, so the sort is kept, not done again for each of tens of thousands. */
const FIGURE_ORDER = new Map<string, { readonly made: readonly string[]; readonly sorted: readonly string[] }>();

function figureOrder(rule: string, values: FlagValues): readonly string[] {
  const made = Object.keys(values);
  const kept = FIGURE_ORDER.get(rule);
  if (kept && kept.made.length === made.length && kept.made.every((key, i) => key === made[i])) return kept.sorted;
  const sorted = [...made].sort();
  FIGURE_ORDER.set(rule, { made, sorted });
  return sorted;
}

export function notFlagged(rule: FlagRule, area: string, metric: string | null, reason: NotFlaggedReason, detail: string | null = null): NotFlagged {
  return { rule: rule.id, area, metric, reason, detail };
}
