// `npm test` after the checks: every test file on Lantern's embedded
// PostgreSQL, then the store and ingest tests again against a separately
// started PostgreSQL server reached by URL.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { startEmbeddedServer, DATABASE_USER } from '../src/store/embedded-server.ts';
import { PROJECT_DIR } from './support/data.ts';
import { tempDir } from './support/store.ts';

function testFiles(...dirs: string[]): string[] {
  return dirs.flatMap((dir) => fs.readdirSync(path.join(PROJECT_DIR, dir), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.test.ts'))
    .map((file) => path.join(dir, file)))
    .sort();
}

function runTests(files: string[], env: NodeJS.ProcessEnv): number {
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...files], {
    cwd: PROJECT_DIR, stdio: 'inherit', env: { ...process.env, ...env },
  });
  return result.status ?? 1;
}

const only = process.argv.slice(2);
console.log('# every test, on the embedded PostgreSQL');
let failed = runTests(only.length > 0 ? only : testFiles('test'), {});

if (only.length === 0) {
  console.log('\n# store and ingest tests, on a separately started PostgreSQL server (LANTERN_DATABASE_URL)');
  const dataDir = tempDir('lantern-server-');
  const server = await startEmbeddedServer(dataDir, 'test-server');
  const url = `postgres://${DATABASE_USER}:${encodeURIComponent(server.password)}@127.0.0.1:${server.port}/postgres`;
  try {
    failed += runTests(testFiles('test/store', 'test/ingest'), { LANTERN_TEST_DATABASE_URL: url });
  } finally {
    await server.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
process.exit(failed === 0 ? 0 : 1);
