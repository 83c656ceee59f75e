// The `lantern` command run as a child process on a test's store, as a person
// at the server's console runs it: by URL where the run gives one, on the
// store's data folder otherwise.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { PROJECT_DIR } from './data.ts';
import type { TestStore } from './store.ts';

export interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

export function lantern(store: TestStore, args: readonly string[], input?: string): Promise<Run> {
  const env: NodeJS.ProcessEnv = { ...process.env, NODE_TEST_CONTEXT: undefined };
  if (store.databaseUrl) Object.assign(env, { LANTERN_DATABASE_URL: store.databaseUrl, LANTERN_MIGRATION_DATABASE_URL: store.migrationDatabaseUrl });
  else env.LANTERN_DATA_DIR = store.dataDir;
  const child = spawn(process.execPath, [path.join(PROJECT_DIR, 'bin', 'lantern.js'), ...args], { cwd: PROJECT_DIR, env, stdio: ['pipe', 'pipe', 'pipe'] });
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
