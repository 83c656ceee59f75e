// A file that lists areas and no figures, as a council publishes its CIPFA
// nearest neighbours (`area_code,area_name`), is saved as a comparator group
// named after the file, recorded with its batch; a code Lantern does not hold
// refuses the batch and leaves no group behind.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { importFile } from '../../src/ingest/import-file.ts';
import { groupCodeColumn } from '../../src/ingest/import-group.ts';
import { listGroups } from '../../src/store/comparator-groups.ts';
import { textStream } from '../support/data.ts';
import { openTestStore, type TestStore } from '../support/store.ts';

/** The first rows of Trafford's CIPFA nearest neighbours (2021), as published. */
const CIPFA = ['area_code,area_name', 'E06000030,Swindon', 'E06000036,Bracknell Forest', 'E06000038,Reading', 'E08000009,Trafford'].join('\n') + '\n';

describe('a file that lists areas and no figures', () => {
  let store: TestStore;
  before(async () => {
    store = await openTestStore();
  });
  after(() => store.close());

  it('tells a list of areas from figures by its header alone', () => {
    assert.equal(groupCodeColumn(['area_code', 'area_name']), 'area_code');
    assert.equal(groupCodeColumn(['lad23cd', 'lad23nm']), 'lad23cd');
    assert.equal(groupCodeColumn(['area_code']), 'area_code');
    assert.equal(groupCodeColumn(['area_code', 'median_price']), undefined);
    assert.equal(groupCodeColumn(['area_code', 'area_name', 'value']), undefined);
  });

  it('is saved as a comparator group named after the file, with its batch', async () => {
    const result = await importFile(store.sql, { fileName: 'cipfa2021.csv', input: textStream(CIPFA), importedBy: 'test' });
    assert.equal(result.status, 'loaded', JSON.stringify(result.rejections));
    assert.equal(result.kind, 'groups');
    assert.deepEqual([result.rowsRead, result.inserted, result.rejected], [4, 4, 0]);
    const [group] = (await listGroups(store.sql)).filter((g) => g.name === 'cipfa2021');
    assert.deepEqual(group?.areaCodes, ['E06000030', 'E06000036', 'E06000038', 'E08000009']);
    const [row] = await store.sql<{ batch_id: number }[]>`select batch_id from comparator_group where id = ${group!.id}`;
    assert.equal(row!.batch_id, result.batchId);
    assert.ok(
      result.notices.some((notice) => notice.includes(`saved as the comparator group 'cipfa2021' (group=custom&groupId=${group!.id})`)),
      result.notices.join('\n'),
    );
  });

  it('refuses a code Lantern does not hold, or one given twice, and keeps no group', async () => {
    const bad = CIPFA + 'E05000819,Altrincham\nE06000030,Swindon\n';
    const result = await importFile(store.sql, { fileName: 'cipfa-bad.csv', input: textStream(bad), importedBy: 'test' });
    assert.equal(result.status, 'rejected');
    assert.deepEqual(
      result.rejections.map((r) => [r.line, r.column, r.reason]),
      [
        [6, 'area_code', 'E05000819 is a ward code; Lantern holds local authorities: use --add-areas to keep wards'],
        [7, 'area_code', 'E06000030 is also on line 2: a group lists each area once'],
      ],
    );
    assert.equal(
      (await listGroups(store.sql)).some((g) => g.name === 'cipfa-bad'),
      false,
    );
  });

  it('refuses a list of one area, which is no group', async () => {
    const result = await importFile(store.sql, { fileName: 'one.csv', input: textStream('area_code,area_name\nE08000009,Trafford\n'), importedBy: 'test' });
    assert.equal(result.status, 'rejected');
    assert.match(result.rejections[0]!.reason, /a comparator group lists from 2 to 1000 areas; this file lists 1/);
  });
});
