// npm run bench:releases: the release path at issue 20's scale, 400 councils
// × 50 local metrics × 12 months of values held by the councils (240,000).
//
// The store is Lantern's embedded PostgreSQL in a temporary folder, with 400
// unitary areas, each with its council, 50 local metrics (monthly), 10
// published yearly metrics observed for every area (so the area page has
// figures), and a second pool on the same store with its own benchmark
// engine: a second server. Each council's rule for each metric is public as
// soon as the month ends.
//
// 1. The public area page's throughput (autocannon, 10 connections) with no
//    held values, then with the 240,000 held (all provisional): release
//    filtering is that held values live apart from observations, so its cost
//    is the difference. Target: ≤ 10%.
// 2. A day's releases, twelve times: the councils confirm a month (20,000
//    values), and releaseDue runs at the instant it ends; timed from the call
//    until the second server's index holds the batch. Target: p95 ≤ 1 s.
//    Each step is timed too: releaseDue's own (finding the due values,
//    marking them released and staging them, setting aside those where an
//    official value stands, merging into observations, the batch's records,
//    the commit), then until the second server hears the batch, then its
//    index's refresh. Before each release a reference (a fixed query, the
//    same every time) is timed in the same process, so that each figure can
//    be read as a ratio of it on a machine shared with other work; and the
//    processor time of each day's release is read, in PostgreSQL and in
//    this process (both servers), steadier than the clock.
//
// Usage: node --import tsx bench/releases.ts [--councils 400] [--metrics 50] [--seconds 5]
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { readConfig } from '../src/config.ts';
import { parsePeriod, type Period } from '../src/domain/period/index.ts';
import { releaseInstant } from '../src/domain/release/index.ts';
import { BenchmarkEngine } from '../src/engine/benchmark-engine.ts';
import { importFile } from '../src/ingest/import-file.ts';
import { PdfPrinter } from '../src/reports/pdf.ts';
import { createApp } from '../src/server/app.ts';
import { holdValues, type HeldValueInput } from '../src/store/held-values.ts';
import { onBatchLoaded } from '../src/store/import-notifications.ts';
import { lanternSeconds, postgresSeconds } from './processor-time.ts';
import { releaseDue, type ReleaseStep } from '../src/store/releases.ts';
import { openStore, type Sql } from '../src/store/store.ts';

const { values } = parseArgs({ options: { councils: { type: 'string', default: '400' }, metrics: { type: 'string', default: '50' }, seconds: { type: 'string', default: '5' } } });
const COUNCILS = Number(values.councils);
const METRICS = Number(values.metrics);
const SECONDS = Number(values.seconds);
const MONTHS = ['2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12', '2026-01', '2026-02', '2026-03'];
const TARGET = { spreadMs: 1000, cost: 0.1 };

const areaCode = (i: number) => `E06${String(900000 + i).padStart(6, '0')}`;
const metricCode = (i: number) => `local-measure-${i}`;
const log = (line: string) => process.stderr.write(`bench: ${line}\n`);
const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { maximumFractionDigits: digits, minimumFractionDigits: digits });

function periodOf(label: string): Period {
  const parsed = parsePeriod(label);
  if (parsed.kind !== 'ok') throw new Error(label);
  return parsed.period;
}

async function load(sql: Sql, fileName: string, lines: readonly string[]): Promise<void> {
  const result = await importFile(sql, { fileName, input: Readable.from([Buffer.from(lines.join('\n'))]), importedBy: 'bench' });
  if (result.status !== 'loaded') throw new Error(`${fileName}: ${JSON.stringify(result.rejections.slice(0, 3))}`);
}

/** Areas, councils, metrics (local and published), published figures, and each council's rule for each local metric. */
async function seed(sql: Sql): Promise<void> {
  const areas = Array.from({ length: COUNCILS }, (_, i) => areaCode(i));
  // One region holds them all, so that the area page compares each council with its region.
  await load(sql, 'areas.csv', ['code,name,type,region_code', 'E12999999,Bench region,region,', ...areas.map((code, i) => `${code},Council ${i},unitary,E12999999`)]);
  await load(sql, 'metrics.csv', [
    'code,title,polarity,value_kind,period_kind,status',
    ...Array.from({ length: METRICS }, (_, i) => `${metricCode(i)},Local measure ${i},higher_is_better,count,month,local`),
    ...Array.from({ length: 10 }, (_, i) => `published-${i},Published measure ${i},higher_is_better,count,financial_year,published`),
  ]);
  await load(sql, 'published.csv', [
    'metric,area,period,value',
    ...areas.flatMap((code, a) => Array.from({ length: 10 }, (_, m) => `published-${m},${code},2024/25,${100 + ((a * 7 + m * 13) % 97)}`)),
  ]);
  await sql`insert into organisation (name, kind, area_code) select name, 'council', code from area where code like 'E069%'`;
  await sql`
    insert into release_rule (area_id, metric_id, kind, months_after)
    select a.id, m.id, 'public_after_period', 0 from area a, metric m where a.code like 'E069%' and m.status = 'local'`;
}

function monthOf(month: string, provisional: boolean): HeldValueInput[] {
  const period = periodOf(month);
  return Array.from({ length: COUNCILS }, (_, a) =>
    Array.from({ length: METRICS }, (_, m): HeldValueInput => ({ metricCode: metricCode(m), areaCode: areaCode(a), period, value: 1000 + ((a * 31 + m * 17) % 500), provisional, origin: 'return' })),
  ).flat();
}

async function areaPageRate(base: string): Promise<{ perSecond: number; p99: number; non2xx: number }> {
  const url = `${base}/areas/${areaCode(7)}?group=region`;
  const first = await fetch(url);
  if (first.status !== 200) throw new Error(`the area page answered ${first.status}: ${(await first.text()).replace(/<[^>]*>/g, ' ').slice(0, 300)}`);
  await autocannon({ url, connections: 10, duration: 1 }); // warm-up
  const result = await autocannon({ url, connections: 10, duration: SECONDS });
  return { perSecond: result.requests.average, p99: result.latency.p99, non2xx: result.non2xx + result.errors };
}

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

/** The reference: a fixed piece of PostgreSQL's work, timed in the same process before each release. */
async function reference(sql: Sql): Promise<number> {
  const started = performance.now();
  await sql`select sum(length(md5(i::text))) from generate_series(1, 200000) i`;
  return performance.now() - started;
}

const STEPS: readonly { key: ReleaseStep | 'heard' | 'refresh'; label: string }[] = [
  { key: 'find', label: 'find the due values' },
  { key: 'mark', label: 'mark released and stage' },
  { key: 'official', label: 'set aside official' },
  { key: 'merge', label: 'merge into observation' },
  { key: 'record', label: "the batch's records" },
  { key: 'commit', label: 'commit' },
  { key: 'heard', label: 'heard by the second server' },
  { key: 'refresh', label: "second server's index refresh" },
];

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-releases-bench-'));
  const store = await openStore({ dataDir, role: 'bench' });
  const second = await openStore({ dataDir, role: 'bench second server' });
  const printer = new PdfPrinter();
  try {
    const seeded = performance.now();
    await seed(store.sql);
    log(`seeded ${COUNCILS} councils, ${METRICS} local metrics in ${fmt((performance.now() - seeded) / 1000, 1)} s`);
    const engine = await BenchmarkEngine.start(store.sql, () => {}, true);
    const secondEngine = await BenchmarkEngine.start(second.sql, () => {}, true);
    const server = http.createServer(createApp({ config: readConfig(), store, engine, printer, log: () => {} }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const absent = await areaPageRate(base);
    const held = performance.now();
    for (const month of MONTHS) await store.sql.begin((tx) => holdValues(tx, monthOf(month, true), null));
    await store.sql`analyze held_value`;
    const [count] = await store.sql<{ n: number }[]>`select count(*)::int as n from held_value`;
    log(`held ${fmt(count!.n)} provisional values in ${fmt((performance.now() - held) / 1000, 1)} s`);
    const present = await areaPageRate(base);

    const spreads: number[] = [];
    const releases: number[] = [];
    const references: number[] = [];
    const steps = new Map(STEPS.map(({ key }) => [key, [] as number[]]));
    const heard = new Map<number, number>();
    const listening = await onBatchLoaded(second.sql, ({ batchId }) => heard.set(batchId, performance.now()));
    const postgresUsed = postgresSeconds(dataDir);
    const processor = { postgres: [] as number[], lantern: [] as number[] };
    for (const month of MONTHS) {
      await store.sql.begin((tx) => holdValues(tx, monthOf(month, false), null));
      const instant = releaseInstant({ kind: 'public_after_period', months: 0 }, periodOf(month))!;
      references.push(await reference(store.sql));
      const [postgresBefore, lanternBefore] = [postgresUsed(), lanternSeconds()];
      const started = performance.now();
      const release = await releaseDue(store.sql, instant, (step, ms) => steps.get(step)!.push(ms));
      const committed = performance.now();
      releases.push(committed - started);
      if (release.loaded !== COUNCILS * METRICS) throw new Error(`${month}: released ${release.loaded} values, not ${COUNCILS * METRICS}`);
      while (!secondEngine.holds([release.batchId!])) await new Promise((resolve) => setTimeout(resolve, 1));
      const held = performance.now();
      spreads.push(held - started);
      processor.postgres.push((postgresUsed() - postgresBefore) * 1000);
      processor.lantern.push((lanternSeconds() - lanternBefore) * 1000);
      const heardAt = heard.get(release.batchId!) ?? held;
      steps.get('heard')!.push(Math.max(0, heardAt - committed)); // the notice may come before the commit's answer
      steps.get('refresh')!.push(held - heardAt);
      log(`${month}: ${fmt(release.loaded)} values released and on the second server in ${fmt(spreads.at(-1)!)} ms (reference ${fmt(references.at(-1)!)} ms)`);
    }
    await listening.unlisten();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await engine.stop();
    await secondEngine.stop();

    const sortedSpreads = [...spreads].sort((a, b) => a - b);
    const sortedReleases = [...releases].sort((a, b) => a - b);
    const cost = 1 - present.perSecond / absent.perSecond;
    console.log(`\nReleases: ${COUNCILS} councils × ${METRICS} local metrics × ${MONTHS.length} months (${fmt(count!.n)} held values); Node ${process.version}, ${os.cpus().length} cores`);
    console.log(`A day's releases (${fmt(COUNCILS * METRICS)} values, one batch), ${MONTHS.length} days:`);
    console.log(`  releaseDue alone             p50 ${fmt(percentile(sortedReleases, 50))} ms   p95 ${fmt(percentile(sortedReleases, 95))} ms`);
    console.log(
      `  on the second server's index p50 ${fmt(percentile(sortedSpreads, 50))} ms   p95 ${fmt(percentile(sortedSpreads, 95))} ms   target ≤ ${TARGET.spreadMs} ms: ${percentile(sortedSpreads, 95) <= TARGET.spreadMs ? 'met' : 'NOT met'}`,
    );
    const sortedReferences = [...references].sort((a, b) => a - b);
    const reference50 = percentile(sortedReferences, 50);
    console.log(`  each step, p50 and p95 (× the reference's p50 of ${fmt(reference50)} ms, a fixed query before each release):`);
    for (const { key, label } of STEPS) {
      const sorted = [...steps.get(key)!].sort((a, b) => a - b);
      const [p50, p95] = [percentile(sorted, 50), percentile(sorted, 95)];
      console.log(`    ${label.padEnd(31)} p50 ${fmt(p50).padStart(5)} ms   p95 ${fmt(p95).padStart(5)} ms   × ${fmt(p50 / reference50, 2)}`);
    }
    const [postgresCpu, lanternCpu] = [processor.postgres, processor.lantern].map((times) => [...times].sort((a, b) => a - b));
    console.log(
      `  processor time a day, p50 (min): PostgreSQL ${fmt(percentile(postgresCpu!, 50))} ms (${fmt(postgresCpu![0]!)}), this process ${fmt(percentile(lanternCpu!, 50))} ms (${fmt(lanternCpu![0]!)})`,
    );
    const ratios = spreads.map((spread, day) => spread / references[day]!).sort((a, b) => a - b);
    console.log(`  the whole, each day × that day's reference: p50 ${fmt(percentile(ratios, 50), 2)}   best ${fmt(ratios[0]!, 2)}`);
    console.log(`Public area page, ${SECONDS} s × 10 connections:`);
    console.log(`  no held values               ${fmt(absent.perSecond)} requests/s   p99 ${fmt(absent.p99)} ms   ${absent.non2xx} not 2xx`);
    console.log(`  ${fmt(count!.n)} held values      ${fmt(present.perSecond)} requests/s   p99 ${fmt(present.p99)} ms   ${present.non2xx} not 2xx`);
    console.log(
      `  cost of release filtering    ${fmt(cost * 100, 1)}% (ratio ${fmt(present.perSecond / absent.perSecond, 3)})   target ≤ ${TARGET.cost * 100}%: ${cost <= TARGET.cost ? 'met' : 'NOT met'}`,
    );
  } finally {
    await printer.close();
    await second.close();
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
