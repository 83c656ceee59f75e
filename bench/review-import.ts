// Progress reviews imported from CSV (issue 18, item 12): an agreement of
// --targets targets, one on each of as many areas (at most the 500 an
// agreement may hold), imported first as a council would,
// then a file of one review a target, each with two actions and its risks,
// every line checked as a review through the API is, its line and ratings
// frozen, and written in one transaction with an audit event each. Printed,
// for each of --runs imports: the time of the whole import and the processor
// time it took in Lantern and in PostgreSQL; then the best and the median.
//
// Usage: node --import tsx bench/review-import.ts [-- --targets 400 --runs 3]
import os from 'node:os';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import { addAgreement } from '../src/server/features/targets/agreements.ts';
import { importReviews } from '../src/server/features/targets/reviews.ts';
import { importTargets } from '../src/server/features/targets/target-import.ts';
import { openBenchCouncil } from './bench-council.ts';
import { nearestRank } from './nearest-rank.ts';
import { lanternSeconds, postgresSeconds } from './processor-time.ts';

const { values } = parseArgs({ options: { targets: { type: 'string', default: '400' }, runs: { type: 'string', default: '3' } } });
const TARGETS = Number(values.targets);
const AREAS = TARGETS;
const METRICS = 1;
const RUNS = Number(values.runs);
const fmt = (n: number) => n.toFixed(2);

const { store, access, areas, close } = await openBenchCouncil('lantern-bench-reviews-', AREAS, METRICS);
try {
  const agreement = await addAgreement(store.sql, access, {
    kind: 'local_area_agreement',
    title: 'Bench LAA',
    firstYear: '2021/22',
    lastYear: '2023/24',
    areas,
    partners: [{ kind: 'council', name: 'Bench council' }],
  });
  const targets = ['reference,metric,areas,kind,baselinePeriod,baselineValue,targetPeriod,targetValue,leadPartner,rule,greenWithinPercent,amberWithinPercent']
    .concat(areas.map((area, a) => `T${a},metric-0,${area},local,2020/21,50,2023/24,55,Bench council,relative,5,10`))
    .join('\n');
  await importTargets(store.sql, access, agreement.id, { fileName: 'targets.csv', input: Readable.from([Buffer.from(`${targets}\n`)]) });
  const reviews = ['target,reviewedOn,likelihood,narrative,risks,actions']
    .concat(areas.map((_, a) => `T${a},2022-09-30,amber,Behind plan in the second quarter,Funding after March,Council|2023-01-31|Extend the service; Partner|2023-03-31|Open two clinics`))
    .join('\n');
  const text = `${reviews}\n`;
  const postgres = postgresSeconds(store.embedded!.dataDir);
  const runs: number[] = [];
  for (let run = 1; run <= RUNS; run++) {
    const [started, lanternBefore, postgresBefore] = [performance.now(), lanternSeconds(), postgres()];
    const result = await importReviews(store.sql, access, agreement.id, { fileName: 'reviews.csv', input: Readable.from([Buffer.from(text)]) });
    const seconds = (performance.now() - started) / 1000;
    runs.push(seconds);
    console.log(
      `run ${run}: ${result.imported} reviews in ${fmt(seconds)} s, ${Math.round(result.imported / seconds)} reviews/s; processor ${fmt(lanternSeconds() - lanternBefore)} s in Lantern, ${fmt(postgres() - postgresBefore)} s in PostgreSQL`,
    );
  }
  console.log(`reviews imported from CSV: best ${fmt(Math.min(...runs))} s, median ${fmt(nearestRank(runs, 0.5))} s over ${RUNS} runs`);
  console.log(`machine: ${os.cpus().length} cores, Node ${process.version}, load average ${os.loadavg().map(fmt).join(', ')}`);
} finally {
  await close();
}
