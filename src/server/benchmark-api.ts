// The benchmarking API: league tables, area profiles, time series and
// statistical neighbours, answered from the in-memory index; comparator
// groups that people save. Each is JSON, or CSV with format=csv.
import express, { type Request, type Response } from 'express';
import Papa from 'papaparse';
import { areaProfile } from '../domain/benchmark/area-profile.ts';
import type { BenchmarkIndex, IndexArea, MetricSeries } from '../domain/benchmark/benchmark-index.ts';
import { leagueTable, type GroupSpec } from '../domain/benchmark/benchmark-queries.ts';
import { isComparatorKind } from '../domain/benchmark/comparator-group.ts';
import { statisticalNeighbours } from '../domain/benchmark/statistical-neighbours.ts';
import type { ConfidenceLevel } from '../domain/stats/index.ts';
import { createGroup, getGroup, listGroups } from '../store/comparator-groups.ts';
import type { Sql } from '../store/store.ts';
import type { BenchmarkEngine } from './benchmark-engine.ts';
import { badRequest, notFound } from './http-error.ts';
import { integer, onlyKnown, optionalCode, optionalMetricCode, optionalText } from './query-params.ts';

type Query = Request['query'];

export function benchmarkRouter(sql: Sql, engine: BenchmarkEngine): express.Router {
  const router = express.Router();

  router.get('/league-table', async (req, res) => {
    const q = req.query;
    onlyKnown(q, ['metric', 'period', 'area', 'group', 'groupId', 'count', 'level', 'format']);
    const index = engine.index;
    const series = seriesOf(index, q);
    const slice = optionalText(q, 'period') === undefined ? series.latest() : series.slice(optionalText(q, 'period')!);
    if (!slice) throw notFound(`${series.metric.code} has no values for ${optionalText(q, 'period') ?? 'any period'}`);
    const area = optionalArea(index, q) ?? index.area('E92000001')!;
    const group = await groupSpec(sql, index, area, q, 'england');
    const table = leagueTable(index, series, slice, area, group, level(q));
    send(res, q, table, () => table.rows.map((r) => ({
      metric: table.metric.code, period: table.period, area: r.area, area_name: r.name, value: r.value,
      lower_ci: r.interval?.lower ?? null, upper_ci: r.interval?.upper ?? null, rank: r.rank, quartile: r.quartile,
      significance: r.significance, group: table.group.label, benchmark: table.group.benchmark?.value ?? null,
    })));
  });

  router.get('/profile', async (req, res) => {
    const q = req.query;
    onlyKnown(q, ['area', 'period', 'group', 'groupId', 'count', 'level', 'metrics', 'format']);
    const index = engine.index;
    const area = optionalArea(index, q);
    if (!area) throw badRequest("'area' is required: the GSS code of the council to profile");
    const metrics = optionalText(q, 'metrics')?.split(',').map((m) => m.trim());
    const profile = areaProfile(index, area, {
      period: optionalText(q, 'period'), group: await groupSpec(sql, index, area, q, 'neighbours'), level: level(q), metrics,
    });
    send(res, q, profile, () => profile.items.map((i) => ({
      area: area.code, area_name: area.name, metric: i.metric.code, title: i.metric.title, period: i.period, value: i.value,
      lower_ci: i.interval?.lower ?? null, upper_ci: i.interval?.upper ?? null, rank: i.rank, group_size: i.groupSize, quartile: i.quartile,
      group_mean: i.groupMean, group_median: i.groupMedian, benchmark: i.benchmark?.value ?? null, benchmark_source: i.benchmark?.source ?? null,
      significance: i.significance, direction: i.trend.direction,
      recent_trend: i.trend.recent, via: i.via?.code ?? null,
    })));
  });

  router.get('/series', (req, res) => {
    const q = req.query;
    onlyKnown(q, ['metric', 'areas', 'format']);
    const index = engine.index;
    const series = seriesOf(index, q);
    const codes = (optionalText(q, 'areas') ?? '').split(',').map((c) => c.trim().toUpperCase()).filter((c) => c !== '');
    if (codes.length === 0 || codes.length > 50) throw badRequest("'areas' must list 1 to 50 GSS codes, separated by commas");
    const areas = codes.map((code) => index.area(code) ?? failArea(code));
    const points = areas.flatMap((area) => series.slices.map((slice) => {
      const position = slice.position(index.areaNumber(area.code)!);
      return { area: area.code, area_name: area.name, period: slice.period, period_end: slice.end, value: position < 0 ? null : slice.value(position) };
    }));
    send(res, q, { metric: series.metric, points }, () => points.map((p) => ({ metric: series.metric.code, ...p })));
  });

  router.get('/neighbours', (req, res) => {
    const q = req.query;
    onlyKnown(q, ['area', 'count', 'variables', 'weights', 'format']);
    const index = engine.index;
    const area = optionalArea(index, q);
    if (!area) throw badRequest("'area' is required: the GSS code of the council whose neighbours to find");
    const found = neighboursOf(index, area, q);
    send(res, q, found, () => found.neighbours.map((n, i) => ({ area: area.code, neighbour: n.code, name: n.name, rank: i + 1, distance: n.distance, reason: n.reason })));
  });

  router.get('/groups', async (_req, res) => {
    res.json({ items: await listGroups(sql) });
  });

  router.post('/groups', express.json({ limit: '100kb' }), async (req, res) => {
    const body = req.body as { name?: unknown; areaCodes?: unknown } | undefined;
    const name = typeof body?.name === 'string' ? body.name.trim() : '';
    if (name === '' || name.length > 200) throw badRequest("'name' is required: 1 to 200 characters");
    const codes = Array.isArray(body?.areaCodes) ? body.areaCodes : [];
    if (codes.length === 0 || codes.length > 1000 || !codes.every((c) => typeof c === 'string')) throw badRequest("'areaCodes' must be a list of 1 to 1000 GSS codes");
    const unknown = (codes as string[]).filter((c) => !engine.index.area(c.toUpperCase()));
    if (unknown.length > 0) throw badRequest(`not areas Lantern knows: ${unknown.slice(0, 10).join(', ')}`);
    const group = await createGroup(sql, name, (codes as string[]).map((c) => c.toUpperCase()), `api ${req.ip ?? ''}`.trim());
    res.status(201).json(group);
  });

  router.get('/groups/:id', async (req, res) => {
    const group = await getGroup(sql, integer({ id: req.params.id }, 'id', 0, 1, 2_147_483_647));
    if (!group) throw notFound(`there is no comparator group ${req.params.id}`);
    res.json(group);
  });

  return router;
}

function seriesOf(index: BenchmarkIndex, q: Query): MetricSeries {
  const code = optionalMetricCode(q, 'metric');
  if (!code) throw badRequest("'metric' is required");
  return index.metric(code) ?? failMetric(code);
}

function optionalArea(index: BenchmarkIndex, q: Query): IndexArea | undefined {
  const code = optionalCode(q, 'area');
  return code === undefined ? undefined : (index.area(code) ?? failArea(code));
}

function failArea(code: string): never {
  throw notFound(`there is no area with the code '${code}'`);
}

function failMetric(code: string): never {
  throw notFound(`there is no metric with the code '${code}'`);
}

function level(q: Query): ConfidenceLevel {
  const text = optionalText(q, 'level') ?? '95';
  if (text === '95') return 0.95;
  if (text === '99.8') return 0.998;
  throw badRequest(`'level' must be 95 or 99.8, not '${text}'`);
}

function neighboursOf(index: BenchmarkIndex, area: IndexArea, q: Query) {
  const variables = (optionalText(q, 'variables') ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '');
  const weights = (optionalText(q, 'weights') ?? '').split(',').filter((w) => w.trim() !== '').map(Number);
  if (weights.some((w) => !(w > 0) || !Number.isFinite(w))) throw badRequest("'weights' must be positive numbers, separated by commas");
  const found = statisticalNeighbours(index, area, { variables, weights, count: integer(q, 'count', 15, 1, 100) });
  if (found.kind === 'not_computed') throw badRequest(`no neighbours for ${area.name}: ${found.reason}`);
  return found;
}

async function groupSpec(sql: Sql, index: BenchmarkIndex, area: IndexArea, q: Query, fallback: 'england' | 'neighbours'): Promise<GroupSpec> {
  const kind = optionalText(q, 'group') ?? (area.code === 'E92000001' ? 'england' : fallback);
  if (!isComparatorKind(kind)) throw badRequest(`'group' must be england, region, type, neighbours or custom, not '${kind}'`);
  switch (kind) {
    case 'england':
    case 'type':
      return { kind };
    case 'region':
      if (!area.regionCode) throw badRequest(`${area.name} has no region: give 'area' as a council in a region`);
      return { kind };
    case 'neighbours': {
      const found = neighboursOf(index, area, q);
      return { kind, key: `${area.code}:${found.neighbours.length}`, label: `${area.name} and its ${found.neighbours.length} nearest neighbours`, members: [area.code, ...found.neighbours.map((n) => n.code)] };
    }
    case 'custom': {
      const group = await getGroup(sql, integer(q, 'groupId', 0, 1, 2_147_483_647));
      if (!group) throw notFound(`there is no comparator group ${optionalText(q, 'groupId') ?? '(give groupId)'}`);
      return { kind, key: String(group.id), label: group.name, members: group.areaCodes };
    }
  }
}

function send(res: Response, q: Query, json: unknown, rows: () => Record<string, unknown>[]): void {
  const format = optionalText(q, 'format') ?? 'json';
  if (format === 'csv') {
    res.type('text/csv; charset=utf-8').attachment('lantern.csv').send(Papa.unparse(rows(), { escapeFormulae: true, newline: '\r\n' }) + '\r\n');
  } else if (format === 'json') {
    res.json(json);
  } else {
    throw badRequest(`'format' must be json or csv, not '${format}'`);
  }
}
