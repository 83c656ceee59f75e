// The support offer over HTTP: the menu for a council; councils' requests,
// asked by the council, answered by the provider, rated once by each of the
// council's people, each of whom changes or withdraws their own rating; and
// the improvement budget, read by anyone with the history of its changes,
// and changed by the provider that holds it. Each route declares its rule and calls one use-case.
import express from 'express';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { checked, checkedQuery } from '../../platform/http/input-schema.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { allocationPath, budgetPath, councilPath, ratingPath, requestPath, requestsQuery } from './api-inputs.ts';
import { addThemeBudget, allocateFrom, findBudget, readFunding, spendOn } from './budgets.ts';
import { supportMenu } from './menu.ts';
import { answerRequest, askFor, changeRating, findRequest, rateRequest, requestsFor, withdrawRating, type Answer } from './requests.ts';
import { changeAllocation, changeBudget, fundingHistory } from './funding-changes.ts';
import { budgetJson, menuJson, requestJson } from './views.ts';

const json = express.json({ limit: '100kb' });
const PRIVATE = 'private, no-store';

export function supportOfferRouter(sql: Sql, router: express.Router = express.Router()): express.Router {
  router.get('/support-offer/councils/:code', reads('support_offer'), async (req, res) => {
    const menu = await supportMenu(sql, accessOf(res), checked(councilPath, req.params).code);
    res.set('Cache-Control', PRIVATE).json(menuJson(menu));
  });

  router.get('/support-requests', reads('support_request'), async (req, res) => {
    const { council } = checkedQuery(requestsQuery, req.query);
    res.set('Cache-Control', PRIVATE).json({ items: (await requestsFor(sql, accessOf(res), { council })).map(requestJson) });
  });

  router.post('/support-requests', changes('support_request'), json, async (req, res) => {
    const made = await askFor(sql, accessOf(res), bodyOf(req));
    res.status(201).set('Location', `/api/support-requests/${made.id}`).json(requestJson(made));
  });

  router.get('/support-requests/:id', reads('support_request'), async (req, res) => {
    res.set('Cache-Control', PRIVATE).json(requestJson(await findRequest(sql, accessOf(res), checked(requestPath, req.params).id)));
  });

  for (const answer of ['accept', 'decline', 'deliver'] as const satisfies readonly Answer[]) {
    router.post(`/support-requests/:id/${answer}`, changes('support_request'), json, async (req, res) => {
      res.json(requestJson(await answerRequest(sql, accessOf(res), checked(requestPath, req.params).id, answer, bodyOf(req))));
    });
  }

  router.post('/support-requests/:id/ratings', changes('support_rating'), json, async (req, res) => {
    res.json(requestJson(await rateRequest(sql, accessOf(res), checked(requestPath, req.params).id, bodyOf(req))));
  });

  router.patch('/support-requests/:id/ratings/:rating', changes('support_rating'), json, async (req, res) => {
    const { id, rating } = checked(ratingPath, req.params);
    res.json(requestJson(await changeRating(sql, accessOf(res), id, rating, bodyOf(req))));
  });

  router.post('/support-requests/:id/ratings/:rating/withdraw', changes('support_rating'), json, async (req, res) => {
    const { id, rating } = checked(ratingPath, req.params);
    res.json(requestJson(await withdrawRating(sql, accessOf(res), id, rating)));
  });

  router.get('/funding/budgets', reads('funding'), async (_req, res) => {
    res.json({ items: (await readFunding(sql)).map(budgetJson) });
  });

  router.post('/funding/budgets', changes('funding'), json, async (req, res) => {
    const made = await addThemeBudget(sql, accessOf(res), bodyOf(req));
    res
      .status(201)
      .set('Location', `/api/funding/budgets/${made.id}`)
      .json(budgetJson(await findBudget(sql, accessOf(res), made.id)));
  });

  router.get('/funding/budgets/:id', reads('funding'), async (req, res) => {
    res.json(await budgetWithHistory(checked(budgetPath, req.params).id, res));
  });

  router.patch('/funding/budgets/:id', changes('funding'), json, async (req, res) => {
    const { id } = checked(budgetPath, req.params);
    await changeBudget(sql, accessOf(res), id, bodyOf(req));
    res.json(await budgetWithHistory(id, res));
  });

  router.patch('/funding/allocations/:id', changes('funding'), json, async (req, res) => {
    const changed = await changeAllocation(sql, accessOf(res), checked(allocationPath, req.params).id, bodyOf(req));
    res.json(await budgetWithHistory(changed.budgetId, res));
  });

  router.post('/funding/budgets/:id/allocations', changes('funding'), json, async (req, res) => {
    const { id } = checked(budgetPath, req.params);
    const made = await allocateFrom(sql, accessOf(res), id, bodyOf(req));
    res.status(201).json({ allocation: made, budget: budgetJson(await findBudget(sql, accessOf(res), id)) });
  });

  router.post('/funding/allocations/:id/spend', changes('funding'), json, async (req, res) => {
    res.status(201).json(await spendOn(sql, accessOf(res), checked(allocationPath, req.params).id, bodyOf(req)));
  });

  async function budgetWithHistory(id: number, res: express.Response) {
    return { ...budgetJson(await findBudget(sql, accessOf(res), id)), changes: (await fundingHistory(sql, id)).map(({ id: _id, budgetId: _budget, ...change }) => change) };
  }

  return router;
}
