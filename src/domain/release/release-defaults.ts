/*
 * Release defaults: the rule a council's value follows until the council sets
 * one of its own for that metric, by where the value came from. Versioned
 * data, not constants: when the practice changes, a new version is added with
 * the day it applies from, and earlier versions stay to explain the rules
 * Lantern applied before.
 *
 * Version 1 (IMPROVEMENT.md, "Resident surveys and councils' own data"):
 *   - returns (in-year and early-sight values) are private until the council
 *     says: they are its working figures, and provisional ones are never
 *     published in any case;
 *   - survey results are public one year after the end of their financial
 *     year, as the LGA's practice for resident satisfaction results has it.
 */
import type { ReleaseRule } from './release-rule.ts';

/** Where a held value came from: a return entered or uploaded, or a survey's comparable result. */
export type ValueOrigin = 'return' | 'survey';

export interface ReleaseDefaults {
  readonly version: number;
  /** The day (YYYY-MM-DD) from which this version applies. */
  readonly from: string;
  readonly rules: Readonly<Record<ValueOrigin, ReleaseRule>>;
  readonly source: string;
}

export const RELEASE_DEFAULTS: readonly ReleaseDefaults[] = Object.freeze([
  Object.freeze({
    version: 1,
    from: '2026-12-01',
    rules: Object.freeze({ return: Object.freeze({ kind: 'private' }), survey: Object.freeze({ kind: 'public_after_period', months: 12 }) }),
    source: "LGA resident satisfaction practice (results public a year after their financial year); LG Inform's in-year returns (private to the council until released)",
  } as const),
]);

/** The defaults in force on a London day (YYYY-MM-DD): the latest version from that day or before, else the first. */
export function releaseDefaultsOn(day: string, versions: readonly ReleaseDefaults[] = RELEASE_DEFAULTS): ReleaseDefaults {
  let found = versions[0]!;
  for (const version of versions) if (version.from <= day && version.from >= found.from) found = version;
  return found;
}

/** The rule a value follows: the council's own for its metric, else the default for its origin. */
export function ruleFor(councilRule: ReleaseRule | null, origin: ValueOrigin, defaults: ReleaseDefaults): ReleaseRule {
  return councilRule ?? defaults.rules[origin];
}
