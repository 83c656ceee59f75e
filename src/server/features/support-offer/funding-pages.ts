// The improvement budget as pages, in the open: every budget with what is
// allocated, unallocated and spent; a budget's allocations with the
// management group's decision and date and the spend against each, and the
// history of every change to them; and the provider's forms to add a budget,
// allocate from it and record spend, and to change a budget or an
// allocation. A refusal (an allocation over the budget, a budget below its
// allocations, a negative sum, an end before the start) is the form again,
// what was typed kept, each problem by its field. A change form carries the
// revision it was read at; a save after someone else's change is the form
// again with what was typed, what changed since and who changed it, and the
// revision now, so that saving again is a choice made knowing it.
import express from 'express';
import { formatDate } from '../../../domain/format/index.ts';
import { money } from '../../../domain/peer-challenge/index.ts';
import type { StoredChange } from '../../../store/funding-changes.ts';
import type { Sql } from '../../../store/store.ts';
import { readAllocation, readBudget, type StoredBudget } from '../../../store/funding.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf, pathId } from '../../platform/http/request-body.ts';
import { notSeen } from '../../platform/access/index.ts';
import { capitalise } from '../../platform/http/checked-input.ts';
import { HttpError } from '../../platform/http/http-error.ts';
import { addThemeBudget, allocateFrom, findBudget, readFunding, spendOn, type BudgetReading } from './budgets.ts';
import { changeAllocation, changeBudget, findAllocation, fundingHistory } from './funding-changes.ts';
import { refusalOf, shown, type Refusal } from './form-problems.ts';
import { fundingRecord } from './records.ts';
import { budgetJson } from './views.ts';

type Form = Record<string, string | undefined>;

const BUDGET_LABELS = { theme: ['theme', 'The theme'], year: ['year', 'The year'], amount: ['amount', 'The budget'], carriedForward: ['carriedForward', 'The sum carried forward'] } as const;
const ALLOCATION_LABELS = {
  'recipient.kind': ['recipientKind', 'The recipient'],
  'recipient.name': ['recipientName', 'The project or council'],
  'recipient.councilCode': ['councilCode', "The council's code"],
  amount: ['amount', 'The amount'],
  decidedBy: ['decidedBy', 'Who decided'],
  decidedOn: ['decidedOn', 'The day of the decision'],
  decision: ['decision', 'The decision'],
  startsOn: ['startsOn', 'The start'],
  endsOn: ['endsOn', 'The end'],
  year: ['amount', 'The budget'],
} as const;
const SPEND_LABELS = { amount: ['amount', 'The amount'], spentOn: ['spentOn', 'The day'], note: ['note', 'The note'] } as const;

export function fundingPages(sql: Sql): express.Router {
  const router = express.Router();

  router.get('/support-offer/funding', reads('funding'), async (_req, res) => {
    const access = accessOf(res);
    const budgets = (await readFunding(sql)).map((b) => shownBudget(b, access.may('change', fundingRecord(b.budget))));
    const viewer = access.viewer;
    const mayAdd = viewer.kind === 'user' && access.may('change', fundingRecord({ organisationId: viewer.organisationId }));
    renderPage(res, 'support-offer/funding.njk', { budgets, mayAdd });
  });

  router.get('/support-offer/funding/new', changes('funding'), (_req, res) => {
    budgetForm(res, {}, null);
  });

  router.post('/support-offer/funding/new', changes('funding'), async (req, res) => {
    const form = bodyOf(req) as Form;
    try {
      const made = await addThemeBudget(sql, accessOf(res), form);
      res.redirect(303, `/support-offer/funding/${made.id}`);
    } catch (error) {
      budgetForm(res, form, refusalOf(error, BUDGET_LABELS));
    }
  });

  router.get('/support-offer/funding/:id', reads('funding'), async (req, res) => {
    const reading = await findBudget(sql, accessOf(res), req.params.id);
    const history = shownHistory(await fundingHistory(sql, reading.budget.id), reading);
    renderPage(res, 'support-offer/budget.njk', { budget: shownBudget(reading, accessOf(res).may('change', fundingRecord(reading.budget))), history });
  });

  router.get('/support-offer/funding/:id/edit', changes('funding'), async (req, res) => {
    const { budget } = await findBudget(sql, accessOf(res), req.params.id);
    accessOf(res).require('change', fundingRecord(budget), `budget ${budget.id}`);
    const form = { theme: budget.theme, year: budget.year, amount: String(budget.amount), carriedForward: String(budget.carriedForward), revision: String(budget.revision) };
    budgetForm(res, form, null, budget);
  });

  router.post('/support-offer/funding/:id/edit', changes('funding'), async (req, res) => {
    const form = bodyOf(req) as Form;
    const reading = await findBudget(sql, accessOf(res), req.params.id);
    const { budget } = reading;
    try {
      const body = { theme: form.theme ?? '', year: form.year ?? '', amount: form.amount ?? '', carriedForward: form.carriedForward ?? '', revision: form.revision ?? '' };
      await changeBudget(sql, accessOf(res), budget.id, body);
      res.redirect(303, `/support-offer/funding/${budget.id}`);
    } catch (error) {
      const stale = staleOf(error, form, reading, 'budget');
      budgetForm(res, stale.form, stale.refusal ?? refusalOf(error, BUDGET_LABELS), budget, stale.changedSince);
    }
  });

  router.get('/support-offer/funding/allocations/:id/edit', changes('funding'), async (req, res) => {
    const a = await findAllocation(sql, accessOf(res), req.params.id);
    const form = {
      recipientKind: a.recipient.kind,
      recipientName: a.recipient.name,
      councilCode: a.recipient.councilCode ?? '',
      amount: String(a.amount),
      decidedBy: a.decidedBy,
      decidedOn: a.decidedOn,
      decision: a.decision,
      startsOn: a.startsOn ?? '',
      endsOn: a.endsOn ?? '',
      revision: String(a.revision),
    };
    allocationForm(res, await findBudget(sql, accessOf(res), a.budgetId), form, null, Number(a.id));
  });

  router.post('/support-offer/funding/allocations/:id/edit', changes('funding'), async (req, res) => {
    const form = bodyOf(req) as Form;
    const a = await findAllocation(sql, accessOf(res), req.params.id);
    try {
      await changeAllocation(sql, accessOf(res), a.id, { ...allocationBodyOf(form), revision: form.revision ?? '' });
      res.redirect(303, `/support-offer/funding/${a.budgetId}`);
    } catch (error) {
      const reading = await findBudget(sql, accessOf(res), a.budgetId);
      const stale = staleOf(error, form, reading, 'allocation');
      allocationForm(res, reading, stale.form, stale.refusal ?? refusalOf(error, ALLOCATION_LABELS), Number(a.id), stale.changedSince);
    }
  });

  router.get('/support-offer/funding/:id/allocations/new', changes('funding'), async (req, res) => {
    const reading = await findBudget(sql, accessOf(res), req.params.id);
    accessOf(res).require('change', fundingRecord(reading.budget), `budget ${reading.budget.id}`);
    allocationForm(res, reading, { recipientKind: 'project' }, null);
  });

  router.post('/support-offer/funding/:id/allocations/new', changes('funding'), async (req, res) => {
    const form = bodyOf(req) as Form;
    try {
      await allocateFrom(sql, accessOf(res), req.params.id, allocationBodyOf(form));
      res.redirect(303, `/support-offer/funding/${req.params.id}`);
    } catch (error) {
      allocationForm(res, await findBudget(sql, accessOf(res), req.params.id), form, refusalOf(error, ALLOCATION_LABELS));
    }
  });

  router.get('/support-offer/funding/allocations/:id/spend/new', changes('funding'), async (req, res) => {
    await spendForm(res, req.params.id, {}, null);
  });

  router.post('/support-offer/funding/allocations/:id/spend/new', changes('funding'), async (req, res) => {
    const form = bodyOf(req) as Form;
    try {
      const allocation = await spendOn(sql, accessOf(res), req.params.id, form);
      res.redirect(303, `/support-offer/funding/${allocation.budgetId}`);
    } catch (error) {
      await spendForm(res, req.params.id, form, refusalOf(error, SPEND_LABELS));
    }
  });

  async function spendForm(res: express.Response, idText: unknown, form: Form, refusal: Refusal | null): Promise<void> {
    const id = pathId(idText, 'allocation');
    const allocation = await readAllocation(sql, id);
    if (!allocation) throw notSeen(`allocation ${id}`);
    const budget = (await readBudget(sql, allocation.budgetId))!;
    accessOf(res).require('change', fundingRecord(budget), `allocation ${id}`);
    const shownAllocation = { ...allocation, amountShown: money(allocation.amount), spentShown: money(allocation.spent) };
    renderPage(res, 'support-offer/spend-form.njk', { allocation: shownAllocation, budget, form, ...shown(refusal) }, refusal?.status ?? 200);
  }

  return router;
}

function shownBudget(reading: BudgetReading, mayChange: boolean) {
  const j = budgetJson(reading);
  return {
    ...j,
    mayChange,
    shown: { amount: money(j.amount), carriedForward: money(j.carriedForward), total: money(j.total), allocated: money(j.allocated), unallocated: money(j.unallocated), spent: money(j.spent) },
    allocations: j.allocations.map((a) => ({ ...a, shown: { amount: money(a.amount), spent: money(a.spent), remaining: money(Math.abs(a.remaining)) } })),
  };
}

/** The allocation form's fields as the use-cases take them; every field is sent, so an emptied one is changed to empty. */
function allocationBodyOf(form: Form) {
  return {
    recipient: { kind: form.recipientKind ?? '', name: form.recipientName ?? '', councilCode: form.councilCode ?? '' },
    amount: form.amount ?? '',
    decidedBy: form.decidedBy ?? '',
    decidedOn: form.decidedOn ?? '',
    decision: form.decision ?? '',
    startsOn: form.startsOn ?? '',
    endsOn: form.endsOn ?? '',
  };
}

type ShownChange = ReturnType<typeof shownHistory>[number];

/** The budget form, to add one or (given the budget) to change it. */
function budgetForm(res: express.Response, form: Form, refusal: Refusal | null, editing: StoredBudget | null = null, changedSince: readonly ShownChange[] = []): void {
  renderPage(res, 'support-offer/budget-form.njk', { form, editing, changedSince, ...shown(refusal) }, refusal?.status ?? 200);
}

/** The allocation form, to record one or (given its id) to change it. */
function allocationForm(res: express.Response, reading: BudgetReading, form: Form, refusal: Refusal | null, editing: number | null = null, changedSince: readonly ShownChange[] = []): void {
  renderPage(res, 'support-offer/allocation-form.njk', { budget: shownBudget(reading, true), form, editing, changedSince, ...shown(refusal) }, refusal?.status ?? 200);
}

/**
 * A save from a revision changed since: what was typed kept, with the revision
 * now (so that saving again is a choice), the changes made since as the
 * history shows them, and one problem naming who made them, linked to that
 * list. Any other refusal: the form as it was sent.
 */
function staleOf(error: unknown, form: Form, reading: BudgetReading, what: 'budget' | 'allocation') {
  if (!(error instanceof HttpError) || error.code !== 'stale') return { form, refusal: null, changedSince: [] };
  const details = error.details as { revision: number; changes: Omit<StoredChange, 'id' | 'budgetId'>[] };
  const changedSince = shownHistory(
    details.changes.map((c) => ({ ...c, id: 0, budgetId: reading.budget.id })),
    reading,
  );
  const who = [...new Set(changedSince.map((c) => c.who))].join(' and ');
  const message = `${who} changed this ${what} since you opened the form: what changed is listed below. Your values are kept: save again to replace theirs, or go back to the ${what}`;
  const refusal: Refusal = { status: 409, problems: [{ field: 'changed-since', message: capitalise(message) }], open: null };
  return { form: { ...form, revision: String(details.revision) }, refusal, changedSince };
}

const CHANGED_FIELDS: Readonly<Record<string, string>> = {
  theme: 'Theme',
  year: 'Financial year',
  carriedForward: 'Carried forward',
  'recipient.kind': 'Allocated to',
  'recipient.name': 'Project or council',
  'recipient.councilCode': "Council's code",
  decidedBy: 'Who decided',
  decidedOn: 'Day of the decision',
  decision: 'Decision',
  startsOn: 'Starts',
  endsOn: 'Ends',
};

/** Each change as the page shows it: when in London, who, which field of the budget or of which allocation, from and to. */
function shownHistory(changes: readonly StoredChange[], reading: BudgetReading) {
  const names = new Map(reading.allocations.map((a) => [Number(a.id), a.recipient.name]));
  return changes.map((c) => ({
    when: formatDate(new Date(c.changedAt), 'minute'),
    who: c.changedBy,
    what:
      c.allocationId === null
        ? `${c.field === 'amount' ? "The year's new money" : (CHANGED_FIELDS[c.field] ?? c.field)}`
        : `${c.field === 'amount' ? 'Amount' : (CHANGED_FIELDS[c.field] ?? c.field)} of the allocation to ${names.get(c.allocationId) ?? `allocation ${c.allocationId}`}`,
    from: c.from ?? 'Not given',
    to: c.to ?? 'Not given',
  }));
}
