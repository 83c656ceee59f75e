// Early warning's flags as kept: each open while its rule keeps finding it,
// changed when its figures do, cleared (and kept) when the rule stops. After
// a batch its metrics' flags are brought up to what the rules find now, in
// one transaction; servers that do so at once take turns (a transaction
// lock), so a flag is never raised twice.
import type { Db, Sql } from './store.ts';

/** A flag as the rules found it, ready to keep. */
export interface FlagLine {
  readonly area: string;
  readonly rule: string;
  readonly ruleVersion: number;
  readonly metric: string | null;
  /** What else tells two flags of a rule and metric apart (the target, off trajectory); '' when nothing. */
  readonly subject: string;
  readonly period: string | null;
  readonly figures: Readonly<Record<string, number | string | null>>;
  /** Made only when the flag is raised or changed, when given as a function: a sync that finds most flags unchanged makes few. */
  readonly sentence: string | (() => string);
  /**
   * Made from the rule, its version, the metric, the period and the figures
   * (fingerprintOf), so that the same figures give the same fingerprint: a
   * sync that remembers a flag's figures compares those, and a line may make
   * its fingerprint only when read (a getter).
   */
  readonly fingerprint: string;
}

export interface StoredFlag extends Omit<FlagLine, 'sentence'> {
  readonly sentence: string;
  readonly id: number;
  readonly raisedAt: Date;
  readonly changedAt: Date;
  readonly clearedAt: Date | null;
}

export interface FlagSync {
  readonly raised: number;
  readonly changed: number;
  readonly cleared: number;
}

const SELECT = `f.id::int as id, f.area_code as area, f.rule, f.rule_version as "ruleVersion", f.metric_code as metric, f.subject, f.period,
  f.figures, f.sentence, f.fingerprint, f.raised_at as "raisedAt", f.changed_at as "changedAt", f.cleared_at as "clearedAt"`;

/**
 * Brings the open flags on `metrics` to `found` at `at`: a flag found anew is
 * raised, one found with other figures is changed, one no longer found is
 * cleared. `found` must hold only flags on those metrics. Given as a
 * function, the flags are found once this sync holds the lock, so that what
 * it stores was worked out after every sync before it had finished.
 */
export async function syncFlags(sql: Sql, metrics: readonly string[], found: readonly FlagLine[] | ((tx: Db) => Promise<readonly FlagLine[]>), at: Date): Promise<FlagSync> {
  if (Array.isArray(found)) refuseStrays(metrics, found);
  const kept = await sql
    .begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(hashtext('lantern flag sync'))`;
      return keep(tx, REMEMBERED.get(sql), metrics, typeof found === 'function' ? refuseStrays(metrics, await found(tx)) : found, at);
    })
    .catch((error: unknown) => {
      // The memory may have been changed for writes that were rolled back.
      REMEMBERED.delete(sql);
      throw error;
    });
  // Remembered only once committed: a sync rolled back leaves the memory at a generation the table never had.
  if (kept.memory) REMEMBERED.set(sql, kept.memory);
  else REMEMBERED.delete(sql);
  return kept.sync;
}

function refuseStrays(metrics: readonly string[], found: readonly FlagLine[]): readonly FlagLine[] {
  const among = new Set(metrics);
  const stray = found.find((flag) => flag.metric === null || !among.has(flag.metric));
  if (stray) throw new RangeError(`a flag on ${stray.metric ?? 'no metric'} is not among the metrics brought up to date`);
  return found;
}

/** An open flag as a sync compares it. */
interface OpenFlag {
  readonly id: number;
  readonly area: string;
  readonly rule: string;
  readonly metric: string;
  readonly subject: string;
  readonly fingerprint: string;
  /** What it read, when this server stored or compared it: an unchanged flag is told by these without its line's fingerprint being made. */
  readonly reading?: Pick<FlagLine, 'ruleVersion' | 'period' | 'figures'>;
}

/** The open flags, by metric and council, as they stood at a generation of the flag table (migration 033). */
interface Memory {
  readonly generation: number;
  readonly byMetric: Shelf<OpenFlag>;
}

/** Each pool's memory of the open flags, from its last sync. */
const REMEMBERED = new WeakMap<Sql, Memory>();

/** A sync of this many metrics or more reads every open flag, to remember them; a smaller one reads its own. */
const REMEMBER_FROM = 100;

async function keep(tx: Db, memory: Memory | undefined, metrics: readonly string[], found: readonly FlagLine[], at: Date): Promise<{ sync: FlagSync; memory: Memory | undefined }> {
  const [{ generation }] = [...(await tx<{ generation: number }[]>`select generation::int as generation from flag_sync`)] as [{ generation: number }];
  let known = memory?.generation === generation ? memory : undefined;
  if (!known && metrics.length >= REMEMBER_FROM) known = { generation, byMetric: byMetric(await readOpen(tx)) };
  const open = known?.byMetric ?? byMetric(await readOpen(tx, metrics));
  // Compared a part of the metrics at a time, each part's writes sent before the next part is compared.
  const fresh: Shelf<FlagLine> = new Map();
  const writes = new Writes(tx, at);
  const raised: FlagLine[] = [];
  const changed: { id: number; line: FlagLine }[] = [];
  const cleared: OpenFlag[] = [];
  const confirmed: { flag: OpenFlag; line: FlagLine }[] = [];
  for (const part of partsOf(metrics, found)) {
    const found = compare(open, part.metrics, part.lines, fresh);
    await writes.send(found.raised, found.changed, found.cleared);
    raised.push(...found.raised);
    changed.push(...found.changed);
    cleared.push(...found.cleared);
    confirmed.push(...found.confirmed);
  }
  if (known) for (const { flag, line } of confirmed) shelve(known.byMetric, { ...flag, reading: readingOf(line) });
  const sync = { raised: raised.length, changed: changed.length, cleared: cleared.length };
  if (raised.length + changed.length + cleared.length === 0) return { sync, memory: known };
  const [made, next] = await writes.done();
  if (!known) return { sync, memory: undefined };
  for (const flag of cleared) unshelve(known.byMetric, flag);
  for (const { id, line } of changed)
    shelve(known.byMetric, { id, area: line.area, rule: line.rule, metric: line.metric!, subject: line.subject, fingerprint: line.fingerprint, reading: readingOf(line) });
  for (const flag of made) {
    const line = onShelf(fresh, flag);
    shelve(known.byMetric, line ? { ...flag, reading: readingOf(line) } : flag);
  }
  return { sync, memory: { generation: next, byMetric: known.byMetric } };
}

/** Lines compared at most before what they move is sent to be written: PostgreSQL writes one part while the next is compared. */
const LINES_A_PART = 5000;

/** The metrics in parts of about LINES_A_PART lines found, each with its lines: a metric's lines are all in its part. */
function partsOf(given: readonly string[], found: readonly FlagLine[]): { metrics: string[]; lines: FlagLine[] }[] {
  // A metric named twice is in one part, or the part without its lines would clear its flags.
  const metrics = [...new Set(given)];
  const count = Math.min(Math.ceil(found.length / LINES_A_PART), metrics.length);
  if (count <= 1) return [{ metrics, lines: [...found] }];
  const parts = Array.from({ length: count }, () => ({ metrics: [] as string[], lines: [] as FlagLine[] }));
  const partOf = new Map<string, (typeof parts)[number]>();
  metrics.forEach((metric, i) => {
    const part = parts[Math.floor((i * count) / metrics.length)]!;
    part.metrics.push(metric);
    partOf.set(metric, part);
  });
  for (const line of found) partOf.get(line.metric!)!.lines.push(line);
  return parts;
}

/** Rows a statement of a sync writes at most: the first is on its way to PostgreSQL while the next one's sentences are made. */
const ROWS_A_STATEMENT = 1000;

/**
 * A sync's statements, each sent as soon as it is made, without waiting for
 * the one before (they queue on the transaction's connection), so that
 * PostgreSQL writes while the rest is compared and its sentences made: a
 * part's clearing first, which needs none. `done` moves the table's
 * generation on and waits for them all; it returns the flags raised and the
 * new generation.
 */
class Writes {
  private readonly writing: Promise<unknown>[] = [];
  private readonly raising: Promise<OpenFlag[]>[] = [];

  constructor(
    private readonly tx: Db,
    private readonly at: Date,
  ) {}

  async send(raised: readonly FlagLine[], changed: readonly { id: number; line: FlagLine }[], cleared: readonly OpenFlag[]): Promise<void> {
    const { tx, at } = this;
    if (cleared.length) await this.sent(this.writing, tx`update flag set cleared_at = ${at} where id = any(${cleared.map((flag) => flag.id)}::bigint[])`.execute());
    for (let from = 0; from < raised.length; from += ROWS_A_STATEMENT) await this.sent(this.raising, raise(tx, raised.slice(from, from + ROWS_A_STATEMENT), at));
    // In the order of their rows, so that one statement's rows share pages.
    const byId = [...changed].sort((a, b) => a.id - b.id);
    for (let from = 0; from < byId.length; from += ROWS_A_STATEMENT) await this.sent(this.writing, change(tx, byId.slice(from, from + ROWS_A_STATEMENT), at));
  }

  /**
   * Keeps a statement to wait for, and lets it go: the driver sends a query
   * a tick after it is executed, so without this turn every statement would
   * leave only once the sync had made them all. A statement that fails is
   * answered when `done` waits for it; until then it is caught here, so that
   * a failure elsewhere first leaves no rejection unheard.
   */
  private async sent<T>(list: Promise<T>[], query: Promise<T>): Promise<void> {
    query.catch(() => {});
    list.push(query);
    await null;
  }

  async done(): Promise<[OpenFlag[], number]> {
    const next = this.tx<{ generation: number }[]>`update flag_sync set generation = generation + 1 returning generation::int as generation`.execute();
    const [made, [moved]] = await Promise.all([Promise.all(this.raising), next, Promise.all(this.writing)]);
    return [made.flat(), moved!.generation];
  }
}

/**
 * What a sync must do: the flags found and not open (raised), open with
 * another fingerprint (changed), open and not found (cleared); a flag found
 * twice counts as its last finding. Where this server remembers what an open
 * flag read, the same figures mean the same fingerprint, and the line's is not
 * made; where it does not, one that matches is remembered (confirmed). Each
 * line is looked up on its metric's and council's shelf of open flags, and
 * only the few found anew are shelved themselves: with tens of thousands of
 * flags, copying or shelving them all was most of the comparing.
 */
function compare(open: Shelf<OpenFlag>, metrics: readonly string[], found: readonly FlagLine[], fresh: Shelf<FlagLine>) {
  const matched = new Map<OpenFlag, FlagLine>();
  const before = new Set(fresh.keys());
  for (const line of found) {
    const flag = onShelf(open, line);
    if (flag) matched.set(flag, line);
    else shelve(fresh, line);
  }
  const raised = [...fresh].flatMap(([metric, councils]) => (before.has(metric) ? [] : [...councils.values()].flat()));
  const changed: { id: number; line: FlagLine }[] = [];
  const confirmed: { flag: OpenFlag; line: FlagLine }[] = [];
  for (const [flag, line] of matched) {
    if (flag.reading && sameReading(flag.reading, line)) continue;
    if (line.fingerprint !== flag.fingerprint) changed.push({ id: flag.id, line });
    else confirmed.push({ flag, line });
  }
  const cleared: OpenFlag[] = [];
  for (const metric of new Set(metrics)) {
    for (const flags of open.get(metric)?.values() ?? []) for (const flag of flags) if (!matched.has(flag)) cleared.push(flag);
  }
  return { raised, changed, cleared, confirmed };
}

/** What a line read, without its sentence: kept for every open flag. */
function readingOf({ ruleVersion, period, figures }: FlagLine): NonNullable<OpenFlag['reading']> {
  return { ruleVersion, period, figures };
}

/** The same version, period and figures, and so the same fingerprint. */
function sameReading(was: NonNullable<OpenFlag['reading']>, line: FlagLine): boolean {
  if (was.ruleVersion !== line.ruleVersion || was.period !== line.period) return false;
  if (was.figures === line.figures) return true;
  // Counted and compared in loops, not through key arrays: this runs for every open flag on every full recompute.
  let names = 0;
  for (const name in was.figures) {
    if (!Object.is(was.figures[name], line.figures[name])) return false;
    names++;
  }
  for (const name in line.figures) if (--names < 0 || !(name in was.figures)) return false;
  return names === 0;
}

/** What tells a flag apart: its metric, council, rule and subject. */
type Placed = Pick<FlagLine, 'area' | 'rule' | 'subject'> & { readonly metric: string | null };

/**
 * Flags by metric and by council, a council's few told apart by rule and
 * subject: found through strings the flags already hold, so that no key is
 * joined and hashed for each of tens of thousands of flags.
 */
type Shelf<T extends Placed> = Map<string, Map<string, T[]>>;

const alike = (a: Placed, b: Placed) => a.rule === b.rule && a.subject === b.subject;

/** Puts a flag on its shelf, in place of one alike. */
function shelve<T extends Placed>(shelf: Shelf<T>, flag: T): void {
  let councils = shelf.get(flag.metric!);
  if (!councils) shelf.set(flag.metric!, (councils = new Map()));
  const here = councils.get(flag.area);
  if (!here) return void councils.set(flag.area, [flag]);
  const at = here.findIndex((other) => alike(other, flag));
  if (at < 0) here.push(flag);
  else here[at] = flag;
}

function unshelve<T extends Placed>(shelf: Shelf<T>, flag: Placed): void {
  const here = shelf.get(flag.metric!)?.get(flag.area);
  const at = here ? here.findIndex((other) => alike(other, flag)) : -1;
  if (at >= 0) here!.splice(at, 1);
}

/** The flag alike on its shelf; a loop, not `find` with a closure, since every line found is looked up. */
function onShelf<T extends Placed>(shelf: Shelf<T>, flag: Placed): T | undefined {
  const here = shelf.get(flag.metric!)?.get(flag.area);
  if (!here) return undefined;
  for (const other of here) if (alike(other, flag)) return other;
  return undefined;
}

/** The open flags on `metrics`, or on every metric. */
function readOpen(tx: Db, metrics?: readonly string[]): Promise<OpenFlag[]> {
  return tx<OpenFlag[]>`
    select id::int as id, area_code as area, rule, metric_code as metric, subject, fingerprint
    from flag where cleared_at is null and metric_code is not null ${metrics ? tx`and metric_code = any(${metrics}::text[])` : tx``}`;
}

function byMetric(open: readonly OpenFlag[]): Shelf<OpenFlag> {
  const found: Shelf<OpenFlag> = new Map();
  for (const flag of open) shelve(found, flag);
  return found;
}

// Rows go as one array a column (unnest): for tens of thousands of flags this
// is several times quicker than one JSON document of them all. Each is sent
// at once (execute), not when awaited.
function raise(sql: Db, lines: readonly FlagLine[], at: Date): Promise<OpenFlag[]> {
  const c = columns(lines);
  return sql<OpenFlag[]>`
    insert into flag (area_code, rule, rule_version, metric_code, subject, period, figures, sentence, fingerprint, raised_at, changed_at)
    select area_code, rule, rule_version, metric_code, subject, period, figures::jsonb, sentence, fingerprint, ${at}, ${at}
    from unnest(${c.area}::text[], ${c.rule}::text[], ${c.version}::int[], ${c.metric}::text[], ${c.subject}::text[], ${c.period}::text[],
      ${c.figures}::text[], ${c.sentence}::text[], ${c.fingerprint}::text[])
      as r(area_code, rule, rule_version, metric_code, subject, period, figures, sentence, fingerprint)
    returning id::int as id, area_code as area, rule, metric_code as metric, subject, fingerprint`.execute();
}

/**
 * The rows are found by their key (`id = any`), not by joining the whole
 * table, which holds every cleared flag too. Only columns no index reads are
 * written, so that the new version of a row can stay on its page (migration
 * 048).
 */
function change(sql: Db, changes: readonly { id: number; line: FlagLine }[], at: Date): Promise<unknown> {
  const c = columns(changes.map((change) => change.line));
  const ids = changes.map((change) => change.id);
  return sql`
    update flag set rule_version = r.rule_version, period = r.period, figures = r.figures::jsonb, sentence = r.sentence, fingerprint = r.fingerprint, changed_at = ${at}
    from unnest(${ids}::bigint[], ${c.version}::int[], ${c.period}::text[], ${c.figures}::text[], ${c.sentence}::text[],
      ${c.fingerprint}::text[]) as r(id, rule_version, period, figures, sentence, fingerprint)
    where flag.id = any(${ids}::bigint[]) and flag.id = r.id`.execute();
}

function columns(lines: readonly FlagLine[]) {
  return {
    area: lines.map((line) => line.area),
    rule: lines.map((line) => line.rule),
    version: lines.map((line) => line.ruleVersion),
    metric: lines.map((line) => line.metric),
    subject: lines.map((line) => line.subject),
    period: lines.map((line) => line.period),
    figures: lines.map((line) => JSON.stringify(line.figures)),
    sentence: lines.map((line) => (typeof line.sentence === 'function' ? line.sentence() : line.sentence)),
    fingerprint: lines.map((line) => line.fingerprint),
  };
}

/**
 * The metrics whose flags a loaded batch may have moved, by code: those it
 * defined, or whose figures it changed (a metric whose rows came back as
 * stored keeps its flags); 'all' for a batch of areas, which renumbers every
 * series.
 */
export async function metricsOfBatch(sql: Db, batchId: number): Promise<string[] | 'all'> {
  const [batch] = await sql<{ kind: string; addedAreas: boolean }[]>`
    select kind, exists (select 1 from area where batch_id = ${batchId}) as "addedAreas" from import_batch where id = ${batchId}`;
  if (!batch) return [];
  if (batch.kind === 'areas' || batch.addedAreas) return 'all';
  const rows =
    batch.kind === 'metrics'
      ? await sql<{ code: string }[]>`select code from metric where batch_id = ${batchId}`
      : await sql<{ code: string }[]>`select m.code from batch_metric b join metric m on m.id = b.metric_id where b.batch_id = ${batchId} and b.changed`;
  return rows.map((row) => row.code);
}

/** The metrics with an open flag: a full recompute clears those of a metric gone from the index too. */
export async function metricsFlagged(sql: Db): Promise<string[]> {
  const rows = await sql<{ code: string }[]>`select distinct metric_code as code from flag where cleared_at is null and metric_code is not null`;
  return rows.map((row) => row.code);
}

/** A council's open flags, newest first; with `cleared`, its cleared ones too. */
export function flagsOf(sql: Db, area: string, cleared = false): Promise<StoredFlag[]> {
  return sql<StoredFlag[]>`
    select ${sql.unsafe(SELECT)} from flag f
    where f.area_code = ${area} and (${cleared} or f.cleared_at is null)
    order by f.cleared_at is not null, f.raised_at desc, f.rule, f.metric_code, f.subject`;
}

/** Every open flag on these metrics, by council. */
export function openFlagsOn(sql: Db, metrics: readonly string[]): Promise<StoredFlag[]> {
  return sql<StoredFlag[]>`
    select ${sql.unsafe(SELECT)} from flag f
    where f.cleared_at is null and f.metric_code = any(${metrics}::text[])
    order by f.area_code, f.rule, f.metric_code, f.subject`;
}

/**
 * An open flag as the risk view shows it, with the acknowledgement that mutes
 * it: the latest made of exactly what it reads now (its fingerprint), as
 * withMuting decides in the domain; null when none was, or when its figures,
 * period or rule's version have changed since.
 */
export interface RiskFlag extends StoredFlag {
  readonly muted: FlagAcknowledgement | null;
}

const MUTED = `left join lateral (
    select a.reason, a.acknowledged_by, a.acknowledged_at from flag_acknowledgement a
    where a.area_code = f.area_code and a.fingerprint = f.fingerprint order by a.acknowledged_at desc, a.id desc limit 1
  ) a on true`;
const MUTED_SELECT = `a.reason as "mutedReason", a.acknowledged_by as "mutedBy", a.acknowledged_at as "mutedOn"`;
const RISK_ORDER = 'order by f.area_code, f.raised_at desc, f.rule, f.metric_code, f.subject';

type RiskRow = StoredFlag & { mutedReason: string | null; mutedBy: string | null; mutedOn: Date | null };

function riskFlag({ mutedReason, mutedBy, mutedOn, ...flag }: RiskRow): RiskFlag {
  const muted = mutedReason === null ? null : { area: flag.area, fingerprint: flag.fingerprint, reason: mutedReason, by: mutedBy!, on: mutedOn! };
  return { ...flag, muted };
}

/** One council's open flags, newest first, each with its muting. */
export function openFlagsOfCouncil(sql: Db, area: string): Promise<RiskFlag[]> {
  return openFlagsOfCouncils(sql, [area]);
}

/** The open flags of many councils (an adviser's patch), by council and newest first, each with its muting. */
export async function openFlagsOfCouncils(sql: Db, areas: readonly string[]): Promise<RiskFlag[]> {
  const rows = await sql<RiskRow[]>`
    select ${sql.unsafe(SELECT)}, ${sql.unsafe(MUTED_SELECT)} from flag f ${sql.unsafe(MUTED)}
    where f.cleared_at is null and f.area_code = any(${[...areas]}::text[]) ${sql.unsafe(RISK_ORDER)}`;
  return rows.map(riskFlag);
}

/** Every open flag in England, by council and newest first, each with its muting. */
export async function openFlagsInEngland(sql: Db): Promise<RiskFlag[]> {
  const rows = await sql<RiskRow[]>`
    select ${sql.unsafe(SELECT)}, ${sql.unsafe(MUTED_SELECT)} from flag f ${sql.unsafe(MUTED)}
    where f.cleared_at is null ${sql.unsafe(RISK_ORDER)}`;
  return rows.map(riskFlag);
}

export interface FlagAcknowledgement {
  readonly area: string;
  readonly fingerprint: string;
  readonly reason: string;
  readonly by: string;
  readonly on: Date;
}

/** Records that a flag is known and being dealt with; it stays muted while its fingerprint is the same. */
export async function acknowledgeFlag(sql: Db, area: string, fingerprint: string, reason: string, by: string): Promise<FlagAcknowledgement> {
  const [made] = await sql<FlagAcknowledgement[]>`
    insert into flag_acknowledgement (area_code, fingerprint, reason, acknowledged_by) values (${area}, ${fingerprint}, ${reason}, ${by})
    returning area_code as area, fingerprint, reason, acknowledged_by as by, acknowledged_at as on`;
  return made!;
}

/** A council's acknowledgements, newest first. */
export function acknowledgementsOf(sql: Db, area: string): Promise<FlagAcknowledgement[]> {
  return sql<FlagAcknowledgement[]>`
    select area_code as area, fingerprint, reason, acknowledged_by as by, acknowledged_at as on
    from flag_acknowledgement where area_code = ${area} order by acknowledged_at desc, id desc`;
}
