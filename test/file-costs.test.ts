import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { costliestFirst, fileCost } from './support/file-costs.ts';

const file = (name: string) => name.split('/').join(path.sep);

describe('the order test files start in', () => {
  it('starts a listed slow file before any file of its folder that is not listed', () => {
    const order = costliestFirst([file('test/server/api.test.ts'), file('test/server/releases/probe.test.ts'), file('test/browser/pages.test.ts')]);
    assert.deepEqual(order, [file('test/browser/pages.test.ts'), file('test/server/releases/probe.test.ts'), file('test/server/api.test.ts')]);
  });

  it('gives a new or renamed file its folder’s cost, and a file in no known folder a cost of its own', () => {
    assert.equal(fileCost(file('test/browser/a-page-added-today.test.ts')), fileCost(file('test/browser/another-new-page.test.ts')));
    assert.ok(fileCost(file('test/browser/a-page-added-today.test.ts')) > fileCost(file('test/server/a-route-added-today.test.ts')));
    assert.ok(fileCost(file('test/somewhere-new/a.test.ts')) > 0);
  });

  it('starts the domain’s and the web’s quick files after the store’s', () => {
    const order = costliestFirst([file('test/domain/a.test.ts'), file('test/web/b.test.ts'), file('test/store/c.test.ts')]);
    assert.equal(order[0], file('test/store/c.test.ts'));
  });

  it('orders files of equal cost by name, whatever order they are given in', () => {
    const files = [file('test/store/b.test.ts'), file('test/store/a.test.ts'), file('test/store/c.test.ts')];
    assert.deepEqual(costliestFirst(files), costliestFirst([...files].reverse()));
    assert.deepEqual(costliestFirst(files), [file('test/store/a.test.ts'), file('test/store/b.test.ts'), file('test/store/c.test.ts')]);
  });
});
