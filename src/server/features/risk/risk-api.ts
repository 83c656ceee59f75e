// The risk view over HTTP: a council's rows by cause (for the sector body's
// watchers and the council itself; 404 for anyone else, so that no one learns
// more), a patch's or England's councils side by side (watchers only), and
// acknowledging a flag (advisers). Every flag and restricted item read is in
// the audit trail.
import express from 'express';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { onlyKnown } from '../../platform/http/query-params.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { acknowledge } from './acknowledgements.ts';
import type { EnglandReads } from './england-reads.ts';
import type { NotLooked } from './not-looked.ts';
import { changePatch, readPatch } from './patch.ts';
import { councilRisk, patchRisk, scopeOf } from './risk.ts';

const json = express.json({ limit: '100kb' });
const PRIVATE = 'private, no-store';

/** Adds the routes to `router` (the flat /api router, so that the OpenAPI test sees them). */
export function riskRouter(sql: Sql, engine: BenchmarkEngine, notLooked: NotLooked, england: EnglandReads, router: express.Router = express.Router()): express.Router {
  router.get('/areas/:code/risk', reads('flag'), async (req, res) => {
    onlyKnown(req.query, []);
    const risk = await councilRisk(sql, accessOf(res), engine.index, notLooked, String(req.params.code));
    res.set('Cache-Control', PRIVATE).json(risk);
  });

  router.get('/risk', reads('flag'), async (req, res) => {
    onlyKnown(req.query, ['scope']);
    const risk = await patchRisk(sql, accessOf(res), engine.index, england, scopeOf(req.query.scope), null);
    res.set('Cache-Control', PRIVATE).json(risk);
  });

  router.get('/risk/patch', reads('flag'), async (_req, res) => {
    res.set('Cache-Control', PRIVATE).json({ areas: await readPatch(sql, accessOf(res)) });
  });

  router.put('/risk/patch', changes('flag'), json, async (req, res) => {
    res.json({ areas: await changePatch(sql, accessOf(res), engine.index, bodyOf(req)) });
  });

  router.post('/flags/:id/acknowledgements', changes('flag'), json, async (req, res) => {
    const made = await acknowledge(sql, accessOf(res), req.params.id, bodyOf(req));
    res.status(201).json({ flag: made.flag, reason: made.reason, by: made.by, on: made.on });
  });

  return router;
}
