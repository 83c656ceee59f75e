// PageCache: pages kept per key for one generation, for a minute at most,
// within a byte budget, the least recently used going first.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { PageCache } from '../../src/server/platform/http/page-cache.ts';

const made = (bytes: number, label = '') => ({ bytes, label });

describe('PageCache(budgetBytes, maxAgeMs)', () => {
  it('keeps a page for its key and generation, and drops every page when the generation changes', () => {
    const cache = new PageCache<ReturnType<typeof made>>();
    assert.equal(cache.get('/areas/E06000047', 'g1'), undefined);
    cache.put('/areas/E06000047', 'g1', made(10, 'area'));
    assert.equal(cache.get('/areas/E06000047', 'g1')?.label, 'area');
    assert.equal(cache.get('scope /areas/E06000047', 'g1'), undefined, 'another key is another page');
    assert.equal(cache.get('/areas/E06000047', 'g2'), undefined);
    assert.equal(cache.get('/areas/E06000047', 'g1'), undefined, 'nor does the old generation come back');
  });

  it('keeps nothing made under a generation that is no longer current', () => {
    const cache = new PageCache<ReturnType<typeof made>>();
    cache.get('/', 'g2');
    cache.put('/', 'g1', made(10));
    assert.equal(cache.get('/', 'g2'), undefined);
  });

  it('stays within its byte budget, the least recently used page going first', () => {
    const cache = new PageCache<ReturnType<typeof made>>(100);
    cache.get('a', 'g');
    cache.put('a', 'g', made(40, 'a'));
    cache.put('b', 'g', made(40, 'b'));
    cache.get('a', 'g'); // a is now the most recently used
    cache.put('c', 'g', made(40, 'c'));
    assert.equal(cache.get('b', 'g'), undefined, 'b went to make room');
    assert.deepEqual([cache.get('a', 'g')?.label, cache.get('c', 'g')?.label], ['a', 'c']);
    cache.put('a', 'g', made(50, 'a again'));
    assert.equal(cache.get('c', 'g')?.label, 'c', 'a page put again replaces its old bytes rather than adding to them');
    cache.put('huge', 'g', made(101));
    assert.equal(cache.get('huge', 'g'), undefined, 'a page larger than the budget is not kept');
    assert.equal(cache.get('c', 'g')?.label, 'c', 'and pushes nothing out');
  });

  it('keeps a page for maxAgeMs at most', async () => {
    const cache = new PageCache<ReturnType<typeof made>>(100, 20);
    cache.get('/', 'g');
    cache.put('/', 'g', made(1));
    assert.ok(cache.get('/', 'g'));
    await new Promise((resolve) => setTimeout(resolve, 40));
    assert.equal(cache.get('/', 'g'), undefined);
  });
});
