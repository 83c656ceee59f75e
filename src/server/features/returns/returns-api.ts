// Returns over HTTP: a council's local metrics and returns made by its
// performance officers; values entered, uploaded and confirmed by them; a
// return and the calendar read by whoever the policy allows (the one
// not-found answer for another council's return). Each route declares its
// rule and calls one use-case.
import express from 'express';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { checked, checkedQuery } from '../../platform/http/input-schema.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { calendarQuery, importQuery, returnPath } from './api-inputs.ts';
import { readReturn, returnsCalendar } from './return-view.ts';
import { addReturn, defineLocalMetric, localMetrics } from './returns.ts';
import { confirmValues, enterValues, importValues } from './values.ts';

const json = express.json({ limit: '1mb' });
const PRIVATE = 'private, no-store';

export function returnsRouter(sql: Sql, engine: BenchmarkEngine, router: express.Router = express.Router()): express.Router {
  router.post('/returns/local-metrics', changes('council_return'), json, async (req, res) => {
    const metric = await defineLocalMetric(sql, accessOf(res), bodyOf(req));
    res.status(201).json(metric);
  });

  router.get('/returns/local-metrics', reads('council_return'), async (_req, res) => {
    res.set('Cache-Control', PRIVATE).json({ items: await localMetrics(sql, accessOf(res)) });
  });

  router.get('/returns/calendar', reads('council_return'), async (req, res) => {
    const { council, metric } = checkedQuery(calendarQuery, req.query);
    res.set('Cache-Control', PRIVATE).json({ items: await returnsCalendar(sql, accessOf(res), { council, metric }) });
  });

  router.post('/returns/values/import', changes('council_return'), async (req, res) => {
    const { fileName } = checkedQuery(importQuery, req.query);
    res.status(201).json(await importValues(sql, accessOf(res), { fileName: fileName ?? 'return.csv', input: req }));
  });

  router.post('/returns', changes('council_return'), json, async (req, res) => {
    const made = await addReturn(sql, accessOf(res), bodyOf(req));
    res.status(201).set('Location', `/api/returns/${made.id}`).json(made);
  });

  router.get('/returns/:id', reads('council_return'), async (req, res) => {
    res.set('Cache-Control', PRIVATE).json(await readReturn(sql, accessOf(res), engine.index, checked(returnPath, req.params).id));
  });

  router.put('/returns/:id/values', changes('council_return'), json, async (req, res) => {
    res.json(await enterValues(sql, accessOf(res), checked(returnPath, req.params).id, bodyOf(req)));
  });

  router.post('/returns/:id/confirm', changes('council_return'), json, async (req, res) => {
    res.json(await confirmValues(sql, accessOf(res), checked(returnPath, req.params).id, bodyOf(req)));
  });

  return router;
}
