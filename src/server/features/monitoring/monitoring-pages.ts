// Monitoring as a page, for residents as much as for those who oversee
// agreements: the agreements a viewer may read, of England, a region or one
// area, with their targets counted by rating and by likelihood, trouble first.
import express from 'express';
import type { Band } from '../../../domain/targets/index.ts';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import type { Sql } from '../../../store/store.ts';
import { NOT_YET_RATED, type RateTargets } from '../../platform/agreements/agreement-json.ts';
import { newAgreementRecord } from '../../platform/agreements/agreement-record.ts';
import { accessOf, reads } from '../../platform/access/index.ts';
import { onlyKnown, optionalCode } from '../../platform/http/query-params.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { monitoringLines, type MetricTally } from './monitoring.ts';

export function monitoringPages(sql: Sql, engine: BenchmarkEngine, rate: RateTargets = NOT_YET_RATED): express.Router {
  const router = express.Router();

  router.get('/agreements', reads('agreement'), async (req, res) => {
    onlyKnown(req.query, ['region', 'area']);
    const region = optionalCode(req.query, 'region');
    // An area page links here for the agreements that cover it.
    const area = optionalCode(req.query, 'area');
    const metrics = new MetricCounts(area);
    const all = await monitoringLines(sql, accessOf(res), region, rate, metrics.tally);
    const lines = area ? all.filter((line) => line.agreement.areas.includes(area)) : all;
    const place = area ?? region;
    const regionName = place ? (engine.index.area(place)?.name ?? place) : 'England';
    const viewer = accessOf(res).viewer;
    const mayRecord = viewer.kind === 'user' && accessOf(res).may('change', newAgreementRecord(viewer.organisationId));
    renderPage(res, 'monitoring/agreements.njk', { region, area, regionName, lines, metrics: metrics.list(engine), regions: regionChoices(engine, region), mayRecord });
  });

  return router;
}

/** The targets of the lines shown, counted by metric and worst band, each metric leading to its targets across areas; most red first. */
class MetricCounts {
  private readonly counts = new Map<string, Record<Band | 'not_rated', number>>();

  constructor(private readonly area: string | undefined) {}

  readonly tally: MetricTally = (agreement, metricCode, band) => {
    if (this.area && !agreement.areas.includes(this.area)) return;
    let counts = this.counts.get(metricCode);
    if (!counts) this.counts.set(metricCode, (counts = { red: 0, amber: 0, green: 0, not_rated: 0 }));
    counts[band]++;
  };

  list(engine: BenchmarkEngine) {
    return [...this.counts]
      .map(([code, counts]) => ({ code, title: engine.index.metric(code)?.metric.title ?? code, ...counts }))
      .sort((a, b) => b.red - a.red || b.amber - a.amber || a.title.localeCompare(b.title));
  }
}

function regionChoices(engine: BenchmarkEngine, chosen: string | undefined) {
  const regions = engine.index.areas.filter((a) => a.type === 'region' && !a.endDate).sort((a, b) => a.name.localeCompare(b.name));
  return [{ value: '', text: 'England', selected: !chosen }, ...regions.map((r) => ({ value: r.code, text: r.name, selected: r.code === chosen }))];
}
