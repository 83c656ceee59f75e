// The release path's store (migrations 037, 044): councils' release rules, and
// releasing, which loads every held value whose instant has passed into
// `observation` as one import batch, in one transaction. The batch goes the
// way every import's does: staged, merged by mergeStaged (history kept),
// its metrics recorded and announced at commit, so that every server's
// benchmark index rebuilds them and the pages kept under the index change.
//
// When a value is due is the domain's to say (src/domain/release/). Held
// values fall into few shapes (a rule, or a default by origin, and a
// period), so the store reads the shapes, asks the domain each shape's
// instant, and releases the rows of the shapes that are due.
import { londonDay } from '../domain/format/index.ts';
import { isReleasable, releaseDefaultsOn, releaseInstant, ruleFor, type ReleaseRule, type ValueOrigin } from '../domain/release/index.ts';
import { finishBatch, createBatch } from './batches.ts';
import { announceBatch } from './import-notifications.ts';
import { createStaging, mergeStaged, recordBatchMetrics, takeWriteTurn, type Tx } from './observations.ts';
import type { Db, Sql } from './store.ts';

/** A rule as stored: its kind and its one setting. */
interface RuleColumns {
  readonly kind: ReleaseRule['kind'] | null;
  readonly publicFrom: Date | null;
  readonly monthsAfter: number | null;
}

function ruleOf(columns: RuleColumns): ReleaseRule | null {
  switch (columns.kind) {
    case null:
      return null;
    case 'private':
      return { kind: 'private' };
    case 'public_from':
      return { kind: 'public_from', instant: columns.publicFrom! };
    case 'public_after_period':
      return { kind: 'public_after_period', months: columns.monthsAfter! };
  }
}

export interface StoredRule {
  readonly metric: string;
  readonly rule: ReleaseRule;
  readonly setBy: number | null;
  readonly setByName: string | null;
  readonly setAt: Date;
}

/**
 * Sets a council's rule for a metric, retiring the one before (kept with who
 * set it), and tells every server once `tx` commits, so that each schedules
 * the rule's instants. Undefined when the area or metric does not exist.
 */
export async function setReleaseRule(tx: Tx, areaCode: string, metricCode: string, rule: ReleaseRule, setBy: number | null): Promise<StoredRule | undefined> {
  const [key] = await tx<{ areaId: number; metricId: number }[]>`
    select a.id as "areaId", m.id as "metricId" from area a, metric m where a.code = ${areaCode} and m.code = ${metricCode}`;
  if (!key) return undefined;
  await tx`update release_rule set superseded_at = now() where area_id = ${key.areaId} and metric_id = ${key.metricId} and superseded_at is null`;
  const [row] = await tx<{ setAt: Date }[]>`
    insert into release_rule (area_id, metric_id, kind, public_from, months_after, set_by)
    values (${key.areaId}, ${key.metricId}, ${rule.kind}, ${rule.kind === 'public_from' ? rule.instant : null},
      ${rule.kind === 'public_after_period' ? rule.months : null}, ${setBy})
    returning set_at as "setAt"`;
  await announceReleaseChange(tx);
  return { metric: metricCode, rule, setBy, setByName: null, setAt: row!.setAt };
}

/** A council's current rules, by metric code. */
export async function releaseRulesOf(sql: Db, areaCode: string): Promise<Map<string, StoredRule>> {
  const rows = await sql<(RuleColumns & { metric: string; setBy: number | null; setByName: string | null; setAt: Date })[]>`
    select m.code as metric, r.kind, r.public_from as "publicFrom", r.months_after as "monthsAfter",
      r.set_by as "setBy", u.name as "setByName", r.set_at as "setAt"
    from release_rule r join area a on a.id = r.area_id join metric m on m.id = r.metric_id
    left join user_account u on u.id = r.set_by
    where a.code = ${areaCode} and r.superseded_at is null order by m.code`;
  return new Map(rows.map((r) => [r.metric, { metric: r.metric, rule: ruleOf(r)!, setBy: r.setBy, setByName: r.setByName, setAt: r.setAt }]));
}

/** Held values that share a rule (or a default) and a period: they become public at one instant. */
interface Shape extends RuleColumns {
  readonly origin: ValueOrigin;
  readonly period: string;
  readonly periodEnd: string;
  readonly values: number;
}

/**
 * The shapes of the current held values not yet released that may ever be:
 * confirmed and not blank (isReleasable: the domain's rule, as SQL), which
 * are those held_pending lists.
 */
async function releasableShapes(sql: Db, areaCode?: string): Promise<Shape[]> {
  return sql<Shape[]>`
    select r.kind, r.public_from as "publicFrom", r.months_after as "monthsAfter", h.origin, h.period,
      to_char(p.end_date, 'YYYY-MM-DD') as "periodEnd", count(*)::int as values
    from held_pending h
    join period p on p.label = h.period
    left join release_rule r on r.area_id = h.area_id and r.metric_id = h.metric_id and r.superseded_at is null
    ${areaCode === undefined ? sql`` : sql`where h.area_id = (select id from area where code = ${areaCode})`}
    group by r.kind, r.public_from, r.months_after, h.origin, h.period, p.end_date`;
}

function instantOf(shape: Pick<Shape, 'origin' | 'periodEnd'> & RuleColumns, now: Date): Date | null {
  return releaseInstant(ruleFor(ruleOf(shape), shape.origin, releaseDefaultsOn(londonDay(now))), { end: shape.periodEnd });
}

export interface Release {
  /** The batch that loaded them; null when nothing was due. */
  readonly batchId: number | null;
  /** Held values whose instant had passed, recorded as released. */
  readonly released: number;
  /** Of them, those loaded into `observation`. */
  readonly loaded: number;
  /** Of them, those not loaded because an official value stands for their key. */
  readonly officialKept: number;
  readonly metrics: readonly string[];
}

const NOTHING: Release = Object.freeze({ batchId: null, released: 0, loaded: 0, officialKept: 0, metrics: Object.freeze([]) });

/** The steps of a release, in order, as bench/releases.ts times them. */
export type ReleaseStep = 'find' | 'mark' | 'official' | 'merge' | 'record' | 'commit';

/** Calls `timed` with each step's milliseconds as it ends; a stopwatch that says nothing without one. */
function stopwatch(timed: ((step: ReleaseStep, ms: number) => void) | undefined): (step: ReleaseStep) => void {
  let last = performance.now();
  return (step) => {
    const now = performance.now();
    timed?.(step, now - last);
    last = now;
  };
}

/**
 * Releases every held value due at `now`: one batch, one transaction, under
 * the store's write turn, so that two servers releasing at once release each
 * value once. Values are recorded as released and staged in one statement; those
 * whose key holds an official value are dropped from the stage (the official
 * statistic stands: releaseOutcome); the rest are merged as any batch is.
 */
export async function releaseDue(sql: Sql, now: Date, timed?: (step: ReleaseStep, ms: number) => void): Promise<Release> {
  const lap = stopwatch(timed);
  const release = await sql.begin(async (tx) => {
    await takeWriteTurn(tx);
    const due = (await releasableShapes(tx)).filter((shape) => {
      const instant = instantOf(shape, now);
      return instant !== null && instant.getTime() <= now.getTime();
    });
    if (due.length === 0) return NOTHING;
    lap('find');
    const batchId = await createBatch(tx, { kind: 'observations', fileName: `release at ${now.toISOString()}`, importedBy: 'lantern release', skipInvalid: false, source: "councils' own data" });
    await createStaging(tx);
    const shapes = due.map((s) => ({ kind: s.kind, public_from: s.publicFrom?.toISOString() ?? null, months_after: s.monthsAfter, origin: s.origin, period: s.period }));
    // The due values are recorded as released (held_release, 044), no longer pending, and staged, in one statement; the held rows are only read.
    const staged = await tx`
      with due as materialized (
        select h.id, h.metric_id, h.area_id, h.period, h.value, h.numerator, h.denominator, h.lower_ci, h.upper_ci
        from held_pending q
        left join release_rule r on r.area_id = q.area_id and r.metric_id = q.metric_id and r.superseded_at is null
        join jsonb_to_recordset(${tx.json(shapes)}) as d(kind text, public_from timestamptz, months_after integer, origin text, period text)
          -- equalities with stand-ins for null rather than 'is not distinct from', so that the shapes join by hash
          on d.period = q.period and d.origin = q.origin and coalesce(d.kind, '') = coalesce(r.kind, '')
          and coalesce(d.public_from, '-infinity') = coalesce(r.public_from, '-infinity') and coalesce(d.months_after, -1) = coalesce(r.months_after, -1)
        join held_value h on h.id = q.held_value_id
      ), recorded as (
        insert into held_release (held_value_id, batch_id) select id, ${batchId} from due
      ), unpending as (
        delete from held_pending q using due where q.held_value_id = due.id
      )
      insert into staged_observation (metric_id, area_id, period, value, numerator, denominator, lower_ci, upper_ci, flags, batch_id)
      select metric_id, area_id, period, value, numerator, denominator, lower_ci, upper_ci, 0, ${batchId} from due`;
    lap('mark');
    // Statistics of the stage, so that what follows probes the observations' key rather than reading them all.
    await tx`analyze staged_observation`;
    const officialKept = await dropWhereOfficialStands(tx);
    const metrics = await stagedMetrics(tx);
    lap('official');
    const merged = await mergeStaged(tx, batchId);
    lap('merge');
    const loaded = staged.count - officialKept;
    await recordBatchMetrics(tx, batchId, new Set(metrics));
    await tx`
      insert into release_batch (batch_id, released_at, loaded, official_kept, periods)
      values (${batchId}, ${now}, ${loaded}, ${officialKept}, array(select distinct period from staged_observation order by period))`;
    await finishBatch(
      tx,
      batchId,
      'loaded',
      { rowsRead: staged.count, inserted: merged.inserted, revised: merged.revised, unchanged: loaded - merged.inserted - merged.revised, rejected: 0 },
      null,
      null,
    );
    await announceBatch(tx, batchId);
    lap('record');
    return { batchId, released: staged.count, loaded, officialKept, metrics };
  });
  if (release.batchId !== null) lap('commit');
  return release;
}

/** Takes out of the stage the keys whose observation came from an official batch, not a release; how many. */
async function dropWhereOfficialStands(tx: Tx): Promise<number> {
  const dropped = await tx`
    delete from staged_observation s using observation o
    where o.metric_id = s.metric_id and o.area_id = s.area_id and o.period = s.period
      and not exists (select 1 from release_batch b where b.batch_id = o.batch_id)`;
  return dropped.count;
}

async function stagedMetrics(tx: Tx): Promise<string[]> {
  const rows = await tx<{ code: string }[]>`select m.code from metric m where m.id in (select distinct metric_id from staged_observation)`;
  return rows.map((r) => r.code);
}

/** The instants after `now` at which held values become public, soonest first, with how many values each. */
export async function comingReleases(sql: Db, now: Date, areaCode?: string): Promise<{ at: Date; values: number }[]> {
  const byInstant = new Map<number, number>();
  for (const shape of await releasableShapes(sql, areaCode)) {
    const at = instantOf(shape, now)?.getTime();
    if (at !== undefined && at > now.getTime()) byInstant.set(at, (byInstant.get(at) ?? 0) + shape.values);
  }
  return [...byInstant.entries()].sort(([a], [b]) => a - b).map(([at, values]) => ({ at: new Date(at), values }));
}

/** One held value in its council's release calendar. */
export interface CalendarEntry {
  readonly metric: string;
  readonly metricTitle: string;
  readonly period: string;
  readonly origin: ValueOrigin;
  readonly value: number | null;
  readonly provisional: boolean;
  /** The council's own rule for the metric; null where the default applies. */
  readonly councilRule: ReleaseRule | null;
  /** When it becomes (or became) public under its rule; null while private, provisional or blank. */
  readonly releaseAt: Date | null;
  readonly releasedAt: Date | null;
  /** Released, but an official value stands for its key. */
  readonly officialStands: boolean;
}

/** Every current value a council holds, by metric and period, with when each becomes public. */
export async function releaseCalendar(sql: Db, areaCode: string, now: Date): Promise<CalendarEntry[]> {
  const rows = await sql<(RuleColumns & Omit<CalendarEntry, 'councilRule' | 'releaseAt'> & { periodEnd: string })[]>`
    select m.code as metric, m.title as "metricTitle", h.period, to_char(p.end_date, 'YYYY-MM-DD') as "periodEnd", h.origin,
      h.value, h.provisional, rb.released_at as "releasedAt",
      r.kind, r.public_from as "publicFrom", r.months_after as "monthsAfter",
      (x.held_value_id is not null and o.batch_id is not null and not exists (select 1 from release_batch b where b.batch_id = o.batch_id)) as "officialStands"
    from held_value h
    left join held_release x on x.held_value_id = h.id
    left join release_batch rb on rb.batch_id = x.batch_id
    join area a on a.id = h.area_id
    join metric m on m.id = h.metric_id
    join period p on p.label = h.period
    left join release_rule r on r.area_id = h.area_id and r.metric_id = h.metric_id and r.superseded_at is null
    left join observation o on o.metric_id = h.metric_id and o.area_id = h.area_id and o.period = h.period
    where a.code = ${areaCode} and h.superseded_by is null
    order by m.code, p.end_date, p.start_date`;
  return rows.map(({ kind, publicFrom, monthsAfter, periodEnd, ...entry }) => {
    const columns = { kind, publicFrom, monthsAfter };
    return {
      ...entry,
      councilRule: ruleOf(columns),
      releaseAt: isReleasable(entry) ? instantOf({ ...columns, origin: entry.origin, periodEnd }, now) : null,
    };
  });
}

/** The council that holds an area's values: its name and its organisation; undefined where no council organisation stands for it. */
export async function holdingCouncil(sql: Db, areaCode: string): Promise<{ name: string; organisationId: number } | undefined> {
  const [found] = await sql<{ name: string; organisationId: number }[]>`
    select a.name, o.id as "organisationId" from area a join organisation o on o.area_code = a.code where a.code = ${areaCode}`;
  return found;
}

const RELEASE_CHANNEL = 'lantern_release';

/** What a server hears of the release path: a rule set, or (on listening, and after a break) that changes may have gone unheard. */
export type ReleaseChange = { readonly kind: 'rule_set' } | { readonly kind: 'unheard' };

/** Tells every server that a rule changed, once `sql`'s transaction commits. */
export async function announceReleaseChange(sql: Db): Promise<void> {
  await sql`select pg_notify(${RELEASE_CHANNEL}, 'rule_set')`;
}

/** Calls `hear` for every rule set from now on, by any process, and with 'unheard' each time the listening connection is made. */
export async function onReleaseChange(sql: Sql, hear: (change: ReleaseChange) => void): Promise<{ unlisten: () => Promise<void> }> {
  const { unlisten } = await sql.listen(
    RELEASE_CHANNEL,
    () => hear({ kind: 'rule_set' }),
    () => hear({ kind: 'unheard' }),
  );
  return { unlisten };
}
