// Improvement cases over HTTP: opened, changed, closed and referred by the
// principal advisers of the sector body that holds them; read by that body,
// the council the case is about and those it is referred to (404 for anyone
// else: a case's existence is not confirmed); a confidential note read only
// by its author and the readers it names. Each route declares its rule and
// calls one use-case.
import express from 'express';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads, shareJson, shares } from '../../platform/access/index.ts';
import { checked, checkedQuery } from '../../platform/http/input-schema.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { areaPath, caseListQuery, casePath, caseSharePath, stepPath } from './api-inputs.ts';
import { caseJson, casesAbout, listVisibleCases, readCase } from './case-view.ts';
import { changeCase, closeCase, openCase, referCase, stopReferral } from './cases.ts';
import { addNextStep, addNote, markStepDone, recordEvent, recordMeeting, recordOutcome } from './conversation.ts';

const json = express.json({ limit: '1mb' });
const PRIVATE = 'private, no-store';

export function casesRouter(sql: Sql, router: express.Router = express.Router()): express.Router {
  router.get('/cases', reads('improvement_case'), async (req, res) => {
    res.set('Cache-Control', PRIVATE).json(await listVisibleCases(sql, accessOf(res), checkedQuery(caseListQuery, req.query)));
  });

  router.post('/cases', changes('improvement_case'), json, async (req, res) => {
    const opened = await openCase(sql, accessOf(res), bodyOf(req));
    res.status(201).set('Location', `/api/cases/${opened.id}`).json(caseJson(opened));
  });

  router.get('/cases/:id', reads('improvement_case'), async (req, res) => {
    res.set('Cache-Control', PRIVATE).json(await readCase(sql, accessOf(res), checked(casePath, req.params).id));
  });

  router.put('/cases/:id', changes('improvement_case'), json, async (req, res) => {
    res.json(caseJson(await changeCase(sql, accessOf(res), checked(casePath, req.params).id, bodyOf(req))));
  });

  router.post('/cases/:id/close', changes('improvement_case'), json, async (req, res) => {
    res.json(caseJson(await closeCase(sql, accessOf(res), checked(casePath, req.params).id, bodyOf(req))));
  });

  // The conversation: each answers 201 with the id of what it recorded.
  for (const [path, act] of [
    ['meetings', recordMeeting],
    ['steps', addNextStep],
    ['outcomes', recordOutcome],
    ['events', recordEvent],
  ] as const) {
    router.post(`/cases/:id/${path}`, changes('improvement_case'), json, async (req, res) => {
      res.status(201).json(await act(sql, accessOf(res), checked(casePath, req.params).id, bodyOf(req)));
    });
  }

  router.post('/cases/:id/notes', changes('case_note'), json, async (req, res) => {
    res.status(201).json(await addNote(sql, accessOf(res), checked(casePath, req.params).id, bodyOf(req)));
  });

  router.post('/cases/:id/steps/:step/done', changes('improvement_case'), json, async (req, res) => {
    const { id, step } = checked(stepPath, req.params);
    res.json(await markStepDone(sql, accessOf(res), id, step, bodyOf(req)));
  });

  router.post('/cases/:id/shares', shares('improvement_case'), json, async (req, res) => {
    res.status(201).json(shareJson(await referCase(sql, accessOf(res), checked(casePath, req.params).id, bodyOf(req))));
  });

  router.post('/cases/:id/shares/:shareId/revoke', shares('improvement_case'), json, async (req, res) => {
    const { id, shareId } = checked(caseSharePath, req.params);
    res.json(shareJson(await stopReferral(sql, accessOf(res), id, shareId, bodyOf(req))));
  });

  router.get('/areas/:code/cases', reads('improvement_case'), async (req, res) => {
    res.set('Cache-Control', PRIVATE).json(await casesAbout(sql, accessOf(res), checked(areaPath, req.params).code));
  });

  return router;
}
