// The benchmark engine: the in-memory index built from the store at start,
// and kept current by listening for loaded batches. A batch of observations
// or metric definitions rebuilds just its metrics; a batch of areas renumbers
// the areas, so it rebuilds everything. Any process that imports (the server
// itself, the CLI beside it) tells the channel when its batch commits.
// After each build or refresh the engine works out the latest period's trends
// of every area, so that no profile waits for them.
//
// The first build takes seconds on a large store, so the server starts the
// engine in the background and answers meanwhile: until the index is built,
// reading it throws FiguresLoading, which the server turns into "figures
// loading" (503, Retry-After) for exactly the pages and API calls that need it.
//
// With a read replica the engine listens on the primary (a hot standby cannot
// LISTEN) and reads from the replica: it builds from it, and on hearing that a
// batch committed it waits until the replica has replayed the commit before
// it reads the batch.
import { setImmediate as nextTurn } from 'node:timers/promises';
import { BenchmarkIndex, type MetricSeries } from '../domain/benchmark/benchmark-index.ts';
import { keepTrends } from '../domain/benchmark/trend-of.ts';
import { loadedBatchIds } from '../store/batches.ts';
import { loadEverySeries, loadIndexAreas, loadIndexMetrics, loadSeries, loadSeriesPeriods, reachOfBatch } from '../store/benchmark-source.ts';
import { onBatchLoaded } from '../store/import-notifications.ts';
import type { Replica } from '../store/read-replica.ts';
import type { Sql } from '../store/store.ts';

export interface BuildReport {
  readonly observations: number;
  readonly bytes: number;
  readonly seconds: number;
}

/** What changed in the index: the metrics a batch refreshed, or everything (a build). */
export type IndexChange = { readonly kind: 'metrics'; readonly codes: readonly string[] } | { readonly kind: 'all' };

export type IndexListener = (change: IndexChange, index: BenchmarkIndex) => void;

/** What reading the index says while its first build is under way. */
export class FiguresLoading extends Error {
  constructor() {
    super('the benchmark index is still being built from the store');
  }
}

export class BenchmarkEngine {
  private current: BenchmarkIndex | undefined;
  private refreshing: Promise<void>;
  private unlisten: (() => Promise<void>) | undefined;
  /** Who keeps figures made from the index (targets' ratings) and must hear when it changes. */
  private readonly listeners = new Set<IndexListener>();
  /** Counts the index's changes: pages made from an earlier generation are stale. */
  generation = 0;
  /** Resolves when the trends of the index's latest periods are all kept. */
  trendsKept: Promise<void> = Promise.resolve();
  /** Resolves once the first index is built; rejects if it cannot be. */
  readonly ready: Promise<void>;

  /**
   * The batches whose figures the index holds: those loaded before it was
   * built, and each refreshed since. Work made from the index for a batch
   * (early warning's flags) waits until the index holds it.
   */
  private readonly held = new Set<number>();

  /** Where the index is read from: the replica when there is one. */
  private readonly reads: Sql;

  private constructor(
    private readonly sql: Sql,
    private readonly log: (line: string) => void,
    listen: boolean,
    private readonly replica: Replica | undefined,
  ) {
    this.reads = replica?.sql ?? sql;
    this.ready = this.open(listen);
    // Batches that load during the first build are refreshed after it, in order.
    this.refreshing = this.ready.catch((error: unknown) => {
      this.log(`benchmark index: could not be built: ${String(error)}`);
    });
  }

  /** Builds the index from the store; with `listen`, keeps it current as batches load. Resolves once built. */
  static async start(sql: Sql, log: (line: string) => void, listen = true, replica?: Replica): Promise<BenchmarkEngine> {
    const engine = BenchmarkEngine.begin(sql, log, listen, replica);
    try {
      await engine.ready;
    } catch (error) {
      await engine.stop();
      throw error;
    }
    return engine;
  }

  /** Starts building the index in the background and returns at once: see `ready` and `isReady`. */
  static begin(sql: Sql, log: (line: string) => void, listen = true, replica?: Replica): BenchmarkEngine {
    return new BenchmarkEngine(sql, log, listen, replica);
  }

  /** Whether the first index is built: until then, reading `index` throws FiguresLoading. */
  get isReady(): boolean {
    return this.current !== undefined;
  }

  get index(): BenchmarkIndex {
    if (this.current === undefined) throw new FiguresLoading();
    return this.current;
  }

  /** Refreshes what a loaded batch touched; refreshes run one after another. */
  batchLoaded(batchId: number): Promise<void> {
    this.refreshing = this.refreshing
      .then(() => this.refresh(batchId))
      .catch((error: unknown) => {
        this.log(`benchmark index: could not refresh after batch ${batchId}: ${String(error)}`);
      });
    return this.refreshing;
  }

  /** Resolves once every refresh asked for so far has finished. */
  settled(): Promise<void> {
    return this.refreshing;
  }

  /** Builds the whole index again, after the refreshes asked for so far: for when a check finds it differs from the store. */
  rebuildAll(): Promise<void> {
    this.refreshing = this.refreshing
      .then(async () => {
        try {
          await this.replica?.caughtUp();
          const loaded = await loadedBatchIds(this.reads);
          const index = await buildIndex(this.reads);
          for (const id of loaded) this.held.add(id);
          this.current = index;
          this.trendsKept = keepAllTrends(index);
          this.changed({ kind: 'all' });
        } finally {
          this.generation++;
        }
      })
      .catch((error: unknown) => {
        this.log(`benchmark index: could not be built again: ${String(error)}`);
      });
    return this.refreshing;
  }

  /** Whether the engine hears of loaded batches: one that does not holds only what it was built from. */
  get listens(): boolean {
    return this.unlisten !== undefined;
  }

  /** Whether the index holds every one of these batches' figures. */
  holds(batchIds: Iterable<number>): boolean {
    for (const id of batchIds) if (!this.held.has(id)) return false;
    return true;
  }

  /** Calls `listener` after each build and each batch's refresh, with what changed; returns how to stop. */
  onChange(listener: IndexListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Tells every listener; one that throws is logged and does not stop the others, nor the refresh. */
  private changed(change: IndexChange): void {
    for (const listener of this.listeners) {
      try {
        listener(change, this.current!);
      } catch (error) {
        this.log(`benchmark index: a listener failed after a change: ${String(error)}`);
      }
    }
  }

  /** Stops listening, then waits for the refreshes already asked for: a store closed under one would fail its reads mid-way. */
  async stop(): Promise<void> {
    await this.unlisten?.();
    await this.refreshing;
  }

  /** Listens first, so that no batch that commits during the build goes unheard. */
  private async open(listen: boolean): Promise<void> {
    if (listen) this.unlisten = (await onBatchLoaded(this.sql, ({ batchId }) => void this.batchLoaded(batchId))).unlisten;
    // Read before the build: a batch that commits after this is heard, and held once refreshed.
    for (const id of await loadedBatchIds(this.reads)) this.held.add(id);
    const index = await buildIndex(this.reads);
    this.current = index;
    this.trendsKept = keepAllTrends(index);
    this.changed({ kind: 'all' });
  }

  private async refresh(batchId: number): Promise<void> {
    try {
      await this.replica?.caughtUp();
      await this.rebuild(batchId);
      this.held.add(batchId);
    } finally {
      this.generation++;
    }
  }

  private async rebuild(batchId: number): Promise<void> {
    if (this.current === undefined) return; // the first build failed: there is nothing to refresh
    const reach = await reachOfBatch(this.reads, batchId);
    if (!reach) return;
    // New areas renumber the index's areas, so every series is built again.
    if (reach.areas) {
      this.current = await buildIndex(this.reads);
      this.trendsKept = keepAllTrends(this.current);
      this.changed({ kind: 'all' });
      return;
    }
    if (reach.metricIds.length === 0) return;
    const metrics = await loadIndexMetrics(this.reads, reach.metricIds);
    // A release says which periods it brought: only those slices are built again.
    await (reach.periods ? loadSeriesPeriods(this.reads, this.current, metrics, reach.periods) : loadSeries(this.reads, this.current, metrics));
    const index = this.current;
    for (const metric of metrics) keepTrends(index, index.metric(metric.code)!);
    this.changed({ kind: 'metrics', codes: metrics.map((metric) => metric.code) });
  }
}

/**
 * Keeps the trends of every series' latest slice, a few metrics at a time
 * (about 20 ms of work per turn), so that requests are answered meanwhile.
 */
export async function keepAllTrends(index: BenchmarkIndex, series: Iterable<MetricSeries> = index.metrics()): Promise<void> {
  let turn = performance.now();
  for (const one of [...series]) {
    keepTrends(index, one);
    if (performance.now() - turn > 20) {
      await nextTurn();
      turn = performance.now();
    }
  }
}

/** The whole index, from metrics' packs where they have one; `packs: false` from the observations alone. */
export async function buildIndex(sql: Sql, options = { packs: true }): Promise<BenchmarkIndex> {
  const index = new BenchmarkIndex(await loadIndexAreas(sql));
  await loadEverySeries(sql, index, await loadIndexMetrics(sql), options);
  return index;
}
