// Agreements and targets over HTTP: one agreement read by whoever the policy
// allows (404 for another council's
// draft: its existence is not confirmed); agreements, targets, sign-off,
// refresh, CSV imports and progress reviews changed by the holding council
// and its partners; the agreement closed, its outcomes frozen, by the
// council alone. Each route declares its rule and calls one use-case.
import express from 'express';
import type { Sql } from '../../../store/store.ts';
import { accessOf, changes, reads } from '../../platform/access/index.ts';
import { checked, checkedQuery } from '../../platform/http/input-schema.ts';
import { bodyOf } from '../../platform/http/request-body.ts';
import { agreementJson, NOT_YET_RATED, reviewJson, type RateTargets } from '../../platform/agreements/agreement-json.ts';
import { readAgreement, readTarget } from './agreement-view.ts';
import { addAgreement, changeAgreement, openRefresh, signOff } from './agreements.ts';
import { agreementPath, reviewImportQuery, targetImportQuery, targetPath, targetReadPath } from './api-inputs.ts';
import { closeAgreement, outcomesCsv, readOutcomes } from './outcomes.ts';
import { importReviews, recordReview } from './reviews.ts';
import { importTargets } from './target-import.ts';
import { addTarget, changeTarget } from './targets.ts';

const json = express.json({ limit: '1mb' });

/** Adds the routes to `router` (the flat /api router, so that the OpenAPI test sees them). */
export function targetsRouter(sql: Sql, rate: RateTargets = NOT_YET_RATED, router: express.Router = express.Router()): express.Router {
  router.post('/agreements', changes('agreement'), json, async (req, res) => {
    const agreement = await addAgreement(sql, accessOf(res), bodyOf(req));
    res.status(201).set('Location', `/api/agreements/${agreement.id}`).json(agreementJson(agreement));
  });

  router.get('/agreements/:id', reads('agreement'), async (req, res) => {
    res.set('Cache-Control', 'private, no-store').json(await readAgreement(sql, accessOf(res), checked(agreementPath, req.params).id, rate));
  });

  router.put('/agreements/:id', changes('agreement'), json, async (req, res) => {
    res.json(agreementJson(await changeAgreement(sql, accessOf(res), checked(agreementPath, req.params).id, bodyOf(req))));
  });

  router.post('/agreements/:id/sign-off', changes('agreement'), json, async (req, res) => {
    res.json(agreementJson(await signOff(sql, accessOf(res), checked(agreementPath, req.params).id, bodyOf(req))));
  });

  router.post('/agreements/:id/refresh', changes('agreement'), json, async (req, res) => {
    res.json(agreementJson(await openRefresh(sql, accessOf(res), checked(agreementPath, req.params).id, bodyOf(req))));
  });

  router.post('/agreements/:id/close', changes('agreement'), json, async (req, res) => {
    const closed = await closeAgreement(sql, accessOf(res), checked(agreementPath, req.params).id, bodyOf(req), rate);
    res.json(await readOutcomes(sql, accessOf(res), closed.id, rate));
  });

  router.get('/agreements/:id/outcomes.csv', reads('agreement'), async (req, res) => {
    const read = await readOutcomes(sql, accessOf(res), checked(agreementPath, req.params).id, rate);
    res.set('Cache-Control', 'private, no-store').type('text/csv; charset=utf-8').attachment(`outcomes-${read.agreement.id}.csv`).send(outcomesCsv(read));
  });

  router.get('/agreements/:id/outcomes', reads('agreement'), async (req, res) => {
    res.set('Cache-Control', 'private, no-store').json(await readOutcomes(sql, accessOf(res), checked(agreementPath, req.params).id, rate));
  });

  router.post('/agreements/:id/targets', changes('target'), json, async (req, res) => {
    const { id } = checked(agreementPath, req.params);
    const target = await addTarget(sql, accessOf(res), id, bodyOf(req));
    res.status(201).set('Location', `/api/agreements/${id}/targets/${target.id}`).json(target);
  });

  router.post('/agreements/:id/targets/import', changes('target'), async (req, res) => {
    const { fileName, reason, proposedBy, approvedBy, changedOn } = checkedQuery(targetImportQuery, req.query);
    const change = reason === undefined ? undefined : { reason, proposedBy, approvedBy, changedOn };
    const result = await importTargets(sql, accessOf(res), checked(agreementPath, req.params).id, { fileName: fileName ?? 'targets.csv', input: req, change });
    res.status(201).json(result);
  });

  router.get('/agreements/:id/targets/:targetId', reads('target'), async (req, res) => {
    const { id, targetId } = checked(targetReadPath, req.params);
    res.set('Cache-Control', 'private, no-store').json(await readTarget(sql, accessOf(res), id, targetId, rate));
  });

  router.patch('/agreements/:id/targets/:targetId', changes('target'), json, async (req, res) => {
    const { id, targetId } = checked(targetPath, req.params);
    res.json(await changeTarget(sql, accessOf(res), id, targetId, bodyOf(req)));
  });

  router.post('/agreements/:id/targets/:targetId/reviews', changes('progress_review'), json, async (req, res) => {
    const { id, targetId } = checked(targetPath, req.params);
    res.status(201).json(reviewJson(await recordReview(sql, accessOf(res), id, targetId, bodyOf(req), rate), true));
  });

  router.post('/agreements/:id/reviews/import', changes('progress_review'), async (req, res) => {
    const { fileName } = checkedQuery(reviewImportQuery, req.query);
    res.status(201).json(await importReviews(sql, accessOf(res), checked(agreementPath, req.params).id, { fileName: fileName ?? 'reviews.csv', input: req }, rate));
  });

  return router;
}
