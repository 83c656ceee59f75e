// Ward figures into a store of councils: refused, with each code said to be a
// ward and nothing stored; with --add-areas (addAreas=true over HTTP) the
// wards are kept, typed by their GSS code, named from the file and recorded
// as added by the batch; all or nothing as ever.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importText, seedCatalogue } from '../support/import.ts';
import { importFile } from '../../src/ingest/import-file.ts';
import { textStream } from '../support/data.ts';
import { administratorToken, bearer } from '../support/access.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openTestStore, type TestStore } from '../support/store.ts';
import { eventually } from '../support/jobs.ts';

function csv(...lines: string[]): string {
  return lines.join('\n') + '\n';
}

/** County Durham's wards, as a council publishes a ward profile. */
const WARDS = csv(
  'metric,area,area_name,period,value',
  'claimants,E06000047,County Durham,2023-12-31,3.6',
  'claimants,E05008809,Elvet and Gilesgate,2023-12-31,1.2',
  'claimants,E05008810,Esh and Witton Gilbert,2023-12-31,2.4',
  'claimants,E05008811,Evenwood,2023-12-31,3.1',
);

describe('importing ward figures', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
    await seedCatalogue(store.sql);
    const metrics = await importText(store.sql, 'metrics.csv', csv('code,title,polarity,value_kind,period_kind', 'claimants,Claimants as a share of residents aged 16-64,lower_is_better,mean,date'));
    assert.equal(metrics.status, 'loaded', JSON.stringify(metrics.rejections));
  });
  after(async () => store.close());

  const wardsHeld = async () => (await store.sql<{ code: string }[]>`select code from area where code like 'E05%' order by code`).map((r) => r.code);
  const addAreas = (fileName: string, text: string) => importFile(store.sql, { fileName, input: textStream(text), importedBy: 'test', addAreas: true });

  it('refuses each ward code without --add-areas, saying it is a ward and suggesting no council; nothing is stored', async () => {
    const result = await importText(store.sql, 'wards.csv', WARDS);
    assert.equal(result.status, 'rejected');
    const codes = ['E05008809', 'E05008810', 'E05008811'];
    assert.deepEqual(
      result.rejections.map((r) => [r.line, r.column, r.value, r.reason, r.suggestion]),
      codes.map((code, i) => [i + 3, 'area', code, `${code} is a ward code; Lantern holds local authorities: use --add-areas to keep wards`, undefined]),
    );
    assert.deepEqual(await wardsHeld(), []);
    const [stored] = await store.sql<{ count: number }[]>`select count(*)::int as count from observation o join metric m on m.id = o.metric_id where m.code = 'claimants'`;
    assert.equal(stored!.count, 0);
  });

  it('suggests only a unitary for a mistyped unitary code, never another kind of area', async () => {
    const result = await importText(store.sql, 'typo.csv', csv('metric,area,period,value', 'claimants,E06000074,2023-12-31,3.6'));
    assert.deepEqual(
      result.rejections.map((r) => [r.reason, r.suggestion?.slice(0, 3)]),
      [["'E06000074' is not an area in the register", 'E06']],
    );
  });

  it('refuses a new ward with no name, and adds no other ward of the file', async () => {
    const result = await addAreas('unnamed.csv', csv('metric,area,period,value', 'claimants,E05008812,2023-12-31,2.0'));
    assert.equal(result.status, 'rejected');
    assert.deepEqual(
      result.rejections.map((r) => [r.line, r.column, r.reason]),
      [[2, 'area', "the row gives no name for the new ward E05008812: give each new area's name in an area_name column"]],
    );
    const rejectedWithBadValue = await addAreas(
      'bad-value.csv',
      csv('metric,area,area_name,period,value', 'claimants,E05008809,Elvet and Gilesgate,2023-12-31,1.2', 'claimants,E05008810,Esh and Witton Gilbert,2023-12-31,lots'),
    );
    assert.equal(rejectedWithBadValue.status, 'rejected');
    assert.deepEqual(await wardsHeld(), [], 'a rejected batch adds no area');
  });

  it('keeps the wards with --add-areas, typed, named and recorded as added by the batch, and says so', async () => {
    const result = await addAreas('wards.csv', WARDS);
    assert.equal(result.status, 'loaded', JSON.stringify(result.rejections));
    assert.equal(result.inserted, 4);
    assert.deepEqual(result.notices, ['3 areas added: 3 wards']);
    const wards = await store.sql<{ code: string; name: string; type: string; nation: string; batchId: number }[]>`
      select code, name, type, nation, batch_id as "batchId" from area where code like 'E05%' order by code`;
    assert.deepEqual(
      wards.map((w) => ({ ...w })),
      [
        { code: 'E05008809', name: 'Elvet and Gilesgate', type: 'ward', nation: 'England', batchId: result.batchId },
        { code: 'E05008810', name: 'Esh and Witton Gilbert', type: 'ward', nation: 'England', batchId: result.batchId },
        { code: 'E05008811', name: 'Evenwood', type: 'ward', nation: 'England', batchId: result.batchId },
      ],
    );
    const values = await store.sql<{ code: string; value: number }[]>`
      select a.code, o.value from observation o join area a on a.id = o.area_id join metric m on m.id = o.metric_id
      where m.code = 'claimants' order by a.code`;
    assert.deepEqual(
      values.map((v) => [v.code, v.value]),
      [
        ['E05008809', 1.2],
        ['E05008810', 2.4],
        ['E05008811', 3.1],
        ['E06000047', 3.6],
      ],
    );
  });

  it('reads the held wards again without adding them, and adds only the new one', async () => {
    const result = await addAreas('more-wards.csv', csv('metric,area,area_name,period,value', 'claimants,E05008809,Elvet and Gilesgate,2024-12-31,1.1', 'claimants,W05000864,Cathays,2024-12-31,0.9'));
    assert.equal(result.status, 'loaded', JSON.stringify(result.rejections));
    assert.deepEqual(result.notices, ['1 area added: 1 ward']);
  });

  describe('over HTTP', () => {
    let server: TestServer;
    let asAdministrator: Record<string, string>;
    before(async () => {
      asAdministrator = bearer(await administratorToken(store.sql));
      server = await startTestServer(store);
    });
    after(async () => server.close());

    async function post(query: string, body: string) {
      const response = await fetch(`${server.base}/api/imports?${query}`, { method: 'POST', body, headers: { 'Content-Type': 'text/csv', ...asAdministrator } });
      return { status: response.status, body: (await response.json()) as { notices: string[]; rejections: { message: string }[] } };
    }
    const parishes = csv('metric,area,area_name,period,value', 'claimants,E04011617,Brancepeth,2023-12-31,1.0');

    it('refuses parishes without addAreas, with 422 and the message naming the file and line', async () => {
      const { status, body } = await post('fileName=parishes.csv', parishes);
      assert.equal(status, 422);
      assert.deepEqual(
        body.rejections.map((r) => r.message),
        ["parishes.csv:2: column 'area': E04011617 is a civil parish code; Lantern holds local authorities: use --add-areas to keep civil parishes"],
      );
    });

    it('keeps them with addAreas=true, and the benchmark index knows them', async () => {
      const { status, body } = await post('fileName=parishes.csv&addAreas=true', parishes);
      assert.equal(status, 201, JSON.stringify(body));
      assert.deepEqual(body.notices, ['1 area added: 1 civil parish']);
      // The index hears of the batch by NOTIFY, which may come after the upload's answer: wait until it knows the parish.
      await eventually('the index to hold the parish', () => server.engine.index.area('E04011617'));
      await server.engine.settled();
      const area = await fetch(`${server.base}/api/areas/E04011617`).then((r) => r.json() as Promise<{ type: string; name: string }>);
      assert.deepEqual([area.type, area.name], ['parish', 'Brancepeth']);
      const response = await fetch(`${server.base}/api/benchmark/league-table?metric=claimants&period=2023-12-31&area=E04011617&group=england`);
      const table = (await response.json()) as { group: { label: string }; rows: { area: string }[] };
      assert.equal(response.status, 200, JSON.stringify(table));
      assert.deepEqual([table.group.label, table.rows.map((row) => row.area)], ['English parishes', ['E04011617']]);
    });

    it("ranks a ward among England's wards only, in the benchmark index refreshed after the batch", async () => {
      const response = await fetch(`${server.base}/api/benchmark/league-table?metric=claimants&period=2023-12-31&area=E05008810&group=england`);
      const table = (await response.json()) as { group: { label: string }; rows: { area: string }[] };
      assert.equal(response.status, 200, JSON.stringify(table));
      assert.equal(table.group.label, 'English wards');
      assert.deepEqual(
        table.rows.map((row) => row.area),
        ['E05008809', 'E05008810', 'E05008811'],
      );
    });
  });
});
