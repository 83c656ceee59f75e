// How a case closes: improved, explained, escalated (to statutory action) or
// withdrawn, each with its reason. "Improved" is a claim about the data, so it
// rests on evidence linked to the case: a flag the case cited now cleared,
// a support package's milestones all met, or a significant improvement in a
// metric said with its figures. The use-case checks each against the store.
import { given, type CaseProblem } from './problem.ts';

export const CLOSURES = ['improved', 'explained', 'escalated', 'withdrawn'] as const;
export type Closure = (typeof CLOSURES)[number];

export const CLOSURE_LABELS: Readonly<Record<Closure, string>> = {
  improved: 'Improved',
  explained: 'Explained',
  escalated: 'Escalated',
  withdrawn: 'Withdrawn',
};

export const CLOSURE_EVIDENCE_KINDS = ['flag_cleared', 'milestones_met', 'significant_improvement'] as const;
export type ClosureEvidenceKind = (typeof CLOSURE_EVIDENCE_KINDS)[number];

export const CLOSURE_EVIDENCE_LABELS: Readonly<Record<ClosureEvidenceKind, string>> = {
  flag_cleared: 'A flag the case cited has cleared',
  milestones_met: "The support package's milestones are met",
  significant_improvement: 'A significant improvement in a metric',
};

export type ClosureEvidence =
  | { readonly kind: 'flag_cleared'; readonly flagId: number }
  | { readonly kind: 'milestones_met'; readonly packageId: number }
  | { readonly kind: 'significant_improvement'; readonly metric: string; readonly from: string; readonly to: string; readonly note: string };

export function isClosure(text: string): text is Closure {
  return (CLOSURES as readonly string[]).includes(text);
}

export function closingProblems(input: { closure: string; reason?: string | null | undefined; evidence: readonly ClosureEvidence[] }): CaseProblem[] {
  if (!isClosure(input.closure)) return [{ field: 'closure', message: `'closure' must be one of ${CLOSURES.join(', ')}` }];
  const problems: CaseProblem[] = [];
  if (!given(input.reason)) problems.push({ field: 'reason', message: "'reason': say why the case closes" });
  if (input.closure === 'improved' && input.evidence.length === 0) {
    problems.push({ field: 'evidence', message: "'evidence': a case closes improved only on linked evidence: a flag cleared, milestones met or a significant improvement" });
  }
  return problems;
}
