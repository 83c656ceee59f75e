// Import benchmark: how fast, and in how much memory, `lantern import` loads a
// large tidy observations file, measured against the floor PostgreSQL itself
// sets: a plain COPY of the same file into a table with the same columns and
// primary key.
//
// Measured, on a generated file of M metrics × A areas × P periods (default
// 1,000 × 400 × 10 = 4,000,000 rows):
//   a. `lantern import obs.csv` into an empty store (metrics and areas loaded first);
//   b. the same file again into that store: every row unchanged;
//   c. a copy of the file with 1% of the values changed: 1% revised;
//   d. reference: COPY of obs.csv into a bare table on a fresh embedded server;
//   e. the same with the keys compared in byte order (collate "C").
// For a–c the Lantern CLI runs as a child process. We report its whole wall
// time (server start and stop included) and the "in X s" figure of its summary
// line (the import itself), and its peak RSS, polled from /proc/<pid>/status
// every 50 ms (VmRSS, and VmHWM, the kernel's own high-water mark). Only the
// Lantern node process is counted: PostgreSQL runs as separate processes.
// (`/usr/bin/time -f %M` is not used: it folds in the peak RSS of reaped
// children, i.e. the PostgreSQL backends.) While the child runs, a sampler
// reads pg_stat_activity on its server every 200 ms, to tell which phase the
// import time goes to. Targets: import time ≤ 1.5 × COPY, peak RSS < 300 MB.
//
// Usage: npm run bench:import [-- --metrics N --areas N --periods N --keep]
// Data files go to bench/output/data-m<M>-a<A>-p<P>/ and are reused by later
// runs of the same size; the stores go to bench/output/run-<pid>/, removed
// afterwards unless --keep is given.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import postgres from 'postgres';
import { DATABASE_NAME, DATABASE_USER, startEmbeddedServer } from '../src/store/embedded-server.ts';
import { seededRandom } from './seeded-random.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUTPUT = path.join(ROOT, 'bench', 'output');
const SEED = 20240401;
const GENERATOR_VERSION = 1;
const FIRST_YEAR = 2014;
const RSS_POLL_MS = 50;
const PHASE_POLL_MS = 200;

// ─── sizes and data files ──────────────────────────────────────────────────

interface Sizes {
  readonly metrics: number;
  readonly areas: number;
  readonly periods: number;
}

interface Dataset {
  readonly dir: string;
  readonly metricsCsv: string;
  readonly areasCsv: string;
  readonly obsCsv: string;
  readonly changedCsv: string;
  readonly rows: number;
  readonly changedRows: number;
  readonly generatedSeconds: number | null;
}

function readOptions(): { sizes: Sizes; keep: boolean } {
  const { values } = parseArgs({
    options: {
      metrics: { type: 'string', default: '1000' },
      areas: { type: 'string', default: '400' },
      periods: { type: 'string', default: '10' },
      keep: { type: 'boolean', default: false },
    },
  });
  const count = (name: string, text: string, max: number) => {
    const n = Number(text);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${name} must be a whole number from 1 to ${max}, not '${text}'`);
    return n;
  };
  const sizes = { metrics: count('metrics', values.metrics, 9999), areas: count('areas', values.areas, 999_999), periods: count('periods', values.periods, 80) };
  return { sizes, keep: values.keep };
}

/** Buffered synchronous line writer: simple, and fast enough for a few hundred MB. */
class LineWriter {
  private readonly fd: number;
  private buffer = '';

  constructor(file: string) {
    this.fd = fs.openSync(file, 'w');
  }

  write(text: string): void {
    this.buffer += text;
    if (this.buffer.length >= 1 << 20) this.flush();
  }

  close(): void {
    this.flush();
    fs.closeSync(this.fd);
  }

  private flush(): void {
    fs.writeSync(this.fd, this.buffer);
    this.buffer = '';
  }
}

const metricCode = (m: number) => `m${String(m).padStart(4, '0')}`;
const areaCode = (a: number) => `E06${String(a).padStart(6, '0')}`; // a letter and 8 digits; E06 = unitary
const periodLabel = (p: number) => `${FIRST_YEAR + p}/${String((FIRST_YEAR + p + 1) % 100).padStart(2, '0')}`;
const isProportion = (m: number) => m % 2 === 1;

function writeCatalogue(dataset: Dataset, sizes: Sizes): void {
  const metrics = new LineWriter(dataset.metricsCsv);
  metrics.write('code,title,polarity,value_kind,period_kind\n');
  for (let m = 1; m <= sizes.metrics; m++) {
    const polarity = m % 3 === 0 ? 'lower_is_better' : 'higher_is_better';
    metrics.write(`${metricCode(m)},Metric ${m},${polarity},${isProportion(m) ? 'proportion' : 'rate'},financial_year\n`);
  }
  metrics.close();
  const areas = new LineWriter(dataset.areasCsv);
  areas.write('code,name,type\n');
  for (let a = 1; a <= sizes.areas; a++) areas.write(`${areaCode(a)},Area ${a},unitary\n`);
  areas.close();
}

/** value, numerator, denominator: a proportion sometimes carries its counts. */
function randomFigures(random: () => number, proportion: boolean): [string, string, string] {
  if (proportion && random() < 0.25) {
    const denominator = 50 + Math.floor(random() * 5000);
    const numerator = Math.floor(random() * (denominator + 1));
    return [((100 * numerator) / denominator).toFixed(1), String(numerator), String(denominator)];
  }
  const decimals = random() < 0.5 ? 1 : 2;
  return [(random() * (proportion ? 100 : 1000)).toFixed(decimals), '', ''];
}

/** obs.csv and its copy with every hundredth row's value changed (1%). */
function writeObservations(dataset: Dataset, sizes: Sizes): number {
  const random = seededRandom(SEED);
  const header = 'metric,area,period,value,numerator,denominator,lower_ci,upper_ci,flags\n';
  const original = new LineWriter(dataset.obsCsv);
  const changed = new LineWriter(dataset.changedCsv);
  original.write(header);
  changed.write(header);
  const periods = Array.from({ length: sizes.periods }, (_, p) => periodLabel(p));
  let row = 0;
  let changedRows = 0;
  for (let m = 1; m <= sizes.metrics; m++) {
    for (let a = 1; a <= sizes.areas; a++) {
      const key = `${metricCode(m)},${areaCode(a)},`;
      for (const period of periods) {
        const [value, numerator, denominator] = randomFigures(random, isProportion(m));
        const rest = `,${numerator},${denominator},,,\n`;
        original.write(key + period + ',' + value + rest);
        const change = row++ % 100 === 42;
        if (change) changedRows++;
        changed.write(key + period + ',' + (change ? (Number(value) + 1.25).toFixed(2) : value) + rest);
      }
    }
  }
  original.close();
  changed.close();
  return changedRows;
}

function prepareDataset(sizes: Sizes): Dataset {
  const dir = path.join(OUTPUT, `data-m${sizes.metrics}-a${sizes.areas}-p${sizes.periods}`);
  const manifestFile = path.join(dir, 'manifest.json');
  const files = {
    dir,
    metricsCsv: path.join(dir, 'metrics.csv'),
    areasCsv: path.join(dir, 'areas.csv'),
    obsCsv: path.join(dir, 'obs.csv'),
    changedCsv: path.join(dir, 'obs-1pct-changed.csv'),
  };
  const wanted = { sizes, seed: SEED, version: GENERATOR_VERSION };
  const manifest = readJson(manifestFile) as (typeof wanted & { rows: number; changedRows: number }) | undefined;
  if (manifest && JSON.stringify({ sizes: manifest.sizes, seed: manifest.seed, version: manifest.version }) === JSON.stringify(wanted) && Object.values(files).every((file) => fs.existsSync(file))) {
    return { ...files, rows: manifest.rows, changedRows: manifest.changedRows, generatedSeconds: null };
  }
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const started = performance.now();
  const dataset: Dataset = { ...files, rows: sizes.metrics * sizes.areas * sizes.periods, changedRows: 0, generatedSeconds: null };
  writeCatalogue(dataset, sizes);
  const changedRows = writeObservations(dataset, sizes);
  fs.writeFileSync(manifestFile, JSON.stringify({ ...wanted, rows: dataset.rows, changedRows }) + '\n'); // last: marks the files complete
  return { ...dataset, changedRows, generatedSeconds: (performance.now() - started) / 1000 };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

// ─── running the Lantern CLI as a measured child ───────────────────────────

interface ChildRun {
  readonly wallSeconds: number;
  readonly peakRssKb: number;
  /** CPU time (user + system) of the Lantern node process, at the last poll before it exited. */
  readonly cpuSeconds: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly phases: Map<string, number>;
}

/** VmRSS and VmHWM of a live process, in kB; undefined once it has gone. */
function memoryOf(pid: number): { rss: number; hwm: number } | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const field = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? 0);
    return { rss: field('VmRSS'), hwm: field('VmHWM') };
  } catch {
    return undefined;
  }
}

/** User + system CPU seconds of a live process (clock ticks of 1/100 s on Linux); undefined once it has gone. */
function cpuOf(pid: number): number | undefined {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' '); // from field 3 (state) on
    return (Number(fields[11]) + Number(fields[12])) / 100; // fields 14 (utime) and 15 (stime)
  } catch {
    return undefined;
  }
}

function childEnv(dataDir: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, LANTERN_DATA_DIR: dataDir };
  delete env.LANTERN_DATABASE_URL; // always the embedded store in dataDir
  return env;
}

async function runLantern(dataDir: string, args: string[]): Promise<ChildRun> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'lantern.js'), ...args], {
    cwd: ROOT,
    env: childEnv(dataDir),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const pid = child.pid!;
  let peakRssKb = 0;
  let cpuSeconds = 0;
  const poll = setInterval(() => {
    const memory = memoryOf(pid);
    if (memory) peakRssKb = Math.max(peakRssKb, memory.rss, memory.hwm);
    cpuSeconds = cpuOf(pid) ?? cpuSeconds;
  }, RSS_POLL_MS);
  const sampler = new PhaseSampler(dataDir, pid, started);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', (exitCode) => resolve(exitCode));
  });
  const wallSeconds = (performance.now() - started) / 1000;
  clearInterval(poll);
  const phases = await sampler.stop(performance.now());
  await new Promise((resolve) => (child.stdout.readableEnded ? resolve(null) : child.stdout.once('end', resolve)));
  if (code !== 0) throw new Error(`lantern ${args.join(' ')} exited with ${code}:\n${stdout}${stderr}`);
  return { wallSeconds, peakRssKb, cpuSeconds, stdout, stderr, phases };
}

// ─── which phase the import is in, from the child's own server ─────────────

/**
 * Every 200 ms, what the Lantern import's connection is doing, read from
 * pg_stat_activity on the child's embedded server (port from owner.json once
 * the child has started it). Seconds are summed per phase; the time before the
 * server answers is "start", after it stops answering "stop".
 */
class PhaseSampler {
  private readonly seconds = new Map<string, number>();
  private sql: postgres.Sql | undefined;
  private state: 'waiting' | 'connected' | 'gone' = 'waiting';
  private last: number;
  private running: Promise<void> = Promise.resolve();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly dataDir: string,
    private readonly pid: number,
    started: number,
  ) {
    this.last = started;
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.sample());
    }, PHASE_POLL_MS);
  }

  async stop(now: number): Promise<Map<string, number>> {
    clearInterval(this.timer);
    await this.running;
    this.add(this.state === 'connected' ? 'stop' : this.state === 'waiting' ? 'start' : 'stop', now);
    await this.sql?.end({ timeout: 0 }).catch(() => {});
    return this.seconds;
  }

  private add(phase: string, now: number): void {
    this.seconds.set(phase, (this.seconds.get(phase) ?? 0) + (now - this.last) / 1000);
    this.last = now;
  }

  private async sample(): Promise<void> {
    if (this.state === 'gone') return this.add('stop', performance.now());
    if (this.state === 'waiting') this.connect();
    if (!this.sql) return this.add('start', performance.now());
    try {
      const rows = await this.sql<{ query: string }[]>`
        select query from pg_stat_activity where application_name = 'lantern import' and state = 'active'`;
      this.state = 'connected';
      this.add(rows[0] ? phaseOf(rows[0].query) : 'lantern, no query running', performance.now());
    } catch {
      this.add(this.state === 'connected' ? 'stop' : 'start', performance.now());
      if (this.state === 'connected') this.state = 'gone';
    }
  }

  private connect(): void {
    const owner = readJson(path.join(this.dataDir, 'owner.json')) as { pid: number; port: number } | undefined;
    if (this.sql || owner?.pid !== this.pid) return;
    const password = fs.readFileSync(path.join(this.dataDir, 'password'), 'utf8').trim();
    this.sql = postgres({
      host: '127.0.0.1',
      port: owner.port,
      user: DATABASE_USER,
      password,
      database: DATABASE_NAME,
      max: 1,
      connect_timeout: 1,
      onnotice: () => {},
      connection: { application_name: 'lantern bench sampler' },
    });
  }
}

function phaseOf(query: string): string {
  const text = query.trim().toLowerCase();
  if (text.startsWith('copy observation')) return 'COPY into the store (parse, check, stream)';
  if (text.startsWith('copy')) return 'staging COPY (parse, check, stream)';
  // The merge: the changed rows kept apart and analysed, then written.
  if (text.includes('staged_change')) return 'merge';
  if (text.startsWith('commit')) return 'commit';
  return 'other statements';
}

// ─── the four measurements ─────────────────────────────────────────────────

interface Measurement {
  readonly label: string;
  readonly rows: number;
  /** The import's own time: the summary's "in X s", or the COPY's. */
  readonly seconds: number;
  readonly wallSeconds?: number;
  readonly peakRssKb?: number;
  readonly cpuSeconds?: number;
  readonly result: string;
  readonly phases?: Map<string, number>;
}

const SUMMARY = /batch \d+ loaded; (\d+) rows read, (\d+) inserted, (\d+) revised, (\d+) unchanged, (\d+) rejected in ([\d.]+) s/;

async function measureImport(label: string, dataDir: string, file: string, expected: string): Promise<Measurement> {
  process.stderr.write(`bench: ${label} …\n`);
  const run = await runLantern(dataDir, ['import', file]);
  const match = SUMMARY.exec(run.stdout);
  if (!match) throw new Error(`no summary line in the output of lantern import ${file}:\n${run.stdout}${run.stderr}`);
  const [, read, inserted, revised, unchanged, rejected, seconds] = match.map(Number) as number[];
  const result = `${inserted} ins, ${revised} rev, ${unchanged} unch, ${rejected} rej`;
  if (result !== expected) process.stderr.write(`bench: WARNING ${label}: expected ${expected}, got ${result}\n`);
  return { label, rows: read!, seconds: seconds!, wallSeconds: run.wallSeconds, peakRssKb: run.peakRssKb, cpuSeconds: run.cpuSeconds, result, phases: run.phases };
}

/**
 * The reference: the file COPYed into a table of its own columns keyed as
 * (metric, area, period). 'default' is the table as anyone would write it (the
 * database's collation, ICU's root locale); 'C' compares the keys byte by
 * byte, as Lantern's own observation table does for periods.
 */
async function measureCopy(dataDir: string, file: string, rows: number, collation: 'default' | 'C'): Promise<Measurement> {
  const label = collation === 'C' ? 'e. COPY reference, keys in byte order' : 'd. COPY reference (bare table + PK)';
  process.stderr.write(`bench: ${label} …\n`);
  const server = await startEmbeddedServer(dataDir, 'bench-copy');
  const sql = postgres({
    host: '127.0.0.1',
    port: server.port,
    user: DATABASE_USER,
    password: server.password,
    database: DATABASE_NAME,
    max: 1,
    onnotice: () => {},
  });
  try {
    const key = collation === 'C' ? sql.unsafe('collate "C"') : sql``;
    await sql`
      create table t (
        metric text ${key}, area text ${key}, period text ${key}, value double precision, numerator double precision, denominator double precision,
        lower_ci double precision, upper_ci double precision, flags text, primary key (metric, area, period))`;
    const started = performance.now();
    const copy = await sql`copy t from stdin with (format csv, header true)`.writable();
    await pipeline(fs.createReadStream(file, { highWaterMark: 1 << 20 }), copy);
    const seconds = (performance.now() - started) / 1000;
    const [counted] = await sql<{ n: number }[]>`select count(*)::int as n from t`;
    return { label, rows, seconds, result: `${counted!.n} rows copied` };
  } finally {
    await sql.end({ timeout: 5 });
    await server.stop();
  }
}

// ─── the report ────────────────────────────────────────────────────────────

const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });
const mb = (kb: number) => kb / 1024;

function printHeader(sizes: Sizes, dataset: Dataset): void {
  const cpus = os.cpus();
  const size = fs.statSync(dataset.obsCsv).size;
  console.log('Lantern import benchmark');
  console.log(
    `machine: ${cpus.length} cores (${cpus[0]?.model.trim() ?? 'unknown'}), ${fmt(os.totalmem() / 2 ** 30, 1)} GB RAM, ` +
      `${os.platform()}-${os.arch()}, Node ${process.version}, embedded PostgreSQL 17`,
  );
  console.log(
    `sizes: ${fmt(sizes.metrics)} metrics × ${fmt(sizes.areas)} areas × ${fmt(sizes.periods)} periods = ${fmt(dataset.rows)} observations; ` +
      `obs.csv ${fmt(size / 2 ** 20, 1)} MB; the changed copy revises ${fmt(dataset.changedRows)} rows (1%)`,
  );
  const origin = dataset.generatedSeconds === null ? 'reused' : `generated in ${fmt(dataset.generatedSeconds, 1)} s`;
  console.log(`data: ${path.relative(ROOT, dataset.dir)}/ (${origin})`);
  console.log('');
}

function printTable(measurements: readonly Measurement[], copySeconds: number, byteOrderCopySeconds: number): void {
  const header = ['step', 'obs/s', 'import s', 'child wall s', 'import ÷ COPY', 'import ÷ COPY(e)', 'wall ÷ COPY', 'peak RSS MB', 'counts'];
  const rows = measurements.map((m) => [
    m.label,
    fmt(m.rows / m.seconds),
    fmt(m.seconds, 2),
    m.wallSeconds === undefined ? '–' : fmt(m.wallSeconds, 2),
    fmt(m.seconds / copySeconds, 2) + (m.wallSeconds === undefined ? '' : m.seconds / copySeconds <= 1.5 ? ' ok' : ' OVER'),
    fmt(m.seconds / byteOrderCopySeconds, 2),
    m.wallSeconds === undefined ? '–' : fmt(m.wallSeconds / copySeconds, 2),
    m.peakRssKb === undefined ? '–' : fmt(mb(m.peakRssKb), 1) + (mb(m.peakRssKb) < 300 ? ' ok' : ' OVER'),
    m.result,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log('');
}

function printNotes(measurements: readonly Measurement[]): void {
  console.log('targets: import s ÷ COPY s ≤ 1.5 (COPY: d, the plain table); peak RSS < 300 MB. COPY(e): the stricter reference, keys in byte order.');
  console.log('import s: the "in X s" of Lantern\'s summary line (the batch itself); child wall s: the whole `node bin/lantern.js import`');
  console.log('  process, including starting its embedded PostgreSQL and stopping it (shutdown checkpoint). COPY s: the COPY statement only.');
  console.log(`peak RSS: the Lantern node process only (max of VmRSS and VmHWM from /proc/<pid>/status, polled every ${RSS_POLL_MS} ms);`);
  console.log('  PostgreSQL runs as separate processes and is not counted.');
  console.log(`\nwhere the child's wall time went (pg_stat_activity on its server, sampled every ${PHASE_POLL_MS} ms; seconds):`);
  for (const m of measurements) {
    if (!m.phases) continue;
    const parts = [...m.phases].map(([phase, seconds]) => `${phase} ${fmt(seconds, 1)}`);
    console.log(`  ${m.label.slice(0, 2)} ${parts.join(' | ')}`);
  }
  console.log('CPU time of the Lantern node process (user + system; it parses, checks and streams the rows during the staging COPY):');
  console.log('  ' + measurements.map((m) => `${m.label.slice(0, 2)} ${fmt(m.cpuSeconds ?? 0, 1)} s of ${fmt(m.wallSeconds ?? 0, 1)} s wall`).join(' | '));
}

// ─── main ──────────────────────────────────────────────────────────────────

async function main(): Promise<void> {
  const { sizes, keep } = readOptions();
  const dataset = prepareDataset(sizes);
  printHeader(sizes, dataset);
  const runDir = path.join(OUTPUT, `run-${process.pid}`);
  const store = path.join(runDir, 'store');
  try {
    process.stderr.write('bench: importing metrics and areas (not timed) …\n');
    await runLantern(store, ['import', dataset.metricsCsv, dataset.areasCsv]);
    const { rows, changedRows } = dataset;
    const a = await measureImport('a. import, empty store', store, dataset.obsCsv, `${rows} ins, 0 rev, 0 unch, 0 rej`);
    const b = await measureImport('b. re-import, all unchanged', store, dataset.obsCsv, `0 ins, 0 rev, ${rows} unch, 0 rej`);
    const c = await measureImport('c. import, 1% revised', store, dataset.changedCsv, `0 ins, ${changedRows} rev, ${rows - changedRows} unch, 0 rej`);
    const d = await measureCopy(path.join(runDir, 'copy'), dataset.obsCsv, rows, 'default');
    const e = await measureCopy(path.join(runDir, 'copy-c'), dataset.obsCsv, rows, 'C');
    printTable([a, b, c, d, e], d.seconds, e.seconds);
    printNotes([a, b, c]);
  } finally {
    if (keep) process.stderr.write(`bench: stores kept in ${runDir}\n`);
    else fs.rmSync(runDir, { recursive: true, force: true });
  }
}

await main();
