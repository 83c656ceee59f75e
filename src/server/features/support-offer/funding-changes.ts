// Correcting the improvement budget in the open: the provider's staff who
// hold a budget change its theme, year and sums, or any field of an
// allocation from it. A budget below what is allocated, an allocation that
// would take the budget over, and a theme and year another budget has are
// refused by field, inside the store's transaction with the budget's row
// locked; every field changed is kept with who changed it, when, and its
// value before and after, and the budget's page shows that history. Each
// change names the revision it was read at: one made since answers 409
// naming every change after it, who made it and when.
import { checkBudget, type Budget } from '../../../domain/peer-challenge/index.ts';
import { changeAllocationRow, changeBudgetRow, changesOf, type FundingChanged, type StoredChange } from '../../../store/funding-changes.ts';
import { readAllocation, readBudget, type StoredAllocation, type StoredBudget } from '../../../store/funding.ts';
import type { Sql } from '../../../store/store.ts';
import { notSeen, type RequestAccess } from '../../platform/access/index.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { pathId } from '../../platform/http/request-body.ts';
import { allocationInputOf, findBudget, poundsOf } from './budgets.ts';
import { fundingRecord } from './records.ts';

type Body = Readonly<Record<string, unknown>>;
const given = (body: Body, field: string) => body[field] !== undefined && body[field] !== null;

/** Changes a budget: each field given replaces the one kept, the rest stay. */
export async function changeBudget(sql: Sql, access: RequestAccess, idText: unknown, body: Body): Promise<StoredBudget> {
  const { budget } = await findBudget(sql, access, idText);
  access.require('change', fundingRecord(budget), `budget ${budget.id}`);
  const next: Budget = {
    theme: given(body, 'theme') ? String(body.theme).trim() : budget.theme,
    year: given(body, 'year') ? String(body.year).trim() : budget.year,
    amount: given(body, 'amount') ? poundsOf(body.amount) : budget.amount,
    carriedForward: !given(body, 'carriedForward') ? budget.carriedForward : String(body.carriedForward).trim() === '' ? 0 : poundsOf(body.carriedForward),
  };
  const problems = [...checkBudget(next), ...revisionProblems(body, budget.revision)];
  if (problems.length > 0) throw invalidInput(problems);
  const changed = await changeBudgetRow(sql, budget.id, next, changer(access), Number(body.revision));
  refuse(changed, `budget ${budget.id}`, Number(body.revision));
  if (changed.kind === 'exists') {
    const message = `'theme': there is a budget for ${next.theme}, ${next.year} already: budget ${changed.id}`;
    throw new HttpError(409, 'conflict', message, { problems: [{ field: 'theme', message }], open: { id: changed.id, href: `/support-offer/funding/${changed.id}` } });
  }
  if (changed.kind === 'ok' && changed.changes.length > 0) await access.audit(sql, 'change', 'funding', String(budget.id), `changed the budget: ${changed.changes.map((c) => c.field).join(', ')}`);
  return (await readBudget(sql, budget.id))!;
}

/** Changes an allocation: each field given replaces the one kept (the recipient as a whole), the rest stay. */
export async function changeAllocation(sql: Sql, access: RequestAccess, idText: unknown, body: Body): Promise<StoredAllocation> {
  const found = await findAllocation(sql, access, idText);
  const budget = (await readBudget(sql, found.budgetId))!;
  const keptOr = (field: keyof StoredAllocation) => (given(body, field) ? body[field] : found[field]);
  const wrongRevision = revisionProblems(body, found.revision);
  if (wrongRevision.length > 0) throw invalidInput(wrongRevision);
  const draft = await allocationInputOf(sql, budget, {
    recipient: given(body, 'recipient') ? body.recipient : found.recipient,
    amount: keptOr('amount'),
    decidedBy: keptOr('decidedBy'),
    decidedOn: keptOr('decidedOn'),
    decision: keptOr('decision'),
    startsOn: keptOr('startsOn'),
    endsOn: keptOr('endsOn'),
  });
  const changed = await changeAllocationRow(sql, Number(found.id), draft, changer(access), Number(body.revision));
  refuse(changed, `allocation ${found.id}`, Number(body.revision));
  if (changed.kind === 'ok' && changed.changes.length > 0)
    await access.audit(sql, 'change', 'funding', String(budget.id), `changed allocation ${found.id}: ${changed.changes.map((c) => c.field).join(', ')}`);
  return (await readAllocation(sql, Number(found.id)))!;
}

/** The allocation the path names, if the viewer may change its budget: otherwise the one not-found answer, or 403. */
export async function findAllocation(sql: Sql, access: RequestAccess, idText: unknown): Promise<StoredAllocation> {
  const id = pathId(idText, 'allocation');
  const allocation = await readAllocation(sql, id);
  if (!allocation) throw notSeen(`allocation ${id}`);
  const budget = (await readBudget(sql, allocation.budgetId))!;
  access.require('change', fundingRecord(budget), `allocation ${id}`);
  return allocation;
}

/** Every change of a budget and its allocations, the latest first: the budget is public, and so is how its figures came to be. */
export function fundingHistory(sql: Sql, budgetId: number): Promise<StoredChange[]> {
  return changesOf(sql, budgetId);
}

function changer(access: RequestAccess): { userId: number | null; name: string } {
  return { userId: access.userId, name: access.actor.actor.replace(/ <[^>]*>$/, '') };
}

/** The revision the change was read at: a whole number from 1, refused by field when absent or not one. */
function revisionProblems(body: Body, current: number): { field: string; message: string }[] {
  const revision = typeof body.revision === 'string' && /^\d{1,9}$/.test(body.revision.trim()) ? Number(body.revision) : body.revision;
  if (typeof revision === 'number' && Number.isInteger(revision) && revision >= 1) return [];
  return [{ field: 'revision', message: `'revision': give the revision you read, a whole number (it is at revision ${current} now)` }];
}

function refuse(changed: FundingChanged, what: string, readAt: number): void {
  if (changed.kind === 'missing') throw notSeen(what);
  if (changed.kind === 'refused') throw invalidInput(changed.problems);
  if (changed.kind === 'stale') {
    const by = [...new Set(changed.since.map((c) => c.changedBy))].join(' and ');
    const since = changed.since.map((c) => `${c.field} from ${c.from ?? 'nothing'} to ${c.to ?? 'nothing'} (${c.changedBy}, ${c.changedAt})`).join('; ');
    const message = `'revision': ${what} was changed by ${by || 'someone'} since you read it (revision ${readAt}, now ${changed.revision})${since ? `: ${since}` : ''}; read it again and make your change to that`;
    throw new HttpError(409, 'stale', message, {
      problems: [{ field: 'revision', message }],
      revision: changed.revision,
      changes: changed.since.map(({ id: _id, budgetId: _budget, ...c }) => c),
    });
  }
}
