// bench/cluster/import-spread: how soon an import through one Lantern server
// is served by another. One PostgreSQL on this machine (the embedded server,
// in a temporary folder, with a streaming replica beside it: see
// test/support/replica.ts) and three `lantern serve` processes: A loads the
// demo data and takes the imports, B reads from the primary, C from the
// replica (LANTERN_DATABASE_READ_URL). Each round imports a batch of one
// revised value through A's API, and polls B's and C's league table every
// 10 ms until it shows the value. The batch's commit is the moment this
// process hears its notification on the primary (PostgreSQL sends it at
// commit), the same signal the servers' engines hear; each delay runs from
// there to the first answer showing the value. It prints p50, p95 and the
// slowest for B and for C, and how long A took to answer the import.
//
// Target (issue 14): the other server serves an import's figures within
// 1 s (p50) of the batch's commit.
// Usage: node --import tsx bench/cluster/import-spread.ts (BENCH_BATCHES, default 30)
import { spawn, type ChildProcess } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { onBatchLoaded } from '../../src/store/import-notifications.ts';
import { administratorToken, bearer } from '../../test/support/access.ts';
import { startReplica } from '../../test/support/replica.ts';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const BATCHES = Number(process.env.BENCH_BATCHES ?? 30);
const POLL_MS = 10;
const TARGET_P50_MS = 1000;
const DURHAM = 'E06000047';
const ACTIVE = 'percentage-of-physically-active-adults';
const TABLE = `/api/benchmark/league-table?metric=${ACTIVE}&area=${DURHAM}&group=region`;

interface Lantern {
  readonly child: ChildProcess;
  readonly base: string;
}

async function serve(name: string, env: Record<string, string>, demo: boolean): Promise<Lantern> {
  const child = spawn(process.execPath, [path.join(PROJECT, 'bin', 'lantern.js'), 'serve', '--port', '0', ...(demo ? [] : ['--no-demo'])], {
    cwd: PROJECT,
    env: { ...process.env, ...env, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let said = '';
  const base = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      const port = /listening on http:\/\/localhost:(\d+)/.exec(said)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    });
    child.once('exit', (code) => reject(new Error(`server ${name} stopped (${code}):\n${said}`)));
  });
  // Ready: migrations applied, store and replica answer, index built.
  for (const deadline = Date.now() + 300_000; (await fetch(`${base}/ready`)).status !== 200;) {
    if (Date.now() > deadline) throw new Error(`server ${name} never became ready:\n${said}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { child, base };
}

async function durhamValue(base: string): Promise<number | null | undefined> {
  const res = await fetch(base + TABLE);
  if (res.status !== 200) return undefined;
  const table = (await res.json()) as { rows: { area: string; value: number | null }[] };
  return table.rows.find((row) => row.area === DURHAM)?.value;
}

/** Milliseconds after `since` when `base` first shows `value`. */
async function seen(base: string, value: number, since: number): Promise<number> {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    if ((await durhamValue(base)) === value) return performance.now() - since;
    await new Promise((resolve) => setTimeout(resolve, POLL_MS));
  }
  throw new Error(`${base} did not show ${value} within 60 s`);
}

const at = (sorted: readonly number[], share: number) => sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
const ms = (n: number) => `${Math.round(n).toLocaleString('en-GB')} ms`.padStart(8);

function summary(label: string, delays: readonly number[], target?: number): string {
  const sorted = [...delays].sort((a, b) => a - b);
  const p50 = at(sorted, 0.5);
  const verdict = target === undefined ? '' : `   target p50 ≤ ${target.toLocaleString('en-GB')} ms: ${p50 <= target ? 'met' : 'MISSED'}`;
  return `${label.padEnd(36)} p50 ${ms(p50)}   p95 ${ms(at(sorted, 0.95))}   slowest ${ms(sorted[sorted.length - 1]!)}${verdict}`;
}

export async function importSpread(): Promise<void> {
  console.log(`machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}; ${BATCHES} batches, polled every ${POLL_MS} ms`);
  const cluster = await startReplica();
  const servers: Lantern[] = [];
  const heard = new Map<number, number>();
  const listening = await onBatchLoaded(cluster.primary.sql, ({ batchId }) => {
    heard.set(batchId, performance.now());
  });
  try {
    const primary = { LANTERN_DATABASE_URL: cluster.databaseUrl, LANTERN_MIGRATION_DATABASE_URL: cluster.migrationDatabaseUrl };
    const started = performance.now();
    servers.push(await serve('A', primary, true));
    console.log(`server A loaded the demo and is ready in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    servers.push(await serve('B', primary, false), await serve('C', { ...primary, LANTERN_DATABASE_READ_URL: cluster.readUrl }, false));
    const [a, b, c] = servers as [Lantern, Lantern, Lantern];
    const token = bearer(await administratorToken(cluster.primary.sql));
    const period = ((await (await fetch(b.base + TABLE)).json()) as { period: string }).period;

    const toB: number[] = [];
    const toC: number[] = [];
    const answered: number[] = [];
    for (let round = 1; round <= BATCHES; round++) {
      const value = 50 + round / 100;
      const sent = performance.now();
      const res = await fetch(`${a.base}/api/imports?fileName=spread-${round}.csv`, {
        method: 'POST',
        headers: { ...token, 'Content-Type': 'text/csv' },
        body: `metric,area,period,value\n${ACTIVE},${DURHAM},${period},${value}\n`,
      });
      const batch = (await res.json()) as { batchId: number; status: string };
      answered.push(performance.now() - sent);
      if (res.status !== 201 || batch.status !== 'loaded') throw new Error(`the import was not loaded: ${res.status} ${JSON.stringify(batch)}`);
      while (!heard.has(batch.batchId)) await new Promise((resolve) => setTimeout(resolve, 1));
      const committed = heard.get(batch.batchId)!;
      const [delayB, delayC] = await Promise.all([seen(b.base, value, committed), seen(c.base, value, committed)]);
      toB.push(delayB);
      toC.push(delayC);
    }
    console.log("\ndelay from a batch's commit (its notification heard) to its figure in the other server's API");
    console.log(summary('server B, reading the primary', toB, TARGET_P50_MS));
    console.log(summary('server C, reading the replica', toC, TARGET_P50_MS));
    console.log(summary('(server A answering the import)', answered));
  } finally {
    await listening.unlisten();
    for (const { child } of servers) {
      child.kill('SIGTERM');
      await new Promise((resolve) => child.once('exit', resolve));
    }
    await cluster.close();
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await importSpread();
