// A target's actuals are observations: where a metric's figures are early
// sight, still under embargo, only those the policy lets read them see them,
// and so only they see a rating, a chart or an outcome made from them. The
// ratings a viewer is given leave out each area whose figures they may not
// read yet; the pages then say the target is not rated yet, as for an area
// with no figures.
import { earlySightReleases } from '../../../store/early-sight.ts';
import type { Sql } from '../../../store/store.ts';
import type { StoredTarget } from '../../../store/targets.ts';
import { observationRecord, type RequestAccess } from '../access/index.ts';
import type { RateTargets } from './agreement-json.ts';

/** Whether the viewer may not read a metric's figures for an area yet (early sight under embargo). */
export type Withheld = (metric: string, area: string) => boolean;

export async function withheldFigures(sql: Sql, access: RequestAccess, metrics: Iterable<string>): Promise<Withheld> {
  const releases = await earlySightReleases(sql, [...new Set(metrics)]);
  if (releases.size === 0) return () => false;
  return (metric, area) => releases.has(metric) && !access.may('read', observationRecord('early_sight', releases.get(metric), area));
}

/** `rate`, less the ratings of figures the viewer may not read yet. */
export async function readableRatings(sql: Sql, access: RequestAccess, rate: RateTargets, targets: readonly StoredTarget[]): Promise<{ rate: RateTargets; withheld: Withheld }> {
  const withheld = await withheldFigures(
    sql,
    access,
    targets.map((t) => t.metricCode),
  );
  const metricOf = new Map(targets.map((t) => [t.id, t.metricCode]));
  return {
    withheld,
    rate: (agreement, asked, reach) => {
      const all = rate(agreement, asked, reach);
      return new Map([...all].map(([id, areas]) => [id, areas.filter((a) => !withheld(metricOf.get(id) ?? '', a.area))]));
    },
  };
}
