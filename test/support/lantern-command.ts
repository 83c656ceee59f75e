// The `lantern` command run as a child process on a test's store, as a person
// at the server's console runs it: by URL where the run gives one, on the
// store's data folder otherwise.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { PROJECT_DIR } from './data.ts';
import type { TestStore } from './store.ts';

/** bin/lantern.js: the command as a person starts it, its TypeScript through tsx. */
export const LANTERN_BIN = path.join(PROJECT_DIR, 'bin', 'lantern.js');

/**
 * Node's arguments that start the command, before the command's own. In a
 * run of compiled tests, the command compiled with them (test/run.ts gives it
 * as LANTERN_TEST_COMMAND): the same sources, with no loader, as the test
 * files themselves run, about half the processor of bin/lantern.js to start
 * (3.4 s to 1.7 for `lantern serve`, 0.25 to 0.1 for `--help`). Otherwise,
 * and for the tests of bin/lantern.js itself, LANTERN_BIN.
 */
export const LANTERN: readonly string[] =
  process.env.LANTERN_TEST_COMMAND && fs.existsSync(process.env.LANTERN_TEST_COMMAND) ? ['--enable-source-maps', process.env.LANTERN_TEST_COMMAND] : [LANTERN_BIN];

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function lantern(store: TestStore, args: readonly string[], input?: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_TEST_CONTEXT: undefined };
  if (store.databaseUrl) Object.assign(env, { LANTERN_DATABASE_URL: store.databaseUrl, LANTERN_MIGRATION_DATABASE_URL: store.migrationDatabaseUrl });
  else env.LANTERN_DATA_DIR = store.dataDir;
  const child = spawn(process.execPath, [...LANTERN, ...args], { cwd: PROJECT_DIR, env, stdio: ['pipe', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.setEncoding('utf8').on('data', (text: string) => {
    stdout += text;
  });
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    stderr += text;
  });
  child.stdin.end(input ?? '');
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, stdout, stderr })));
}
