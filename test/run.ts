// `npm test`, `npm run test:unit` and `test:e2e`: the test files, several at
// a time, with one PostgreSQL server for the run.
//
//   node --import tsx test/run.ts --checks     every test file, and beside them `npm run check`'s checks
//   node --import tsx test/run.ts              every test file
//   node --import tsx test/run.ts unit         the domain and the web: no store, no browser
//   node --import tsx test/run.ts e2e          the browser and the fresh clone
//   node --import tsx test/run.ts FILE...      these files
//
// Every test store is a database on the run's server (test/support/store.ts),
// reached by URL as the application's role that owns nothing, copied from a
// template made once: the migrated store, or the store with the demo's
// extracts. That is LANTERN_DATABASE_URL's code path; the embedded server's
// own is the subject of the files that start their own (the embedded server,
// the store gone, the CLI on its data folder, the fresh clone, least
// privilege), so one pass covers both.
//
// The test files are compiled ahead into the run's folder
// (test/support/compile-tests.ts) and run by Node with no TypeScript loader:
// about 1.5 s less processor a file. LANTERN_TEST_BUILD=0 runs the sources
// through tsx's loader instead.
//
// LANTERN_TEST_CONCURRENCY sets how many files run at once;
// LANTERN_TEST_COUNTS=FILE writes how many tests each file ran into FILE
// (test/support/file-counts.mjs), to compare two runs with diff, for instance
// with and without LANTERN_TEST_SHARED=0, which runs every file in a process
// of its own.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { reportChecks, startChecks } from './support/checks.ts';
import { compileTests, type CompiledTests } from './support/compile-tests.ts';
import { PROJECT_DIR } from './support/data.ts';
import { costliestFirst, costliestProcessesFirst } from './support/file-costs.ts';
import { compiledFolder, processFiles, shareOut, type Sharing } from './support/shared-processes.ts';
import { startRunPostgres } from './support/run-postgres.ts';
import { tempDir } from './support/store.ts';

const GROUPS: Readonly<Record<string, readonly string[]>> = {
  unit: ['test/domain', 'test/web'],
  e2e: ['test/e2e', 'test/browser'],
};

/**
 * A test file waits on PostgreSQL, Chromium and its child processes as much
 * as it computes, so more files than cores run at once: four on two cores.
 * At three, a whole `npm test` on a quiet machine kept 1.45 of the two cores
 * busy. A mix of 35 files (the jobs, four server folders, four browser
 * files) at a load of 3 to 19 from other work, processor / wall in seconds:
 * three 172 / 207; four 172 / 244; five 168 / 237 and 200 / 397; six
 * 183 / 305 and 216 / 441. The wall times follow the other work more than
 * the setting. Up to five the processor does not grow; from five a timed
 * test failed (the embargo's end came before its checks were done), at six
 * in both runs. Four fills the idle core and keeps that margin.
 */
const CONCURRENCY = Number(process.env.LANTERN_TEST_CONCURRENCY) || Math.max(2, os.availableParallelism() + 2);

/**
 * The files of these folders share processes, each process the number given
 * at most (test/support/shared-processes.ts): each process imports the
 * compiled app and its packages once for all its files, about a second of
 * processor a file saved; a domain or web file runs in a few milliseconds, so
 * many share one process. Their files must leave nothing behind that another
 * file would meet: module state, process.env, listeners, timers. The command
 * line's, the cluster's and the fresh clone's files keep a process each: they
 * are mostly child processes' time, and stop and start servers of their own.
 * A browser file takes 10 to 60 s, so three share a process; each still
 * launches a Chromium of its own, which costs about a tenth of a second.
 * LANTERN_TEST_SHARED=0 runs every file in a process of its own.
 */
const SHARING: Sharing = {
  'test/domain': 50,
  'test/web': 40,
  'test/server': 10,
  'test/store': 10,
  'test/ingest': 10,
  'test/jobs': 5,
  'test/reports': 10,
  'test/engine': 10,
  'test/browser': 3,
};

function testFiles(...dirs: string[]): string[] {
  return dirs.flatMap((dir) => {
    const full = path.join(PROJECT_DIR, dir);
    if (fs.statSync(full).isFile()) return [dir];
    return fs
      .readdirSync(full, { recursive: true, encoding: 'utf8' })
      .filter((file) => file.endsWith('.test.ts'))
      .map((file) => path.join(dir, file));
  });
}

/**
 * A file whose setup failed keeps its pools open and would never exit,
 * holding its place in the run for ever: each file's process ends once its
 * tests and hooks are done (its failures are reported all the same).
 */
function runTests(files: string[], compiled: boolean, env: NodeJS.ProcessEnv): number {
  const loading = compiled ? ['--enable-source-maps'] : ['--import', pathToFileURL(path.join(PROJECT_DIR, 'test/support/typescript.mjs')).href];
  // The spec reporter, naming a compiled file by its source (test/support/spec-by-source.mjs).
  const spec = `--test-reporter=${pathToFileURL(path.join(PROJECT_DIR, 'test/support/spec-by-source.mjs')).href}`;
  const counting = [`--test-reporter=${pathToFileURL(path.join(PROJECT_DIR, 'test/support/file-counts.mjs')).href}`, '--test-reporter-destination=stdout'];
  const reporters = [spec, '--test-reporter-destination=stdout', ...(env.LANTERN_TEST_EVENTS ? counting : [])];
  const result = spawnSync(process.execPath, [...loading, '--test', `--test-concurrency=${CONCURRENCY}`, '--test-force-exit', ...reporters, ...files], {
    cwd: PROJECT_DIR,
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

/**
 * Writes into `file` how many tests each test file ran, passed, failed and
 * skipped, from the lines test/support/file-counts.mjs appended to `events`:
 * one test file a line, in order of name.
 */
function writeFileCounts(events: string, file: string): void {
  const counts = new Map<string, Record<string, number>>();
  const lines = fs.existsSync(events) ? fs.readFileSync(events, 'utf8').split('\n') : [];
  for (const [name, outcome] of lines.filter(Boolean).map((line) => line.split('\t'))) {
    const row = counts.get(name!) ?? { tests: 0, passed: 0, failed: 0, skipped: 0 };
    row.tests! += 1;
    row[outcome!]! += 1;
    counts.set(name!, row);
  }
  const rows = [...counts].sort(([a], [b]) => a.localeCompare(b)).map(([name, row]) => [name, row.tests, row.passed, row.failed, row.skipped].join('\t'));
  fs.writeFileSync(file, ['file\ttests\tpassed\tfailed\tskipped', ...rows, ''].join('\n'));
}

/**
 * The files compiled (test/support/compile-tests.ts), or, if they cannot be
 * (a file that does not parse: esbuild has said where), none: the run goes on
 * through the loader, where that file alone fails.
 */
async function compile(files: string[], into: string): Promise<CompiledTests | undefined> {
  const started = performance.now();
  try {
    const built = await compileTests(files, into);
    console.log(`# compiled in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return built;
  } catch (error) {
    console.log(`# the test files could not be compiled (${String(error).split('\n')[0]}): running them through the TypeScript loader`);
    return undefined;
  }
}

// With --checks (`npm test`), the checks run beside the test files, at a lower
// priority (test/support/checks.ts), and the run fails if one fails.
const withChecks = process.argv.includes('--checks');
const asked = process.argv.slice(2).filter((arg) => arg !== '--checks');
const group = asked.length === 1 ? GROUPS[asked[0]!] : undefined;
// The costliest processes start first, so that a long one does not begin last and run alone: a folder's
// costliest files are dealt to different shares, and each process is ranked by its files' cost together.
const sharing = process.env.LANTERN_TEST_SHARED === '0' ? {} : SHARING;
const planned = costliestProcessesFirst(shareOut(costliestFirst(group ? testFiles(...group) : asked.length > 0 ? testFiles(...asked) : testFiles('test')), sharing));
const files = planned.flatMap((one) => one.files);
const started = performance.now();
const entries = tempDir('lantern-test-entries-');
const checks = withChecks ? startChecks(entries) : undefined;
const built = process.env.LANTERN_TEST_BUILD !== '0' ? await compile(files, entries) : undefined;
// Compiled, a shared process starts where its first file would have started.
const runnable = (file: string) => built?.files.get(file) ?? file;
const processes = processFiles(planned, (file) => (built ? compiledFolder(runnable(file), file) : entries), runnable);
console.log(`# ${files.length} test files in ${processes.length} processes, ${CONCURRENCY} at a time${built ? ', compiled ahead' : ''}`);

// The domain and the web need no store: nothing to start for them.
const needsStore = group !== GROUPS.unit;
const postgres = needsStore ? await startRunPostgres((line) => console.log(line)) : undefined;
const counts = process.env.LANTERN_TEST_COUNTS;
const events = path.join(entries, 'test-events.tsv');
let failed: number;
let checked = true;
try {
  failed = runTests(processes, built !== undefined, {
    ...(postgres && { LANTERN_TEST_DATABASE_URL: postgres.url }),
    ...(counts && { LANTERN_TEST_EVENTS: events }),
    // The tests that run `lantern` run it compiled too (test/support/lantern-command.ts).
    ...(built && { LANTERN_TEST_COMMAND: built.command }),
  });
  if (counts) writeFileCounts(events, counts);
  if (checks) checked = reportChecks(await checks);
} finally {
  await postgres?.stop();
  fs.rmSync(entries, { recursive: true, force: true });
}
console.log(`# ran in ${((performance.now() - started) / 1000).toFixed(0)} s`);
process.exit(failed === 0 && checked ? 0 : 1);
