// Targets imported from CSV (issue 18: 20,000 targets imported ≤ 5 s): one
// agreement over 400 areas, and a file of 50 targets for each, one on each of
// 50 metrics, every line checked as the API checks a target (metric, areas,
// partner, tolerance rule, the straight trajectory drawn and checked) and
// written in one transaction with its audit events. Printed, for each of
// --runs imports (each into an agreement of its own, on one fresh embedded
// store): the time of the whole import, and the processor time it took in
// Lantern and in PostgreSQL, steadier than the clock on a shared machine;
// then the best and the median run.
//
// Usage: node --import tsx bench/target-import.ts [-- --areas 400 --metrics 50 --runs 3]
import os from 'node:os';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { addAgreement } from '../src/server/features/targets/agreements.ts';
import { importTargets } from '../src/server/features/targets/target-import.ts';
import { openBenchCouncil } from './bench-council.ts';
import { nearestRank } from './nearest-rank.ts';
import { lanternSeconds, postgresSeconds } from './processor-time.ts';

const { values } = parseArgs({
  options: { areas: { type: 'string', default: '400' }, metrics: { type: 'string', default: '50' }, runs: { type: 'string', default: '3' } },
});
const AREAS = Number(values.areas);
const METRICS = Number(values.metrics);
const RUNS = Number(values.runs);
const fmt = (n: number) => n.toFixed(2);

const { store, access, areas, close } = await openBenchCouncil('lantern-bench-targets-', AREAS, METRICS);
try {
  const header = 'reference,metric,areas,kind,baselinePeriod,baselineValue,targetPeriod,targetValue,leadPartner,rule,greenWithinPercent,amberWithinPercent';
  const lines = areas.flatMap((area, a) => Array.from({ length: METRICS }, (_, m) => `T${a}-${m},metric-${m},${area},local,2020/21,50,2023/24,55,Bench council,relative,5,10`));
  const text = [header, ...lines].join('\n') + '\n';
  const postgres = postgresSeconds(store.embedded!.dataDir);
  const runs: { seconds: number; lantern: number; postgres: number }[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const agreement = await addAgreement(store.sql, access, {
      kind: 'local_area_agreement',
      title: `Bench LAA ${run}`,
      firstYear: '2021/22',
      lastYear: '2023/24',
      areas,
      partners: [{ kind: 'council', name: 'Bench council' }],
    });
    const [started, lanternBefore, postgresBefore] = [performance.now(), lanternSeconds(), postgres()];
    const result = await importTargets(store.sql, access, agreement.id, { fileName: 'targets.csv', input: Readable.from([Buffer.from(text)]) });
    const measured = { seconds: (performance.now() - started) / 1000, lantern: lanternSeconds() - lanternBefore, postgres: postgres() - postgresBefore };
    runs.push(measured);
    console.log(
      `run ${run}: ${result.imported} targets (${(text.length / 1e6).toFixed(1)} MB) in ${fmt(measured.seconds)} s, ${Math.round(result.imported / measured.seconds)} targets/s; processor ${fmt(measured.lantern)} s in Lantern, ${fmt(measured.postgres)} s in PostgreSQL`,
    );
  }
  const best = Math.min(...runs.map((r) => r.seconds));
  const median = nearestRank(
    runs.map((r) => r.seconds),
    0.5,
  );
  console.log(`targets imported from CSV: best ${fmt(best)} s, median ${fmt(median)} s over ${RUNS} runs (goal: 20,000 in ≤ 5 s: ${best <= 5 ? 'ok' : 'OVER'})`);
  console.log(`machine: ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg().map(fmt).join(', ')}`);
} finally {
  await close();
}
