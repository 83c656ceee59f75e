// Monitoring over HTTP, for the government office, the sector body and
// inspectorates: the agreements of a region or England that the viewer may
// read, counted by RAG and likelihood, trouble first, as JSON and CSV; one
// metric's targets across areas and a partner's targets, problems first; and a
// council's targets off trajectory, each naming its rule and figures.
import express from 'express';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import type { Sql } from '../../../store/store.ts';
import { NOT_YET_RATED, type RateTargets } from '../../platform/agreements/agreement-json.ts';
import { accessOf, reads } from '../../platform/access/index.ts';
import { checkedQuery } from '../../platform/http/input-schema.ts';
import { monitoringQuery } from './api-inputs.ts';
import { areaOffTrajectory, offTrajectoryCsv } from './area-off-trajectory.ts';
import { metricTargets } from './metric-targets.ts';
import { monitoringCsv, monitoringLines } from './monitoring.ts';
import { partnerTargets } from './partner-targets.ts';
import { targetLinesCsv } from './target-lines.ts';

/** Adds the routes to `router` (the flat /api router, so that the OpenAPI test sees them). */
export function monitoringRouter(sql: Sql, engine: BenchmarkEngine, rate: RateTargets = NOT_YET_RATED, router: express.Router = express.Router()): express.Router {
  router.get('/agreements', reads('agreement'), async (req, res) => {
    const { region } = checkedQuery(monitoringQuery, req.query);
    res.set('Cache-Control', 'private, no-store').json({ items: await monitoringLines(sql, accessOf(res), region, rate) });
  });

  router.get('/agreements.csv', reads('agreement'), async (req, res) => {
    const { region } = checkedQuery(monitoringQuery, req.query);
    const lines = await monitoringLines(sql, accessOf(res), region, rate);
    csv(res, `agreements-${region ?? 'england'}.csv`, monitoringCsv(lines));
  });

  // The CSV's route first: the JSON's would take 'obesity.csv' for a metric code.
  router.get('/agreements/metrics/:code.csv', reads('target'), async (req, res) => {
    const found = await metricTargets(sql, accessOf(res), engine.index, req.params.code, rate);
    csv(res, `targets-${found.metric.code}.csv`, targetLinesCsv(found.items));
  });

  router.get('/agreements/metrics/:code', reads('target'), async (req, res) => {
    res.set('Cache-Control', 'private, no-store').json(await metricTargets(sql, accessOf(res), engine.index, req.params.code, rate));
  });

  router.get('/agreements/partners/:id', reads('target'), async (req, res) => {
    res.set('Cache-Control', 'private, no-store').json(await partnerTargets(sql, accessOf(res), engine.index, req.params.id, rate));
  });

  // Early warning reads this beside the benchmark concerns: each line names its rule and figures, and nothing is added up.
  router.get('/areas/:code/off-trajectory.csv', reads('target'), async (req, res) => {
    const found = await areaOffTrajectory(sql, accessOf(res), engine.index, req.params.code, rate);
    csv(res, `off-trajectory-${found.area.code}.csv`, offTrajectoryCsv(found.area, found.items));
  });

  router.get('/areas/:code/off-trajectory', reads('target'), async (req, res) => {
    res.set('Cache-Control', 'private, no-store').json(await areaOffTrajectory(sql, accessOf(res), engine.index, req.params.code, rate));
  });

  return router;
}

function csv(res: express.Response, fileName: string, text: string): void {
  res.set('Cache-Control', 'private, no-store').type('text/csv; charset=utf-8').attachment(fileName).send(text);
}
