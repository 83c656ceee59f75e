// Embargoed data never shape what a viewer may not see: an early-sight
// metric themed 'context' is a variable of the neighbour groups only for
// those who may read it in full, and a neighbour group kept with a slice is
// never served once the contextual metrics that made it have changed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { administratorToken, bearer } from '../support/access.ts';
import { importText } from '../support/import.ts';
import { startTestServer, type TestServer } from '../support/server.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

const DURHAM = 'E06000047';
/** Ten other unitary councils in the North East, E06000001 to E06000010. */
const OTHERS = Array.from({ length: 10 }, (_, i) => `E06${String(i + 1).padStart(6, '0')}`);

interface Table {
  group: { label: string; size: number };
  rows: { area: string }[];
}

describe('embargoed contextual metrics and neighbour groups', () => {
  let store: TestStore;
  let server: TestServer;
  let admin: Record<string, string>;

  const load = async (name: string, text: string) => {
    const result = await importText(store.sql, name, text);
    assert.equal(result.status, 'loaded', JSON.stringify(result.rejections));
    if (server) await server.engine.batchLoaded(result.batchId);
  };
  const observations = (metric: string, value: (i: number) => number) =>
    ['metric,area,period,value', `${metric},${DURHAM},2023,${value(-1)}`, ...OTHERS.map((code, i) => `${metric},${code},2023,${value(i)}`)].join('\n');
  const members = async (address: string, headers: Record<string, string> = {}) => {
    const response = await fetch(server.base + address, { headers });
    assert.equal(response.status, 200, await response.clone().text());
    return ((await response.json()) as Table).rows.map((r) => r.area).sort();
  };
  const table = (count: number) => `/api/benchmark/league-table?metric=score&area=${DURHAM}&group=neighbours&count=${count}`;

  before(async () => {
    store = await openTestStore();
    await load(
      'areas.csv',
      ['code,name,type,region_code', 'E12000001,North East,region,', `${DURHAM},County Durham,unitary,E12000001`, ...OTHERS.map((code, i) => `${code},Council ${i + 1},unitary,E12000001`)].join('\n'),
    );
    await load(
      'metrics.csv',
      [
        'code,title,polarity,value_kind,period_kind,themes,status',
        'people,Residents,neutral,mean,calendar_year,context,published',
        'score,A score,higher_is_better,mean,calendar_year,,published',
      ].join('\n'),
    );
    // On residents alone, the councils numbered 1, 2, 3 are Durham's nearest.
    await load(
      'people.csv',
      observations('people', (i) => 100 + (i + 1)),
    );
    await load(
      'score.csv',
      observations('score', (i) => 50 + i),
    );
    admin = bearer(await administratorToken(store.sql));
    server = await startTestServer(store);
  });
  after(async () => {
    await server.close();
    await store.close();
  });

  it('leaves an embargoed contextual metric out of the groups the public sees, and uses it for those who may read it', async () => {
    const before = await members(table(3));
    assert.deepEqual(before, [DURHAM, ...OTHERS.slice(0, 3)].sort());
    // Households under embargo put the councils numbered 8, 9, 10 nearest, by far.
    await load('households-metric.csv', 'code,title,polarity,value_kind,period_kind,themes,status\nhouseholds,Households (early sight),neutral,mean,calendar_year,context,early_sight');
    await load(
      'households.csv',
      observations('households', (i) => (i < 0 ? 0 : i >= 7 ? 0.001 * i : 1000 * (10 - i))),
    );
    assert.deepEqual(await members(table(3)), before, 'the public league table does not change');
    assert.deepEqual(await members(table(4)), [DURHAM, ...OTHERS.slice(0, 4)].sort(), 'nor does one first asked for now');
    const neighbours = await fetch(`${server.base}/api/benchmark/neighbours?area=${DURHAM}&count=3`);
    assert.equal(neighbours.status, 200, 'the public finds neighbours on what it may read');
    assert.deepEqual(
      ((await neighbours.json()) as { variables: { id: string }[] }).variables.map((v) => v.id),
      ['people'],
    );
    assert.equal((await fetch(`${server.base}/api/benchmark/neighbours?area=${DURHAM}&count=3&variables=households`)).status, 401);
    const shaped = await members(table(3), admin);
    assert.notDeepEqual(shaped, before, 'an administrator, who may read it in full, gets groups made with it');
  });

  it('keeps no neighbour group past a change to the contextual metrics: count 3 and count 4 agree', async () => {
    const three = await members(table(3));
    await members(table(4));
    // Density changes who is nearest: the councils numbered 5 to 10 now lie far from Durham.
    await load('density-metric.csv', 'code,title,polarity,value_kind,period_kind,themes\ndensity,People per hectare,neutral,mean,calendar_year,context');
    await load(
      'density.csv',
      observations('density', (i) => (i < 0 ? 1 : i >= 4 ? 1000 : 1)),
    );
    const threeAfter = await members(table(3));
    const fourAfter = await members(table(4));
    assert.ok(
      threeAfter.every((code) => fourAfter.includes(code)),
      `count=3 (${threeAfter.join(' ')}) lies within count=4 (${fourAfter.join(' ')})`,
    );
    assert.deepEqual(fourAfter, [DURHAM, ...OTHERS.slice(0, 4)].sort());
    assert.deepEqual(threeAfter.length, three.length);
  });
});
