// Early warning's flags, stored: after each loaded batch its metrics' flags
// are worked out again on the benchmark index and the store's flag table is
// brought to them (raised, changed, cleared); after a server's first build,
// every metric's. The work is a job, so that however many servers hear of a
// batch, one stores its flags: each sends the job under an id made from the
// batch, and pg-boss keeps one.
//
// Batches may commit out of order and servers' indexes may lag one another.
// So the job works its flags out while it holds the flag sync's lock, and
// first waits until its own index holds every batch loaded by then: each
// sync reads an index at least as new as the one before it, and the flags
// end the same whatever order batches and jobs ran in.
//
// Off trajectory reads the agreed targets (agreements signed off or in
// refresh). A change to a target touches its agreement's revision, and so
// the agreements' stamp; the minutely check reads that stamp and, when it
// moved, works out every flag again: one small query a minute, and no hook in
// the targets' own code. It does the same when the day turns, since a
// return's being overdue depends on the date alone.
import crypto from 'node:crypto';
import type { BenchmarkIndex } from '../domain/benchmark/benchmark-index.ts';
import { fingerprintOf, flagSentence, type Flag, type SentenceMetric } from '../domain/early-warning/index.ts';
import type { Polarity } from '../domain/metric/index.ts';
import type { Target } from '../domain/targets/index.ts';
import type { BenchmarkEngine } from '../engine/benchmark-engine.ts';
import { FlagBook, readsNeighbours, type FlagContext } from '../engine/early-warning.ts';
import { asTarget, rateTargets } from '../engine/target-progress.ts';
import { agreementsOf } from '../store/agreements.ts';
import { agreementsStamp } from '../store/agreements-stamp.ts';
import { loadedBatchIds } from '../store/batches.ts';
import { metricsFlagged, metricsOfBatch, syncFlags, type FlagLine, type FlagPart, type FlagSync } from '../store/flags.ts';
import { onBatchLoaded } from '../store/import-notifications.ts';
import { nearestNeighboursOfEvery } from '../store/published-neighbours.ts';
import type { Db, Sql } from '../store/store.ts';
import { targetsInForce, type StoredTarget } from '../store/targets.ts';
import type { JobDefinition, JobQueue, JobRunner } from './job-runner.ts';

export const FLAGS: JobQueue = {
  queue: 'flags',
  // Storing every council's flags takes well under a second; waiting for a lagging index takes up to INDEX_WAIT_MS.
  expireInSeconds: 120,
  retryLimit: 5,
  retryDelaySeconds: 5,
  pollSeconds: 2,
};

export const FLAGS_CHECK: JobQueue = { queue: 'flags-check', every: '* * * * *', expireInSeconds: 120, retryLimit: 1, retryDelaySeconds: 30, pollSeconds: 30 };

/** How long a job waits for its server's index to hold the batches loaded; then it fails, to be retried (perhaps elsewhere). */
const INDEX_WAIT_MS = 30_000;

/** Agreements whose targets are agreed: signed off, or in refresh (still in force as signed). */
const AGREED = new Set(['signed_off', 'in_refresh']);

export function flagsJob(sql: Sql, engine: BenchmarkEngine, log: (line: string) => void): JobDefinition {
  return {
    ...FLAGS,
    async run(data) {
      const scope = typeof data.batchId === 'number' ? data.batchId : 'all';
      const kept = await storeFlags(sql, engine, scope);
      if (kept.raised + kept.changed + kept.cleared > 0) {
        log(`Lantern: early-warning flags ${scope === 'all' ? 'of every metric' : `after batch ${scope}`}: ${kept.raised} raised, ${kept.changed} changed, ${kept.cleared} cleared`);
      }
    },
  };
}

/** Once a minute: every flag again if the agreements (and so the targets) or the day changed since this server last looked. */
export function flagsCheckJob(sql: Sql, engine: BenchmarkEngine, log: (line: string) => void): JobDefinition {
  let seen = '';
  return {
    ...FLAGS_CHECK,
    async run() {
      const now = `${await agreementsStamp(sql)} ${new Date().toISOString().slice(0, 10)}`;
      if (now === seen) return;
      await flagsJob(sql, engine, log).run({}, { queue: FLAGS.queue, id: 'check', attempt: 1 });
      seen = now;
    },
  };
}

/** Sends the flags job for each batch this server hears of, and once for everything when its index is first built; `stop` to stop listening. */
export async function sendFlagJobs(sql: Sql, engine: BenchmarkEngine, runner: JobRunner, log: (line: string) => void): Promise<{ stop: () => Promise<void> }> {
  const say = (error: unknown) => log(`Lantern: could not send an early-warning flags job: ${error instanceof Error ? error.message : String(error)}`);
  const { unlisten } = await onBatchLoaded(sql, ({ batchId }) => {
    runner.send(FLAGS.queue, { batchId }, { id: flagJobId(batchId) }).catch(say);
  });
  engine.ready.then(() => runner.send(FLAGS.queue, {}), say).catch(say);
  return { stop: unlisten };
}

/**
 * Works out the flags of a batch's metrics (or of every metric) on the
 * engine's index and brings the store's to them, at `at`.
 */
export async function storeFlags(sql: Sql, engine: BenchmarkEngine, scope: number | 'all', at = new Date()): Promise<FlagSync> {
  await engine.ready;
  const reach = scope === 'all' ? 'all' : await metricsOfBatch(sql, scope);
  const metrics = reach === 'all' ? [...new Set([...[...engine.index.metrics()].map((s) => s.metric.code), ...(await metricsFlagged(sql))])] : reach;
  if (metrics.length === 0) return { raised: 0, changed: 0, cleared: 0 };
  const find = await flagFinder(sql, metrics, at);
  return syncFlags(
    sql,
    metrics,
    async (tx) => {
      await indexHoldsLoaded(tx, engine);
      return find(engine.index);
    },
    at,
  );
}

/** Gives the flags the rules find on an index, a part of the metrics at a time (flagParts). */
export type FlagFinder = (index: BenchmarkIndex) => Iterable<FlagPart>;

/**
 * The rules on `metrics` as a sync on the day of `at` runs them, with what
 * they read beside the index read from the store now: the agreed targets,
 * and the published neighbours where the reserves horizon is among the
 * metrics (the one rule that reads them: some 20,000 rows, read for a batch
 * of any metric, cost a small batch's sync several times its own work).
 */
export async function flagFinder(sql: Sql, metrics: readonly string[], at: Date): Promise<FlagFinder> {
  const agreed = await agreedTargets(sql);
  const neighbours = metrics.some(readsNeighbours) ? await nearestNeighboursOfEvery(sql) : new Map<string, string[]>();
  const context: FlagContext = { neighbours: (area) => neighbours.get(area) ?? [], today: at.toISOString().slice(0, 10) };
  return (index) => flagParts(index, metrics, agreed, context);
}

/** Lines the rules find at most before a part is handed to the sync: PostgreSQL writes it while the next part is worked out. */
const LINES_A_PART = 5000;

/**
 * The flags the rules find on `metrics` now, as the store keeps them (each
 * sentence made only if it is stored), a part of the metrics at a time: each
 * part is worked out only when the sync asks for it, once the part before has
 * been compared and its writes sent.
 */
export function* flagParts(index: BenchmarkIndex, metrics: readonly string[], agreed: AgreedTargets, context: FlagContext = {}): Generator<FlagPart> {
  const book = new FlagBook((code) => rateTargets(index, targetsOn(index, code, agreed.get(code))), context);
  let part: string[] = [];
  let lines: FlagLine[] = [];
  for (const code of new Set(metrics)) {
    book.recomputeMetrics(index, [code]);
    const metric = index.metric(code)?.metric;
    const named = metric ? { title: metric.title, decimals: metric.decimals, unit: metric.unit } : null;
    for (const flag of book.ofMetric(code).flags) lines.push(lineOf(flag, named));
    part.push(code);
    if (lines.length >= LINES_A_PART) {
      yield { metrics: part, lines };
      [part, lines] = [[], []];
    }
  }
  if (part.length > 0) yield { metrics: part, lines };
}

/**
 * A flag as the store keeps it, its sentence naming `metric`; its sentence
 * and fingerprint made only when asked for, since a sync makes the sentences
 * of the flags it writes only, and compares a remembered flag's figures
 * rather than its fingerprint.
 */
export function lineOf(flag: Flag, metric: SentenceMetric): FlagLine {
  return new FoundFlag(flag, metric);
}

// A class rather than an object with its own getter: tens of thousands are
// made on every full recompute, and instances sharing one shape and one
// prototype's getter and method are several times cheaper to make than
// literals with a getter and a closure each.
class FoundFlag implements FlagLine {
  readonly area: string;
  readonly rule: string;
  readonly ruleVersion: number;
  readonly metric: string | null;
  readonly subject: string;
  readonly period: string | null;
  readonly figures: Flag['values'];
  private made: string | undefined;

  constructor(
    private readonly flag: Flag,
    private readonly named: SentenceMetric,
  ) {
    this.area = flag.area;
    this.rule = flag.rule;
    this.ruleVersion = flag.version;
    this.metric = flag.metric;
    // Two targets on one metric and council are two flags.
    this.subject = flag.rule === 'off_trajectory' ? String(flag.values.target) : '';
    this.period = flag.period;
    this.figures = flag.values;
  }

  sentence(): string {
    return flagSentence(this.flag, this.named);
  }

  get fingerprint(): string {
    return (this.made ??= fingerprintOf(this.flag));
  }
}

/** The agreed targets, by metric. */
export type AgreedTargets = ReadonlyMap<string, readonly StoredTarget[]>;

/** Each pool's agreed targets as last read, under the agreements' stamp read just before them. */
const AGREED_READ = new WeakMap<Sql, { readonly stamp: string; readonly targets: AgreedTargets }>();

/**
 * The targets of the agreements agreed, by metric, so that a batch of a few
 * metrics looks only at theirs. Every change to an agreement or its targets
 * moves the agreements' stamp, so while the stamp stands the targets last
 * read are given again: one small query a job rather than every agreement
 * with its partners.
 */
async function agreedTargets(sql: Sql): Promise<AgreedTargets> {
  const stamp = await agreementsStamp(sql);
  const kept = AGREED_READ.get(sql);
  if (kept?.stamp === stamp) return kept.targets;
  const agreements = (await agreementsOf(sql)).filter((a) => AGREED.has(a.status));
  const targets = new Map<string, StoredTarget[]>();
  for (const target of await targetsInForce(sql, agreements)) {
    const own = targets.get(target.metricCode);
    if (own) own.push(target);
    else targets.set(target.metricCode, [target]);
  }
  AGREED_READ.set(sql, { stamp, targets });
  return targets;
}

/**
 * A metric's agreed targets as the rules read them; on a metric not in the
 * index there is nothing to rate. While the targets read from the store are
 * the same list (the agreements' stamp stands) and the metric's polarity and
 * breaks are unchanged, the list made last time is given again: one lookup a
 * metric, not one for each of its targets.
 */
function targetsOn(index: BenchmarkIndex, code: string, stored: readonly StoredTarget[] | undefined): readonly Target[] {
  const series = index.metric(code);
  if (!series || !stored) return [];
  const { polarity, seriesBreaks = [] } = series.metric;
  const kept = ON_METRIC.get(stored);
  if (kept && readAlike(kept, polarity, seriesBreaks)) return kept.targets;
  const targets = stored.map((t) => targetOf(t, polarity, seriesBreaks));
  ON_METRIC.set(stored, { polarity, seriesBreaks, targets });
  return targets;
}

/** Each metric's agreed targets as last given to the rules, by the list of them read from the store. */
const ON_METRIC = new WeakMap<readonly StoredTarget[], { readonly polarity: Polarity; readonly seriesBreaks: readonly string[]; readonly targets: readonly Target[] }>();

/**
 * Each stored target as last read for the rules. The store keeps a target
 * read until its agreement changes (targetsInForce), so the same target is
 * given again here while it and its metric's polarity and breaks are
 * unchanged; rating then finds it already prepared.
 */
const AS_READ = new WeakMap<StoredTarget, Target>();

function targetOf(stored: StoredTarget, polarity: Polarity, seriesBreaks: readonly string[]): Target {
  const kept = AS_READ.get(stored);
  if (kept && readAlike(kept, polarity, seriesBreaks)) return kept;
  const made = asTarget(stored, polarity, seriesBreaks);
  AS_READ.set(stored, made);
  return made;
}

/** Whether what was kept was read with the metric's polarity and series breaks as they are now. */
function readAlike(kept: { readonly polarity: Polarity; readonly seriesBreaks?: readonly string[] }, polarity: Polarity, seriesBreaks: readonly string[]): boolean {
  const breaks = kept.seriesBreaks ?? [];
  return kept.polarity === polarity && breaks.length === seriesBreaks.length && breaks.every((start, i) => start === seriesBreaks[i]);
}

/** Waits until the engine's index holds every batch loaded as `tx` sees them; an engine that does not listen holds what it has. */
async function indexHoldsLoaded(tx: Db, engine: BenchmarkEngine): Promise<void> {
  if (!engine.listens) return;
  const loaded = await loadedBatchIds(tx);
  const deadline = Date.now() + INDEX_WAIT_MS;
  while (!engine.holds(loaded)) {
    if (Date.now() > deadline) throw new Error(`the benchmark index has not applied every loaded batch within ${INDEX_WAIT_MS / 1000} s`);
    await Promise.race([engine.settled(), new Promise((resolve) => setTimeout(resolve, 50))]);
  }
}

/** The same id for the same batch, whichever server sends it: a UUID (version 5 form) from its hash. */
export function flagJobId(batchId: number): string {
  const hash = crypto.createHash('sha1').update(`${FLAGS.queue} ${batchId}`).digest();
  hash[6] = (hash[6]! & 0x0f) | 0x50;
  hash[8] = (hash[8]! & 0x3f) | 0x80;
  const hex = hash.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
