// The JSON API over HTTP, on a real store loaded with the demo (the public data
// in ../shared/data): filters, shapes, CSV, imports, errors and the OpenAPI
// document. The read tests run first; the import tests then add to the store.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import SwaggerParser from '@apidevtools/swagger-parser';
import Papa from 'papaparse';
import { DEMO_THEMES_FILE, demoFiles, contextFromRegister, REGISTER_FILE } from '../../src/ingest/demo.ts';
import { importFile } from '../../src/ingest/import-file.ts';
import { openApiDocument } from '../../src/server/openapi.ts';
import { administratorToken, bearer } from '../support/access.ts';
import { SHARED_DATA } from '../support/data.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openDemoStore, type TestStore } from '../support/store.ts';

// What the API sends: the store's rows as JSON (dates as text, flags as words).
interface ApiArea {
  code: string;
  name: string;
  type: string;
  regionCode: string | null;
  countyCode: string | null;
  startDate: string | null;
  endDate: string | null;
}
interface ApiMetric {
  code: string;
  title: string;
  polarity: string;
  valueKind: string;
  periodKind: string;
}
interface ApiObservation {
  metric: string;
  area: string;
  areaName: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  lowerCi: number | null;
  upperCi: number | null;
  flags: string[];
  batchId: number;
}
interface ApiHistoryEntry {
  period: string;
  value: number | null;
  flags: string[];
  batchId: number;
  supersededBy: number | null;
}
interface ApiBatch {
  id: number;
  kind: string;
  status: string;
  fileName: string;
  skipInvalid: boolean;
  rowsRead: number;
  inserted: number;
  revised: number;
  unchanged: number;
  rejected: number;
}
interface ApiRejection {
  line: number;
  column?: string;
  reason: string;
  message: string;
}
interface ApiImportResult {
  batchId: number;
  status: string;
  kind: string;
  rowsRead: number;
  inserted: number;
  revised: number;
  unchanged: number;
  rejected: number;
  rejections: ApiRejection[];
}
interface ApiError {
  status: number;
  code: string;
  message: string;
}
interface List<T> {
  items: T[];
}

const ACTIVE_ADULTS = 'percentage-of-physically-active-adults';
const DURHAM = 'E06000047';
const BCP = 'E06000058'; // Bournemouth, Christchurch and Poole: a name with commas

describe('the JSON API on the demo data', () => {
  let store: TestStore;
  let server: TestServer;
  let app: TestServer['app'];
  let base: string;
  let logged: string[];
  /** Imports and rejected rows are for administrators (see test/server/access). */
  let asAdministrator: Record<string, string>;

  before(async () => {
    store = await openDemoStore(); // the demo's extracts, which must be at SHARED_DATA
    asAdministrator = bearer(await administratorToken(store.sql));
    server = await startTestServer(store);
    ({ app, base, logged } = server);
  });
  after(async () => {
    await server.close();
    await store.close();
  });

  async function get<T>(address: string, headers: Record<string, string> = {}): Promise<{ status: number; body: T; type: string }> {
    const response = await fetch(base + address, { headers });
    return { status: response.status, body: (await response.json()) as T, type: response.headers.get('content-type') ?? '' };
  }
  async function items<T>(address: string, headers: Record<string, string> = {}): Promise<T[]> {
    const { status, body } = await get<List<T> & ApiError>(address, headers);
    assert.equal(status, 200, `GET ${address}: ${body.message}`);
    return body.items;
  }
  async function post<T>(address: string, body: string, contentType = 'text/csv'): Promise<{ status: number; body: T }> {
    const response = await fetch(base + address, { method: 'POST', body, headers: { 'Content-Type': contentType, ...asAdministrator } });
    return { status: response.status, body: (await response.json()) as T };
  }
  const names = (areas: readonly ApiArea[]) => areas.map((a) => a.name);

  describe('GET /api/areas', () => {
    it('type=region gives the nine English regions, by name', async () => {
      const regions = await items<ApiArea>('/api/areas?type=region');
      assert.equal(regions.length, 9);
      assert.ok(regions.every((r) => r.type === 'region' && /^E12\d{6}$/.test(r.code)));
      assert.deepEqual(
        names(regions),
        [...names(regions)].sort((a, b) => a.localeCompare(b)),
      );
      assert.ok(names(regions).includes('North East'));
    });

    it("region=E12000001 gives the North East's areas: its twelve councils and its combined authorities", async () => {
      const areas = await items<ApiArea>('/api/areas?region=E12000001');
      assert.ok(areas.every((a) => a.regionCode === 'E12000001'));
      assert.deepEqual(names(areas.filter((a) => a.type === 'unitary' || a.type === 'metropolitan_district')), [
        'County Durham',
        'Darlington',
        'Gateshead',
        'Hartlepool',
        'Middlesbrough',
        'Newcastle upon Tyne',
        'North Tyneside',
        'Northumberland',
        'Redcar and Cleveland',
        'South Tyneside',
        'Stockton-on-Tees',
        'Sunderland',
      ]);
      assert.ok(areas.some((a) => a.type === 'combined_authority'));
    });

    it('parent=<county> gives the districts of that county', async () => {
      const districts = await items<ApiArea>('/api/areas?parent=E10000007'); // Derbyshire
      assert.deepEqual(names(districts), ['Amber Valley', 'Bolsover', 'Chesterfield', 'Derbyshire Dales', 'Erewash', 'High Peak', 'North East Derbyshire', 'South Derbyshire']);
      assert.ok(districts.every((d) => d.type === 'district' && d.countyCode === 'E10000007'));
    });

    it('q= finds by part of the name in any case, or by exact code', async () => {
      assert.deepEqual(
        (await items<ApiArea>('/api/areas?q=durham')).map((a) => [a.code, a.name]),
        [[DURHAM, 'County Durham']],
      );
      assert.deepEqual(
        (await items<ApiArea>('/api/areas?q=DURHAM')).map((a) => a.code),
        [DURHAM],
      );
      assert.deepEqual(
        (await items<ApiArea>(`/api/areas?q=${DURHAM.toLowerCase()}`)).map((a) => a.code),
        [DURHAM],
      );
    });

    it('current=true leaves out the areas that have ended', async () => {
      const cumbria = await items<ApiArea>('/api/areas?parent=E10000006'); // its six districts ended in 2023
      assert.equal(cumbria.length, 6);
      assert.ok(cumbria.every((d) => d.endDate === '2023-04-01'));
      assert.deepEqual(await items<ApiArea>('/api/areas?parent=E10000006&current=true'), []);

      const all = await items<ApiArea>('/api/areas?limit=10000');
      const current = await items<ApiArea>('/api/areas?current=true&limit=10000');
      assert.ok(current.every((a) => a.endDate === null));
      assert.equal(current.length, all.filter((a) => a.endDate === null).length);
      assert.ok(current.length < all.length);
      assert.equal((await items<ApiArea>('/api/areas?current=false&limit=10000')).length, all.length);
    });

    it('limit and offset page through the same order', async () => {
      const regions = await items<ApiArea>('/api/areas?type=region');
      assert.deepEqual(await items<ApiArea>('/api/areas?type=region&limit=3&offset=3'), regions.slice(3, 6));
      assert.deepEqual(await items<ApiArea>('/api/areas?type=region&offset=9'), []);
      assert.equal((await items<ApiArea>('/api/areas')).length, 100, 'the default page is 100');
    });

    it('treats LIKE wildcards and SQL-looking text as plain text', async () => {
      assert.deepEqual(await items<ApiArea>('/api/areas?q=%25'), []);
      assert.deepEqual(await items<ApiArea>('/api/areas?q=_'), []);
      const injection = await items<ApiArea>(`/api/areas?q=${encodeURIComponent("'; drop table area; --")}`);
      assert.deepEqual(injection, []);
      const metrics = await items<ApiMetric>(`/api/metrics?q=${encodeURIComponent("' or '1'='1")}`);
      assert.deepEqual(metrics, []);
      const [table] = await store.sql<{ area: string | null; count: number }[]>`select to_regclass('area')::text as area, (select count(*)::int from area) as count`;
      assert.equal(table!.area, 'area');
      assert.ok(table!.count > 400);
    });
  });

  describe('GET /api/areas/:code', () => {
    it('gives one area, whatever the case of the code', async () => {
      const { status, body } = await get<ApiArea>(`/api/areas/${DURHAM}`);
      assert.equal(status, 200);
      assert.deepEqual([body.code, body.name, body.type, body.regionCode, body.endDate], [DURHAM, 'County Durham', 'unitary', 'E12000001', null]);
      assert.equal((await get<ApiArea>('/api/areas/e06000047')).body.code, DURHAM);
    });

    it('answers 404 in JSON for an unknown code', async () => {
      const { status, body, type } = await get<ApiError>('/api/areas/E06999999');
      assert.equal(status, 404);
      assert.match(type, /^application\/json/);
      assert.equal(body.code, 'not_found');
      assert.equal(body.status, 404);
      assert.match(body.message, /E06999999/);
    });
  });

  describe('GET /api/metrics', () => {
    it('q=active finds the activity metrics (inactivity included)', async () => {
      const found = await items<ApiMetric>('/api/metrics?q=active');
      assert.deepEqual(found.map((m) => m.code).sort(), [
        'percentage-of-adults-aged-16-plus-who-are-fairly-active',
        ACTIVE_ADULTS,
        'percentage-of-physically-active-children-and-young-people',
        'percentage-of-physically-inactive-adults',
      ]);
      assert.deepEqual(
        found.map((m) => m.title),
        [...found.map((m) => m.title)].sort(),
        'by title',
      );
      assert.equal((await items<ApiMetric>('/api/metrics?q=active&limit=2')).length, 2);
    });

    it('every word of q must match', async () => {
      const found = await items<ApiMetric>('/api/metrics?q=physically%20adults');
      assert.deepEqual(found.map((m) => m.code).sort(), [ACTIVE_ADULTS, 'percentage-of-physically-inactive-adults']);
    });

    it('GET /api/metrics/:code gives the definition, and 404 for an unknown code', async () => {
      const { status, body } = await get<ApiMetric>(`/api/metrics/${ACTIVE_ADULTS}`);
      assert.equal(status, 200);
      assert.deepEqual([body.title, body.polarity, body.valueKind, body.periodKind], ['Percentage of physically active adults', 'higher_is_better', 'proportion', 'financial_year']);
      const missing = await get<ApiError>('/api/metrics/no-such-metric');
      assert.equal(missing.status, 404);
      assert.equal(missing.body.code, 'not_found');
      assert.match(missing.body.message, /no-such-metric/);
    });
  });

  describe('GET /api/observations', () => {
    it('filters by metric, area and a range of periods, in period order', async () => {
      const rows = await items<ApiObservation>(`/api/observations?metric=${ACTIVE_ADULTS}&area=${DURHAM}&from=2016/17&to=2018/19`);
      assert.deepEqual(
        rows.map((r) => [r.period, r.value]),
        [
          ['2016/17', 66.7],
          ['2017/18', 61.9],
          ['2018/19', 64.4],
        ],
      );
      const all = await items<ApiObservation>(`/api/observations?metric=${ACTIVE_ADULTS}&area=${DURHAM}`);
      assert.deepEqual(
        all.map((r) => r.period),
        ['2015/16', '2016/17', '2017/18', '2018/19', '2019/20', '2020/21', '2021/22'],
      );
      assert.deepEqual(
        (await items<ApiObservation>(`/api/observations?metric=${ACTIVE_ADULTS}&area=${DURHAM}&from=2021/22`)).map((r) => r.period),
        ['2021/22'],
      );
      assert.deepEqual(
        (await items<ApiObservation>(`/api/observations?metric=${ACTIVE_ADULTS}&area=${DURHAM}&to=2015/16`)).map((r) => r.period),
        ['2015/16'],
      );
    });

    it('gives each observation as JSON with its dates, nulls and flags as words', async () => {
      const [row] = await items<ApiObservation>(`/api/observations?metric=${ACTIVE_ADULTS}&area=${DURHAM}&from=2016/17&to=2016/17`);
      assert.deepEqual(row, {
        metric: ACTIVE_ADULTS,
        area: DURHAM,
        areaName: 'County Durham',
        period: '2016/17',
        periodStart: '2016-04-01',
        periodEnd: '2017-03-31',
        value: 66.7,
        numerator: null,
        denominator: null,
        lowerCi: null,
        upperCi: null,
        flags: [],
        batchId: row!.batchId,
      });
      assert.equal(typeof row!.batchId, 'number');
      // Fingertips' NA: a suppressed value
      const [suppressed] = await items<ApiObservation>('/api/observations?metric=depression-qof-prevalence-18-plus-yrs&area=E08000027&from=2016/17&to=2016/17');
      assert.equal(suppressed!.value, null);
      assert.deepEqual(suppressed!.flags, ['suppressed']);
    });

    it('pages with limit and offset; the default page is 1000 rows', async () => {
      const first = await items<ApiObservation>(`/api/observations?metric=${ACTIVE_ADULTS}&limit=5`);
      const second = await items<ApiObservation>(`/api/observations?metric=${ACTIVE_ADULTS}&limit=5&offset=5`);
      const ten = await items<ApiObservation>(`/api/observations?metric=${ACTIVE_ADULTS}&limit=10`);
      assert.equal(first.length, 5);
      assert.deepEqual([...first, ...second], ten);
      assert.equal((await items<ApiObservation>(`/api/observations?metric=${ACTIVE_ADULTS}`)).length, 1000);
    });

    it('format=csv gives every matching row as CSV in the import format, as many as the JSON', async () => {
      const filter = `metric=${ACTIVE_ADULTS}&from=2016/17`;
      const json = await items<ApiObservation>(`/api/observations?${filter}&limit=10000`);
      assert.ok(json.length > 1000, 'more than one JSON page, and more than one cursor batch');
      const response = await fetch(`${base}/api/observations?${filter}&format=csv`);
      assert.equal(response.status, 200);
      assert.match(response.headers.get('content-type') ?? '', /^text\/csv/);
      assert.match(response.headers.get('content-disposition') ?? '', /^attachment; filename="?observations\.csv"?$/);
      const text = await response.text();
      const lines = text.split('\r\n');
      assert.equal(lines[0], 'metric,area,area_name,period,value,numerator,denominator,lower_ci,upper_ci,flags');
      assert.equal(lines.at(-1), '', 'ends with a line break');
      assert.equal(lines.length - 2, json.length);
      const parsed = Papa.parse<string[]>(text.trimEnd(), { newline: '\r\n' });
      assert.deepEqual(parsed.errors, []);
      assert.deepEqual(
        parsed.data.slice(1).map((r) => [r[0], r[1], r[2], r[3], r[4] === '' ? null : Number(r[4])]),
        json.map((o) => [o.metric, o.area, o.areaName, o.period, o.value]),
      );
    });

    it('format=csv quotes area names that hold commas, and writes flags as words', async () => {
      const text = await (await fetch(`${base}/api/observations?metric=${ACTIVE_ADULTS}&area=${BCP}&format=csv`)).text();
      const rows = text.trimEnd().split('\r\n').slice(1);
      assert.equal(rows.length, 7);
      assert.ok(
        rows.every((row) => row.startsWith(`${ACTIVE_ADULTS},${BCP},"Bournemouth, Christchurch and Poole",`)),
        rows[0],
      );
      const suppressed = await (await fetch(`${base}/api/observations?metric=depression-qof-prevalence-18-plus-yrs&area=E08000027&from=2016/17&to=2016/17&format=csv`)).text();
      assert.match(suppressed.split('\r\n')[1]!, /,2016\/17,,,,,,suppressed$/);
    });

    it('format=csv of a filter that matches nothing is the header alone', async () => {
      const text = await (await fetch(`${base}/api/observations?metric=no-such-metric&format=csv`)).text();
      assert.equal(text, 'metric,area,area_name,period,value,numerator,denominator,lower_ci,upper_ci,flags\r\n');
    });
  });

  describe('a client that stops reading a CSV export', () => {
    const abandon = async () => {
      const controller = new AbortController();
      const response = await fetch(`${base}/api/observations?format=csv`, { signal: controller.signal });
      const reader = response.body!.getReader();
      await reader.read(); // the header and the first rows; the rest is never read
      controller.abort();
      await reader.closed.catch(() => {});
    };

    it('closes its cursor: the pool gets every connection back', async () => {
      for (let i = 0; i < 12; i++) await abandon(); // more than the pool's 10 connections
      const running = async () => {
        const [row] = await store.sql<{ n: number }[]>`
          select count(*)::int as n from pg_stat_activity
          where datname = current_database() and pid <> pg_backend_pid() and state <> 'idle'`;
        return row!.n;
      };
      const deadline = Date.now() + 10_000;
      while ((await running()) > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
      assert.equal(await running(), 0, 'every abandoned export query has ended');
      const rows = await items<ApiObservation>(`/api/observations?metric=${ACTIVE_ADULTS}&area=${DURHAM}`);
      assert.equal(rows.length, 7);
    });

    it('is not logged as an error of the server', async () => {
      const before = logged.length;
      await abandon();
      await new Promise((resolve) => setTimeout(resolve, 200));
      assert.deepEqual(logged.slice(before), []);
    });
  });

  describe('GET /api/observations/history', () => {
    it('gives every value of a metric for an area', async () => {
      const history = await items<ApiHistoryEntry>(`/api/observations/history?metric=${ACTIVE_ADULTS}&area=${DURHAM}`);
      assert.equal(history.length, 7);
      assert.ok(history.every((h) => h.supersededBy === null && Array.isArray(h.flags)));
    });

    it('needs both metric and area', async () => {
      const { status, body } = await get<ApiError>(`/api/observations/history?metric=${ACTIVE_ADULTS}`);
      assert.equal(status, 400);
      assert.match(body.message, /'area'/);
    });
  });

  describe('GET /api/imports', () => {
    const register = 'uk_local_authorities.csv';
    let registerId: number;
    // Every store has the register (migration 005); imported again, as a user may, it is a batch of unchanged areas and rejected rows.
    before(async () => {
      await importFile(store.sql, { fileName: register, input: fs.createReadStream(REGISTER_FILE), importedBy: 'test', skipInvalid: true });
    });

    it('lists the demo batches, newest first', async () => {
      const batches = await items<ApiBatch>('/api/imports');
      const generated = contextFromRegister(path.join(SHARED_DATA, 'uk-local-authorities', 'uk_local_authorities.csv')).map(([name]) => name);
      assert.deepEqual(
        batches.map((b) => path.basename(b.fileName)).sort(),
        [...demoFiles(SHARED_DATA, ['fingertips-extracts']).map((f) => path.basename(f.path)), ...generated, DEMO_THEMES_FILE, register].sort(),
      );
      assert.ok(batches.every((b) => b.status === 'loaded'));
      assert.deepEqual(
        batches.map((b) => b.id),
        [...batches.map((b) => b.id)].sort((a, b) => b - a),
      );
      assert.deepEqual(await items<ApiBatch>('/api/imports?limit=2&offset=1'), batches.slice(1, 3));
      registerId = batches.find((b) => b.fileName.endsWith(register))!.id;
    });

    it('GET /api/imports/:id gives one batch with its counts', async () => {
      const { status, body } = await get<ApiBatch>(`/api/imports/${registerId}`);
      assert.equal(status, 200);
      assert.deepEqual([body.kind, body.status, body.skipInvalid, body.inserted, body.revised, body.rejected], ['areas', 'loaded', true, 0, 0, 25]);
      assert.ok(body.unchanged > 400);
    });

    it("GET /api/imports/:id/rejections gives the register's 25 rejected rows with their messages", async () => {
      const rejections = await items<ApiRejection>(`/api/imports/${registerId}/rejections`, asAdministrator);
      assert.equal(rejections.length, 25);
      assert.deepEqual(
        rejections.map((r) => r.line),
        [...rejections.map((r) => r.line)].sort((a, b) => a - b),
      );
      for (const r of rejections) {
        assert.equal(r.column, 'gss-code');
        assert.ok(r.message.endsWith(`${register}:${r.line}: column 'gss-code': ${r.reason}`), r.message);
      }
      assert.match(rejections[0]!.message, /:257: column 'gss-code': Derry has no GSS code/);
      assert.deepEqual(await items<ApiRejection>(`/api/imports/${registerId}/rejections?limit=5&offset=20`, asAdministrator), rejections.slice(20));
    });

    it('answers 404 for a batch that does not exist', async () => {
      for (const address of ['/api/imports/999999', '/api/imports/999999/rejections']) {
        const { status, body } = await get<ApiError>(address, asAdministrator);
        assert.equal(status, 404, address);
        assert.match(body.message, /999999/);
      }
    });
  });

  describe('POST /api/imports', () => {
    const observations = (...rows: string[]) => ['metric,area,period,value,flags', ...rows].join('\n') + '\n';
    const current = (period: string) => items<ApiObservation>(`/api/observations?metric=${ACTIVE_ADULTS}&from=${period}&to=${period}`);

    it('loads a good file as one batch: 201 with its counts, and the rows are there', async () => {
      const { status, body } = await post<ApiImportResult>(
        '/api/imports?fileName=active%202022.csv',
        observations(`${ACTIVE_ADULTS},${DURHAM},2022/23,64.0,provisional`, `${ACTIVE_ADULTS},E06000001,2022/23,60.5,`),
      );
      assert.equal(status, 201, JSON.stringify(body));
      assert.deepEqual([body.status, body.kind, body.rowsRead, body.inserted, body.revised, body.unchanged, body.rejected, body.rejections], ['loaded', 'observations', 2, 2, 0, 0, 0, []]);
      const rows = await current('2022/23');
      assert.deepEqual(
        rows.map((r) => [r.area, r.value, r.flags, r.batchId]),
        [
          ['E06000001', 60.5, [], body.batchId],
          [DURHAM, 64, ['provisional'], body.batchId],
        ],
      );
      const batch = await get<ApiBatch>(`/api/imports/${body.batchId}`);
      assert.deepEqual([batch.body.fileName, batch.body.status, batch.body.inserted], ['active 2022.csv', 'loaded', 2]);
    });

    it('revises a changed value and keeps the old one in the history', async () => {
      const { status, body } = await post<ApiImportResult>('/api/imports', observations(`${ACTIVE_ADULTS},${DURHAM},2021/22,70,revised`));
      assert.equal(status, 201);
      assert.deepEqual([body.inserted, body.revised], [0, 1]);
      const history = await items<ApiHistoryEntry>(`/api/observations/history?metric=${ACTIVE_ADULTS}&area=${DURHAM}`);
      assert.deepEqual(
        history.filter((h) => h.period === '2021/22').map((h) => [h.value, h.flags, h.supersededBy === null ? 'current' : h.supersededBy]),
        [
          [70, ['revised'], 'current'],
          [66.7, [], body.batchId],
        ],
      );
    });

    it('rejects a file with a bad row: 422 with every rejection and its message, and nothing stored', async () => {
      const { status, body } = await post<ApiImportResult>(
        '/api/imports?fileName=bad.csv',
        observations(`${ACTIVE_ADULTS},${DURHAM},2023/24,64.0,`, `${ACTIVE_ADULTS},E06000001,2023/24,abc,`, `${ACTIVE_ADULTS},E06999999,2023/24,50,`),
      );
      assert.equal(status, 422);
      assert.deepEqual([body.status, body.inserted, body.rejected], ['rejected', 0, 2]);
      assert.deepEqual(
        body.rejections.map((r) => r.line),
        [3, 4],
      );
      assert.match(body.rejections[0]!.message, /^bad\.csv:3: column 'value': .*abc/);
      assert.match(body.rejections[1]!.message, /^bad\.csv:4: column 'area': .*E06999999/);
      assert.deepEqual(await current('2023/24'), []);
      const batch = await get<ApiBatch>(`/api/imports/${body.batchId}`);
      assert.deepEqual([batch.body.status, batch.body.inserted, batch.body.rejected], ['rejected', 0, 2]);
      assert.equal((await items<ApiRejection>(`/api/imports/${body.batchId}/rejections`, asAdministrator)).length, 2);
    });

    it('skipInvalid=true loads the good rows (201) and keeps the rejections with the batch', async () => {
      const { status, body } = await post<ApiImportResult>(
        '/api/imports?fileName=partly.csv&skipInvalid=true',
        observations(`${ACTIVE_ADULTS},${DURHAM},2024/25,65.5,`, `${ACTIVE_ADULTS},E06000001,2024/25,abc,`),
      );
      assert.equal(status, 201);
      assert.deepEqual([body.status, body.inserted, body.rejected], ['loaded', 1, 1]);
      assert.deepEqual(
        (await current('2024/25')).map((r) => [r.area, r.value]),
        [[DURHAM, 65.5]],
      );
      const kept = await items<ApiRejection>(`/api/imports/${body.batchId}/rejections`, asAdministrator);
      assert.deepEqual(
        kept.map((r) => [r.line, r.column]),
        [[3, 'value']],
      );
      assert.match(kept[0]!.message, /^partly\.csv:3: column 'value'/);
    });

    it('loads metric definitions sent as JSON', async () => {
      const definitions = [{ code: 'api-library-visits', title: 'Library visits', polarity: 'higher_is_better', valueKind: 'count', periodKind: 'calendar_year', themes: ['culture'] }];
      const { status, body } = await post<ApiImportResult>('/api/imports?fileName=metrics.json', JSON.stringify(definitions), 'application/json');
      assert.equal(status, 201, JSON.stringify(body));
      assert.deepEqual([body.status, body.kind, body.inserted], ['loaded', 'metrics', 1]);
      const metric = await get<ApiMetric & { themes: string[] }>('/api/metrics/api-library-visits');
      assert.deepEqual([metric.status, metric.body.valueKind, metric.body.periodKind, metric.body.themes], [200, 'count', 'calendar_year', ['culture']]);
      assert.deepEqual(
        (await items<ApiMetric>('/api/metrics?theme=culture')).map((m) => m.code),
        ['api-library-visits'],
      );
    });

    it('refuses a file name with a path in it', async () => {
      const { status, body } = await post<ApiError>('/api/imports?fileName=..%2Fetc%2Fpasswd', observations());
      assert.equal(status, 400);
      assert.match(body.message, /'fileName'/);
    });
  });

  describe('bad requests', () => {
    const cases: [address: string, parameter: string][] = [
      ['/api/areas?limit=abc', 'limit'],
      ['/api/areas?limit=0', 'limit'],
      ['/api/areas?limit=99999999', 'limit'],
      ['/api/areas?offset=-1', 'offset'],
      ['/api/areas?type=bogus', 'type'],
      ['/api/areas?current=maybe', 'current'],
      ['/api/areas?q=a&q=b', 'q'],
      ['/api/areas?region=north', 'region'],
      ['/api/areas?colour=red', 'colour'],
      ['/api/observations?area=123', 'area'],
      ['/api/observations?metric=Bad%20Metric', 'metric'],
      ['/api/observations?from=notaperiod', 'from'],
      ['/api/observations?to=2024%2F03', 'to'],
      ['/api/observations?format=xml', 'format'],
      ['/api/observations?limit=10001', 'limit'],
      ['/api/imports/abc', 'id'],
      ['/api/imports/0/rejections', 'id'],
      ['/api/imports?limit=-5', 'limit'],
    ];
    for (const [address, parameter] of cases) {
      it(`${address} is a 400 in JSON naming '${parameter}', without a stack trace`, async () => {
        const response = await fetch(base + address);
        const text = await response.text();
        assert.equal(response.status, 400, text);
        assert.match(response.headers.get('content-type') ?? '', /^application\/json/);
        const body = JSON.parse(text) as ApiError;
        assert.deepEqual(Object.keys(body).sort(), ['code', 'message', 'status']);
        assert.deepEqual([body.status, body.code], [400, 'bad_request']);
        assert.ok(body.message.includes(`'${parameter}'`), body.message);
        assert.doesNotMatch(text, /\bat .*\(?[\w/.-]+:\d+:\d+\)?/, 'no stack trace');
        assert.doesNotMatch(text, /\\n\s+at /, 'no stack trace');
      });
    }

    it('a parameter sent with format=csv is still checked', async () => {
      const response = await fetch(`${base}/api/observations?metric=${ACTIVE_ADULTS}&format=csv&limit=abc`);
      await response.text();
      assert.equal(response.status, 400);
    });

    it('an unknown API address is a 404 in JSON', async () => {
      for (const [method, address] of [
        ['GET', '/api/nothing'],
        ['GET', '/api/areas/E06000047/extra'],
        ['POST', '/api/areas'],
        ['DELETE', '/api/imports/1'],
      ]) {
        const response = await fetch(base + address, { method });
        const body = (await response.json()) as ApiError;
        assert.equal(response.status, 404, `${method} ${address}`);
        assert.deepEqual([body.status, body.code], [404, 'not_found']);
        assert.ok(body.message.includes(`${method} ${address}`), body.message);
      }
    });

    it('a malformed escape in the address is a 400 in JSON', async () => {
      const response = await fetch(`${base}/api/areas/%E0%A4%A`);
      const body = (await response.json()) as ApiError;
      assert.equal(response.status, 400);
      assert.equal(body.code, 'bad_request');
    });

    it('logged no server errors', () => {
      assert.deepEqual(logged, []);
    });

    it("a NUL character in a parameter or an address is the client's error, not the server's", async () => {
      const cases: [string, number][] = [
        ['/api/areas?q=%00', 400],
        ['/api/metrics?q=a%00b', 400],
        ['/api/areas/%00', 404],
        ['/api/metrics/%00', 404],
      ];
      for (const [address, status] of cases) {
        const response = await fetch(base + address);
        await response.text();
        assert.equal(response.status, status, address);
      }
    });
  });

  describe('the OpenAPI document', () => {
    it('is served at /api/openapi.json and a standard validator accepts it', async () => {
      const { status, body } = await get<typeof openApiDocument>('/api/openapi.json');
      assert.equal(status, 200);
      assert.equal(body.openapi, '3.1.0');
      type ApiDocument = Awaited<ReturnType<typeof SwaggerParser.validate>>;
      await SwaggerParser.validate(structuredClone(body) as unknown as ApiDocument);
    });

    it('declares each path parameter of each path, and a unique operationId per operation', () => {
      // swagger-parser checks neither for OpenAPI 3.1 (it accepts a path with its parameters removed).
      const ids = new Set<string>();
      type Operation = { readonly operationId: string; readonly parameters?: readonly { name: string; in: string; required?: boolean }[] };
      for (const [template, operations] of Object.entries(openApiDocument.paths as Record<string, Record<string, Operation>>)) {
        const inTemplate = [...template.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
        for (const [method, operation] of Object.entries(operations)) {
          const declared = (operation.parameters ?? []).filter((p) => p.in === 'path');
          assert.deepEqual(declared.map((p) => p.name).sort(), inTemplate, `${method} ${template}`);
          assert.ok(
            declared.every((p) => p.required === true),
            `${method} ${template}: path parameters are required`,
          );
          assert.ok(!ids.has(operation.operationId), `operationId ${operation.operationId} is used twice`);
          ids.add(operation.operationId);
        }
      }
    });

    it('describes every route of the API routers, with its method', () => {
      // The routes are read from the app under test itself: the routers mounted under /api, and their route layers.
      const routes = apiRoutes(app);
      assert.ok(routes.length >= 16, `found ${routes.length} routes`);
      const paths = openApiDocument.paths as Record<string, Record<string, unknown>>;
      for (const { method, path: route } of routes) {
        const documented = route.replace(/:(\w+)/g, '{$1}');
        assert.ok(paths[documented]?.[method], `${method.toUpperCase()} ${documented} is not in the OpenAPI document`);
      }
      const documented = Object.entries(paths)
        .flatMap(([p, operations]) => Object.keys(operations).map((m) => `${m} ${p}`))
        .sort();
      assert.deepEqual(routes.map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`).sort(), documented, 'and nothing else');
    });
  });
});

interface RouterLayer {
  readonly route?: { readonly path: string; readonly methods: Record<string, boolean> };
  readonly handle: { readonly stack?: readonly RouterLayer[] };
  readonly matchers?: readonly ((path: string) => unknown)[];
}

/** The routes of the routers that the app mounts under /api (at /api/benchmark and /api), and /health and /ready, from Express's own route table. */
function apiRoutes(app: TestServer['app']): { method: string; path: string }[] {
  const stack = (app as unknown as { router: { stack: readonly RouterLayer[] } }).router.stack;
  const routers = stack.filter((layer) => layer.handle.stack && !layer.route);
  const mountedAt = (layer: RouterLayer) => ['/api', '/api/benchmark'].find((prefix) => layer.matchers?.some((match) => match(`${prefix}/x`)));
  assert.ok(
    routers.some((layer) => mountedAt(layer) === '/api'),
    'a router is mounted at /api',
  );
  // The service's own routes, for load balancers, are documented with the API.
  const service = stack.filter((layer) => layer.route && ['/health', '/ready'].includes(layer.route.path)).map((layer) => ({ method: 'get', path: layer.route!.path }));
  return service.concat(
    routers.flatMap((router) => {
      const prefix = mountedAt(router);
      if (!prefix) return [];
      return router.handle.stack!.flatMap((layer) =>
        layer.route
          ? Object.keys(layer.route.methods)
              .filter((m) => m !== '_all')
              .map((method) => ({ method, path: prefix + layer.route!.path }))
          : [],
      );
    }),
  );
}
