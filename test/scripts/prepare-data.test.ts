// The reference data in the repository is what scripts/prepare-data.ts makes
// of ../shared/data: run into a folder of its own, the script writes the very
// bytes committed (the register, the regions, the boundaries, the published
// neighbour sets, and migrations 005, 018 and 024).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { PROJECT_DIR, SHARED_DATA } from '../support/data.ts';
import { tempDir } from '../support/store.ts';

/** Every file under a folder, as paths relative to it. */
function filesUnder(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => fs.statSync(path.join(dir, file)).isFile())
    .sort();
}

describe('scripts/prepare-data.ts', () => {
  it('reproduces the committed reference data and migrations 005, 018 and 024 from ../shared/data', (t) => {
    const out = tempDir('lantern-prepare-out-');
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', path.join('scripts', 'prepare-data.ts'), SHARED_DATA, '--out', out], { cwd: PROJECT_DIR, encoding: 'utf8' });
      assert.equal(run.status, 0, run.stderr);
      t.diagnostic(run.stderr.trim());
      const written = filesUnder(out);
      const reference = filesUnder(path.join(PROJECT_DIR, 'data', 'reference')).filter((file) => path.basename(file) !== 'PROVENANCE.md');
      assert.deepEqual(
        written,
        [
          ...reference.map((file) => path.join('data', 'reference', file)),
          path.join('src', 'store', 'migrations', '005-reference-areas.sql'),
          path.join('src', 'store', 'migrations', '018-published-neighbour-sets.sql'),
          path.join('src', 'store', 'migrations', '024-area-other-names.sql'),
        ].sort(),
      );
      for (const file of written) assert.ok(fs.readFileSync(path.join(out, file)).equals(fs.readFileSync(path.join(PROJECT_DIR, file))), `${file} is as committed`);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });

  it('says what it needs when the source folder is not there', () => {
    const out = tempDir('lantern-prepare-out-');
    try {
      const run = spawnSync(process.execPath, ['--import', 'tsx', path.join('scripts', 'prepare-data.ts'), path.join(out, 'nowhere'), '--out', out], { cwd: PROJECT_DIR, encoding: 'utf8' });
      assert.equal(run.status, 1);
      assert.match(run.stderr, /prepare-data: .*nowhere.*uk_local_authorities\.csv/);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
