// The targets that pages and reports list beside other figures: those of the
// agreements the public may read (signed off, in refresh or closed), for some
// areas or on one metric, each area's standing rated from the index with the
// words of its rule. Drafts never appear here, even to people who may read
// them: an area's page and a metric's are kept once for everyone, and a
// published report is for residents. Nor does a target on early-sight
// figures still under embargo: its actual is one of them.
import { PUBLIC_VIEWER, decide } from '../../../domain/access/index.ts';
import type { BenchmarkIndex } from '../../../domain/benchmark/benchmark-index.ts';
import { agreementsOf, type Agreement } from '../../../store/agreements.ts';
import { earlySightReleases } from '../../../store/early-sight.ts';
import type { Sql } from '../../../store/store.ts';
import { targetsOfAgreements, targetsOnMetric, type StoredTarget } from '../../../store/targets.ts';
import type { TargetLine } from '../../../web/views/target-status.ts';
import { observationRecord } from '../access/observations.ts';
import { targetRecord } from './agreement-record.ts';
import { indexRatings } from './ratings.ts';
import { shownToThePublic } from './signed-view.ts';

/** Which targets: those covering any of some areas (each line one of those areas), or those on one metric (every area). */
export type TargetsAsked = { readonly areas: readonly string[] } | { readonly metric: string };

export async function publicTargetLines(sql: Sql, index: BenchmarkIndex, asked: TargetsAsked): Promise<TargetLine[]> {
  const now = Date.now();
  // One metric's targets are read by metric (an index serves it), an area's through its agreements.
  // The two reads are independent: asked together, the page waits for the slower alone.
  const [onMetric, all] = await Promise.all(['metric' in asked ? targetsOnMetric(sql, asked.metric) : undefined, 'areas' in asked ? agreementsOf(sql, asked.areas) : agreementsOf(sql)]);
  const agreements = all.filter((a) => decide(PUBLIC_VIEWER, 'read', targetRecord(a), now).allowed);
  if (agreements.length === 0 || onMetric?.length === 0) return [];
  const inForce =
    onMetric ??
    (await targetsOfAgreements(
      sql,
      agreements.map((a) => a.id),
    ));
  // An agreement in refresh is listed as last signed off: the refresh's edits are not public until they are signed.
  const shown = await shownToThePublic(sql, agreements, inForce);
  const targets = shown.flatMap((s) => s.targets).filter((t) => !('metric' in asked) || t.metricCode === asked.metric);
  const open = await publicMetrics(sql, index, targets, now);
  const wanted = 'areas' in asked ? new Set(asked.areas) : undefined;
  const rate = indexRatings(() => index);
  const byAgreement = new Map<number, StoredTarget[]>();
  for (const t of targets) {
    if (!open.has(t.metricCode)) continue;
    const own = byAgreement.get(t.agreementId);
    if (own) own.push(t);
    else byAgreement.set(t.agreementId, [t]);
  }
  return shown.flatMap(({ agreement }) => {
    const own = byAgreement.get(agreement.id) ?? [];
    if (own.length === 0) return [];
    const ratings = rate(agreement, own);
    return own.flatMap((target) => (ratings.get(target.id) ?? []).filter((r) => wanted === undefined || wanted.has(r.area)).flatMap((r) => lineOf(index, agreement, target, r)));
  });
}

/** The targets' metrics whose figures the public may read now: all but early-sight figures under embargo. */
async function publicMetrics(sql: Sql, index: BenchmarkIndex, targets: readonly StoredTarget[], now: number): Promise<Set<string>> {
  const metrics = [...new Set(targets.map((t) => t.metricCode))].flatMap((code) => index.metric(code)?.metric ?? []);
  const early = metrics.filter((m) => m.status === 'early_sight').map((m) => m.code);
  const releases = early.length === 0 ? new Map() : await earlySightReleases(sql, early);
  return new Set(metrics.filter((m) => decide(PUBLIC_VIEWER, 'read', observationRecord(m.status, releases.get(m.code), null), now).allowed).map((m) => m.code));
}

function lineOf(
  index: BenchmarkIndex,
  agreement: Agreement,
  target: StoredTarget,
  rated: { area: string; period: string | null; actual?: number | null; expected?: number | null; rating: TargetLine['rating'] },
): TargetLine[] {
  const metric = index.metric(target.metricCode)?.metric;
  if (!metric) return [];
  return [
    {
      agreement: { id: agreement.id, title: agreement.title },
      target: { id: target.id, reference: target.reference },
      metric: { code: metric.code, title: metric.title, unit: metric.unit ?? '', decimals: metric.decimals },
      area: { code: rated.area, name: index.area(rated.area)?.name ?? rated.area },
      period: rated.period,
      actual: rated.actual ?? null,
      expected: rated.expected ?? null,
      goal: { period: target.targetPeriod, value: target.targetValue },
      rating: rated.rating,
    },
  ];
}
