// The improvement budget as pages, in the open: every budget with what is
// allocated, unallocated and spent; a budget's allocations with the
// management group's decision and date and the spend against each; and the
// provider's forms to add a budget, allocate from it and record spend. A
// refusal (an allocation over the budget, a negative sum, an end before the
// start) is the form again, what was typed kept, each problem by its field.
import express from 'express';
import { money } from '../../../domain/peer-challenge/index.ts';
import type { Sql } from '../../../store/store.ts';
import { readAllocation, readBudget } from '../../../store/funding.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { bodyOf, pathId } from '../../platform/http/request-body.ts';
import { notSeen } from '../../platform/access/index.ts';
import { addThemeBudget, allocateFrom, findBudget, readFunding, spendOn, type BudgetReading } from './budgets.ts';
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
    renderPage(res, 'support-offer/budget.njk', { budget: shownBudget(reading, accessOf(res).may('change', fundingRecord(reading.budget))) });
  });

  router.get('/support-offer/funding/:id/allocations/new', changes('funding'), async (req, res) => {
    const reading = await findBudget(sql, accessOf(res), req.params.id);
    accessOf(res).require('change', fundingRecord(reading.budget), `budget ${reading.budget.id}`);
    allocationForm(res, reading, { recipientKind: 'project' }, null);
  });

  router.post('/support-offer/funding/:id/allocations/new', changes('funding'), async (req, res) => {
    const form = bodyOf(req) as Form;
    const body = {
      recipient: { kind: form.recipientKind, name: form.recipientName, councilCode: form.councilCode },
      amount: form.amount,
      decidedBy: form.decidedBy,
      decidedOn: form.decidedOn,
      decision: form.decision,
      startsOn: form.startsOn,
      endsOn: form.endsOn,
    };
    try {
      await allocateFrom(sql, accessOf(res), req.params.id, body);
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

function budgetForm(res: express.Response, form: Form, refusal: Refusal | null): void {
  renderPage(res, 'support-offer/budget-form.njk', { form, ...shown(refusal) }, refusal?.status ?? 200);
}

function allocationForm(res: express.Response, reading: BudgetReading, form: Form, refusal: Refusal | null): void {
  renderPage(res, 'support-offer/allocation-form.njk', { budget: shownBudget(reading, true), form, ...shown(refusal) }, refusal?.status ?? 200);
}
