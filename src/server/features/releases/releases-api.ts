// The release path over HTTP: a council's release calendar (each value as
// the policy lets the viewer read it), setting a metric's rule, and sharing
// a metric's held values with named organisations before release. Each
// route calls one use-case (releases.ts), which the pages call too.
import express from 'express';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads, shareJson, shares } from '../../platform/access/index.ts';
import { checked } from '../../platform/http/input-schema.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { releaseSharePath } from './api-inputs.ts';
import { calendarJson, readCalendar, setRule, shareHeld, unshareHeld } from './releases.ts';

const json = express.json({ limit: '20kb' });

export function releasesRouter(sql: Sql): express.Router {
  const router = express.Router();

  router.get('/releases/:area', reads('council_return'), async (req, res) => {
    res.set('Cache-Control', 'private, no-store').json(calendarJson(await readCalendar(sql, accessOf(res), req.params)));
  });

  router.put('/releases/:area/:metric', changes('council_return'), json, async (req, res) => {
    res.json(await setRule(sql, accessOf(res), req.params, bodyOf(req)));
  });

  router.post('/releases/:area/:metric/shares', shares('council_return'), json, async (req, res) => {
    res.status(201).json(shareJson(await shareHeld(sql, accessOf(res), req.params, bodyOf(req))));
  });

  router.post('/releases/:area/:metric/shares/:shareId/revoke', shares('council_return'), json, async (req, res) => {
    const { shareId } = checked(releaseSharePath, req.params);
    res.json(shareJson(await unshareHeld(sql, accessOf(res), req.params, shareId, bodyOf(req))));
  });

  return router;
}
