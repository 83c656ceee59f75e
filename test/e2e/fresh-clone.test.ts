// Lantern on its own: the repository copied to a folder with nothing beside
// it (no ../shared), started with the README's command as a new user would,
// must serve every current English council, draw its maps, show the demo, and
// print a published report's PDF with the browser that npm installed.
//
// The copy is of the files git would clone (tracked and not ignored); its
// node_modules is a link to this checkout's, which `npm install` made, so
// that the test does not download the packages again.
import assert from 'node:assert/strict';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import Papa from 'papaparse';
import { Browser } from '../support/access.ts';
import { PROJECT_DIR, sharedFile } from '../support/data.ts';
import { pdfText } from '../support/pdf.ts';
import { tempDir } from '../support/store.ts';

const ADMIN_PASSWORD = 'a fresh clone administrator password';
const OFFICER_PASSWORD = 'a fresh clone officer password';
const DURHAM = 'E06000047';
/** Starting a bare clone loads the whole demo: allow it the minute, twice over for a loaded test machine. */
const START_TIMEOUT_MS = 180_000;

function copyRepository(into: string): void {
  const files = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: PROJECT_DIR, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file !== '' && fs.existsSync(path.join(PROJECT_DIR, file)));
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(into, file)), { recursive: true });
    fs.copyFileSync(path.join(PROJECT_DIR, file), path.join(into, file));
  }
  fs.symlinkSync(path.join(PROJECT_DIR, 'node_modules'), path.join(into, 'node_modules'));
}

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The commands a bare machine with Node.js has, and Lantern may call: no browser among them. */
const COMMANDS = ['node', 'npm', 'sh', 'id', 'useradd'];

/** A folder holding only those commands, to be the whole PATH. */
function barePath(into: string): string {
  const bin = path.join(into, 'bin');
  fs.mkdirSync(bin);
  const searched = (process.env.PATH ?? '').split(path.delimiter).concat('/usr/sbin', '/sbin');
  for (const command of COMMANDS) {
    const found = searched.map((dir) => path.join(dir, command)).find((file) => fs.existsSync(file));
    if (found) fs.symlinkSync(command === 'node' ? process.execPath : fs.realpathSync(found), path.join(bin, command));
  }
  return bin;
}

/** The environment of a new user's shell: no browser on the PATH, none of the test run's Lantern or browser settings. */
function bareEnvironment(port: number, bin: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^(LANTERN_|CHROMIUM_PATH$|PORT$|npm_)/.test(name)));
  return { ...env, PATH: bin, PORT: String(port), LANTERN_ADMIN_PASSWORD: ADMIN_PASSWORD };
}

/** English councils current in the register: what the list of councils must hold. */
function currentEnglishCouncils(): Set<string> {
  const register = Papa.parse<Record<string, string>>(fs.readFileSync(sharedFile('uk-local-authorities', 'uk_local_authorities.csv'), 'utf8'), { header: true, skipEmptyLines: true }).data;
  return new Set(register.filter((row) => row.nation === 'E' && !row['end-date'] && row['gss-code']).map((row) => row['gss-code']!));
}

describe('a fresh clone with nothing beside it', () => {
  let home: string;
  let clone: string;
  let lantern: ChildProcess;
  let base: string;
  let bin: string;
  let output = '';

  before(async () => {
    home = tempDir('lantern-clone-');
    fs.chmodSync(home, 0o755);
    clone = path.join(home, 'lantern');
    copyRepository(clone);
    bin = barePath(home);
    const port = await freePort();
    base = `http://127.0.0.1:${port}`;
    lantern = spawn(path.join(bin, 'npm'), ['start'], { cwd: clone, env: bareEnvironment(port, bin), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    lantern.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    lantern.stderr!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const started = Date.now();
    while (!output.includes('listening on')) {
      if (lantern.exitCode !== null) throw new Error(`npm start stopped (${lantern.exitCode}):\n${output}`);
      if (Date.now() - started > START_TIMEOUT_MS) throw new Error(`npm start was not listening after ${START_TIMEOUT_MS / 1000} s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // Lantern listens while its figures load; a load balancer, and this test, wait until it says it is ready.
    while ((await fetch(`${base}/ready`).catch(() => undefined))?.status !== 200) {
      if (lantern.exitCode !== null) throw new Error(`npm start stopped (${lantern.exitCode}):\n${output}`);
      if (Date.now() - started > START_TIMEOUT_MS) throw new Error(`npm start was not ready after ${START_TIMEOUT_MS / 1000} s:\n${output}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });

  after(async () => {
    if (lantern && lantern.exitCode === null) {
      const stopped = new Promise((resolve) => lantern.once('exit', resolve));
      process.kill(-lantern.pid!, 'SIGTERM');
      await stopped;
    }
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('loads the demo from the repository itself', () => {
    assert.match(output, /loading the demo data from .*data[/\\]demo/);
    assert.doesNotMatch(output, /shared/);
    assert.doesNotMatch(output, /✗/, 'no demo file is rejected');
  });

  it('lists every current English council', async () => {
    const page = await (await fetch(`${base}/areas`)).text();
    const missing = [...currentEnglishCouncils()].filter((code) => !page.includes(`/areas/${code}`));
    assert.deepEqual(missing, []);
  });

  it('draws a council on the map of a demo metric', async () => {
    const list = ((await (await fetch(`${base}/api/metrics?limit=1000`)).json()) as { items: { code: string; themes: string[] }[] }).items;
    assert.ok(list.length >= 150, `the demo has ${list.length} metrics`);
    assert.ok(new Set(list.flatMap((m) => m.themes)).size >= 8, 'across at least eight themes');
    const page = await (await fetch(`${base}/metrics/percentage-of-physically-active-adults?area=${DURHAM}`)).text();
    const drawn = page.match(/<path data-code="E0[6-9]\d{6}" fill="#[0-9a-f]{6}"/gi) ?? [];
    assert.ok(drawn.length > 100, `the map draws ${drawn.length} councils with figures`);
  });

  it('publishes a report and prints its PDF with the browser from npm', async () => {
    const run = (args: string[], input?: string) => execFileSync(process.execPath, ['bin/lantern.js', ...args], { cwd: clone, env: bareEnvironment(0, bin), encoding: 'utf8', input });
    // The demo makes Durham's council; its officer is added as an administrator would.
    run(
      ['users', 'add', '--email', 'officer@durham.example', '--name', 'An Officer', '--organisation', 'Durham County Council', '--role', 'performance_officer', '--password-stdin'],
      OFFICER_PASSWORD,
    );
    const officer = new Browser(base);
    assert.equal((await officer.signIn('officer@durham.example', OFFICER_PASSWORD)).status, 303);
    const form = new URLSearchParams({
      _csrf: officer.csrfToken,
      title: 'Durham on its own',
      areas: DURHAM,
      group: 'region',
      notes: '',
      sections: '1',
      do: 'save',
      section_title_0: 'Activity',
      section_chart_0: 'bar',
      section_metrics_0: 'percentage-of-physically-active-adults',
    });
    const saved = await officer.fetch('/reports', { method: 'POST', body: form });
    assert.equal(saved.status, 303);
    const published = await officer.fetch(`${saved.headers.get('location')!}/publish`, { method: 'POST', body: new URLSearchParams({ _csrf: officer.csrfToken }) });
    assert.equal(published.status, 303, await published.text());
    const pdf = await fetch(`${base}${published.headers.get('location')!}.pdf`);
    assert.equal(pdf.headers.get('content-type'), 'application/pdf');
    const text = await pdfText(Buffer.from(await pdf.arrayBuffer()));
    assert.match(text, /Durham on its own/);
    assert.match(text, /County Durham/);
  });
});
