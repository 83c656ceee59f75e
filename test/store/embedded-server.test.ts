// Lantern's own PostgreSQL: first start, restart, UTF-8, a second Lantern on
// the same folder, a crashed run's server, a killed server recovering past
// the time to start it again, and a stale lock file; as root, a
// project inside a private folder (its default store kept under
// /var/lib/lantern, a chosen LANTERN_DATA_DIR refused).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import postgres from 'postgres';
import { reachableDataFolder, SHARED_DATA_ROOT } from '../../src/store/data-folder.ts';
import { DATABASE_NAME, DATABASE_USER, startEmbeddedServer } from '../../src/store/embedded-server.ts';
import { openStore } from '../../src/store/store.ts';
import { PROJECT_DIR } from '../support/data.ts';
import { LANTERN } from '../support/lantern-command.ts';
import { postmasterPid, tempDir } from '../support/store.ts';

describe('the embedded PostgreSQL server', () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = tempDir('lantern-embedded-');
    dirs.push(dir);
    return dir;
  };
  /**
   * A store made once (the cluster initialised, migrated and stopped), which the
   * tests not about a first start copy, owners and modes kept (`cp -a`): each
   * first start is seconds of initdb and migrations on a busy machine.
   */
  let made: string;
  const copyOfMade = () => {
    const dir = fresh();
    const copied = spawnSync('cp', ['-a', `${made}/.`, dir], { encoding: 'utf8' });
    assert.equal(copied.status, 0, copied.stderr);
    return dir;
  };
  before(async () => {
    made = fresh();
    await (await openStore({ dataDir: made, role: 'test' })).close();
  });
  after(() => {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('initialises a UTF-8 cluster with a private password file, and starts again on the same folder', async () => {
    const dataDir = fresh();
    const first = await openStore({ dataDir, role: 'test' });
    const [settings] = await first.sql<{ encoding: string; listen: string }[]>`
      select current_setting('server_encoding') as encoding, current_setting('listen_addresses') as listen`;
    assert.deepEqual(settings, { encoding: 'UTF8', listen: '127.0.0.1' });
    await first.asOwner(async (owner) => {
      // not an area: the register that ships with Lantern may hold them all
      await owner`create table kept (name text)`;
      await owner`insert into kept values ('Ynys Môn')`;
    });
    await first.close();
    assert.equal(fs.statSync(path.join(dataDir, 'password')).mode & 0o777, 0o600);
    assert.equal(fs.statSync(path.join(dataDir, 'app-password')).mode & 0o777, 0o600);
    assert.equal(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid')), false, 'stopped cleanly');

    const again = await openStore({ dataDir, role: 'test' });
    const rows = await again.sql<{ name: string }[]>`select name from kept where name ilike ${'%môn%'}`;
    assert.deepEqual(
      rows.map((r) => r.name),
      ['Ynys Môn'],
    );
    await again.close();
  });

  it('runs the server as an unprivileged user when Lantern runs as root', { skip: process.getuid?.() !== 0 && 'not running as root' }, async () => {
    const dataDir = copyOfMade();
    const store = await openStore({ dataDir, role: 'test' });
    const pid = postmasterPid(dataDir);
    const uid = Number(/^Uid:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
    assert.notEqual(uid, 0);
    assert.equal(fs.statSync(path.join(dataDir, 'pg')).uid, uid);
    await store.close();
  });

  it('shares a server held by a live Lantern instead of starting a second one, and leaves it running', async () => {
    const dataDir = copyOfMade();
    const owner = await openStore({ dataDir, role: 'serve:3000' });
    const second = await openStore({ dataDir, role: 'import' });
    assert.equal(second.embedded!.owned, false);
    assert.equal(second.embedded!.ownerRole, 'serve:3000');
    assert.equal(second.embedded!.port, owner.embedded!.port);
    await second.close();
    const [row] = await owner.sql<{ one: number }[]>`select 1 as one`;
    assert.equal(row!.one, 1, 'the owner still works after the sharer closed');
    await owner.close();
  });

  it('adopts the server of a Lantern that was killed, and stops it on close', async () => {
    const dataDir = copyOfMade();
    const child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        '-e',
        `
      import('${path.join(PROJECT_DIR, 'src/store/store.ts')}').then(async ({ openStore }) => {
        await openStore({ dataDir: ${JSON.stringify(dataDir)}, role: 'doomed' });
        console.log('ready');
      });`,
      ],
      { cwd: PROJECT_DIR, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    await new Promise<void>((resolve) =>
      child.stdout!.on('data', (d: Buffer) => {
        if (d.toString().includes('ready')) resolve();
      }),
    );
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const orphan = postmasterPid(dataDir);

    const store = await openStore({ dataDir, role: 'test' });
    assert.equal(store.embedded!.owned, true, 'adopted');
    await store.close();
    assert.throws(() => process.kill(orphan, 0), 'the orphaned server was stopped');
  });

  it('waits for a server recovering from a crash, however long past the time to start it again', async () => {
    const dataDir = copyOfMade();
    const logged: string[] = [];
    const lost: string[] = [];
    // Any crash recovery outlasts a millisecond: before, the recovering server was killed and the store said lost.
    const server = await startEmbeddedServer(dataDir, 'test', { log: (line) => logged.push(line), onLost: (message) => lost.push(message), restartWithinMs: 1 });
    try {
      const killed = postmasterPid(dataDir);
      // The whole process group, backends too: none holds the old shared memory, so the first start is not refused.
      process.kill(-killed, 'SIGKILL');
      for (let i = 0; i < 1200 && lost.length === 0 && !logged.some((line) => line.includes('is running again')); i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      assert.deepEqual(lost, []);
      assert.ok(
        logged.some((line) => line.includes('is running again')),
        logged.join('\n'),
      );
      assert.notEqual(postmasterPid(dataDir), killed);
      assert.match(fs.readFileSync(path.join(dataDir, 'postgres.log'), 'utf8'), /automatic recovery in progress/);
      const sql = postgres({ host: '127.0.0.1', port: server.port, user: DATABASE_USER, password: server.password, database: DATABASE_NAME, max: 1 });
      const [row] = await sql<{ one: number }[]>`select 1 as one`;
      await sql.end();
      assert.equal(row!.one, 1);
    } finally {
      await server.stop();
    }
  });

  it('recovers from a stale postmaster.pid left by a crash', async () => {
    const dataDir = copyOfMade();
    const store = await openStore({ dataDir, role: 'test' });
    const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
    const content = fs.readFileSync(pidFile, 'utf8');
    await store.close();
    // A pid that is surely not running, as after a power cut.
    const stale = content.replace(/^\d+/, '999999');
    fs.writeFileSync(pidFile, stale);
    if (process.getuid?.() === 0) fs.chownSync(pidFile, fs.statSync(path.join(dataDir, 'pg')).uid, fs.statSync(path.join(dataDir, 'pg')).gid);
    const again = await openStore({ dataDir, role: 'test' });
    const [row] = await again.sql<{ one: number }[]>`select 1 as one`;
    assert.equal(row!.one, 1);
    await again.close();
  });
});

/** A project folder inside a fresh folder of mode 700, as a clone under /root is. */
function privateProject(name: string): { project: string; outer: string } {
  const outer = tempDir('lantern-private-');
  fs.chmodSync(outer, 0o700);
  const project = path.join(outer, name);
  fs.mkdirSync(project);
  return { project, outer };
}

/** The folder under /var/lib/lantern that the project's store should be kept in: its name and 8 hex digits of its path's SHA-256. */
function expectedSharedFolder(project: string, root = SHARED_DATA_ROOT): string {
  return path.join(root, `${path.basename(project)}-${createHash('sha256').update(project).digest('hex').slice(0, 8)}`);
}

describe('reachableDataFolder(dataDir, runAs, isDefault, sharedRoot)', () => {
  const NOBODY = { uid: 65534, gid: 65534 }; // the folders' modes decide; no such user is needed
  const made: string[] = [];
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });
  const fixture = (name: string) => {
    const found = privateProject(name);
    made.push(found.outer);
    return found;
  };
  const sharedRoot = () => {
    const dir = tempDir('lantern-shared-');
    made.push(dir);
    fs.chmodSync(dir, 0o755);
    return path.join(dir, 'lantern');
  };

  it('keeps a folder the server’s user can reach where it was asked', () => {
    const open = tempDir('lantern-open-');
    made.push(open);
    fs.chmodSync(open, 0o755);
    const dataDir = path.join(open, 'lantern-data');
    assert.deepEqual(reachableDataFolder(dataDir, NOBODY, true, sharedRoot()), { kind: 'as_asked', dataDir });
  });

  it('moves the default folder of a project inside a private folder, one folder per project path', () => {
    const root = sharedRoot();
    const first = fixture('lantern');
    const second = fixture('lantern');
    const one = reachableDataFolder(path.join(first.project, 'lantern-data'), NOBODY, true, root);
    const other = reachableDataFolder(path.join(second.project, 'lantern-data'), NOBODY, true, root);
    assert.deepEqual(one, { kind: 'moved', dataDir: expectedSharedFolder(first.project, root), movedFrom: path.join(first.project, 'lantern-data'), blocked: first.outer });
    assert.match(one.dataDir, /\/lantern-[0-9a-f]{8}$/);
    assert.notEqual(one.dataDir, other.dataDir, 'two clones of the same name never share a store');
    assert.equal(fs.statSync(root).mode & 0o777, 0o755, 'the shared root is made, and reachable');
  });

  it('never moves a folder the administrator chose, and says which folder is private', () => {
    const { project, outer } = fixture('chosen');
    assert.deepEqual(reachableDataFolder(path.join(project, 'data'), NOBODY, false, sharedRoot()), { kind: 'private', dataDir: path.join(project, 'data'), blocked: outer, mode: 0o700 });
  });

  it('never moves a default folder that already holds a store', () => {
    const { project } = fixture('old');
    fs.mkdirSync(path.join(project, 'lantern-data', 'pg'), { recursive: true });
    fs.writeFileSync(path.join(project, 'lantern-data', 'pg', 'PG_VERSION'), '17\n');
    assert.equal(reachableDataFolder(path.join(project, 'lantern-data'), NOBODY, true, sharedRoot()).kind, 'private');
  });

  it('refuses rather than moves when the shared root is out of reach too', () => {
    const { project, outer } = fixture('nowhere');
    assert.equal(reachableDataFolder(path.join(project, 'lantern-data'), NOBODY, true, path.join(outer, 'shared', 'lantern')).kind, 'private');
  });
});

describe('Lantern run as root in a private project folder', { skip: process.getuid?.() !== 0 && 'not running as root' }, () => {
  const made: string[] = [];
  after(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
  });
  const fixture = (name: string) => {
    const found = privateProject(name);
    made.push(found.outer, expectedSharedFolder(found.project));
    return found.project;
  };

  it('keeps the default store under /var/lib/lantern, owned by the server’s user, says so, and finds it again', async () => {
    const project = fixture('council-project');
    const dataDir = path.join(project, 'lantern-data');
    const shared = expectedSharedFolder(project);
    const store = await openStore({ dataDir, isDefaultFolder: true, role: 'test' });
    assert.equal(store.embedded!.dataDir, shared);
    assert.equal(store.notice, `${dataDir} is inside a private folder; the store is kept in ${shared} instead`);
    assert.equal(store.description, `embedded PostgreSQL in ${shared}`);
    assert.equal(fs.existsSync(dataDir), false, 'nothing is made inside the private folder');
    const pid = postmasterPid(shared);
    const uid = Number(/^Uid:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
    assert.notEqual(uid, 0);
    assert.equal(fs.statSync(path.join(shared, 'pg')).uid, uid);
    await store.asOwner(async (owner) => {
      await owner`create table kept (note text)`;
      await owner`insert into kept values ('Ynys Môn')`;
    });
    await store.close();

    const again = await openStore({ dataDir, isDefaultFolder: true, role: 'test' });
    assert.equal(again.embedded!.dataDir, shared);
    const [row] = await again.sql<{ note: string }[]>`select note from kept`;
    assert.equal(row?.note, 'Ynys Môn');
    await again.close();
  });

  it('refuses a chosen data folder inside a private folder, naming the folder and what to do', async () => {
    const project = fixture('chosen-project');
    await assert.rejects(
      openStore({ dataDir: path.join(project, 'lantern-data'), role: 'test' }),
      new RegExp(`cannot reach the data folder: ${path.dirname(project)} is private \\(mode 700\\)\\. Choose a LANTERN_DATA_DIR it can reach, or run: chmod o\\+x`),
    );
    assert.equal(fs.existsSync(expectedSharedFolder(project)), false);
  });

  it('on the command line: the default folder is moved and said once; LANTERN_DATA_DIR still wins', () => {
    const project = fixture('cli-project');
    const lantern = (env: NodeJS.ProcessEnv) => {
      const base = { ...process.env };
      delete base.LANTERN_DATA_DIR;
      delete base.LANTERN_DATABASE_URL;
      return spawnSync(process.execPath, [...LANTERN, 'migrate'], { cwd: project, env: { ...base, ...env }, encoding: 'utf8' });
    };
    const moved = lantern({});
    assert.equal(moved.status, 0, moved.stderr);
    const said = moved.stderr.split('\n').filter((line) => line.includes('private folder'));
    assert.deepEqual(said, [`Lantern: ./lantern-data is inside a private folder; the store is kept in ${expectedSharedFolder(project)} instead`]);
    const chosen = lantern({ LANTERN_DATA_DIR: './lantern-data' });
    assert.notEqual(chosen.status, 0);
    assert.match(chosen.stderr, /cannot reach the data folder: .* is private \(mode 700\)/);
  });
});
