// The pages that explore the figures: server-rendered HTML in the GOV.UK
// style that works without script, made from the benchmark index. Handlers
// read the request, ask the engine, build the page's view (src/web/views)
// and render its template. Pages are kept until the index changes
// (platform/http/kept-pages.ts; the area and metric pages, which list the
// targets of signed-off agreements, until an agreement or a target changes
// too): one copy for the public, and for people
// signed in one per scope of what they may read, with their own name put in
// as it is sent. A repeat visit from the public with the page's ETag gets a
// 304.
import express, { type Request, type Response } from 'express';
import { ENGLAND_CODE, isGssCode } from '../../../domain/area/index.ts';
import { areaProfile } from '../../../domain/benchmark/area-profile.ts';
import type { BenchmarkIndex, IndexArea } from '../../../domain/benchmark/benchmark-index.ts';
import type { BenchmarkChoice } from '../../../domain/benchmark/benchmark-queries.ts';
import { groupsFor, isCouncil } from '../../../domain/benchmark/comparator-group.ts';
import { themeOf } from '../../../domain/metric/index.ts';
import { pageHtml } from '../../platform/http/render-page.ts';
import type { FeatureDeps } from '../../platform/feature.ts';
import { accessOf, readableInFull, reads } from '../../platform/access/index.ts';
import { flagRecord } from '../../platform/access/case-records.ts';
import { areaPage } from '../../../web/views/area-page.ts';
import { chosenMetrics, comparePage, publishedSetKey } from '../../../web/views/compare-page.ts';
import { publishedNeighbourSets } from '../../../store/published-neighbours.ts';
import { councilList, metricLibrary } from '../../../web/views/library.ts';
import { metricPage, type MetricPage, type MetricRequest } from '../../../web/views/metric-page.ts';
import { findAreas, fold, search } from '../../../web/views/search.ts';
import { groupSpec, neighboursOf } from './benchmark-requests.ts';
import { keptPages } from '../../platform/http/kept-pages.ts';
import { badRequest, notFound } from '../../platform/http/http-error.ts';
import { onlyKnown, optionalMetricCode, optionalText } from '../../platform/http/query-params.ts';
import { svgToPng } from './svg-png.ts';
import { agreementsStamp } from '../../../store/agreements-stamp.ts';
import { publicTargetLines } from '../../platform/agreements/target-lines.ts';
import { targetRow, targetStatus, worstFirst, type TargetLine } from '../../../web/views/target-status.ts';
import { metricAboutOf } from '../../../store/metric-about.ts';
import { sourceVerdictsOf, sourceVerdictsOfPeriod } from '../../../store/source-verdicts.ts';
import { caseStudiesStamp, councilsThatImproved } from '../../platform/good-practice/improved-councils.ts';

/**
 * Whether the viewer reads early warning about the council: its risk view and
 * improvement cases, for the sector body and the council itself. The answer
 * depends on the viewer's role and council alone, so the kept page's scope
 * holds it.
 */
function readsEarlyWarning(res: Response, area: IndexArea): boolean {
  return isCouncil(area.type) && accessOf(res).may('read', flagRecord(area.code));
}

/** A metric's page lists this many of its targets across areas, worst first; the rest are a link away. */
const TARGETS_SHOWN = 20;

export function explorePages(deps: Pick<FeatureDeps, 'sql' | 'engine' | 'maps'>): express.Router {
  const router = express.Router();
  const { engine } = deps;
  const { page, viewerContext } = keptPages(deps);
  // The area and metric pages list agreements' targets too: kept until a target or an agreement changes as well.
  const listingTargets = keptPages({ ...deps, stamp: () => agreementsStamp(deps.sql) }).page;
  // The metric page lists published case studies too: kept until one is published as well.
  const listingCaseStudies = keptPages({ ...deps, stamp: async () => (await Promise.all([agreementsStamp(deps.sql), caseStudiesStamp(deps.sql)])).join('|') }).page;

  const html = (res: Response, template: string, context: Record<string, unknown>) => ({ body: pageHtml(template, { ...viewerContext(res), ...context }) });

  router.get(
    '/',
    reads('service'),
    page(async (_req, res) => {
      const index = engine.index;
      const councils = index.areas.filter((a) => isCouncil(a.type) && a.code.startsWith('E') && a.endDate === null).length;
      const metrics = index.metricsByTitle();
      return html(res, 'pages/home.njk', {
        holdings: { councils, metrics: metrics.length, themes: new Set(metrics.map((s) => themeOf(s.metric))).size, observations: index.size().observations },
      });
    }),
  );

  router.get(
    '/search',
    reads('metric'),
    page(async (req, res) => {
      onlyKnown(req.query, ['q']);
      const query = optionalText(req.query, 'q') ?? '';
      const index = engine.index;
      // A code, or a council's name or official name ('Durham County Council') as written, goes straight to its page.
      const named = (a: IndexArea) => fold(a.name) === fold(query) || (a.officialName != null && fold(a.officialName) === fold(query));
      const exact = findAreas(index, query).filter((a) => a.code === query.toUpperCase() || (named(a) && a.endDate === null));
      if (exact.length === 1) return { redirect: `/areas/${exact[0]!.code}` };
      return html(res, 'pages/search.njk', { query, found: search(index, query) });
    }),
  );

  router.get(
    '/areas',
    reads('area'),
    page(async (req, res) => {
      onlyKnown(req.query, ['q']);
      return html(res, 'pages/areas.njk', { list: councilList(engine.index, optionalText(req.query, 'q') ?? '') });
    }),
  );

  router.get(
    '/areas/:code',
    reads('observation'),
    listingTargets(async (req, res) => {
      onlyKnown(req.query, ['group', 'period', 'benchmark']);
      const index = engine.index;
      const area = areaOf(index, String(req.params.code));
      const groupKind = optionalText(req.query, 'group') ?? groupsFor(area)[0]!;
      const spec = await groupSpec(res, deps.sql, index, area, { group: groupKind, benchmark: benchmarkChoice(req) }, 'neighbours');
      const metrics = await readableCodes(res, index);
      const profile = areaProfile(index, area, { period: optionalText(req.query, 'period'), group: spec, level: 0.95, metrics });
      const sources = await sourceVerdictsOf(
        deps.sql,
        area.code,
        profile.items.map((i) => ({ metric: i.metric.code, period: i.period })),
      );
      const about = await metricAboutOf(
        deps.sql,
        profile.items.map((i) => i.metric.code),
      );
      const targets = await publicTargetLines(deps.sql, index, { areas: [area.code] });
      return html(res, 'pages/area.njk', {
        page: areaPage(index, profile, spec, groupKind, sources, about),
        targets: targetsOfArea(area, targets),
        council: isCouncil(area.type),
        earlyWarning: readsEarlyWarning(res, area),
      });
    }),
  );

  router.get(
    '/areas/:code/compare',
    reads('observation'),
    page(async (req, res) => {
      onlyKnown(req.query, ['metrics', 'set']);
      const index = engine.index;
      const area = areaOf(index, String(req.params.code));
      const asked = [req.query.metrics ?? []].flat().filter((m): m is string => typeof m === 'string');
      if (asked.length > 50) throw badRequest("choose at most 50 'metrics'");
      const found = await neighboursOf(res, deps.sql, index, area, {});
      const readable = new Set(await readableCodes(res, index));
      const sets = await publishedNeighbourSets(deps.sql, area.code);
      const setKey = optionalText(req.query, 'set');
      if (setKey !== undefined && !sets.some((set) => publishedSetKey(set) === setKey)) {
        throw notFound(`No published group of neighbours ‘${setKey}’ is held for ${area.name}: choose one of those the compare page offers.`);
      }
      const page = comparePage(
        index,
        area,
        found,
        chosenMetrics(index, asked).filter((code) => readable.has(code)),
        sets,
        setKey,
      );
      return html(res, 'pages/compare.njk', { page: { ...page, choices: page.choices.filter((c) => readable.has(c.value)) } });
    }),
  );

  router.get(
    '/metrics',
    reads('metric'),
    page(async (req, res) => {
      onlyKnown(req.query, ['q', 'theme']);
      return html(res, 'pages/metrics.njk', { library: metricLibrary(engine.index, optionalText(req.query, 'q') ?? '', optionalText(req.query, 'theme')) });
    }),
  );

  router.get(
    '/metrics/:code',
    reads('observation'),
    listingCaseStudies(async (req, res) => {
      const asked = await metricRequest(req, res);
      if ('redirect' in asked) return asked;
      const code = asked.series.metric.code;
      const about = (await metricAboutOf(deps.sql, [code])).get(code);
      const sources = await sourceVerdictsOfPeriod(deps.sql, code, asked.slice.period);
      const targets = worstFirst(await publicTargetLines(deps.sql, engine.index, { metric: code }));
      return html(res, 'pages/metric.njk', {
        page: metricPage(engine.index, asked, await deps.maps, about, sources),
        targets: targets.slice(0, TARGETS_SHOWN).map(targetRow),
        moreTargets: Math.max(0, targets.length - TARGETS_SHOWN),
        improved: await councilsThatImproved(deps.sql, engine.index, asked.series, asked.slice),
      });
    }),
  );

  const parts = { chart: (p: MetricPage) => p.barChart, map: (p: MetricPage) => p.map, trend: (p: MetricPage) => p.trend.chart } as const;
  for (const [name, part] of Object.entries(parts)) {
    router.get(
      `/metrics/:code/${name}.:format`,
      reads('observation'),
      page(async (req, res) => {
        const format = req.params.format;
        if (format !== 'svg' && format !== 'png') throw notFound(`there is no ${name}.${format}: ask for .svg or .png`);
        const asked = await metricRequest(req, res);
        if ('redirect' in asked) return { redirect: asked.redirect.replace(/(\/metrics\/[^/?]+)/, `$1/${name}.${format}`) };
        const svg = part(metricPage(engine.index, asked, await deps.maps));
        if (!svg) throw notFound('no map can be drawn: the boundary files are not available');
        return format === 'svg' ? { body: svg, type: 'image/svg+xml' } : { body: svgToPng(svg), type: 'image/png' };
      }),
    );
  }

  router.get(
    '/about-the-data',
    reads('service'),
    page(async (_req, res) => html(res, 'pages/about.njk', {})),
  );

  return router;

  /** The pages' "Test figures against" choice: England unless the group's own is asked for. */
  function benchmarkChoice(req: Request): BenchmarkChoice {
    const text = optionalText(req.query, 'benchmark') ?? 'england';
    if (text !== 'england' && text !== 'group') throw badRequest(`'Test figures against' must be England or the group's own benchmark, not '${text}'`);
    return text;
  }

  /** The metrics whose figures the viewer may read in full: all but early-sight data not yet open to them. */
  async function readableCodes(res: Response, index: BenchmarkIndex): Promise<string[]> {
    return (
      await readableInFull(
        res,
        deps.sql,
        index.metricsByTitle().map((s) => s.metric),
      )
    ).map((m) => m.code);
  }

  async function metricRequest(req: Request, res: Response): Promise<MetricRequest | { redirect: string }> {
    onlyKnown(req.query, ['area', 'group', 'period', 'with', 'rows', 'benchmark']);
    const rows = optionalText(req.query, 'rows');
    if (rows !== undefined && rows !== 'all') throw badRequest(`'rows' may only be 'all', not '${rows}'`);
    const index = engine.index;
    const code = optionalMetricCode({ code: req.params.code }, 'code')!;
    const series = index.metric(code);
    // A metric whose figures the viewer may not read in full (early sight) is not shown at all.
    if (!series || (await readableInFull(res, deps.sql, [series.metric])).length === 0) throw notFound(`Lantern holds no metric with the code ‘${code}’ that you may see.`);
    const period = optionalText(req.query, 'period');
    const slice = period === undefined ? series.latest() : series.slice(period);
    if (!slice) throw notFound(`${series.metric.title} has no figures for ${period ?? 'any period'}.`);
    const areaText = optionalText(req.query, 'area');
    let area: IndexArea | undefined;
    if (areaText !== undefined) {
      area = index.area(areaText.toUpperCase());
      if (!area) {
        const named = findAreas(index, areaText)[0];
        if (!named) throw notFound(`No council matches ‘${areaText}’.`);
        const query = new URLSearchParams(req.query as Record<string, string>);
        query.set('area', named.code);
        return { redirect: `/metrics/${code}?${query}` };
      }
    }
    const chosen = area !== undefined;
    area ??= index.area(ENGLAND_CODE)!;
    const groupKind = optionalText(req.query, 'group') ?? 'england';
    const spec = await groupSpec(res, deps.sql, index, area, { group: groupKind, benchmark: benchmarkChoice(req) }, 'england');
    const also = (optionalText(req.query, 'with') ?? '')
      .split(',')
      .map((c) => c.trim().toUpperCase())
      .filter((c) => c !== '')
      .slice(0, 5)
      .map((c) => index.area(c))
      .filter((a): a is IndexArea => a !== undefined);
    return { series, slice, area, chosen, spec, groupKind, also, allRows: rows === 'all' };
  }
}

/** The area's targets as its page shows them: the status tile, then a row each. */
function targetsOfArea(area: IndexArea, lines: readonly TargetLine[]) {
  return { status: targetStatus(area, lines), rows: lines.map(targetRow) };
}

function areaOf(index: BenchmarkIndex, code: string): IndexArea {
  const area = isGssCode(code.toUpperCase()) ? index.area(code.toUpperCase()) : undefined;
  if (!area) throw notFound(`Lantern holds no council or place with the code ‘${code}’.`);
  return area;
}
