// Packing metrics' observations for the next server to start
// (src/store/series-packs.ts), every minute, by whichever server takes the
// job: an import deletes the packs of the metrics it changed, and this makes
// them again, so a start soon after reads packs. A minute with nothing to
// pack costs one small query. Safe to run twice: the second waits for the
// first's lock and finds nothing left.
import { packMissingSeries } from '../store/series-packs.ts';
import type { Sql } from '../store/store.ts';
import type { JobDefinition, JobQueue } from './job-runner.ts';

export const SERIES_PACKS: JobQueue = {
  queue: 'series-packs',
  every: '* * * * *',
  // Packing all of 4M observations takes about 10 s of PostgreSQL's time, and waits for imports under way to commit.
  expireInSeconds: 600,
  retryLimit: 1,
  retryDelaySeconds: 30,
  pollSeconds: 30,
};

export function seriesPacksJob(sql: Sql, log: (line: string) => void): JobDefinition {
  return {
    ...SERIES_PACKS,
    async run() {
      const started = performance.now();
      const packed = await packMissingSeries(sql);
      if (packed.metrics > 0) {
        log(`Lantern: packed ${packed.metrics} metric(s), ${packed.observations.toLocaleString('en-GB')} observations, for the next start, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
      }
    },
  };
}
