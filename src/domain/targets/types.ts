// Agreements and targets in IMPROVEMENT.md's words ("Targets and agreements"):
// the lists the store, the API and the pages share, and the shapes the rules
// read. A rule's numbers are data (a tolerance rule is stored as jsonb with
// its version), so every shape here is plain JSON: strings, numbers, arrays.
import type { Polarity } from '../metric/index.ts';

export const AGREEMENT_KINDS = ['local_area_agreement', 'multi_area_agreement', 'council_plan', 'partnership_plan'] as const;
export type AgreementKind = (typeof AGREEMENT_KINDS)[number];

export const AGREEMENT_KIND_LABELS: Readonly<Record<AgreementKind, string>> = {
  local_area_agreement: 'Local area agreement',
  multi_area_agreement: 'Multi-area agreement',
  council_plan: 'Council plan',
  partnership_plan: 'Partnership plan',
};

/** An agreement's life: sign-off freezes a version; a refresh opens the next. */
export const AGREEMENT_STATUSES = ['draft', 'negotiation', 'signed_off', 'in_refresh', 'closed'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];

export const AGREEMENT_STATUS_LABELS: Readonly<Record<AgreementStatus, string>> = {
  draft: 'Draft',
  negotiation: 'In negotiation',
  signed_off: 'Signed off',
  in_refresh: 'In refresh',
  closed: 'Closed',
};

export const PARTNER_KINDS = ['council', 'police', 'health', 'fire_and_rescue', 'voluntary_sector'] as const;
export type PartnerKind = (typeof PARTNER_KINDS)[number];

export const PARTNER_KIND_LABELS: Readonly<Record<PartnerKind, string>> = {
  council: 'Council',
  police: 'Police',
  health: 'Health',
  fire_and_rescue: 'Fire and rescue',
  voluntary_sector: 'Voluntary sector',
};

/** Designated targets (capped per agreement) came from the national indicator set; statutory ones are education and early years'. */
export const TARGET_KINDS = ['designated', 'statutory', 'local'] as const;
export type TargetKind = (typeof TARGET_KINDS)[number];

export const TARGET_KIND_LABELS: Readonly<Record<TargetKind, string>> = {
  designated: 'Designated',
  statutory: 'Statutory',
  local: 'Local',
};

/** A performance indicator is judged against a target; a contextual one, largely outside the council's control, against a forecast. */
export const INDICATOR_ROLES = ['performance', 'contextual'] as const;
export type IndicatorRole = (typeof INDICATOR_ROLES)[number];

export const INDICATOR_ROLE_LABELS: Readonly<Record<IndicatorRole, string>> = {
  performance: 'Performance indicator',
  contextual: 'Contextual indicator',
};

/** Straight from baseline to target by default; profiled (every point given) or stepped (held, then a step) allowed. */
export const TRAJECTORY_SHAPES = ['straight', 'profiled', 'stepped'] as const;
export type TrajectoryShape = (typeof TRAJECTORY_SHAPES)[number];

export const TRAJECTORY_SHAPE_LABELS: Readonly<Record<TrajectoryShape, string>> = {
  straight: 'Straight line',
  profiled: 'Profiled',
  stepped: 'Stepped',
};

/** The five-point delivery confidence scale, in the Infrastructure and Projects Authority's words, best first. */
export const LIKELIHOODS = ['green', 'amber_green', 'amber', 'amber_red', 'red'] as const;
export type Likelihood = (typeof LIKELIHOODS)[number];

export const LIKELIHOOD_LABELS: Readonly<Record<Likelihood, string>> = {
  green: 'Green',
  amber_green: 'Amber/Green',
  amber: 'Amber',
  amber_red: 'Amber/Red',
  red: 'Red',
};

/** A target's outcome at the end of its agreement. */
export const OUTCOMES = ['achieved', 'partly_achieved', 'not_achieved', 'not_assessable'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const OUTCOME_LABELS: Readonly<Record<Outcome, string>> = {
  achieved: 'Achieved',
  partly_achieved: 'Partly achieved',
  not_achieved: 'Not achieved',
  not_assessable: 'Not assessable',
};

export const BANDS = ['green', 'amber', 'red'] as const;
export type Band = (typeof BANDS)[number];

export const BAND_LABELS: Readonly<Record<Band, string>> = { green: 'Green', amber: 'Amber', red: 'Red' };

/** Why a target has no rating for a period; each is said to the reader, never left blank. */
export const NOT_RATED_REASONS = ['no_data', 'suppressed', 'non_survey_year', 'break_in_series', 'placeholder', 'no_interval'] as const;
export type NotRatedReason = (typeof NOT_RATED_REASONS)[number];

export const NOT_RATED_LABELS: Readonly<Record<NotRatedReason, string>> = {
  no_data: 'No data yet',
  suppressed: 'Suppressed',
  non_survey_year: 'Not a survey year',
  break_in_series: 'Break in series: needs a rebased baseline',
  placeholder: 'Awaiting a definition or baseline',
  no_interval: 'No 95% interval published for the actual',
};

export const TOLERANCE_KINDS = ['absolute', 'relative', 'statistical', 'two_bands'] as const;
export type ToleranceKind = (typeof TOLERANCE_KINDS)[number];

/**
 * How far an actual may fall short of the trajectory and keep each band.
 * Shortfall is measured in the direction the metric's polarity calls worse;
 * an actual on or better than the trajectory is always green, and a boundary
 * value takes the better band.
 *
 * - absolute: green within `greenWithin` units of the trajectory, amber within
 *   `amberWithin` units, red beyond.
 * - relative: green within `greenWithinPercent`% of the trajectory's value;
 *   amber within `amberWithinPercent`% (null: no such band), or, when
 *   `amberIfImproved` is set, any shortfall where the actual improved on the
 *   same period last year (Havering's rule); red otherwise.
 * - statistical: green when the actual is on or better than the trajectory;
 *   amber when worse but the trajectory lies within the actual's 95%
 *   interval; red when the whole interval is worse.
 * - two_bands: green within `greenWithin` (units, or percent of the
 *   trajectory's value when `measure` is 'percent'), red beyond; no amber.
 */
export type ToleranceRule =
  | { readonly kind: 'absolute'; readonly version: number; readonly greenWithin: number; readonly amberWithin: number }
  | {
      readonly kind: 'relative';
      readonly version: number;
      readonly greenWithinPercent: number;
      readonly amberWithinPercent: number | null;
      readonly amberIfImproved: boolean;
    }
  | { readonly kind: 'statistical'; readonly version: number }
  | { readonly kind: 'two_bands'; readonly version: number; readonly measure: 'absolute' | 'percent'; readonly greenWithin: number };

/** One value on a target's line: a period's label ('2009/10', '2009/10 Q2') and the value expected or recorded for it. */
export interface PeriodValue {
  readonly period: string;
  readonly value: number;
}

/**
 * A target as the rules and the engine read it. A placeholder (awaiting a
 * definition or a baseline, as 2008's new indicators were) has no baseline
 * or trajectory yet, only the date they are due.
 */
export interface Target {
  readonly id: string;
  readonly metricCode: string;
  /** One, some or all of the agreement's areas; each area's actual is rated against the same line. */
  readonly areaCodes: readonly string[];
  /** The metric's polarity: which way is better. */
  readonly polarity: Polarity;
  readonly baseline: PeriodValue | null;
  /** Expected values per year or quarter after the baseline; the last is the target. */
  readonly trajectory: readonly PeriodValue[];
  readonly shape: TrajectoryShape;
  readonly targetValue: number | null;
  readonly targetPeriod: string | null;
  readonly role: IndicatorRole;
  readonly kind: TargetKind;
  readonly rule: ToleranceRule;
  /** ISO date a placeholder's definition or baseline is due; null when the target is complete. */
  readonly placeholderDue: string | null;
  /** Why a target worse than its baseline was agreed (a downturn, say); required when it is. */
  readonly worseThanBaselineReason?: string | null;
  /** Periods from which the metric's series breaks (a new definition); an actual after a break is not rated against a baseline before it until the baseline is rebased. */
  readonly seriesBreaks?: readonly string[];
}

/** A rating and the words of the rule that produced it, so every rating can show its rule. */
export type Rating = { readonly band: Band; readonly rule: string } | { readonly notRated: NotRatedReason; readonly rule: string };

export function isAgreementKind(text: string): text is AgreementKind {
  return (AGREEMENT_KINDS as readonly string[]).includes(text);
}

export function isAgreementStatus(text: string): text is AgreementStatus {
  return (AGREEMENT_STATUSES as readonly string[]).includes(text);
}

export function isPartnerKind(text: string): text is PartnerKind {
  return (PARTNER_KINDS as readonly string[]).includes(text);
}

export function isTargetKind(text: string): text is TargetKind {
  return (TARGET_KINDS as readonly string[]).includes(text);
}

export function isIndicatorRole(text: string): text is IndicatorRole {
  return (INDICATOR_ROLES as readonly string[]).includes(text);
}

export function isTrajectoryShape(text: string): text is TrajectoryShape {
  return (TRAJECTORY_SHAPES as readonly string[]).includes(text);
}

export function isLikelihood(text: string): text is Likelihood {
  return (LIKELIHOODS as readonly string[]).includes(text);
}

export function isOutcome(text: string): text is Outcome {
  return (OUTCOMES as readonly string[]).includes(text);
}

export function isToleranceKind(text: string): text is ToleranceKind {
  return (TOLERANCE_KINDS as readonly string[]).includes(text);
}

export function isRated(rating: Rating): rating is { readonly band: Band; readonly rule: string } {
  return 'band' in rating;
}
