// Changes to the improvement budget as kept (migration 052): a budget's or an
// allocation's fields changed in one transaction with the budget's row
// locked, so that a change and an allocation at once cannot together take
// the budget over, and each field's change written to `funding_change`
// (insert-only) beside it. The domain decides what may change
// (checkBudgetChange, checkAllocation) on what is kept at that moment. A
// change is made from the revision its changer read (migration 056): under
// the lock, a budget or allocation changed since is refused with every
// change made after that revision, so that the last save never silently
// wins.
import { allocationChanges, budgetChanges, checkAllocation, checkBudgetChange, type Budget, type FieldChange, type Problem } from '../domain/peer-challenge/index.ts';
import { allocationsOf, readAllocation, readBudget, type AllocationInput } from './funding.ts';
import { inTransaction } from './peer-bookings.ts';
import type { Db } from './store.ts';

/** Who changes: the user (null at the console) and the name the history shows. */
export interface Changer {
  readonly userId: number | null;
  readonly name: string;
}

export type FundingChanged =
  | { readonly kind: 'ok'; readonly changes: readonly FieldChange[] }
  | { readonly kind: 'refused'; readonly problems: readonly Problem[] }
  | { readonly kind: 'exists'; readonly id: number }
  | { readonly kind: 'stale'; readonly revision: number; readonly since: readonly StoredChange[] }
  | { readonly kind: 'missing' };

export interface StoredChange extends FieldChange {
  readonly id: number;
  readonly budgetId: number;
  readonly allocationId: number | null;
  readonly changedBy: string;
  /** When, as an ISO instant. */
  readonly changedAt: string;
  /** The revision of its budget (or of its allocation) the change made. */
  readonly revision: number;
}

const pence = (pounds: number) => Math.round(pounds * 100);

/** Changes a budget's theme, year and sums, refused below what is allocated from it or onto the theme and year of another. */
export function changeBudgetRow(sql: Db, id: number, next: Budget, by: Changer, readAt: number): Promise<FundingChanged> {
  return inTransaction(sql, async (tx) => {
    const [locked] = await tx<{ organisationId: number; revision: number }[]>`select organisation_id as "organisationId", revision from funding_budget where id = ${id} for update`;
    if (!locked) return { kind: 'missing' };
    if (locked.revision !== readAt) return { kind: 'stale', revision: locked.revision, since: await changesSince(tx, id, null, readAt) };
    const [same] = await tx<{ id: number }[]>`
      select id from funding_budget where organisation_id = ${locked.organisationId} and lower(theme) = lower(${next.theme.trim()}) and year = ${next.year} and id <> ${id}`;
    if (same) return { kind: 'exists', id: same.id };
    const before = (await readBudget(tx, id))!;
    const allocated = (await allocationsOf(tx, [id])).reduce((sum, a) => sum + pence(a.amount), 0) / 100;
    const problems = checkBudgetChange(next, allocated);
    if (problems.length > 0) return { kind: 'refused', problems };
    const changes = budgetChanges(before, next);
    if (changes.length === 0) return { kind: 'ok', changes };
    await tx`update funding_budget set theme = ${next.theme.trim()}, year = ${next.year}, amount_pence = ${pence(next.amount)}, carried_forward_pence = ${pence(next.carriedForward)},
      revision = revision + 1 where id = ${id}`;
    await keep(tx, id, null, changes, by, readAt + 1);
    return { kind: 'ok', changes };
  });
}

/** Changes an allocation's fields, checked as a new allocation would be against the rest of its budget, the budget's row locked. */
export function changeAllocationRow(sql: Db, id: number, next: AllocationInput, by: Changer, readAt: number): Promise<FundingChanged> {
  return inTransaction(sql, async (tx) => {
    const found = await readAllocation(tx, id);
    if (!found) return { kind: 'missing' };
    await tx`select id from funding_budget where id = ${found.budgetId} for update`;
    const before = (await readAllocation(tx, id))!;
    if (before.revision !== readAt) return { kind: 'stale', revision: before.revision, since: await changesSince(tx, before.budgetId, id, readAt) };
    const budget = (await readBudget(tx, before.budgetId))!;
    const others = (await allocationsOf(tx, [before.budgetId])).filter((a) => a.id !== before.id);
    const problems = checkAllocation(next, budget, others);
    if (problems.length > 0) return { kind: 'refused', problems };
    const changes = allocationChanges(before, next);
    if (changes.length === 0) return { kind: 'ok', changes };
    await tx`
      update funding_allocation set recipient_kind = ${next.recipient.kind}, recipient_name = ${next.recipient.name.trim()}, area_code = ${next.recipient.councilCode},
        amount_pence = ${pence(next.amount)}, decided_by = ${next.decidedBy.trim()}, decided_on = ${next.decidedOn}, decision = ${next.decision.trim()},
        starts_on = ${next.startsOn}, ends_on = ${next.endsOn}, revision = revision + 1
      where id = ${id}`;
    await keep(tx, before.budgetId, id, changes, by, readAt + 1);
    return { kind: 'ok', changes };
  });
}

/** Every change of a budget and its allocations, the latest first. */
const CHANGE_SELECT = `id, budget_id as "budgetId", allocation_id as "allocationId", field, from_value as "from", to_value as "to",
  changed_by_name as "changedBy", to_char(changed_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"') as "changedAt", revision`;

export function changesOf(sql: Db, budgetId: number): Promise<StoredChange[]> {
  return sql<StoredChange[]>`select ${sql.unsafe(CHANGE_SELECT)} from funding_change where budget_id = ${budgetId} order by changed_at desc, id desc`;
}

/** The changes of a budget's own fields (allocation null) or of one allocation made after the revision given, the earliest first. */
function changesSince(tx: Db, budgetId: number, allocationId: number | null, revision: number): Promise<StoredChange[]> {
  return tx<StoredChange[]>`
    select ${tx.unsafe(CHANGE_SELECT)} from funding_change
    where budget_id = ${budgetId} and allocation_id is not distinct from ${allocationId}::integer and revision > ${revision}
    order by revision, id`;
}

async function keep(tx: Db, budgetId: number, allocationId: number | null, changes: readonly FieldChange[], by: Changer, revision: number): Promise<void> {
  await tx`insert into funding_change ${tx(
    changes.map((c) => ({ budget_id: budgetId, allocation_id: allocationId, field: c.field, from_value: c.from, to_value: c.to, changed_by: by.userId, changed_by_name: by.name, revision })),
  )}`;
}
