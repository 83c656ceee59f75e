// The benchmarking API: league tables, area profiles, concerns (worse than
// comparators and getting worse), time series and statistical neighbours,
// answered from the in-memory index; comparator groups that people save.
// Each is JSON, or CSV with format=csv. Each row of a league table or
// profile carries its verdict, made by the rule the pages and reports use
// and named with its benchmark, and the source's own verdict where the file
// gave one; the quartile stays in JSON only, deprecated.
import express, { type Response } from 'express';
import Papa from 'papaparse';
import { ENGLAND_CODE } from '../../../domain/area/index.ts';
import { areaProfile } from '../../../domain/benchmark/area-profile.ts';
import { leagueTable } from '../../../domain/benchmark/benchmark-queries.ts';
import { areaConcerns } from '../../../domain/benchmark/worse-and-worsening.ts';
import { sourceVerdictKey, sourceVerdictWords } from '../../../domain/benchmark/source-verdict.ts';
import { verdictOfRow } from '../../../domain/benchmark/verdict.ts';
import { sourceVerdictsOf, sourceVerdictsOfPeriod } from '../../../store/source-verdicts.ts';
import { roundedTo } from '../../../domain/format/index.ts';
import { verdictCells } from '../../../reports/verdict-cells.ts';
import { describePublishedSet } from '../../../domain/neighbours/index.ts';
import { getGroup, listGroups } from '../../../store/comparator-groups.ts';
import { publishedNeighbourSets } from '../../../store/published-neighbours.ts';
import type { Sql } from '../../../store/store.ts';
import type { BenchmarkEngine } from '../../../engine/benchmark-engine.ts';
import { accessOf, changes, metricAccess, readableInFull, reads, requireInFull } from '../../platform/access/index.ts';
import { areaOf, groupSpec, neighboursOf, seriesOf } from './benchmark-requests.ts';
import { saveGroup } from './comparator-groups.ts';
import { concernsQuery, groupPath, leagueTableQuery, neighboursQuery, newGroupBody, profileQuery, publishedNeighboursQuery, seriesQuery } from './api-inputs.ts';
import { notFound } from '../../platform/http/http-error.ts';
import { groupsAsSeen } from '../../platform/access/provenance.ts';
import { checked, checkedQuery } from '../../platform/http/input-schema.ts';

export function benchmarkRouter(sql: Sql, engine: BenchmarkEngine): express.Router {
  const router = express.Router();

  router.get('/benchmark/league-table', reads('observation'), async (req, res) => {
    const q = checkedQuery(leagueTableQuery, req.query);
    const index = engine.index;
    const series = seriesOf(index, q.metric);
    await requireInFull(res, sql, series.metric);
    const slice = q.period === undefined ? series.latest() : series.slice(q.period);
    if (!slice) throw notFound(`${series.metric.code} has no values for ${q.period ?? 'any period'}`);
    const area = q.area === undefined ? index.area(ENGLAND_CODE)! : areaOf(index, q.area);
    const group = await groupSpec(res, sql, index, area, q, 'england');
    const table = leagueTable(index, series, slice, area, group, q.level);
    const judged = { label: table.group.label, ranked: table.group.size, benchmark: table.group.benchmark };
    const sources = await sourceVerdictsOfPeriod(sql, table.metric.code, table.period);
    // The verdict and the source's own, in the words the metric page's table uses; quartile stays for older consumers (deprecated in OpenAPI).
    const rows = table.rows.map((r) => {
      const source = sources.get(r.area);
      return { ...r, verdict: verdictOfRow(table.metric, r, judged, q.level), sourceVerdict: source ? { ...source, words: sourceVerdictWords(source) } : null };
    });
    const benchmark = table.group.benchmark ? { name: table.group.benchmark.source, value: table.group.benchmark.value } : null;
    // CSV figures to the metric's decimals, as pages show them, with no float noise.
    const n = (figure: number | null | undefined) => roundedTo(figure ?? null, table.metric.decimals);
    send(res, q, { ...table, benchmark, rows }, () =>
      rows.map((r) => ({
        metric: table.metric.code,
        period: table.period,
        area: r.area,
        area_name: r.name,
        value: n(r.value),
        lower_ci: n(r.interval?.lower),
        upper_ci: n(r.interval?.upper),
        rank: r.rank,
        ...verdictCells(r.verdict),
        source_verdict: r.sourceVerdict?.words ?? null,
        group: table.group.label,
        benchmark_name: benchmark?.name ?? null,
        benchmark: n(benchmark?.value),
      })),
    );
  });

  router.get('/benchmark/profile', reads('observation'), async (req, res) => {
    const q = checkedQuery(profileQuery, req.query);
    const index = engine.index;
    const area = areaOf(index, q.area);
    const metrics = await profileMetrics(res, sql, index, q.metrics);
    const profile = areaProfile(index, area, {
      period: q.period,
      group: await groupSpec(res, sql, index, area, q, 'neighbours'),
      level: q.level,
      metrics,
    });
    const sources = await sourceVerdictsOf(
      sql,
      area.code,
      profile.items.map((i) => ({ metric: i.metric.code, period: i.period })),
    );
    const items = profile.items.map((i) => {
      // The publisher's own verdict, beside Lantern's: only on the area's own figure, not a predecessor's.
      const source = i.via ? undefined : sources.get(sourceVerdictKey(i.metric.code, i.period));
      return {
        ...i,
        verdict: verdictOfRow(i.metric, i, { label: i.groupLabel, ranked: i.groupSize, benchmark: i.benchmark }, q.level),
        sourceVerdict: source ? { ...source, words: sourceVerdictWords(source) } : null,
      };
    });
    send(res, q, { ...profile, items }, () =>
      items.map((i) => ({
        ...figureCells(area, i),
        lower_ci: roundedTo(i.interval?.lower ?? null, i.metric.decimals),
        upper_ci: roundedTo(i.interval?.upper ?? null, i.metric.decimals),
        rank: i.rank,
        group_size: i.groupSize,
        group_mean: roundedTo(i.groupMean, i.metric.decimals),
        group_median: roundedTo(i.groupMedian, i.metric.decimals),
        benchmark_name: i.benchmark?.source ?? null,
        benchmark: roundedTo(i.benchmark?.value ?? null, i.metric.decimals),
        significance: i.significance,
        ...verdictCells(i.verdict),
        source_verdict: i.sourceVerdict?.words ?? null,
        direction: i.trend.direction,
        recent_trend: i.trend.recent,
        via: i.via?.code ?? null,
      })),
    );
  });

  // Early warning reads these: each finding names its two tests and their figures, and nothing is added up.
  router.get('/benchmark/concerns', reads('observation'), async (req, res) => {
    const q = checkedQuery(concernsQuery, req.query);
    const index = engine.index;
    const area = areaOf(index, q.area);
    const metrics = await profileMetrics(res, sql, index, q.metrics);
    const items = areaConcerns(index, area, { group: await groupSpec(res, sql, index, area, q, 'england'), level: q.level, metrics });
    send(res, q, { area: { code: area.code, name: area.name }, items }, () =>
      items.map((i) => ({
        ...figureCells(area, i),
        lower_ci: roundedTo(i.significance.interval.lower, i.metric.decimals),
        upper_ci: roundedTo(i.significance.interval.upper, i.metric.decimals),
        benchmark_name: i.significance.benchmark.source,
        benchmark: roundedTo(i.significance.benchmark.value, i.metric.decimals),
        significance_test: i.significance.words,
        trend_from: i.trend.periods[0],
        trend_to: i.trend.periods[i.trend.periods.length - 1],
        trend_slope: i.trend.slope,
        trend_chi_squared: i.trend.statistic,
        trend_test: i.trend.words,
        via: i.via?.code ?? null,
      })),
    );
  });

  router.get('/benchmark/series', reads('observation'), async (req, res) => {
    const q = checkedQuery(seriesQuery, req.query);
    const index = engine.index;
    const series = seriesOf(index, q.metric);
    // Each council's series is a record of its own: an early-sight metric's are open to that council and the named partners.
    const reach = await metricAccess(res, sql, [series.metric]);
    const access = accessOf(res);
    const asked = q.areas.map((code) => areaOf(index, code));
    const areas = await access.reveal(
      asked,
      (area) => reach.record(series.metric.code, area.code),
      (area) => `${series.metric.code}/${area.code}`,
      'series',
    );
    if (areas.length === 0) await requireInFull(res, sql, series.metric);
    const points = areas.flatMap((area) =>
      series.slices.map((slice) => {
        const position = slice.position(index.areaNumber(area.code)!);
        return { area: area.code, area_name: area.name, period: slice.period, period_end: slice.end, value: position < 0 ? null : slice.value(position) };
      }),
    );
    send(res, q, { metric: series.metric, points }, () => points.map((p) => ({ metric: series.metric.code, ...p })));
  });

  router.get('/benchmark/neighbours', reads('observation'), async (req, res) => {
    const q = checkedQuery(neighboursQuery, req.query);
    const index = engine.index;
    const area = areaOf(index, q.area);
    const found = await neighboursOf(res, sql, index, area, q);
    send(res, q, found, () => found.neighbours.map((n, i) => ({ area: area.code, neighbour: n.code, name: n.name, rank: i + 1, distance: n.distance, reason: n.reason })));
  });

  // Offered beside the computed neighbours; a group of one's own starts from a set's areaCodes (POST /groups).
  router.get('/benchmark/published-neighbours', reads('comparator_group'), async (req, res) => {
    const area = areaOf(engine.index, checkedQuery(publishedNeighboursQuery, req.query).area);
    const sets = await publishedNeighbourSets(sql, area.code);
    res.json({ area: area.code, items: sets.map((set) => describePublishedSet(set, (code) => engine.index.area(code)?.name ?? code)) });
  });

  router.get('/benchmark/groups', reads('comparator_group'), async (_req, res) => {
    res.json({ items: await groupsAsSeen(sql, accessOf(res), await listGroups(sql)) });
  });

  router.post('/benchmark/groups', changes('comparator_group'), express.json({ limit: '100kb' }), async (req, res) => {
    const group = await saveGroup(sql, accessOf(res), engine.index, checked(newGroupBody, req.body ?? {}));
    res.status(201).json((await groupsAsSeen(sql, accessOf(res), [group]))[0]);
  });

  router.get('/benchmark/groups/:id', reads('comparator_group'), async (req, res) => {
    const group = await getGroup(sql, checked(groupPath, req.params).id);
    if (!group) throw notFound(`there is no comparator group ${req.params.id}`);
    res.json((await groupsAsSeen(sql, accessOf(res), [group]))[0]);
  });

  return router;
}

/**
 * The metrics a profile may show: those the viewer may read in full (an
 * early-sight metric under embargo compares every council, so it is left out
 * unless they are a named partner). Asking for one by name is refused.
 */
async function profileMetrics(res: Response, sql: Sql, index: BenchmarkEngine['index'], asked: readonly string[] | undefined): Promise<readonly string[] | undefined> {
  const early = [...index.metrics()].map((s) => s.metric).filter((m) => m.status === 'early_sight' && (asked === undefined || asked.includes(m.code)));
  if (early.length === 0) return asked;
  const readable = new Set((await readableInFull(res, sql, early)).map((m) => m.code));
  const withheld = early.filter((m) => !readable.has(m.code));
  if (withheld.length === 0) return asked;
  if (asked !== undefined) return requireInFull(res, sql, withheld[0]!).then(() => asked);
  const hidden = new Set(withheld.map((m) => m.code));
  return [...index.metrics()].map((s) => s.metric.code).filter((code) => !hidden.has(code));
}

/** The first columns of a council's row in the profile's and the concerns' CSV: whose figure it is, of what, when, and the figure. */
function figureCells(area: { code: string; name: string }, i: { metric: { code: string; title: string; decimals: number }; period: string; value: number | null }) {
  return { area: area.code, area_name: area.name, metric: i.metric.code, title: i.metric.title, period: i.period, value: roundedTo(i.value, i.metric.decimals) };
}

function send(res: Response, q: { format: 'json' | 'csv' }, json: unknown, rows: () => Record<string, unknown>[]): void {
  if (q.format === 'csv') {
    res
      .type('text/csv; charset=utf-8')
      .attachment('lantern.csv')
      .send(Papa.unparse(rows(), { escapeFormulae: true, newline: '\r\n' }) + '\r\n');
  } else {
    res.json(json);
  }
}
