/*
 * Which value stands for a (metric, area, period) when a council's own value
 * and the published series both bring one. The official statistic wins:
 *   - when the published series brings a key after the council's value was
 *     released, the import revises the observation as any revision does, and
 *     the early value stays in the observation's history;
 *   - when a council's value is released after the official one is loaded,
 *     it is not loaded over it: the held value is marked released (its
 *     instant has passed) but the official value stands, so a late release
 *     can never replace a published statistic with an early estimate.
 * A value that was itself released earlier may be replaced by the council's
 * later, confirmed correction: both are the council's own.
 */

/** What `observation` holds for the key when a held value comes to be released. */
export type ObservationNow = 'none' | 'released' | 'official';

export type ReleaseOutcome = 'load' | 'official_stands';

export function releaseOutcome(now: ObservationNow): ReleaseOutcome {
  switch (now) {
    case 'none':
    case 'released':
      return 'load';
    case 'official':
      return 'official_stands';
  }
}

/** Whether a held value may be released at all: a confirmed value, not a period left blank. Provisional values never are (IMPROVEMENT.md). */
export function isReleasable(held: { readonly provisional: boolean; readonly value: number | null }): boolean {
  return !held.provisional && held.value !== null;
}
