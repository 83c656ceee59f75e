// Reading a benchmarking question from a request's query: the metric, the
// area, the comparator group (with its neighbours or saved list) and the
// confidence level, each refused with a 400 or 404 that says what was wrong.
// The JSON API and the web pages ask the same way.
import type { Request } from 'express';
import type { BenchmarkIndex, IndexArea, MetricSeries } from '../domain/benchmark/benchmark-index.ts';
import type { GroupSpec } from '../domain/benchmark/benchmark-queries.ts';
import { isComparatorKind } from '../domain/benchmark/comparator-group.ts';
import { statisticalNeighbours } from '../domain/benchmark/statistical-neighbours.ts';
import type { ConfidenceLevel } from '../domain/stats/index.ts';
import { getGroup } from '../store/comparator-groups.ts';
import type { Sql } from '../store/store.ts';
import { badRequest, notFound } from './http-error.ts';
import { integer, optionalCode, optionalMetricCode, optionalText } from './query-params.ts';

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

export function neighboursOf(index: BenchmarkIndex, area: IndexArea, q: Query) {
  const variables = (optionalText(q, 'variables') ?? '').split(',').map((v) => v.trim()).filter((v) => v !== '');
  const weights = (optionalText(q, 'weights') ?? '').split(',').filter((w) => w.trim() !== '').map(Number);
  if (weights.some((w) => !(w > 0) || !Number.isFinite(w))) throw badRequest("'weights' must be positive numbers, separated by commas");
  const found = statisticalNeighbours(index, area, { variables, weights, count: integer(q, 'count', 15, 1, 100) });
  if (found.kind === 'not_computed') throw badRequest(`no neighbours for ${area.name}: ${found.reason}`);
  return found;
}

export async function groupSpec(sql: Sql, index: BenchmarkIndex, area: IndexArea, q: Query, fallback: 'england' | 'neighbours'): Promise<GroupSpec> {
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
