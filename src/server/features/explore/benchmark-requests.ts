// Answering a benchmarking question's parts, once its query is checked
// (api-inputs.ts): the metric, the area, the comparator group (with its
// neighbours or saved list), each refused with a 400 or 404 that says what
// was wrong. The JSON API and the web pages ask the same way. Neighbours are found only
// from the contextual metrics the viewer may read in full: an early-sight
// metric under embargo never shapes a group that someone outside its release
// sees, and naming one as a variable is refused as reading it would be.
import type { Response } from 'express';
import { ENGLAND_CODE } from '../../../domain/area/index.ts';
import type { BenchmarkIndex, IndexArea, MetricSeries } from '../../../domain/benchmark/benchmark-index.ts';
import type { BenchmarkChoice, GroupSpec } from '../../../domain/benchmark/benchmark-queries.ts';
import { isComparatorKind } from '../../../domain/benchmark/comparator-group.ts';
import { neighbourGroup, statisticalNeighbours } from '../../../domain/benchmark/statistical-neighbours.ts';
import { isContextual } from '../../../domain/metric/index.ts';
import { getGroup } from '../../../store/comparator-groups.ts';
import type { Sql } from '../../../store/store.ts';
import { readableInFull, requireInFull } from '../../platform/access/index.ts';
import { badRequest, notFound } from '../../platform/http/http-error.ts';

/** The comparator group asked for, and how its neighbours are found; the pages ask with the group alone. */
export interface GroupQuestion {
  readonly group?: string;
  readonly groupId?: number;
  /** What figures with intervals are tested against: England unless the group's own is asked for. */
  readonly benchmark?: BenchmarkChoice | undefined;
  readonly count?: number;
  readonly variables?: readonly string[];
  readonly weights?: readonly number[];
}

export function seriesOf(index: BenchmarkIndex, code: string): MetricSeries {
  return index.metric(code) ?? failMetric(code);
}

export function areaOf(index: BenchmarkIndex, code: string): IndexArea {
  return index.area(code) ?? failArea(code);
}

export function failArea(code: string): never {
  throw notFound(`there is no area with the code '${code}'`);
}

export function failMetric(code: string): never {
  throw notFound(`there is no metric with the code '${code}'`);
}

export async function neighboursOf(res: Response, sql: Sql, index: BenchmarkIndex, area: IndexArea, q: GroupQuestion) {
  const { variables = [], weights = [], count = 15 } = q;
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
  const candidates = named.length > 0 ? named.map((code) => index.metric(code)?.metric).filter((m) => m !== undefined) : [...index.metrics()].map((s) => s.metric).filter(isContextual);
  const early = candidates.filter((m) => m.status === 'early_sight');
  if (early.length === 0) return new Set();
  if (named.length > 0) for (const metric of early) await requireInFull(res, sql, metric);
  return new Set((await readableInFull(res, sql, early)).map((m) => m.code));
}

export async function groupSpec(res: Response, sql: Sql, index: BenchmarkIndex, area: IndexArea, q: GroupQuestion, fallback: 'england' | 'neighbours'): Promise<GroupSpec> {
  const spec = await groupOf(res, sql, index, area, q, fallback);
  return q.benchmark === 'group' ? { ...spec, benchmark: 'group' } : spec;
}

async function groupOf(res: Response, sql: Sql, index: BenchmarkIndex, area: IndexArea, q: GroupQuestion, fallback: 'england' | 'neighbours'): Promise<GroupSpec> {
  const kind = q.group ?? (area.code === ENGLAND_CODE ? 'england' : fallback);
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
      const group = q.groupId === undefined ? undefined : await getGroup(sql, q.groupId);
      if (!group) throw notFound(`there is no comparator group ${q.groupId ?? '(give groupId)'}`);
      return { kind, key: String(group.id), label: group.name, members: group.areaCodes };
    }
  }
}
