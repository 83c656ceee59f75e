// bench/web: the web pages under load. Lantern serves the demo data from its
// own process (`lantern serve`, embedded PostgreSQL under bench/output/web/),
// and autocannon, in this process, asks for one page for 10 seconds at a time
// with 20 connections: the home page first, as the reference for this
// machine and run (the lightest page), then an area page and a metric page
// with its map. It prints requests per second, p50 and p99 latency, errors
// and non-2xx answers; then each page type's weight before compression (the
// HTML and everything it loads but fonts); then what one page costs to make
// when it is not in the cache (the first request after an import).
//
// Targets: ≥ 1,000 requests/s for an area page and ≥ 500 for a metric page,
// zero errors; page weight ≤ 200 KB before compression, fonts aside.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const DATA_DIR = path.join(PROJECT, 'bench', 'output', 'web');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 20;
const DURHAM = 'E06000047';
const ACTIVE = 'percentage-of-physically-active-adults';

const LOADS = [
  { label: 'home page (reference)', path: '/', target: undefined },
  { label: 'area page', path: `/areas/${DURHAM}`, target: 1000 },
  { label: 'metric page with its map', path: `/metrics/${ACTIVE}?area=${DURHAM}`, target: 500 },
] as const;

const PAGE_TYPES = [
  ['home', '/'],
  ['search', '/search?q=active'],
  ['councils', '/areas'],
  ['area', `/areas/${DURHAM}`],
  ['metric, with map', `/metrics/${ACTIVE}?area=${DURHAM}`],
  ['metric, region', `/metrics/${ACTIVE}?area=${DURHAM}&group=region`],
  ['compare', `/areas/${DURHAM}/compare`],
  ['metric library', '/metrics'],
] as const;
const WEIGHT_LIMIT = 200 * 1024;

async function startLantern(): Promise<{ child: ChildProcess; base: string }> {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const child = spawn(process.execPath, [path.join(PROJECT, 'bin', 'lantern.js'), 'serve', '--port', '0'], {
    cwd: PROJECT,
    env: { ...process.env, LANTERN_DATA_DIR: DATA_DIR, NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let said = '';
  const base = await new Promise<string>((resolve, reject) => {
    child.stderr!.on('data', (chunk: Buffer) => {
      said += chunk.toString();
      const port = /listening on http:\/\/localhost:(\d+)/.exec(said)?.[1];
      if (port) resolve(`http://127.0.0.1:${port}`);
    });
    child.once('exit', (code) => reject(new Error(`lantern serve stopped (${code}):\n${said}`)));
  });
  return { child, base };
}

async function load(base: string, address: string) {
  const result = await autocannon({ url: base + address, connections: CONNECTIONS, duration: SECONDS });
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    total: result.requests.total,
  };
}

/** The bytes of a page and of every stylesheet, script and image it loads (fonts aside). */
async function weigh(base: string, address: string) {
  const html = await (await fetch(base + address)).text();
  const loads = [...html.matchAll(/<(?:link[^>]+href|script[^>]+src|img[^>]+src)="(\/[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));
  let bytes = Buffer.byteLength(html);
  const parts = [`HTML ${kb(Buffer.byteLength(html))}`];
  for (const resource of new Set(loads)) {
    const body = Buffer.from(await (await fetch(base + resource)).arrayBuffer());
    bytes += body.length;
    parts.push(`${path.basename(resource.split('?')[0]!)} ${kb(body.length)}`);
  }
  return { bytes, parts };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

async function main(): Promise<void> {
  console.log(
    `machine: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}; ${SECONDS} s per page, ${CONNECTIONS} connections, autocannon in this process, Lantern in its own`,
  );
  const { child, base } = await startLantern();
  try {
    for (const { path: address } of LOADS) await fetch(base + address); // made once, then served from the cache
    console.log('\nload                         req/s     p50 ms   p99 ms   errors   non-2xx   target');
    let reference = 0;
    for (const { label, path: address, target } of LOADS) {
      const r = await load(base, address);
      reference ||= r.perSecond;
      const verdict = target === undefined ? '' : `≥ ${fmt(target)}: ${r.perSecond >= target && r.errors === 0 && r.non2xx === 0 ? 'ok' : 'UNDER'}`;
      console.log(
        `${label.padEnd(26)} ${fmt(r.perSecond).padStart(7)}   ${fmt(r.p50, 1).padStart(6)}   ${fmt(r.p99, 1).padStart(6)}   ${String(r.errors).padStart(6)}   ${String(r.non2xx).padStart(7)}   ${verdict}${target === undefined ? '' : `  (${fmt(r.perSecond / reference, 2)}× the reference)`}`,
      );
    }
    console.log('\npage weight before compression (fonts aside)');
    for (const [name, address] of PAGE_TYPES) {
      const { bytes, parts } = await weigh(base, address);
      console.log(`${name.padEnd(18)} ${kb(bytes).padStart(9)}  ${bytes <= WEIGHT_LIMIT ? 'ok' : 'OVER'}   ${parts.join(', ')}`);
    }
    console.log('\na page not in the cache (as after an import), 20 councils each');
    const councils = ((await (await fetch(`${base}/api/areas?type=unitary&current=true&limit=20`)).json()) as { items: { code: string }[] }).items.map((a) => a.code);
    for (const [name, make] of [
      ['area page', (code: string) => `/areas/${code}`],
      ['metric page', (code: string) => `/metrics/${ACTIVE}?area=${code}&group=region`],
    ] as const) {
      const times: number[] = [];
      for (const code of councils) {
        const started = performance.now();
        await (await fetch(base + make(code))).arrayBuffer();
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      console.log(`${name.padEnd(18)} p50 ${fmt(times[Math.floor(times.length / 2)]!, 1)} ms, slowest ${fmt(times[times.length - 1]!, 1)} ms`);
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

await main();
