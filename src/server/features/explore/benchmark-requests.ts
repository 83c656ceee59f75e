// Reading a benchmarking question from a request's query: the metric, the
// area, the comparator group (with its neighbours or saved list) and the
// confidence level, each refused with a 400 or 404 that says what was wrong.
// The JSON API and the web pages ask the same way. Neighbours are found only
// from the contextual metrics the viewer may read in full: an early-sight
// metric under embargo never shapes a group that someone outside its release
// sees, and naming one as a variable is refused as reading it would be.
import type { Request, Response } from 'express';
import { ENGLAND_CODE } from '../../../domain/area/index.ts';
import type { BenchmarkIndex, IndexArea, MetricSeries } from '../../../domain/benchmark/benchmark-index.ts';
import type { GroupSpec } from '../../../domain/benchmark/benchmark-queries.ts';
import { isComparatorKind } from '../../../domain/benchmark/comparator-group.ts';
import { neighbourGroup, statisticalNeighbours } from '../../../domain/benchmark/statistical-neighbours.ts';
import { isContextual } from '../../../domain/metric/index.ts';
import type { ConfidenceLevel } from '../../../domain/stats/index.ts';
import { getGroup } from '../../../store/comparator-groups.ts';
import type { Sql } from '../../../store/store.ts';
import { readableInFull, requireInFull } from '../../platform/access/index.ts';
import { badRequest, notFound } from '../../platform/http/http-error.ts';
import { integer, optionalCode, optionalMetricCode, optionalText } from '../../platform/http/query-params.ts';

type Query = Request['query'];

export function seriesOf(index: BenchmarkIndex, q: Query): MetricSeries {
  const code = optionalMetricCode(q, 'metric');
  if (!code) throw badRequest("'metric' is required");
  return index.metric(code) ?? failMetric(code);
}

export function optionalArea(index: BenchmarkIndex, q: Query): IndexArea | undefined {
  const code = optionalCode(q, 'area');
  return code === undefined ? undefined : (index.area(code) ?? failArea(code));
}

export function failArea(code: string): never {
  throw notFound(`there is no area with the code '${code}'`);
}

export function failMetric(code: string): never {
  throw notFound(`there is no metric with the code '${code}'`);
}

export function level(q: Query): ConfidenceLevel {
  const text = optionalText(q, 'level') ?? '95';
  if (text === '95') return 0.95;
  if (text === '99.8') return 0.998;
  throw badRequest(`'level' must be 95 or 99.8, not '${text}'`);
}

export async function neighboursOf(res: Response, sql: Sql, index: BenchmarkIndex, area: IndexArea, q: Query) {
  const variables = (optionalText(q, 'variables') ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '');
  const weights = (optionalText(q, 'weights') ?? '').split(',').filter((w) => w.trim() !== '').map(Number);
  if (weights.some((w) => !(w > 0) || !Number.isFinite(w))) throw badRequest("'weights' must be positive numbers, separated by commas");
  const count = integer(q, 'count', 15, 1, 100);
  const readableEarlySight = await readableVariables(res, sql, index, variables);
  const found = statisticalNeighbours(index, area, { variables, weights, count, readableEarlySight });
  if (found.kind === 'not_computed') throw badRequest(`no neighbours for ${area.name}: ${found.reason}`);
  return found;
}

/**
 * The early-sight metrics among the variables (those named, else the
 * contextual ones) that the viewer may read in full. A variable named that
 * they may not read is refused (401 or 403) as a request for it would be.
 */
async function readableVariables(res: Response, sql: Sql, index: BenchmarkIndex, named: readonly string[]): Promise<ReadonlySet<string>> {
  const candidates = named.length > 0
    ? named.map((code) => index.metric(code)?.metric).filter((m) => m !== undefined)
    : [...index.metrics()].map((s) => s.metric).filter(isContextual);
  const early = candidates.filter((m) => m.status === 'early_sight');
  if (early.length === 0) return new Set();
  if (named.length > 0) for (const metric of early) await requireInFull(res, sql, metric);
  return new Set((await readableInFull(res, sql, early)).map((m) => m.code));
}

export async function groupSpec(res: Response, sql: Sql, index: BenchmarkIndex, area: IndexArea, q: Query, fallback: 'england' | 'neighbours'): Promise<GroupSpec> {
  const kind = optionalText(q, 'group') ?? (area.code === ENGLAND_CODE ? 'england' : fallback);
  if (!isComparatorKind(kind)) throw badRequest(`'group' must be england, region, type, neighbours or custom, not '${kind}'`);
  switch (kind) {
    case 'england':
    case 'type':
      return { kind };
    case 'region':
      if (!area.regionCode) throw badRequest(`${area.name} has no region: give 'area' as a council in a region`);
      return { kind };
    case 'neighbours': {
      return neighbourGroup(area, await neighboursOf(res, sql, index, area, q));
    }
    case 'custom': {
      const group = await getGroup(sql, integer(q, 'groupId', 0, 1, 2_147_483_647));
      if (!group) throw notFound(`there is no comparator group ${optionalText(q, 'groupId') ?? '(give groupId)'}`);
      return { kind, key: String(group.id), label: group.name, members: group.areaCodes };
    }
  }
}
