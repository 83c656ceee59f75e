// A `lantern import` of one file in a process of its own (import-child.ts),
// on the test's store, so that a test can kill it mid-batch; and the wait for
// its batch to be well into the file.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { PROJECT_DIR } from './data.ts';
import type { TestStore } from './store.ts';

export interface ImportChild {
  readonly child: ChildProcess;
  /** What the child printed so far, for messages. */
  output(): string;
}

export function startImportChild(store: TestStore, file: string): ImportChild {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(PROJECT_DIR, 'test/support/import-child.ts'), file], {
    cwd: PROJECT_DIR,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...(store.databaseUrl ? { LANTERN_DATABASE_URL: store.databaseUrl, LANTERN_MIGRATION_DATABASE_URL: store.migrationDatabaseUrl } : { LANTERN_DATA_DIR: store.dataDir }) },
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr!.on('data', (d: Buffer) => {
    output += d.toString();
  });
  return { child, output: () => output };
}

/** The id of the child's batch once it is validating, and a moment later, so that the import is well into the file. */
export async function runningBatch(store: TestStore, fileName: string, output: () => string): Promise<number> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const [row] = await store.sql<{ id: number }[]>`select id from import_batch where status = 'validating' and file_name = ${fileName}`;
    if (row) {
      await new Promise((resolve) => setTimeout(resolve, 150));
      return row.id;
    }
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`the child never started its batch: ${output()}`);
}
