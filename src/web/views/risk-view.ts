// The risk view of one council: a row per cause of failure (the Advisory
// Board's, Improvement Board 2012, appendix 1), each with its hard-data
// flags (rule, test in words, figures, sentence), the intelligence items the
// viewer may read, and the rules that could not look, with why. There is no
// score and no total across causes: positions and reasons only ("a robust
// narrative would be more effective", 2010). The API's JSON is this view.
import { CLASSIFICATION_LABELS, itemReview, type Classification } from '../../domain/access/index.ts';
import {
  BEST_VALUE_THEME_LABELS,
  CAUSES,
  CHALLENGE_KIND_WORDS,
  CAUSE_LABELS,
  FLAG_RULES,
  NOT_FLAGGED_LABELS,
  RULES,
  type BestValueTheme,
  type Cause,
  type FlagRuleId,
  type NotFlagged,
  type NotFlaggedReason,
} from '../../domain/early-warning/index.ts';
import { formatDate, formatNumber } from '../../domain/format/index.ts';

/** An open flag as read from the store, with the acknowledgement that mutes it. */
export interface FlagIn {
  readonly id: number;
  readonly area: string;
  readonly rule: string;
  readonly ruleVersion: number;
  readonly metric: string | null;
  /** What else tells a council's flags of a rule apart: a rule with no metric names its subject (no peer challenge: the kind). */
  readonly subject?: string;
  readonly period: string | null;
  /** The figures the rule read; the patch and England views leave them out. */
  readonly figures?: Readonly<Record<string, number | string | null>>;
  readonly sentence: string;
  readonly fingerprint: string;
  readonly raisedAt: Date;
  readonly changedAt: Date;
  readonly muted: { readonly reason: string; readonly by: string; readonly on: Date } | null;
}

/** An intelligence item the viewer may read. */
export interface ItemIn {
  readonly id: number;
  readonly subjectArea: string;
  readonly cause: Cause;
  readonly bestValueTheme: BestValueTheme;
  readonly title: string;
  readonly classification: Classification;
  readonly createdAt: Date;
  readonly reviewedAt: Date;
}

export interface RiskContext {
  readonly now: Date;
  /** What is new is new since then; null shows nothing as new. */
  readonly since: Date | null;
  readonly metricTitle: (code: string) => string;
  /** The day of an instant, as people read it. */
  readonly day: (instant: Date) => string;
  readonly review: (reviewedAt: Date) => ReturnType<typeof itemReview>;
}

/**
 * A view's context. England's view shows thirty thousand dates, and working
 * out a day in London costs more than the rest of a flag's view; England's
 * rows are kept from view to view, so their days are kept too, by instant
 * (an instant's day never changes), and items' reviews for as long as today
 * is today (whether one is stale changes with the day alone).
 */
export function riskContext(now: Date, since: Date | null, metricTitle: (code: string) => string): RiskContext {
  const today = LONDON_DAY.format(now);
  if (reviews.today !== today || reviews.byInstant.size > MOST_KEPT) reviews = { today, byInstant: new Map() };
  if (days.size > MOST_KEPT) days.clear();
  const kept = reviews.byInstant;
  return {
    now,
    since,
    metricTitle,
    day: (instant) => days.get(instant.getTime()) ?? remember(days, instant.getTime(), formatDate(instant)),
    review: (reviewedAt) => kept.get(reviewedAt.getTime()) ?? remember(kept, reviewedAt.getTime(), itemReview(reviewedAt, now)),
  };
}

/** More than England's risk rows have dates: past it, the memo starts again rather than grow. */
const MOST_KEPT = 200_000;
const LONDON_DAY = new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'Europe/London' });
const days = new Map<number, string>();
let reviews = { today: '', byInstant: new Map<number, ReturnType<typeof itemReview>>() };

function remember<T>(memo: Map<number, T>, key: number, value: T): T {
  memo.set(key, value);
  return value;
}

export function flagView(flag: FlagIn, context: RiskContext) {
  const rule = ruleOf(flag.rule);
  const metricTitle = flag.metric === null ? null : context.metricTitle(flag.metric);
  return {
    id: flag.id,
    area: flag.area,
    rule: flag.rule,
    ruleTitle: rule?.title ?? flag.rule,
    ruleTest: rule?.test ?? '',
    ruleVersion: flag.ruleVersion,
    cause: rule?.cause ?? 'service_performance',
    metric: flag.metric,
    metricTitle,
    /** What the flag is about, beside its rule's title: its metric, or for a rule with no metric its subject in words. */
    about: metricTitle ?? subjectTitle(flag),
    period: flag.period,
    values: flag.figures ?? null,
    figuresRead: flag.figures ? figuresInWords(flag.figures) : null,
    sentence: flag.sentence,
    fingerprint: flag.fingerprint,
    raisedAt: flag.raisedAt.toISOString(),
    raisedOn: context.day(flag.raisedAt),
    changedAt: flag.changedAt.toISOString(),
    changedOn: context.day(flag.changedAt),
    muted: flag.muted && { reason: flag.muted.reason, by: flag.muted.by, at: flag.muted.on.toISOString(), on: context.day(flag.muted.on) },
    isNew: context.since !== null && flag.changedAt > context.since,
  };
}
export type FlagView = ReturnType<typeof flagView>;

/**
 * The figures a rule read, for a page: "mean 64.23; lower 32.22; points 30;
 * signal outside limits". Figures are kept whole in the store and the API;
 * a page shows four significant figures, enough to see why a rule fired.
 */
export function figuresInWords(figures: Readonly<Record<string, number | string | null>>): string {
  return Object.entries(figures)
    .map(([name, value]) => `${name} ${value === null ? 'none' : typeof value === 'number' ? figureText(value) : value.replace(/_/g, ' ')}`)
    .join('; ');
}

function figureText(value: number): string {
  if (Number.isInteger(value)) return formatNumber(value, 0);
  const rounded = Number(value.toPrecision(4));
  const decimals = Math.min(6, (String(rounded).split('.')[1] ?? '').length);
  return formatNumber(rounded, decimals);
}

export function itemView(item: ItemIn, context: RiskContext) {
  const review = context.review(item.reviewedAt);
  return {
    id: item.id,
    area: item.subjectArea,
    href: `/intelligence/${item.id}`,
    title: item.title,
    cause: item.cause,
    theme: item.bestValueTheme,
    themeLabel: BEST_VALUE_THEME_LABELS[item.bestValueTheme],
    classification: item.classification,
    classificationLabel: CLASSIFICATION_LABELS[item.classification],
    createdAt: item.createdAt.toISOString(),
    reviewedAt: item.reviewedAt.toISOString(),
    stale: review.stale,
    review: review.sentence,
    isNew: context.since !== null && item.reviewedAt > context.since,
  };
}
export type ItemView = ReturnType<typeof itemView>;

/** The rules that could not look at this council, rule by rule and reason by reason, with the metrics they would have read. */
export function notLookedView(found: readonly NotFlagged[], context: RiskContext, shown = 5) {
  const groups = new Map<string, { rule: FlagRuleId; reason: NotFlaggedReason; metrics: string[] }>();
  for (const one of found) {
    const key = `${one.rule}|${one.reason}`;
    const group = groups.get(key) ?? { rule: one.rule, reason: one.reason, metrics: [] };
    if (one.metric !== null) group.metrics.push(context.metricTitle(one.metric));
    groups.set(key, group);
  }
  return [...groups.values()].map((g) => ({
    rule: g.rule,
    ruleTitle: RULES[g.rule].title,
    cause: RULES[g.rule].cause,
    reason: g.reason,
    label: NOT_FLAGGED_LABELS[g.reason],
    metricCount: g.metrics.length,
    metrics: g.metrics.slice(0, shown),
    more: Math.max(0, g.metrics.length - shown),
  }));
}
export type NotLookedView = ReturnType<typeof notLookedView>[number];

/** One council's rows, a row for every cause in the Board's order, empty rows kept so that a quiet row is seen as quiet. */
export function causeRows(flags: readonly FlagView[], items: readonly ItemView[], notLooked: readonly NotLookedView[]) {
  return CAUSES.map((cause) => ({
    cause,
    label: CAUSE_LABELS[cause],
    flags: flags.filter((f) => f.cause === cause),
    items: items.filter((i) => i.cause === cause),
    notLooked: notLooked.filter((n) => n.cause === cause),
  }));
}
export type CauseRow = ReturnType<typeof causeRows>[number];

function subjectTitle(flag: FlagIn): string | null {
  if (flag.rule !== 'no_peer_challenge' || !flag.subject) return null;
  return `${CHALLENGE_KIND_WORDS[flag.subject as keyof typeof CHALLENGE_KIND_WORDS] ?? flag.subject} peer challenge`;
}

function ruleOf(rule: string) {
  return (FLAG_RULES as readonly string[]).includes(rule) ? RULES[rule as FlagRuleId] : undefined;
}
