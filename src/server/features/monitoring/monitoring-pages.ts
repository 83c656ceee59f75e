// Monitoring as a page, for residents as much as for those who oversee
// agreements: the agreements a viewer may read, of England, a region or one
// area, with their targets counted by rating and by likelihood, trouble first.
import express from 'express';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import type { Sql } from '../../../store/store.ts';
import { NOT_YET_RATED, type RateTargets } from '../../platform/agreements/agreement-json.ts';
import { newAgreementRecord } from '../../platform/agreements/agreement-record.ts';
import { accessOf, reads } from '../../platform/access/index.ts';
import { onlyKnown, optionalCode } from '../../platform/http/query-params.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { monitoringLines } from './monitoring.ts';

export function monitoringPages(sql: Sql, engine: BenchmarkEngine, rate: RateTargets = NOT_YET_RATED): express.Router {
  const router = express.Router();

  router.get('/agreements', reads('agreement'), async (req, res) => {
    onlyKnown(req.query, ['region', 'area']);
    const region = optionalCode(req.query, 'region');
    // An area page links here for the agreements that cover it.
    const area = optionalCode(req.query, 'area');
    const all = await monitoringLines(sql, accessOf(res), region, rate);
    const lines = area ? all.filter((line) => line.agreement.areas.includes(area)) : all;
    const place = area ?? region;
    const regionName = place ? (engine.index.area(place)?.name ?? place) : 'England';
    const viewer = accessOf(res).viewer;
    const mayRecord = viewer.kind === 'user' && accessOf(res).may('change', newAgreementRecord(viewer.organisationId));
    renderPage(res, 'targets/monitoring.njk', { region, area, regionName, lines, regions: regionChoices(engine, region), mayRecord });
  });

  return router;
}

function regionChoices(engine: BenchmarkEngine, chosen: string | undefined) {
  const regions = engine.index.areas.filter((a) => a.type === 'region' && !a.endDate).sort((a, b) => a.name.localeCompare(b.name));
  return [{ value: '', text: 'England', selected: !chosen }, ...regions.map((r) => ({ value: r.code, text: r.name, selected: r.code === chosen }))];
}
