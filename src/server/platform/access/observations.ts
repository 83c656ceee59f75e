// Observations and anything made from them (league tables, profiles, maps,
// charts), through the policy: `metricAccess(res, sql, metrics)` says for
// each metric whether the viewer may read all of it (comparisons need all of
// it), only its own council's rows, or none; pages that read the benchmark
// index directly must leave out metrics it does not allow in full
// (`readableInFull`). Published metrics need no store; early-sight ones are
// asked about row by row, and their reads audited.
import type { Response } from 'express';
import { decide, guardedRecord, metricClassification, PUBLIC_VIEWER, type GuardedRecord } from '../../../domain/access/index.ts';
import type { MetricStatus } from '../../../domain/metric/index.ts';
import { earlySightReleases, type EarlySightRelease } from '../../../store/early-sight.ts';
import type { Sql } from '../../../store/store.ts';
import { HttpError } from '../http/http-error.ts';
import { accessOf, type RequestAccess } from './request-access.ts';

/** How much of a metric's observations the viewer may read now. */
export type MetricReach = 'all' | 'own_council' | 'none';

const PUBLIC_OBSERVATION = guardedRecord('observation', 'public');

/** The policy's record for observations of a metric: one council's (`area`), or every council's (null). */
export function observationRecord(status: MetricStatus, release: EarlySightRelease | undefined, area: string | null): GuardedRecord {
  const classification = metricClassification(status);
  if (classification === 'public') return PUBLIC_OBSERVATION;
  return guardedRecord('observation', classification, {
    subjectArea: area,
    subjectReads: true,
    embargoUntil: release?.embargoUntil ? release.embargoUntil.getTime() : null,
    sharedWithOrganisations: release?.partnerOrganisations ?? [],
    sharedWithUsers: release?.partnerUsers ?? [],
    shareable: true,
  });
}

export interface MetricAccess {
  /** How much of a metric (by code) the viewer may read. */
  reach(code: string): MetricReach;
  /** The policy's record for one council's observations of a metric (`area`), or all of them (null). */
  record(code: string, area: string | null): GuardedRecord;
  /** Whether an early-sight metric is in question: read paths then ask row by row (filtering, and auditing what is shown). */
  readonly rowByRow: boolean;
}

/**
 * The policy's answers for observations, given the early-sight releases in
 * question; every other metric is published. Published metrics need no
 * store, so a league table of published data costs one decision and no query.
 */
function reachOf(access: RequestAccess, releases: ReadonlyMap<string, EarlySightRelease>, earlyCodes: Iterable<string> = releases.keys()): MetricAccess {
  const own = access.viewer.kind === 'user' ? access.viewer.councilArea : null;
  const reaches = new Map<string, MetricReach>();
  for (const code of earlyCodes) {
    const release = releases.get(code);
    reaches.set(
      code,
      access.may('read', observationRecord('early_sight', release, null)) ? 'all' : own !== null && access.may('read', observationRecord('early_sight', release, own)) ? 'own_council' : 'none',
    );
  }
  return {
    reach: (code) => reaches.get(code) ?? (access.may('read', PUBLIC_OBSERVATION) ? 'all' : 'none'),
    record: (code, area) => (reaches.has(code) ? observationRecord('early_sight', releases.get(code), area) : PUBLIC_OBSERVATION),
    rowByRow: reaches.size > 0,
  };
}

/** The policy's answers for observations of one metric (`metricCode`) or of all of them. */
export async function observationAccess(res: Response, sql: Sql, metricCode?: string): Promise<MetricAccess> {
  return reachOf(accessOf(res), await earlySightReleases(sql, metricCode === undefined ? undefined : [metricCode]));
}

/** The policy's answers for the given metrics, as the benchmark index holds them (with their status). */
export async function metricAccess(res: Response, sql: Sql, metrics: Iterable<{ readonly code: string; readonly status: MetricStatus }>): Promise<MetricAccess> {
  const early = [...metrics].filter((m) => m.status === 'early_sight').map((m) => m.code);
  const releases = early.length === 0 ? new Map<string, EarlySightRelease>() : await earlySightReleases(sql, early);
  return reachOf(accessOf(res), releases, early);
}

/**
 * How much of each early-sight metric among `metrics` (as the benchmark
 * index holds them) the viewer may read now, as one text ('code:all,
 * code:none'; '' when none is early sight, with no query). Pages kept for a
 * signed-in viewer are kept under it, so that a share granted or revoked, or
 * an embargo ending, reaches their next page.
 */
export async function earlySightReach(res: Response, sql: Sql, metrics: Iterable<{ readonly code: string; readonly status: MetricStatus }>): Promise<string> {
  const early: string[] = [];
  for (const m of metrics) if (m.status === 'early_sight') early.push(m.code);
  if (early.length === 0) return '';
  const reach = reachOf(accessOf(res), await earlySightReleases(sql, early), early);
  return early
    .sort()
    .map((code) => `${code}:${reach.reach(code)}`)
    .join(',');
}

/** The metrics of `metrics` the viewer may read in full: what comparisons, tables, charts and maps may show. Reads of early-sight ones are audited. */
export async function readableInFull<T extends { readonly code: string; readonly status: MetricStatus }>(res: Response, sql: Sql, metrics: readonly T[]): Promise<T[]> {
  const reach = await metricAccess(res, sql, metrics);
  const readable = metrics.filter((m) => reach.reach(m.code) === 'all');
  await accessOf(res).reveal(
    readable.filter((m) => m.status === 'early_sight'),
    (m) => reach.record(m.code, null),
    (m) => m.code,
    'early-sight observations of every council',
  );
  return readable;
}

/** Refuses (401, or 403 saying why) unless the viewer may read every council's observations of the metric. */
export async function requireInFull(res: Response, sql: Sql, metric: { readonly code: string; readonly status: MetricStatus }): Promise<void> {
  if (metric.status !== 'early_sight') return accessOf(res).require('read', PUBLIC_OBSERVATION, `observations of ${metric.code}`);
  if ((await readableInFull(res, sql, [metric])).length === 1) return;
  const access = accessOf(res);
  if (access.viewer.kind === 'public') throw new HttpError(401, 'sign_in_required', `${metric.code} is early-sight data under embargo: sign in to see it`);
  throw new HttpError(403, 'forbidden', `${metric.code} is early-sight data under embargo: only its named partners may compare every council's figures until it is published`, {
    missing: 'not_in_audience',
    action: 'read',
    kind: 'observation',
  });
}

/**
 * The rows of observations the viewer may read, asking the policy for each;
 * the reads of early-sight rows are audited, once per metric and council.
 */
export async function* readableObservations<T extends { readonly metric: string; readonly area: string }>(res: Response, reach: MetricAccess, pages: AsyncIterable<readonly T[]>): AsyncIterable<T[]> {
  const access = accessOf(res);
  const audited = new Set<string>();
  try {
    for await (const rows of pages) yield filterObservations(access, reach, rows, audited);
  } finally {
    await access.auditReads('observation', [...audited], 'early-sight observations');
  }
}

/** One page of rows through the policy; `audited` collects 'metric/area' of the early-sight rows shown. */
export function filterObservations<T extends { readonly metric: string; readonly area: string }>(access: RequestAccess, reach: MetricAccess, rows: readonly T[], audited: Set<string>): T[] {
  const shown: T[] = [];
  for (const row of rows) {
    const decision = access.decide('read', reach.record(row.metric, row.area));
    if (!decision.allowed) continue;
    shown.push(row);
    if (decision.audited) audited.add(`${row.metric}/${row.area}`);
  }
  return shown;
}

/**
 * Observations as the public may read them, for exports made outside a
 * request (the command line): the policy asked row by row as the public
 * viewer, so early-sight data under embargo is left out.
 */
export async function* publicObservations<T extends { readonly metric: string; readonly area: string }>(sql: Sql, pages: AsyncIterable<readonly T[]>): AsyncIterable<T[]> {
  const releases = await earlySightReleases(sql);
  const now = Date.now();
  for await (const rows of pages) {
    yield releases.size === 0
      ? [...rows]
      : rows.filter((row) => decide(PUBLIC_VIEWER, 'read', releases.has(row.metric) ? observationRecord('early_sight', releases.get(row.metric), row.area) : PUBLIC_OBSERVATION, now).allowed);
  }
}
