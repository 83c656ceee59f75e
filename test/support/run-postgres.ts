// The one PostgreSQL server of a test run (test/run.ts): Lantern's embedded
// server on a temporary folder, holding the run's templates, on which every
// test store is a database of its own (test/support/store.ts). Test files
// whose subject is the embedded server itself start their own.
import fs from 'node:fs';
import postgres from 'postgres';
import { DATABASE_USER, startEmbeddedServer, type EmbeddedServer } from '../../src/store/embedded-server.ts';
import { makeTemplates, tempDir } from './store.ts';

export interface RunPostgres {
  /** The server's superuser, for LANTERN_TEST_DATABASE_URL. */
  readonly url: string;
  stop(): Promise<void>;
}

/**
 * Settings for a server whose data lives as long as the run: test files side
 * by side each hold several pools, an engine listening for imports and the
 * import children they start, so there are more connections than the default
 * hundred; and nothing need survive a crash, so commits are not flushed to
 * disk (they are still atomic and visible as ever).
 */
const SETTINGS = {
  max_connections: '400',
  fsync: 'off',
  synchronous_commit: 'off',
  full_page_writes: 'off',
} as const;

export async function startRunPostgres(log: (line: string) => void): Promise<RunPostgres> {
  const dataDir = tempDir('lantern-test-run-');
  const started = performance.now();
  const first = await startEmbeddedServer(dataDir, 'test-run');
  await configure(urlOf(first));
  await first.stop(); // max_connections takes effect on a start
  const server = await startEmbeddedServer(dataDir, 'test-run');
  const url = urlOf(server);
  log(`# one PostgreSQL for the run, on port ${server.port}, started in ${seconds(started)} s`);
  const templates = performance.now();
  await makeTemplates(url);
  log(`# templates made (migrated store; demo extracts loaded) in ${seconds(templates)} s`);
  return {
    url,
    async stop() {
      await server.stop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

function urlOf(server: EmbeddedServer): string {
  return `postgres://${DATABASE_USER}:${encodeURIComponent(server.password)}@127.0.0.1:${server.port}/postgres`;
}

async function configure(url: string): Promise<void> {
  const sql = postgres(url, { max: 1, onnotice: () => {} });
  try {
    for (const [name, value] of Object.entries(SETTINGS)) await sql.unsafe(`alter system set ${name} = '${value}'`);
  } finally {
    await sql.end();
  }
}

function seconds(since: number): string {
  return ((performance.now() - since) / 1000).toFixed(1);
}
