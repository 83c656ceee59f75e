// Lantern's own PostgreSQL: first start, restart, UTF-8, a second Lantern on
// the same folder, a crashed run's server and a stale lock file.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { openStore } from '../../src/store/store.ts';
import { PROJECT_DIR } from '../support/data.ts';
import { serverUrl, tempDir } from '../support/store.ts';

const skip = serverUrl() ? 'the embedded server is the subject: run once, on the embedded store' : false;

describe('the embedded PostgreSQL server', { skip }, () => {
  const dirs: string[] = [];
  const fresh = () => {
    const dir = tempDir('lantern-embedded-');
    dirs.push(dir);
    return dir;
  };
  after(() => { for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true }); });

  it('initialises a UTF-8 cluster with a private password file, and starts again on the same folder', async () => {
    const dataDir = fresh();
    const first = await openStore({ dataDir, role: 'test' });
    const [settings] = await first.sql<{ encoding: string; listen: string }[]>`
      select current_setting('server_encoding') as encoding, current_setting('listen_addresses') as listen`;
    assert.deepEqual(settings, { encoding: 'UTF8', listen: '127.0.0.1' });
    await first.sql`insert into area (code, name, type) values ('W06000001', 'Ynys Môn', 'welsh_council')`;
    await first.close();
    assert.equal(fs.statSync(path.join(dataDir, 'password')).mode & 0o777, 0o600);
    assert.equal(fs.existsSync(path.join(dataDir, 'pg', 'postmaster.pid')), false, 'stopped cleanly');

    const again = await openStore({ dataDir, role: 'test' });
    const rows = await again.sql<{ name: string }[]>`select name from area where name ilike ${'%môn%'}`;
    assert.deepEqual(rows.map((r) => r.name), ['Ynys Môn']);
    await again.close();
  });

  it('runs the server as an unprivileged user when Lantern runs as root', { skip: process.getuid?.() !== 0 && 'not running as root' }, async () => {
    const dataDir = fresh();
    const store = await openStore({ dataDir, role: 'test' });
    const pid = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
    const uid = Number(/^Uid:\s+(\d+)/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))![1]);
    assert.notEqual(uid, 0);
    assert.equal(fs.statSync(path.join(dataDir, 'pg')).uid, uid);
    await store.close();
  });

  it('shares a server held by a live Lantern instead of starting a second one, and leaves it running', async () => {
    const dataDir = fresh();
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
    const dataDir = fresh();
    const child = spawn(process.execPath, ['--import', 'tsx', '-e', `
      import('${path.join(PROJECT_DIR, 'src/store/store.ts')}').then(async ({ openStore }) => {
        await openStore({ dataDir: ${JSON.stringify(dataDir)}, role: 'doomed' });
        console.log('ready');
      });`], { cwd: PROJECT_DIR, stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((resolve) => child.stdout!.on('data', (d: Buffer) => { if (d.toString().includes('ready')) resolve(); }));
    child.kill('SIGKILL');
    await new Promise((resolve) => child.once('exit', resolve));
    const orphan = Number(fs.readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);

    const store = await openStore({ dataDir, role: 'test' });
    assert.equal(store.embedded!.owned, true, 'adopted');
    await store.close();
    assert.throws(() => process.kill(orphan, 0), 'the orphaned server was stopped');
  });

  it('recovers from a stale postmaster.pid left by a crash', async () => {
    const dataDir = fresh();
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
