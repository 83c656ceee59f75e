// One metric's targets across areas, and a partner's targets, as pages: the
// same lines as the JSON, problems first, each rating shown as a tag beside
// the words of the rule that made it, figures in the metric's own decimals.
// Pages that work without script, for residents as much as for those who
// oversee agreements.
import express from 'express';
import { formatNumber } from '../../../domain/format/index.ts';
import { isRated } from '../../../domain/targets/index.ts';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import type { Sql } from '../../../store/store.ts';
import { NOT_YET_RATED, type RateTargets } from '../../platform/agreements/agreement-json.ts';
import { accessOf, reads } from '../../platform/access/index.ts';
import { onlyKnown } from '../../platform/http/query-params.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { metricTargets } from './metric-targets.ts';
import { partnerTargets, type PartnerLine } from './partner-targets.ts';
import type { TargetLine } from './target-lines.ts';

export function targetLinePages(sql: Sql, engine: BenchmarkEngine, rate: RateTargets = NOT_YET_RATED): express.Router {
  const router = express.Router();

  router.get('/agreements/metrics/:code', reads('target'), async (req, res) => {
    onlyKnown(req.query, []);
    const found = await metricTargets(sql, accessOf(res), engine.index, req.params.code, rate);
    renderPage(res, 'monitoring/metric.njk', { metric: found.metric, lines: found.items.map(lineView), counts: counted(found.items) });
  });

  router.get('/agreements/partners/:id', reads('target'), async (req, res) => {
    onlyKnown(req.query, []);
    const found = await partnerTargets(sql, accessOf(res), engine.index, req.params.id, rate);
    const lines = found.items.map((line: PartnerLine) => ({ ...lineView(line), role: line.role === 'lead' ? 'Leads' : 'Contributes' }));
    renderPage(res, 'monitoring/partner.njk', { partner: found.partner, lines, counts: counted(found.items) });
  });

  return router;
}

const TAG_COLOURS = { green: 'green', amber: 'yellow', red: 'red' } as const;

/** A line in words: each figure in the metric's decimals, the gap said as better or worse, the rating as a tag. */
function lineView(line: TargetLine) {
  const figure = (value: number | null | undefined) => (value === null || value === undefined ? '–' : formatNumber(value, line.decimals));
  return {
    ...line,
    baselineText: line.baseline ? `${figure(line.baseline.value)} in ${line.baseline.period}` : 'Awaiting a baseline',
    targetText: line.target.value === null ? 'Awaiting a definition' : `${figure(line.target.value)} by ${line.target.period}`,
    actualText: line.actual === null ? 'None yet' : `${figure(line.actual)} in ${line.period}`,
    expectedText: figure(line.expected),
    gapText: gapWords(line.gap, figure),
    tag: line.label,
    colour: isRated(line.rating) ? TAG_COLOURS[line.rating.band] : 'grey',
  };
}

function gapWords(gap: number | null, figure: (value: number) => string): string {
  if (gap === null) return '–';
  const size = figure(Math.abs(gap));
  if (size === figure(0)) return 'On the trajectory';
  return gap > 0 ? `${size} better` : `${size} worse`;
}

/** How many lines in each band, for the sentence above the table: problems named first. */
function counted(lines: readonly TargetLine[]) {
  const count = (band: string) => lines.filter((l) => isRated(l.rating) && l.rating.band === band).length;
  return { red: count('red'), amber: count('amber'), green: count('green'), notRated: lines.filter((l) => !isRated(l.rating)).length };
}
