// An intelligence item: a specific, evidence-based note about a council,
// recorded by a principal adviser under a cause of failure and a Best Value
// theme (the same ones a hard-data flag lands under), with its evidence (observations in Lantern, or a described source). It is
// confidential unless its author says otherwise, and it cannot be marked
// shareable until it has evidence: the protocol shares only what is specific
// and evidence-based.
//
// `checkIntelligenceItem` takes what a form or a JSON body gave (unknown
// values) and returns the item typed, or every problem with the field it is in.
import { isGssCode } from '../area/index.ts';
import { isMetricCode } from '../metric/index.ts';
import { parsePeriod } from '../period/index.ts';
import { BEST_VALUE_THEMES, CAUSES, type BestValueTheme, type Cause } from '../early-warning/index.ts';
import { isClassification, type Classification } from './classification.ts';

/**
 * The risk factors items were first recorded under, before leadership and
 * relationships were two causes as the Advisory Board wrote them. Still
 * accepted as `riskFactor` from older clients, and still answered beside
 * the cause, until they have moved to `cause`.
 */
export const RISK_FACTORS = ['leadership_and_relationships', 'high_risk_change', 'disengagement', 'financial_difficulty', 'service_performance'] as const;
export type RiskFactor = (typeof RISK_FACTORS)[number];

/** The cause an old risk factor is read as: leadership and relationships as leadership, as migration 028 moved the items. */
export const CAUSE_OF_RISK_FACTOR: Readonly<Record<RiskFactor, Cause>> = {
  leadership_and_relationships: 'leadership',
  high_risk_change: 'high_risk_change',
  disengagement: 'disengagement',
  financial_difficulty: 'financial_difficulty',
  service_performance: 'service_performance',
};

/** The old risk factor a cause falls under, for clients that still read `riskFactor`. */
export function riskFactorOf(cause: Cause): RiskFactor {
  return cause === 'leadership' || cause === 'relationships' ? 'leadership_and_relationships' : cause;
}

/**
 * The Best Value theme an item takes when none is given: the theme of the
 * statutory guidance (May 2024) whose indicators of failure the cause most
 * resembles. An adviser may choose another.
 */
export const USUAL_THEME: Readonly<Record<Cause, BestValueTheme>> = {
  leadership: 'leadership',
  relationships: 'culture',
  high_risk_change: 'governance',
  disengagement: 'partnerships_and_community_engagement',
  financial_difficulty: 'use_of_resources',
  service_performance: 'service_delivery',
};

export type Evidence =
  { readonly kind: 'observation'; readonly metric: string; readonly area: string; readonly period: string } | { readonly kind: 'source'; readonly description: string; readonly url: string | null };

export interface IntelligenceDraft {
  readonly subjectArea: string;
  readonly cause: Cause;
  readonly bestValueTheme: BestValueTheme;
  readonly title: string;
  readonly note: string;
  readonly evidence: readonly Evidence[];
  readonly classification: Classification;
  readonly shareable: boolean;
}

export interface Problem {
  readonly field: string;
  readonly message: string;
}

export type IntelligenceCheck = { readonly kind: 'valid'; readonly item: IntelligenceDraft } | { readonly kind: 'invalid'; readonly problems: readonly Problem[] };

export const NOTE_LENGTH = { min: 20, max: 10_000 } as const;
export const MAX_EVIDENCE = 50;

export function isRiskFactor(text: string): text is RiskFactor {
  return (RISK_FACTORS as readonly string[]).includes(text);
}

export function isCause(text: string): text is Cause {
  return (CAUSES as readonly string[]).includes(text);
}

export function isBestValueTheme(text: string): text is BestValueTheme {
  return (BEST_VALUE_THEMES as readonly string[]).includes(text);
}

export function checkIntelligenceItem(input: Readonly<Record<string, unknown>>): IntelligenceCheck {
  const problems: Problem[] = [];
  const subjectArea = text(input.subjectArea, 'subjectArea', 9, problems)?.toUpperCase();
  if (subjectArea !== undefined && !isGssCode(subjectArea)) problems.push({ field: 'subjectArea', message: "'subjectArea' must be the GSS code of a council, such as E06000047" });
  const cause = checkCause(input, problems);
  const bestValueTheme = input.bestValueTheme === undefined ? cause && USUAL_THEME[cause] : text(input.bestValueTheme, 'bestValueTheme', 60, problems);
  if (bestValueTheme !== undefined && !isBestValueTheme(bestValueTheme)) problems.push({ field: 'bestValueTheme', message: `'bestValueTheme' must be one of ${BEST_VALUE_THEMES.join(', ')}` });
  const title = text(input.title, 'title', 200, problems);
  const note = text(input.note, 'note', NOTE_LENGTH.max, problems);
  if (note !== undefined && note.length < NOTE_LENGTH.min) problems.push({ field: 'note', message: `'note' must be specific: at least ${NOTE_LENGTH.min} characters` });
  const classification = input.classification === undefined ? 'confidential' : text(input.classification, 'classification', 20, problems);
  if (classification !== undefined && !isClassification(classification)) problems.push({ field: 'classification', message: "'classification' must be public, sector, restricted or confidential" });
  const shareable = input.shareable === undefined ? false : input.shareable;
  if (typeof shareable !== 'boolean') problems.push({ field: 'shareable', message: "'shareable' must be true or false" });
  const evidence = checkEvidence(input.evidence, problems);
  if (shareable === true && evidence !== undefined && evidence.length === 0) {
    problems.push({ field: 'evidence', message: 'an item without evidence cannot be saved as shareable: add an observation or a described source' });
  }
  if (problems.length > 0) return { kind: 'invalid', problems };
  return {
    kind: 'valid',
    item: {
      subjectArea: subjectArea!,
      cause: cause!,
      bestValueTheme: bestValueTheme as BestValueTheme,
      title: title!,
      note: note!,
      evidence: evidence!,
      classification: classification as Classification,
      shareable: shareable as boolean,
    },
  };
}

/** The cause, or the old risk factor read as one when only that is given; both given must agree. */
function checkCause(input: Readonly<Record<string, unknown>>, problems: Problem[]): Cause | undefined {
  const old = input.riskFactor === undefined ? undefined : text(input.riskFactor, 'riskFactor', 40, problems);
  if (old !== undefined && !isRiskFactor(old)) {
    problems.push({ field: 'riskFactor', message: `'riskFactor' (the old name of 'cause') must be one of ${RISK_FACTORS.join(', ')}` });
    return undefined;
  }
  if (input.cause === undefined && old !== undefined) return CAUSE_OF_RISK_FACTOR[old];
  if (input.cause === undefined && input.riskFactor !== undefined) return undefined;
  const cause = text(input.cause, 'cause', 40, problems);
  if (cause !== undefined && !isCause(cause)) {
    problems.push({ field: 'cause', message: `'cause' must be one of ${CAUSES.join(', ')}` });
    return undefined;
  }
  if (cause !== undefined && old !== undefined && riskFactorOf(cause) !== old) {
    problems.push({ field: 'riskFactor', message: `'riskFactor' is the old name of 'cause' and says ${old} where 'cause' says ${cause}: send 'cause' alone` });
  }
  return cause;
}

function text(value: unknown, field: string, max: number, problems: Problem[]): string | undefined {
  if (typeof value !== 'string' || value.trim() === '') {
    problems.push({ field, message: `'${field}' is required` });
    return undefined;
  }
  const trimmed = value.trim();
  if (trimmed.length > max) {
    problems.push({ field, message: `'${field}' is longer than ${max} characters` });
    return undefined;
  }
  if (/[^\P{Cc}\t\n\r]/u.test(trimmed)) {
    problems.push({ field, message: `'${field}' holds a control character` });
    return undefined;
  }
  return trimmed;
}

function checkEvidence(value: unknown, problems: Problem[]): Evidence[] | undefined {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problems.push({ field: 'evidence', message: "'evidence' must be a list" });
    return undefined;
  }
  if (value.length > MAX_EVIDENCE) {
    problems.push({ field: 'evidence', message: `'evidence' may hold at most ${MAX_EVIDENCE} items` });
    return undefined;
  }
  const found: Evidence[] = [];
  value.forEach((entry: unknown, i) => {
    const one = checkOneEvidence(entry, `evidence[${i}]`, problems);
    if (one) found.push(one);
  });
  return found.length === value.length ? found : undefined;
}

function checkOneEvidence(entry: unknown, field: string, problems: Problem[]): Evidence | undefined {
  const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Record<string, unknown>;
  if (e.kind === 'observation') {
    const metric = text(e.metric, `${field}.metric`, 100, problems);
    const area = text(e.area, `${field}.area`, 9, problems)?.toUpperCase();
    const period = text(e.period, `${field}.period`, 40, problems);
    if (metric !== undefined && !isMetricCode(metric)) problems.push({ field: `${field}.metric`, message: `'${field}.metric' must be a metric code` });
    if (area !== undefined && !isGssCode(area)) problems.push({ field: `${field}.area`, message: `'${field}.area' must be a GSS code` });
    const parsed = period === undefined ? undefined : parsePeriod(period);
    if (parsed?.kind === 'invalid') problems.push({ field: `${field}.period`, message: `'${field}.period': ${parsed.reason}` });
    if (metric === undefined || area === undefined || parsed?.kind !== 'ok' || !isMetricCode(metric) || !isGssCode(area)) return undefined;
    return { kind: 'observation', metric, area, period: parsed.period.label };
  }
  if (e.kind === 'source') {
    const description = text(e.description, `${field}.description`, 2000, problems);
    if (description !== undefined && description.length < 10) problems.push({ field: `${field}.description`, message: `'${field}.description' must say what the source is: at least 10 characters` });
    const url = e.url === undefined || e.url === null || e.url === '' ? null : text(e.url, `${field}.url`, 2000, problems);
    if (typeof url === 'string' && !/^https?:\/\/[^\s]+$/i.test(url)) problems.push({ field: `${field}.url`, message: `'${field}.url' must be an http or https address` });
    if (description === undefined || description.length < 10 || url === undefined || (url !== null && !/^https?:\/\/[^\s]+$/i.test(url))) return undefined;
    return { kind: 'source', description, url };
  }
  problems.push({ field: `${field}.kind`, message: `'${field}.kind' must be observation or source` });
  return undefined;
}
