// Where a case stands: in conversation until an outcome is agreed; under
// support once "a bigger degree of support is needed" and a package follows;
// closed with its reason. A later outcome moves the stage again (a council
// that did not accept may later agree to support).
import type { Outcome } from './outcomes.ts';

export const STAGES = ['conversation', 'outcome_agreed', 'support', 'closed'] as const;
export type Stage = (typeof STAGES)[number];

export const STAGE_LABELS: Readonly<Record<Stage, string>> = {
  conversation: 'In conversation',
  outcome_agreed: 'Outcome agreed',
  support: 'Support package',
  closed: 'Closed',
};

export function stageAfter(outcome: Outcome): Stage {
  return outcome === 'support_package' ? 'support' : 'outcome_agreed';
}
