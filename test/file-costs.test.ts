import assert from 'node:assert/strict';
import path from 'node:path';
import { describe, it } from 'node:test';
import { costliestFirst, costliestProcessesFirst, fileCost } from './support/file-costs.ts';
import { shareOut } from './support/shared-processes.ts';

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

  it('starts a share of many quick files before one slower file, by their cost together', () => {
    const servers = Array.from({ length: 12 }, (_, i) => file(`test/server/route-${i}.test.ts`));
    const alone = file('test/cli/inspect.test.ts');
    const processes = costliestProcessesFirst(shareOut(costliestFirst([alone, ...servers]), { 'test/server': 6 }));
    assert.deepEqual(
      processes.map((one) => one.files.length),
      [6, 6, 1],
    );
    assert.ok(fileCost(alone) > fileCost(servers[0]!), 'the file alone costs more than any one server file');
  });

  it('deals a folder’s files in turn, each to one share only', () => {
    const files = costliestFirst([file('test/server/releases/probe.test.ts'), file('test/server/access/probes.test.ts'), file('test/server/a.test.ts'), file('test/server/b.test.ts')]);
    const shares = shareOut(files, { 'test/server': 2 });
    assert.deepEqual(
      shares.map((one) => one.files),
      [
        [file('test/server/releases/probe.test.ts'), file('test/server/a.test.ts')],
        [file('test/server/access/probes.test.ts'), file('test/server/b.test.ts')],
      ],
    );
  });
});
