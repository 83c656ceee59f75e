// The good-practice library over HTTP: anyone searches and reads what the
// policy lets them (404 for another's draft, as for an id that does not
// exist); writers add and change case studies and submit them; moderators
// publish or return them. Each route declares its rule and calls one
// use-case.
import express from 'express';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { checked, checkedQuery } from '../../platform/http/input-schema.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { caseStudyPath, libraryQuery } from './api-inputs.ts';
import { changeCaseStudy, publishCaseStudy, readCaseStudy, returnCaseStudy, searchLibrary, submitCaseStudy, writeCaseStudy } from './case-studies.ts';
import { caseStudyJson, libraryJson } from './case-study-json.ts';

const json = express.json({ limit: '256kb' });

export function goodPracticeRouter(sql: Sql, router: express.Router = express.Router()): express.Router {
  router.get('/case-studies', reads('case_study'), async (req, res) => {
    const library = await searchLibrary(sql, accessOf(res), checkedQuery(libraryQuery, req.query));
    res.set('Cache-Control', 'private, no-store').json(libraryJson(library));
  });

  router.post('/case-studies', changes('case_study'), json, async (req, res) => {
    const study = await writeCaseStudy(sql, accessOf(res), bodyOf(req));
    res.status(201).set('Location', `/api/case-studies/${study.id}`).json(caseStudyJson(study));
  });

  router.get('/case-studies/:id', reads('case_study'), async (req, res) => {
    const study = await readCaseStudy(sql, accessOf(res), checked(caseStudyPath, req.params).id);
    res.set('Cache-Control', 'private, no-store').json(caseStudyJson(study));
  });

  router.put('/case-studies/:id', changes('case_study'), json, async (req, res) => {
    res.json(caseStudyJson(await changeCaseStudy(sql, accessOf(res), checked(caseStudyPath, req.params).id, bodyOf(req))));
  });

  router.post('/case-studies/:id/submit', changes('case_study'), async (req, res) => {
    res.json(caseStudyJson(await submitCaseStudy(sql, accessOf(res), checked(caseStudyPath, req.params).id)));
  });

  router.post('/case-studies/:id/publish', changes('case_study'), async (req, res) => {
    res.json(caseStudyJson(await publishCaseStudy(sql, accessOf(res), checked(caseStudyPath, req.params).id)));
  });

  router.post('/case-studies/:id/return', changes('case_study'), json, async (req, res) => {
    res.json(caseStudyJson(await returnCaseStudy(sql, accessOf(res), checked(caseStudyPath, req.params).id, bodyOf(req))));
  });

  return router;
}
