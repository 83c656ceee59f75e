// Early sight: for each early-sight metric, when its embargo ends and the
// partners its release is shared with (current shares of record kind
// 'observation', whose record id is the metric's code). Published metrics
// need none of this, so read paths ask only for the early-sight ones.
//
// What the public may read of early sight changes when an embargo is set,
// moved or lifted, and when one ends. Each change is told on one channel
// that every Lantern server listens to: a new embargo inside the transaction
// that sets it (so PostgreSQL delivers it only if that commits), an end by
// the job that runs at the instant (src/jobs/embargo-ends.ts). Servers drop
// the public pages they keep on hearing it, and the job runner schedules the
// embargo's end again. The channel's name and payload live here alone.
import type { Db, Sql } from './store.ts';

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

/**
 * Sets (or, with null, lifts) the instant a metric's embargo ends and tells
 * every server once `sql`'s transaction commits; undefined when there is no
 * such metric. The change says what the end was, so that its job can be
 * moved.
 */
export async function setEmbargo(sql: Db, metricCode: string, embargoUntil: Date | null): Promise<EmbargoSet | undefined> {
  const [row] = await sql<{ was: Date | null }[]>`
    update metric m set embargo_until = ${embargoUntil}
    from (select id, embargo_until from metric where code = ${metricCode} for update) old
    where m.id = old.id
    returning old.embargo_until as was`;
  if (!row) return undefined;
  const change: EmbargoSet = { kind: 'embargo_set', metric: metricCode, was: row.was, until: embargoUntil };
  await announceEarlySight(sql, change);
  return change;
}

/** The early-sight metrics whose embargo ends after now, and when. */
export async function comingEmbargoEnds(sql: Db): Promise<{ metric: string; until: Date }[]> {
  return sql<{ metric: string; until: Date }[]>`
    select code as metric, embargo_until as until from metric
    where status = 'early_sight' and embargo_until > now() order by embargo_until, code`;
}

/** Whether a metric's embargo still ends at `until` (it may have been moved or lifted since its end was scheduled). */
export async function embargoEndsAt(sql: Db, metricCode: string, until: Date): Promise<boolean> {
  const [row] = await sql<{ same: boolean }[]>`
    select exists (select 1 from metric where code = ${metricCode} and status = 'early_sight'
      and date_trunc('milliseconds', embargo_until) = date_trunc('milliseconds', ${until}::timestamptz)) as same`;
  return row!.same;
}

export interface EmbargoSet {
  readonly kind: 'embargo_set';
  readonly metric: string;
  /** The end it had before, if any. */
  readonly was: Date | null;
  readonly until: Date | null;
}

/** What changed in what the public may read of early sight. */
export type EarlySightChange =
  | EmbargoSet
  | { readonly kind: 'embargo_ended'; readonly metric: string; readonly at: Date }
  /** The listening connection was made, or made again after a break: changes meanwhile went unheard. */
  | { readonly kind: 'unheard' };

const EARLY_SIGHT_CHANNEL = 'lantern_early_sight';

/** Tells every server of a change, once `sql`'s transaction commits (at once outside one). */
export async function announceEarlySight(sql: Db, change: Exclude<EarlySightChange, { kind: 'unheard' }>): Promise<void> {
  await sql`select pg_notify(${EARLY_SIGHT_CHANNEL}, ${JSON.stringify(change)})`;
}

type Hearer = (change: EarlySightChange) => void;
/** Each pool's hearers in this process, for `tellHere`. */
const hearers = new WeakMap<Sql, Set<Hearer>>();

/** Per pool: how many changes it has heard, once it listens. */
const watches = new WeakMap<Sql, { heard: number; listening: boolean }>();

/**
 * What the public may read of early-sight data, as one short text that
 * changes whenever that does: public pages are kept under it, so that an
 * embargo set, moved, lifted or ended changes them at once on every server.
 * The first call starts listening on `sql` (for as long as the pool lives);
 * from then on the text counts the changes heard, at no cost to a request.
 * Until the listening starts it is worked out from the store: the early-sight
 * metrics whose embargo has ended.
 */
export async function publicReachOfEarlySight(sql: Sql): Promise<string> {
  let watch = watches.get(sql);
  if (!watch) {
    const started = { heard: 0, listening: false };
    watches.set(sql, (watch = started));
    onEarlySightChange(sql, (change) => {
      started.heard++;
      if (change.kind === 'unheard') started.listening = true;
    }).catch(() => {
      watches.delete(sql); // not listening (the store is away): asked again on the next call
    });
  }
  if (watch.listening) return `heard ${watch.heard}`;
  const [row] = await sql<{ ended: string }[]>`
    select coalesce(string_agg(code, ',' order by code), '') as ended from metric where status = 'early_sight' and embargo_until <= now()`;
  return `ended ${row!.ended}`;
}

/**
 * Calls `hear` for every change from now on, made by any process, until
 * `unlisten`; and with 'unheard' each time the listening connection is made,
 * so that a server that missed changes during a break drops what it kept.
 */
export async function onEarlySightChange(sql: Sql, hear: Hearer): Promise<{ unlisten: () => Promise<void> }> {
  const here = hearers.get(sql) ?? new Set<Hearer>();
  hearers.set(sql, here.add(hear));
  const { unlisten } = await sql
    .listen(
      EARLY_SIGHT_CHANNEL,
      (payload) => hear(changeFrom(payload)),
      () => hear({ kind: 'unheard' }),
    )
    .catch((error: unknown) => {
      here.delete(hear);
      throw error;
    });
  return {
    async unlisten() {
      here.delete(hear);
      await unlisten();
    },
  };
}

/**
 * Tells this process's hearers on `sql` of a change it has just committed,
 * without waiting for PostgreSQL to deliver the notification: the server that
 * set an embargo answers its next request under it. Others hear it by the
 * channel, within milliseconds.
 */
export function tellHere(sql: Sql, change: EarlySightChange): void {
  for (const hear of hearers.get(sql) ?? []) hear(change);
}

function changeFrom(payload: string): EarlySightChange {
  const told = JSON.parse(payload) as { kind: string; metric: string; was?: string | null; until?: string | null; at?: string };
  const date = (text: string | null | undefined) => (text ? new Date(text) : null);
  return told.kind === 'embargo_set'
    ? { kind: 'embargo_set', metric: told.metric, was: date(told.was), until: date(told.until) }
    : { kind: 'embargo_ended', metric: told.metric, at: new Date(told.at!) };
}
