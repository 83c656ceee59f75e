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
  /** Made only when the flag is raised or changed, when given as a function (called on the line): a sync that finds most flags unchanged makes few. */
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

/** Some of the metrics a sync brings up to date, with every flag the rules find on them. */
export interface FlagPart {
  readonly metrics: readonly string[];
  readonly lines: readonly FlagLine[];
}

/**
 * Brings the open flags on `metrics` to `found` at `at`: a flag found anew is
 * raised, one found with other figures is changed, one no longer found is
 * cleared. `found` must hold only flags on those metrics. Given as a
 * function, the flags are found once this sync holds the lock, so that what
 * it stores was worked out after every sync before it had finished; the
 * function may give them a part of the metrics at a time, each part worked
 * out only when the one before has been compared and its writes sent, so
 * that PostgreSQL writes one part while the rules work out the next. A
 * metric not in any part has no flags.
 */
export async function syncFlags(sql: Sql, metrics: readonly string[], found: readonly FlagLine[] | ((tx: Db) => Promise<readonly FlagLine[] | Iterable<FlagPart>>), at: Date): Promise<FlagSync> {
  if (Array.isArray(found)) refuseStrays(metrics, found);
  const kept = await sql
    .begin(async (tx) => {
      // The commit does not wait for the disk (some 18 ms of a large sync, on a quiet machine). Nothing is lost: a
      // sync runs in the flags job, which pg-boss marks done in a later commit that does wait, for this one's record
      // too; a crash before that leaves the job to run again, and the flags are worked out afresh from the figures.
      await tx`set local synchronous_commit = off`;
      await tx`select pg_advisory_xact_lock(hashtext('lantern flag sync'))`;
      // Taken, not shared, while this sync changes it in place: another sync of this pool that gets the lock before this one's memory is put back reads the table.
      const memory = REMEMBERED.get(sql);
      REMEMBERED.delete(sql);
      const lines = typeof found === 'function' ? await found(tx) : found;
      return keep(tx, memory, metrics, isLines(lines) ? partsOf(metrics, refuseStrays(metrics, lines)) : checkedParts(metrics, lines), at);
    })
    .catch((error: unknown) => {
      REMEMBERED.delete(sql);
      throw error;
    });
  // Put back only once committed: a sync rolled back leaves the memory at a generation the table never had.
  if (kept.memory) REMEMBERED.set(sql, kept.memory);
  return kept.sync;
}

const isLines = (found: readonly FlagLine[] | Iterable<FlagPart>): found is readonly FlagLine[] => Array.isArray(found);

function refuseStrays(metrics: readonly string[], found: readonly FlagLine[]): readonly FlagLine[] {
  const among = new Set(metrics);
  let last: string | null = null;
  for (const flag of found) {
    if (flag.metric === last) continue;
    if (flag.metric === null || !among.has(flag.metric)) throw new RangeError(`a flag on ${flag.metric ?? 'no metric'} is not among the metrics brought up to date`);
    last = flag.metric;
  }
  return found;
}

/** What a line read, without its sentence: kept for every open flag a server remembers. */
type Reading = Pick<FlagLine, 'ruleVersion' | 'period' | 'figures'>;

/**
 * An open flag as a sync compares it. A comparison marks each open flag a
 * line finds with its own number and that line, so that the flags left
 * unmarked are the ones to clear, without a map of tens of thousands of
 * matches; a changed flag's fingerprint and reading are brought up to date
 * in place.
 */
class OpenFlag {
  mark = 0;
  line: FlagLine | undefined = undefined;

  constructor(
    readonly id: number,
    readonly area: string,
    readonly rule: string,
    readonly metric: string,
    readonly subject: string,
    public fingerprint: string,
    /** What it read, when this server stored or compared it: an unchanged flag is told by these without its line's fingerprint being made. */
    public reading: Reading | undefined = undefined,
  ) {}
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

/** The number of the last comparison, which marks the open flags it found. */
let comparisons = 0;

async function keep(tx: Db, memory: Memory | undefined, metrics: readonly string[], parts: Iterable<FlagPart>, at: Date): Promise<{ sync: FlagSync; memory: Memory | undefined }> {
  const [{ generation }] = [...(await tx<{ generation: number }[]>`select generation::int as generation from flag_sync`)] as [{ generation: number }];
  let known = memory?.generation === generation ? memory : undefined;
  if (!known && metrics.length >= REMEMBER_FROM) known = { generation, byMetric: byMetric(await readOpen(tx)) };
  const open = known?.byMetric ?? byMetric(await readOpen(tx, metrics));
  // Compared a part of the metrics at a time, each part's writes sent before the next part is compared.
  const fresh: Shelf<FlagLine> = new Map();
  const writes = new Writes(tx, at);
  const sync = { raised: 0, changed: 0, cleared: 0 };
  for (const part of parts) {
    const moved = compare(open, part.metrics, part.lines, fresh);
    await writes.send(moved.raised, moved.changed, moved.cleared);
    sync.raised += moved.raised.length;
    sync.changed += moved.changed.length;
    sync.cleared += moved.cleared.length;
  }
  if (sync.raised + sync.changed + sync.cleared === 0) return { sync, memory: known };
  const [made, next] = await writes.done();
  if (!known) return { sync, memory: undefined };
  for (const flag of made) {
    const line = onShelf(fresh, flag);
    if (line) flag.reading = readingOf(line);
    shelve(known.byMetric, flag);
  }
  return { sync, memory: { generation: next, byMetric: known.byMetric } };
}

/** Lines compared at most before what they move is sent to be written: PostgreSQL writes one part while the next is compared. */
const LINES_A_PART = 5000;

/**
 * Parts given one by one, each checked as it comes: its lines on its own
 * metrics, each metric in one part only; then, as a last part with no lines,
 * the metrics no part named, whose flags are cleared.
 */
function* checkedParts(metrics: readonly string[], parts: Iterable<FlagPart>): Generator<FlagPart> {
  const left = new Set(metrics);
  for (const part of parts) {
    for (const metric of part.metrics) {
      if (!left.has(metric)) throw new RangeError(`the metric ${metric} is in two parts, or not among the metrics brought up to date`);
      left.delete(metric);
    }
    refuseStrays(part.metrics, part.lines);
    yield part;
  }
  if (left.size > 0) yield { metrics: [...left], lines: [] };
}

/** The metrics in parts of about LINES_A_PART lines found, each with its lines: a metric's lines are all in its part. */
function partsOf(given: readonly string[], found: readonly FlagLine[]): FlagPart[] {
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
  // A metric's lines mostly come together: its part is looked up once for each run of them.
  let last: string | null = null;
  let into = parts[0]!;
  for (const line of found) {
    if (line.metric !== last) into = partOf.get((last = line.metric)!)!;
    into.lines.push(line);
  }
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

  async send(raised: readonly FlagLine[], changed: readonly Changed[], cleared: readonly OpenFlag[]): Promise<void> {
    const { tx, at } = this;
    if (cleared.length)
      await this.sent(
        this.writing,
        tx`update flag set cleared_at = ${at} where id = any(${numbers(
          tx,
          cleared.map((flag) => flag.id),
          'bigint',
        )})`.execute(),
      );
    for (let from = 0; from < raised.length; from += ROWS_A_STATEMENT) await this.sent(this.raising, raise(tx, raised.slice(from, from + ROWS_A_STATEMENT), at));
    // In the order of their rows, so that one statement's rows share pages.
    const byId = [...changed].sort((a, b) => a.flag.id - b.flag.id);
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

/** An open flag found with other figures, and the line that found it. */
interface Changed {
  readonly flag: OpenFlag;
  readonly line: FlagLine;
}

/**
 * What a sync must do: the flags found and not open (raised), open with
 * another fingerprint (changed), open and not found (cleared); a flag found
 * twice counts as its last finding. Where this server remembers what an open
 * flag read, the same figures mean the same fingerprint, and the line's is not
 * made; where it does not, one that matches is remembered. Each line is
 * looked up on its metric's and council's shelf of open flags and marks the
 * one it finds; only the few found anew are shelved themselves. The open
 * flags are left as the sync will leave them: the cleared taken off their
 * shelves, the changed with their new fingerprint and reading.
 */
function compare(open: Shelf<OpenFlag>, metrics: readonly string[], found: readonly FlagLine[], fresh: Shelf<FlagLine>) {
  const mark = ++comparisons;
  const anew: FlagLine[] = [];
  let metric: string | null | undefined;
  let councils: Map<string, OpenFlag[]> | undefined;
  for (const line of found) {
    // A metric's lines mostly come together: its shelf is looked up once for each run of them.
    if (line.metric !== metric) councils = open.get((metric = line.metric)!);
    const flag = councils && alikeIn(councils.get(line.area), line);
    if (flag) {
      flag.mark = mark;
      flag.line = line;
    } else if (shelve(fresh, line)) anew.push(line);
  }
  const changed: Changed[] = [];
  const cleared: OpenFlag[] = [];
  for (const metric of metrics) {
    const councils = open.get(metric);
    if (!councils) continue;
    let emptied: string[] | undefined;
    for (const here of councils.values()) {
      let gone = 0;
      for (const flag of here) {
        if (flag.mark !== mark) {
          cleared.push(flag);
          gone++;
          continue;
        }
        const line = flag.line!;
        flag.line = undefined;
        if (flag.reading && sameReading(flag.reading, line)) continue;
        if (line.fingerprint !== flag.fingerprint) {
          changed.push({ flag, line });
          flag.fingerprint = line.fingerprint;
        }
        flag.reading = readingOf(line);
      }
      if (gone === here.length) (emptied ??= []).push(here[0]!.area);
      else if (gone > 0)
        councils.set(
          here[0]!.area,
          here.filter((flag) => flag.mark === mark),
        );
    }
    for (const area of emptied ?? []) councils.delete(area);
  }
  // A line found twice raises its last finding, which took its place on the shelf.
  return { raised: anew.map((line) => onShelf(fresh, line)!), changed, cleared };
}

function readingOf({ ruleVersion, period, figures }: FlagLine): Reading {
  return { ruleVersion, period, figures };
}

/** The same version, period and figures, and so the same fingerprint. */
function sameReading(was: Reading, line: FlagLine): boolean {
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

/** The flag of a council's few alike (same rule and subject); a loop, not `find` with a closure, since every line found is looked up. */
function alikeIn<T extends Placed>(here: readonly T[] | undefined, flag: Placed): T | undefined {
  if (here) for (const other of here) if (other.rule === flag.rule && other.subject === flag.subject) return other;
  return undefined;
}

/** Puts a flag on its shelf, in place of one alike; true when there was none. */
function shelve<T extends Placed>(shelf: Shelf<T>, flag: T): boolean {
  let councils = shelf.get(flag.metric!);
  if (!councils) shelf.set(flag.metric!, (councils = new Map()));
  const here = councils.get(flag.area);
  if (!here) {
    councils.set(flag.area, [flag]);
    return true;
  }
  const at = here.findIndex((other) => other.rule === flag.rule && other.subject === flag.subject);
  if (at >= 0) here[at] = flag;
  else here.push(flag);
  return at < 0;
}

function onShelf<T extends Placed>(shelf: Shelf<T>, flag: Placed): T | undefined {
  return alikeIn(shelf.get(flag.metric!)?.get(flag.area), flag);
}

type OpenRow = Pick<OpenFlag, 'id' | 'area' | 'rule' | 'metric' | 'subject' | 'fingerprint'>;

const openFlag = (row: OpenRow) => new OpenFlag(row.id, row.area, row.rule, row.metric, row.subject, row.fingerprint);

/** The open flags on `metrics`, or on every metric. */
async function readOpen(tx: Db, metrics?: readonly string[]): Promise<OpenFlag[]> {
  const rows = await tx<OpenRow[]>`
    select id::int as id, area_code as area, rule, metric_code as metric, subject, fingerprint
    from flag where cleared_at is null and metric_code is not null ${metrics ? tx`and metric_code = any(${metrics}::text[])` : tx``}`;
  return rows.map(openFlag);
}

function byMetric(open: readonly OpenFlag[]): Shelf<OpenFlag> {
  const found: Shelf<OpenFlag> = new Map();
  for (const flag of open) shelve(found, flag);
  return found;
}

// Rows go as one string a column, split by PostgreSQL (string_to_array) and
// set side by side (unnest): the driver's own arrays quote and escape every
// value one by one, which for thousands of sentences took longer than
// PostgreSQL took to write them. Each statement is sent at once (execute),
// not when awaited.
async function raise(sql: Db, lines: readonly FlagLine[], at: Date): Promise<OpenFlag[]> {
  const c = columns(sql, lines);
  const rows = await sql<OpenRow[]>`
    insert into flag (area_code, rule, rule_version, metric_code, subject, period, figures, sentence, fingerprint, raised_at, changed_at)
    select area_code, rule, rule_version, metric_code, subject, period, figures::json, sentence, fingerprint, ${at}, ${at}
    from unnest(${c.area}, ${c.rule}, ${c.version}, ${c.metric}, ${c.subject}, ${c.period}, ${c.figures}, ${c.sentence}, ${c.fingerprint})
      as r(area_code, rule, rule_version, metric_code, subject, period, figures, sentence, fingerprint)
    returning id::int as id, area_code as area, rule, metric_code as metric, subject, fingerprint`.execute();
  return rows.map(openFlag);
}

/**
 * The rows are found by their key (`id = any`), not by joining the whole
 * table, which holds every cleared flag too. Only columns no index reads are
 * written, so that the new version of a row can stay on its page (migration
 * 048).
 */
function change(sql: Db, changes: readonly Changed[], at: Date): Promise<unknown> {
  const c = changedColumns(
    sql,
    changes.map((change) => change.line),
  );
  const ids = numbers(
    sql,
    changes.map((change) => change.flag.id),
    'bigint',
  );
  return sql`
    update flag set rule_version = r.rule_version, period = r.period, figures = r.figures::json, sentence = r.sentence, fingerprint = r.fingerprint, changed_at = ${at}
    from unnest(${ids}, ${c.version}, ${c.period}, ${c.figures}, ${c.sentence}, ${c.fingerprint}) as r(id, rule_version, period, figures, sentence, fingerprint)
    where flag.id = any(${ids}) and flag.id = r.id`.execute();
}

/**
 * The columns a changed flag rewrites, those no index reads, each as one
 * PostgreSQL array. A sentence given as a function is made here, once.
 */
function changedColumns(sql: Db, lines: readonly FlagLine[]) {
  const text = (pick: (line: FlagLine) => string | null) => texts(sql, lines.map(pick));
  return {
    version: numbers(
      sql,
      lines.map((line) => line.ruleVersion),
      'int',
    ),
    period: text((line) => line.period),
    // JSON holds no control character as itself (JSON.stringify escapes them), so it is not looked through for one.
    figures: texts(
      sql,
      lines.map((line) => JSON.stringify(line.figures)),
      'json',
    ),
    sentence: text((line) => (typeof line.sentence === 'function' ? line.sentence() : line.sentence)),
    fingerprint: text((line) => line.fingerprint),
  };
}

/** Every column a raised flag writes, each as one PostgreSQL array. */
function columns(sql: Db, lines: readonly FlagLine[]) {
  const text = (pick: (line: FlagLine) => string | null) => texts(sql, lines.map(pick));
  return {
    ...changedColumns(sql, lines),
    area: text((line) => line.area),
    rule: text((line) => line.rule),
    metric: text((line) => line.metric),
    subject: text((line) => line.subject),
  };
}

/** Between two values of a column sent as one string; and a null. Control characters no flag should hold. */
const APART = '\x1f';
const NONE = '\x1e';

/**
 * A column of text as a PostgreSQL array: one string, split by PostgreSQL;
 * or, should a value hold either control character (or the column be one
 * empty string, which PostgreSQL splits into no value), the driver's own
 * array.
 */
function texts(sql: Db, values: readonly (string | null)[], kind: 'text' | 'json' = 'text') {
  // Looked for one at a time: a search for one character is several times faster than a pattern for either.
  const held = kind === 'text' && values.some((value) => value !== null && (value.includes(APART) || value.includes(NONE)));
  if (held || (values.length === 1 && values[0] === '')) return sql`${values as string[]}::text[]`;
  return sql`string_to_array(${values.map((value) => value ?? NONE).join(APART)}::text, ${APART}::text, ${NONE}::text)`;
}

/** A column of whole numbers as a PostgreSQL array, sent as one string. */
function numbers(sql: Db, values: readonly number[], type: 'int' | 'bigint') {
  return type === 'int' ? sql`string_to_array(${values.join(',')}::text, ',')::int[]` : sql`string_to_array(${values.join(',')}::text, ',')::bigint[]`;
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
