// RAG by a written tolerance rule (IMPROVEMENT.md, "Targets and agreements"):
// absolute, relative (with Havering's "improved on the same period last
// year" for amber), statistical (against the actual's 95% interval) and two
// bands. The shortfall is how far the actual is worse than the trajectory by
// the metric's polarity (for a neutral metric, how far off either way); an
// actual on or better than the trajectory is green. A boundary value takes
// the better band: figures are written in decimals and held in binary, so a
// shortfall within a few parts in 10¹² of its limit counts as on it.
import type { Polarity } from '../metric/index.ts';
import { isBetter } from './progress.ts';
import type { Band, NotRatedReason, Rating, ToleranceRule } from './types.ts';
import type { Problem } from './trajectory.ts';

/** What a rule reads: the value expected, the actual and, where the rule needs them, last year's actual and the actual's 95% interval. */
export interface RatingInput {
  readonly expected: number;
  readonly actual: number;
  readonly polarity: Polarity;
  readonly lastYear?: number | null;
  readonly interval?: { readonly lower: number; readonly upper: number } | null;
}

/** The band a rule gives an actual, with the rule's words; not rated (no_interval) when a statistical rule meets an actual without an interval. */
export function rate(rule: ToleranceRule, input: RatingInput): Rating {
  if (rule.kind !== 'statistical') return ratingOf(rule, bandOf(rule, input));
  const band = statisticalBand(input);
  return band === undefined ? ratingOf(rule, 'no_interval') : ratingOf(rule, band);
}

/** A rating without a band, with its reason and the rule's words all the same. */
export function notRated(rule: ToleranceRule, reason: NotRatedReason): Rating {
  return ratingOf(rule, reason);
}

/** Each rule's ratings, made once and frozen: after an import thousands of targets share a handful of them. */
const RATINGS = new WeakMap<ToleranceRule, Map<Band | NotRatedReason, Rating>>();

function ratingOf(rule: ToleranceRule, outcome: Band | NotRatedReason): Rating {
  let made = RATINGS.get(rule);
  if (made === undefined) RATINGS.set(rule, (made = new Map()));
  let rating = made.get(outcome);
  if (rating === undefined) {
    const rated = outcome === 'green' || outcome === 'amber' || outcome === 'red';
    rating = Object.freeze(rated ? { band: outcome, rule: describeRule(rule) } : { notRated: outcome, rule: describeRule(rule) });
    made.set(outcome, rating);
  }
  return rating;
}

function bandOf(rule: Exclude<ToleranceRule, { kind: 'statistical' }>, input: RatingInput): Band {
  const short = shortfall(input);
  switch (rule.kind) {
    case 'absolute':
      return within(short, rule.greenWithin) ? 'green' : within(short, rule.amberWithin) ? 'amber' : 'red';
    case 'relative': {
      const scale = Math.abs(input.expected);
      if (within(short, (scale * rule.greenWithinPercent) / 100)) return 'green';
      if (rule.amberWithinPercent !== null && within(short, (scale * rule.amberWithinPercent) / 100)) return 'amber';
      const improved = input.lastYear != null && isBetter(input.actual, input.lastYear, input.polarity);
      return rule.amberIfImproved && improved ? 'amber' : 'red';
    }
    case 'two_bands': {
      const limit = rule.measure === 'percent' ? (Math.abs(input.expected) * rule.greenWithin) / 100 : rule.greenWithin;
      return within(short, limit) ? 'green' : 'red';
    }
  }
}

/**
 * The worst figure still rated green against an expected value: the edge of
 * the tolerance band a chart shades beside the trajectory. None for the
 * statistical rule, whose band is the actual's own interval, nor for a
 * neutral metric, which has no worse side.
 */
export function greenLimit(rule: ToleranceRule, expected: number, polarity: Polarity): number | null {
  if (rule.kind === 'statistical' || polarity === 'neutral') return null;
  const allowed =
    rule.kind === 'absolute'
      ? rule.greenWithin
      : rule.kind === 'relative'
        ? (Math.abs(expected) * rule.greenWithinPercent) / 100
        : rule.measure === 'percent'
          ? (Math.abs(expected) * rule.greenWithin) / 100
          : rule.greenWithin;
  return polarity === 'higher_is_better' ? expected - allowed : expected + allowed;
}

/** Green on or better than the trajectory; amber worse but holding the trajectory in the interval; red when the whole interval is worse. */
function statisticalBand(input: RatingInput): Band | undefined {
  const interval = input.interval;
  if (!interval) return undefined;
  const holds = interval.lower <= input.expected && input.expected <= interval.upper;
  if (input.polarity === 'neutral') return holds ? 'green' : 'red';
  if (shortfall(input) === 0) return 'green';
  return holds ? 'amber' : 'red';
}

/** How far the actual is worse than expected, 0 when on or better; a neutral metric is off either way. */
function shortfall(input: RatingInput): number {
  const gap = input.actual - input.expected;
  if (input.polarity === 'higher_is_better') return Math.max(0, -gap);
  if (input.polarity === 'lower_is_better') return Math.max(0, gap);
  return Math.abs(gap);
}

function within(short: number, limit: number): boolean {
  return short <= limit || short - limit <= 4e-12 * Math.max(Math.abs(short), Math.abs(limit));
}

/** Each rule's words, written once per rule object: every rating carries them, and thousands are made after an import. */
const WORDS = new WeakMap<ToleranceRule, string>();

/** The rule in words and figures, as every rating shows it. */
export function describeRule(rule: ToleranceRule): string {
  let words = WORDS.get(rule);
  if (words === undefined) WORDS.set(rule, (words = wordsOf(rule)));
  return words;
}

function wordsOf(rule: ToleranceRule): string {
  switch (rule.kind) {
    case 'absolute':
      return `Green: on or within ${figure(rule.greenWithin)} of the trajectory; amber: more than ${figure(rule.greenWithin)} off but within ${figure(rule.amberWithin)}; red: otherwise`;
    case 'relative':
      return `Green: on or within ${figure(rule.greenWithinPercent)}% of the trajectory; ${relativeAmber(rule)}red: otherwise`;
    case 'statistical':
      return "Green: on or better than the trajectory; amber: worse, but the trajectory lies within the actual's 95% confidence interval; red: the whole interval is worse than the trajectory";
    case 'two_bands': {
      const limit = rule.measure === 'percent' ? `${figure(rule.greenWithin)}%` : figure(rule.greenWithin);
      return `Green: on or within ${limit} of the trajectory; red: otherwise`;
    }
  }
}

function relativeAmber(rule: Extract<ToleranceRule, { kind: 'relative' }>): string {
  const green = `${figure(rule.greenWithinPercent)}%`;
  const widened = rule.amberWithinPercent === null ? undefined : `within ${figure(rule.amberWithinPercent)}%`;
  const improved = rule.amberIfImproved ? 'better than the same period last year' : undefined;
  if (!widened && !improved) return '';
  return `amber: more than ${green} off but ${[widened, improved].filter(Boolean).join(', or ')}; `;
}

const FIGURE = new Intl.NumberFormat('en-GB', { maximumFractionDigits: 6 });

function figure(value: number): string {
  return FIGURE.format(value);
}

export type ToleranceCheck = { readonly kind: 'valid'; readonly rule: ToleranceRule } | { readonly kind: 'invalid'; readonly problems: readonly Problem[] };

/** A rule from JSON (a form, the API, a stored jsonb), or every problem with it, each naming its field under `field`. */
export function checkToleranceRule(input: unknown, field = 'rule'): ToleranceCheck {
  if (typeof input !== 'object' || input === null) return invalid([{ field, message: `'${field}' must be a tolerance rule: an object with a kind` }]);
  const given = input as Readonly<Record<string, unknown>>;
  const problems: Problem[] = [];
  const version = given.version;
  if (!Number.isInteger(version) || (version as number) < 1) problems.push({ field: `${field}.version`, message: `'${field}.version' must be a whole number from 1` });
  const read = (name: string): number => amount(given[name], `${field}.${name}`, problems);
  const rule = ruleOf(given.kind, version as number, read, given, field, problems);
  return problems.length > 0 || !rule ? invalid(problems) : { kind: 'valid', rule };
}

function ruleOf(kind: unknown, version: number, read: (name: string) => number, given: Readonly<Record<string, unknown>>, field: string, problems: Problem[]): ToleranceRule | undefined {
  switch (kind) {
    case 'absolute': {
      const [greenWithin, amberWithin] = [read('greenWithin'), read('amberWithin')];
      if (amberWithin < greenWithin) problems.push({ field: `${field}.amberWithin`, message: `'${field}.amberWithin' must be at least 'greenWithin' (${greenWithin})` });
      return { kind, version, greenWithin, amberWithin };
    }
    case 'relative': {
      const greenWithinPercent = read('greenWithinPercent');
      const amberWithinPercent = given.amberWithinPercent == null ? null : read('amberWithinPercent');
      if (amberWithinPercent !== null && amberWithinPercent < greenWithinPercent) {
        problems.push({ field: `${field}.amberWithinPercent`, message: `'${field}.amberWithinPercent' must be at least 'greenWithinPercent' (${greenWithinPercent})` });
      }
      const amberIfImproved = given.amberIfImproved ?? false;
      if (typeof amberIfImproved !== 'boolean') problems.push({ field: `${field}.amberIfImproved`, message: `'${field}.amberIfImproved' must be true or false` });
      return { kind, version, greenWithinPercent, amberWithinPercent, amberIfImproved: amberIfImproved === true };
    }
    case 'statistical':
      return { kind, version };
    case 'two_bands': {
      const measure = given.measure;
      if (measure !== 'absolute' && measure !== 'percent') problems.push({ field: `${field}.measure`, message: `'${field}.measure' must be absolute or percent` });
      return { kind, version, measure: measure === 'percent' ? 'percent' : 'absolute', greenWithin: read('greenWithin') };
    }
    default:
      problems.push({ field: `${field}.kind`, message: `'${field}.kind' must be one of absolute, relative, statistical, two_bands` });
      return undefined;
  }
}

function amount(value: unknown, field: string, problems: Problem[]): number {
  if (typeof value === 'number' && Number.isFinite(value) && value >= 0) return value;
  problems.push({ field, message: `'${field}' must be a number, 0 or more` });
  return 0;
}

function invalid(problems: readonly Problem[]): ToleranceCheck {
  return { kind: 'invalid', problems };
}
