// The partnership's improvement budget, in the open: budgets per theme and
// financial year with their carried-forward sums, allocations to projects
// and councils with the management group's decision and its date, what is
// unallocated, and spend against each allocation. Anyone reads them (the
// policy's 'funding' is public); the provider's staff who hold a budget
// change it. The domain checks each field; the store refuses an allocation
// over the budget inside its transaction.
import type { UserViewer } from '../../../domain/access/index.ts';
import { londonDay } from '../../../domain/format/index.ts';
import { checkBudget, checkSpend, fundingPosition, type FundingPosition, type Problem, type RecipientKind } from '../../../domain/peer-challenge/index.ts';
import { isIsoDay } from '../../../domain/period/index.ts';
import { getArea } from '../../../store/catalogue.ts';
import { addBudget, allocate, allocationsOf, listBudgets, readAllocation, readBudget, recordSpend, type AllocationInput, type StoredAllocation, type StoredBudget } from '../../../store/funding.ts';
import type { Sql } from '../../../store/store.ts';
import { notSeen, type RequestAccess } from '../../platform/access/index.ts';
import { invalidInput } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { pathId } from '../../platform/http/request-body.ts';
import { fundingRecord } from './records.ts';

type Body = Readonly<Record<string, unknown>>;
const text = (value: unknown) => (typeof value === 'string' ? value.trim() : '');

/** A sum in pounds as typed ('1,250.50', '£300'); NaN for anything else, so that the domain refuses it by field. */
export function poundsOf(value: unknown): number {
  if (typeof value === 'number') return value;
  const typed = text(value).replace(/^£/, '').replace(/,/g, '');
  return /^-?\d+(\.\d+)?$/.test(typed) ? Number(typed) : Number.NaN;
}

export interface BudgetReading {
  readonly budget: StoredBudget;
  readonly position: FundingPosition;
  readonly allocations: readonly StoredAllocation[];
}

/** Every budget with its position: total, allocated, unallocated, spent. */
export async function readFunding(sql: Sql): Promise<BudgetReading[]> {
  const budgets = await listBudgets(sql);
  const allocations = await allocationsOf(
    sql,
    budgets.map((b) => b.id),
  );
  return budgets.map((budget) => {
    const mine = allocations.filter((a) => a.budgetId === budget.id);
    return { budget, position: fundingPosition(budget, mine), allocations: mine };
  });
}

export async function findBudget(sql: Sql, access: RequestAccess, idText: unknown): Promise<BudgetReading> {
  const id = pathId(idText, 'budget');
  const budget = await readBudget(sql, id);
  if (!budget) throw notSeen(`budget ${id}`);
  access.require('read', fundingRecord(budget), `budget ${id}`);
  const allocations = await allocationsOf(sql, [id]);
  return { budget, position: fundingPosition(budget, allocations), allocations };
}

/** A budget for a theme and year, held by the viewer's organisation; the same theme and year twice answers 409 naming it. */
export async function addThemeBudget(sql: Sql, access: RequestAccess, body: Body): Promise<StoredBudget> {
  const viewer = holder(access);
  const budget = {
    theme: text(body.theme),
    year: text(body.year),
    amount: poundsOf(body.amount),
    carriedForward: typeof body.carriedForward !== 'number' && text(body.carriedForward) === '' ? 0 : poundsOf(body.carriedForward),
  };
  const problems = checkBudget(budget);
  if (problems.length > 0) throw invalidInput(problems);
  access.require('change', fundingRecord({ organisationId: viewer.organisationId }), 'budget');
  const added = await addBudget(sql, viewer.organisationId, budget, viewer.userId);
  if (added.kind === 'exists') {
    throw new HttpError(409, 'conflict', `'theme': there is a budget for ${budget.theme}, ${budget.year} already: budget ${added.id}`, {
      problems: [{ field: 'theme', message: `'theme': there is a budget for ${budget.theme}, ${budget.year} already: budget ${added.id}` }],
      open: { id: added.id, href: `/support-offer/funding/${added.id}` },
    });
  }
  await access.audit(sql, 'change', 'funding', String(added.id), `added the budget ${budget.theme}, ${budget.year}`);
  return (await readBudget(sql, added.id))!;
}

/** An allocation from a budget as the management group decided it; over the budget, negative, or ending before it starts, refused by field. */
export async function allocateFrom(sql: Sql, access: RequestAccess, idText: unknown, body: Body): Promise<StoredAllocation> {
  const { budget } = await findBudget(sql, access, idText);
  access.require('change', fundingRecord(budget), `budget ${budget.id}`);
  const draft = await allocationInputOf(sql, budget, body);
  const allocated = await allocate(sql, budget.id, draft, (access.viewer as UserViewer).userId);
  if (allocated.kind === 'refused') throw invalidInput(allocated.problems);
  await access.audit(sql, 'change', 'funding', String(budget.id), `allocated ${draft.amount} to ${draft.recipient.name} (allocation ${allocated.id})`);
  return (await readAllocation(sql, allocated.id))!;
}

/** An allocation's fields as given, for the budget: a council that is not one, a day that is not a day or an end before the start refused by field here; the rest by the domain in the store's transaction. */
export async function allocationInputOf(sql: Sql, budget: StoredBudget, body: Body): Promise<AllocationInput> {
  const recipient = (body.recipient ?? {}) as Body;
  const kind = text(recipient.kind) as RecipientKind;
  const councilCode = text(recipient.councilCode) || null;
  const problems: Problem[] = [];
  if (councilCode !== null && !(await getArea(sql, councilCode))) problems.push({ field: 'recipient.councilCode', message: `'recipient.councilCode': no council has the code '${councilCode}'` });
  const startsOn = text(body.startsOn) || null;
  const endsOn = text(body.endsOn) || null;
  if (startsOn !== null && !isIsoDay(startsOn)) problems.push({ field: 'startsOn', message: `'startsOn': give the day as YYYY-MM-DD` });
  if (endsOn !== null && !isIsoDay(endsOn)) problems.push({ field: 'endsOn', message: `'endsOn': give the day as YYYY-MM-DD` });
  else if (startsOn !== null && endsOn !== null && endsOn < startsOn) problems.push({ field: 'endsOn', message: `'endsOn': ${endsOn} is before the start, ${startsOn}` });
  if (problems.length > 0) throw invalidInput(problems);
  return {
    theme: budget.theme,
    year: budget.year,
    recipient: { kind, name: text(recipient.name), councilCode: kind === 'council' ? councilCode : null },
    amount: poundsOf(body.amount),
    decidedBy: text(body.decidedBy),
    decidedOn: text(body.decidedOn),
    decision: text(body.decision),
    startsOn,
    endsOn,
  };
}

/** Spend recorded against an allocation: never negative; over the allocation it is shown as overspent. */
export async function spendOn(sql: Sql, access: RequestAccess, idText: unknown, body: Body): Promise<StoredAllocation> {
  const id = pathId(idText, 'allocation');
  const allocation = await readAllocation(sql, id);
  if (!allocation) throw notSeen(`allocation ${id}`);
  const budget = (await readBudget(sql, allocation.budgetId))!;
  access.require('change', fundingRecord(budget), `allocation ${id}`);
  const amount = poundsOf(body.amount);
  const spentOn = text(body.spentOn) || londonDay(new Date(access.now));
  const problems = checkSpend(amount).map((p) => ({ field: 'amount', message: p.message.replace("'spent'", "'amount'") }));
  if (!isIsoDay(spentOn)) problems.push({ field: 'spentOn', message: `'spentOn': give the day as YYYY-MM-DD` });
  const note = text(body.note);
  if (note.length > 500) problems.push({ field: 'note', message: `'note': keep it to 500 characters` });
  if (problems.length > 0) throw invalidInput(problems);
  await recordSpend(sql, id, amount, spentOn, note || null, (access.viewer as UserViewer).userId);
  await access.audit(sql, 'change', 'funding', String(budget.id), `recorded ${amount} spent on allocation ${id}`);
  return (await readAllocation(sql, id))!;
}

function holder(access: RequestAccess): UserViewer {
  const viewer = access.viewer;
  if (viewer.kind !== 'user') throw new HttpError(401, 'sign_in_required', 'Sign in to add a budget.');
  return viewer;
}
