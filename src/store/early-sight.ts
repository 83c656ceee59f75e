// Early sight: for each early-sight metric, when its embargo ends and the
// partners its release is shared with (current shares of record kind
// 'observation', whose record id is the metric's code). Published metrics
// need none of this, so read paths ask only for the early-sight ones.
import type { Db } from './store.ts';

export interface EarlySightRelease {
  readonly metric: string;
  readonly embargoUntil: Date | null;
  readonly partnerOrganisations: readonly number[];
  readonly partnerUsers: readonly number[];
}

/** The releases of those of `metricCodes` that are early sight; every early-sight metric when none are given. */
export async function earlySightReleases(sql: Db, metricCodes?: readonly string[]): Promise<Map<string, EarlySightRelease>> {
  const rows = await sql<EarlySightRelease[]>`
    select m.code as metric, m.embargo_until as "embargoUntil",
      coalesce((select array_agg(s.with_organisation_id) from share s
        where s.record_kind = 'observation' and s.record_id = m.code and s.revoked_at is null and s.with_organisation_id is not null), '{}') as "partnerOrganisations",
      coalesce((select array_agg(s.with_user_id) from share s
        where s.record_kind = 'observation' and s.record_id = m.code and s.revoked_at is null and s.with_user_id is not null), '{}') as "partnerUsers"
    from metric m
    where m.status = 'early_sight' ${metricCodes ? sql`and m.code = any(${metricCodes as string[]})` : sql``}`;
  return new Map(rows.map((r) => [r.metric, r]));
}

export async function setEmbargo(sql: Db, metricCode: string, embargoUntil: Date | null): Promise<boolean> {
  const rows = await sql`update metric set embargo_until = ${embargoUntil} where code = ${metricCode} returning 1`;
  return rows.length > 0;
}

/**
 * The early-sight metrics whose embargo has ended at this instant, as one
 * short text: what the public may read of early-sight data. Pages kept for
 * the public are kept under it, so that an embargo set, moved or ended
 * changes them at once, on every server.
 */
export async function publicReachOfEarlySight(sql: Db): Promise<string> {
  const [row] = await sql<{ ended: string }[]>`
    select coalesce(string_agg(code, ',' order by code), '') as ended from metric where status = 'early_sight' and embargo_until <= now()`;
  return row!.ended;
}
