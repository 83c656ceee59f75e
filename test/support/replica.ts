// A primary with a real streaming replica, from the embedded binaries. The
// primary is Lantern's embedded server on a fresh folder; the replica is a
// copy of its cluster taken while the primary is in backup mode
// (pg_backup_start / pg_backup_stop, the copy's backup_label written from
// what the stop returns), with standby.signal, primary_conninfo and a
// physical replication slot that keeps the primary's WAL until the replica
// has streamed it. The embedded package ships no pg_basebackup, and needs
// none: the primary's defaults already allow it (wal_level replica, WAL
// senders, initdb's `host replication` line for 127.0.0.1, and the owner
// role is the cluster's superuser).
//
// The replica runs as the same user as the primary (the system user
// `lantern` when the tests run as root), from the same binary.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import postgres from 'postgres';
import { openStore, type Store } from '../../src/store/store.ts';
import { tempDir } from './store.ts';

export interface TestReplica {
  /** The primary, opened as Lantern opens it (migrated), with no replica. */
  readonly primary: Store;
  /** The primary as the application's role, and as the owner, for LANTERN_DATABASE_URL and LANTERN_MIGRATION_DATABASE_URL. */
  readonly databaseUrl: string;
  readonly migrationDatabaseUrl: string;
  /** The replica as the application's role: LANTERN_DATABASE_READ_URL. */
  readonly readUrl: string;
  /** A store on the primary that reads from the replica, as `lantern serve` with LANTERN_DATABASE_READ_URL opens it. */
  openReadingStore(): Promise<Store>;
  /** Stops replaying WAL on the replica (as a replica far behind would be), or resumes it. */
  pauseReplay(paused: boolean): Promise<void>;
  close(): Promise<void>;
}

const SLOT = 'lantern_test_replica';

/** Folders whose contents a base backup leaves out: the standby makes its own. */
const LEFT_OUT = new Set(['pg_wal', 'pg_replslot', 'pg_dynshmem', 'pg_notify', 'pg_serial', 'pg_snapshots', 'pg_stat_tmp', 'pg_subtrans']);
const LEFT_OUT_FILES = new Set(['postmaster.pid', 'postmaster.opts', 'backup_label', 'tablespace_map']);

export async function startReplica(): Promise<TestReplica> {
  const dataDir = tempDir('lantern-primary-');
  const primary = await openStore({ dataDir, role: 'test' });
  const embedded = primary.embedded!;
  const host = `127.0.0.1:${embedded.port}/lantern`;
  const databaseUrl = `postgres://lantern_app:${embedded.appPassword}@${host}`;
  const migrationDatabaseUrl = `postgres://lantern:${embedded.password}@${host}`;
  const replicaDir = tempDir('lantern-replica-');
  let child: ChildProcess | undefined;
  try {
    const server = postmaster(path.join(embedded.dataDir, 'pg'));
    await primary.asOwner((owner) => copyCluster(owner, server.pgDir, replicaDir));
    const port = await freePort();
    standBy(replicaDir, embedded.port, embedded.password, server.runAs);
    const log = fs.openSync(`${replicaDir}.log`, 'a');
    child = spawn(server.binary, ['-D', replicaDir, '-p', String(port), '-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories=', '-c', 'hot_standby_feedback=on'], {
      stdio: ['ignore', log, log],
      ...server.runAs,
      env: { ...process.env, LC_ALL: 'C' },
    });
    fs.closeSync(log);
    const readUrl = `postgres://lantern_app:${embedded.appPassword}@127.0.0.1:${port}/lantern`;
    await waitForStandby(readUrl, child);
    const owner = postgres(`postgres://lantern:${embedded.password}@127.0.0.1:${port}/lantern`, { max: 1, onnotice: () => {} });
    const started = child;
    return {
      primary,
      databaseUrl,
      migrationDatabaseUrl,
      readUrl,
      openReadingStore: () => openStore({ databaseUrl, migrationDatabaseUrl, readDatabaseUrl: readUrl, dataDir: '', role: 'test' }),
      async pauseReplay(paused) {
        await (paused ? owner`select pg_wal_replay_pause()` : owner`select pg_wal_replay_resume()`);
      },
      async close() {
        await owner.end({ timeout: 1 });
        await stopChild(started);
        await primary.asOwner((o) => o`select pg_drop_replication_slot(${SLOT})`).catch(() => {});
        await primary.close();
        removeFolders(dataDir, replicaDir);
      },
    };
  } catch (error) {
    if (child) await stopChild(child);
    await primary.close();
    if (!process.env.LANTERN_KEEP_REPLICA) removeFolders(dataDir, replicaDir); // its log says why it did not start
    throw error;
  }
}

/** The running primary's binary and user, as the embedded server started it (a copy of the binaries, a system user, when root). */
function postmaster(pgDir: string): { pgDir: string; binary: string; runAs: { uid: number; gid: number } | undefined } {
  const pid = Number(fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
  const binary = fs.readlinkSync(`/proc/${pid}/exe`);
  const { uid, gid } = fs.statSync(pgDir);
  return { pgDir, binary, runAs: process.getuid?.() === 0 && uid !== 0 ? { uid, gid } : undefined };
}

/** A base backup by file copy: the slot first (so that the WAL from the backup's start is kept), then start, copy, stop. */
async function copyCluster(owner: postgres.Sql, pgDir: string, copy: string): Promise<void> {
  await owner`select pg_create_physical_replication_slot(${SLOT}, true)`;
  const session = await owner.reserve(); // start and stop must be one session
  try {
    await session`select pg_backup_start('lantern test replica', true)`;
    fs.cpSync(pgDir, copy, {
      recursive: true,
      filter: (source) => {
        const relative = path.relative(pgDir, source).split(path.sep);
        return !(relative.length > 1 && LEFT_OUT.has(relative[0]!)) && !(relative.length === 1 && LEFT_OUT_FILES.has(relative[0]!));
      },
    });
    const [stop] = await session<[{ labelfile: string; spcmapfile: string | null }]>`select labelfile, spcmapfile from pg_backup_stop(false)`;
    fs.writeFileSync(path.join(copy, 'backup_label'), stop.labelfile);
    if (stop.spcmapfile) fs.writeFileSync(path.join(copy, 'tablespace_map'), stop.spcmapfile);
  } finally {
    session.release();
  }
}

/** Makes the copy a standby of the primary on `port`, owned by the server's user, private as PostgreSQL requires. */
function standBy(copy: string, port: number, password: string, runAs: { uid: number; gid: number } | undefined): void {
  fs.mkdirSync(path.join(copy, 'pg_wal', 'archive_status'), { recursive: true });
  fs.writeFileSync(path.join(copy, 'standby.signal'), '');
  fs.appendFileSync(
    path.join(copy, 'postgresql.auto.conf'),
    `primary_conninfo = 'host=127.0.0.1 port=${port} user=lantern password=${password} application_name=lantern_test_replica'\n` + `primary_slot_name = '${SLOT}'\n`,
  );
  fs.chmodSync(copy, 0o700);
  if (runAs) chownTree(copy, runAs);
}

function chownTree(folder: string, runAs: { uid: number; gid: number }): void {
  fs.chownSync(folder, runAs.uid, runAs.gid);
  for (const entry of fs.readdirSync(folder, { withFileTypes: true, recursive: true })) {
    fs.lchownSync(path.join(entry.parentPath, entry.name), runAs.uid, runAs.gid);
  }
}

/** Until the replica accepts the application's role and says it is in recovery. */
async function waitForStandby(readUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 30_000;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the replica stopped while starting (exit ${child.exitCode})`);
    const sql = postgres(readUrl, { max: 1, connect_timeout: 2, onnotice: () => {} });
    try {
      const [row] = await sql<[{ recovering: boolean }]>`select pg_is_in_recovery() as recovering`;
      if (row.recovering) return;
      throw new Error('the copy started as a primary, not as a standby');
    } catch (error) {
      lastError = error;
      if ((error as Error).message.includes('as a primary')) throw error;
    } finally {
      await sql.end({ timeout: 1 });
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the replica did not become ready: ${String(lastError)}`);
}

function removeFolders(dataDir: string, replicaDir: string): void {
  for (const folder of [dataDir, replicaDir, `${replicaDir}.log`]) fs.rmSync(folder, { recursive: true, force: true });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGINT'); // fast shutdown
  await exited;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}
