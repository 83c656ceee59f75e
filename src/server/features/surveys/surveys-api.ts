// Surveys over HTTP: question sets read by anyone and added by
// administrators; a council's surveys read by whoever the policy allows (404
// for another council's held survey: its existence is not confirmed),
// recorded and changed by the council's performance officers, whose results
// come as JSON or as a file; the national poll's waves, England's surveys,
// entered by administrators. Each route declares its rule and calls one
// use-case.
import express from 'express';
import { surveyResultsCsv } from '../../../reports/survey-results-csv.ts';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { checked, checkedQuery } from '../../platform/http/input-schema.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { councilQuery, resultsImportQuery, surveyPath } from './api-inputs.ts';
import { addQuestionSet, listQuestionSets } from './question-sets.ts';
import { enterResults, enterResultsFile } from './results.ts';
import { surveyJson, surveyListJson } from './survey-view.ts';
import { addSurvey, changeSurvey, ENGLAND, readSurvey, surveysOf } from './surveys.ts';

const json = express.json({ limit: '1mb' });

/** Adds the routes to `router` (the flat /api router, so that the OpenAPI test sees them). */
export function surveysRouter(sql: Sql, engine: BenchmarkEngine, router: express.Router = express.Router()): express.Router {
  router.get('/question-sets', reads('question_set'), async (_req, res) => {
    res.json({ items: await listQuestionSets(sql) });
  });

  router.post('/question-sets', changes('question_set'), json, async (req, res) => {
    const set = await addQuestionSet(sql, accessOf(res), bodyOf(req));
    res.status(201).json(set);
  });

  router.get('/surveys', reads('survey'), async (req, res) => {
    const { council } = checkedQuery(councilQuery, req.query);
    res.set('Cache-Control', 'private, no-store').json({ items: surveyListJson(await surveysOf(sql, accessOf(res), council)) });
  });

  router.post('/surveys', changes('survey'), json, async (req, res) => {
    const survey = await addSurvey(sql, accessOf(res), bodyOf(req));
    res
      .status(201)
      .set('Location', `/api/surveys/${survey.id}`)
      .json(await surveyJson(sql, engine, survey));
  });

  // The national poll's waves are surveys of England, public reference data kept by administrators, whose rule is a question set's.
  router.post('/surveys/national-poll', changes('question_set'), json, async (req, res) => {
    const survey = await addSurvey(sql, accessOf(res), { ...(bodyOf(req) as object), council: ENGLAND });
    res
      .status(201)
      .set('Location', `/api/surveys/${survey.id}`)
      .json(await surveyJson(sql, engine, survey));
  });

  router.post('/surveys/national-poll/:id/results', changes('question_set'), json, async (req, res) => {
    const entered = await enterResults(sql, accessOf(res), checked(surveyPath, req.params).id, bodyOf(req));
    res.status(201).json(await surveyJson(sql, engine, entered.survey));
  });

  router.get('/surveys/:id', reads('survey'), async (req, res) => {
    const survey = await readSurvey(sql, accessOf(res), checked(surveyPath, req.params).id);
    res.set('Cache-Control', 'private, no-store').json(await surveyJson(sql, engine, survey, accessOf(res)));
  });

  // The same judgements as CSV: each question's figure, the poll, comparable councils and the trend, each with its reason.
  router.get('/surveys/:id/results.csv', reads('survey'), async (req, res) => {
    const survey = await readSurvey(sql, accessOf(res), checked(surveyPath, req.params).id);
    const csv = surveyResultsCsv(await surveyJson(sql, engine, survey, accessOf(res)));
    res.set('Cache-Control', 'private, no-store').type('text/csv; charset=utf-8').attachment(`survey-${survey.id}-results.csv`).send(csv);
  });

  router.put('/surveys/:id', changes('survey'), json, async (req, res) => {
    const survey = await changeSurvey(sql, accessOf(res), checked(surveyPath, req.params).id, bodyOf(req));
    res.json(await surveyJson(sql, engine, survey));
  });

  router.post('/surveys/:id/results', changes('survey'), json, async (req, res) => {
    const entered = await enterResults(sql, accessOf(res), checked(surveyPath, req.params).id, bodyOf(req));
    res.status(201).json(await surveyJson(sql, engine, entered.survey));
  });

  router.post('/surveys/:id/results/import', changes('survey'), async (req, res) => {
    const { fileName, confirmed } = checkedQuery(resultsImportQuery, req.query);
    const entered = await enterResultsFile(sql, accessOf(res), checked(surveyPath, req.params).id, { fileName: fileName ?? 'results.csv', input: req, confirmed: confirmed ?? false });
    res.status(201).json(await surveyJson(sql, engine, entered.survey));
  });

  return router;
}
