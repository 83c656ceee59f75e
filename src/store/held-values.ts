// Held values: what a council enters or uploads of its own (returns, and its
// surveys' comparable results), kept here until released (migration 034).
// Entering a value again supersedes the current one, which stays as its
// history; nothing is overwritten. Releasing, which loads released values
// into `observation` as a batch, is the release path's; this file holds and
// reads them.
import type { Period } from '../domain/period/index.ts';
import { savePeriods, type Tx } from './observations.ts';
import type { Db } from './store.ts';

export type HeldOrigin = 'return' | 'survey';

/** One value as the council gives it: a null value is a period not submitted. */
export interface HeldValueInput {
  readonly metricCode: string;
  readonly areaCode: string;
  readonly period: Period;
  readonly value: number | null;
  readonly numerator?: number | null;
  readonly denominator?: number | null;
  readonly lowerCi?: number | null;
  readonly upperCi?: number | null;
  readonly note?: string | null;
  readonly provisional: boolean;
  readonly origin: HeldOrigin;
  readonly originId?: number | null;
}

export interface HeldValue {
  readonly id: number;
  readonly metricCode: string;
  readonly areaCode: string;
  readonly period: string;
  readonly value: number | null;
  readonly numerator: number | null;
  readonly denominator: number | null;
  readonly lowerCi: number | null;
  readonly upperCi: number | null;
  readonly note: string | null;
  readonly provisional: boolean;
  readonly origin: HeldOrigin;
  readonly originId: number | null;
  readonly enteredBy: number | null;
  readonly enteredAt: Date;
  readonly supersededAt: Date | null;
  readonly releasedAt: Date | null;
}

const SELECT = `h.id::int as id, m.code as "metricCode", a.code as "areaCode", h.period, h.value, h.numerator, h.denominator,
  h.lower_ci as "lowerCi", h.upper_ci as "upperCi", h.note, h.provisional, h.origin, h.origin_id::int as "originId",
  h.entered_by as "enteredBy", h.entered_at as "enteredAt", h.superseded_at as "supersededAt",
  (select b.released_at from held_release x join release_batch b on b.batch_id = x.batch_id where x.held_value_id = h.id) as "releasedAt"`;

/**
 * Holds `values` in one statement each way: the current rows of their keys
 * are superseded, unless a value is the same as the current one (entering a
 * form again changes nothing), and the new rows inserted. Returns how many
 * were new or changed. Call it inside the transaction that audits the entry.
 */
export async function holdValues(tx: Tx, values: readonly HeldValueInput[], enteredBy: number | null): Promise<number> {
  if (values.length === 0) return 0;
  await savePeriods(tx, uniquePeriods(values));
  const rows = values.map((v) => ({
    metric: v.metricCode,
    area: v.areaCode,
    period: v.period.label,
    value: v.value,
    numerator: v.numerator ?? null,
    denominator: v.denominator ?? null,
    lower_ci: v.lowerCi ?? null,
    upper_ci: v.upperCi ?? null,
    note: v.note ?? null,
    provisional: v.provisional,
    origin: v.origin,
    origin_id: v.originId ?? null,
  }));
  // One statement: the current rows of changed keys are retired, pointing at successors whose ids
  // are drawn first; the one-current rule and the pointers are checked at commit. A confirmed value
  // that is not blank waits in held_pending for its release (044); the one it replaces no longer does.
  // (isReleasable, src/domain/release/, as SQL.)
  const changed = await tx`
    with given as (
      select m.id as metric_id, a.id as area_id, g.*
      from jsonb_to_recordset(${tx.json(rows)}) as g(metric text, area text, period text, value float8, numerator float8,
        denominator float8, lower_ci float8, upper_ci float8, note text, provisional boolean, origin text, origin_id bigint)
      join metric m on m.code = g.metric join area a on a.code = g.area
    ), differing as (
      select nextval(pg_get_serial_sequence('held_value', 'id')) as new_id, h.id as old_id, g.*
      from given g
      left join held_value h on h.metric_id = g.metric_id and h.area_id = g.area_id and h.period = g.period and h.superseded_by is null
      where h.id is null or (h.value, h.numerator, h.denominator, h.lower_ci, h.upper_ci, h.note, h.provisional, h.origin, h.origin_id)
        is distinct from (g.value, g.numerator, g.denominator, g.lower_ci, g.upper_ci, g.note, g.provisional, g.origin, g.origin_id)
    ), retired as (
      update held_value h set superseded_at = now(), superseded_by = d.new_id
      from differing d where h.id = d.old_id
    ), unpending as (
      delete from held_pending p using differing d where p.held_value_id = d.old_id
    ), pending as (
      insert into held_pending (held_value_id, metric_id, area_id, period, origin)
      select new_id, metric_id, area_id, period, origin from differing where not provisional and value is not null
    )
    insert into held_value (id, metric_id, area_id, period, value, numerator, denominator, lower_ci, upper_ci, note, provisional, origin, origin_id, entered_by)
    overriding system value
    select new_id, metric_id, area_id, period, value, numerator, denominator, lower_ci, upper_ci, note, provisional, origin, origin_id, ${enteredBy}
    from differing`;
  return changed.count;
}

function uniquePeriods(values: readonly HeldValueInput[]): Period[] {
  return [...new Map(values.map((v) => [v.period.label, v.period])).values()];
}

/** The current values a council holds of `metricCodes` (every metric when none are given), by metric and period. */
export async function currentHeldValues(sql: Db, areaCode: string, metricCodes?: readonly string[]): Promise<HeldValue[]> {
  return sql.unsafe<HeldValue[]>(
    `select ${SELECT} from held_value h join metric m on m.id = h.metric_id join area a on a.id = h.area_id
     where a.code = $1 and h.superseded_by is null ${metricCodes ? 'and m.code = any($2)' : ''}
     order by m.code, h.period`,
    metricCodes ? [areaCode, metricCodes as string[]] : [areaCode],
  );
}
