// How long `npm test` takes (issue 16: "at most half today's wall time on
// this machine (5.5 min), with the same tests and assertions"). The same
// tests are the test files the suite held when that was measured, at
// a9d6ec1: each still exists, grown, not cut. They run as `npm test` runs
// them (test/run.ts --checks: the checks over the whole code beside them),
// and with --whole, every test file now, as the reference in the same
// process: the suite has grown since, and its time per test says how much of
// the gain holds for the tests written after.
//
// Printed for each: wall time, the processor time of the run and everything
// it started (bench/processor-time.ts, once each run has ended), how many test files, tests and failures, and the seconds a
// hundred tests took.
//
// Usage: npm run bench:test-run [-- --at a9d6ec1 --whole]
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { childrenSeconds } from './processor-time.ts';

const PROJECT_DIR = path.resolve(import.meta.dirname, '..');
/** What the issue measured: `npm test` at a9d6ec1, 5.5 minutes on this machine. */
const THEN_SECONDS = 330;

interface Run {
  readonly files: number;
  readonly seconds: number;
  readonly processor: number;
  readonly tests: number;
  readonly failed: number;
  readonly checks: readonly string[];
}

/** The test files at `revision` that are still here: the suite as it stood then, as its files are now. */
function testFilesAt(revision: string): { then: number; here: string[] } {
  let listed: string;
  try {
    listed = execFileSync('git', ['ls-tree', '-r', '--name-only', revision, '--', 'test'], { cwd: PROJECT_DIR, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  } catch {
    throw new Error(`bench/test-run: ${revision} is not a revision of this clone; give --at a revision it has (git log)`);
  }
  const then = listed.split('\n').filter((file) => file.endsWith('.test.ts'));
  return { then: then.length, here: then.filter((file) => fs.existsSync(path.join(PROJECT_DIR, file))) };
}

/** `npm test`'s command on these files (none: every file), its output kept and read for its counts. */
async function npmTest(files: readonly string[]): Promise<Run> {
  const before = childrenSeconds();
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/run.ts', '--checks', ...files], { cwd: PROJECT_DIR, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => (output += text));
  child.stderr.setEncoding('utf8').on('data', (text: string) => (output += text));
  const ticking = setInterval(() => process.stdout.write('.'), 10_000);
  await new Promise((resolve) => child.on('close', resolve));
  clearInterval(ticking);
  process.stdout.write('\n');
  const count = (label: string) => Number(new RegExp(`^ℹ ${label} (\\d+)$`, 'm').exec(output)?.[1] ?? NaN);
  const planned = /^# (\d+) test files in/m.exec(output);
  return {
    files: Number(planned?.[1] ?? files.length),
    seconds: (performance.now() - started) / 1000,
    processor: childrenSeconds() - before,
    tests: count('tests'),
    failed: count('fail'),
    checks: output.split('\n').filter((line) => line.startsWith('# check ')),
  };
}

const fmt = (n: number, digits = 0) => n.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits });

function report(what: string, run: Run): void {
  console.log(`${what}: ${fmt(run.files)} test files, ${fmt(run.tests)} tests, ${fmt(run.failed)} failed`);
  console.log(`  wall ${fmt(run.seconds)} s, processor ${fmt(run.processor)} s (${fmt(run.processor / run.seconds, 2)} cores busy), ${fmt((100 * run.seconds) / run.tests, 1)} s a hundred tests`);
  for (const line of run.checks) console.log(`  ${line.slice(2)}`);
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { at: { type: 'string', default: 'a9d6ec1' }, whole: { type: 'boolean', default: false } } });
  const { then, here } = testFilesAt(values.at!);
  if (here.length === 0) throw new Error(`bench/test-run: none of the ${then} test files at ${values.at} is here`);
  console.log(
    `npm test's time, on ${os.cpus().length} cores; load average: ${os
      .loadavg()
      .map((n) => fmt(n, 2))
      .join(', ')}`,
  );
  console.log(`the test files at ${values.at}: ${then}, of which ${here.length} are here`);
  const same = await npmTest(here);
  report(`npm test on the test files at ${values.at}`, same);
  console.log(`  ÷ ${THEN_SECONDS} s (npm test at ${values.at}): ${fmt(same.seconds / THEN_SECONDS, 2)}; target ≤ 0.5`);
  if (!values.whole) return;
  const whole = await npmTest([]);
  report('npm test on every test file (the reference)', whole);
  console.log(`  the files at ${values.at} ÷ every file: wall ${fmt(same.seconds / whole.seconds, 2)}, tests ${fmt(same.tests / whole.tests, 2)}`);
}

await main();
