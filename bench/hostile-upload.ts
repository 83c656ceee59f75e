// A hostile upload against a running Lantern: a CSV of N MB whose quote on
// line 2 is never closed, sent to POST /api/imports of `lantern serve` in its
// own process, while this process asks for /health every 20 ms. It prints
// /health's latency at rest (the reference) and during the upload and its
// refusal, the time to the answer, and the server's peak resident memory.
// The targets: /health p99 under 50 ms meanwhile, RSS under 300 MB.
//
//   npm run bench:hostile-upload            # 300 MB
//   npm run bench:hostile-upload -- 40      # 40 MB
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { openStore } from '../src/store/store.ts';
import { administratorToken, bearer } from '../test/support/access.ts';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = path.join(PROJECT, 'bench', 'output', 'hostile-upload');
const MEGABYTES = Number(process.argv[2] ?? 300);
const ROW = 'healthy-life-expectancy-at-birth-female,E06000047,2019/20 - 21/22,59.7\n';

function hostileFile(megabytes: number): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-hostile-')), `unclosed-${megabytes}mb.csv`);
  const block = ROW.repeat(Math.ceil((1024 * 1024) / ROW.length));
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, `metric,area,period,value\n"${ROW}`);
  for (let written = 0; written < megabytes * 1024 * 1024; written += block.length) fs.writeSync(fd, block);
  fs.closeSync(fd);
  return file;
}

/** Asks for /health every 20 ms until `until` settles; the latencies in ms. */
async function pollHealth(base: string, until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => {
    done = true;
  });
  const latencies: number[] = [];
  while (!done) {
    const started = performance.now();
    await (await fetch(`${base}/health`)).arrayBuffer();
    latencies.push(performance.now() - started);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  return latencies;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))] ?? NaN;
}

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmHWM:\s+(\d+) kB/.exec(status)?.[1] ?? NaN) / 1024;
}

fs.rmSync(DATA_DIR, { recursive: true, force: true });
const server = spawn(process.execPath, ['bin/lantern.js', 'serve', '--no-demo', '--port', '0'], {
  cwd: PROJECT,
  env: { ...process.env, LANTERN_DATA_DIR: DATA_DIR },
  stdio: ['ignore', 'ignore', 'pipe'],
});
let log = '';
const port = await new Promise<number>((resolve, reject) => {
  server.stderr!.on('data', (chunk: Buffer) => {
    log += chunk.toString();
    const match = /listening on http:\/\/localhost:(\d+)/.exec(log);
    if (match) resolve(Number(match[1]));
  });
  server.once('exit', () => reject(new Error(`lantern serve stopped:\n${log}`)));
});
const base = `http://127.0.0.1:${port}`;
const store = await openStore({ dataDir: DATA_DIR, role: 'bench' });
const file = hostileFile(MEGABYTES);
try {
  const token = await administratorToken(store.sql);
  const atRest = await pollHealth(base, new Promise((resolve) => setTimeout(resolve, 3000)));
  const peakBefore = peakRssMb(server.pid!);
  console.log(`/health at rest (reference): p50 ${percentile(atRest, 0.5).toFixed(1)} ms, p99 ${percentile(atRest, 0.99).toFixed(1)} ms (${atRest.length} requests)`);
  const started = performance.now();
  const upload = fetch(`${base}/api/imports?fileName=unclosed.csv`, {
    method: 'POST',
    headers: { ...bearer(token), 'Content-Type': 'text/csv' },
    body: Readable.toWeb(fs.createReadStream(file)) as ReadableStream,
    duplex: 'half',
  } as RequestInit).then(async (response) => ({ status: response.status, body: (await response.json()) as { code?: string; message?: string } }));
  const during = await pollHealth(base, upload);
  const answer = await upload;
  const seconds = (performance.now() - started) / 1000;
  console.log(`upload of ${MEGABYTES} MB with a quote never closed on line 2: ${answer.status} ${answer.body.code ?? ''} in ${seconds.toFixed(2)} s`);
  console.log(`  ${answer.body.message ?? ''}`.slice(0, 200));
  console.log(
    `/health meanwhile: p50 ${percentile(during, 0.5).toFixed(1)} ms, p99 ${percentile(during, 0.99).toFixed(1)} ms (${during.length} requests; ${(percentile(during, 0.99) / percentile(atRest, 0.99)).toFixed(1)}× the reference p99)`,
  );
  console.log(`lantern serve's peak RSS: ${peakBefore.toFixed(0)} MB before the upload (start-up: maps, index), ${peakRssMb(server.pid!).toFixed(0)} MB after`);
} finally {
  await store.close();
  server.kill('SIGTERM');
  await new Promise((resolve) => server.once('exit', resolve));
  fs.rmSync(path.dirname(file), { recursive: true, force: true });
}
