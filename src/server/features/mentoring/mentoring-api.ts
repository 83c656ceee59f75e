// Mentoring over HTTP: a provider's staff arrange it; the pair record
// sessions and notes; the mentee reviews it; each reads what the policy
// allows (the pair's notes for the pair alone). Each route declares its rule
// and calls one use-case.
import express from 'express';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { arrangementPath } from './api-inputs.ts';
import { arrangeMentoring, listArrangements, readArrangement, recordSession, reviewMentoring } from './mentoring.ts';

const json = express.json({ limit: '100kb' });
const PRIVATE = 'private, no-store';

export function mentoringRouter(sql: Sql, router: express.Router = express.Router()): express.Router {
  router.post('/mentoring', changes('mentoring'), json, async (req, res) => {
    const made = await arrangeMentoring(sql, accessOf(res), bodyOf(req));
    res.status(201).set('Location', `/api/mentoring/${made.id}`).json(made);
  });

  router.get('/mentoring', reads('mentoring'), async (_req, res) => {
    res.set('Cache-Control', PRIVATE).json({ items: await listArrangements(sql, accessOf(res)) });
  });

  router.get('/mentoring/:id', reads('mentoring'), async (req, res) => {
    res.set('Cache-Control', PRIVATE).json(await readArrangement(sql, accessOf(res), checked(arrangementPath, req.params).id));
  });

  router.post('/mentoring/:id/sessions', changes('mentoring_note'), json, async (req, res) => {
    res.status(201).json(await recordSession(sql, accessOf(res), checked(arrangementPath, req.params).id, bodyOf(req)));
  });

  router.post('/mentoring/:id/review', changes('mentoring_note'), json, async (req, res) => {
    res.json(await reviewMentoring(sql, accessOf(res), checked(arrangementPath, req.params).id, bodyOf(req)));
  });

  return router;
}
