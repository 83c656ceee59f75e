// Search on the demo data: the cases people typed and found nothing with
// (issue 17): a council's own name, a postcode, a slip of the keyboard, and a
// metric called by another name.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BenchmarkEngine } from '../../../src/engine/benchmark-engine.ts';
import { render } from '../../../src/web/render.ts';
import { search } from '../../../src/web/views/search.ts';
import { openDemoStore, type TestStore } from '../../support/store.ts';

const DURHAM = 'E06000047';

describe('search on the demo data', () => {
  let store: TestStore;
  let engine: BenchmarkEngine;
  before(async () => {
    store = await openDemoStore();
    engine = await BenchmarkEngine.start(store.sql, () => {}, false);
  });
  after(async () => {
    await engine.stop();
    await store.close();
  });
  const find = (query: string) => search(engine.index, query);

  it("finds County Durham by the council's own name, and by Durham alone", () => {
    assert.equal(find('Durham County Council').areas[0]?.code, DURHAM);
    assert.equal(find('durham county council').areas[0]?.code, DURHAM);
    assert.ok(find('Durham').areas.some((a) => a.code === DURHAM));
    assert.equal(find('County Durham').areas[0]?.code, DURHAM);
  });

  it('finds a council by its own name where the place is called otherwise', () => {
    assert.equal(find('Hull City Council').areas[0]?.code, 'E06000010');
    assert.equal(find('Kingston upon Hull').areas[0]?.code, 'E06000010');
  });

  it('forgives a slip of the keyboard, after every exact match', () => {
    assert.equal(find('durhm').areas[0]?.code, DURHAM);
    assert.equal(find('county durhm').areas[0]?.code, DURHAM);
    assert.equal(find('Hartlepol').areas[0]?.code, 'E06000001');
    assert.deepEqual(find('zzzz').areas, []);
    assert.deepEqual(
      find('dur')
        .areas.map((a) => a.code)
        .includes(DURHAM),
      true,
      'a short word is found inside names',
    );
  });

  it('says a postcode or postcode district cannot be looked up yet', () => {
    assert.equal(find('DH1 5UQ').postcode, 'postcode');
    assert.equal(find('dh15uq').postcode, 'postcode');
    assert.equal(find('DH1').postcode, 'district');
    assert.equal(find('Durham').postcode, null);
    assert.equal(find(DURHAM).postcode, null);
    assert.deepEqual(find('DH1 5UQ').metrics, []);
  });

  it('tells a resident on the page, in words, what to do with a postcode', () => {
    const text = (query: string) =>
      render('pages/search.njk', { query, found: find(query) })
        .replace(/<[^>]+>/g, ' ')
        .replace(/\s+/g, ' ');
    assert.match(text('DH1 5UQ'), /‘DH1 5UQ’ looks like a postcode\. Lantern cannot look up postcodes yet\. Search by the name of your council instead/);
    assert.match(text('DH1'), /looks like a postcode district\./);
    assert.doesNotMatch(text('DH1'), /No council or place matches/);
    assert.doesNotMatch(text('Durham'), /cannot look up postcodes/);
  });

  it('finds metrics by synonyms and words of their definitions', () => {
    const obesity = find('obesity').metrics.map((m) => m.title);
    assert.ok(
      obesity.some((t) => /overweight or obese/i.test(t)),
      `obesity finds the overweight metric: ${obesity.join('; ')}`,
    );
    const excess = find('excess weight').metrics.map((m) => m.title);
    assert.ok(
      excess.some((t) => /overweight or obese/i.test(t)),
      `excess weight finds it too: ${excess.join('; ')}`,
    );
    const typo = find('overwieght').metrics.map((m) => m.title);
    assert.ok(
      typo.some((t) => /overweight or obese/i.test(t)),
      `a slip finds it: ${typo.join('; ')}`,
    );
  });
});
