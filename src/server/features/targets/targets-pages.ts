// Agreements and targets as pages, for residents as much as officers: the
// agreements a viewer may read with their targets counted by rating and by
// likelihood, trouble first; one agreement with every target's rating beside
// the words of the rule that made it; one target's figures against its
// trajectory, as a chart and a table. Each page reads through the same
// use-cases as the JSON API, so the policy and the audit trail are the same.
import express from 'express';
import { formatNumber } from '../../../domain/format/index.ts';
import {
  AGREEMENT_KIND_LABELS,
  BAND_LABELS,
  INDICATOR_ROLE_LABELS,
  NOT_RATED_LABELS,
  TARGET_KIND_LABELS,
  TOLERANCE_KINDS,
  checkToleranceRule,
  describeRule,
  isRated,
  type Rating,
} from '../../../domain/targets/index.ts';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import type { Sql } from '../../../store/store.ts';
import { targetChart } from '../../../web/views/target-chart.ts';
import { accessOf, reads } from '../../platform/access/index.ts';
import { onlyKnown, optionalCode } from '../../platform/http/query-params.ts';
import { renderPage } from '../../platform/http/render-page.ts';
import { pathId } from '../../platform/http/request-body.ts';
import { notSeen } from '../../platform/access/request-access.ts';
import { NOT_YET_RATED, readAgreement, type AreaRating, type RateTargets } from './agreement-view.ts';
import { monitoring } from './monitoring.ts';

type AgreementView = Awaited<ReturnType<typeof readAgreement>>;
type TargetView = AgreementView['targets'][number];

export function targetsPages(sql: Sql, engine: BenchmarkEngine, rate: RateTargets = NOT_YET_RATED): express.Router {
  const router = express.Router();

  router.get('/agreements', reads('agreement'), async (req, res) => {
    onlyKnown(req.query, ['region', 'area']);
    const region = optionalCode(req.query, 'region');
    // An area page links here for the agreements that cover it.
    const area = optionalCode(req.query, 'area');
    const all = await monitoring(sql, accessOf(res), region, rate);
    const lines = area ? all.filter((line) => line.agreement.areas.includes(area)) : all;
    const place = area ?? region;
    const regionName = place ? (engine.index.area(place)?.name ?? place) : 'England';
    renderPage(res, 'targets/monitoring.njk', { region, area, regionName, lines, regions: regionChoices(engine, region) });
  });

  router.get('/agreements/:id', reads('agreement'), async (req, res) => {
    const agreement = await readAgreement(sql, accessOf(res), req.params.id, rate);
    renderPage(res, 'targets/agreement.njk', { agreement: agreementPage(engine, agreement) });
  });

  router.get('/agreements/:id/targets/:targetId', reads('target'), async (req, res) => {
    const agreement = await readAgreement(sql, accessOf(res), req.params.id, rate);
    const id = pathId(req.params.targetId, 'target');
    const target = agreement.targets.find((t) => t.id === id);
    if (!target) throw notSeen(`target ${id} of agreement ${agreement.id}`);
    renderPage(res, 'targets/target.njk', { agreement: agreementPage(engine, agreement), target: targetPage(engine, target, true) });
  });

  return router;
}

function regionChoices(engine: BenchmarkEngine, chosen: string | undefined) {
  const regions = engine.index.areas.filter((a) => a.type === 'region' && !a.endDate).sort((a, b) => a.name.localeCompare(b.name));
  return [{ value: '', text: 'England', selected: !chosen }, ...regions.map((r) => ({ value: r.code, text: r.name, selected: r.code === chosen }))];
}

function agreementPage(engine: BenchmarkEngine, agreement: AgreementView) {
  return {
    ...agreement,
    kindLabel: AGREEMENT_KIND_LABELS[agreement.kind],
    areaNames: agreement.areas.map((code) => engine.index.area(code)?.name ?? code),
    targets: agreement.targets.map((t) => targetPage(engine, t, false)),
  };
}

function targetPage(engine: BenchmarkEngine, target: TargetView, withCharts: boolean) {
  const metric = engine.index.metric(target.metric)?.metric;
  const decimals = metric?.decimals ?? 1;
  const figure = (value: number | null | undefined) => (value === null || value === undefined ? 'None yet' : formatNumber(value, decimals));
  const ratings = ratingsOf(target.areas, target.ratings).map((r) => ({
    ...r,
    areaName: engine.index.area(r.area)?.name ?? r.area,
    figures: r.actual === null || r.actual === undefined ? null : `${figure(r.actual)}${r.expected === null || r.expected === undefined ? '' : ` against ${figure(r.expected)} on the trajectory`}`,
  }));
  return {
    ...target,
    metricTitle: metric?.title ?? target.metric,
    unit: metric?.unit ?? '',
    kindLabel: TARGET_KIND_LABELS[target.kind],
    roleLabel: INDICATOR_ROLE_LABELS[target.indicatorRole],
    baselineText: target.baseline ? `${figure(target.baseline.value)} in ${target.baseline.period}` : 'Awaiting a baseline',
    targetText: target.target.value === null ? 'Awaiting a definition' : `${figure(target.target.value)} by ${target.target.period ?? 'the end of the plan'}`,
    rule: ruleWords(target.toleranceRule),
    ratings,
    charts: withCharts
      ? target.areas.flatMap((area) => {
          const drawn = targetChart(
            engine.index,
            {
              metricCode: target.metric,
              areaCode: area,
              baseline: target.baseline && target.baseline.value !== null ? { period: target.baseline.period, value: target.baseline.value } : null,
              trajectory: target.trajectory,
            },
            `${metric?.title ?? target.metric}: ${engine.index.area(area)?.name ?? area} against the trajectory`,
          );
          return drawn ? [{ area, areaName: engine.index.area(area)?.name ?? area, ...drawn }] : [];
        })
      : [],
  };
}

/** Every area of the target with its rating; an area the engine has not rated says so, in words, with the rule. */
function ratingsOf(areas: readonly string[], ratings: readonly AreaRating[]) {
  return areas.map((area) => {
    const found = ratings.find((r) => r.area === area);
    return found
      ? { area, period: found.period, actual: found.actual, expected: found.expected, ...ratingWords(found.rating) }
      : { area, period: null, actual: null, expected: null, tag: 'Not rated yet', colour: 'grey', reason: 'Ratings appear once the figures are read.' };
  });
}

const TAG_COLOURS = { green: 'green', amber: 'yellow', red: 'red' } as const;

function ratingWords(rating: Rating) {
  if (isRated(rating)) return { tag: BAND_LABELS[rating.band], colour: TAG_COLOURS[rating.band], reason: null };
  return { tag: 'Not rated', colour: 'grey', reason: NOT_RATED_LABELS[rating.notRated] };
}

/** The rule in words, as every rating shows it; a stored rule Lantern cannot read says so rather than hide. */
function ruleWords(rule: unknown): string {
  const checked = checkToleranceRule(rule);
  return checked.kind === 'valid' ? describeRule(checked.rule) : `A rule Lantern cannot read (kinds are ${TOLERANCE_KINDS.join(', ')}).`;
}
