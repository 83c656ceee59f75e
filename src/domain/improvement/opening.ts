// How a case opens. Intelligence must be "specific and evidence-based" (004):
// a case cites at least one flag or one item of intelligence that carries its
// evidence, unless the council itself asked for help, in its own words (000
// §10; councils may "voluntarily … signal their need", 004). What it opens
// from is then said by what it cites, not chosen.
import { given, type CaseProblem } from './problem.ts';

export const OPENED_FROM = ['flags', 'intelligence', 'council_request'] as const;
export type OpenedFrom = (typeof OPENED_FROM)[number];

export const OPENED_FROM_LABELS: Readonly<Record<OpenedFrom, string>> = {
  flags: 'Early warning flags',
  intelligence: 'Intelligence about the council',
  council_request: 'The council asked',
};

/** What a new case rests on, as the store found it. */
export interface CaseBasis {
  readonly flags: number;
  /** Items of intelligence that carry evidence. */
  readonly evidencedItems: number;
  /** Items cited that carry none: never enough on their own. */
  readonly unevidencedItems: number;
  /** The council's own words, when it asked. */
  readonly councilRequest: string | null;
}

/** Why the case may not open on this basis; none when it may. */
export function openingProblems(basis: CaseBasis): CaseProblem[] {
  if (basis.unevidencedItems > 0) return [{ field: 'items', message: "'items': an item of intelligence cited must carry its evidence (specific and evidence-based)" }];
  if (basis.flags + basis.evidencedItems > 0 || given(basis.councilRequest)) return [];
  return [{ field: 'flags', message: "'flags': a case must cite at least one flag or an item of intelligence with evidence, unless the council asked in its own words ('councilRequest')" }];
}

/** Flags first: hard data, then intelligence, then the council's own request. */
export function openedFrom(basis: CaseBasis): OpenedFrom {
  if (basis.flags > 0) return 'flags';
  if (basis.evidencedItems > 0) return 'intelligence';
  return 'council_request';
}
