// `npm test`'s checks, run beside the test files rather than before them
// (test/run.ts --checks). They are `npm run check`'s commands, read from
// package.json so that the two cannot drift apart: the type checker, the
// linter and the formatter, each independent of the others and of the tests.
//
// One after another before the tests they took 92 s of a 640 s run, while the
// test files left about a quarter of the two cores idle. Here each starts at
// once at a lower priority: it takes the processor the tests leave idle and
// yields it when they want it, rather than slowing them.
//
// Each check writes into a file of its own, since the run waits on the test
// runner without reading pipes; what a check printed is shown at the end of
// the run, after the tests' own report, under the command that printed it.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_DIR } from './data.ts';

/** A niceness of 10: about a tenth of a core's share when the tests want it. */
const LOWER_PRIORITY = 10;

/**
 * Run by a Node process of its own, which lowers its priority before it
 * starts the command through the shell, as npm does: the command and every
 * thread and process it starts inherit the lower priority. It writes how
 * long the command took into a second file: test/run.ts waits on the test
 * runner and hears of a check's end only once the tests are done.
 */
const LOWERED = `
const os = require('node:os');
const { spawnSync } = require('node:child_process');
try { os.setPriority(${LOWER_PRIORITY}); } catch {}
const started = performance.now();
const run = spawnSync(process.argv[1], { shell: true, stdio: 'inherit' });
require('node:fs').writeFileSync(process.argv[2], String((performance.now() - started) / 1000));
if (run.error) console.error(String(run.error));
process.exit(run.status ?? 1);
`;

/** What one check did. */
export interface CheckResult {
  readonly command: string;
  readonly passed: boolean;
  readonly exitCode: number | null;
  readonly seconds: number;
  readonly output: string;
}

/** `npm run check`'s commands, in its order. */
export function checkCommands(): string[] {
  const manifest = JSON.parse(fs.readFileSync(path.join(PROJECT_DIR, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  const check = manifest.scripts?.check;
  if (!check) throw new Error('package.json has no check script');
  return check.split('&&').map((command) => command.trim());
}

/**
 * Starts every check at once, at a lower priority, each writing into a file
 * in `dir`; resolves when all have ended.
 */
export function startChecks(dir: string): Promise<CheckResult[]> {
  const env = { ...process.env, PATH: [path.join(PROJECT_DIR, 'node_modules', '.bin'), process.env.PATH].join(path.delimiter) };
  return Promise.all(
    checkCommands().map((command, at) => {
      const file = path.join(dir, `check-${at + 1}.txt`);
      const took = path.join(dir, `check-${at + 1}-seconds.txt`);
      const out = fs.openSync(file, 'w');
      const started = performance.now();
      const child = spawn(process.execPath, ['-e', LOWERED, command, took], { cwd: PROJECT_DIR, env, stdio: ['ignore', out, out] });
      fs.closeSync(out);
      return new Promise<CheckResult>((resolve) => {
        const done = (exitCode: number | null, error?: Error) =>
          resolve({
            command,
            passed: exitCode === 0,
            exitCode,
            seconds: fs.existsSync(took) ? Number(fs.readFileSync(took, 'utf8')) : (performance.now() - started) / 1000,
            output: fs.readFileSync(file, 'utf8') + (error ? `${String(error)}\n` : ''),
          });
        child.once('error', (error) => done(null, error));
        child.once('close', (code) => done(code));
      });
    }),
  );
}

/** Prints each check's verdict and what it printed; says whether all passed. */
export function reportChecks(results: readonly CheckResult[]): boolean {
  console.log('');
  for (const result of results) {
    const verdict = result.passed ? 'passed' : `FAILED (exit code ${result.exitCode ?? 'none'})`;
    console.log(`# check \`${result.command}\` ${verdict} in ${result.seconds.toFixed(0)} s`);
    if (result.output.trim() !== '') console.log(result.output.trimEnd());
  }
  const failed = results.filter((result) => !result.passed);
  if (failed.length > 0) console.log(`# ${failed.length} of ${results.length} checks failed: ${failed.map((result) => result.command.split(' ')[0]).join(', ')}`);
  return failed.length === 0;
}
