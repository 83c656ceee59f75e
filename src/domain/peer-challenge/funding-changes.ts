// Changing the improvement budget in the open (issue 21, build item 2): a
// budget's sums, theme and year, and an allocation's every field, may be
// corrected after they were recorded, and each change is kept field by
// field (who, when, from, to) so that the page shows how the figures came to
// be. A budget may not shrink below what is allocated from it; an allocation
// is checked as a new one would be against the rest (checkAllocation), so
// that no change takes the budget over.
import { money, type AllocationDraft, type Budget } from './funding.ts';
import { problem, type Problem } from './problem.ts';

/** One field's change, as the page shows it: the field's name and its value before and after, in words. */
export interface FieldChange {
  readonly field: string;
  readonly from: string | null;
  readonly to: string | null;
}

const pence = (pounds: number) => Math.round(pounds * 100);

/** A budget changed to `next` refused where its total would fall below what is allocated from it. */
export function checkBudgetChange(next: Budget, allocated: number): Problem[] {
  const total = pence(next.amount) + pence(next.carriedForward);
  if (total >= pence(allocated)) return [];
  return [problem('amount', `${money(next.amount)} with ${money(next.carriedForward)} carried forward is ${money(total / 100)}, less than the ${money(allocated)} allocated from it`)];
}

/** The fields of a budget that differ, each in words. */
export function budgetChanges(before: Budget, after: Budget): FieldChange[] {
  return changed([
    ['theme', before.theme, after.theme.trim()],
    ['year', before.year, after.year],
    ['amount', money(before.amount), money(after.amount)],
    ['carriedForward', money(before.carriedForward), money(after.carriedForward)],
  ]);
}

export interface AllocationFields extends AllocationDraft {
  readonly startsOn: string | null;
  readonly endsOn: string | null;
}

/** The fields of an allocation that differ, each in words. */
export function allocationChanges(before: AllocationFields, after: AllocationFields): FieldChange[] {
  return changed([
    ['recipient.kind', before.recipient.kind, after.recipient.kind],
    ['recipient.name', before.recipient.name, after.recipient.name.trim()],
    ['recipient.councilCode', before.recipient.councilCode, after.recipient.councilCode],
    ['amount', money(before.amount), money(after.amount)],
    ['decidedBy', before.decidedBy, after.decidedBy.trim()],
    ['decidedOn', before.decidedOn, after.decidedOn],
    ['decision', before.decision, after.decision.trim()],
    ['startsOn', before.startsOn, after.startsOn],
    ['endsOn', before.endsOn, after.endsOn],
  ]);
}

function changed(rows: readonly (readonly [string, string | null, string | null])[]): FieldChange[] {
  return rows.filter(([, from, to]) => from !== to).map(([field, from, to]) => ({ field, from, to }));
}
