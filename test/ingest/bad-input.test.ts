// Every way an observation file can be wrong: each is rejected with its line,
// column, reason and (where Lantern can tell) what was meant; the batch is
// recorded as rejected with those rejections, and nothing of it is stored.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { formatRejection, type Rejection } from '../../src/domain/batch/index.ts';
import { importFile, type ImportResult } from '../../src/ingest/import-file.ts';
import { getBatch, listBatches, listRejections } from '../../src/store/batches.ts';
import { queryObservations } from '../../src/store/observations.ts';
import { importText, seedCatalogue } from '../support/import.ts';
import { PROJECT_DIR } from '../support/data.ts';
import { openTestStore, tempDir, type TestStore } from '../support/store.ts';

const HEADER = 'metric,area,period,value,flags';
const FULL_HEADER = 'metric,area,period,value,numerator,denominator,lower_ci,upper_ci,flags';

/** A rejection as the test expects it: the reason by a distinctive part, the rest exactly (no suggestion means none). */
interface Expected {
  readonly line: number;
  readonly column?: string;
  readonly value?: string;
  readonly reason: RegExp | string;
  readonly suggestion?: string;
}

function csv(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

function plain(rejection: Rejection) {
  return { line: rejection.line, column: rejection.column, value: rejection.value, reason: rejection.reason, suggestion: rejection.suggestion };
}

function byLineAndColumn(a: Rejection, b: Rejection): number {
  return a.line - b.line || (a.column ?? '').localeCompare(b.column ?? '') || a.reason.localeCompare(b.reason);
}

function assertRejections(actual: readonly Rejection[], expected: readonly Expected[]): void {
  assert.equal(actual.length, expected.length, `rejections: ${JSON.stringify(actual, null, 1)}`);
  expected.forEach((want, i) => {
    const got = actual[i]!;
    assert.equal(got.line, want.line, `line of rejection ${i}`);
    assert.equal(got.column, want.column, `column of rejection ${i}`);
    if ('value' in want) assert.equal(got.value, want.value, `value of rejection ${i}`);
    if (typeof want.reason === 'string') assert.ok(got.reason.includes(want.reason), `reason of rejection ${i}: ${got.reason}`);
    else assert.match(got.reason, want.reason);
    assert.equal(got.suggestion, want.suggestion, `suggestion of rejection ${i}`);
  });
}

describe('bad observation files', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    const start = await importText(store.sql, 'start.csv', csv(HEADER, 'obesity,E06000047,2021/22,24.5,', 'visits,E06000001,2021,1200,'));
    assert.equal(start.status, 'loaded');
  });
  after(() => store.close());

  async function snapshot() {
    const [row] = await store.sql<{ observations: number; history: number; metrics: number; areas: number; periods: number; values: number }[]>`
      select (select count(*) from observation)::int as observations, (select count(*) from observation_history)::int as history,
        (select count(*) from metric)::int as metrics, (select count(*) from area)::int as areas,
        (select count(*) from period)::int as periods, (select coalesce(sum(value), 0) from observation)::float8 as values`;
    return row!;
  }

  /**
   * Imports `text` (all or nothing), expects it rejected with `expected`
   * (in the file's order), the batch recorded as rejected with the same
   * rejections, and the store exactly as it was.
   */
  async function expectRejected(fileName: string, text: string | Buffer | Buffer[], expected: readonly Expected[], rows?: { rejected?: number; rowsRead?: number }): Promise<ImportResult> {
    const before = await snapshot();
    const result = Array.isArray(text) ? await importFile(store.sql, { fileName, input: Readable.from(text), importedBy: 'test' }) : await importText(store.sql, fileName, text);
    assert.equal(result.status, 'rejected', `status of ${fileName}`);
    assert.equal(result.kind, 'observations');
    assertRejections(result.rejections, expected);
    const rejectedRows = rows?.rejected ?? new Set(expected.map((e) => e.line)).size;
    assert.equal(result.rejected, rejectedRows, 'rejected rows');
    if (rows?.rowsRead !== undefined) assert.equal(result.rowsRead, rows.rowsRead, 'rows read');
    assert.deepEqual([result.inserted, result.revised, result.unchanged], [0, 0, 0]);

    const batch = await getBatch(store.sql, result.batchId);
    assert.ok(batch);
    assert.equal(batch.status, 'rejected');
    assert.equal(batch.fileName, fileName);
    assert.equal(batch.kind, 'observations');
    assert.deepEqual([batch.rowsRead, batch.inserted, batch.revised, batch.unchanged, batch.rejected], [result.rowsRead, 0, 0, 0, rejectedRows]);
    assert.notEqual(batch.finishedAt, null);
    const stored = await listRejections(store.sql, result.batchId, 1000, 0);
    assert.deepEqual(stored.map(plain).sort(byLineAndColumn), result.rejections.map(plain).sort(byLineAndColumn), 'stored rejections');

    assert.deepEqual(await snapshot(), before, 'nothing from the rejected batch was stored');
    return result;
  }

  describe('names the file does not know', () => {
    it('rejects an unknown metric and suggests the nearest code with its title', async () => {
      await expectRejected(
        'unknown-metric.csv',
        csv(HEADER, 'obesity,E06000047,2022/23,25.5,', 'obesty,E06000047,2023/24,25.5,', 'vists,E06000001,2023,10,'),
        [
          { line: 3, column: 'metric', value: 'obesty', reason: "'obesty' is not a metric Lantern knows: import its definition first", suggestion: 'obesity Adults classified as obese' },
          { line: 4, column: 'metric', value: 'vists', reason: "'vists' is not a metric Lantern knows", suggestion: 'visits Library visits' },
        ],
        { rowsRead: 3 },
      );
    });

    it('rejects a metric nothing like a known one without a suggestion, and a missing metric', async () => {
      await expectRejected('far-metric.csv', csv(HEADER, 'rough-sleeping-count,E06000047,2023,5,', ',E06000047,2023,5,'), [
        { line: 2, column: 'metric', reason: "'rough-sleeping-count' is not a metric Lantern knows" },
        { line: 3, column: 'metric', value: '', reason: 'the metric is missing' },
      ]);
    });

    it('rejects a malformed area code, saying so, and suggests the nearest area of its kind, code and name', async () => {
      await expectRejected('unknown-area.csv', csv(HEADER, 'obesity,E0600047,2023/24,25.5,'), [
        { line: 2, column: 'area', value: 'E0600047', reason: "'E0600047' is not a GSS code (a letter and eight digits, such as E06000047)", suggestion: 'E06000047 County Durham' },
      ]);
    });

    it('rejects an area name typed where the code belongs and suggests the code of that name', async () => {
      await expectRejected('area-name.csv', csv(HEADER, 'obesity,County Durham,2023/24,25.5,', 'obesity,hartlepool,2023/24,30,'), [
        { line: 2, column: 'area', value: 'County Durham', reason: "'County Durham' is not a GSS code (a letter and eight digits, such as E06000047)", suggestion: 'E06000047 County Durham' },
        { line: 3, column: 'area', value: 'hartlepool', reason: "'hartlepool' is not a GSS code (a letter and eight digits, such as E06000047)", suggestion: 'E06000001 Hartlepool' },
      ]);
    });

    it('rejects an area nothing like a known one without a suggestion, and a missing area', async () => {
      await expectRejected('far-area.csv', csv(HEADER, 'obesity,Narnia,2023/24,25.5,', 'obesity,,2023/24,25.5,'), [
        { line: 2, column: 'area', value: 'Narnia', reason: "'Narnia' is not a GSS code (a letter and eight digits, such as E06000047)" },
        { line: 3, column: 'area', value: '', reason: 'the area code is missing' },
      ]);
    });

    it('never offers a code of another kind, however near: a ward code two edits from a region is said to be a ward', async () => {
      await expectRejected('ward-area.csv', csv(HEADER, 'obesity,E05000001,2023/24,25.5,'), [
        { line: 2, column: 'area', value: 'E05000001', reason: 'E05000001 is a ward code; Lantern holds local authorities: use --add-areas to keep wards' },
      ]);
    });
  });

  describe('periods', () => {
    it('rejects a period of the wrong kind for the metric', async () => {
      await expectRejected('period-kind.csv', csv(HEADER, 'obesity,E06000047,2023,25.5,', 'visits,E06000047,2023/24,10,'), [
        { line: 2, column: 'period', value: '2023', reason: "'2023' is a calendar year but obesity is reported by financial year" },
        { line: 3, column: 'period', value: '2023/24', reason: "'2023/24' is a financial year but visits is reported by calendar year" },
      ]);
    });

    it('rejects a period it cannot read, saying which forms it reads or what was wrong', async () => {
      await expectRejected('period-unreadable.csv', csv(HEADER, 'obesity,E06000047,twenty,25.5,', 'obesity,E06000047,2023/25,25.5,', 'obesity,E06000047,,25.5,'), [
        {
          line: 2,
          column: 'period',
          value: 'twenty',
          reason: "'twenty' is not a period Lantern reads: use 2023/24, 2023, 2023/24 Q2, 2024-03, 2010 - 12, 2018/19 - 22/23, 2020-12-31, Apr 2019-Mar 2020 or 2016-04-01/P1Y",
        },
        { line: 3, column: 'period', value: '2023/25', reason: "'2023/25' is not a financial year: the second year must follow the first (2023/24)" },
        { line: 4, column: 'period', value: '', reason: 'the period is empty' },
      ]);
    });
  });

  describe('values', () => {
    it('rejects a value that is not a number', async () => {
      await expectRejected('abc.csv', csv(HEADER, 'obesity,E06000047,2023/24,abc,'), [{ line: 2, column: 'value', value: 'abc', reason: "'abc' is not a number" }]);
    });

    it('rejects values that are not finite numbers: NaN, Infinity, -Infinity and 1e999', async () => {
      await expectRejected('non-finite.csv', csv(HEADER, 'visits,E06000047,2020,NaN,', 'visits,E06000047,2021,Infinity,', 'visits,E06000047,2022,-Infinity,', 'visits,E06000047,2023,1e999,'), [
        { line: 2, column: 'value', value: 'NaN', reason: "'NaN' is not a finite number" },
        { line: 3, column: 'value', value: 'Infinity', reason: "'Infinity' is not a finite number" },
        { line: 4, column: 'value', value: '-Infinity', reason: "'-Infinity' is not a finite number" },
        { line: 5, column: 'value', value: '1e999', reason: "'1e999' is too large to be a finite number" },
      ]);
    });

    it('rejects a number written with a thousands separator or a percent sign and suggests the plain number', async () => {
      await expectRejected('separators.csv', csv(HEADER, 'visits,E06000047,2023,"1,234",', 'obesity,E06000047,2023/24,25%,'), [
        { line: 2, column: 'value', value: '1,234', reason: "'1,234' is not a plain number", suggestion: '1234' },
        { line: 3, column: 'value', value: '25%', reason: "'25%' is not a plain number", suggestion: '25' },
      ]);
    });

    it('rejects a proportion whose numerator is greater than its denominator', async () => {
      await expectRejected('numerator.csv', csv(FULL_HEADER, 'obesity,E06000047,2023/24,25,30,20,,,'), [
        { line: 2, column: 'numerator', value: '30', reason: 'the numerator (30) is greater than the denominator (20)' },
      ]);
    });

    it('rejects a negative count, a negative proportion and a negative numerator or denominator', async () => {
      await expectRejected(
        'negative.csv',
        csv(FULL_HEADER, 'visits,E06000047,2023,-5,,,,,', 'obesity,E06000047,2023/24,-1,,,,,', 'obesity,E06000001,2023/24,10,-1,10,,,', 'obesity,E06000047,2022/23,10,1,-10,,,'),
        [
          { line: 2, column: 'value', value: '-5', reason: 'a count cannot be negative' },
          { line: 3, column: 'value', value: '-1', reason: 'a proportion cannot be negative' },
          { line: 4, column: 'numerator', value: '-1', reason: 'a numerator counts something and cannot be negative' },
          { line: 5, column: 'denominator', value: '-10', reason: 'a denominator counts something and cannot be negative' },
          { line: 5, column: 'numerator', value: '1', reason: 'the numerator (1) is greater than the denominator (-10)' },
        ],
      );
    });

    it('rejects a confidence interval whose lower limit is above its upper one, and a value outside its interval', async () => {
      await expectRejected('interval.csv', csv(FULL_HEADER, 'obesity,E06000047,2023/24,25,,,30,20,', 'obesity,E06000001,2023/24,50,,,10,20,'), [
        { line: 2, column: 'lower_ci', value: '30', reason: 'the lower confidence limit (30) is above the upper one (20)' },
        { line: 3, column: 'value', value: '50', reason: 'the value (50) lies outside its confidence interval (10 to 20)' },
      ]);
    });

    it('rejects a missing value without the suppressed flag and suggests the flag', async () => {
      await expectRejected('missing-value.csv', csv(HEADER, 'obesity,E06000047,2023/24,,', 'obesity,E06000001,2023/24,,provisional'), [
        { line: 2, column: 'value', value: '', reason: 'the value is missing; a value may be left empty only when the row is flagged suppressed', suggestion: 'suppressed' },
        { line: 3, column: 'value', value: '', reason: 'only when the row is flagged suppressed', suggestion: 'suppressed' },
      ]);
    });

    it('stores a missing value when the row is flagged suppressed', async () => {
      const result = await importText(store.sql, 'suppressed.csv', csv(HEADER, 'obesity,E06000047,2019/20,,suppressed'));
      assert.equal(result.status, 'loaded');
      assert.deepEqual([result.rowsRead, result.inserted, result.rejected], [1, 1, 0]);
      const [row] = await queryObservations(store.sql, { metric: 'obesity', area: 'E06000047', from: '2020-03-31', to: '2020-03-31', limit: 10, offset: 0 });
      assert.equal(row!.period, '2019/20');
      assert.equal(row!.value, null);
      assert.equal(row!.flags, 4); // suppressed is the third flag
    });

    it('rejects a flag that is not a flag, naming the flags there are', async () => {
      await expectRejected('flag.csv', csv(HEADER, 'obesity,E06000047,2023/24,25,provisonal', 'obesity,E06000001,2023/24,25,provisional revised'), [
        { line: 2, column: 'flags', value: 'provisonal', reason: "'provisonal' is not a flag: use provisional, revised, suppressed, estimated, separated by ;", suggestion: 'provisional' },
        { line: 3, column: 'flags', value: 'provisional revised', reason: "'provisional revised' is not a flag" },
      ]);
    });
  });

  describe('rows and files', () => {
    it('rejects a line that gives the same metric, area and period as an earlier one, naming the key', async () => {
      await expectRejected(
        'duplicate.csv',
        csv(HEADER, 'obesity,E06000047,2023/24,25,', 'obesity,E06000001,2023/24,25,', 'obesity,E06000047,2023/24,26,'),
        [{ line: 4, reason: 'the metric obesity, area E06000047 and period 2023/24 are on an earlier line too: a file may give each only once' }],
        { rejected: 1, rowsRead: 3 },
      );
    });

    it('counts one period written two ways as the same key', async () => {
      await expectRejected('duplicate-labels.csv', csv(HEADER, 'obesity,E06000047,2023/24,25,', 'obesity,E06000047,2023-24,26,'), [{ line: 3, reason: 'are on an earlier line too' }]);
    });

    it('rejects a file without a required column, naming the columns it has', async () => {
      await expectRejected(
        'no-value.csv',
        csv('metric,area,period', 'obesity,E06000047,2023/24'),
        [{ line: 1, column: 'value', reason: "the required column 'value' is missing (the header has: metric, area, period)" }],
        { rejected: 1, rowsRead: 0 },
      );
    });

    it('suggests the column a misspelt header meant', async () => {
      const result = await expectRejected(
        'areas-column.csv',
        csv('metric,areas,period,value', 'obesity,E06000047,2023/24,25'),
        [{ line: 1, column: 'area', reason: "the required column 'area' is missing (the header has: metric, areas, period, value)", suggestion: "'areas'" }],
        { rejected: 1, rowsRead: 0 },
      );
      assert.equal(
        formatRejection('areas-column.csv', result.rejections[0]!),
        "areas-column.csv:1: column 'area': the required column 'area' is missing (the header has: metric, areas, period, value) (did you mean 'areas'?)",
      );
    });

    it('names every missing column', async () => {
      await expectRejected(
        'few-columns.csv',
        csv('metric,value', 'obesity,25'),
        [{ line: 1, column: 'area', reason: "the required column 'area' is missing (the header has: metric, value); also missing: period" }],
        { rejected: 1, rowsRead: 0 },
      );
    });

    it('rejects an empty file (0 bytes) as having no header, and says so in the batch message', async () => {
      const result = await expectRejected('empty.csv', '', [{ line: 1, reason: 'the file is empty: it has no header row' }], { rejected: 1, rowsRead: 0 });
      const batch = await getBatch(store.sql, result.batchId);
      assert.equal(batch!.message, 'empty.csv:1: the file is empty: it has no header row');
      assert.equal(batch!.fileSha256, null);
    });

    it('rejects a file of blank lines as empty', async () => {
      await expectRejected('blank.csv', '\n\n  \n', [{ line: 1, reason: 'the file is empty: it has no header row' }], { rejected: 1, rowsRead: 0 });
    });

    it('rejects a header-only file as holding no rows, with or without a final newline or blank lines after', async () => {
      for (const [name, text] of [
        ['header-only.csv', `${HEADER}\n`],
        ['header-only-no-newline.csv', HEADER],
        ['header-and-blanks.csv', `${HEADER}\n\n\n`],
      ] as const) {
        const result = await expectRejected(name, text, [{ line: 1, reason: 'the file holds no rows: nothing to import' }], { rejected: 1, rowsRead: 0 });
        assert.equal((await getBatch(store.sql, result.batchId))!.fileSha256, null);
      }
    });

    it('loads a file that starts with a byte order mark, with a notice', async () => {
      const result = await importText(store.sql, 'bom.csv', `\ufeff${csv(HEADER, 'visits,E06000047,2015,321,')}`);
      assert.equal(result.status, 'loaded');
      assert.deepEqual([result.rowsRead, result.inserted, result.rejected], [1, 1, 0]);
      assert.deepEqual(result.notices, ['the file starts with a byte order mark (BOM); Lantern ignored it']);
      const rows = await queryObservations(store.sql, { metric: 'visits', area: 'E06000047', from: '2015-12-31', to: '2015-12-31', limit: 10, offset: 0 });
      assert.deepEqual(
        rows.map((r) => [r.period, r.value]),
        [['2015', 321]],
      );
    });

    it('rejects a file that is not UTF-8, naming the line of the first bad byte', async () => {
      const latin1 = Buffer.concat([
        Buffer.from(csv(HEADER, 'obesity,E06000047,2023/24,25,', 'obesity,E06000001,2023/24,25,'), 'utf8'),
        Buffer.from('obesity,'),
        Buffer.from([0x59, 0x6e, 0x79, 0x73, 0x20, 0x4d, 0xf4, 0x6e]),
        Buffer.from(',2023/24,25,\n'),
      ]);
      const result = await expectRejected('latin1.csv', latin1, [{ line: 4, reason: 'the file is not UTF-8 text: a byte here is not valid UTF-8', suggestion: 'save it as "CSV UTF-8"' }], {
        rejected: 1,
        rowsRead: 0,
      });
      assert.equal((await getBatch(store.sql, result.batchId))!.message, 'latin1.csv:4: the file is not UTF-8 text: a byte here is not valid UTF-8 (did you mean save it as "CSV UTF-8"?)');
    });

    it('names the true line of a bad byte far into a large file', async () => {
      const lines = [HEADER];
      for (let i = 0; i < 100_000; i++) lines.push(`visits,E06000047,${1900 + (i % 200)},${i},`);
      const bytes = Buffer.concat([Buffer.from(lines.join('\r\n') + '\r\n'), Buffer.from([0x4d, 0xf4, 0x6e]), Buffer.from('\r\n')]);
      await expectRejected('large-latin1.csv', bytes, [{ line: 100_002, reason: 'is not UTF-8 text', suggestion: 'save it as "CSV UTF-8"' }], { rejected: 1 });
    });

    it('names the true line of a bad value far into a large file read in chunks', async () => {
      const metrics = ['code,title,polarity,value_kind,period_kind', ...Array.from({ length: 250 }, (_, m) => `count-${m},Count ${m},neutral,count,calendar_year`)];
      assert.equal((await importText(store.sql, 'counts.csv', metrics.join('\n'))).status, 'loaded');
      const lines = [HEADER];
      for (let i = 0; i < 100_000; i++) lines.push(`count-${i % 250},${i % 500 < 250 ? 'E06000047' : 'E06000001'},${1900 + Math.floor(i / 500)},${i},`);
      lines[3] = lines[3]!.replace(/,\d+,$/, ',early,');
      lines[77_777] = lines[77_777]!.replace(/,\d+,$/, ',late,');
      const bytes = Buffer.from(lines.join('\n') + '\n');
      const chunks: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += 65_536) chunks.push(bytes.subarray(i, i + 65_536));
      await expectRejected(
        'large-bad-values.csv',
        chunks,
        [
          { line: 4, column: 'value', value: 'early', reason: "'early' is not a number" },
          { line: 77_778, column: 'value', value: 'late', reason: "'late' is not a number" },
        ],
        { rejected: 2, rowsRead: 100_000 },
      );
    });

    it('rejects a cell over 1000 characters, keeping its first 100 as the value', async () => {
      await expectRejected('long.csv', csv(HEADER, `obesity,E06000047,2023/24,25,${'x'.repeat(1001)}`), [
        { line: 2, column: '#5', value: 'x'.repeat(100), reason: 'the cell is 1001 characters long; at most 1000 are allowed' },
      ]);
    });

    it('rejects cells that look like spreadsheet formulas, suggesting the number where there is one', async () => {
      await expectRejected(
        'formulas.csv',
        csv(HEADER, 'obesity,E06000047,2023/24,=1+2,', 'obesity,E06000001,2023/24,+5,', 'visits,E06000047,2023,@SUM(A1),', '=cmd|calc,E06000001,2023,5,', 'visits,E06000001,2023, =7,'),
        [
          { line: 2, column: '#4', value: '=1+2', reason: "'=1+2' looks like a spreadsheet formula" },
          { line: 3, column: '#4', value: '+5', reason: "'+5' looks like a spreadsheet formula", suggestion: '5' },
          { line: 4, column: '#4', value: '@SUM(A1)', reason: "'@SUM(A1)' looks like a spreadsheet formula" },
          { line: 5, column: '#1', value: '=cmd|calc', reason: "'=cmd|calc' looks like a spreadsheet formula" },
          { line: 6, column: '#4', value: ' =7', reason: "' =7' looks like a spreadsheet formula", suggestion: '7' },
        ],
      );
    });

    it('rejects a row with fewer or more cells than the header', async () => {
      await expectRejected('width.csv', csv(HEADER, 'obesity,E06000047,2023/24,25', 'obesity,E06000001,2023/24,25,,extra'), [
        { line: 2, reason: 'the row has 4 cells but the header has 5' },
        { line: 3, reason: 'the row has 6 cells but the header has 5' },
      ]);
    });
  });

  describe('many bad rows', () => {
    it('reports every bad row, not just the first, and counts rows rather than problems', async () => {
      const result = await expectRejected(
        'many.csv',
        csv(
          HEADER,
          'obesity,E06000047,2010/11,20,',
          'obesty,E0600047,2023/24,abc,',
          'obesity,E06000001,2010/11,21,',
          'visits,E06000047,2023,-3,',
          '',
          'visits,E06000001,2023,7,sometimes',
          'visits,E06000001,2011,8,',
        ),
        [
          { line: 3, column: 'metric', value: 'obesty', reason: 'is not a metric Lantern knows', suggestion: 'obesity Adults classified as obese' },
          { line: 3, column: 'area', value: 'E0600047', reason: 'is not a GSS code', suggestion: 'E06000047 County Durham' },
          { line: 3, column: 'value', value: 'abc', reason: "'abc' is not a number" },
          { line: 5, column: 'value', value: '-3', reason: 'a count cannot be negative' },
          { line: 7, column: 'flags', value: 'sometimes', reason: "'sometimes' is not a flag" },
        ],
        { rejected: 3, rowsRead: 6 },
      );
      assert.equal(result.rejections.length, 5);
    });
  });

  describe('skipping invalid rows', () => {
    it('loads the valid rows, keeps every rejection with the batch and marks it loaded', async () => {
      const before = await snapshot();
      const text = csv(
        HEADER,
        'visits,E06000047,2030,11,',
        'visits,E06000047,2031,x,',
        'visits,E06000001,2030,12,provisional',
        'visits,E0600047,2030,13,',
        'visits,E06000001,2031,14,',
        'visits,E06000001,2031,15,',
        'visits,E06000047,2021,16,',
        'visits,E06000001,2021,1200,',
      );
      const result = await importText(store.sql, 'skip.csv', text, true);
      assert.equal(result.status, 'loaded');
      // lines 2, 4, 6 and 8 are new; 9 is as stored; 3 and 5 are bad; 7 repeats the key of 6, which is kept
      assert.deepEqual([result.rowsRead, result.inserted, result.revised, result.unchanged, result.rejected], [8, 4, 0, 1, 3]);
      assertRejections([...result.rejections].sort(byLineAndColumn), [
        { line: 3, column: 'value', value: 'x', reason: "'x' is not a number" },
        { line: 5, column: 'area', value: 'E0600047', reason: 'is not a GSS code', suggestion: 'E06000047 County Durham' },
        { line: 7, reason: 'the metric visits, area E06000001 and period 2031 are on an earlier line too' },
      ]);

      const batch = await getBatch(store.sql, result.batchId);
      assert.equal(batch!.status, 'loaded');
      assert.equal(batch!.skipInvalid, true);
      assert.deepEqual([batch!.rowsRead, batch!.inserted, batch!.revised, batch!.unchanged, batch!.rejected], [8, 4, 0, 1, 3]);
      const stored = await listRejections(store.sql, result.batchId, 100, 0);
      assert.deepEqual(stored.map(plain), result.rejections.map(plain).sort(byLineAndColumn));

      const after = await snapshot();
      assert.equal(after.observations, before.observations + 4);
      assert.equal(after.history, before.history);
      const durham = await queryObservations(store.sql, { metric: 'visits', area: 'E06000047', from: '2021-01-01', limit: 10, offset: 0 });
      assert.deepEqual(
        durham.map((r) => [r.period, r.value, r.batchId === result.batchId]),
        [
          ['2021', 16, true],
          ['2030', 11, true],
        ],
      );
      const hartlepool = await queryObservations(store.sql, { metric: 'visits', area: 'E06000001', from: '2021-01-01', limit: 10, offset: 0 });
      assert.deepEqual(
        hartlepool.map((r) => [r.period, r.value, r.flags]),
        [
          ['2021', 1200, 0],
          ['2030', 12, 1],
          ['2031', 14, 0],
        ],
      );
    });

    it('records a batch whose every row was invalid as loaded with nothing in it', async () => {
      const before = await snapshot();
      const result = await importText(store.sql, 'skip-all.csv', csv(HEADER, 'obesity,E06000047,2023/24,x,'), true);
      assert.equal(result.status, 'loaded');
      assert.deepEqual([result.rowsRead, result.inserted, result.rejected], [1, 0, 1]);
      assert.equal((await listRejections(store.sql, result.batchId, 10, 0)).length, 1);
      const after = await snapshot();
      assert.deepEqual({ ...after, periods: 0 }, { ...before, periods: 0 });
      // The rejected row's period is still added to the period table (2023/24 was not there before).
      assert.equal(after.periods, before.periods + 1);
    });
  });

  describe('messages', () => {
    it('formats a rejection as file, line, column, reason and suggestion', async () => {
      const result = await importText(store.sql, 'bad-area.csv', csv(HEADER, 'obesity,E0600047,2023/24,25.5,'));
      assert.equal(
        formatRejection('bad-area.csv', result.rejections[0]!),
        "bad-area.csv:2: column 'area': 'E0600047' is not a GSS code (a letter and eight digits, such as E06000047) (did you mean E06000047 County Durham?)",
      );
      const [stored] = await listRejections(store.sql, result.batchId, 10, 0);
      assert.equal(
        formatRejection('bad-area.csv', stored!),
        "bad-area.csv:2: column 'area': 'E0600047' is not a GSS code (a letter and eight digits, such as E06000047) (did you mean E06000047 County Durham?)",
      );
    });

    it('formats a rejection without a column or suggestion', async () => {
      const result = await importText(store.sql, 'short.csv', csv(HEADER, 'obesity,E06000047,2023/24'));
      assert.equal(formatRejection('short.csv', result.rejections[0]!), 'short.csv:2: the row has 3 cells but the header has 5');
    });
  });

  describe('faults found and mended', () => {
    it('suggests the whole number for a cell that starts with a tab', async () => {
      await expectRejected('tab.csv', csv(HEADER, 'visits,E06000047,2023,"\t25",'), [{ line: 2, column: '#4', value: '\t25', reason: 'looks like a spreadsheet formula', suggestion: '25' }]);
    });

    it('reads the header after a blank first line instead of calling the file empty', async () => {
      const result = await importText(store.sql, 'leading-blank.csv', `\n${csv(HEADER, 'visits,E06000047,2016,9,')}`);
      assert.equal(result.status, 'loaded');
      assert.equal(result.inserted, 1);
    });

    it('does not offer a decimal comma as a thousands separator', async () => {
      await expectRejected('decimal-comma.csv', csv(HEADER, 'visits,E06000047,2023,"2,5",', 'visits,E06000001,2023,"1.234,5",'), [
        { line: 2, column: 'value', value: '2,5', reason: "'2,5' is not a number" },
        { line: 3, column: 'value', value: '1.234,5', reason: "'1.234,5' is not a number" },
      ]);
    });

    it('loads a UTF-8 file that holds the replacement character U+FFFD', async () => {
      const withChar = await importText(store.sql, 'replacement-char.csv', csv('metric,area,period,value,flags,note', 'visits,E06000047,2018,9,,caf\uFFFD'));
      assert.equal(withChar.status, 'loaded', JSON.stringify(withChar.rejections));
    });

    it('rejects a non-UTF-8 byte that comes after the first chunk of a file stream', async () => {
      // In a child process: the fault leaves a connection in COPY, whose stream errors unhandled when the pool closes.
      const dir = tempDir('lantern-bad-input-');
      try {
        const lines = [HEADER];
        for (let i = 0; i < 5000; i++) lines.push(`visits,E06000047,${1900 + (i % 200)},${i},`);
        const file = path.join(dir, 'latin1-after-64k.csv');
        fs.writeFileSync(file, Buffer.concat([Buffer.from(lines.join('\n') + '\n'), Buffer.from([0x4d, 0xf4, 0x6e]), Buffer.from('\n')]));
        assert.ok(fs.statSync(file).size > 65_536, 'the bad byte lies beyond the first 64 KB chunk of fs.createReadStream');
        const before = await snapshot();
        const child = spawnSync(process.execPath, ['--import', 'tsx', path.join(PROJECT_DIR, 'test/support/import-child.ts'), file], {
          cwd: PROJECT_DIR,
          encoding: 'utf8',
          timeout: 60_000,
          env: {
            ...process.env,
            ...(store.databaseUrl ? { LANTERN_DATABASE_URL: store.databaseUrl, LANTERN_MIGRATION_DATABASE_URL: store.migrationDatabaseUrl } : { LANTERN_DATA_DIR: store.dataDir }),
          },
        });
        assert.deepEqual(await snapshot(), before);
        const [batch] = await listBatches(store.sql, 1, 0);
        assert.equal(batch!.fileName, 'latin1-after-64k.csv');
        assert.equal(batch!.status, 'rejected');
        assert.deepEqual(await listRejections(store.sql, batch!.id, 10, 0), [
          { line: 5002, reason: 'the file is not UTF-8 text: a byte here is not valid UTF-8', suggestion: 'save it as "CSV UTF-8"' },
        ]);
        assert.equal(child.stdout.trim(), 'rejected', child.stderr);
        assert.equal(child.status, 0, child.stderr);
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  });
});
