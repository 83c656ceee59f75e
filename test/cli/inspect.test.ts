// `lantern inspect` and `lantern import --dry-run` as a user runs them, on a
// fresh store: how a publisher's spreadsheet is read, in plain words, with
// nothing stored.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { PROJECT_DIR } from '../support/data.ts';
import { LANTERN } from '../support/lantern-command.ts';
import { xlsxFile } from '../support/spreadsheets.ts';
import { tempDir } from '../support/store.ts';

const INDICATOR = 'Fly-tipping incidents per 1,000 people';

describe('lantern inspect and import --dry-run', () => {
  let root: string;
  let dataDir: string;
  let workbook: string;

  async function lantern(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    const env: NodeJS.ProcessEnv = { ...process.env, LANTERN_DATA_DIR: dataDir, LANTERN_DEMO_DATA: path.join(root, 'no-demo-data') };
    for (const name of ['LANTERN_DATABASE_URL', 'NODE_TEST_CONTEXT', 'NODE_ENV']) delete env[name];
    try {
      const { stdout, stderr } = await promisify(execFile)(process.execPath, [...LANTERN, ...args], { cwd: PROJECT_DIR, env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code: number; stdout: string; stderr: string };
      return { code: failed.code, stdout: failed.stdout, stderr: failed.stderr };
    }
  }

  before(async () => {
    root = tempDir('lantern-inspect-');
    dataDir = tempDir('lantern-inspect-data-');
    fs.rmSync(dataDir, { recursive: true });
    workbook = path.join(root, 'fly-tipping.xlsx');
    const row = (code: string, name: string, period: string, value: number | string, compared = '') => [code, name, 'UA', period, INDICATOR, 'Rate', 'per 1,000', value, compared, ''];
    fs.writeFileSync(
      workbook,
      await xlsxFile([
        { name: 'Contents', rows: [['Fly-tipping incidents by local authority']] },
        {
          name: 'Table 1',
          rows: [
            ['area_code', 'area_name', 'area_type', 'period', 'indicator', 'measure', 'unit', 'value', 'compared_to_England', 'inequality'],
            row('E92000001', 'England', '2021/22', 18.3),
            row('E06000047', 'County Durham', '2021/22', 24.1, 'Worse'),
            row('E06000047', 'County Durham', '2022/23', 22.7, 'Worse'),
            row('E05000819', 'Ward one', '2022/23', 12),
            row('E05000820', 'Ward two', '2022/23', 'x'),
          ],
        },
      ]),
    );
  });

  after(() => {
    fs.rmSync(root, { recursive: true, force: true });
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('inspect says how the named sheet is read: layout, columns, metrics, periods, unknown codes by kind, rejections', async () => {
    const run = await lantern(['inspect', '--sheet', 'Table 1', workbook]);
    assert.equal(run.code, 1, run.stderr);
    const lines = run.stdout.split('\n');
    for (const expected of [
      'fly-tipping.xlsx: inspected, nothing stored',
      "  note: read the sheet 'Table 1'; the workbook also has 'Contents' (choose one with --sheet)",
      '  read as: Fingertips tidy extract',
      '    indicator → the metric',
      '    area_code → the area code',
      '    value → the value, flags',
      '  metrics it would create or change (1):',
      `    fly-tipping-incidents-per-1-000-people: ${INDICATOR} (financial year)`,
      '  periods: 2 (financial year), from 2021/22 to 2022/23',
      '    wards (E05): 2 (E05000819, E05000820)',
      "    fly-tipping.xlsx:6: column 'value': 'x' is not a number",
    ])
      assert.ok(lines.includes(expected), `missing line ${JSON.stringify(expected)} in:\n${run.stdout}`);
    assert.match(run.stdout, /^ {2}would be REJECTED; 5 rows read: \d would be inserted, 0 revised, 0 unchanged, 2 rejected \(with --skip-invalid the valid rows would load\)$/m);
  });

  it('import --dry-run reads the first sheet by default, says so, and stores nothing', async () => {
    const dry = await lantern(['import', '--dry-run', '--skip-invalid', '--sheet', 'table 1', workbook]);
    assert.equal(dry.code, 0, dry.stderr);
    assert.match(dry.stdout, /^fly-tipping\.xlsx: dry run, nothing stored$/m);
    assert.match(dry.stdout, /^ {2}would load; 5 rows read: \d would be inserted, 0 revised, 0 unchanged, 2 rejected$/m);
    const first = await lantern(['import', '--dry-run', workbook]);
    assert.equal(first.code, 1);
    assert.match(first.stdout, /note: read the sheet 'Contents'; the workbook also has 'Table 1' \(choose one with --sheet\)/);
    const metrics = await lantern(['metrics']);
    assert.doesNotMatch(metrics.stdout, /fly-tipping/, 'a dry run creates no metric');
  });
});
