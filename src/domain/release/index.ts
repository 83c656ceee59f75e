export { checkReleaseRule, describeRule, MAX_MONTHS_AFTER, RELEASE_RULE_KINDS } from './release-rule.ts';
export type { ReleaseRule, ReleaseRuleCheck, ReleaseRuleKind, RuleProblem } from './release-rule.ts';
export { isReleasedAt, londonMidnight, releaseInstant } from './release-instant.ts';
export { RELEASE_DEFAULTS, releaseDefaultsOn, ruleFor } from './release-defaults.ts';
export type { ReleaseDefaults, ValueOrigin } from './release-defaults.ts';
export { isReleasable, releaseOutcome } from './standing-value.ts';
export type { ObservationNow, ReleaseOutcome } from './standing-value.ts';
