// Definitions keep history: an areas or metrics file changes only the columns
// it gives, and every change to an area or a metric is kept with the batch
// that made it, readable at /api/areas/{code}/history and
// /api/metrics/{code}/history. A file of code, name and type once blanked a
// council's region, official name, dates and former codes without a trace.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { getArea, getMetric } from '../../src/store/catalogue.ts';
import { importText } from '../support/import.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

describe('definitions keep history', () => {
  let store: TestStore;
  let server: TestServer;
  let renamedBatch = 0;
  before(async () => {
    store = await openTestStore();
    const full = await importText(
      store.sql,
      'areas.csv',
      [
        'code,name,type,official_name,register_code,nation,region_code,start_date,former_codes',
        'E12000001,North East,region,,,England,,,',
        'E06000047,County Durham,unitary,Durham County Council,DUR,England,E12000001,2009-04-01,E06000048',
      ].join('\n'),
    );
    assert.equal(full.status, 'loaded', JSON.stringify(full.rejections));
    const metrics = await importText(
      store.sql,
      'metrics.csv',
      [
        'code,title,polarity,value_kind,period_kind,multiplier,unit,themes,decimals,source',
        'obesity,Adults classified as obese,lower_is_better,proportion,financial_year,100,%,health;adults,2,OHID',
      ].join('\n'),
    );
    assert.equal(metrics.status, 'loaded', JSON.stringify(metrics.rejections));
    server = await startTestServer(store);
  });
  after(async () => {
    await server.close();
    await store.close();
  });

  async function get<T>(path: string): Promise<{ status: number; body: T }> {
    const response = await fetch(server.base + path);
    return { status: response.status, body: (await response.json()) as T };
  }

  interface Change {
    readonly changes: Record<string, { was: unknown; became: unknown }>;
    readonly batchId: number | null;
    readonly supersededBy: number | null;
  }

  it('an areas file of code, name and type renames an area and keeps its region, official name, dates and former codes', async () => {
    const before = await get<{ items: Change[] }>('/api/areas/E06000047/history');
    const renamed = await importText(store.sql, 'names.csv', 'code,name,type\nE06000047,Durham,unitary\n');
    assert.equal(renamed.status, 'loaded', JSON.stringify(renamed.rejections));
    renamedBatch = renamed.batchId;
    assert.deepEqual({ inserted: renamed.inserted, revised: renamed.revised, unchanged: renamed.unchanged }, { inserted: 0, revised: 1, unchanged: 0 });
    const area = await getArea(store.sql, 'E06000047');
    assert.deepEqual(
      {
        name: area?.name,
        officialName: area?.officialName,
        registerCode: area?.registerCode,
        nation: area?.nation,
        regionCode: area?.regionCode,
        startDate: area?.startDate,
        formerCodes: area?.formerCodes,
      },
      { name: 'Durham', officialName: 'Durham County Council', registerCode: 'DUR', nation: 'England', regionCode: 'E12000001', startDate: '2009-04-01', formerCodes: ['E06000048'] },
    );

    const { status, body } = await get<{ items: Change[] }>('/api/areas/E06000047/history');
    assert.equal(status, 200);
    assert.equal(body.items.length, before.body.items.length + 1);
    const last = body.items.at(-1)!;
    assert.deepEqual(last.changes, { name: { was: 'County Durham', became: 'Durham' } });
    assert.equal(last.supersededBy, renamed.batchId);
  });

  it('a council renamed by a partial file is still compared with its region', async () => {
    await server.engine.batchLoaded(renamedBatch);
    const { status, body } = await get<unknown>('/api/benchmark/profile?area=E06000047&group=region');
    assert.equal(status, 200, JSON.stringify(body));
  });

  it('a column given blank is a change, kept with what it was', async () => {
    const result = await importText(store.sql, 'ends.csv', 'code,name,type,former_codes\nE06000047,Durham,unitary,\n');
    assert.equal(result.status, 'loaded', JSON.stringify(result.rejections));
    const { body } = await get<{ items: Change[] }>('/api/areas/E06000047/history');
    assert.deepEqual(body.items.at(-1), {
      ...body.items.at(-1),
      changes: { formerCodes: { was: ['E06000048'], became: [] } },
      supersededBy: result.batchId,
    });
    assert.equal((await getArea(store.sql, 'E06000047'))?.regionCode, 'E12000001');
  });

  it('an unchanged file leaves no history', async () => {
    const before = await get<{ items: Change[] }>('/api/areas/E06000047/history');
    const again = await importText(store.sql, 'names.csv', 'code,name,type\nE06000047,Durham,unitary\n');
    assert.equal(again.unchanged, 1);
    const after = await get<{ items: Change[] }>('/api/areas/E06000047/history');
    assert.equal(after.body.items.length, before.body.items.length);
  });

  it('a metrics file of code and title retitles a metric and keeps its polarity, kinds, unit, themes and decimals', async () => {
    const retitled = await importText(store.sql, 'titles.csv', 'code,title\nobesity,Adults living with obesity\n');
    assert.equal(retitled.status, 'loaded', JSON.stringify(retitled.rejections));
    const metric = await getMetric(store.sql, 'obesity');
    assert.deepEqual(
      {
        title: metric?.title,
        polarity: metric?.polarity,
        valueKind: metric?.valueKind,
        periodKind: metric?.periodKind,
        unit: metric?.unit,
        multiplier: metric?.multiplier,
        themes: metric?.themes,
        decimals: metric?.decimals,
        source: metric?.source,
        status: metric?.status,
      },
      {
        title: 'Adults living with obesity',
        polarity: 'lower_is_better',
        valueKind: 'proportion',
        periodKind: 'financial_year',
        unit: '%',
        multiplier: 100,
        themes: ['health', 'adults'],
        decimals: 2,
        source: 'OHID',
        status: 'published',
      },
    );
    const { status, body } = await get<{ items: Change[] }>('/api/metrics/obesity/history');
    assert.equal(status, 200);
    assert.equal(body.items.length, 1);
    assert.deepEqual(body.items[0]!.changes, { title: { was: 'Adults classified as obese', became: 'Adults living with obesity' } });
    assert.equal(body.items[0]!.supersededBy, retitled.batchId);
    assert.notEqual(body.items[0]!.batchId, null);
  });

  it('a new metric must still give its value kind and period kind', async () => {
    const result = await importText(store.sql, 'titles.csv', 'code,title\nnew-metric,Something new\n');
    assert.equal(result.status, 'rejected');
    assert.deepEqual(result.rejections.map((r) => r.column).sort(), ['period_kind', 'value_kind']);
  });

  it('the history of an unknown area or metric is a 404', async () => {
    assert.equal((await get<unknown>('/api/areas/E06999999/history')).status, 404);
    assert.equal((await get<unknown>('/api/metrics/no-such-metric/history')).status, 404);
  });
});
