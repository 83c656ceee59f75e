import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { PROJECT_DIR } from './support/data.ts';

const REPORTER = pathToFileURL(path.join(PROJECT_DIR, 'test/support/spec-by-source.mjs')).href;

/**
 * Runs a test file holding `text`, at `file` in a folder of its own, under
 * node:test with the reporter, as test/run.ts does (with --test-force-exit):
 * its exit status and what it printed.
 */
function reported(file: string, text: string): { status: number | null; stdout: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lantern-spec-'));
  const at = path.join(dir, file);
  fs.mkdirSync(path.dirname(at), { recursive: true });
  fs.writeFileSync(at, text);
  try {
    // Without the test runner's own mark, which would make the child report to this run rather than print.
    return spawnSync(process.execPath, ['--test', '--test-force-exit', `--test-reporter=${REPORTER}`, '--test-reporter-destination=stdout', at], {
      encoding: 'utf8',
      env: { ...process.env, NODE_TEST_CONTEXT: undefined },
    });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe('the run’s spec reporter (test/support/spec-by-source.mjs)', () => {
  it('still prints the count of failures and the failing tests when --test-force-exit ends the run', () => {
    const run = reported('falls-over.test.mjs', `import { test } from 'node:test';\ntest('keeps its figures', () => { throw new Error('the figures were lost'); });\ntest('passes', () => {});\n`);
    assert.equal(run.status, 1);
    const tail = run.stdout.slice(run.stdout.indexOf('ℹ fail 1'));
    assert.match(tail, /failing tests:/);
    assert.match(tail, /✖ keeps its figures/);
    assert.match(tail, /the figures were lost/);
  });

  it('names a compiled file that fails as a whole by its source', () => {
    const run = reported(path.join('built', '007', 'test', 'store', 'falls-over.test.mjs'), "throw new Error('cannot load');\n");
    assert.equal(run.status, 1);
    const tail = run.stdout.slice(run.stdout.indexOf('failing tests:'));
    assert.match(tail, /✖ test\/store\/falls-over\.test\.ts/);
    assert.doesNotMatch(tail, /✖ .*built/);
  });

  it('says again at the end what work left running after its test did, which fails the file and no test', () => {
    const run = reported(
      'leaves-work.test.mjs',
      [
        "import { test } from 'node:test';",
        "test('leaves a query running', () => { setTimeout(() => Promise.reject(new Error('the store was closed')), 10); });",
        "test('takes a while', () => new Promise((resolve) => setTimeout(resolve, 300)));",
        '',
      ].join('\n'),
    );
    assert.equal(run.status, 1);
    const tail = run.stdout.slice(run.stdout.indexOf('failing tests:'));
    assert.match(tail, /work left running after its test ended/);
    assert.match(tail, /"leaves a query running" .* generated asynchronous activity after the test ended/);
    assert.match(tail, /the store was closed/);
  });
});
