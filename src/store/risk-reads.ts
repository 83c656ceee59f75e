// What the risk view reads beside the open flags (flags.ts): one flag by id,
// with the acknowledgement that mutes it, and the intelligence items about
// councils with only what a cell of the view shows and the policy needs, so
// that England's 20,000 items are read without their notes and evidence.
import type { Classification } from '../domain/access/index.ts';
import type { BestValueTheme, Cause } from '../domain/early-warning/index.ts';
import type { RiskFlag, StoredFlag } from './flags.ts';
import type { Db } from './store.ts';

/** One flag, open or cleared, with the acknowledgement of exactly what it reads now; undefined when there is none of that id. */
export async function flagById(sql: Db, id: number): Promise<RiskFlag | undefined> {
  const [row] = await sql<(StoredFlag & { mutedReason: string | null; mutedBy: string | null; mutedOn: Date | null })[]>`
    select f.id::int as id, f.area_code as area, f.rule, f.rule_version as "ruleVersion", f.metric_code as metric, f.subject, f.period,
      f.figures, f.sentence, f.fingerprint, f.raised_at as "raisedAt", f.changed_at as "changedAt", f.cleared_at as "clearedAt",
      a.reason as "mutedReason", a.acknowledged_by as "mutedBy", a.acknowledged_at as "mutedOn"
    from flag f left join lateral (
      select reason, acknowledged_by, acknowledged_at from flag_acknowledgement
      where area_code = f.area_code and fingerprint = f.fingerprint order by acknowledged_at desc, id desc limit 1
    ) a on true
    where f.id = ${id}`;
  if (!row) return undefined;
  const { mutedReason, mutedBy, mutedOn, ...flag } = row;
  return { ...flag, muted: mutedReason === null ? null : { area: flag.area, fingerprint: flag.fingerprint, reason: mutedReason, by: mutedBy!, on: mutedOn! } };
}

/** An intelligence item as a cell of the risk view shows it, with what the access policy needs. */
export interface RiskItem {
  readonly id: number;
  readonly subjectArea: string;
  readonly cause: Cause;
  readonly bestValueTheme: BestValueTheme;
  readonly title: string;
  readonly classification: Classification;
  readonly shareable: boolean;
  readonly authorId: number;
  readonly ownerOrganisationId: number;
  readonly createdAt: Date;
  readonly reviewedAt: Date;
  readonly sharedWithOrganisations: readonly number[];
  readonly sharedWithUsers: readonly number[];
}

/** The items about these councils (every council's, given null), by council and newest first; the caller filters them through the policy. */
export async function itemsAbout(sql: Db, areas: readonly string[] | null): Promise<RiskItem[]> {
  return sql<RiskItem[]>`
    with shared as (
      select record_id::bigint as id, array_agg(with_organisation_id) filter (where with_organisation_id is not null) as orgs,
        array_agg(with_user_id) filter (where with_user_id is not null) as users
      from share where record_kind = 'intelligence_item' and revoked_at is null group by record_id
    )
    select i.id, i.subject_area as "subjectArea", i.cause, i.best_value_theme as "bestValueTheme", i.title, i.classification, i.shareable,
      i.author_id as "authorId", i.owner_organisation_id as "ownerOrganisationId", i.created_at as "createdAt", i.reviewed_at as "reviewedAt",
      coalesce(s.orgs, '{}') as "sharedWithOrganisations", coalesce(s.users, '{}') as "sharedWithUsers"
    from intelligence_item i left join shared s on s.id = i.id
    ${areas === null ? sql`` : sql`where i.subject_area = any(${[...areas]}::text[])`}
    order by i.subject_area, i.id desc`;
}

/** An open flag as a cell of the patch or England view shows it: no figures, and the reason of the acknowledgement that mutes it. */
export interface GridFlag {
  readonly id: number;
  readonly area: string;
  readonly rule: string;
  readonly ruleVersion: number;
  readonly metric: string | null;
  /** What tells a council's flags of a rule apart, where the metric does not ('' when nothing). */
  readonly subject: string;
  readonly period: string | null;
  readonly sentence: string;
  readonly fingerprint: string;
  readonly raisedAt: Date;
  readonly changedAt: Date;
  readonly muted: { readonly reason: string; readonly by: string; readonly on: Date } | null;
}

/**
 * The open flags of these councils (every council's, given null), by council
 * and newest first, each with the latest acknowledgement of exactly what it
 * reads now. The acknowledgements are joined whole rather than looked up flag
 * by flag, which is what lets England's twelve thousand flags come back in
 * one pass.
 */
export async function gridFlags(sql: Db, areas: readonly string[] | null): Promise<GridFlag[]> {
  const rows = await sql<(Omit<GridFlag, 'muted'> & { mutedReason: string | null; mutedBy: string | null; mutedOn: Date | null })[]>`
    with latest as (
      select distinct on (area_code, fingerprint) area_code, fingerprint, reason, acknowledged_by, acknowledged_at
      from flag_acknowledgement ${areas === null ? sql`` : sql`where area_code = any(${[...areas]}::text[])`}
      order by area_code, fingerprint, acknowledged_at desc, id desc
    )
    select f.id::int as id, f.area_code as area, f.rule, f.rule_version as "ruleVersion", f.metric_code as metric, f.subject, f.period, f.sentence, f.fingerprint,
      f.raised_at as "raisedAt", f.changed_at as "changedAt", a.reason as "mutedReason", a.acknowledged_by as "mutedBy", a.acknowledged_at as "mutedOn"
    from flag f left join latest a on a.area_code = f.area_code and a.fingerprint = f.fingerprint
    where f.cleared_at is null ${areas === null ? sql`` : sql`and f.area_code = any(${[...areas]}::text[])`}
    order by f.area_code, f.raised_at desc, f.id`;
  return rows.map(({ mutedReason, mutedBy, mutedOn, ...flag }) => ({ ...flag, muted: mutedReason === null ? null : { reason: mutedReason, by: mutedBy!, on: mutedOn! } }));
}

/**
 * What England's risk view read last is still what it would read now while
 * this is unchanged: a flag raised, changed or cleared, an acknowledgement
 * made, an item recorded, changed, reviewed or deleted, a share made or
 * stopped each moves it. A few milliseconds, where the reads take hundreds.
 */
export async function riskStamp(sql: Db): Promise<string> {
  const [row] = await sql<{ stamp: string }[]>`
    select concat_ws('|',
      (select concat_ws(',', count(*), max(changed_at), max(cleared_at)) from flag),
      (select max(id) from flag_acknowledgement),
      (select concat_ws(',', count(*), max(id), max(updated_at), max(reviewed_at)) from intelligence_item),
      (select concat_ws(',', count(*), max(id), max(revoked_at)) from share where record_kind = 'intelligence_item')) as stamp`;
  return row!.stamp;
}
