// groupsFor(area): the comparator groups a page may offer an area, the
// default first.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { groupsFor } from '../../../src/domain/benchmark/comparator-group.ts';

const area = (type: 'unitary' | 'district' | 'region' | 'england', endDate: string | null, regionCode: string | null) => Object.freeze({ type, endDate, regionCode });

describe('groupsFor(area)', () => {
  it('offers a council in being its nearest neighbours first, then its region, type and England', () => {
    assert.deepEqual(groupsFor(area('unitary', null, 'E12000001')), ['neighbours', 'region', 'type', 'england']);
  });

  it('offers a former council no nearest neighbours, and England first', () => {
    assert.deepEqual(groupsFor(area('district', '2023-04-01', 'E12000002')), ['england', 'region', 'type']);
  });

  it('offers England and a region neither neighbours nor a region of their own', () => {
    assert.deepEqual(groupsFor(area('england', null, null)), ['england', 'type']);
    assert.deepEqual(groupsFor(area('region', null, null)), ['england', 'type']);
  });
});
