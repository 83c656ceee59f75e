// bench/cluster/start-up: how soon a Lantern server answers with figures at
// 4M observations (the store bench:benchmark generates, 1,000 metrics × 400
// areas × 10 years, reused when present).
//   a. The index build in one process: Lantern's loader reading metrics'
//      packs, best of 3, against the same loader with no packs (a start just
//      after an import of everything) and the loader it replaced
//      (bench/index-build.ts), best of 2, each by the clock and by the CPU
//      of this process and of PostgreSQL; the minutely job's packing of
//      every metric; and, as the yardstick, every row read into JavaScript.
//   b. `lantern serve` from its start (a new Node process, the embedded
//      PostgreSQL started from cold): when it listens, when /health answers,
//      what a page that needs figures answers meanwhile, when /ready says 200,
//      and when that page answers 200. Two starts.
// Targets: the build ≤ 4 s; /ready ≤ 5 s after the start.
// Usage: node --import tsx bench/cluster/start-up.ts
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchmarkIndex } from '../../src/domain/benchmark/benchmark-index.ts';
import { prepareStore, SCALES } from '../benchmark.ts';
import { sameIndex, timeBuild, timePacking, timeReadingEveryRow, type BuildTiming, type Loader } from '../index-build.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const TARGETS = { buildSeconds: 4, readySeconds: 5 } as const;
const POLL_MS = 50;
const STARTS = 2;

const seconds = (s: number) => `${s.toFixed(2)} s`;
const cpu = (t: BuildTiming) => `${seconds(t.seconds)} (CPU: this process ${seconds(t.nodeCpu)}, PostgreSQL ${seconds(t.storeCpu)})`;
const load = () =>
  os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(', ');

export async function startUp(): Promise<void> {
  const scale = SCALES['4m']!;
  const { store, dataDir } = await prepareStore(scale, false);
  console.log(
    `start-up at ${scale.metrics * scale.areas * scale.periods + 2 * scale.areas} observations (${path.relative(ROOT, dataDir)}/); ` + `${os.cpus().length} cores, load average before: ${load()}`,
  );
  try {
    console.log('a. the index build, in one process');
    const packing = await timePacking(store.sql, dataDir);
    console.log(
      `   packing ${packing.metrics.toLocaleString('en-GB')} metrics (${packing.observations.toLocaleString('en-GB')} observations) for the next start, as the minutely job does after an import: ${cpu(packing.timing)}`,
    );
    const runs: Record<Loader, BuildTiming[]> = { lantern: [], unpacked: [], reference: [] };
    const agreement: string[] = [];
    let lanterns: BenchmarkIndex | undefined;
    // Alternately, so that all meet the same caches and the same load on the machine.
    for (const loader of ['lantern', 'unpacked', 'reference', 'lantern', 'unpacked', 'reference', 'lantern'] as const) {
      const { index, timing } = await timeBuild(store.sql, dataDir, loader);
      runs[loader].push(timing);
      if (loader === 'lantern') lanterns = index;
      else agreement.push(`${loader}: ${sameIndex(index, lanterns!)}`);
      console.log(`   ${loader.padEnd(9)} ${cpu(timing)}`);
    }
    const best = (timings: BuildTiming[]) => timings.reduce((a, b) => (b.seconds < a.seconds ? b : a));
    const [lantern, unpacked, reference] = [best(runs.lantern), best(runs.unpacked), best(runs.reference)];
    const against = (other: BuildTiming) =>
      `${(other.seconds / lantern.seconds).toFixed(1)}× the time, ${((other.nodeCpu + other.storeCpu) / (lantern.nodeCpu + lantern.storeCpu)).toFixed(1)}× the CPU`;
    console.log(`   Lantern's loader from packs, best of ${runs.lantern.length}: ${cpu(lantern)} (target ≤ ${TARGETS.buildSeconds} s: ${lantern.seconds <= TARGETS.buildSeconds ? 'ok' : 'OVER'})`);
    console.log(`   the same with no packs, best of ${runs.unpacked.length}: ${cpu(unpacked)}; ${against(unpacked)}`);
    console.log(`   the loader before (reference), best of ${runs.reference.length}: ${cpu(reference)}; ${against(reference)}`);
    console.log(`   the indexes against the one from packs: ${agreement.slice(-2).join('; ')}`);
    const rows = await timeReadingEveryRow(store.sql, dataDir);
    console.log(
      `   every row read into JavaScript (DESIGN.md's yardstick, 3.2 s on a quiet machine), now: ${cpu(rows)}; ` + `Lantern's build takes ${(lantern.seconds / rows.seconds).toFixed(2)}× its time`,
    );
  } finally {
    await store.close();
  }
  console.log('b. lantern serve, from the start of its process');
  for (let start = 1; start <= STARTS; start++) {
    const seen = await serveUntilReady(dataDir);
    console.log(
      `   start ${start}: listening ${seconds(seen.listening)}, /health 200 ${seconds(seen.health)}, ` +
        `/metrics meanwhile ${seen.pageWhileBuilding ?? 'never asked'}, /ready 200 ${seconds(seen.ready)}, /metrics 200 ${seconds(seen.page)} ` +
        `(target /ready ≤ ${TARGETS.readySeconds} s: ${seen.ready <= TARGETS.readySeconds ? 'ok' : 'OVER'}); it said:`,
    );
    for (const line of seen.said) console.log(`      ${line}`);
  }
  console.log(`load average after: ${load()} (${os.cpus().length} cores: other work on the machine makes the clock's figures slower; the CPU figures less so)`);
}

interface StartSeen {
  readonly listening: number;
  readonly health: number;
  readonly ready: number;
  readonly page: number;
  /** What a page that needs figures answered before /ready did: status and Retry-After. */
  readonly pageWhileBuilding: string | undefined;
  /** What the server said, each line with when. */
  readonly said: readonly string[];
}

/** Starts `lantern serve` on the store, asks until /ready and a page say 200, and stops it; seconds from the start. */
async function serveUntilReady(dataDir: string): Promise<StartSeen> {
  const port = await freePort();
  const started = performance.now();
  const since = () => (performance.now() - started) / 1000;
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'lantern.js'), 'serve', '--no-demo', '--port', String(port)], {
    cwd: ROOT,
    env: { ...process.env, LANTERN_DATA_DIR: dataDir },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  let listening = Number.NaN;
  const said: string[] = [];
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    log += text;
    for (const line of text.split('\n').filter((l) => l.trim() !== '')) said.push(`${seconds(since())} ${line.replace(/^Lantern: /, '')}`);
    if (Number.isNaN(listening) && log.includes('listening on')) listening = since();
  });
  const base = `http://127.0.0.1:${port}`;
  const status = (address: string) =>
    fetch(`${base}${address}`).then(
      async (r) => {
        await r.arrayBuffer();
        return { status: r.status, retryAfter: r.headers.get('retry-after') };
      },
      () => undefined,
    );
  try {
    let health = Number.NaN;
    let ready = Number.NaN;
    let pageWhileBuilding: string | undefined;
    while (Number.isNaN(ready)) {
      if (child.exitCode !== null) throw new Error(`lantern serve stopped: ${log}`);
      if (since() > 120) throw new Error(`lantern serve not ready after 120 s: ${log}`);
      const [h, r] = await Promise.all([status('/health'), status('/ready')]);
      if (Number.isNaN(health) && h?.status === 200) health = since();
      if (r?.status === 200) ready = since();
      else if (r !== undefined && pageWhileBuilding === undefined) {
        const page = await status('/metrics');
        if (page) pageWhileBuilding = `${page.status}${page.retryAfter ? `, Retry-After ${page.retryAfter}` : ''}`;
      }
      if (Number.isNaN(ready)) await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    const page = (await status('/metrics'))?.status === 200 ? since() : Number.NaN;
    return { listening, health, ready, page, pageWhileBuilding, said };
  } finally {
    child.kill('SIGTERM');
    if (child.exitCode === null) await once(child, 'exit');
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net
      .createServer()
      .listen(0, '127.0.0.1', () => {
        const { port } = server.address() as net.AddressInfo;
        server.close(() => resolve(port));
      })
      .on('error', reject);
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]!).href) await startUp();
