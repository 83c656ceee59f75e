import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { SeenKeys } from '../../src/ingest/seen-keys.ts';

describe('SeenKeys.add(metricId, areaId, period)', () => {
  it('says true the first time a key is given and false after', () => {
    const seen = new SeenKeys();
    assert.equal(seen.add(1, 7, '2023/24'), true);
    assert.equal(seen.add(1, 7, '2023/24'), false);
    assert.equal(seen.add(1, 7, '2022/23'), true);
    assert.equal(seen.add(1, 8, '2023/24'), true);
    assert.equal(seen.add(2, 7, '2023/24'), true);
  });

  it('keeps provisional (negative) metric ids apart from real ones, and grows past the first areas', () => {
    const seen = new SeenKeys();
    assert.equal(seen.add(-1, 3, '2020'), true);
    assert.equal(seen.add(1, 3, '2020'), true);
    assert.equal(seen.add(-1, 3, '2020'), false);
    assert.equal(seen.add(1, 9_000, '2020'), true);
    assert.equal(seen.add(1, 9_000, '2020'), false);
    assert.equal(seen.add(1, 3, '2020'), false, 'growing the bits kept the old ones');
  });

  it('agrees with a set of keys over any sequence', () => {
    fc.assert(fc.property(
      fc.array(fc.tuple(fc.integer({ min: -3, max: 50 }), fc.integer({ min: 0, max: 2_000 }), fc.constantFrom('2020', '2021', '2020/21')), { maxLength: 300 }),
      (keys) => {
        const seen = new SeenKeys();
        const set = new Set<string>();
        for (const [metric, area, period] of keys) {
          const key = `${metric}|${area}|${period}`;
          assert.equal(seen.add(metric, area, period), !set.has(key));
          set.add(key);
        }
      },
    ));
  });
});
