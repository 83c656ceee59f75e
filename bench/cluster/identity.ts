// bench/cluster/identity: what identifying a signed-in viewer adds to a
// request. The whole application, in this process, on the demo data in its
// own embedded store; GET /api/benchmark/league-table asked by the public,
// with a session cookie, and with an API token. Each viewer is loaded with
// autocannon (10 connections, 4 s) in turn, five rounds, after a warm-up;
// the medians are compared. Two figures per request: the time (1 / requests
// per second) and the processor time it took, this process's (Lantern and
// autocannon) and the embedded PostgreSQL's, read from /proc; the second
// holds steadier than the first on a busy machine. Then the identify
// middleware alone, called in this process on Express's own request and
// response objects, for each viewer: what identification itself costs,
// without the noise of the rest of the request around it.
//
// Target (issue 14): overhead of identification ≤ 10% of the public request
// with a session cookie and with a token, judged on the middleware alone
// against the public request's processor time. Before each server
// remembered sessions and tokens, every signed-in request looked its session
// or token up in the store.
//
// Usage: node --import tsx bench/cluster/identity.ts   (BENCH_SECONDS=4 by default)
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import express from 'express';
import { readConfig, type AccessConfig } from '../../src/config.ts';
import { BenchmarkEngine } from '../../src/engine/benchmark-engine.ts';
import { loadDemo } from '../../src/ingest/demo.ts';
import { PdfPrinter } from '../../src/reports/pdf.ts';
import { createApp } from '../../src/server/app.ts';
import { identify } from '../../src/server/platform/identity/identify.ts';
import { hashPassword } from '../../src/server/platform/identity/passwords.ts';
import { newApiToken, sha256 } from '../../src/server/platform/identity/secrets.ts';
import { createApiToken } from '../../src/store/api-tokens.ts';
import { createOrganisation } from '../../src/store/organisations.ts';
import { openStore, type Sql } from '../../src/store/store.ts';
import { createUser } from '../../src/store/users.ts';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const ROUNDS = 5;
const CONNECTIONS = 10;
const TARGET = 0.1;
/** The league table asked for: the same metric in every run, so that runs of different versions compare. */
const METRIC = 'percentage-of-physically-active-adults';
const EMAIL = 'bench@lantern.example';
const PASSWORD = 'a bench password 123';

interface Measured {
  readonly perSecond: number;
  /** Processor time per request, µs: this process and PostgreSQL's. */
  readonly cpu: number;
  readonly p50: number;
  readonly p99: number;
}

async function load(url: string, headers: Record<string, string>, seconds: number, postgres: () => number): Promise<Measured> {
  const [ours, theirs] = [process.cpuUsage(), postgres()];
  const result = await autocannon({ url, connections: CONNECTIONS, duration: seconds, headers });
  const used = process.cpuUsage(ours);
  if (result.non2xx > 0 || result.errors > 0) throw new Error(`${url}: ${result.non2xx} non-2xx answers, ${result.errors} errors`);
  const cpu = (used.user + used.system + (postgres() - theirs)) / result.requests.total;
  return { perSecond: result.requests.average, cpu, p50: result.latency.p50, p99: result.latency.p99 };
}

function median(runs: readonly Measured[]): Measured {
  const middle = (key: keyof Measured) => [...runs].map((r) => r[key]).sort((x, y) => x - y)[Math.floor(runs.length / 2)]!;
  return { perSecond: middle('perSecond'), cpu: middle('cpu'), p50: middle('p50'), p99: middle('p99') };
}

/**
 * The processor time (µs) used so far by the embedded PostgreSQL: its
 * postmaster (named in pg/postmaster.pid) and every process it started, from
 * /proc (Linux); 0 where there is no /proc.
 */
function postgresCpu(dataDir: string): () => number {
  const postmaster = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const tick = 1e6 / 100; // USER_HZ, 100 on Linux
  const stat = (pid: string) => {
    try {
      const fields = fs
        .readFileSync(`/proc/${pid}/stat`, 'utf8')
        .replace(/^.*\) /, '')
        .split(' ');
      return { parent: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) * tick };
    } catch {
      return undefined;
    }
  };
  return () => {
    if (!fs.existsSync('/proc')) return 0;
    let total = 0;
    for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      const found = stat(pid);
      if (found && (Number(pid) === postmaster || found.parent === postmaster)) total += found.cpu;
    }
    return total;
  };
}

/** Signs in through the form as a browser would; the session cookie. */
async function signIn(base: string): Promise<string> {
  const first = await fetch(`${base}/api/session`);
  const presession = first.headers.getSetCookie()[0]!.split(';')[0]!;
  const { csrfToken } = (await first.json()) as { csrfToken: string };
  const response = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Cookie: presession },
    body: new URLSearchParams({ email: EMAIL, password: PASSWORD, _csrf: csrfToken }),
  });
  const cookie = response.headers.getSetCookie().find((c) => c.startsWith('lantern_session='));
  if (!cookie) throw new Error(`sign-in answered ${response.status}`);
  return cookie.split(';')[0]!;
}

const perRequest = (m: Measured) => 1e6 / m.perSecond; // µs of the server's time per request

/** How long each viewer's calls of the middleware alone run, each round. */
const ALONE_MS = 1000;

/**
 * The identify middleware alone, µs a call, for each viewer's headers: on
 * requests made as Express makes them (its request and response, loopback
 * trusted as the app trusts it), with no HTTP, routing or handler around it.
 */
async function identificationAlone(sql: Sql, access: AccessConfig, viewers: readonly [string, Record<string, string>][]): Promise<Map<string, number>> {
  const app = express();
  app.set('trust proxy', 'loopback');
  const step = identify(sql, { idleSeconds: access.sessionIdleSeconds, maxSeconds: access.sessionMaxSeconds });
  const call = (headers: Record<string, string>) =>
    new Promise<void>((resolve, reject) => {
      const req = Object.assign(Object.create(app.request) as express.Request, {
        app,
        method: 'GET',
        url: '/',
        headers: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])),
        socket: { remoteAddress: '127.0.0.1', encrypted: false },
      });
      const res = Object.assign(Object.create(app.response) as express.Response, { app, req, locals: {} });
      const done = step(req, res, (error?: unknown) => (error ? reject(error as Error) : resolve()));
      if (done instanceof Promise) done.catch(reject);
    });
  const runs = new Map<string, number[]>(viewers.map(([name]) => [name, []]));
  const timed = async (headers: Record<string, string>) => {
    const started = performance.now();
    let calls = 0;
    while (performance.now() - started < ALONE_MS) {
      for (let i = 0; i < 100; i++) await call(headers);
      calls += 100;
    }
    return ((performance.now() - started) * 1000) / calls;
  };
  for (const [, headers] of viewers) await timed(headers); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, headers] of viewers) runs.get(name)!.push(await timed(headers));
  }
  return new Map([...runs].map(([name, times]) => [name, times.sort((x, y) => x - y)[Math.floor(times.length / 2)]!]));
}

export async function identityOverhead(): Promise<void> {
  const config = readConfig();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-bench-identity-'));
  const store = await openStore({ dataDir, role: 'bench' });
  try {
    console.log(`identification overhead: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}; loading the demo data from ${config.demoDataDir} …`);
    if (!(await loadDemo(store.sql, config.demoDataDir, () => {}))) throw new Error(`no demo data at ${config.demoDataDir}`);
    const engine = await BenchmarkEngine.start(store.sql, () => {}, false);
    await engine.trendsKept;
    const organisation = await createOrganisation(store.sql, { name: 'Bench partnership', kind: 'regional_partnership', areaCode: null });
    const user = await createUser(store.sql, { email: EMAIL, name: 'Bench', organisationId: organisation.id, role: 'regional_partner', passwordHash: await hashPassword(PASSWORD) });
    const token = newApiToken();
    await createApiToken(store.sql, { userId: user.id, name: 'bench', tokenHash: sha256(token), scopes: ['read'], expiresAt: null });
    const printer = new PdfPrinter(); // never asked to print here, so no browser starts
    const server = http.createServer(createApp({ config, store, engine, printer, log: () => {} }));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const session = await signIn(base);
    const metric = engine.index.metric(METRIC)?.latest() ? METRIC : [...engine.index.metrics()].find((s) => s.metric.status === 'published' && s.latest())!.metric.code;
    const url = `${base}/api/benchmark/league-table?metric=${metric}&area=E06000047&group=region`;
    const postgres = postgresCpu(store.embedded!.dataDir);
    const viewers: [string, Record<string, string>][] = [
      ['the public', {}],
      ['a session cookie', { Cookie: session }],
      ['an API token', { Authorization: `Bearer ${token}` }],
    ];
    for (const [name, headers] of viewers) {
      const answer = await fetch(url, { headers });
      if (answer.status !== 200) throw new Error(`${name}: the league table answered ${answer.status}`);
    }
    console.log(`GET ${url.slice(base.length)}\nautocannon in this process, ${CONNECTIONS} connections, ${SECONDS} s a run, the viewers in turn for ${ROUNDS} rounds after a warm-up; medians\n`);
    for (const [, headers] of viewers) await load(url, headers, 2, postgres); // warm-up: the map boundaries load in the background
    const runs = new Map<string, Measured[]>(viewers.map(([name]) => [name, []]));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, headers] of viewers) runs.get(name)!.push(await load(url, headers, SECONDS, postgres));
    }
    const reference = median(runs.get('the public')!);
    const alone = await identificationAlone(store.sql, config.access, viewers);
    console.log(
      `${'viewer'.padEnd(18)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'µs/request'.padStart(11)} ${'overhead'.padStart(18)} ${'CPU µs/request'.padStart(15)} ${'overhead'.padStart(18)}`,
    );
    const over = (m: Measured, key: (m: Measured) => number) => {
      const extra = key(m) - key(reference);
      return { extra, share: extra / key(reference), said: `${extra >= 0 ? '+' : ''}${extra.toFixed(0)} µs, ${((100 * extra) / key(reference)).toFixed(1)}%` };
    };
    let met = true;
    for (const [name] of viewers) {
      const m = median(runs.get(name)!);
      const [time, cpu] = [over(m, perRequest), over(m, (x) => x.cpu)];
      const shown = (o: typeof time) => (name === 'the public' ? '(reference)' : o.said);
      console.log(
        `${name.padEnd(18)} ${m.perSecond.toFixed(0).padStart(7)} ${String(m.p50).padStart(7)} ${String(m.p99).padStart(7)} ${perRequest(m).toFixed(0).padStart(11)} ${shown(time).padStart(18)} ${m.cpu.toFixed(0).padStart(15)} ${shown(cpu).padStart(18)}`,
      );
    }
    console.log(
      `\nidentification alone: the middleware called in this process, one after another for ${ALONE_MS / 1000} s a run, median of ${ROUNDS}; against the public league table's processor time`,
    );
    for (const [name] of viewers) {
      const extra = alone.get(name)! - alone.get('the public')!;
      const share = extra / reference.cpu;
      if (name !== 'the public' && share > TARGET) met = false;
      console.log(
        `${name.padEnd(18)} ${alone.get(name)!.toFixed(2).padStart(7)} µs a call${name === 'the public' ? '   (reference)' : `   +${extra.toFixed(2)} µs, ${(share * 100).toFixed(1)}% of ${reference.cpu.toFixed(0)} µs`}`,
      );
    }
    console.log(`\ntarget: identification ≤ ${TARGET * 100}% of the public request, with a session cookie and with a token: ${met ? 'ok' : 'OVER'}`);
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await engine.stop();
    await printer.close();
  } finally {
    await store.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await identityOverhead();
