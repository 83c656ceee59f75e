// Target listings benchmark: what listing targets adds to an area's page, a
// metric's page and a report's targets section (issue 18, item 10). Timed
// in this process on bench:target-pages' store (bench/output/
// bench-4m-target-pages/: 4M observations, 400 councils each with one
// agreement of 50 targets, one in ten a draft), which that bench writes:
// run it first.
//
// Measured, p50 and p99 (nearest rank) over RUNS timed calls after WARM_UP:
//   a. one area's public target lines (publicTargetLines, { areas }): its
//      agreements read, their targets read and rated from the index;
//   b. one metric's public target lines across the 400 areas ({ metric });
//   c. the stamp of the agreements asked on every request for a kept area
//      or metric page (agreementsStamp).
// Each run takes a random area and metric with targets (seeded).
//
// Usage: node --import tsx bench/target-listings.ts
import os from 'node:os';
import { buildIndex } from '../src/engine/benchmark-engine.ts';
import { publicTargetLines } from '../src/server/platform/agreements/target-lines.ts';
import { agreementsStamp } from '../src/store/agreements-stamp.ts';
import { SCALES, prepareStore } from './benchmark.ts';
import { nearestRanks } from './nearest-rank.ts';
import { seededRandom } from './seeded-random.ts';

const RUNS = 200;
const WARM_UP = 20;

const fmt = (n: number, digits = 2) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function timed(work: (run: number) => Promise<unknown>): Promise<{ p50: number; p99: number }> {
  const times: number[] = [];
  for (let run = 0; run < WARM_UP + RUNS; run++) {
    const started = performance.now();
    await work(run);
    if (run >= WARM_UP) times.push(performance.now() - started);
  }
  const [p50, p99] = nearestRanks(times, [0.5, 0.99]);
  return { p50: p50!, p99: p99! };
}

async function main(): Promise<void> {
  const load = os.loadavg().map((n) => fmt(n));
  const { store } = await prepareStore({ ...SCALES['4m']!, name: '4m-target-pages' }, false);
  try {
    const [held] = await store.sql<[{ agreements: number; targets: number }]>`
      select (select count(*)::int from agreement) as agreements, (select count(*)::int from target) as targets`;
    if (held.agreements === 0) throw new Error('the store holds no agreements: run npm run bench:target-pages first');
    const index = await buildIndex(store.sql);
    const areas = (await store.sql<{ code: string }[]>`select distinct unnest(areas) as code from agreement order by 1`).map((r) => r.code);
    const metrics = (await store.sql<{ code: string }[]>`select distinct metric_code as code from target order by 1`).map((r) => r.code);
    const random = seededRandom(10);
    const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)]!;
    let lines = 0;
    const area = await timed(async () => (lines = (await publicTargetLines(store.sql, index, { areas: [pick(areas)] })).length));
    const areaLines = lines;
    const metric = await timed(async () => (lines = (await publicTargetLines(store.sql, index, { metric: pick(metrics) })).length));
    const stamp = await timed(() => agreementsStamp(store.sql));
    console.log(`Target listings: ${held.agreements} agreements, ${held.targets} targets, ${index.size().observations.toLocaleString('en-GB')} observations`);
    console.log(`Node ${process.version}, ${os.cpus().length} cores, load before ${load.join(' ')}; ${RUNS} runs after ${WARM_UP}`);
    console.log(`  a. one area's target lines (${areaLines} lines):    p50 ${fmt(area.p50)} ms, p99 ${fmt(area.p99)} ms`);
    console.log(`  b. one metric's target lines (${lines} lines):    p50 ${fmt(metric.p50)} ms, p99 ${fmt(metric.p99)} ms`);
    console.log(`  c. the agreements' stamp, per kept page request:   p50 ${fmt(stamp.p50)} ms, p99 ${fmt(stamp.p99)} ms`);
  } finally {
    await store.close();
  }
}

await main();
