// The `lantern` command as a user runs it: a child process on a temporary
// data folder (its own embedded PostgreSQL), its output, its exit codes; and
// a running `lantern serve` sharing its store with `lantern import`. Its help
// comes from bin/lantern.js itself; the other tests run the command as
// test/support/lantern-command.ts starts it (compiled, in a compiled run).
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PROJECT_DIR } from '../support/data.ts';
import { LANTERN, LANTERN_BIN } from '../support/lantern-command.ts';
import { tempDir } from '../support/store.ts';

interface Run {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Areas every store holds from the register (migration 005): importing them again changes nothing. */
const AREAS =
  [
    'code,name,type,region_code',
    'E12000001,North East,region,',
    'E12000002,North West,region,',
    'E06000047,County Durham,unitary,E12000001',
    'E06000001,Hartlepool,unitary,E12000001',
    'E06000058,"Bournemouth, Christchurch and Poole",unitary,E12000009',
  ].join('\n') + '\n';

/** England's nine regions, E12000001 to E12000009. */
const ENGLISH_REGIONS = Array.from({ length: 9 }, (_, i) => `E1200000${i + 1}`);

const METRICS =
  [
    'code,title,polarity,value_kind,period_kind,multiplier,unit',
    'obesity,Adults classified as obese,lower_is_better,proportion,financial_year,100,%',
    'visits,Library visits,higher_is_better,count,calendar_year,,visits',
  ].join('\n') + '\n';

const OBSERVATIONS =
  ['metric,area,period,value,flags', 'obesity,E06000047,2022/23,25.5,', 'obesity,E06000001,2022/23,30.1,provisional', 'obesity,E06000058,2022/23,22,', 'visits,E06000047,2023,120000,'].join('\n') +
  '\n';

const BAD = ['metric,area,period,value', 'obesity,E06000047,2023/24,26', 'obesity,E06000001,2023/24,abc', 'obesity,E06999999,2023/24,20'].join('\n') + '\n';

const EXPORT_HEADER = 'metric,area,area_name,period,value,numerator,denominator,lower_ci,upper_ci,flags';
const SUMMARY = /^(\S+): batch (\d+) loaded; (\d+) rows read, (\d+) inserted, (\d+) revised, (\d+) unchanged, (\d+) rejected in [\d.]+ s \(.+ rows\/s\)$/;

describe('the lantern command', () => {
  let root: string;
  let dataDir: string;
  let files: string;
  const children: ChildProcess[] = [];

  function environment(): NodeJS.ProcessEnv {
    const env: NodeJS.ProcessEnv = { ...process.env, LANTERN_DATA_DIR: dataDir, LANTERN_DEMO_DATA: path.join(root, 'no-demo-data') };
    for (const name of ['LANTERN_DATABASE_URL', 'PORT', 'LANTERN_PORT', 'NODE_TEST_CONTEXT', 'NODE_ENV']) delete env[name];
    return env;
  }

  function start(args: readonly string[], extra: NodeJS.ProcessEnv = {}, command: readonly string[] = LANTERN): ChildProcess {
    const child = spawn(process.execPath, [...command, ...args], { cwd: PROJECT_DIR, env: { ...environment(), ...extra }, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    return child;
  }

  /** `lantern serve` on a port the system picks, its log kept; `listening()` waits until it says where. */
  function serveOnAnyPort(): { child: ChildProcess; log: () => string; listening: () => Promise<void> } {
    const child = start(['serve', '--port', '0', '--no-demo']);
    let log = '';
    child.stderr!.setEncoding('utf8').on('data', (text: string) => {
      log += text;
    });
    child.stdout!.resume();
    return {
      child,
      log: () => log,
      listening: () =>
        until(
          () => /listening on/.test(log),
          child,
          () => log,
        ),
    };
  }

  function lantern(args: readonly string[], extra: NodeJS.ProcessEnv = {}, command: readonly string[] = LANTERN): Promise<Run> {
    const child = start(args, extra, command);
    let stdout = '';
    let stderr = '';
    child.stdout!.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
    });
    child.stderr!.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) => resolve({ code, stdout, stderr }));
    });
  }

  const write = (name: string, text: string) => {
    const file = path.join(files, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const lines = (text: string) => text.split(/\r?\n/).filter((line) => line !== '');
  const postmasterPid = () => path.join(dataDir, 'pg', 'postmaster.pid');

  before(() => {
    // The data folder is a temporary folder of its own: under root, the embedded server runs as the
    // system user `lantern`, which cannot reach into a folder inside another private (0700) one.
    root = tempDir('lantern-cli-');
    dataDir = tempDir('lantern-cli-data-');
    files = path.join(root, 'files');
    fs.mkdirSync(files);
    fs.rmSync(dataDir, { recursive: true }); // and it is made by the first command that needs it
  });

  after(async () => {
    for (const child of children) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await exited(child, 10_000).catch(() => child.kill('SIGKILL'));
      }
    }
    await stopLeftoverPostgres(postmasterPid());
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('prints usage and exits 0 for --help, of the command and of each subcommand', async () => {
    const bin = [LANTERN_BIN];
    const [top, importHelp, exportHelp, serveHelp, areasHelp] = await Promise.all([
      lantern(['--help'], {}, bin),
      lantern(['import', '--help'], {}, bin),
      lantern(['export', '--help'], {}, bin),
      lantern(['serve', '--help'], {}, bin),
      lantern(['areas', '--help'], {}, bin),
    ]);
    for (const run of [top, importHelp, exportHelp, serveHelp, areasHelp]) assert.equal(run.code, 0, run.stderr);
    assert.match(top.stdout, /^Usage: lantern \[options\] \[command\]/);
    for (const command of ['serve', 'import', 'export', 'migrate', 'areas', 'metrics']) assert.match(top.stdout, new RegExp(`^\\s+${command}\\b`, 'm'));
    assert.match(importHelp.stdout, /^Usage: lantern import \[options\] <files\.\.\.>/);
    assert.match(importHelp.stdout, /--skip-invalid/);
    assert.match(exportHelp.stdout, /^Usage: lantern export/);
    assert.match(exportHelp.stdout, /--metric <code>/);
    assert.match(serveHelp.stdout, /--port <port>/);
    assert.match(serveHelp.stdout, /--no-demo/);
    assert.match(areasHelp.stdout, /--type <type>/);
    assert.equal(fs.existsSync(dataDir), false, 'help starts no store');
  });

  it('refuses to import a file that does not exist, with a clear message and exit 2', async () => {
    const missing = path.join(files, 'missing.csv');
    const run = await lantern(['import', missing]);
    assert.equal(run.code, 2);
    assert.equal(run.stderr.trim(), `lantern: ${missing}: no such file`);
    assert.equal(run.stdout, '');
  });

  it('refuses a PORT that is not a port, with exit 2', async () => {
    const run = await lantern(['serve', '--no-demo'], { PORT: 'abc' });
    assert.equal(run.code, 2);
    assert.match(run.stderr, /^lantern: PORT must be a whole number from 0 to 65535, not 'abc'$/m);
  });

  it('imports areas, metrics and observations, one batch each, and prints a summary line per file', async () => {
    const run = await lantern(['import', write('areas.csv', AREAS), write('metrics.csv', METRICS), write('observations.csv', OBSERVATIONS), '--by', 'cli test']);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr, '');
    const summaries = lines(run.stdout).map((line) => {
      const match = SUMMARY.exec(line);
      assert.ok(match, `not a summary line: ${line}`);
      return match.slice(1, 8).map((cell, i) => (i === 0 ? cell : Number(cell)));
    });
    assert.deepEqual(summaries, [
      ['areas.csv', 1, 5, 0, 0, 5, 0],
      ['metrics.csv', 2, 2, 2, 0, 0, 0],
      ['observations.csv', 3, 4, 4, 0, 0, 0],
    ]);
    assert.equal(fs.existsSync(postmasterPid()), false, 'the import stopped the PostgreSQL it started');
  });

  let exported: string;
  it('exports a metric as CSV in the import format, names with commas quoted', async () => {
    const run = await lantern(['export', '--metric', 'obesity']);
    assert.equal(run.code, 0, run.stderr);
    exported = run.stdout;
    assert.deepEqual(exported.split('\r\n'), [
      EXPORT_HEADER,
      'obesity,E06000001,Hartlepool,2022/23,30.1,,,,,provisional',
      'obesity,E06000047,County Durham,2022/23,25.5,,,,,',
      'obesity,E06000058,"Bournemouth, Christchurch and Poole",2022/23,22,,,,,',
      '',
    ]);
  });

  it('rejects a file with bad rows: file:line: column messages on stderr, exit 1, and nothing stored', async () => {
    const run = await lantern(['import', write('bad.csv', BAD)]);
    assert.equal(run.code, 1);
    const messages = lines(run.stderr);
    assert.equal(messages.length, 2, run.stderr);
    assert.match(messages[0]!, /^bad\.csv:3: column 'value': .*abc/);
    assert.match(messages[1]!, /^bad\.csv:4: column 'area': .*E06999999/);
    assert.match(run.stdout, /^bad\.csv: batch 4 REJECTED: nothing was stored \(use --skip-invalid to load the valid rows\); 3 rows read, 0 inserted, 0 revised, 0 unchanged, 2 rejected in /);

    const again = await lantern(['export', '--metric', 'obesity']);
    assert.equal(again.code, 0, again.stderr);
    assert.equal(again.stdout, exported, 'the good row of the rejected file (line 2) was not stored either');
  });

  it('lists the regions, which every store holds, with `lantern areas --type region`', async () => {
    const run = await lantern(['areas', '--type', 'region']);
    assert.equal(run.code, 0, run.stderr);
    const [header, ...rows] = lines(run.stdout);
    assert.match(header!, /^code\s+name\s+type\s+regionCode\s+countyCode\s+endDate$/);
    assert.deepEqual(rows.map((row) => row.split(/\s{2,}/)[0]).sort(), ENGLISH_REGIONS);
    assert.ok(rows.some((row) => row.split(/\s{2,}/).join('|') === 'E12000001|North East|region'));
  });

  describe('a running `lantern serve` and the same data folder', () => {
    let server: ChildProcess;
    let serverLog = '';
    let port: number;
    const api = (address: string) => fetch(`http://127.0.0.1:${port}${address}`);

    before(async () => {
      port = await freePort(); // `serve --port 0` would listen, but not say where (see the todo test below)
      server = start(['serve', '--port', String(port), '--no-demo']);
      server.stderr!.setEncoding('utf8').on('data', (text: string) => {
        serverLog += text;
      });
      server.stdout!.resume();
      await until(
        () => serverLog.includes(`listening on http://localhost:${port}`),
        server,
        () => serverLog,
      );
    });

    it('serves the store that the command line filled', async () => {
      const response = await api('/api/areas?type=region');
      assert.equal(response.status, 200);
      assert.deepEqual(((await response.json()) as { items: { code: string }[] }).items.map((a) => a.code).sort(), ENGLISH_REGIONS);
    });

    it('lets `lantern import` load into the running store, and the API shows the new data', async () => {
      const run = await lantern(['import', write('visits-2024.csv', 'metric,area,period,value\nvisits,E06000001,2024,95000\nvisits,E06000047,2024,118000\n')]);
      assert.equal(run.code, 0, run.stderr);
      assert.match(run.stdout, /^visits-2024\.csv: batch \d+ loaded; 2 rows read, 2 inserted, /);
      const response = await api('/api/observations?metric=visits&from=2024');
      const { items } = (await response.json()) as { items: { area: string; value: number }[] };
      assert.deepEqual(
        items.map((o) => [o.area, o.value]),
        [
          ['E06000001', 95000],
          ['E06000047', 118000],
        ],
      );
      const batches = (await (await api('/api/imports?limit=1')).json()) as { items: { fileName: string; importedBy: string }[] };
      assert.equal(batches.items[0]!.fileName, 'visits-2024.csv');
      assert.equal(fs.existsSync(postmasterPid()), true, "the import left the server's PostgreSQL running");
    });

    it('refuses a second `lantern serve` on the same folder, saying it is already serving, and the first goes on', async () => {
      const run = await lantern(['serve', '--port', String(await freePort()), '--no-demo']);
      assert.equal(run.code, 2);
      assert.match(run.stderr, /already serving/);
      assert.ok(run.stderr.includes(`process ${server.pid}, port ${port}`), run.stderr);
      assert.equal((await api('/health')).status, 200);
    });

    it('stops on SIGTERM, with its PostgreSQL, leaving no postmaster.pid', async () => {
      server.kill('SIGTERM');
      const code = await exited(server, 30_000);
      assert.equal(code, 0, serverLog);
      assert.match(serverLog, /SIGTERM, stopping/);
      assert.equal(fs.existsSync(postmasterPid()), false);
      assert.equal(fs.existsSync(path.join(dataDir, 'owner.json')), false);
    });

    it('kept the data: the next command starts the store again and finds it', async () => {
      const run = await lantern(['export', '--metric', 'visits', '--area', 'e06000001']);
      assert.equal(run.code, 0, run.stderr);
      assert.deepEqual(lines(run.stdout), [EXPORT_HEADER, 'visits,E06000001,Hartlepool,2024,95000,,,,,']);
    });
  });

  it('says when its port is taken, exits 1 and stops the PostgreSQL it started', async () => {
    const holder = net.createServer();
    await new Promise<void>((resolve) => holder.listen(0, resolve));
    const { port } = holder.address() as net.AddressInfo;
    try {
      const run = await lantern(['serve', '--port', String(port), '--no-demo']);
      assert.equal(run.code, 1);
      assert.match(run.stderr, new RegExp(`^Lantern: cannot listen on port ${port}: .*EADDRINUSE`, 'm'));
      assert.equal(fs.existsSync(postmasterPid()), false);
    } finally {
      await new Promise((resolve) => holder.close(resolve));
    }
  });

  it('says on which port it listens when given --port 0', async () => {
    const { child, log, listening } = serveOnAnyPort();
    try {
      await listening();
      const port = Number(/listening on http:\/\/localhost:(\d+)/.exec(log())?.[1]);
      assert.ok(port > 0, log());
      // Lantern answers on that port at once; /health says 200 once its store answers within two seconds, which
      // a store just started beside the index's first build may not do on a busy machine: until then, a 503 naming it.
      const deadline = Date.now() + 30_000;
      for (let health = await fetch(`http://127.0.0.1:${port}/health`); health.status !== 200; health = await fetch(`http://127.0.0.1:${port}/health`)) {
        const body = (await health.json()) as { code?: string };
        assert.equal(health.status, 503, JSON.stringify(body));
        assert.equal(body.code, 'store_unavailable');
        assert.ok(Date.now() < deadline, 'the store never answered /health within 30 s');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      child.kill('SIGTERM');
      await exited(child, 30_000);
    }
  });

  it('stops cleanly on SIGTERM while its job runner is still starting, leaving no PostgreSQL behind', async () => {
    // The runner starts after the server listens and takes most of a second: a stop then closes the store under it.
    // Where in that start the signal lands varies, so it is sent at a few moments.
    for (const delayMs of [0, 300, 600]) {
      const { child, log, listening } = serveOnAnyPort();
      try {
        await listening();
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        child.kill('SIGTERM');
        assert.equal(await exited(child, 30_000), 0, `stopped ${delayMs} ms after listening:\n${log()}`);
        assert.equal(fs.existsSync(postmasterPid()), false, `no PostgreSQL left running:\n${log()}`);
      } finally {
        child.kill('SIGKILL');
        await stopLeftoverPostgres(postmasterPid());
      }
    }
  });

  it('refuses --port abc with a clear message and exit 2, leaving no PostgreSQL behind', async () => {
    try {
      const run = await lantern(['serve', '--port', 'abc', '--no-demo']);
      assert.doesNotMatch(run.stderr, /^\s+at /m, 'no stack trace');
      assert.match(run.stderr, /^lantern: .*port.*'abc'/m);
      assert.equal(run.code, 2);
      assert.equal(fs.existsSync(postmasterPid()), false, 'no PostgreSQL left running');
    } finally {
      await stopLeftoverPostgres(postmasterPid());
    }
  });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function exited(child: ChildProcess, timeoutMs: number): Promise<number | null> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`process ${child.pid} did not exit within ${timeoutMs} ms`)), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

/** Waits for a condition on a running child's output; fails if the child exits first or it takes too long. */
async function until(condition: () => boolean, child: ChildProcess, log: () => string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`process exited (${child.exitCode ?? child.signalCode}) first:\n${log()}`);
    if (Date.now() > deadline) throw new Error(`timed out waiting; output so far:\n${log()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Stops a PostgreSQL server that a failed run left in the test's own data folder: by the pid it wrote there. */
async function stopLeftoverPostgres(pidFile: string): Promise<void> {
  let pid: number;
  try {
    pid = Number(fs.readFileSync(pidFile, 'utf8').split('\n')[0]);
  } catch {
    return;
  }
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!Number.isInteger(pid) || pid <= 0 || !alive()) return;
  process.kill(pid, 'SIGINT');
  const deadline = Date.now() + 15_000;
  while (alive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
}
