// County Durham's nearest neighbours on the demo's data: on size alone they
// were Buckinghamshire, Wiltshire and Dorset; with deprivation and income
// beside size they are places like it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { statisticalNeighbours } from '../../../src/domain/benchmark/statistical-neighbours.ts';
import { BenchmarkEngine } from '../../../src/engine/benchmark-engine.ts';
import { loadDemo } from '../../../src/ingest/demo.ts';
import path from 'node:path';
import { PROJECT_DIR } from '../../support/data.ts';
import { openDemoStore, type TestStore } from '../../support/store.ts';

const DURHAM = 'E06000047';

describe("County Durham's statistical neighbours", () => {
  let store: TestStore;
  let engine: BenchmarkEngine;
  before(async () => {
    store = await openDemoStore();
    assert.ok(await loadDemo(store.sql, path.join(PROJECT_DIR, 'data', 'demo'), () => {}, { only: ['ons-els-indicators'] }));
    engine = await BenchmarkEngine.start(store.sql, () => {}, false);
  });
  after(async () => {
    await engine.stop();
    await store.close();
  });

  it('rest on deprivation and income beside size, and say so', () => {
    const found = statisticalNeighbours(engine.index, engine.index.area(DURHAM)!, { variables: [], weights: [], count: 15, readableEarlySight: new Set() });
    assert.equal(found.kind, 'ok');
    if (found.kind !== 'ok') return;
    assert.deepEqual(
      found.variables.map((v) => [v.label, v.transform]),
      [
        ['Children in relative poverty before housing costs', 'none'],
        ['Gross disposable household income per head', 'none'],
        ['Population (2020)', 'log'],
        ['Population density (2020)', 'log'],
      ],
    );
    const codes = found.neighbours.map((n) => n.code);
    for (const [code, name] of [
      ['E06000060', 'Buckinghamshire'],
      ['E06000054', 'Wiltshire'],
      ['E06000059', 'Dorset'],
    ]) {
      assert.ok(!codes.includes(code!), `${name} is no longer among the 15 nearest: ${found.neighbours.map((n) => n.name).join(', ')}`);
    }
    for (const [code, name] of [
      ['E06000057', 'Northumberland'],
      ['E08000017', 'Doncaster'],
      ['E08000036', 'Wakefield'],
    ]) {
      assert.ok(codes.includes(code!), `${name} is among them: ${found.neighbours.map((n) => n.name).join(', ')}`);
    }
  });
});
