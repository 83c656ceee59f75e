// bench/cluster/signed-in-pages: an area page for someone signed in against
// the same page for the public. Lantern serves the demo data from its own
// process (`lantern serve`, embedded PostgreSQL under
// bench/output/signed-in-pages/, the demo administrator's password set), the
// bench signs in through the sign-in form as that administrator, and
// autocannon, in this process, asks for County Durham's area page with 50
// connections for 10 seconds: as the public, then with the session cookie;
// each as a browser asks (Accept-Encoding: gzip) and uncompressed (as
// autocannon asks by default). It prints requests per second, p50 and p99
// latency, errors and non-2xx answers, and the signed-in figures as a share
// of the public's; and the processor time each request took in Lantern's
// process and in its PostgreSQL (from /proc), which holds steady on a busy
// machine where requests per second do not.
//
// Target (issue 14): the signed-in area page, asked for as a browser asks,
// at ≥ 500 requests/s with p99 ≤ 100 ms, zero errors.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import autocannon from 'autocannon';

const PROJECT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const DATA_DIR = path.join(PROJECT, 'bench', 'output', 'signed-in-pages');
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONNECTIONS = 50;
const DURHAM = 'E06000047';
const AREA_PAGE = `/areas/${DURHAM}`;
const ADMINISTRATOR = 'admin@lantern.example';
/** The demo administrator's password in this bench's own store, made with it on the first run. */
const PASSWORD = 'signed-in pages bench 2024';
const TARGET = { perSecond: 500, p99: 100 };

async function startLantern(): Promise<{ child: ChildProcess; base: string }> {
  fs.mkdirSync(DATA_DIR, { recursive: true });
  const child = spawn(process.execPath, [path.join(PROJECT, 'bin', 'lantern.js'), 'serve', '--port', '0'], {
    cwd: PROJECT,
    env: { ...process.env, LANTERN_DATA_DIR: DATA_DIR, LANTERN_ADMIN_PASSWORD: PASSWORD, NODE_ENV: 'production' },
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

/** Waits for the area page's figures: a server answers before its index is built, with 503 "figures loading". */
async function figuresLoaded(base: string): Promise<void> {
  for (const started = Date.now(); Date.now() - started < 300_000; await new Promise((resolve) => setTimeout(resolve, 250))) {
    const response = await fetch(base + AREA_PAGE);
    await response.arrayBuffer();
    if (response.status === 200) return;
    if (response.status !== 503) throw new Error(`${AREA_PAGE} answered ${response.status}`);
  }
  throw new Error(`${AREA_PAGE} still had no figures after 5 minutes`);
}

/** Signs in through the form as a browser would (pre-session token, then the form); the session cookie. */
async function signIn(base: string): Promise<string> {
  const session = await fetch(`${base}/api/session`);
  const presession = cookiePair(session);
  const { csrfToken } = (await session.json()) as { csrfToken: string };
  const signedIn = await fetch(`${base}/sign-in`, {
    method: 'POST',
    redirect: 'manual',
    headers: { Cookie: presession },
    body: new URLSearchParams({ email: ADMINISTRATOR, password: PASSWORD, _csrf: csrfToken }),
  });
  if (signedIn.status !== 303) throw new Error(`signing in as ${ADMINISTRATOR} answered ${signedIn.status}: is ${DATA_DIR} from another password? Remove it and run again`);
  return cookiePair(signedIn);
}

function cookiePair(response: Response): string {
  const line = response.headers.getSetCookie().find((c) => !/Max-Age=0/i.test(c));
  if (!line) throw new Error(`${response.url} set no cookie`);
  return line.split(';')[0]!;
}

async function load(base: string, headers: Record<string, string>, cpu: () => ServerCpu) {
  const before = cpu();
  const result = await autocannon({ url: base + AREA_PAGE, connections: CONNECTIONS, duration: SECONDS, headers });
  const after = cpu();
  const perRequest = (key: keyof ServerCpu) => (after[key] - before[key]) / 1000 / Math.max(result.requests.total, 1);
  return {
    perSecond: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts,
    non2xx: result.non2xx,
    lanternMs: perRequest('lantern'),
    postgresMs: perRequest('postgres'),
  };
}

/** Processor time used so far, µs. */
interface ServerCpu {
  readonly lantern: number;
  readonly postgres: number;
}

/**
 * The processor time used so far by Lantern's process and by its embedded
 * PostgreSQL (the postmaster named in postmaster.pid and every process it
 * started), from /proc (Linux); 0 where there is no /proc.
 */
function serverCpu(lantern: number): () => ServerCpu {
  const postmaster = Number(fs.readFileSync(path.join(DATA_DIR, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
  const tick = 1e6 / 100; // USER_HZ, 100 on Linux
  const stat = (pid: string) => {
    try {
      const fields = fs
        .readFileSync(`/proc/${pid}/stat`, 'utf8')
        .replace(/^.*\) /, '')
        .split(' ');
      return { parent: Number(fields[1]), cpu: (Number(fields[11]) + Number(fields[12])) * tick };
    } catch {
      return undefined; // the process ended meanwhile
    }
  };
  return () => {
    if (!fs.existsSync('/proc')) return { lantern: 0, postgres: 0 };
    let postgres = 0;
    for (const pid of fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
      const found = stat(pid);
      if (found && (Number(pid) === postmaster || found.parent === postmaster)) postgres += found.cpu;
    }
    return { lantern: stat(String(lantern))?.cpu ?? 0, postgres };
  };
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

export async function signedInPages(): Promise<void> {
  console.log(
    `signed-in area page: ${os.cpus().length} cores (${os.cpus()[0]?.model.trim()}), Node ${process.version}, load average ${os.loadavg()[0]!.toFixed(1)}; ${AREA_PAGE} for ${SECONDS} s at ${CONNECTIONS} connections, autocannon in this process, Lantern in its own`,
  );
  const { child, base } = await startLantern();
  try {
    await figuresLoaded(base);
    const cookie = await signIn(base);
    // Each page made once (the public's above), so that both runs measure the steady state.
    const signedIn = await (await fetch(base + AREA_PAGE, { headers: { Cookie: cookie } })).text();
    if (!signedIn.includes('href="/account"')) throw new Error('the signed-in area page does not show the account link: the session was not taken');
    const cpu = serverCpu(child.pid!);
    console.log(
      `\n${'viewer'.padEnd(10)} ${'asks for'.padEnd(13)} ${'req/s'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'errors'.padStart(7)} ${'non-2xx'.padStart(8)}   CPU ms/request: Lantern, PostgreSQL`,
    );
    for (const [encoding, accept] of [
      ['gzip', { 'Accept-Encoding': 'gzip' }],
      ['uncompressed', {}],
    ] as const) {
      const figures: Awaited<ReturnType<typeof load>>[] = [];
      for (const [viewer, headers] of [
        ['public', accept],
        ['signed in', { ...accept, Cookie: cookie }],
      ] as const) {
        const r = await load(base, headers, cpu);
        figures.push(r);
        console.log(
          `${viewer.padEnd(10)} ${encoding.padEnd(13)} ${fmt(r.perSecond).padStart(7)} ${fmt(r.p50, 1).padStart(8)} ${fmt(r.p99, 1).padStart(8)} ${String(r.errors).padStart(7)} ${String(r.non2xx).padStart(8)}   ${fmt(r.lanternMs, 2)}, ${fmt(r.postgresMs, 2)}`,
        );
      }
      const [pub, mine] = figures as [Awaited<ReturnType<typeof load>>, Awaited<ReturnType<typeof load>>];
      console.log(
        `${' '.repeat(11)}signed in / public: ${fmt(mine.perSecond / pub.perSecond, 2)}× the requests/s, ${fmt(mine.p99 / Math.max(pub.p99, 1), 2)}× the p99, ${fmt((mine.lanternMs + mine.postgresMs) / (pub.lanternMs + pub.postgresMs), 2)}× the processor time`,
      );
      if (encoding === 'gzip') {
        const met = mine.perSecond >= TARGET.perSecond && mine.p99 <= TARGET.p99 && mine.errors === 0 && mine.non2xx === 0;
        console.log(`${' '.repeat(11)}target, as a browser asks: ≥ ${TARGET.perSecond} requests/s with p99 ≤ ${TARGET.p99} ms: ${met ? 'ok' : 'UNDER'}`);
      }
    }
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await signedInPages();
