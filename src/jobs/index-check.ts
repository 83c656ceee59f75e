// The nightly check that the benchmark index holds what the store holds: for
// every metric, its count of observations in the index against the store's.
// The index is kept current by notifications of loaded batches; one missed
// (the listening connection broken at the moment) or a refresh that failed
// would leave it wrong until a restart. A difference is logged and the index
// built again. The job runs on one server a night and checks its index; it
// asks the other servers to check theirs, since each holds its own.
import type { BenchmarkEngine } from '../engine/benchmark-engine.ts';
import { askIndexCheck, observationCounts, onIndexCheckAsked } from '../store/observation-counts.ts';
import { forgetSeriesPacks } from '../store/series-packs.ts';
import type { Sql } from '../store/store.ts';
import type { JobDefinition, JobQueue } from './job-runner.ts';

export interface IndexDifference {
  readonly metric: string;
  readonly index: number;
  readonly store: number;
}

export const INDEX_CHECK: JobQueue = {
  queue: 'index-check',
  every: '30 3 * * *',
  // Counting 4M observations and building the index again take about 10 s; a killed run is retried after 600 + 15 + 300 + 30 s.
  expireInSeconds: 600,
  retryLimit: 2,
  retryDelaySeconds: 300,
  pollSeconds: 30,
};

export function indexCheckJob(sql: Sql, engine: BenchmarkEngine, server: string, log: (line: string) => void): JobDefinition {
  return {
    ...INDEX_CHECK,
    async run() {
      await askIndexCheck(sql, server);
      await checkIndex(sql, engine, log);
    },
  };
}

/** Checks this server's index whenever another server asks; `stop` to stop listening. */
export async function checkIndexWhenAsked(sql: Sql, engine: BenchmarkEngine, server: string, log: (line: string) => void): Promise<{ stop: () => Promise<void> }> {
  const { unlisten } = await onIndexCheckAsked(sql, (from) => {
    if (from === server) return;
    checkIndex(sql, engine, log).catch((error: unknown) => log(`Lantern: could not check the benchmark index: ${error instanceof Error ? error.message : String(error)}`));
  });
  return { stop: unlisten };
}

/**
 * Compares, and on a difference builds the index again. A batch that commits
 * during the count makes a difference for a moment: one is counted again
 * once the refreshes it caused are done, and only a lasting one counts.
 */
export async function checkIndex(sql: Sql, engine: BenchmarkEngine, log: (line: string) => void, settleMs = 1000): Promise<IndexDifference[]> {
  await engine.settled();
  if ((await differences(sql, engine)).length === 0) return [];
  await new Promise((resolve) => setTimeout(resolve, settleMs));
  await engine.settled();
  const lasting = await differences(sql, engine);
  if (lasting.length === 0) return [];
  const shown = lasting
    .slice(0, 5)
    .map((d) => `${d.metric}: ${d.index} in the index, ${d.store} in the store`)
    .join('; ');
  log(`Lantern: the benchmark index differs from the store for ${lasting.length} metric(s) (${shown}${lasting.length > 5 ? '; ...' : ''}); building it again`);
  // From the observations themselves: a pack gone wrong would otherwise build the same difference again.
  await forgetSeriesPacks(sql);
  await engine.rebuildAll();
  return lasting;
}

async function differences(sql: Sql, engine: BenchmarkEngine): Promise<IndexDifference[]> {
  const stored = await observationCounts(sql);
  const indexed = new Map([...engine.index.metrics()].map((series) => [series.metric.code, series.observations()]));
  return [...new Set([...stored.keys(), ...indexed.keys()])]
    .sort()
    .map((metric) => ({ metric, index: indexed.get(metric) ?? 0, store: stored.get(metric) ?? 0 }))
    .filter((d) => d.index !== d.store);
}
