// Savings over HTTP: a council's officers record and move on their savings;
// a regional partner verifies them; a council's savings and the partnership's
// totals against the goal are read by whoever the policy allows (the one
// not-found answer for another council's). Each route declares its rule and
// calls one use-case.
import express from 'express';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { councilPath, savingPath } from './api-inputs.ts';
import { moveSavingOn, recordSaving } from './savings.ts';
import { councilSavings, partnershipSavings, readSaving } from './savings-view.ts';

const json = express.json({ limit: '100kb' });
const PRIVATE = 'private, no-store';

export function savingsRouter(sql: Sql, engine: BenchmarkEngine, router: express.Router = express.Router()): express.Router {
  router.post('/savings', changes('saving'), json, async (req, res) => {
    const made = await recordSaving(sql, accessOf(res), bodyOf(req));
    res.status(201).set('Location', `/api/savings/${made.id}`).json(made);
  });

  router.get('/savings/partnership', reads('saving'), async (_req, res) => {
    res.set('Cache-Control', PRIVATE).json(await partnershipSavings(sql, accessOf(res), engine.index));
  });

  router.get('/savings/councils/:code', reads('saving'), async (req, res) => {
    res.set('Cache-Control', PRIVATE).json(await councilSavings(sql, accessOf(res), engine.index, checked(councilPath, req.params).code));
  });

  router.get('/savings/:id', reads('saving'), async (req, res) => {
    res.set('Cache-Control', PRIVATE).json(await readSaving(sql, accessOf(res), checked(savingPath, req.params).id));
  });

  router.post('/savings/:id/status', changes('saving'), json, async (req, res) => {
    res.json(await moveSavingOn(sql, accessOf(res), checked(savingPath, req.params).id, bodyOf(req)));
  });

  return router;
}
