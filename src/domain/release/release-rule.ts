/*
 * Release rule: when a council's own value (a return's, a survey's
 * comparable result) may become public. Three kinds, as issue 20 and
 * DESIGN.md's "return" name them:
 *   - private: held by the council until it says otherwise (no instant);
 *   - public_from: public from one instant, whatever the period;
 *   - public_after_period: public a span of whole months after the end of
 *     the value's period (survey results: twelve months after the end of
 *     their financial year, IMPROVEMENT.md).
 * Sharing with named organisations before release is not a kind of rule:
 * it is a share, which the access policy reads.
 *
 * A rule is given per council and metric; where a council has set none, the
 * defaults (release-defaults.ts, versioned data) decide by the value's origin.
 */
export const RELEASE_RULE_KINDS = ['private', 'public_from', 'public_after_period'] as const;
export type ReleaseRuleKind = (typeof RELEASE_RULE_KINDS)[number];

export type ReleaseRule = { readonly kind: 'private' } | { readonly kind: 'public_from'; readonly instant: Date } | { readonly kind: 'public_after_period'; readonly months: number };

/** The longest span after a period a rule may wait: ten years. */
export const MAX_MONTHS_AFTER = 120;

export interface RuleProblem {
  readonly field: string;
  readonly message: string;
}

export type ReleaseRuleCheck = { readonly kind: 'valid'; readonly rule: ReleaseRule } | { readonly kind: 'invalid'; readonly problems: readonly RuleProblem[] };

/**
 * A rule from a form or the API (`kind`, with `publicFrom` an ISO instant or
 * `monthsAfter` a whole number), or every problem with it, each naming its field.
 */
export function checkReleaseRule(given: Readonly<Record<string, unknown>>): ReleaseRuleCheck {
  switch (given.kind) {
    case 'private':
      return { kind: 'valid', rule: { kind: 'private' } };
    case 'public_from': {
      const text = given.publicFrom;
      const instant = typeof text === 'string' && INSTANT.test(text) && isCalendarDay(text) ? new Date(text) : undefined;
      if (!instant || Number.isNaN(instant.getTime())) {
        return invalid('publicFrom', `'publicFrom' must be an instant with its zone, such as 2027-04-01T00:00:00+01:00, not '${String(text).slice(0, 40)}'`);
      }
      return { kind: 'valid', rule: { kind: 'public_from', instant } };
    }
    case 'public_after_period': {
      const months = typeof given.monthsAfter === 'string' && /^\d{1,3}$/.test(given.monthsAfter) ? Number(given.monthsAfter) : given.monthsAfter;
      if (typeof months !== 'number' || !Number.isInteger(months) || months < 0 || months > MAX_MONTHS_AFTER) {
        return invalid('monthsAfter', `'monthsAfter' must be a whole number of months from 0 to ${MAX_MONTHS_AFTER}, not '${String(given.monthsAfter).slice(0, 40)}'`);
      }
      return { kind: 'valid', rule: { kind: 'public_after_period', months } };
    }
    default:
      return invalid('kind', `'kind' must be one of ${RELEASE_RULE_KINDS.join(', ')}, not '${String(given.kind).slice(0, 40)}'`);
  }
}

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/;

/** Whether the instant's date is a day of the calendar: Date reads 30 February as 2 March. */
function isCalendarDay(text: string): boolean {
  const [year, month, day] = text.slice(0, 10).split('-').map(Number) as [number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function invalid(field: string, message: string): ReleaseRuleCheck {
  return { kind: 'invalid', problems: [{ field, message }] };
}

/** The rule in a sentence, for the release calendar. */
export function describeRule(rule: ReleaseRule): string {
  switch (rule.kind) {
    case 'private':
      return 'private to the council until it sets a release';
    case 'public_from':
      return `public from ${rule.instant.toISOString()}`;
    case 'public_after_period':
      return rule.months === 0 ? 'public as soon as its period ends' : `public ${monthsInWords(rule.months)} after the end of its period`;
  }
}

function monthsInWords(months: number): string {
  if (months % 12 === 0) return months === 12 ? 'one year' : `${months / 12} years`;
  return months === 1 ? 'one month' : `${months} months`;
}
