// In-year and early-sight returns (migration 036): a council's local metrics,
// its commitments to send a metric at a frequency with their due rules, and
// the values each return holds. The values themselves are held values
// (src/store/held-values.ts, origin 'return'), so that nothing here reaches
// `observation` before the release path loads it.
import type { Polarity, ValueKind } from '../domain/metric/index.ts';
import type { Period } from '../domain/period/index.ts';
import type { DueRule, HeldPeriod, LocalMetricDefinition, ReturnPeriodKind } from '../domain/returns/index.ts';
import { savePeriods, type Tx } from './observations.ts';
import type { Db } from './store.ts';

/** A metric as a return reads it: the library's or a council's own. */
export interface ReturnMetric {
  readonly code: string;
  readonly title: string;
  readonly definition: string | null;
  readonly unit: string | null;
  readonly polarity: Polarity;
  readonly valueKind: ValueKind;
  readonly periodKind: string;
  readonly decimals: number;
  readonly multiplier: number | null;
  readonly status: string;
  /** The council that defined it, for a local metric. */
  readonly ownerArea: string | null;
}

export interface CouncilReturn {
  readonly id: number;
  readonly areaCode: string;
  readonly areaName: string;
  readonly organisationId: number;
  readonly metric: ReturnMetric;
  readonly periodKind: ReturnPeriodKind;
  readonly firstPeriod: string;
  readonly lastPeriod: string | null;
  readonly dueRule: DueRule;
  readonly synthetic: boolean;
  readonly createdBy: number | null;
  readonly createdAt: Date;
  readonly revision: number;
}

export interface ReturnDraft {
  readonly areaCode: string;
  readonly organisationId: number;
  readonly metricCode: string;
  readonly periodKind: ReturnPeriodKind;
  readonly firstPeriod: Period;
  readonly lastPeriod: Period | null;
  readonly dueRule: DueRule;
  readonly synthetic?: boolean;
}

/** One held value of a return, current or superseded: a revision in its history. */
export interface ReturnRevision {
  readonly period: string;
  readonly value: number | null;
  readonly note: string | null;
  readonly provisional: boolean;
  readonly enteredBy: number | null;
  readonly enteredByName: string | null;
  readonly enteredAt: Date;
  readonly current: boolean;
}

const METRIC_FIELDS = `m.code, m.title, m.definition, m.unit, m.polarity, m.value_kind as "valueKind", m.period_kind as "periodKind",
  m.decimals, m.multiplier, m.status, o.code as "ownerArea"`;

const RETURN_SELECT = `r.id, a.code as "areaCode", a.name as "areaName", r.organisation_id as "organisationId",
  json_build_object('code', m.code, 'title', m.title, 'definition', m.definition, 'unit', m.unit, 'polarity', m.polarity,
    'valueKind', m.value_kind, 'periodKind', m.period_kind, 'decimals', m.decimals, 'multiplier', m.multiplier, 'status', m.status,
    'ownerArea', o.code) as metric,
  r.period_kind as "periodKind", r.first_period as "firstPeriod", r.last_period as "lastPeriod", r.due_rule as "dueRule",
  r.synthetic, r.created_by as "createdBy", r.created_at as "createdAt", r.revision`;

const RETURN_FROM = `council_return r join area a on a.id = r.area_id join metric m on m.id = r.metric_id left join area o on o.id = m.owner_area_id`;

/** Adds a council's local metric; undefined when a metric of that code is already there (the council has one of that title). */
export async function createLocalMetric(tx: Tx, metric: LocalMetricDefinition, ownerArea: string, definedBy: number | null): Promise<number | undefined> {
  const [made] = await tx<{ id: number }[]>`
    insert into metric (code, title, definition, unit, polarity, value_kind, period_kind, decimals, source, status, owner_area_id, defined_by)
    select ${metric.code}, ${metric.title}, ${metric.definition}, ${metric.unit}, ${metric.polarity}, ${metric.valueKind}, ${metric.periodKind},
      ${metric.decimals}, 'The council''s own local metric', 'local', a.id, ${definedBy}
    from area a where a.code = ${ownerArea}
    on conflict (code) do nothing
    returning id`;
  return made?.id;
}

/** A metric by its code, as a return reads it. */
export async function returnMetric(db: Db, code: string): Promise<ReturnMetric | undefined> {
  const [found] = await db.unsafe<ReturnMetric[]>(`select ${METRIC_FIELDS} from metric m left join area o on o.id = m.owner_area_id where m.code = $1`, [code]);
  return found;
}

/** The local metrics a council has defined, by title. */
export async function localMetricsOf(db: Db, areaCode: string): Promise<ReturnMetric[]> {
  return db.unsafe<ReturnMetric[]>(`select ${METRIC_FIELDS} from metric m join area o on o.id = m.owner_area_id where o.code = $1 order by m.title`, [areaCode]);
}

/** Adds a return; undefined when the council already returns the metric at that frequency. */
export async function createReturn(tx: Tx, draft: ReturnDraft, createdBy: number | null): Promise<number | undefined> {
  await savePeriods(tx, draft.lastPeriod ? [draft.firstPeriod, draft.lastPeriod] : [draft.firstPeriod]);
  const [made] = await tx<{ id: number }[]>`
    insert into council_return (area_id, organisation_id, metric_id, period_kind, first_period, last_period, due_rule, synthetic, created_by)
    select a.id, ${draft.organisationId}, m.id, ${draft.periodKind}, ${draft.firstPeriod.label}, ${draft.lastPeriod?.label ?? null},
      ${tx.json(draft.dueRule as never)}, ${draft.synthetic ?? false}, ${createdBy}
    from area a, metric m where a.code = ${draft.areaCode} and m.code = ${draft.metricCode}
    on conflict (area_id, metric_id, period_kind) do nothing
    returning id`;
  return made?.id;
}

export async function getReturn(db: Db, id: number): Promise<CouncilReturn | undefined> {
  const [found] = await db.unsafe<CouncilReturn[]>(`select ${RETURN_SELECT} from ${RETURN_FROM} where r.id = $1`, [id]);
  return found;
}

/** Returns of a council, or of a metric across councils, or every return; by council, then metric title. */
export async function listReturns(db: Db, where: { readonly areaCode?: string; readonly metricCode?: string } = {}): Promise<CouncilReturn[]> {
  return db.unsafe<CouncilReturn[]>(
    `select ${RETURN_SELECT} from ${RETURN_FROM}
     where ($1::text is null or a.code = $1) and ($2::text is null or m.code = $2)
     order by a.name, m.title, r.period_kind`,
    [where.areaCode ?? null, where.metricCode ?? null],
  );
}

/** The organisations each return is shared with now (the share table's live rows). */
export async function returnShares(db: Db, ids: readonly number[]): Promise<Map<number, number[]>> {
  const rows = await db<{ id: number; organisations: number[] }[]>`
    select record_id::int as id, array_agg(with_organisation_id order by with_organisation_id) as organisations
    from share where record_kind = 'council_return' and record_id = any(${ids.map(String)}) and revoked_at is null and with_organisation_id is not null
    group by record_id`;
  return new Map(rows.map((r) => [r.id, r.organisations]));
}

/** What each return holds of each period, as the calendar reads it. */
export async function heldPeriods(db: Db, ids: readonly number[]): Promise<Map<number, Map<string, HeldPeriod>>> {
  const rows = await db<{ returnId: number; period: string; hasValue: boolean; provisional: boolean; note: string | null }[]>`
    select origin_id::int as "returnId", period, value is not null as "hasValue", provisional, note
    from held_value where origin = 'return' and origin_id = any(${ids as number[]}) and superseded_by is null`;
  const byReturn = new Map<number, Map<string, HeldPeriod>>();
  for (const row of rows) {
    const periods = byReturn.get(row.returnId) ?? new Map<string, HeldPeriod>();
    periods.set(row.period, { hasValue: row.hasValue, provisional: row.provisional, note: row.note });
    byReturn.set(row.returnId, periods);
  }
  return byReturn;
}

/** Every value the return has held, each period's newest first: its current values and their history. */
export async function returnRevisions(db: Db, id: number): Promise<ReturnRevision[]> {
  return db<ReturnRevision[]>`
    select h.period, h.value, h.note, h.provisional, h.entered_by as "enteredBy", u.name as "enteredByName", h.entered_at as "enteredAt",
      h.superseded_by is null as current
    from held_value h left join user_account u on u.id = h.entered_by
    where h.origin = 'return' and h.origin_id = ${id}
    order by h.period, h.id desc`;
}
