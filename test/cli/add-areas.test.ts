// `lantern import --add-areas` as a user runs it: a file of ward figures is
// refused without the flag, each code said to be a ward, and kept with it,
// the batch saying how many areas it added.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { PROJECT_DIR } from '../support/data.ts';
import { LANTERN } from '../support/lantern-command.ts';
import { tempDir } from '../support/store.ts';

const METRICS = 'code,title,polarity,value_kind,period_kind\nclaimants,Claimants as a share of residents aged 16-64,lower_is_better,mean,date\n';
const WARDS = ['metric,area,area_name,period,value', 'claimants,E05008809,Elvet and Gilesgate,2023-12-31,1.2', 'claimants,E05008810,Esh and Witton Gilbert,2023-12-31,2.4'].join('\n') + '\n';

describe('lantern import --add-areas', () => {
  let root: string;
  let dataDir: string;

  function lantern(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    const env: NodeJS.ProcessEnv = { ...process.env, LANTERN_DATA_DIR: dataDir, LANTERN_DEMO_DATA: path.join(root, 'no-demo-data') };
    for (const name of ['LANTERN_DATABASE_URL', 'PORT', 'LANTERN_PORT', 'NODE_TEST_CONTEXT', 'NODE_ENV']) delete env[name];
    const child = spawn(process.execPath, [...LANTERN, ...args], { cwd: PROJECT_DIR, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (text: string) => {
      stdout += text;
    });
    child.stderr.setEncoding('utf8').on('data', (text: string) => {
      stderr += text;
    });
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code) => resolve({ code, stdout, stderr }));
    });
  }
  const write = (name: string, text: string) => {
    const file = path.join(root, name);
    fs.writeFileSync(file, text);
    return file;
  };

  before(() => {
    root = tempDir('lantern-add-areas-');
    dataDir = tempDir('lantern-add-areas-data-');
    fs.rmSync(dataDir, { recursive: true });
  });
  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('refuses the wards without the flag, naming file, line, column and what each code is; exit 1', async () => {
    const run = await lantern(['import', write('metrics.csv', METRICS), write('wards.csv', WARDS)]);
    assert.equal(run.code, 1, run.stderr);
    const messages = run.stderr.split('\n').filter((line) => line.startsWith('wards.csv:'));
    assert.deepEqual(messages, [
      "wards.csv:2: column 'area': E05008809 is a ward code; Lantern holds local authorities: use --add-areas to keep wards",
      "wards.csv:3: column 'area': E05008810 is a ward code; Lantern holds local authorities: use --add-areas to keep wards",
    ]);
    assert.match(run.stdout, /^wards\.csv: batch \d+ REJECTED/m);
  });

  it('keeps them with --add-areas, and says how many it added', async () => {
    const run = await lantern(['import', '--add-areas', path.join(root, 'wards.csv')]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(run.stderr.trim(), 'wards.csv: note: 2 areas added: 2 wards');
    assert.match(run.stdout, /^wards\.csv: batch \d+ loaded; 2 rows read, 2 inserted/m);
    const listed = await lantern(['areas', '--type', 'ward']);
    assert.equal(listed.code, 0, listed.stderr);
    assert.match(listed.stdout, /E05008809\s+Elvet and Gilesgate/);
  });
});
