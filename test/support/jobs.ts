// What the job tests share: a second pool on a test store (a second server,
// as far as PostgreSQL can tell), a job runner in a process of its own
// (job-child.ts) that a test can kill mid-job, and waiting for a condition.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { JobQueue } from '../../src/jobs/job-runner.ts';
import { openStore, type Store } from '../../src/store/store.ts';
import { PROJECT_DIR } from './data.ts';
import type { TestStore } from './store.ts';

/**
 * The queue whose job the child takes and never finishes: a run older than
 * 2 s is taken for dead, and the maintenance every second fails it, to be
 * retried at once.
 */
export const STUCK: JobQueue = { queue: 'test-stuck', expireInSeconds: 2, retryLimit: 2, retryDelaySeconds: 0, pollSeconds: 0.5 };

/** The runner settings of the tests: maintenance every second, schedules read every second. */
export const QUICK = { maintenanceSeconds: 1, cronSeconds: 1, stopTimeoutSeconds: 10 } as const;

/** Another Lantern process's view of the same store: its own pool, the same role, the same database. */
export async function openSiblingStore(store: TestStore): Promise<TestStore> {
  const sibling: Store = store.databaseUrl
    ? await openStore({ databaseUrl: store.databaseUrl, migrationDatabaseUrl: store.migrationDatabaseUrl, dataDir: '', role: 'test sibling' })
    : await openStore({ dataDir: store.dataDir!, role: 'test sibling' });
  return { ...sibling, dataDir: store.dataDir, databaseUrl: store.databaseUrl, migrationDatabaseUrl: store.migrationDatabaseUrl };
}

export interface JobChild {
  readonly child: ChildProcess;
  /** Resolves with the first line the child prints that matches. */
  line(pattern: RegExp): Promise<string>;
  output(): string;
}

/** A runner in its own process on the test's store, taking STUCK's jobs: it prints "ready", then "started <id> <attempt>" for each job, which never ends. */
export function startJobChild(store: TestStore): JobChild {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_DIR, 'test/support/job-child.ts')], {
    cwd: PROJECT_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(store.databaseUrl ? { LANTERN_DATABASE_URL: store.databaseUrl, LANTERN_MIGRATION_DATABASE_URL: store.migrationDatabaseUrl } : { LANTERN_DATA_DIR: store.dataDir }) },
  });
  let output = '';
  const waiting: { pattern: RegExp; resolve: (line: string) => void }[] = [];
  const hear = (data: Buffer) => {
    output += data.toString();
    for (const wait of [...waiting]) {
      const found = output.split('\n').find((line) => wait.pattern.test(line));
      if (found !== undefined) {
        waiting.splice(waiting.indexOf(wait), 1);
        wait.resolve(found);
      }
    }
  };
  child.stdout!.on('data', hear);
  child.stderr!.on('data', hear);
  return {
    child,
    output: () => output,
    line: (pattern) =>
      new Promise((resolve, reject) => {
        const found = output.split('\n').find((line) => pattern.test(line));
        if (found !== undefined) return resolve(found);
        waiting.push({ pattern, resolve });
        child.once('exit', (code) => reject(new Error(`the job child exited (${code}) before printing ${pattern}: ${output}`)));
      }),
  };
}

/** Waits until `check` gives something other than undefined, asking every 25 ms, for up to `seconds`. */
export async function eventually<T>(what: string, check: () => Promise<T | undefined> | T | undefined, seconds = 30): Promise<T> {
  const deadline = Date.now() + seconds * 1000;
  for (;;) {
    const found = await check();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`gave up after ${seconds} s waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
