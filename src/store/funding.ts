// The improvement budget as kept (migration 039): a budget per theme and
// financial year with its carried-forward sum, held by the provider whose
// management group allocates it; allocations to projects and councils with
// the group's decision and its date; spend against each allocation. Money is
// kept in whole pence and read back in pounds. An allocation over what is
// unallocated is refused inside the transaction that would add it, the
// budget's row locked, so that two allocations at once cannot both spend the
// same pounds: the domain's `checkAllocation` decides, on what is kept.
import { checkAllocation, type Allocation, type AllocationDraft, type Budget, type Problem } from '../domain/peer-challenge/index.ts';
import { inTransaction } from './peer-bookings.ts';
import type { Db } from './store.ts';

export interface StoredBudget extends Budget {
  readonly id: number;
  readonly organisationId: number;
  readonly organisationName: string;
  /** 1 when added, one more at each change of its own fields (migration 056). */
  readonly revision: number;
}

export interface StoredAllocation extends Allocation {
  readonly budgetId: number;
  readonly startsOn: string | null;
  readonly endsOn: string | null;
  /** 1 when made, one more at each change of its fields (migration 056). */
  readonly revision: number;
}

export interface AllocationInput extends AllocationDraft {
  readonly startsOn: string | null;
  readonly endsOn: string | null;
}

export type BudgetAdded = { readonly kind: 'ok'; readonly id: number } | { readonly kind: 'exists'; readonly id: number };
export type Allocated = { readonly kind: 'ok'; readonly id: number } | { readonly kind: 'refused'; readonly problems: readonly Problem[] };

const pence = (pounds: number) => Math.round(pounds * 100);
const DAY = (column: string) => `to_char(${column}, 'YYYY-MM-DD')`;

const BUDGET_SELECT = `b.id, b.organisation_id as "organisationId", o.name as "organisationName", b.theme, b.year,
  b.amount_pence::float8 / 100 as amount, b.carried_forward_pence::float8 / 100 as "carriedForward", b.revision`;
const BUDGET_FROM = 'funding_budget b join organisation o on o.id = b.organisation_id';

const ALLOCATION_SELECT = `l.id::text as id, l.budget_id as "budgetId", b.theme, b.year,
  json_build_object('kind', l.recipient_kind, 'name', l.recipient_name, 'councilCode', l.area_code) as recipient,
  l.amount_pence::float8 / 100 as amount, l.decided_by as "decidedBy", ${DAY('l.decided_on')} as "decidedOn", l.decision,
  ${DAY('l.starts_on')} as "startsOn", ${DAY('l.ends_on')} as "endsOn", l.revision,
  coalesce((select sum(s.amount_pence) from funding_spend s where s.allocation_id = l.id), 0)::float8 / 100 as spent`;
const ALLOCATION_FROM = 'funding_allocation l join funding_budget b on b.id = l.budget_id';

/** Adds a budget held by the organisation; the one already kept for its theme and year is named instead. */
export async function addBudget(sql: Db, organisationId: number, budget: Budget, by: number | null): Promise<BudgetAdded> {
  const find = async (db: Db) =>
    (
      await db<{ id: number }[]>`
      select id from funding_budget where organisation_id = ${organisationId} and lower(theme) = lower(${budget.theme.trim()}) and year = ${budget.year}`
    )[0];
  const same = await find(sql);
  if (same) return { kind: 'exists', id: same.id };
  const [row] = await sql<{ id: number }[]>`
    insert into funding_budget (organisation_id, theme, year, amount_pence, carried_forward_pence, created_by)
    values (${organisationId}, ${budget.theme.trim()}, ${budget.year}, ${pence(budget.amount)}, ${pence(budget.carriedForward)}, ${by})
    on conflict do nothing
    returning id`;
  return row ? { kind: 'ok', id: row.id } : { kind: 'exists', id: (await find(sql))!.id };
}

export async function readBudget(sql: Db, id: number): Promise<StoredBudget | undefined> {
  const [row] = await sql<StoredBudget[]>`select ${sql.unsafe(BUDGET_SELECT)} from ${sql.unsafe(BUDGET_FROM)} where b.id = ${id}`;
  return row;
}

/** Every budget, the latest year first, then by theme. */
export function listBudgets(sql: Db): Promise<StoredBudget[]> {
  return sql<StoredBudget[]>`select ${sql.unsafe(BUDGET_SELECT)} from ${sql.unsafe(BUDGET_FROM)} order by b.year desc, lower(b.theme), b.id`;
}

/** The allocations of the budgets given (all when none), in the order they were decided. */
export function allocationsOf(sql: Db, budgetIds: readonly number[]): Promise<StoredAllocation[]> {
  return sql<StoredAllocation[]>`
    select ${sql.unsafe(ALLOCATION_SELECT)} from ${sql.unsafe(ALLOCATION_FROM)}
    where l.budget_id = any(${[...budgetIds]}::integer[]) order by l.decided_on, l.id`;
}

export async function readAllocation(sql: Db, id: number): Promise<StoredAllocation | undefined> {
  const [row] = await sql<StoredAllocation[]>`select ${sql.unsafe(ALLOCATION_SELECT)} from ${sql.unsafe(ALLOCATION_FROM)} where l.id = ${id}`;
  return row;
}

/**
 * Allocates from a budget, its row locked: refused, each problem naming its
 * field, if the domain finds the draft wrong on what is kept now, above all
 * an amount over what is unallocated.
 */
export function allocate(sql: Db, budgetId: number, draft: AllocationInput, by: number | null): Promise<Allocated> {
  return inTransaction(sql, async (tx) => {
    const [locked] = await tx`select id from funding_budget where id = ${budgetId} for update`;
    if (!locked) return { kind: 'refused', problems: [{ field: 'budget', message: `'budget': no budget has the id ${budgetId}` }] };
    const budget = (await readBudget(tx, budgetId))!;
    const problems = checkAllocation(draft, budget, await allocationsOf(tx, [budgetId]));
    if (problems.length > 0) return { kind: 'refused', problems };
    const [row] = await tx<{ id: number }[]>`
      insert into funding_allocation (budget_id, recipient_kind, recipient_name, area_code, amount_pence, decided_by, decided_on, decision, starts_on, ends_on, created_by)
      values (${budgetId}, ${draft.recipient.kind}, ${draft.recipient.name.trim()}, ${draft.recipient.councilCode}, ${pence(draft.amount)},
        ${draft.decidedBy.trim()}, ${draft.decidedOn}, ${draft.decision.trim()}, ${draft.startsOn}, ${draft.endsOn}, ${by})
      returning id`;
    return { kind: 'ok', id: row!.id };
  });
}

/** Records spend against an allocation (checked by the domain's `checkSpend` before). */
export async function recordSpend(sql: Db, allocationId: number, amount: number, spentOn: string, note: string | null, by: number | null): Promise<void> {
  await sql`insert into funding_spend (allocation_id, amount_pence, spent_on, note, recorded_by) values (${allocationId}, ${pence(amount)}, ${spentOn}, ${note}, ${by})`;
}
